/**
 * The kubectl plugin {@code kubectl-blame}: command line parsing (picocli), the resource-name resolution
 * kubectl users expect, and the renderers for text, JSON/YAML, Graphviz dot and Mermaid. Built on the
 * public API only ({@code dev.blame.api} and {@code dev.blame.core.BlameEngine}); the library never prints,
 * this package maps its exceptions to exit codes and one-line messages.
 */
package dev.blame.cli;
