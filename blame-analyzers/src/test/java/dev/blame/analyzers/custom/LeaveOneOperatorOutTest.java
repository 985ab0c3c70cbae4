package dev.blame.analyzers.custom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.analyzers.custom.GenericResourceAnalyzer.Reading;
import dev.blame.analyzers.custom.Rules.Family;
import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A leave-one-operator-out estimate of the generic analysis on the Argo CD CRD corpus: how well its vocabulary
 * would do on an operator it was not taught by. Every signal carries the rules of the vocabulary that read it
 * ({@link Meaning#rules()}). A rule is <em>supported</em> by an operator when it gave one of that operator's
 * cases a signal equal to Argo CD's verdict. For each operator in turn, the rules that no other operator
 * supports are taken out, and that operator's cases are judged again with what is left (the same precedence,
 * the same fallbacks). Two readings:
 *
 * <ul>
 *   <li><b>strict</b>: every rule must be supported by another operator of the corpus;
 *   <li><b>with priors</b>: rules that come from documented conventions outside the corpus ({@link #PRIORS}:
 *       Kubernetes API conventions, kstatus, the built-in kinds' own condition types and phases) stay in.
 * </ul>
 *
 * It is an estimate, not a retraining: a rule taken out gives no signal, where a rule never learned might have
 * been learned differently. The report (per operator, and the rules that only one operator supports, with the
 * cases that rest on them) goes to target/argocd-crds-loo.txt. Built-in kinds (CronJob, PodDisruptionBudget)
 * have their own analyzers and are left out.
 */
class LeaveOneOperatorOutTest {

  /** Agreement with every rule in, on the generic cases; equals the conformance test's on the same cases. */
  static final int FULL_FLOOR = 507;
  /** The estimates reached; a change that lowers one fails. */
  static final int STRICT_FLOOR = 419;
  static final int PRIORS_FLOOR = 434;

  /**
   * Rules that rest on conventions documented outside the corpus. kstatus (cli-utils pkg/kstatus/status):
   * Ready, Reconciling, Stalled, Ready=False and Unknown are in progress, observedGeneration (also per
   * condition), replica counters, spec.paused; Kubernetes API conventions: Ready and Succeeded, Available and
   * Progressing of the Deployment, Complete and Failed of the Job, Degraded of OpenShift's ClusterOperator;
   * Cluster API's condition severity (Error, Warning, Info) and failureReason/failureMessage fields; the Job's
   * {@code status.failed} counter of failed pods; reasons that say Failed or Error
   * (Kubernetes API conventions) or a metav1.StatusReason (NotFound, Forbidden, Unauthorized, Conflict,
   * Invalid, Timeout); the phases of Pod, PersistentVolumeClaim and Namespace; Job and CronJob
   * spec.suspend. A name {@link Rules} owns is spelt through it, so that a renamed rule does not drop out unseen; the
   * rest are made where the vocabulary gives them.
   */
  static final Set<String> PRIORS = Set.of(Family.TYPE_POSITIVE.of("ready"), Family.TYPE_PROGRESS.of("reconciling"),
      "type:negative:stalled", "status:false-is-waiting", "status:unknown-is-waiting", Rules.CONDITION_STALE,
      "replicas:counters", "spec:paused", "spec:suspend", Family.TYPE_POSITIVE.of("succeeded"),
      Family.TYPE_POSITIVE.of("available"), Family.TYPE_PROGRESS.of("progressing"),
      Family.TYPE_POSITIVE.of("complete"), "type:negative:failed", "type:negative:degraded",
      "reason:failure:exceeded", "severity:error", "severity:warning", "severity:info", Family.COUNTER.of("failed"),
      Family.WORD.of("pending"), Rules.WORD_RUNNING, Family.WORD.of("succeeded"), Family.WORD.of("failed"),
      Family.WORD.of("unknown"), Family.WORD.of("bound"), Family.WORD.of("lost"), Family.WORD.of("active"),
      Family.WORD.of("terminating"), "field:failure-message", "reason:failure:fail", "reason:failure:error",
      "reason:failure:notfound", "reason:failure:forbidden", "reason:failure:unauthori", "reason:failure:conflict",
      "reason:failure:invalid", "reason:failure:timeout");

  /** A rule name: a family of lower-case words and colons, then a detail ({@code type:positive:ready}). */
  private static final Pattern RULE_NAME = Pattern.compile("[a-z]+(?::[a-z]+)*:[a-z][a-z-]*");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The clock of the training run ({@code ArgoCdCrdConformanceTest.NOW}). */
  static final java.time.Instant TRAINING_NOW = java.time.Instant.parse("2026-09-01T00:00:00Z");

  record Case(String id, String operator, Health expected, Reading reading) {

    Health judged(java.util.function.Predicate<String> rules) {
      return GenericResourceAnalyzer.health(reading, rules);
    }

    /** The rules of the signals that decide the verdict with every rule in. */
    Set<String> deciding() {
      Health chosen = judged(r -> true);
      return reading.signals().stream().filter(s -> s.health() == chosen)
          .flatMap(s -> s.rules().stream()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** A prior spelt wrong would never match a rule and silently drop out of the estimate. */
  @Test
  void priorsAreRuleNames() {
    assertThat(PRIORS).allSatisfy(p -> assertThat(p).matches(RULE_NAME));
    assertThat(RULE_NAME.matcher("word:").matches()).isFalse();
    assertThat(RULE_NAME.matcher("running").matches()).isFalse();
    assertThat(RULE_NAME.matcher("Word:Running").matches()).isFalse();
  }

  @Test
  void leaveOneOperatorOut() throws IOException, URISyntaxException {
    List<Case> cases = cases();
    Map<String, Set<String>> support = new TreeMap<>();
    for (Case c : cases) {
      for (Signal s : c.reading().signals()) {
        if (s.health() == c.expected()) {
          s.rules().forEach(r -> support.computeIfAbsent(r, k -> new TreeSet<>()).add(c.operator()));
        }
      }
    }
    Map<String, int[]> byOperator = new TreeMap<>();
    Map<String, List<String>> singleUse = new TreeMap<>();
    Map<String, Map<String, Integer>> restsOn = new TreeMap<>();
    List<String> lost = new ArrayList<>();
    int[] totals = new int[4];
    for (Case c : cases) {
      Set<String> others = new HashSet<>();
      support.forEach((rule, operators) -> {
        if (operators.stream().anyMatch(o -> !o.equals(c.operator()))) {
          others.add(rule);
        }
      });
      boolean full = c.judged(r -> true) == c.expected();
      boolean strict = c.judged(others::contains) == c.expected();
      boolean priors = c.judged(r -> others.contains(r) || PRIORS.contains(r)) == c.expected();
      int[] row = byOperator.computeIfAbsent(c.operator(), o -> new int[4]);
      for (int[] counts : List.of(row, totals)) {
        counts[0]++;
        counts[1] += full ? 1 : 0;
        counts[2] += strict ? 1 : 0;
        counts[3] += priors ? 1 : 0;
      }
      if (full && !priors) {
        lost.add(c.id() + " (" + c.expected() + ", rests on " + c.deciding().stream()
            .filter(r -> !others.contains(r) && !PRIORS.contains(r)).toList() + ")");
      }
      if (full) {
        for (String rule : c.deciding()) {
          restsOn.computeIfAbsent(c.operator(), o -> new TreeMap<>()).merge(rule, 1, Integer::sum);
          Set<String> by = support.getOrDefault(rule, Set.of());
          if (by.size() == 1 && !PRIORS.contains(rule)) {
            singleUse.computeIfAbsent(rule + " [" + by.iterator().next() + "]", k -> new ArrayList<>()).add(c.id());
          }
        }
      }
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Leave-one-operator-out on %d generic cases of %d operators: all rules %d (%.1f%%), strict %d (%.1f%%),"
            + " with priors %d (%.1f%%)%n", totals[0], byOperator.size(), totals[1], pct(totals[1], totals[0]),
        totals[2], pct(totals[2], totals[0]), totals[3], pct(totals[3], totals[0])));
    text.append("By operator (cases / all rules / strict / with priors):\n");
    byOperator.forEach((o, r) -> text.append(String.format(Locale.ROOT, "  %-28s %3d %3d %3d %3d%n", o, r[0], r[1],
        r[2], r[3])));
    text.append("Rules the agreeing cases of each operator rest on (rule x cases, most used first):\n");
    restsOn.forEach((o, rules) -> text.append(String.format(Locale.ROOT, "  %-28s ", o)).append(rules.entrySet()
        .stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
        .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))).append('\n'));
    text.append("Rules supported by one operator only, not priors (the agreeing cases that rest on them):\n");
    singleUse.forEach((rule, ids) -> text.append("  ").append(rule).append(": ").append(ids.size()).append(' ')
        .append(ids.size() > 4 ? ids.subList(0, 4) + "..." : ids).append('\n'));
    text.append("Agreeing cases lost when their operator is held out (with priors):\n");
    lost.forEach(l -> text.append("  ").append(l).append('\n'));
    System.out.print(text);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("argocd-crds-loo.txt"), text);
    }
    assertThat(totals[1]).as("agreement with all rules").isGreaterThanOrEqualTo(FULL_FLOOR);
    assertThat(totals[2]).as("strict leave-one-operator-out agreement").isGreaterThanOrEqualTo(STRICT_FLOOR);
    assertThat(totals[3]).as("leave-one-operator-out agreement with priors").isGreaterThanOrEqualTo(PRIORS_FLOOR);
    assertThat(totals[2]).as("taking rules out cannot add agreement overall").isLessThanOrEqualTo(totals[3]);
  }

  private static double pct(int part, int whole) {
    return 100.0 * part / Math.max(1, whole);
  }

  static List<Case> cases() throws IOException, URISyntaxException {
    Path root = Path.of(LeaveOneOperatorOutTest.class.getResource("/argocd-crds-train").toURI());
    List<Path> dirs;
    try (Stream<Path> list = Files.list(root)) {
      dirs = list.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList();
    }
    List<Case> cases = new ArrayList<>();
    for (Path dir : dirs) {
      JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
      String group = expected.get("customization").asText().split("/")[0];
      if (!group.contains(".")) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = YAML.readValue(dir.resolve("object.yaml").toFile(), Map.class);
      Unstructured u = Unstructured.of(object);
      long generation = u.number("metadata", "generation").orElse(0L);
      Reading reading = GenericResourceAnalyzer.read(u, generation, u.has("metadata", "deletionTimestamp"), true,
          TRAINING_NOW);
      cases.add(new Case(dir.getFileName().toString(), OperatorFolds.operator(group),
          Health.valueOf(expected.get("normalized").asText().toUpperCase(Locale.ROOT)), reading));
    }
    return cases;
  }
}
