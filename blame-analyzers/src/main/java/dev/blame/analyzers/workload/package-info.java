/**
 * Analyzers for the built-in workload kinds: Pod, ReplicaSet, Deployment, StatefulSet, DaemonSet, Job and
 * CronJob, one class per kind. Each reads its object's spec and status, and the verdicts of the children it
 * owns (final when read, since the engine analyzes owned children first); none declares owner links, which
 * the engine adds from {@code ownerReferences}. Reason codes are in {@link dev.blame.analyzers.workload.WorkloadReasons}.
 * docs/status-vocabulary.md says which fields decide each health and status.
 */
@dev.blame.api.BlameStyle
package dev.blame.analyzers.workload;
