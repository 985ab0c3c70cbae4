package dev.blame.bench;

import dev.blame.api.Blame;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * The heap the live path retains: the synthetic cluster is created in fabric8's CRUD mock server, then a live
 * {@link Blame} over all namespaces watches every kind (a {@code findings()} query) and the live heap is
 * compared before and after. Both the graph and the informers' own stores count. Live heap is read from a
 * class histogram (which runs a full GC first), not from {@code Runtime} totals, which vary by tens of MB.
 */
public final class LiveHeap {

  /** Live heap before and with the live source, and what is left after closing it. */
  public record Result(int pods, int objects, long beforeBytes, long liveBytes, long bytesPerPod,
      long offlineBytesPerPod) {}

  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private LiveHeap() {}

  public static Result measure(int pods) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesMixedDispatcher(new HashMap<>()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    // The same objects offline, in the same JVM and measured the same way, before the mock holds anything: what the
    // graph alone keeps (measured after the live source, the mock's draining buffers skew it).
    String offlineHistogramBefore = histogram();
    long offlineBefore = total(offlineHistogramBefore);
    long offlinePerPod;
    try (Blame offline = offline(pods)) {
      offline.findings().list();
      String offlineHistogram = histogram();
      offlinePerPod = (total(offlineHistogram) - offlineBefore) / pods;
      if (Boolean.getBoolean("blame.bench.histogram")) {
        System.err.print("offline " + growth(offlineHistogramBefore, offlineHistogram, pods, 30));
      }
    }
    try {
      int objects = create(client, pods); // in its own frame, so that nothing it decoded stays reachable
      drain(server); // the mock records each request, bodies included
      String histogramBefore = histogram();
      long before = total(histogramBefore);
      long with;
      // A loaded machine serves a 5,000-pod LIST from the mock in more than the default 30 s.
      try (Blame blame = BlameEngine.builder().client(client).allNamespaces()
          .requestTimeout(java.time.Duration.ofMinutes(5)).build()) {
        blame.findings().list(); // watches every kind the analyzers declare
        drain(server);
        String histogramWith = settled();
        with = total(histogramWith);
        if (Boolean.getBoolean("blame.bench.histogram")) {
          System.err.print("live " + growth(histogramBefore, histogramWith, pods, 30));
        }
      }
      return new Result(pods, objects, before, with - before, (with - before) / pods, offlinePerPod);
    } finally {
      client.close();
      server.destroy();
    }
  }

  /** An offline Blame over the objects {@link #create} puts in the mock, in its own frame. */
  private static Blame offline(int pods) {
    java.util.List<HasMetadata> objects = new java.util.ArrayList<>();
    for (HasMetadata object : Measure.decode(SyntheticCluster.generate(SyntheticCluster.Spec.of(pods)).pages())) {
      if (!(object instanceof GenericKubernetesResource)) {
        objects.add(object);
      }
    }
    return BlameEngine.builder().objects(objects).build();
  }

  private static int create(KubernetesClient client, int pods) {
    int objects = 0;
    for (HasMetadata object : Measure.decode(SyntheticCluster.generate(SyntheticCluster.Spec.of(pods)).pages())) {
      if (object instanceof GenericKubernetesResource) {
        continue; // the mock needs a CRD context for custom resources
      }
      object.getMetadata().setResourceVersion(null);
      client.resource(object).create();
      objects++;
    }
    return objects;
  }

  private static void drain(KubernetesMockServer server) throws InterruptedException {
    while (server.takeRequest(100, TimeUnit.MILLISECONDS) != null) {
      // dropped
    }
  }

  /** Live heap, from the total of a class histogram ({@code jcmd GC.class_histogram}, which collects first). */
  static long liveBytes() throws Exception {
    return total(histogram());
  }

  /**
   * The live heap once the watches are quiet. The CRUD mock answers each WATCH by sending every object again as
   * ADDED (a real API server sends only what changed since the LIST's resourceVersion): until the client has read
   * them, megabytes of events sit in the server's and the client's buffers (8.5 KB per pod at 5,000 pods, measured
   * right after the LISTs), which are the mock's and no part of what the live path keeps.
   */
  private static String settled() throws Exception {
    // Quiet: two readings in a row within 1% of the one before (the buffers first fill, then drain).
    String last = histogram();
    int quiet = 0;
    for (int i = 0; i < 60 && quiet < 2; i++) {
      Thread.sleep(2_000);
      String next = histogram();
      quiet = Math.abs(total(next) - total(last)) < total(last) / 100 ? quiet + 1 : 0;
      last = next;
    }
    return last;
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
    java.util.Map<String, long[]> was = perClass(before);
    java.util.Map<String, long[]> is = perClass(after);
    java.util.List<java.util.Map.Entry<String, long[]>> grown = new java.util.ArrayList<>();
    for (java.util.Map.Entry<String, long[]> e : is.entrySet()) {
      long[] old = was.getOrDefault(e.getKey(), new long[2]);
      grown.add(java.util.Map.entry(e.getKey(), new long[] {e.getValue()[0] - old[0], e.getValue()[1] - old[1]}));
    }
    grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
    StringBuilder out = new StringBuilder("live heap growth by class (instances, bytes, bytes per pod):\n");
    for (java.util.Map.Entry<String, long[]> e : grown.subList(0, Math.min(top, grown.size()))) {
      out.append(String.format(java.util.Locale.ROOT, "%10d %12d %8d  %s%n", e.getValue()[0], e.getValue()[1],
          e.getValue()[1] / pods, e.getKey()));
    }
    return out.toString();
  }

  private static java.util.Map<String, long[]> perClass(String histogram) {
    java.util.Map<String, long[]> classes = new java.util.HashMap<>();
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
