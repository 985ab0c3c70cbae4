/**
 * Custom resources and the extension API: the generic fallback for kinds no specific analyzer names
 * ({@link dev.blame.analyzers.custom.GenericResourceAnalyzer}, which reads the conventions operators share
 * through package-private readers: status signals, the condition and status-word vocabularies, replica
 * counters), CustomResourceDefinitions and APIServices. No rule here names an API group or a kind.
 */
package dev.blame.analyzers.custom;
