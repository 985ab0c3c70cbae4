package dev.blame.demo;

import dev.blame.api.Escape;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, deterministic stand-in for kube-controller-manager, kube-scheduler and one kubelet, driven by
 * informers against any Kubernetes API (usually a {@link DemoCluster}), so it reacts to objects any
 * client creates or edits, kubectl included. The rules are documented in docs/demo-cluster.md.
 *
 * <p>Every tick (default 100 ms) runs one reconcile pass over all objects in namespace/name order:
 * deployments, replica sets, stateful sets, daemon sets, cron jobs, jobs, scheduler and kubelet (each pod moves at most one step),
 * endpoints, quota usage, disruption budgets. Given the same objects and the same number of ticks it makes the same
 * decisions. Failures of a pass are logged, reported to the listeners registered with
 * {@link Builder#onError(Consumer)} and kept in {@link #errors()}; the next tick retries.
 *
 * <p>Thread-safe; {@link #close()} stops the ticks and the informers (not the client).
 */
public final class ControllerSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerSimulator.class);

  /** The one fake node and its allocatable resources. */
  public static final String NODE_NAME = EventRecorder.NODE;
  public static final String NODE_CPU = "4";
  public static final String NODE_MEMORY = "8Gi";
  public static final int NODE_PODS = 110;

  /** The User-Agent of the simulator's writes: managedFields name it {@code kube-controller-manager}. */
  static final String USER_AGENT = "kube-controller-manager/v1.29.0 (linux/amd64) demo";

  final KubernetesClient client;
  final Clock clock;
  final EventRecorder events;
  final Cache<Deployment> deployments;
  final Cache<ReplicaSet> replicaSets;
  final Cache<StatefulSet> statefulSets;
  final Cache<io.fabric8.kubernetes.api.model.apps.DaemonSet> daemonSets;
  final Cache<io.fabric8.kubernetes.api.model.batch.v1.Job> jobs;
  final Cache<io.fabric8.kubernetes.api.model.batch.v1.CronJob> cronJobs;
  final Cache<ControllerRevision> revisions;
  final Cache<Pod> pods;
  final Cache<Namespace> namespaces;
  final Cache<ResourceQuota> quotas;
  final Cache<Service> services;
  final Cache<Endpoints> endpoints;
  final Cache<io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice> endpointSlices;
  final Cache<io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget> pdbs;
  private final List<Cache<?>> caches = new ArrayList<>();
  private final DeploymentController deploymentController;
  private final ReplicaSetController replicaSetController;
  private final StatefulSetController statefulSetController;
  private final DaemonSetController daemonSetController;
  private final JobController jobController;
  private final CronJobController cronJobController;
  private final Kubelet kubelet;
  private final KubeletNodeStatus nodeStatus;
  private final NodeLifecycleController nodeLifecycle;
  private final ServiceController serviceController;
  private final DisruptionController disruptionController;
  private final ScheduledExecutorService executor;
  private final AtomicLong tick = new AtomicLong();
  private final List<Exception> errors = new CopyOnWriteArrayList<>();
  private final List<Consumer<Exception>> errorListeners;
  private final Duration tickInterval;
  private volatile boolean closed;

  private ControllerSimulator(Builder b) {
    // Its own client, so that the API server's field manager (the User-Agent's product) names the controllers
    // as on a real cluster, whatever client the caller passed.
    this.client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
        new io.fabric8.kubernetes.client.ConfigBuilder(b.client.getConfiguration()).withUserAgent(USER_AGENT).build())
        .build();
    this.clock = b.clock;
    this.tickInterval = b.tick;
    this.errorListeners = List.copyOf(b.errorListeners);
    this.events = new EventRecorder(client, clock);
    Runnable noop = () -> { };
    this.deployments = cache(client.apps().deployments().inAnyNamespace().runnableInformer(0), noop);
    this.replicaSets = cache(client.apps().replicaSets().inAnyNamespace().runnableInformer(0), noop);
    this.statefulSets = cache(client.apps().statefulSets().inAnyNamespace().runnableInformer(0), noop);
    this.daemonSets = cache(client.apps().daemonSets().inAnyNamespace().runnableInformer(0), noop);
    this.jobs = cache(client.batch().v1().jobs().inAnyNamespace().runnableInformer(0), noop);
    this.cronJobs = cache(client.batch().v1().cronjobs().inAnyNamespace().runnableInformer(0), noop);
    this.revisions = cache(client.apps().controllerRevisions().inAnyNamespace().runnableInformer(0), noop);
    this.pods = cache(client.pods().inAnyNamespace().runnableInformer(0), noop);
    this.namespaces = cache(client.namespaces().runnableInformer(0), noop);
    this.quotas = cache(client.resourceQuotas().inAnyNamespace().runnableInformer(0), noop);
    this.services = cache(client.services().inAnyNamespace().runnableInformer(0), noop);
    this.endpoints = cache(client.endpoints().inAnyNamespace().runnableInformer(0), noop);
    this.endpointSlices = cache(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0), noop);
    this.pdbs = cache(client.policy().v1().podDisruptionBudget().inAnyNamespace().runnableInformer(0), noop);
    this.deploymentController = new DeploymentController(this);
    this.replicaSetController = new ReplicaSetController(this);
    this.statefulSetController = new StatefulSetController(this);
    this.daemonSetController = new DaemonSetController(this);
    this.jobController = new JobController(this);
    this.cronJobController = new CronJobController(this);
    this.kubelet = new Kubelet(this);
    this.nodeStatus = new KubeletNodeStatus(this);
    this.nodeLifecycle = new NodeLifecycleController(this);
    this.serviceController = new ServiceController(this);
    this.disruptionController = new DisruptionController(this);
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demo-controller-simulator");
      t.setDaemon(true);
      return t;
    });
  }

  private <T extends HasMetadata> Cache<T> cache(SharedIndexInformer<T> informer, Runnable onChange) {
    Cache<T> c = new Cache<>(informer, onChange);
    caches.add(c);
    return c;
  }

  /** A builder for a simulator working through {@code client} (which the simulator never closes). */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** Starts a simulator with default settings on {@code cluster}'s shared client. */
  public static ControllerSimulator start(DemoCluster cluster) {
    return builder(cluster.client()).start();
  }

  /** Builds a {@link ControllerSimulator}. Not thread-safe. */
  public static final class Builder {
    private final KubernetesClient client;
    private Clock clock = Clock.systemUTC();
    private Duration tick = Duration.ofMillis(100);
    private final List<Consumer<Exception>> errorListeners = new ArrayList<>();

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The clock for timestamps and Deployment progress deadlines (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Time between two reconcile passes (default 100 ms; at least 10 ms). */
    public Builder tick(Duration tick) {
      if (tick.toMillis() < 10) {
        throw new IllegalArgumentException("tick must be at least 10 ms, was " + tick);
      }
      this.tick = tick;
      return this;
    }

    /** Called (on the simulator thread) when a reconcile pass fails; the next tick retries. */
    public Builder onError(Consumer<Exception> listener) {
      errorListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Starts the informers (waiting until they have synced), creates the node {@value #NODE_NAME} if
     * absent, and starts ticking.
     *
     * @throws KubernetesClientException when the API cannot be reached
     */
    public ControllerSimulator start() {
      ControllerSimulator sim = new ControllerSimulator(this);
      sim.startInternal();
      return sim;
    }
  }

  private void startInternal() {
    try {
      for (Cache<?> c : caches) {
        c.informer().start();
      }
      for (Cache<?> c : caches) {
        c.informer().start().toCompletableFuture().get(90, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      close();
      throw new IllegalStateException("the controller simulator's informers did not sync against "
          + client.getMasterUrl() + ": " + e.getMessage(), e);
    }
    ensureNode();
    executor.scheduleWithFixedDelay(this::tick, 0, tickInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void ensureNode() {
    if (client.nodes().withName(NODE_NAME).get() != null) {
      return;
    }
    Map<String, Quantity> resources = Map.of("cpu", new Quantity(NODE_CPU), "memory", new Quantity(NODE_MEMORY),
        "pods", new Quantity(String.valueOf(NODE_PODS)), "ephemeral-storage", new Quantity("100Gi"));
    Node node = client.nodes().resource(new NodeBuilder().withNewMetadata().withName(NODE_NAME)
        .addToLabels("kubernetes.io/hostname", NODE_NAME).addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64").addToLabels("node-role.kubernetes.io/control-plane", "")
        .endMetadata().withNewSpec().withPodCIDR("10.244.0.0/24").endSpec().build()).create();
    String now = EventRecorder.now(clock);
    node.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().withCapacity(resources)
        .withAllocatable(resources)
        .addNewCondition().withType("MemoryPressure").withStatus("False").withReason("KubeletHasSufficientMemory")
        .withMessage("kubelet has sufficient memory available").withLastHeartbeatTime(now)
        .withLastTransitionTime(now).endCondition()
        .addNewCondition().withType("DiskPressure").withStatus("False").withReason("KubeletHasNoDiskPressure")
        .withMessage("kubelet has no disk pressure").withLastHeartbeatTime(now).withLastTransitionTime(now)
        .endCondition()
        .addNewCondition().withType("PIDPressure").withStatus("False").withReason("KubeletHasSufficientPID")
        .withMessage("kubelet has sufficient PID available").withLastHeartbeatTime(now)
        .withLastTransitionTime(now).endCondition()
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withMessage("kubelet is posting ready status").withLastHeartbeatTime(now).withLastTransitionTime(now)
        .endCondition()
        .addNewAddress("10.0.0.10", "InternalIP").addNewAddress(NODE_NAME, "Hostname")
        .withNewNodeInfo().withArchitecture("amd64").withOperatingSystem("linux").withKubeletVersion("v1.29.0")
        .withKubeProxyVersion("v1.29.0").withContainerRuntimeVersion("containerd://1.7.11")
        .withOsImage("Debian GNU/Linux 12 (bookworm)").withKernelVersion("6.1.0-demo").withMachineID("demo")
        .withSystemUUID("demo").withBootID("demo").endNodeInfo().build());
    client.nodes().resource(node).updateStatus();
    // The kubelet's heartbeat lease, which `kubectl describe node` shows.
    client.leases().inNamespace("kube-node-lease").resource(new io.fabric8.kubernetes.api.model.coordination.v1
        .LeaseBuilder().withNewMetadata().withName(NODE_NAME).withNamespace("kube-node-lease").endMetadata()
        .withNewSpec().withHolderIdentity(NODE_NAME).withLeaseDurationSeconds(40)
        .withRenewTime(java.time.ZonedDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)).endSpec()
        .build()).createOr(existing -> existing.update());
  }

  private void tick() {
    if (closed) {
      return;
    }
    long n = tick.incrementAndGet();
    runStep("deployments", deploymentController::reconcile);
    runStep("replicasets", replicaSetController::reconcile);
    runStep("statefulsets", statefulSetController::reconcile);
    runStep("daemonsets", daemonSetController::reconcile);
    runStep("cronjobs", cronJobController::reconcile);
    runStep("jobs", jobController::reconcile);
    runStep("kubelet", () -> kubelet.reconcile(n));
    runStep("node status", () -> nodeStatus.reconcile(n));
    runStep("node lifecycle", () -> nodeLifecycle.reconcile(n));
    runStep("services", serviceController::reconcile);
    runStep("disruption", disruptionController::reconcile);
  }

  private void runStep(String name, Runnable step) {
    try {
      step.run();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        LOG.debug("{}: conflict, retrying next tick: {}", Escape.terminal(name), Escape.terminal(e.getMessage()));
        return;
      }
      report(name, e);
    } catch (RuntimeException e) {
      report(name, e);
    }
  }

  private void report(String step, Exception e) {
    if (closed) {
      return;
    }
    LOG.warn("controller simulator step {} failed (retrying next tick): {}", step, Escape.terminal(e.toString()));
    if (errors.size() < 100) {
      errors.add(e);
    }
    errorListeners.forEach(l -> {
      try {
        l.accept(e);
      } catch (RuntimeException ignored) {
        // a listener must not stop the simulator
      }
    });
  }

  /** How many reconcile passes have started. */
  public long ticks() {
    return tick.get();
  }

  /** The tick interval. */
  public Duration tickInterval() {
    return tickInterval;
  }

  /** Failures of reconcile passes so far (at most 100 kept), oldest first. */
  public List<Exception> errors() {
    return List.copyOf(errors);
  }

  /** Blocks until {@code n} more ticks have run (or the simulator is closed). */
  public void awaitTicks(int n) throws InterruptedException {
    long target = tick.get() + n;
    while (tick.get() < target && !closed) {
      Thread.sleep(Math.max(5, tickInterval.toMillis() / 4));
    }
  }

  // ---------------------------------------------------------------- writes with read-your-writes

  <T extends HasMetadata> T create(Cache<T> cache, T obj) {
    T created = client.resource(obj).create();
    cache.wrote(created);
    return created;
  }

  <T extends HasMetadata> T update(Cache<T> cache, T obj) {
    T updated = client.resource(obj).update();
    cache.wrote(updated);
    return updated;
  }

  <T extends HasMetadata> T updateStatus(Cache<T> cache, T obj) {
    T updated = client.resource(obj).updateStatus();
    cache.wrote(updated);
    return updated;
  }

  /**
   * The controllers' ClaimObjects: objects of {@code cache} in the owner's namespace that no controller owns and whose
   * labels match {@code selector} get a controller reference to {@code owner} (after {@code kubectl delete
   * --cascade=orphan} and a re-create, the new owner takes over the old ReplicaSets or pods). Terminal pods are left
   * alone. An empty selector adopts nothing.
   */
  <T extends HasMetadata> void adopt(Cache<T> cache, HasMetadata owner,
      io.fabric8.kubernetes.api.model.LabelSelector selector) {
    String expression = selectorString(selector);
    if (expression.isEmpty()) {
      return;
    }
    for (T obj : cache.inNamespace(owner.getMetadata().getNamespace())) {
      if (obj.getMetadata().getDeletionTimestamp() != null || obj.getMetadata().getOwnerReferences().stream()
          .anyMatch(r -> Boolean.TRUE.equals(r.getController()))
          || (obj instanceof Pod pod && pod.getStatus() != null && ("Succeeded".equals(pod.getStatus().getPhase())
              || "Failed".equals(pod.getStatus().getPhase())))
          || !LabelSelectors.matches(expression, obj.getMetadata().getLabels() == null ? Map.of()
              : obj.getMetadata().getLabels())) {
        continue;
      }
      T copy = client.getKubernetesSerialization().clone(obj);
      List<io.fabric8.kubernetes.api.model.OwnerReference> refs = new ArrayList<>(copy.getMetadata()
          .getOwnerReferences());
      copy.getMetadata().setOwnerReferences(refs);
      refs.add(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
          .withApiVersion(owner.getApiVersion()).withKind(owner.getKind()).withName(owner.getMetadata().getName())
          .withUid(owner.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).build());
      try {
        update(cache, copy);
      } catch (KubernetesClientException e) {
        LOG.debug("cannot adopt {}: {}", Escape.terminal(obj.getMetadata().getName()), Escape.terminal(e.getMessage()));
      }
    }
  }

  static String selectorString(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return "";
    }
    List<String> requirements = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> requirements.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (var e : selector.getMatchExpressions()) {
        String values = "(" + String.join(",", e.getValues() == null ? List.of() : e.getValues()) + ")";
        switch (e.getOperator()) {
          case "In" -> requirements.add(e.getKey() + " in " + values);
          case "NotIn" -> requirements.add(e.getKey() + " notin " + values);
          case "Exists" -> requirements.add(e.getKey());
          case "DoesNotExist" -> requirements.add("!" + e.getKey());
          default -> {
            return "";
          }
        }
      }
    }
    return String.join(",", requirements);
  }

  <T extends HasMetadata> void delete(Cache<T> cache, T obj) {
    client.resource(obj).delete();
    cache.deleted(obj);
  }

  String now() {
    return EventRecorder.now(clock);
  }

  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    caches.forEach(c -> {
      try {
        c.close();
      } catch (RuntimeException e) {
        LOG.debug("closing an informer failed: {}", Escape.terminal(e.toString()));
      }
    });
    client.close();
  }
}
