package dev.blame.analyzers.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

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
 * Golden files for the views a user reads (helm's {@code pkg/cmd/testdata/output} pattern): every scenario of
 * {@code scenarios/}, explained for a few targets, rendered cause-to-effect, effect-to-cause and as a
 * timeline, compared with {@code src/test/resources/provenance/output/<case>.<view>.txt}.
 *
 * <p>Rewrite them with {@code mvn -pl blame-core verify -Dblame.updateGolden=true} (or
 * {@code BLAME_UPDATE_GOLDEN=true}) and review the diff.
 */
class BlameViewsGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/provenance/output");

  record Case(String name, String scenario, String now, ObjectRef target) {}

  static final List<Case> CASES = List.of(
      new Case("talk-deployment", "talk", "2026-11-22T12:00:15Z", ref(GroupKind.DEPLOYMENT, "demo", "my-busybox")),
      new Case("talk-pod", "talk", "2026-11-22T12:00:15Z", ref(GroupKind.POD, "demo", "my-busybox-pod-v10")),
      new Case("image-typo-deployment", "image-typo", "2026-11-22T10:05:00Z", ref(GroupKind.DEPLOYMENT, "shop", "web")),
      new Case("image-typo-pod", "image-typo", "2026-11-22T10:05:00Z", ref(GroupKind.POD, "shop", "web-7f8c9d6b5-k2v9t")),
      new Case("rollback-deployment", "rollback", "2026-11-22T09:00:40Z", ref(GroupKind.DEPLOYMENT, "shop", "api")),
      new Case("restart-deployment", "restart", "2026-11-22T08:30:20Z", ref(GroupKind.DEPLOYMENT, "cache", "cache")),
      new Case("statefulset-partition-statefulset", "statefulset-partition", "2026-11-22T14:10:00Z",
          ref(GroupKind.STATEFUL_SET, "data", "db")),
      new Case("statefulset-partition-pod", "statefulset-partition", "2026-11-22T14:10:00Z", ref(GroupKind.POD, "data", "db-2")),
      new Case("istio-deployment", "istio", "2026-11-22T16:02:00Z", ref(GroupKind.DEPLOYMENT, "bookinfo", "reviews")),
      new Case("istio-pod", "istio", "2026-11-22T16:02:00Z", ref(GroupKind.POD, "bookinfo", "reviews-6b8d9f7c4d-tq9wz")));

  static ObjectRef ref(GroupKind kind, String namespace, String name) {
    return ObjectRef.of(kind, namespace, name);
  }

  static boolean updating() {
    return Boolean.getBoolean("blame.updateGolden") || "true".equalsIgnoreCase(System.getenv("BLAME_UPDATE_GOLDEN"));
  }

  static Explanation explain(String scenario, String now, ObjectRef target) throws Exception {
    try (Blame blame = BlameEngine.builder()
        .discoverAnalyzers(false)
        .addAnalyzer(new TalkAnalyzer())
        .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
        .manifests(Path.of(BlameViewsGoldenTest.class.getResource("/provenance/scenarios/" + scenario + ".yaml").toURI()))
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
    if (updating()) {
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
