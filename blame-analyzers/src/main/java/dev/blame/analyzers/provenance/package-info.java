/**
 * The built-in {@linkplain dev.blame.api.spi.Facet facets}: the revisions of Deployments (their ReplicaSets) and
 * of StatefulSets and DaemonSets (their ControllerRevisions), what those controllers are doing, the deployment
 * tools behind a workload (Helm, Argo CD, Flux, kubectl), and the injectors that add parts to pods at admission
 * (Istio, Linkerd, Vault, the ServiceAccount admission plugin). Each rule cites the controller behaviour or the
 * marks it reads; the engine knows none of them.
 */
package dev.blame.analyzers.provenance;
