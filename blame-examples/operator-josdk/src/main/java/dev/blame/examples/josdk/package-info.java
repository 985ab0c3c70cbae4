/**
 * A WebApp operator on Java Operator SDK 5 whose reconciler writes blame's verdict of the WebApp's Deployment into
 * the WebApp's {@code Ready} condition ({@link dev.blame.api.ReadyCondition}: reason and message change only when
 * the verdict does). Blame reads Deployments from the operator's own event source through a push
 * {@link dev.blame.core.Feed} ({@link dev.blame.examples.josdk.FeedingInformerEventSource}), so the operator lists
 * and watches Deployments once; ReplicaSets, pods and Events, which the operator does not watch, blame reads itself.
 */
package dev.blame.examples.josdk;
