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
import java.time.Instant;
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

  private static void check(Path dir) throws IOException {
    JsonNode expected = YAML.readTree(dir.resolve("expected.yaml").toFile());
    List<GroupKind> observes = new ArrayList<>();
    expected.path("observes").forEach(k -> observes.add(GroupKind.parse(k.asText())));
    FakeGraph graph = new FakeGraph(Fixtures.folder(dir), observes, Analyzers.withStubPods(), NOW);
    ObjectRef subject = parseRef(expected.path("subject").asText());
    Verdict verdict = graph.analyze(subject);

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
      assertThat(graph.edgesFrom(subject).stream().filter(e -> e.kind() != dev.blame.api.EdgeKind.OWNS)
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
