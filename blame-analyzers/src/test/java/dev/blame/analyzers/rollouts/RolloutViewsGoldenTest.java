package dev.blame.analyzers.rollouts;

import dev.blame.analyzers.testing.ViewsGolden;
import dev.blame.analyzers.testing.ViewsGolden.Case;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Both views and the timeline of an Argo Rollouts {@code Rollout}, with every built-in analyzer and facet
 * discovered as the CLI runs them: which revision, what its template changed, who changed it. Rewrite with
 * {@code -Dblame.updateGolden=true}.
 */
class RolloutViewsGoldenTest {

  static final ViewsGolden GOLDEN = new ViewsGolden(Path.of("src/test/resources/rollouts/output"),
      "/rollouts/scenarios", UnaryOperator.identity());
  static final GroupKind ROLLOUT = GroupKind.of("argoproj.io", "Rollout");

  static final List<Case> CASES = List.of(
      new Case("aborted-canary", "aborted-canary", "2026-11-22T10:01:30Z", ObjectRef.of(ROLLOUT, "shop", "checkout")),
      new Case("paused-canary", "paused-canary", "2026-11-22T11:10:00Z", ObjectRef.of(ROLLOUT, "shop", "cart")),
      new Case("bluegreen-preview", "bluegreen-preview", "2026-11-22T12:06:00Z",
          ObjectRef.of(ROLLOUT, "pay", "ledger")));

  @TestFactory
  Stream<DynamicTest> views() {
    return GOLDEN.views(CASES);
  }
}
