package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.analyzers.testing.FakeGraph;
import dev.blame.analyzers.testing.Fixtures;
import dev.blame.analyzers.testing.VerdictAssert;
import dev.blame.api.Edge;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.blame.api.Blame;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One folder per scenario under {@code relations/}: real manifests (trimmed {@code kubectl get -o yaml}) and an
 * {@code expected.yaml} naming the subject, its verdict, the reasons of its findings, text the findings must
 * mention and the exact edges it declares. Kinds listed under {@code observes} count as observed even when the
 * folder holds none of them ("the ConfigMap really does not exist").
 */
class RelationCasesTest {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> relations() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/relations").toURI());
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(root)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /**
   * The same tables through the real engine (blame-core). Cases that need a kind observed with no object of
   * it are left out: an offline source observes only the kinds its manifests contain (see the report).
   */
  @TestFactory
  Stream<DynamicTest> throughTheEngine() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/relations").toURI());
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!YAML.readTree(dir.resolve("expected.yaml").toFile()).has("observes")) {
          cases.add(dir);
        }
      }
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      BlameEngine.Builder builder = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .discoverAnalyzers(false).objects(Fixtures.folder(dir));
      Analyzers.withStubPods().forEach(builder::addAnalyzer);
      Blame blame = builder.build();
      ObjectRef subject = parseRef(YAML.readTree(dir.resolve("expected.yaml").toFile()).path("subject").asText());
      Verdict verdict = blame.verdict(subject).orElseThrow();
      List<Edge> edges = blame.edges(subject).stream().filter(e -> e.from().equals(subject)).toList();
      verify(dir, verdict, edges);
    }));
  }

  private static void check(Path dir) throws IOException {
    JsonNode expected = YAML.readTree(dir.resolve("expected.yaml").toFile());
    List<GroupKind> observes = new ArrayList<>();
    expected.path("observes").forEach(k -> observes.add(GroupKind.parse(k.asText())));
    FakeGraph graph = new FakeGraph(Fixtures.folder(dir), observes, Analyzers.withStubPods(), NOW);
    ObjectRef subject = parseRef(expected.path("subject").asText());
    verify(dir, graph.analyze(subject), graph.edgesFrom(subject));
  }

  private static void verify(Path dir, Verdict verdict, List<Edge> edgesFrom) throws IOException {
    JsonNode expected = YAML.readTree(dir.resolve("expected.yaml").toFile());
    ObjectRef subject = parseRef(expected.path("subject").asText());

    List<ReasonCode> reasons = new ArrayList<>();
    expected.path("reasons").forEach(r -> reasons.add(ReasonCode.of(r.asText())));
    VerdictAssert v = VerdictAssert.assertThat(verdict).isWellFormed()
        .hasHealth(Health.valueOf(expected.path("health").asText()))
        .hasStatus(ReconcileStatus.valueOf(expected.path("status").asText()))
        .hasReasons(reasons);
    expected.path("mentions").forEach(m -> v.hasFindingMentioning(m.asText()));
    if (expected.has("edges")) {
      List<String> edges = new ArrayList<>();
      expected.path("edges").forEach(e -> edges.add(e.asText()));
      assertThat(edgesFrom.stream().filter(e -> e.kind() != dev.blame.api.EdgeKind.OWNS)
          .map(Edge::toString).toList())
          .as("edges declared by %s", subject).containsExactlyInAnyOrderElementsOf(edges);
    }
  }

  /** {@code Kind[.group]/namespace/name}; an empty namespace for cluster-scoped objects. */
  static ObjectRef parseRef(String text) {
    String[] parts = text.split("/", 3);
    return ObjectRef.of(GroupKind.parse(parts[0]), parts[1], parts[2]);
  }
}
