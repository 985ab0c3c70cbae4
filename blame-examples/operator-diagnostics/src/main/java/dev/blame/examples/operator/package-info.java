/**
 * An example operator that explains its children: a {@code WebApp} ({@code example.dev/v1}: {@code spec.image},
 * {@code spec.replicas}) owns a Deployment and a Service, and its {@code Ready} condition says why it is not
 * ready, from blame's culprit: {@code Ready=False because pod web-6b7d-abcde is ImagePullBackOff since revision 1}.
 *
 * <p>This is the one example that writes to a cluster, and only the operator's own code does:
 * {@code Children} (the Deployment and Service), {@code StatusWriter} (the WebApp's status and Events). The
 * library it uses only lists and watches.
 *
 * <h2>Why plain fabric8 informers, not the Java Operator SDK</h2>
 *
 * <p>The SDK exists on our registry ({@code io.javaoperatorsdk:operator-framework-core:5.1.4}) but is built
 * against fabric8 7.3.1 while we use 7.9.0, and what it would add is what this example does not need: its
 * event sources would open a second set of watches on Deployments and pods next to the ones blame already
 * holds on the same client, and its dependent-resource and retry machinery is more code to read than the two
 * classes here. The operator has one informer (WebApps) and asks blame's in-memory graph about the rest, which
 * is the point of the example. A real operator with many kinds would weigh the SDK differently.
 *
 * <h2>Run it</h2>
 *
 * <p>{@link dev.blame.examples.operator.OperatorMain} starts a demo cluster, installs the CRD, creates a WebApp
 * with an image that cannot be pulled, prints each status transition, then fixes the image.
 */
package dev.blame.examples.operator;
