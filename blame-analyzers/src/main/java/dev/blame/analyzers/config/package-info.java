/**
 * Configuration around pods: what a pod references (ConfigMaps, Secrets, claims, ServiceAccount, Node) in
 * {@link dev.blame.analyzers.config.PodReferencesAnalyzer}, HorizontalPodAutoscalers and
 * PodDisruptionBudgets.
 */
package dev.blame.analyzers.config;
