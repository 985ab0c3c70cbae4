package dev.blame.analyzers.provenance;

import dev.blame.analyzers.testing.ViewsGolden;
import dev.blame.analyzers.testing.ViewsGolden.Case;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for the views a user reads: every scenario of {@code provenance/scenarios/}, explained for a few
 * targets with the small {@link TalkAnalyzer}, rendered cause-to-effect, effect-to-cause and as a timeline,
 * compared with {@code src/test/resources/provenance/output/<case>.<view>.txt}.
 *
 * <p>Rewrite them with {@code mvn -pl blame-analyzers verify -Dblame.updateGolden=true} (or
 * {@code BLAME_UPDATE_GOLDEN=true}) and review the diff.
 */
class BlameViewsGoldenTest {

  static final ViewsGolden GOLDEN = new ViewsGolden(Path.of("src/test/resources/provenance/output"),
      "/provenance/scenarios", engine -> engine.discoverAnalyzers(false).addAnalyzer(new TalkAnalyzer()));

  static final List<Case> CASES = List.of(
      new Case("talk-deployment", "talk", "2026-11-22T12:00:15Z", ref(GroupKind.DEPLOYMENT, "demo", "my-busybox")),
      new Case("talk-pod", "talk", "2026-11-22T12:00:15Z", ref(GroupKind.POD, "demo", "my-busybox-pod-v10")),
      new Case("image-typo-deployment", "image-typo", "2026-11-22T10:05:00Z", ref(GroupKind.DEPLOYMENT, "shop", "web")),
      new Case("image-typo-pod", "image-typo", "2026-11-22T10:05:00Z", ref(GroupKind.POD, "shop", "web-7f8c9d6b5-k2v9t")),
      new Case("rollback-deployment", "rollback", "2026-11-22T09:00:40Z", ref(GroupKind.DEPLOYMENT, "shop", "api")),
      new Case("paused-deployment", "paused", "2026-11-23T09:12:30Z", ref(GroupKind.DEPLOYMENT, "cache", "cache")),
      new Case("restart-deployment", "restart", "2026-11-22T08:30:20Z", ref(GroupKind.DEPLOYMENT, "cache", "cache")),
      new Case("statefulset-partition-statefulset", "statefulset-partition", "2026-11-22T14:10:00Z",
          ref(GroupKind.STATEFUL_SET, "data", "db")),
      new Case("statefulset-partition-pod", "statefulset-partition", "2026-11-22T14:10:00Z", ref(GroupKind.POD, "data", "db-2")),
      new Case("istio-deployment", "istio", "2026-11-22T16:02:00Z", ref(GroupKind.DEPLOYMENT, "bookinfo", "reviews")),
      new Case("istio-pod", "istio", "2026-11-22T16:02:00Z", ref(GroupKind.POD, "bookinfo", "reviews-6b8d9f7c4d-tq9wz")));

  static ObjectRef ref(GroupKind kind, String namespace, String name) {
    return ObjectRef.of(kind, namespace, name);
  }

  static Explanation explain(String scenario, String now, ObjectRef target) throws IOException {
    return GOLDEN.explain(scenario, now, target);
  }

  @TestFactory
  Stream<DynamicTest> views() {
    return GOLDEN.views(CASES);
  }
}
