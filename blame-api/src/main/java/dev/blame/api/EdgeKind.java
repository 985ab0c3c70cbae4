package dev.blame.api;

/**
 * How two objects are related. Every edge reads as a sentence, {@code from KIND to}: "Deployment owns
 * ReplicaSet", "Pod mounts PersistentVolumeClaim".
 *
 * <p>{@link #fromIsUpstream()} says which end is the cause in blame's two views. For control relations
 * ({@code OWNS}, {@code SELECTS}, ...) the {@code from} object drives the {@code to} object, so it is
 * upstream. For dependency relations ({@code MOUNTS}, {@code REFERENCES}, ...) the {@code from} object needs
 * the {@code to} object, and a failing {@code to} explains a failing {@code from}: {@code to} is upstream.
 */
public enum EdgeKind {
  /** An owner reference: the owner is {@code from}. */
  OWNS(true),
  /** A label selector: a Service, PodDisruptionBudget or workload selects pods. */
  SELECTS(true),
  /** An Ingress or route sends traffic to a Service. */
  ROUTES_TO(true),
  /** An autoscaler scales its target. */
  SCALES(true),
  /** A pod mounts a volume source (PersistentVolumeClaim, ConfigMap, Secret). */
  MOUNTS(false),
  /** An object names another in its spec (env, envFrom, imagePullSecrets, serviceAccountName, TLS secret). */
  REFERENCES(false),
  /** A PersistentVolumeClaim is bound to a PersistentVolume, or uses a StorageClass. */
  BOUND_TO(false),
  /** A pod runs on a node. */
  RUNS_ON(false),
  /** Part of the object was injected by an admission webhook or controller ({@code to}). */
  INJECTED_BY(false),
  /** An object belongs to a revision held by {@code to} (a ReplicaSet or ControllerRevision). */
  REVISION_OF(false);

  private final boolean fromIsUpstream;

  EdgeKind(boolean fromIsUpstream) {
    this.fromIsUpstream = fromIsUpstream;
  }

  /**
   * Which end is upstream, for the two views: upstream objects are causes, downstream ones effects.
   *
   * @return true when {@code from} drives {@code to} (ownership, selection, routing, scaling); false when {@code
   *     from} depends on {@code to} (mounts, references, bindings)
   */
  public boolean fromIsUpstream() {
    return fromIsUpstream;
  }

  /** {@return the kebab-case name used in output: {@code routes-to}}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
