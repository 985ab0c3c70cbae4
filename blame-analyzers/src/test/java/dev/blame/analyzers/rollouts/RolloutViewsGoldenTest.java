package dev.blame.analyzers.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import dev.blame.core.BlameViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Both views and the timeline of an Argo Rollouts {@code Rollout}, with every built-in analyzer and facet
 * discovered as the CLI runs them: which revision, what its template changed, who changed it. Rewrite with
 * {@code -Dblame.updateGolden=true}.
 */
class RolloutViewsGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/rollouts/output");
  static final GroupKind ROLLOUT = GroupKind.of("argoproj.io", "Rollout");

  record Case(String name, String scenario, String now, ObjectRef target) {}

  static final List<Case> CASES = List.of(
      new Case("aborted-canary", "aborted-canary", "2026-11-22T10:01:30Z", ObjectRef.of(ROLLOUT, "shop", "checkout")),
      new Case("paused-canary", "paused-canary", "2026-11-22T11:10:00Z", ObjectRef.of(ROLLOUT, "shop", "cart")),
      new Case("bluegreen-preview", "bluegreen-preview", "2026-11-22T12:06:00Z",
          ObjectRef.of(ROLLOUT, "pay", "ledger")));

  static Explanation explain(String scenario, String now, ObjectRef target) throws Exception {
    try (Blame blame = BlameEngine.builder()
        .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
        .manifests(Path.of(RolloutViewsGoldenTest.class.getResource("/rollouts/scenarios/" + scenario + ".yaml").toURI()))
        .build()) {
      return blame.explain(target);
    }
  }

  @TestFactory
  Stream<DynamicTest> views() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      for (var view : List.<Object[]>of(
          new Object[] {"cause-to-effect", (Function<Explanation, String>) BlameViews::causeToEffect},
          new Object[] {"effect-to-cause", (Function<Explanation, String>) BlameViews::effectToCause},
          new Object[] {"timeline", (Function<Explanation, String>) BlameViews::timeline})) {
        String file = c.name() + "." + view[0] + ".txt";
        @SuppressWarnings("unchecked")
        Function<Explanation, String> render = (Function<Explanation, String>) view[1];
        tests.add(DynamicTest.dynamicTest(file, () -> check(file, render.apply(explain(c.scenario(), c.now(), c.target())))));
      }
    }
    return tests.stream();
  }

  static void check(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("blame.updateGolden") || "true".equalsIgnoreCase(System.getenv("BLAME_UPDATE_GOLDEN"))) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("golden file " + golden + " is missing; run with -Dblame.updateGolden=true to write it. Actual:\n" + actual);
    }
    assertThat(actual).as("rendered %s (rewrite with -Dblame.updateGolden=true)", file)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
