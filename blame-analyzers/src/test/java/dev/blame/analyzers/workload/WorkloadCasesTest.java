package dev.blame.analyzers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blame.api.Blame;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of workload cases: every folder {@code workload/<kind>/<case>/} holds {@code objects.yaml} (a
 * trimmed {@code kubectl get -o yaml} dump, Events included) and {@code expected.yaml}:
 *
 * <pre>
 * now: 2024-05-01T10:00:00Z          # the engine's clock
 * target: Deployment/my-busybox      # Kind/name of the object judged
 * health: DEGRADED
 * status: FAILED
 * reasons: [CrashLoopBackOff]        # each must be among the findings
 * container: main                    # optional: the worst finding's container
 * message: "..."                     # optional: the verdict's one-liner
 * revision: 10                       # optional: the verdict's revision number
 * activities: ["Creating ..."]       # optional: exactly these, in order
 * </pre>
 *
 * The talk's scenario ({@code scenarios/talk/}) is walked the same way, with one expectation per object.
 */
class WorkloadCasesTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @TestFactory
  Stream<DynamicNode> workloadCases() throws URISyntaxException, IOException {
    Path root = Path.of(getClass().getResource("/workload").toURI());
    try (Stream<Path> kinds = Files.list(root)) {
      return kinds.sorted().<DynamicNode>map(kind -> DynamicContainer.dynamicContainer(kind.getFileName().toString(),
          folders(kind).stream().map(dir -> caseTest(dir, dir.resolve("expected.yaml")))))
          .toList().stream();
    }
  }

  @TestFactory
  Stream<DynamicNode> talkScenario() throws URISyntaxException, IOException {
    Path dir = Path.of(getClass().getResource("/scenarios/talk").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("expected-")).sorted()
          .<DynamicNode>map(p -> caseTest(dir, p)).toList().stream();
    }
  }

  private static List<Path> folders(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> Files.isRegularFile(p.resolve("expected.yaml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DynamicTest caseTest(Path dir, Path expectedFile) {
    JsonNode expected = read(expectedFile);
    String target = expected.get("target").asText();
    String name = dir.getFileName() + " " + target + " " + expected.get("health").asText() + "/"
        + expected.get("status").asText();
    return DynamicTest.dynamicTest(name, () -> {
      Path objects = Files.isRegularFile(dir.resolve("objects.yaml")) ? dir.resolve("objects.yaml")
          : dir.resolve("dump.yaml");
      String yaml = Files.readString(objects);
      ObjectRef ref = find(Manifests.parse(yaml), target);
      Verdict verdict;
      try (Blame blame = Engine.over(objects.toString(), yaml, Instant.parse(expected.get("now").asText()))) {
        verdict = blame.verdict(ref).orElseThrow(() -> new AssertionError("no verdict for " + ref));
      }
      VerdictAssert check = VerdictAssert.assertThat(verdict).isWellFormed()
          .hasHealth(Health.valueOf(expected.get("health").asText()))
          .hasStatus(ReconcileStatus.valueOf(expected.get("status").asText()));
      expected.path("reasons").forEach(r -> check.hasReason(ReasonCode.of(r.asText())));
      if (expected.has("container")) {
        check.hasWorstFindingInContainer(expected.get("container").asText());
      }
      if (expected.has("message")) {
        check.hasMessage(expected.get("message").asText());
      }
      if (expected.has("revision")) {
        check.hasRevisionNumber(expected.get("revision").asLong());
      }
      if (expected.has("activities")) {
        List<String> activities = new ArrayList<>();
        expected.get("activities").forEach(a -> activities.add(a.asText()));
        check.hasActivities(activities);
      }
    });
  }

  private static ObjectRef find(List<HasMetadata> objects, String target) {
    String[] parts = target.split("/", 2);
    return objects.stream()
        .filter(o -> o.getKind().equals(parts[0]) && o.getMetadata().getName().equals(parts[1]))
        .map(o -> Node.of(o).ref()).findFirst()
        .orElseThrow(() -> new AssertionError("no " + target + " in the fixture"));
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
