package dev.blame.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark runner.
 *
 * <pre>
 * java -jar blame-bench.jar quick                 # 1,000 and 5,000 pods, few iterations, under a minute
 * java -jar blame-bench.jar run 1000 10000 150000 # the figures of docs/performance.md
 * java -jar blame-bench.jar updates 5000 40000     # P4 alone: pod status events on a 5,000-pod graph
 * java -jar blame-bench.jar jmh [JMH options]     # the JMH benchmarks (IngestBenchmark, QueryBenchmark, ...)
 * </pre>
 *
 * Progress goes to stderr; the last line on stdout is one JSON object with the figures of the largest size.
 */
public final class Main {

  /** Iteration counts for one size. */
  record Plan(int pods, int ingestWarmups, int ingestIterations, int queryIterations, int events) {
    static Plan quick(int pods) {
      return new Plan(pods, 2, 3, 4_000, 5_000);
    }

    static Plan full(int pods) {
      return pods >= 100_000 ? new Plan(pods, 1, 3, 20_000, 40_000)
          : new Plan(pods, 4, 5, 20_000, 40_000);
    }
  }

  /** The figures of one size. */
  public record Figures(int pods, double podJsonBytes, double decodeMillis, double ingestMillis,
      double ingestOverDecode, double bytesPerPod, double podsOnlyBytesPerPod, double decodedBytesPerPod, double queryP50Micros,
      double queryP99Micros, double eventsPerSecond, double eventP50Micros, double eventP99Micros,
      double analysesPerEvent) {}

