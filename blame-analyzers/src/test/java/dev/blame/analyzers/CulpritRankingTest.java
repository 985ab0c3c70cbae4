package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.testkit.BlameFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ranking rule for culprits, held across every fixture the project has: each case folder of the relation,
 * workload, scenario and peer-health tables here, and the scenario and dump files of blame-core and the kubectl plugin
 * (read from the sibling modules' sources). For every object of every fixture, at the fixture's clock, explaining it
 * must give culprits that:
 *
 * <ul>
 *   <li>are evidence of a failure: none is HEALTHY, SUSPENDED or PROGRESSING (nothing merely in progress is a culprit);
 *   <li>come worst first;
 *   <li>never blame an object the graph does not hold while the explanation has evidence of a failure on an object
 *       it holds: "not observed" or "cannot be read" never outranks present evidence;
 *   <li>are empty when the object is healthy.
 * </ul>
 */
class CulpritRankingTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @TestFactory
  Stream<DynamicTest> everyFixtureHoldsTheRankingRule() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String table : List.of("/relations", "/workload", "/scenarios", "/peer-health")) {
      Path root = resource(table);
      try (Stream<Path> dirs = Files.walk(root)) {
        for (Path dir : dirs.filter(Files::isDirectory).filter(CulpritRankingTest::hasManifests).sorted().toList()) {
          tests.add(DynamicTest.dynamicTest(table.substring(1) + "/" + root.relativize(dir),
              () -> check(BlameFixture.folder(dir).at(now(dir)), dir.toString())));
        }
      }
    }
    Path modules = Path.of("").toAbsolutePath().getParent();
    for (String folder : List.of("blame-core/src/test/resources/scenarios",
        "blame-examples/kubectl-blame/src/test/resources/dumps")) {
      Path dir = modules.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
            tests.add(DynamicTest.dynamicTest(folder + "/" + file.getFileName(),
                () -> check(BlameFixture.file(file), file.toString())));
          }
        }
      }
    }
    assertThat(tests).as("fixtures walked").hasSizeGreaterThan(150);
    return tests.stream();
  }

  private static void check(BlameFixture fixture, String where) {
    Blame built;
    try {
      built = fixture.build();
    } catch (dev.blame.api.BlameException e) {
      // A peer's fragment that is no object of its own (kstatus' CRD cases have no name): nothing to rank.
      Assumptions.abort(where + ": not a manifest: " + e.getMessage());
      return;
    }
    try (Blame blame = built) {
      for (GroupKind kind : blame.kinds()) {
        for (Node node : blame.list(kind, "")) {
          Explanation why = blame.explain(node.ref());
          List<Finding> culprits = why.culprits();
          String what = where + ": culprits of " + node.ref().display();
          assertThat(culprits).as(what + " (nothing in progress, healthy or suspended is a culprit)")
              .allSatisfy(f -> assertThat(f.health()).isIn(Health.UNKNOWN, Health.MISSING, Health.DEGRADED));
          assertThat(culprits).as(what + " (worst first)")
              .isSortedAccordingTo((a, b) -> b.health().compareTo(a.health()));
          boolean presentEvidence = why.findings().stream().anyMatch(f -> blame.node(f.subject()).isPresent()
              && f.health().isWorseThan(Health.PROGRESSING) && !f.evidence().isEmpty());
          if (presentEvidence) {
            assertThat(culprits).as(what + " (not observed never ranks with present evidence)")
                .noneMatch(f -> blame.node(f.subject()).isEmpty() && f.health() == Health.UNKNOWN);
          }
          if (why.health() == Health.HEALTHY) {
            assertThat(culprits).as(what + " (healthy: nothing to blame)").isEmpty();
          }
        }
      }
    }
  }

  private static boolean hasManifests(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> {
        String name = p.getFileName().toString();
        return name.matches(".*\\.ya?ml") && !name.startsWith("expected");
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The clock of the folder's first expectation that sets one, else the table's. */
  private static Instant now(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().matches("expected.*\\.ya?ml")).sorted().toList()) {
        JsonNode expected = YAML.readTree(p.toFile());
        if (expected != null && expected.has("now")) {
          return Instant.parse(expected.get("now").asText());
        }
      }
    }
    return dir.toString().contains("relations") ? RelationCasesTest.NOW : BlameFixture.DEFAULT_NOW;
  }

  private static Path resource(String folder) {
    try {
      return Path.of(Objects.requireNonNull(CulpritRankingTest.class.getResource(folder), folder).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(folder, e);
    }
  }
}
