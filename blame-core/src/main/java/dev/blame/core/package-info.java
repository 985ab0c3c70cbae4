/**
 * The public entry point of blame-core, {@link dev.blame.core.BlameEngine}, and {@link dev.blame.core.HttpLimits},
 * the limits blame-core puts on the client it builds for Secrets, which a caller may put on its own client.
 * Everything else in this module lives in {@code dev.blame.core.internal} and is not API.
 */
package dev.blame.core;
