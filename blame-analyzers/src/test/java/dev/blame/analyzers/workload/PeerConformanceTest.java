package dev.blame.analyzers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the peer-health corpus (src/test/resources/peer-health, see its README) through our
 * analyzers, one object alone: health must match gitops-engine's verdict, reconcile status kstatus'.
 * Where we deliberately differ, {@link #DIVERGENCES} holds our verdict and why (also listed in
 * docs/status-vocabulary.md). Kinds other than the workload kinds are skipped, visibly. Agreement counts are
 * printed after the run and written to target/peer-agreement.txt.
 */
class PeerConformanceTest {

  /** "now" for every case; {@code __NOW_RFC3339__} in time-dependent cases is replaced by it. */
  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

  static final Set<GroupKind> OWNED = Set.of(GroupKind.POD, GroupKind.REPLICA_SET, GroupKind.DEPLOYMENT,
      GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET, GroupKind.JOB, GroupKind.CRON_JOB);

  /** A case where we hold a different verdict than the peer, on purpose. */
  record Divergence(String ours, String reason) {}

  static final Map<String, Divergence> DIVERGENCES = Map.of(
      "gitops-engine/pod-running-restart-never", new Divergence("HEALTHY",
          "Running and Ready is healthy whatever the restartPolicy; gitops-engine calls Never/OnFailure pods"
              + " Progressing so that Argo CD hooks wait for completion"),
      "gitops-engine/pod-running-restart-onfailure", new Divergence("DEGRADED",
          "CrashLoopBackOff after 4 restarts is a failure whatever the restartPolicy; gitops-engine skips"
              + " waiting-reason checks for non-Always pods to avoid failing Argo CD hooks early"),
      "gitops-engine-in-argo-cd/pod-running-restart-never-hook-with-ignore-annotation", new Divergence("HEALTHY",
          "Argo CD hook annotations mean nothing to us; a Running, Ready pod is healthy"));

  private static final Map<String, Map<String, AtomicInteger>> COUNTS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicNode> peerCorpus() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/peer-health").toURI());
    return Stream.of("gitops-engine", "gitops-engine-in-argo-cd", "kstatus")
        .map(set -> DynamicContainer.dynamicContainer(set, cases(root.resolve(set), set)));
  }

  private static Stream<DynamicNode> cases(Path dir, String set) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted()
          .map(p -> toTest(p, set)).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DynamicNode toTest(Path dir, String set) {
    String id = set + "/" + dir.getFileName();
    JsonNode expected;
    try {
      expected = JSON.readTree(dir.resolve("expected.json").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    GroupKind kind = GroupKind.fromApiVersion(expected.get("apiVersion").asText(), expected.get("kind").asText());
    if (!OWNED.contains(kind)) {
      count(set, "skipped");
      return DynamicTest.dynamicTest("SKIP " + dir.getFileName() + " (" + kind + " is not a workload kind)",
          () -> Assumptions.abort(kind + " belongs to another analyzer package"));
    }
    boolean kstatus = set.equals("kstatus");
    Divergence divergence = DIVERGENCES.get(id);
    String peer = kstatus ? kstatusToOurs(expected.get("status").asText())
        : expected.get("normalized").asText().toUpperCase(Locale.ROOT);
    String want = divergence == null ? peer : divergence.ours();
    String name = dir.getFileName() + (kstatus ? " status " : " health ") + want
        + (divergence == null ? "" : " (DIVERGES from peer " + peer + ")");
    return DynamicTest.dynamicTest(name, () -> {
      String yaml = Files.readString(dir.resolve("object.yaml")).replace("__NOW_RFC3339__", NOW.toString());
      List<HasMetadata> objects = Manifests.parse(yaml);
      Verdict verdict;
      try (Blame blame = Engine.over(id, yaml, NOW)) {
        verdict = blame.verdict(Node.of(objects.get(0)).ref()).orElseThrow();
      }
      String ours = kstatus ? verdict.status().name() : verdict.health().name();
      count(set, ours.equals(peer) ? "agree" : divergence != null ? "diverge" : "disagree");
      VerdictAssert.assertThat(verdict).isWellFormed();
      assertThat(ours).as("%s: %s", id, verdict.findings()).isEqualTo(want);
      if (kstatus) {
        ReconcileStatus.valueOf(ours);
      } else {
        Health.valueOf(ours);
      }
      if (expected.path("message_asserted").asBoolean(false)) {
        assertThat(verdict.message()).isEqualTo(expected.get("message").asText());
      }
    });
  }

  private static String kstatusToOurs(String status) {
    return switch (status) {
      case "Current" -> "CURRENT";
      case "InProgress" -> "IN_PROGRESS";
      case "Failed" -> "FAILED";
      case "Terminating" -> "TERMINATING";
      case "NotFound" -> "NOT_FOUND";
      default -> "UNKNOWN";
    };
  }

  private static void count(String set, String outcome) {
    COUNTS.computeIfAbsent(set, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  @AfterAll
  static void report() throws IOException {
    StringBuilder text = new StringBuilder("Peer agreement (workload kinds; agree/diverge/disagree/skipped):\n");
    new TreeMap<>(COUNTS).forEach((set, counts) -> text.append(String.format(Locale.ROOT,
        "  %-26s agree %d, diverge %d, disagree %d, skipped (other kinds) %d%n", set,
        get(counts, "agree"), get(counts, "diverge"), get(counts, "disagree"), get(counts, "skipped"))));
    System.out.print(text);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("peer-agreement.txt"), text);
    }
  }

  private static int get(Map<String, AtomicInteger> counts, String key) {
    return counts.getOrDefault(key, new AtomicInteger()).get();
  }
}
