/**
 * The cluster's own machinery as seen from the objects it hosts: Nodes (their Ready and pressure conditions,
 * the taints the node lifecycle controller sets, cordoning). What a node's state does to the pods on it is
 * declared by {@code dev.blame.analyzers.config.PodReferencesAnalyzer}, which links each pod to its node.
 */
package dev.blame.analyzers.cluster;
