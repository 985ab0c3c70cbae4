package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.analyzers.testing.FakeGraph;
import dev.blame.analyzers.testing.Fixtures;
import dev.blame.api.Node;
import dev.blame.api.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The peer oracle corpus ({@code peer-health/}) for the kinds of this branch: each {@code object.yaml} alone,
 * with nothing else observed, as the peers judge it. Health must match gitops-engine's {@code normalized};
 * the reconcile status must match kstatus' status. {@link #DIVERGENCES} lists the cases where we deliberately
 * answer otherwise, with what we answer and why; a listed case that starts agreeing fails, so the table
 * cannot go stale.
 */
class PeerConformanceTest {

  /** Kinds judged by the workload analyzers of another branch. */
  static final Set<String> NOT_OURS =
      Set.of("Pod", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  /** set/case -> our answer, and why. */
  static final Map<String, String[]> DIVERGENCES = Map.of(
      "gitops-engine/hpa-v1-healthy", new String[] {"DEGRADED",
          "ScalingActive=False/FailedGetResourceMetric: metrics are unavailable, so the HPA cannot scale. This old"
              + " gitops-engine returns the first matching condition (AbleToScale=True); its successor in argo-cd"
              + " checks failing reasons first and would also say Degraded."},
      "kstatus/TestServiceStatus__serviceLBok", new String[] {"IN_PROGRESS",
          "a LoadBalancer Service without status.loadBalancer.ingress is still waiting for the cloud provider;"
              + " kstatus only checks spec.clusterIP (gitops-engine would say Progressing, as we do)."});

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> peers() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/peer-health").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    for (String set : List.of("gitops-engine", "gitops-engine-in-argo-cd", "kstatus")) {
      for (String line : Files.readAllLines(root.resolve(set).resolve("index.jsonl"))) {
        JsonNode expected = JSON.readTree(line);
        if (NOT_OURS.contains(expected.path("kind").asText())) {
          continue;
        }
        String id = set + "/" + expected.path("case").asText();
        Path object = root.resolve(set).resolve(expected.path("case").asText()).resolve("object.yaml");
        tests.add(DynamicTest.dynamicTest(id, () -> check(id, set, expected, object)));
      }
    }
    assertThat(tests).as("cases of our kinds").hasSize(43);
    return tests.stream();
  }

  private static void check(String id, String set, JsonNode expected, Path file) {
    List<HasMetadata> objects = Fixtures.parse(Fixtures.read(file));
    assertThat(objects).hasSize(1);
    FakeGraph graph = new FakeGraph(objects, List.of(), Analyzers.relations(), RelationCasesTest.NOW);
    Verdict verdict = graph.analyze(Node.of(objects.get(0)).ref());
    boolean kstatus = set.equals("kstatus");
    String ours = kstatus ? verdict.status().name() : verdict.health().name();
    String theirs = kstatus ? kstatusStatus(expected.path("status").asText())
        : expected.path("normalized").asText().toUpperCase(java.util.Locale.ROOT);
    String[] divergence = DIVERGENCES.get(id);
    if (divergence != null) {
      assertThat(ours).as("%s is listed as a divergence (%s) but now %s", id, divergence[1],
          ours.equals(theirs) ? "agrees with the peer" : "answers " + ours).isEqualTo(divergence[0]).isNotEqualTo(theirs);
    } else {
      assertThat(ours).as("%s: our verdict %s (findings %s)", id, verdict, verdict.findings()).isEqualTo(theirs);
    }
  }

  private static String kstatusStatus(String peer) {
    switch (peer) {
      case "Current":
        return "CURRENT";
      case "InProgress":
        return "IN_PROGRESS";
      case "Failed":
        return "FAILED";
      case "Terminating":
        return "TERMINATING";
      case "NotFound":
        return "NOT_FOUND";
      default:
        return "UNKNOWN";
    }
  }
}
