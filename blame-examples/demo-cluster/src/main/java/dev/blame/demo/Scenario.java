package dev.blame.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named demo situation: {@link #play} creates its objects through a client (a running
 * {@link ControllerSimulator} does the rest) and {@link #awaitSettled} waits until the interesting state
 * is reached. The states are documented in docs/demo-cluster.md.
 */
public enum Scenario {
  /** Namespace talk (istio-injection=enabled): my-busybox revision 1 runs, revision 2 crashes (exit 1). */
  TALK("talk", "talk", "my-busybox: revision 2 (busybox:v3, sh -c \"exit 1\") in CrashLoopBackOff"),
  /** Deployment checkout whose image registry does not resolve. */
  IMAGE_PULL_ERROR("image-pull-error", "image-pull-error", "checkout: ImagePullBackOff"),
  /** Deployment analytics requesting 16 CPUs from a 4-CPU node. */
  UNSCHEDULABLE("unschedulable", "unschedulable", "analytics: pod Unschedulable (Insufficient cpu)"),
  /** Deployment web with 3 replicas in a namespace whose ResourceQuota allows 2 pods. */
  QUOTA("quota", "quota", "web: ReplicaSet FailedCreate (exceeded quota)"),
  /** StatefulSet db whose first pod crashes, so the others are never created. */
  CRASHLOOP_STATEFULSET("crashloop-statefulset", "crashloop-statefulset", "db-0 in CrashLoopBackOff (exit 2)"),
  /** Healthy Deployment frontend behind a Service whose selector has a typo. */
  SERVICE_SELECTS_NOTHING("service-selects-nothing", "service-selects-nothing",
      "Service frontend selects no pods (Endpoints empty)"),
  /** WebApp shop (example.dev/v1) Ready=False because the Deployment it owns cannot pull its image. */
  CUSTOM_RESOURCE_NOT_READY("custom-resource-not-ready", "custom-resource-not-ready",
      "WebApp shop Ready=False; its Deployment shop-backend in ImagePullBackOff"),
  /** Deployment api rolled from nginx:1.25 to nginx:1.26 successfully. */
  HEALTHY_ROLLOUT("healthy-rollout", "healthy-rollout", "api: revision 2 complete (NewReplicaSetAvailable)"),
  /** Nothing but the default namespace and the node. */
  EMPTY("empty", "default", "an empty cluster");

  private final String id;
  private final String namespace;
  private final String description;

  Scenario(String id, String namespace, String description) {
    this.id = id;
    this.namespace = namespace;
    this.description = description;
  }

  /** The name used on the command line, e.g. {@code image-pull-error}. */
  public String id() {
    return id;
  }

  /** The namespace the scenario's objects live in. */
  public String namespace() {
    return namespace;
  }

  /** One line on the state the scenario settles in. */
  public String description() {
    return description;
  }

  /**
   * The scenario called {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Scenario byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scenario \"" + id + "\"; known: "
            + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "))));
  }

  /**
   * Creates the scenario's objects. Needs a running {@link ControllerSimulator} on the same cluster:
   * {@link #TALK} and {@link #HEALTHY_ROLLOUT} wait (up to {@code timeout}) for revision 1 to be available
   * before changing the template.
   *
   * @throws IllegalStateException when revision 1 does not become available in time
   */
  public void play(KubernetesClient client, Duration timeout) {
    Scenarios.play(this, client, timeout);
  }

  /** Whether the documented state has been reached. */
  public boolean isSettled(KubernetesClient client) {
    return Scenarios.settled(this, client) == null;
  }

  /**
   * Waits until the documented state is reached.
   *
   * @throws IllegalStateException after {@code timeout}, saying what is still missing
   */
  public void awaitSettled(KubernetesClient client, Duration timeout) {
    Scenarios.await(() -> Scenarios.settled(this, client), timeout, "scenario " + id + " did not settle");
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
