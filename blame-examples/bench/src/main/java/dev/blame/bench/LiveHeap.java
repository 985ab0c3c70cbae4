package dev.blame.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.blame.api.Blame;
import dev.blame.api.Finding;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * The heap the live path retains: the synthetic cluster is created in fabric8's CRUD mock server, run in a child JVM
 * as an API server runs elsewhere, then a live {@link Blame} over all namespaces watches every kind (a
 * {@code findings()} query) and this JVM's live heap is compared before and after, and after closing it. Beside it,
 * the same objects offline in the same JVM, measured the same way. Both the graph and the informers' own stores
 * count. Live heap is read from a
 * class histogram (which runs a full GC first), not from {@code Runtime} totals, which vary by tens of MB.
 */
public final class LiveHeap {

  /** Live heap before and with the live source, and what is left after closing it. */
  public record Result(int pods, int objects, long beforeBytes, long liveBytes, long bytesPerPod,
      long offlineBytesPerPod, long freedOnCloseBytesPerPod) {}

  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private LiveHeap() {}

  public static Result measure(int pods) throws Exception {
    // The API server runs in a child JVM, as a real one runs elsewhere: this heap then holds only what a user's
    // process holds (the client, the library and what they buffer), not the mock's stored objects, its recorded
    // requests or its side of every watch.
    try (Cluster cluster = Cluster.start(pods);
        KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(Config.empty())
                .withMasterUrl(cluster.url()).withNamespace("default").withRequestTimeout(300_000).build())
            .build()) {
      // The objects as the mock holds them: it gives each its own uid and creationTimestamp, so the offline graph
      // is built from what it returned (owner references pointing at the owners' new uids, the same ages), or the two
      // paths would judge different clusters.
      List<byte[]> asCreated = List.of(Files.readAllBytes(cluster.objects()));
      // Warm-up, once each way and discarded: what the first use of a path costs once per process (Jackson's and
      // fabric8's decoding caches, reflection metadata, the HTTP client's buffer pools) is no cost per pod, and a
      // user's process that watches a cluster has paid it already.
      warmUp(client, asCreated, pods);
      String offlineHistogramBefore = settled(); // what the warm-up left has gone
      long offlineBefore = total(offlineHistogramBefore);
      long offlinePerPod;
      Map<String, Long> offlineFindings;
      try (Blame offline = offline(asCreated)) {
        offlineFindings = byReason(offline.findings().list());
        String offlineHistogram = histogram();
        offlinePerPod = (total(offlineHistogram) - offlineBefore) / pods;
        if (Boolean.getBoolean("blame.bench.histogram")) {
          System.err.print("offline " + growth(offlineHistogramBefore, offlineHistogram, pods, 30));
        }
        dump("offline");
      }
      int objects = Measure.decode(asCreated).size();
      asCreated = null;
      String histogramBefore = histogram();
      long before = total(histogramBefore);
      // In its own frame, so that once closed nothing of the live Blame stays reachable from this one.
      String histogramWith = live(client, pods, histogramBefore, offlineFindings);
      long with = total(histogramWith);
      String histogramClosed = settled();
      long freed = with - total(histogramClosed);
      if (Boolean.getBoolean("blame.bench.histogram")) {
        System.err.print("freed by closing " + growth(histogramClosed, histogramWith, pods, 30));
      }
      return new Result(pods, objects, before, with - before, (with - before) / pods, offlinePerPod, freed / pods);
    }
  }

  /** In its own frame, so that nothing of the warm-up stays reachable from the caller's. */
  private static void warmUp(KubernetesClient client, List<byte[]> asCreated, int pods) throws Exception {
    try (Blame warm = offline(asCreated)) {
      warm.findings().list();
    }
    live(client, pods, null, null);
  }

  /**
   * The synthetic cluster served by fabric8's CRUD mock in a child JVM ({@code blame-bench.jar mock-cluster PODS
   * FILE}), which writes the objects as created to a file, prints its URL and serves until its input closes.
   */
  private record Cluster(Process process, String url, Path objects) implements AutoCloseable {

    static Cluster start(int pods) throws Exception {
      Path objects = Files.createTempFile("blame-bench-cluster", ".json");
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process = new ProcessBuilder(javaBin, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "mock-cluster", Integer.toString(pods), objects.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("READY ")) {
        process.destroyForcibly();
        throw new IllegalStateException("the mock cluster did not start (it said: " + line + ")");
      }
      return new Cluster(process, line.substring("READY ".length()), objects);
    }

    @Override
    public void close() throws Exception {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(objects);
    }
  }

  /** The child's side of {@link Cluster}: creates the cluster, writes it to {@code file}, serves until stdin closes. */
  static void serve(int pods, Path file) throws Exception {
    MOCK_LOG.setLevel(Level.WARNING);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesMixedDispatcher(new HashMap<>()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = server.createClient()) {
      Files.write(file, create(client, pods).get(0));
    }
    Thread drain = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          server.takeRequest(1, TimeUnit.SECONDS); // the mock records each request, bodies included
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    drain.setDaemon(true);
    drain.start();
    System.out.println("READY " + server.url("/"));
    System.out.flush();
    while (System.in.read() >= 0) {
      // serve until the parent closes our input
    }
    server.destroy();
  }

  /**
   * Runs a live Blame over every kind until its heap settles; returns the histogram taken then. Reports nothing
   * when {@code histogramBefore} is null (the warm-up).
   */
  private static String live(KubernetesClient client, int pods, String histogramBefore,
      Map<String, Long> offlineFindings) throws Exception {
    // A loaded machine serves a 5,000-pod LIST from the mock in more than the default 30 s.
    try (Blame blame = BlameEngine.builder().client(client).allNamespaces()
        .requestTimeout(Duration.ofMinutes(5)).build()) {
      Map<String, Long> liveFindings = byReason(blame.findings().list()); // watches every kind
      String histogramWith = settled();
      if (histogramBefore == null) {
        return histogramWith; // the warm-up
      }
      if (Boolean.getBoolean("blame.bench.histogram")) {
        System.err.print("live " + growth(histogramBefore, histogramWith, pods, 30));
      }
      dump("live");
      if (Boolean.getBoolean("blame.bench.findings")) {
        System.err.println("findings by kind, health and reason (offline / live):");
        Set<String> keys = new TreeSet<>(offlineFindings.keySet());
        keys.addAll(liveFindings.keySet());
        for (String key : keys) {
          System.err.printf(Locale.ROOT, "%8d %8d  %s%n", offlineFindings.getOrDefault(key, 0L),
              liveFindings.getOrDefault(key, 0L), key);
        }
      }
      return histogramWith;
    }
  }

  /**
   * With {@code -Dblame.bench.dump=PREFIX}, a heap dump of the live objects to {@code PREFIX-offline.hprof} (the
   * offline Blame open) and {@code PREFIX-live.hprof} (the live one open and settled), for what a histogram cannot
   * say: who holds what, and what is held twice.
   */
  private static void dump(String which) throws IOException {
    String prefix = System.getProperty("blame.bench.dump");
    if (prefix != null) {
      String path = prefix + "-" + which + ".hprof";
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(path, true);
      System.err.println("heap dumped to " + path);
    }
  }

  /** Findings counted by their subject's kind, health and reason ({@code -Dblame.bench.findings=true}). */
  private static Map<String, Long> byReason(List<Finding> findings) {
    return findings.stream().collect(Collectors.groupingBy(
        f -> f.subject().groupKind().kind() + " " + f.health() + " " + f.reason(), TreeMap::new,
        Collectors.counting()));
  }

  /** An offline Blame over the objects as the mock holds them, decoded in its own frame. */
  private static Blame offline(List<byte[]> asCreated) {
    return BlameEngine.builder().objects(Measure.decode(asCreated)).build();
  }

  /**
   * Creates the synthetic cluster in the mock, as a cluster would hold it: owner references follow the uids the mock
   * gives the owners, and the Nodes the pods run on and each namespace's default ServiceAccount exist (a real cluster
   * has them; without them the live graph, which observes those kinds, would report every pod's node and account
   * missing where the offline one, which never saw the kinds, says nothing). Returns the objects as created, as
   * one list page.
   */
  private static List<byte[]> create(KubernetesClient client, int pods) {
    Map<String, String> uids = new HashMap<>();
    Set<String> nodes = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    List<HasMetadata> created = new ArrayList<>();
    List<HasMetadata> objects = Measure.decode(SyntheticCluster.generate(SyntheticCluster.Spec.of(pods)).pages());
    // Owners first, so that each owner's new uid is known when what it owns is created.
    Map<String, Integer> depth = Map.of("ReplicaSet", 1, "Job", 1, "Pod", 2);
    objects.sort(Comparator.comparingInt(o -> depth.getOrDefault(o.getKind(), 0)));
    for (HasMetadata object : objects) {
      if (object instanceof GenericKubernetesResource) {
        continue; // the mock needs a CRD context for custom resources
      }
      if (object instanceof Pod pod && pod.getSpec().getNodeName() != null) {
        nodes.add(pod.getSpec().getNodeName());
      }
      if (object.getMetadata().getNamespace() != null) {
        namespaces.add(object.getMetadata().getNamespace());
      }
      String uid = object.getMetadata().getUid();
      object.getMetadata().setResourceVersion(null);
      object.getMetadata().getOwnerReferences().forEach(owner -> owner.setUid(uids.getOrDefault(owner.getUid(), owner.getUid())));
      HasMetadata made = client.resource(object).create();
      uids.put(uid, made.getMetadata().getUid());
      created.add(made);
    }
    String now = Instant.now().toString();
    for (String node : nodes) {
      created.add(client.nodes().resource(new NodeBuilder()
          .withNewMetadata().withName(node).endMetadata()
          .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
          .withLastHeartbeatTime(now).withLastTransitionTime(now).endCondition().endStatus().build()).create());
    }
    for (String namespace : namespaces) {
      created.add(client.serviceAccounts().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model
          .ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace(namespace).endMetadata().build())
          .create());
    }
    KubernetesList list = new KubernetesList();
    list.setItems(created);
    return List.of(client.getKubernetesSerialization().asJson(list).getBytes(StandardCharsets.UTF_8));
  }

  /** Live heap, from the total of a class histogram ({@code jcmd GC.class_histogram}, which collects first). */
  static long liveBytes() throws Exception {
    return total(histogram());
  }

  /**
   * The live heap once the watches are quiet: the CRUD mock answers each WATCH by sending every object again as
   * ADDED (a real API server sends only what changed since the LIST's resourceVersion), and until the client has
   * read them the events sit in its buffers, which are no part of what the live path keeps.
   */
  private static String settled() throws Exception {
    // Quiet: three readings in a row within 64 KB or 0.05% of the one before, whichever is larger (the buffers first
    // fill, then drain). A looser bound (1%, once) let a 20,000-pod run stop while a watch's backlog of some hundred
    // objects was still in flight: 0.8 MB, 40 B per pod, between two runs of the same code. Of the quiet readings the
    // smallest is kept: what is in flight only adds to the heap the library retains.
    String last = histogram();
    String least = last;
    int quiet = 0;
    for (int i = 0; i < 90 && quiet < 3; i++) {
      Thread.sleep(2_000);
      String next = histogram();
      long bound = Math.max(64 * 1024, total(last) / 2_000);
      quiet = Math.abs(total(next) - total(last)) < bound ? quiet + 1 : 0;
      least = quiet == 0 || total(next) < total(least) ? next : least;
      last = next;
    }
    return least;
  }

  /** A class histogram of the live heap ({@code jcmd GC.class_histogram}, which collects first). */
  static String histogram() throws Exception {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
  }

  /**
   * The classes whose live bytes grew most between two histograms, per pod ({@code -Dblame.bench.histogram=true}):
   * where the live path's heap goes.
   */
  static String growth(String before, String after, int pods, int top) {
    Map<String, long[]> was = perClass(before);
    Map<String, long[]> is = perClass(after);
    List<Map.Entry<String, long[]>> grown = new ArrayList<>();
    for (Map.Entry<String, long[]> e : is.entrySet()) {
      long[] old = was.getOrDefault(e.getKey(), new long[2]);
      grown.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - old[0], e.getValue()[1] - old[1]}));
    }
    grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    StringBuilder out = new StringBuilder("live heap growth by class (instances, bytes, bytes per pod):\n");
    for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(top, grown.size()))) {
      out.append(String.format(Locale.ROOT, "%10d %12d %8d  %s%n", e.getValue()[0], e.getValue()[1],
          e.getValue()[1] / pods, e.getKey()));
    }
    return out.toString();
  }

  private static Map<String, long[]> perClass(String histogram) {
    Map<String, long[]> classes = new HashMap<>();
    for (String line : histogram.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 4 && parts[0].endsWith(":")) {
        classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
      }
    }
    return classes;
  }

  private static long total(String histogram) {
    for (String line : histogram.split("\n")) {
      if (line.startsWith("Total")) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[parts.length - 1]);
      }
    }
    throw new IllegalStateException("no Total line in the class histogram");
  }
}
