package dev.blame.bench;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** P3 query and P4 updates on one graph: explain latency, and one pod status change applied and re-analyzed. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class QueryBenchmark {

  @Param({"10000"})
  public int pods;

  Measure.Graph graph;
  Blame blame;
  ObjectRef deployment;
  ObjectRef pod;
  List<HasMetadata> events;
  int next;

  @Setup(Level.Trial)
  public void build() {
    SyntheticCluster cluster = SyntheticCluster.generate(SyntheticCluster.Spec.of(pods));
    graph = Measure.graph(cluster.pages());
    blame = graph.blame();
    SyntheticCluster.Workload w = cluster.failingDeployment();
    deployment = ObjectRef.of(GroupKind.DEPLOYMENT, w.namespace(), w.name());
    pod = ObjectRef.of(GroupKind.POD, w.namespace(), w.pods().get(0));
    events = Measure.podEvents(cluster, 20_000);
  }

  @TearDown(Level.Trial)
  public void close() {
    blame.close();
  }

  @Benchmark
  public Explanation explainDeployment() {
    return blame.explain(deployment);
  }

  @Benchmark
  public Explanation explainPod() {
    return blame.explain(pod);
  }

  @Benchmark
  public void podStatusChange() {
    HasMetadata event = events.get(next++ % events.size());
    graph.engine().apply(List.of(graph.engine().ingest().change(event)));
  }
}
