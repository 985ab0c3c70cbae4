package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the Argo CD CRD health corpus (src/test/resources/argocd-crds-train, see its README)
 * through all the analyzers of this module, one object alone: custom resources meet the generic analysis,
 * built-in kinds (CronJob, PodDisruptionBudget) their own analyzers. Argo CD's normalized verdict is compared
 * with our {@link Health} by name. Argo CD judges these objects with one Lua script per kind; we judge them
 * with conventions that know no kind, so the test does not demand agreement on every case:
 *
 * <ul>
 *   <li>{@link ArgoCdDivergences#DIVERGENCES} holds cases where we disagree on purpose, with our verdict and
 *       the argument (also in docs/status-vocabulary.md); the test asserts our verdict for them, and fails
 *       when one starts agreeing, so the list cannot go stale;
 *   <li>other disagreements are counted, and the run fails when the agreement falls below {@link #FLOOR}.
 * </ul>
 *
 * Counts, per expected verdict and per operator, are written to target/argocd-crds-agreement.txt and printed;
 * the leave-one-operator-out estimate is {@code custom.LeaveOneOperatorOutTest}.
 */
class ArgoCdCrdConformanceTest {

  /** "now" for every case: after every timestamp in the corpus, so that no object counts as new. */
  static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

  /** The agreement reached; a change that lowers it fails. Raise it when the analysis improves. */
  static final int FLOOR = 516;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, AtomicInteger> TOTALS = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, AtomicInteger>> BY_EXPECTED = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, AtomicInteger>> BY_GROUP = new ConcurrentHashMap<>();
  private static final Map<String, String> MISSES = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> argoCdCorpus() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/argocd-crds-train").toURI());
    List<Path> cases;
    try (Stream<Path> list = Files.list(root)) {
      cases = list.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
    }
    return cases.stream().map(ArgoCdCrdConformanceTest::toTest);
  }

  private static DynamicTest toTest(Path dir) {
    String id = dir.getFileName().toString();
    JsonNode expected = read(dir.resolve("expected.json"));
    String argo = expected.get("normalized").asText().toUpperCase(Locale.ROOT);
    ArgoCdDivergences.Divergence divergence = ArgoCdDivergences.DIVERGENCES.get(id);
    String name = id + " " + argo + (divergence == null ? "" : " (we say " + divergence.ours() + ")");
    return DynamicTest.dynamicTest(name, () -> {
      GroupKind kind =
          GroupKind.fromApiVersion(expected.get("apiVersion").asText(), expected.get("kind").asText());
      Verdict verdict;
      try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .manifests(id, PeerConformanceTest.named(Files.readString(dir.resolve("object.yaml")))).build()) {
        Node only = blame.list(kind, "").get(0);
        verdict = blame.verdict(only.ref()).orElseThrow();
      }
      String ours = verdict.health().name();
      String outcome = ours.equals(argo) ? "agree" : divergence != null ? "diverge" : "disagree";
      count(argo, group(expected), outcome);
      if (outcome.equals("disagree")) {
        MISSES.put(id, argo + " -> " + ours + "  " + verdict.findings().stream()
            .map(f -> f.reason() + ": " + f.message()).toList());
      }
      if (verdict.health() != Health.HEALTHY) {
        assertThat(verdict.findings()).as("%s: a verdict other than HEALTHY says why", id).isNotEmpty();
      }
      if (divergence != null) {
        assertThat(ours).as("%s is a listed divergence: %s", id, divergence.reason()).isEqualTo(divergence.ours());
        assertThat(ours).as("%s is listed as a divergence but agrees with Argo CD now", id).isNotEqualTo(argo);
      }
    });
  }

  /** The operator the case belongs to ({@link dev.blame.analyzers.custom.OperatorFolds}), not its API group. */
  private static String group(JsonNode expected) {
    return dev.blame.analyzers.custom.OperatorFolds.operator(expected.get("customization").asText().split("/")[0]);
  }

  private static void count(String argo, String group, String outcome) {
    TOTALS.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    BY_EXPECTED.computeIfAbsent(argo, a -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    BY_GROUP.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  @AfterAll
  static void report() throws IOException {
    int agree = get(TOTALS, "agree");
    int total = agree + get(TOTALS, "diverge") + get(TOTALS, "disagree");
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Argo CD CRD agreement: %d of %d (%.1f%%); deliberate divergence %d, disagree %d%n", agree, total,
        100.0 * agree / Math.max(1, total), get(TOTALS, "diverge"), get(TOTALS, "disagree")));
    text.append("By Argo CD verdict (agree / diverge / disagree):\n");
    new TreeMap<>(BY_EXPECTED).forEach((k, c) -> text.append(line(k, c)));
    text.append("By operator (agree / diverge / disagree):\n");
    new TreeMap<>(BY_GROUP).forEach((k, c) -> text.append(line(k, c)));
    text.append("Disagreements (Argo CD -> ours):\n");
    new TreeMap<>(MISSES).forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
    System.out.print(text);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("argocd-crds-agreement.txt"), text);
    }
    assertThat(agree).as("agreement with Argo CD fell below the floor").isGreaterThanOrEqualTo(FLOOR);
  }

  private static String line(String key, Map<String, AtomicInteger> counts) {
    return String.format(Locale.ROOT, "  %-36s %3d %3d %3d%n", key,
        get(counts, "agree"), get(counts, "diverge"), get(counts, "disagree"));
  }

  private static int get(Map<String, AtomicInteger> counts, String key) {
    return counts.getOrDefault(key, new AtomicInteger()).get();
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
