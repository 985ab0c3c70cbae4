package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Tolerance;
import dev.blame.core.BlameEngine;
import dev.blame.core.internal.AnalyzerRegistry;
import dev.blame.core.internal.DefaultBlame;
import dev.blame.core.internal.GraphEngine;
import dev.blame.core.internal.Ingest;
import dev.blame.core.internal.ManifestReader;
import dev.blame.core.internal.ManifestSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the graph drops or shares (slim pods, slim EndpointSlices, managedFields outside workloads, parts held
 * once) is never read: every fixture of the case tables and scenarios, run through the real engine with every
 * analyzer, explains every object exactly as when the objects are kept whole — verdicts, findings, culprits,
 * edges, revision diffs (who changed what), injections, timelines.
 */
class SlimmingLosesNothingTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TestFactory
  Stream<DynamicTest> everyFixtureExplainsTheSameSlimOrWhole() throws IOException, URISyntaxException {
    List<Path> dirs = new ArrayList<>();
    for (String root : List.of("/relations", "/workload", "/scenarios", "/peer-health")) {
      dirs.add(Path.of(Objects.requireNonNull(getClass().getResource(root)).toURI()));
    }
    // blame-core's scenarios: rollouts with managedFields (who changed what), rollbacks, injected sidecars.
    Path core = Path.of("../blame-core/src/test/resources/scenarios");
    assertThat(core).isDirectory();
    dirs.add(core);
    List<Path> fixtures = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
            .filter(p -> !p.getFileName().toString().startsWith("expected"))
            .sorted().forEach(fixtures::add);
      }
    }
    List<Path> readable = fixtures.stream().filter(SlimmingLosesNothingTest::isManifest).toList();
    assertThat(readable).hasSizeGreaterThanOrEqualTo(100);
    // The kinds slimmed or shared must be among them, else this test proves nothing about them.
    assertThat(readable.stream().flatMap(p -> kinds(p).stream()).distinct().toList())
        .contains(GroupKind.POD, GroupKind.REPLICA_SET, GroupKind.DEPLOYMENT, GroupKind.STATEFUL_SET,
            GroupKind.of("discovery.k8s.io", "EndpointSlice"), GroupKind.SERVICE);
    return readable.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(),
        () -> sameSlimOrWhole(p)));
  }

  private static void sameSlimOrWhole(Path fixture) {
    try (Blame slim = build(fixture);
        Blame whole = buildWhole(fixture)) {
      assertThat(slim.kinds()).isEqualTo(whole.kinds());
      int objects = 0;
      for (GroupKind kind : whole.kinds()) {
        for (Node node : whole.list(kind, null)) {
          ObjectRef ref = node.ref();
          assertThat(slim.verdict(ref)).as("verdict of %s", ref).isEqualTo(whole.verdict(ref));
          assertThat(slim.edges(ref)).as("edges of %s", ref).isEqualTo(whole.edges(ref));
          assertThat(slim.explain(ref)).as("explanation of %s", ref).isEqualTo(whole.explain(ref));
          objects++;
        }
      }
      assertThat(slim.findings().list()).isEqualTo(whole.findings().list());
      assertThat(objects).isPositive();
    }
  }

  private static Blame build(Path fixture) {
    return BlameEngine.builder().clock(CLOCK).manifests(fixture).build();
  }

  /** As {@link #build}, with an engine whose ingest keeps objects whole. */
  private static Blame buildWhole(Path fixture) {
    AnalyzerRegistry registry = AnalyzerRegistry.create(List.of(), List.of(), true, true,
        SlimmingLosesNothingTest.class.getClassLoader());
    GraphEngine engine = new GraphEngine(registry, CLOCK, Tolerance.defaults(), new Ingest(false));
    return new DefaultBlame(engine, new ManifestSource(ManifestReader.read(fixture), Set.of()));
  }

  private static boolean isManifest(Path p) {
    return !kinds(p).isEmpty();
  }

  private static List<GroupKind> kinds(Path p) {
    try {
      return ManifestReader.read(p).stream()
          .map(o -> ObjectRef.from(o).groupKind()).distinct().toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
