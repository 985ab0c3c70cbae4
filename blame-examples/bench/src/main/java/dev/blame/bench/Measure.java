package dev.blame.bench;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import dev.blame.core.internal.AnalyzerRegistry;
import dev.blame.core.internal.DefaultBlame;
import dev.blame.core.internal.GraphEngine;
import dev.blame.core.internal.ManifestReader;
import dev.blame.core.internal.ManifestSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The measurements of issue 9, each against a baseline taken in the same run. */
public final class Measure {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Measure() {}

  // ------------------------------------------------------------------ P2 ingest

  /** The baseline: the snapshot's bytes decoded into fabric8 objects, nothing else. */
  public static List<HasMetadata> decode(List<byte[]> pages) {
    List<HasMetadata> objects = new ArrayList<>();
    for (byte[] page : pages) {
      objects.addAll(SERIALIZATION.unmarshal(new ByteArrayInputStream(page), KubernetesList.class).getItems());
    }
    return objects;
  }

  /**
   * The baseline as timed: every page decoded, its objects counted and dropped. Keeping them all would time the
   * garbage collector as well once the cluster is large (150,000 decoded pods need ~6 GB).
   */
  public static long decodeAndDrop(List<byte[]> pages) {
    long count = 0;
    for (byte[] page : pages) {
      count += SERIALIZATION.unmarshal(new ByteArrayInputStream(page), KubernetesList.class).getItems().size();
    }
    return count;
  }

  /** The snapshot's bytes to a graph with every discovered analyzer run. */
  public static Blame ingest(List<byte[]> pages) {
    BlameEngine.Builder builder = BlameEngine.builder().clock(Clocks.FIXED);
    int i = 0;
    for (byte[] page : pages) {
      builder.manifests("page-" + i++, new ByteArrayInputStream(page));
    }
    return builder.build();
  }

  /**
   * A graph built as {@code BlameEngine} builds one from the same pages, with its engine at hand, so that watch
   * events can be applied to it as the live source applies them.
   */
  public record Graph(GraphEngine engine, Blame blame) implements AutoCloseable {
    @Override
    public void close() {
      blame.close();
    }
  }

  /** As {@link #ingest}, keeping the engine. */
  public static Graph graph(List<byte[]> pages) {
    List<HasMetadata> objects = new ArrayList<>();
    int i = 0;
    for (byte[] page : pages) {
      objects.addAll(ManifestReader.read("page-" + i++, new ByteArrayInputStream(page)));
    }
    GraphEngine engine = new GraphEngine(AnalyzerRegistry.create(List.of(), List.of(), true, true,
        Measure.class.getClassLoader()), Clocks.FIXED);
    return new Graph(engine, new DefaultBlame(engine, new ManifestSource(objects, Set.of())));
  }

  public record Ingest2(double decodeMillis, double ingestMillis) {
    double ratio() {
      return ingestMillis / decodeMillis;
    }
  }

  /** Alternates decode and ingest; the medians after warm-up. */
  public static Ingest2 ingestVsDecode(List<byte[]> pages, int warmups, int iterations) {
    double[] decode = new double[iterations];
    double[] ingest = new double[iterations];
    for (int i = 0; i < warmups + iterations; i++) {
      long t0 = System.nanoTime();
      long decoded = decodeAndDrop(pages);
      long t1 = System.nanoTime();
      if (decoded == 0) {
        throw new IllegalStateException("nothing decoded");
      }
      gc();
      long t2 = System.nanoTime();
      Blame blame = ingest(pages);
      long t3 = System.nanoTime();
      blame.close();
      blame = null;
      gc();
      if (i >= warmups) {
        decode[i - warmups] = (t1 - t0) / 1e6;
        ingest[i - warmups] = (t3 - t2) / 1e6;
      }
    }
    return new Ingest2(median(decode), median(ingest));
  }

  // ------------------------------------------------------------------ P2 memory

  /**
   * @param graphBytesPerPod the whole graph (pods, workloads, Services, EndpointSlices, Events) per pod
   * @param podsOnlyBytesPerPod a graph of the pods alone, per pod
   * @param decodedBytesPerPod a decoded fabric8 Pod, as an informer cache holds it
   */
  public record Memory(double graphBytesPerPod, double podsOnlyBytesPerPod, double decodedBytesPerPod) {}

  static final int DECODED_SAMPLE = 20_000;

  /** Retained heap after full GCs: the whole graph divided by its pods, and decoded pods alone. */
  public static Memory memory(SyntheticCluster cluster) {
    // The baseline: typed Pods as decoded, the way an informer cache holds them.
    long before = usedAfterGc();
    List<HasMetadata> pods = new ArrayList<>();
    for (byte[] page : cluster.podPages()) {
      pods.addAll(SERIALIZATION.unmarshal(new ByteArrayInputStream(page), KubernetesList.class).getItems());
      if (pods.size() >= DECODED_SAMPLE) {
        break; // per pod, the figure does not depend on how many; 150,000 of them would need ~6 GB
      }
    }
    long afterDecode = usedAfterGc();
    int podCount = pods.size();
    double decoded = (afterDecode - before) / (double) podCount;
    pods = null;
    before = usedAfterGc();
    Blame blame = ingest(cluster.pages());
    long afterGraph = usedAfterGc();
    double graph = (afterGraph - before) / (double) cluster.podCount();
    if (blame.list(GroupKind.POD, null).size() != cluster.podCount()) {
      throw new IllegalStateException("graph lost pods");
    }
    blame.close();
    blame = null;
    before = usedAfterGc();
    Blame podsOnly = ingest(cluster.podPages());
    double podsAlone = (usedAfterGc() - before) / (double) cluster.podCount();
    podsOnly.close();
    return new Memory(graph, podsAlone, decoded);
  }

