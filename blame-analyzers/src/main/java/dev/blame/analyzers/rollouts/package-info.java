/**
 * Argo Rollouts ({@code argoproj.io/v1alpha1 Rollout}): a custom rollout that takes part in both views like a
 * Deployment does, through an {@link dev.blame.api.spi.Analyzer} and a {@link dev.blame.api.spi.RevisionFacet}.
 * The rules follow the Rollout CRD and the Argo Rollouts documentation (status fields {@code phase},
 * {@code abort}, {@code pauseConditions}, {@code currentPodHash}, {@code stableRS},
 * {@code blueGreen.activeSelector}; ReplicaSets labelled {@code rollouts-pod-template-hash} and annotated
 * {@code rollout.argoproj.io/revision}).
 */
package dev.blame.analyzers.rollouts;
