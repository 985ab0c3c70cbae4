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
  public record Result(int pods, int objects, long beforeBytes, long liveBytes, long bytesPerPod) {}

  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private LiveHeap() {}

  public static Result measure(int pods) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesMixedDispatcher(new HashMap<>()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    try {
      int objects = create(client, pods); // in its own frame, so that nothing it decoded stays reachable
      drain(server); // the mock records each request, bodies included
      long before = liveBytes();
      long with;
      try (Blame blame = BlameEngine.builder().client(client).allNamespaces().build()) {
        blame.findings().list(); // watches every kind the analyzers declare
        drain(server);
        with = liveBytes();
      }
      return new Result(pods, objects, before, with - before, (with - before) / pods);
    } finally {
      client.close();
      server.destroy();
    }
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
    String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    for (String line : histogram.split("\n")) {
      if (line.startsWith("Total")) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[parts.length - 1]);
      }
    }
    throw new IllegalStateException("no Total line in the class histogram");
  }
}