  // ------------------------------------------------------------------ P3 query

  public record Latency(double p50Micros, double p99Micros, double perSecond) {}

  /** explain() of a Deployment and of one of its pods, alternately. */
  public static Latency query(Blame blame, SyntheticCluster.Workload workload, int warmups, int iterations) {
    ObjectRef deployment = ObjectRef.of(GroupKind.DEPLOYMENT, workload.namespace(), workload.name());
    ObjectRef pod = ObjectRef.of(GroupKind.POD, workload.namespace(), workload.pods().get(0));
    Explanation check = blame.explain(deployment);
    if (!check.found() || check.effects().children().isEmpty() || !blame.explain(pod).found()) {
      throw new IllegalStateException("explain found nothing for " + deployment);
    }
    long sink = 0;
    for (int i = 0; i < warmups; i++) {
      sink += blame.explain(i % 2 == 0 ? deployment : pod).findings().size();
    }
    long[] times = new long[iterations];
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      long t0 = System.nanoTime();
      Explanation e = blame.explain(i % 2 == 0 ? deployment : pod);
      sink += e.findings().size() + e.culprits().size();
      times[i] = System.nanoTime() - t0;
    }
    long total = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print("");
    }
    return latency(times, total);
  }

  // ------------------------------------------------------------------ P4 updates

  /**
   * Pod status changes as a watch delivers them (full objects, decoded beforehand, as an informer hands them
   * over): containers alternately crash-looping and running, restart counts growing.
   */
  public static List<HasMetadata> podEvents(SyntheticCluster cluster, int count) {
    List<Pod> base = new ArrayList<>();
    for (byte[] page : cluster.pages()) {
      for (HasMetadata o : SERIALIZATION.unmarshal(new ByteArrayInputStream(page), KubernetesList.class).getItems()) {
        if (o instanceof Pod) {
          base.add((Pod) o);
        }
      }
      if (base.size() >= 2_000) {
        break;
      }
    }
    List<HasMetadata> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Pod pod = base.get((i * 7919) % base.size());
      boolean crash = (i / base.size()) % 2 == 0;
      PodBuilder b = new PodBuilder(pod);
      b.editMetadata().withResourceVersion(String.valueOf(100_000 + i)).endMetadata();
      if (crash) {
        b.editStatus().editFirstContainerStatus().withReady(false).withRestartCount(i + 1).withNewState()
            .withNewWaiting().withReason("CrashLoopBackOff").withMessage("back-off 5m0s restarting failed container")
            .endWaiting().endState().endContainerStatus().endStatus();
      } else {
        b.editStatus().editFirstContainerStatus().withReady(true).withRestartCount(i + 1).withNewState()
            .withNewRunning().withStartedAt(SyntheticCluster.T0.plusSeconds(1000 + i).toString()).endRunning()
            .endState().endContainerStatus().endStatus();
      }
      events.add(b.build());
    }
    return events;
  }

  /** Throughput, latency, analyses and CPU time of the applying thread per event (steadier than time on a busy machine). */
  public record Updates(double eventsPerSecond, double p50Micros, double p99Micros, double analysesPerEvent,
      double cpuMicrosPerEvent) {}

  /** Applies each event as the live source does: one change, one batch, re-analysis of what it touches. */
  public static Updates updates(Graph graph, List<HasMetadata> events, int warmups) {
    GraphEngine engine = graph.engine();
    for (int i = 0; i < warmups; i++) {
      engine.apply(List.of(engine.ingest().change(events.get(i % events.size()))));
    }
    long analysesBefore = engine.analysisCount();
    long[] times = new long[events.size()];
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < events.size(); i++) {
      long t0 = System.nanoTime();
      engine.apply(List.of(engine.ingest().change(events.get(i))));
      times[i] = System.nanoTime() - t0;
    }
    long total = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    Latency l = latency(times, total);
    return new Updates(l.perSecond(), l.p50Micros(), l.p99Micros(),
        (engine.analysisCount() - analysesBefore) / (double) events.size(), cpu / 1e3 / events.size());
  }

  // ------------------------------------------------------------------ helpers

  static Latency latency(long[] nanos, long totalNanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double p50 = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.50))] / 1e3;
    double p99 = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] / 1e3;
    return new Latency(p50, p99, nanos.length / (totalNanos / 1e9));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static void gc() {
    System.gc();
    System.gc();
  }

  static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
