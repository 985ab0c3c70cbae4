package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Blame;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.ZoneOffset;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the peer-health corpus (src/test/resources/peer-health, see its README) through all the
 * analyzers of this module, as discovered, one object alone: health must match gitops-engine's verdict,
 * reconcile status kstatus'. Where we deliberately differ, {@link #DIVERGENCES} holds our verdict and why (also
 * listed in docs/status-vocabulary.md and docs/relationships.md); a listed divergence that starts agreeing
 * fails, so the table cannot go stale. Agreement counts are printed after the run and written to
 * target/peer-agreement.txt.
 */
class PeerConformanceTest {

  /** "now" for every case; {@code __NOW_RFC3339__} in time-dependent cases is replaced by it. */
  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

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
          "Argo CD hook annotations mean nothing to us; a Running, Ready pod is healthy"),
      "gitops-engine/hpa-v1-healthy", new Divergence("DEGRADED",
          "ScalingActive=False/FailedGetResourceMetric: metrics are unavailable, so the HPA cannot scale; this"
              + " gitops-engine returns the first matching condition (AbleToScale=True), its successor in argo-cd"
              + " checks failing reasons first and says Degraded too"),
      "kstatus/TestServiceStatus__serviceLBok", new Divergence("IN_PROGRESS",
          "a LoadBalancer Service without status.loadBalancer.ingress still waits for the cloud provider;"
              + " kstatus only checks spec.clusterIP (gitops-engine says Progressing, as we do)"),
      "kstatus/TestCRDGenericStatus__crdNoStatus", new Divergence("IN_PROGRESS",
          "a custom resource without status has not been reported on by its controller yet: we wait (health"
              + " PROGRESSING, as Argo CD's health scripts say); kstatus calls it Current because some kinds keep"
              + " no status"),
      "kstatus/TestCRDGenericStatus__crdNoCondition", new Divergence("IN_PROGRESS",
          "conditions show a controller at work, but none we understand says the object is ready: we wait"
              + " (health PROGRESSING) rather than call it done; kstatus knows only Ready/Reconciling/Stalled"
              + " and calls anything else Current"),
      "kstatus/TestPodStatus__podCompletedFailed", new Divergence("FAILED",
          "a pod in phase Failed is terminal and nothing will bring it back: its reconcile status is FAILED,"
              + " not kstatus' Current, so that no reader takes a failed pod for a reconciled one"));

  private static final Map<String, Map<String, AtomicInteger>> COUNTS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

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
    boolean kstatus = set.equals("kstatus");
    Divergence divergence = DIVERGENCES.get(id);
    String peer = kstatus ? kstatusToOurs(expected.get("status").asText())
        : expected.get("normalized").asText().toUpperCase(Locale.ROOT);
    String want = divergence == null ? peer : divergence.ours();
    String name = dir.getFileName() + (kstatus ? " status " : " health ") + want
        + (divergence == null ? "" : " (DIVERGES from peer " + peer + ")");
    return DynamicTest.dynamicTest(name, () -> {
      String yaml = named(Files.readString(dir.resolve("object.yaml")).replace("__NOW_RFC3339__", NOW.toString()));
      Verdict verdict;
      try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests(id, yaml).build()) {
        Node only = blame.list(kind, "").get(0);
        verdict = blame.verdict(only.ref()).orElseThrow();
      }
      String ours = kstatus ? verdict.status().name() : verdict.health().name();
      count(set, ours.equals(peer) ? "agree" : divergence != null ? "diverge" : "disagree");
      assertThat(ours).as("%s: %s", id, verdict.findings()).isEqualTo(want);
      if (divergence != null) {
        assertThat(ours).as("%s is listed as a divergence but agrees with the peer now", id).isNotEqualTo(peer);
      }
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

  /**
   * Some kstatus manifests are synthetic objects without metadata.name, which a real API server (and our
   * reader) refuses; they get a placeholder name, nothing else changes.
   */
  static String named(String yaml) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode object =
        (com.fasterxml.jackson.databind.node.ObjectNode) YAML.readTree(yaml);
    com.fasterxml.jackson.databind.node.ObjectNode metadata = object.has("metadata") && object.get("metadata").isObject()
        ? (com.fasterxml.jackson.databind.node.ObjectNode) object.get("metadata") : object.putObject("metadata");
    if (!metadata.hasNonNull("name")) {
      metadata.put("name", "unnamed");
      return YAML.writeValueAsString(object);
    }
    return yaml;
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
    StringBuilder text = new StringBuilder("Peer agreement (agree / deliberate divergence / disagree):\n");
    new TreeMap<>(COUNTS).forEach((set, counts) -> text.append(String.format(Locale.ROOT,
        "  %-26s agree %d, diverge %d, disagree %d%n", set,
        get(counts, "agree"), get(counts, "diverge"), get(counts, "disagree"))));
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
