package dev.blame.bench;

import dev.blame.api.Blame;
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
import org.openjdk.jmh.annotations.Warmup;

/** P2 ingest: {@code ingest} over {@code decode} is the ratio of issue 9 (goal: at most 1.25). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class IngestBenchmark {

  @Param({"1000", "10000"})
  public int pods;

  List<byte[]> pages;

  @Setup(Level.Trial)
  public void generate() {
    pages = SyntheticCluster.generate(SyntheticCluster.Spec.of(pods)).pages();
  }

  @Benchmark
  public List<HasMetadata> decode() {
    return Measure.decode(pages);
  }

  @Benchmark
  public Blame ingest() {
    Blame blame = Measure.ingest(pages);
    blame.close();
    return blame;
  }
}
