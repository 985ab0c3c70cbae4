/**
 * The plugin's background server: a warm JVM that answers one-shot commands for the same user and the same build
 * over a Unix domain socket, so that a run pays for a small client's start instead of a cold JVM's warm-up
 * (docs/cli.md, "The background server"; docs/performance.md). Only the JDK is used here, so the client stays small.
 */
package dev.blame.cli.server;
