package dev.blame.examples.rollout;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Tolerance;
import dev.blame.api.WaitResult;
import dev.blame.core.BlameEngine;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Scenario;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The rollout-wait benchmark (docs/performance.md, "Rollout wait"); not a test. For each failing demo scenario:
 * time from the decisive status update being written (stamped by an independent watch on its own connection)
 * to the verdict, for our wait, fabric8's {@code waitUntilReady} and a 2 s readiness poll like helm's legacy
 * waiter, all with the same timeout. For a healthy rollout: time from the last new pod becoming ready (and from
 * the Deployment's completing status write) to our return.
 *
 * <p>Run: {@code mvn -B -q -pl blame-examples/rollout-wait -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.skip=true
 * [-Dexec.args=TIMEOUT_SECONDS]} (default 60).
 */
public final class WaitBenchmark {

  private static final long NONE = Long.MIN_VALUE;

  private final DemoCluster cluster;
  private final Duration timeout;
  private final List<CompletableFuture<String>> background = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();
  /** Each wait's progress reports: when (nanoTime) and what, printed relative to the decisive write. */
  private final List<long[]> traceTimes = new ArrayList<>();
  private final List<String> traceTexts = new ArrayList<>();

  private WaitBenchmark(DemoCluster cluster, Duration timeout) {
    this.cluster = cluster;
    this.timeout = timeout;
  }

  public static void main(String[] args) throws Exception {
    Duration timeout = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60);
    System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim());
    try (DemoCluster cluster = DemoCluster.start(); ControllerSimulator sim = ControllerSimulator.start(cluster)) {
      WaitBenchmark bench = new WaitBenchmark(cluster, timeout);
      bench.warmUp();
      Tolerance none = Tolerance.builder().grace(Duration.ZERO).build();
      bench.failing(Scenario.TALK, ObjectRef.of(GroupKind.DEPLOYMENT, "talk", "my-busybox"), none, Pod.class,
          p -> crashed(p, 0) && image(p).equals("busybox:v3"), "first crash of a revision-2 pod");
      // The kubelet records the pull failure as a Warning Event before it writes the waiting state.
      bench.alsoStamp = (client, stamp) -> client.v1().events().inNamespace("image-pull-error").inform(new Stamp<>(
          e -> "Failed".equals(e.getReason()) && "Pod".equals(e.getInvolvedObject().getKind()), stamp));
      bench.failing(Scenario.IMAGE_PULL_ERROR, ObjectRef.of(GroupKind.DEPLOYMENT, "image-pull-error", "checkout"),
          none, Pod.class, WaitBenchmark::pullFailed, "pull failure (Warning Failed Event, then ErrImagePull)");
      bench.failing(Scenario.UNSCHEDULABLE, ObjectRef.of(GroupKind.DEPLOYMENT, "unschedulable", "analytics"), none,
          Pod.class, WaitBenchmark::unschedulable, "PodScheduled=False Unschedulable written");
      bench.failing(Scenario.QUOTA, ObjectRef.of(GroupKind.DEPLOYMENT, "quota", "web"), none, ReplicaSet.class,
          WaitBenchmark::replicaFailure, "ReplicaFailure=True FailedCreate written");
      bench.failing(Scenario.CRASHLOOP_STATEFULSET, ObjectRef.of(GroupKind.STATEFUL_SET, "crashloop-statefulset",
          "db"), none, Pod.class, p -> crashed(p, 0), "first crash of db-0");
      bench.failing(null, ObjectRef.of(GroupKind.DEPLOYMENT, "crash-default", "web"), Tolerance.defaults(),
          Pod.class, p -> crashed(p, 2) && waitingCrash(p), "2nd restart (CrashLoopBackOff, restartCount 2)");
      bench.healthy();
      for (CompletableFuture<String> f : bench.background) {
        f.join();
      }
      System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
      System.out.println();
      System.out.println("| scenario | tolerance | decisive update | kubectl-blame wait | fabric8 waitUntilReady "
          + "| 2 s poll (helm legacy) | kubectl rollout status |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (String[] row : bench.rows) {
        System.out.println("| " + String.join(" | ", row) + " |");
      }
    }
    System.exit(0);
  }

  /** JIT and connection warm-up: one healthy rollout, not measured. */
  private void warmUp() throws Exception {
    namespace("warm-up");
    try (DeployTool deploy = new DeployTool(cluster.client(), "warm-up", Tolerance.defaults())) {
      for (int i = 0; i < 2; i++) {
        deploy.apply(List.of(deployment("warm-up", "w" + i, "nginx:1.25", List.of()))).await(timeout, s -> { });
      }
    }
  }

  /** A second observer stamping the same decisive moment (the first of the two wins), for the next row only. */
  private java.util.function.BiFunction<KubernetesClient, AtomicLong, SharedIndexInformer<?>> alsoStamp;
  private AtomicLong stamp = new AtomicLong(NONE);

  private <T extends HasMetadata> void failing(Scenario scenario, ObjectRef ref, Tolerance tolerance, Class<T> kind,
      Predicate<T> decisive, String what) throws Exception {
    String ns = ref.namespace();
    AtomicLong writtenAt = stamp;
    stamp = new AtomicLong(NONE);
    KubernetesClient observer = cluster.newClient();
    // The second observer stamps this row's moment (it used to read the field after it was replaced, stamping
    // the next row's: image-pull showed no decisive write, unschedulable one from before its wait started).
    SharedIndexInformer<?> second = alsoStamp == null ? null : alsoStamp.apply(observer, writtenAt);
    alsoStamp = null;
    boolean playFirst = scenario == Scenario.TALK;
    if (playFirst) {
      scenario.play(cluster.client(), Duration.ofSeconds(60));
    } else if (scenario == null) {
      namespace(ns);
    }
    SharedIndexInformer<T> informer = observe(observer, kind, ns, decisive, writtenAt);
    long started = System.nanoTime();
    CompletableFuture<Long> ours = CompletableFuture.supplyAsync(() -> ours(ref, tolerance));
    CompletableFuture<String> fabric8 = fabric8(ref, writtenAt);
    CompletableFuture<String> poll = poll(ref, writtenAt);
    CompletableFuture<String> kubectl = kubectl(ref, writtenAt);
    Thread.sleep(300); // the four waits have started watching / polling
    if (scenario != null && !playFirst) {
      scenario.play(cluster.client(), Duration.ofSeconds(60));
    } else if (scenario == null) {
      cluster.client().apps().deployments().inNamespace(ns).resource(deployment(ns, "web", "busybox:1",
          List.of("sh", "-c", "exit 1"))).create();
    }
    long decided = ours.join();
    trace(ref, writtenAt.get(), decided);
    informer.close();
    if (second != null) {
      second.close();
    }
    observer.close();
    String[] row = {scenario == null ? "crash loop, own Deployment" : scenario.id(),
        tolerance.grace().map(g -> "grace " + g.toSeconds() + "s").orElse("defaults"), what,
        writtenAt.get() == NONE ? "no decisive write seen" : since(decided, writtenAt.get()) + " after it",
        "pending", "pending", "pending"};
    if (writtenAt.get() != NONE && writtenAt.get() < started) {
      row[3] += " (decided before the wait started)";
    }
    rows.add(row);
    int index = rows.size() - 1;
    background.add(fabric8.thenApply(text -> rows.get(index)[4] = text));
    background.add(poll.thenApply(text -> rows.get(index)[5] = text));
    background.add(kubectl.thenApply(text -> rows.get(index)[6] = text));
  }

  private void healthy() throws Exception {
    String ns = Scenario.HEALTHY_ROLLOUT.namespace();
    ObjectRef ref = ObjectRef.of(GroupKind.DEPLOYMENT, ns, "api");
    Scenario.HEALTHY_ROLLOUT.play(cluster.client(), Duration.ofSeconds(60));
    KubernetesClient observer = cluster.newClient();
    AtomicLong lastPodReady = new AtomicLong(NONE);
    AtomicLong complete = new AtomicLong(NONE);
    SharedIndexInformer<Pod> pods = observer.pods().inNamespace(ns).inform(new Stamp<>(p -> true, lastPodReady) {
      @Override
      boolean matches(Pod ignored) {
        return observer.pods().inNamespace(ns).list().getItems().stream()
            .filter(p -> image(p).equals("nginx:1.26") && ready(p)).count() == 3;
      }
    });
    SharedIndexInformer<Deployment> deps = observer.apps().deployments().inNamespace(ns).inform(
        new Stamp<>(WaitBenchmark::completed, complete));
    CompletableFuture<String> fabric8 = fabric8(ref, lastPodReady);
    CompletableFuture<String> poll = poll(ref, lastPodReady);
    CompletableFuture<String> kubectl = kubectl(ref, lastPodReady);
    long decided = ours(ref, Tolerance.defaults());
    fabric8.join();
    pods.close();
    deps.close();
    observer.close();
    rows.add(new String[] {"healthy-rollout", "defaults", "last revision-2 pod Ready (Deployment complete)",
        since(decided, lastPodReady.get()) + " after the last pod Ready (" + since(decided, complete.get())
            + " after the Deployment's complete status)",
        fabric8.join(), "pending", "pending"});
    int index = rows.size() - 1;
    background.add(poll.thenApply(text -> rows.get(index)[5] = text));
    background.add(kubectl.thenApply(text -> rows.get(index)[6] = text));
  }

  private long ours(ObjectRef ref, Tolerance tolerance) {
    try (Blame blame = BlameEngine.builder().client(cluster.newClient()).namespace(ref.namespace())
        .tolerance(tolerance).build()) {
      WaitResult result = blame.waitFor(List.of(ref)).timeout(timeout).onProgress(states -> {
        long now = System.nanoTime();
        synchronized (traceTexts) {
          traceTimes.add(new long[] {now});
          traceTexts.add(states.stream().map(st -> st.phase() + " " + st.message()).reduce((a, b) -> a + "; " + b)
              .orElse(""));
        }
      }).await();
      long at = System.nanoTime();
      System.out.println(ref.display() + ": " + result.outcome() + " " + result.culprits().stream().findFirst()
          .map(Object::toString).orElse(""));
      return at;
    }
  }

  /** Prints the progress reports of the wait just done, in ms relative to the decisive write, and clears them. */
  private void trace(ObjectRef ref, long written, long decided) {
    synchronized (traceTexts) {
      System.out.println("trace " + ref.display() + " (ms after the decisive write, stamped at " + written / 1_000_000
          + "):");
      for (int i = 0; i < traceTexts.size(); i++) {
        long at = traceTimes.get(i)[0];
        String text = traceTexts.get(i);
        System.out.println("  " + (written == NONE ? "?" : String.valueOf((at - written) / 1_000_000)) + " "
            + (text.length() > 160 ? text.substring(0, 160) : text));
      }
      System.out.println("  " + (written == NONE ? "?" : String.valueOf((decided - written) / 1_000_000))
          + " returned");
      traceTimes.clear();
      traceTexts.clear();
    }
  }

  /** fabric8's own waiter; its answer is when it returned relative to the decisive write. */
  private CompletableFuture<String> fabric8(ObjectRef ref, AtomicLong writtenAt) {
    return CompletableFuture.supplyAsync(() -> {
      KubernetesClient client = cluster.newClient();
      long start = System.nanoTime();
      try {
        var resource = ref.groupKind().equals(GroupKind.STATEFUL_SET)
            ? client.apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name())
            : client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name());
        resource.waitUntilReady(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return "ready " + relative(System.nanoTime(), writtenAt.get(), start);
      } catch (RuntimeException e) {
        return "timed out after " + (System.nanoTime() - start) / 1_000_000_000 + " s, no cause";
      } finally {
        client.close();
      }
    });
  }

  /**
   * {@code kubectl rollout status} (the kubectl on PATH) with the same timeout, as a process against the demo
   * cluster; its answer is when it exited relative to the decisive write, with its exit code.
   */
  private CompletableFuture<String> kubectl(ObjectRef ref, AtomicLong writtenAt) {
    return CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      try {
        Path kubeconfig = cluster.writeKubeconfig(Files.createTempFile("wait-bench", ".kubeconfig"), ref.namespace());
        String type = ref.groupKind().equals(GroupKind.STATEFUL_SET) ? "statefulset" : "deployment";
        Process p = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "rollout", "status",
            type + "/" + ref.name(), "-n", ref.namespace(), "--timeout=" + timeout.toSeconds() + "s")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        long at = System.nanoTime();
        return code == 0 ? "done " + relative(at, writtenAt.get(), start)
            : "exit " + code + " after " + (at - start) / 1_000_000_000 + " s, no cause";
      } catch (java.io.IOException e) {
        return "kubectl not run: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    });
  }

  /** A 2 s readiness poll as helm's legacy waiter does it: never fails early, returns when ready. */
  private CompletableFuture<String> poll(ObjectRef ref, AtomicLong writtenAt) {
    return CompletableFuture.supplyAsync(() -> {
      KubernetesClient client = cluster.newClient();
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      try {
        while (System.nanoTime() < deadline) {
          boolean ready = ref.groupKind().equals(GroupKind.STATEFUL_SET)
              ? stsReady(client.apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name()).get())
              : completed(client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name()).get());
          if (ready) {
            return "ready " + relative(System.nanoTime(), writtenAt.get(), start);
          }
          Thread.sleep(2000);
        }
        return "timed out after " + timeout.toSeconds() + " s, no cause";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      } finally {
        client.close();
      }
    });
  }

  private static String relative(long at, long event, long start) {
    return event == NONE ? (at - start) / 1_000_000 + " ms after start"
        : at < event ? "EARLY, " + (event - at) / 1_000_000 + " ms before the new pods were ready (stale status)"
        : since(at, event) + " after it";
  }

  private static String since(long at, long event) {
    return event == NONE ? "n/a" : String.format(Locale.ROOT, "%d ms", (at - event) / 1_000_000);
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> observe(KubernetesClient client, Class<T> kind,
      String ns, Predicate<T> decisive, AtomicLong stamp) {
    return client.resources(kind).inNamespace(ns).inform(new Stamp<>(decisive, stamp));
  }

  /** Stamps the first add/update that matches. */
  private static class Stamp<T> implements ResourceEventHandler<T> {
    private final Predicate<T> decisive;
    private final AtomicLong stamp;

    Stamp(Predicate<T> decisive, AtomicLong stamp) {
      this.decisive = decisive;
      this.stamp = stamp;
    }

    boolean matches(T object) {
      return decisive.test(object);
    }

    @Override
    public void onAdd(T obj) {
      long now = System.nanoTime();
      if (stamp.get() == NONE && matches(obj)) {
        stamp.compareAndSet(NONE, now);
      }
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
      onAdd(newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) { }
  }

  private static List<ContainerStatus> statuses(Pod p) {
    return p.getStatus() == null || p.getStatus().getContainerStatuses() == null ? List.of()
        : p.getStatus().getContainerStatuses();
  }

  private static String image(Pod p) {
    return p.getSpec().getContainers().get(0).getImage();
  }

  static boolean crashed(Pod p, int restarts) {
    return statuses(p).stream().anyMatch(c -> c.getRestartCount() != null && c.getRestartCount() >= restarts
        && c.getState() != null && (c.getState().getTerminated() != null
            && !Objects.equals(c.getState().getTerminated().getExitCode(), 0)
            || c.getState().getWaiting() != null && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason())));
  }

  static boolean waitingCrash(Pod p) {
    return statuses(p).stream().anyMatch(c -> c.getState() != null && c.getState().getWaiting() != null
        && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason()));
  }

  static boolean pullFailed(Pod p) {
    return statuses(p).stream().anyMatch(c -> c.getState() != null && c.getState().getWaiting() != null
        && List.of("ErrImagePull", "ImagePullBackOff").contains(c.getState().getWaiting().getReason()));
  }

  static boolean unschedulable(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
            && "Unschedulable".equals(c.getReason()));
  }

  static boolean replicaFailure(ReplicaSet rs) {
    return rs.getStatus() != null && rs.getStatus().getConditions() != null && rs.getStatus().getConditions().stream()
        .anyMatch(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** kubectl rollout status' rule (and helm's legacy deploymentReady, close enough). */
  static boolean completed(Deployment d) {
    if (d == null || d.getStatus() == null) {
      return false;
    }
    var s = d.getStatus();
    int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    return s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
        && Objects.equals(s.getUpdatedReplicas(), want) && Objects.equals(s.getReplicas(), want)
        && Objects.equals(s.getAvailableReplicas(), want);
  }

  static boolean stsReady(StatefulSet sts) {
    if (sts == null || sts.getStatus() == null) {
      return false;
    }
    var s = sts.getStatus();
    int want = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    return Objects.equals(s.getReadyReplicas(), want) && Objects.equals(s.getCurrentRevision(), s.getUpdateRevision());
  }

  private void namespace(String ns) {
    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
        .build()).create();
  }

  private static Deployment deployment(String ns, String name, String image, List<String> command) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
        .addNewContainer().withName(name).withImage(image).withCommand(command).endContainer()
        .endSpec().endTemplate().endSpec().build();
  }
}
