/**
 * The public entry point of blame-core, {@link dev.blame.core.BlameEngine}. Everything else in this module lives
 * in {@code dev.blame.core.internal} and is not API.
 */
package dev.blame.core;