  private Main() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "quick" : args[0];
    switch (mode) {
      case "quick" -> System.out.println(run(List.of(1_000, 5_000), true, true));
      case "smallest" -> System.out.println(run(List.of(1_000), true, true));
      case "run" -> {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
          sizes.add(Integer.parseInt(args[i].replace("_", "")));
        }
        System.out.println(run(sizes.isEmpty() ? List.of(1_000, 10_000) : sizes, false, true));
      }
      case "updates" -> {
        int pods = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 5_000;
        int count = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 40_000;
        System.out.println(updatesOnly(pods, count));
      }
      case "live-heap" -> {
        for (int i = 1; i < Math.max(2, args.length); i++) {
          LiveHeap.Result r = LiveHeap.measure(args.length > 1 ? Integer.parseInt(args[i].replace("_", "")) : 5_000);
          System.out.printf(java.util.Locale.ROOT, "{\"pods\":%d,\"objects\":%d,\"liveSourceBytes\":%d,"
              + "\"liveSourceBytesPerPod\":%d,\"offlineBytesPerPod\":%d,\"freedOnCloseBytesPerPod\":%d}%n", r.pods(),
              r.objects(), r.liveBytes(), r.bytesPerPod(), r.offlineBytesPerPod(), r.freedOnCloseBytesPerPod());
        }
      }
      case "mock-cluster" -> LiveHeap.serve(Integer.parseInt(args[1]), java.nio.file.Path.of(args[2]));
      case "jmh" -> {
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        org.openjdk.jmh.Main.main(rest);
      }
      default -> {
        System.err.println("usage: blame-bench.jar quick | run SIZE... | updates PODS [EVENTS] | live-heap [SIZE...] | jmh [JMH options]");
        System.exit(2);
      }
    }
  }

  /** Measures every size, then the API cost; returns the JSON line for the last size. */
  public static String run(List<Integer> sizes, boolean quick, boolean apiCost) throws Exception {
    Figures last = null;
    for (int pods : sizes) {
      last = measure(quick ? Plan.quick(pods) : Plan.full(pods));
      System.err.println(table(last));
    }
    ApiCost.Result api = apiCost ? ApiCost.measure() : new ApiCost.Result(0, 0, 0, 0, 0, 0,
        new java.util.TreeMap<>(), new java.util.TreeMap<>(), true, 0);
    System.err.printf(Locale.ROOT, "P5 API cost: %d LIST (%d namespaced, %d cluster-scoped), %d WATCH, %d GET, "
            + "%d other; quiet afterwards: %s; kubectl tree would LIST %d types cluster-wide%n  lists: %s%n  gets: %s%n",
        api.lists(), api.namespacedLists(), api.clusterLists(), api.watches(), api.gets(), api.others(),
        api.quietAfterwards(), api.kubectlTreeLists(), api.listPaths(), api.getPaths());
    return json(last, api);
  }

  static Figures measure(Plan plan) {
    long t0 = System.nanoTime();
    SyntheticCluster cluster = SyntheticCluster.generate(SyntheticCluster.Spec.of(plan.pods()));
    System.err.printf(Locale.ROOT, "generated %,d pods (%,d objects, %,d MB, %.0f B per pod JSON) in %.1f s%n",
        cluster.podCount(), cluster.objectCount(), cluster.bytes() >> 20, cluster.averagePodBytes(),
        (System.nanoTime() - t0) / 1e9);
    Measure.Ingest2 ingest = Measure.ingestVsDecode(cluster.pages(), plan.ingestWarmups(), plan.ingestIterations());
    Measure.Memory memory = Measure.memory(cluster);
    Measure.Graph graph = Measure.graph(cluster.pages());
    Measure.Latency query = Measure.query(graph.blame(), cluster.failingDeployment(), plan.queryIterations(),
        plan.queryIterations());
    List<HasMetadata> events = Measure.podEvents(cluster, plan.events());
    Measure.Updates updates = Measure.updates(graph, events, Math.min(events.size(), 2_000));
    graph.close();
    return new Figures(cluster.podCount(), cluster.averagePodBytes(), ingest.decodeMillis(), ingest.ingestMillis(),
        ingest.ratio(), memory.graphBytesPerPod(), memory.podsOnlyBytesPerPod(), memory.decodedBytesPerPod(), query.p50Micros(), query.p99Micros(),
        updates.eventsPerSecond(), updates.p50Micros(), updates.p99Micros(), updates.analysesPerEvent());
  }

  /** The update stream alone (for profiling P4): ingest once, warm up, apply the events; one JSON line. */
  static String updatesOnly(int pods, int count) {
    SyntheticCluster cluster = SyntheticCluster.generate(SyntheticCluster.Spec.of(pods));
    Measure.Graph graph = Measure.graph(cluster.pages());
    List<HasMetadata> events = Measure.podEvents(cluster, count);
    Measure.Updates updates = Measure.updates(graph, events, Math.min(events.size(), 5_000));
    graph.close();
    return String.format(Locale.ROOT, "{\"pods\":%d,\"events\":%d,\"eventsPerSecond\":%.0f,\"eventP50Micros\":%.1f,"
            + "\"eventP99Micros\":%.1f,\"analysesPerEvent\":%.2f,\"cpuMicrosPerEvent\":%.1f}",
        cluster.podCount(), events.size(), updates.eventsPerSecond(), updates.p50Micros(), updates.p99Micros(),
        updates.analysesPerEvent(), updates.cpuMicrosPerEvent());
  }

  static String table(Figures f) {
    return String.format(Locale.ROOT, "%,d pods: ingest %.0f ms vs decode %.0f ms = %.2fx | heap %.0f B/pod in the "
            + "graph (pods alone: %.0f B/pod) vs %.0f B per decoded Pod | explain p50 %.0f us, p99 %.0f us | updates %,.0f events/s, p50 %.0f us,"
            + " p99 %.0f us, %.1f analyses per event",
        f.pods(), f.ingestMillis(), f.decodeMillis(), f.ingestOverDecode(), f.bytesPerPod(), f.podsOnlyBytesPerPod(),
        f.decodedBytesPerPod(),
        f.queryP50Micros(), f.queryP99Micros(), f.eventsPerSecond(), f.eventP50Micros(), f.eventP99Micros(),
        f.analysesPerEvent());
  }

  static String json(Figures f, ApiCost.Result api) {
    return String.format(Locale.ROOT, "{\"pods\":%d,\"ingestOverDecode\":%.3f,\"bytesPerPod\":%.0f,"
            + "\"queryP99Micros\":%.1f,\"eventsPerSecond\":%.0f,\"eventP99Micros\":%.1f,\"listCalls\":%d,"
            + "\"watchCalls\":%d,\"getCalls\":%d}",
        f.pods(), f.ingestOverDecode(), f.bytesPerPod(), f.queryP99Micros(), f.eventsPerSecond(), f.eventP99Micros(),
        api.lists(), api.watches(), api.gets());
  }
}
