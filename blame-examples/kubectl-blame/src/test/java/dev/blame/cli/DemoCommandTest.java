package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kubectl blame demo}: the embedded cluster, the simulator and the live source, end to end, with the
 * built-in analyzers. The cluster stamps objects with the wall clock, so ages are normalised before comparing
 * with the golden files; everything else (names, hashes, revisions, messages) is deterministic.
 */
@Timeout(120)
class DemoCommandTest {

  /** {@code 15s ago}, {@code 3m20s ago}, {@code for 2s}, {@code (x2)}: whatever depends on how long it ran. */
  private static final Pattern AGE = Pattern.compile("\\b(\\d+[smhd])+ ago\\b");
  private static final Pattern SINCE = Pattern.compile("\\(for (\\d+[smhd])+\\)");

  private static final Pattern UID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern EVENT = Pattern.compile("^[ \u2502]*(Normal|Warning) .*");

  /**
   * Ages and uids replaced; the Events about one object sorted, since several happen within the second that
   * orders them.
   */
  static String normalised(String text) {
    String out = AGE.matcher(text).replaceAll("<age> ago");
    out = SINCE.matcher(out).replaceAll("(for <age>)");
    out = UID.matcher(out).replaceAll("<uid>");
    StringBuilder sorted = new StringBuilder();
    List<String> events = new ArrayList<>();
    for (String line : out.split("\n", -1)) {
      if (EVENT.matcher(line).matches()) {
        events.add(line);
        continue;
      }
      Collections.sort(events);
      events.forEach(e -> sorted.append(e).append('\n'));
      events.clear();
      sorted.append(line).append('\n');
    }
    return sorted.substring(0, sorted.length() - 1);
  }

  @Test
  void theTalkIsPlayedOnTheEmbeddedClusterAndExplainedLive() {
    long start = System.nanoTime();
    Run run = Run.withBuiltInAnalyzers("demo");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out()).contains("Cause \u2192 effect:", "Effect \u2192 cause:", "Deployment my-busybox",
        "busybox:v3 (updated from busybox:v2)", "istio-init", "CrashLoopBackOff");
    Golden.assertMatches("demo.tree.txt", normalised(run.out()));
    assertThat(seconds).as("the demo takes seconds, not a minute").isLessThan(45);
    assertThat(demoThreads()).as("threads left behind").isEmpty();
  }

  @Test
  void theTalkAsJsonCarriesTheRevisionAndItsChanges() {
    Run run = Run.withBuiltInAnalyzers("demo", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"changes\" : [", "\"to\" : \"busybox:v3\"", "\"from\" : \"busybox:v2\"");
  }

  @Test
  void listNamesEveryScenarioOnOneLine() {
    Run run = Run.of("demo", "--list");
    assertThat(run.code()).as(run.toString()).isZero();
    Golden.assertMatches("demo-list.txt", run.out());
    assertThat(run.out().lines()).hasSize(dev.blame.demo.Scenario.values().length);
  }

  @Test
  void anotherScenarioExplainsItsObject() {
    Run run = Run.withBuiltInAnalyzers("demo", "image-pull-error");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Deployment checkout -n image-pull-error is ")
        .contains("ImagePullBackOff");
  }

  @Test
  void unknownScenarioIsOneLineAndExit3() {
    Run run = Run.of("demo", "nope");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: unknown scenario \"nope\"; known: talk, ").hasLineCount(1);
  }

  @Test
  void emptyHasNothingToExplainWithoutServe() {
    Run run = Run.of("demo", "empty");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: scenario \"empty\" has nothing to explain").hasLineCount(1);
  }

  /** Threads of the demo cluster, its simulator, or a fabric8 client still alive. */
  static Set<String> demoThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("demo-") || n.startsWith("kubectl-blame-demo")).collect(Collectors.toSet());
  }
}
