package dev.blame.analyzers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import dev.blame.core.BlameViews;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden files for the views a user reads (helm's {@code pkg/cmd/testdata/output} pattern): each case's
 * explanation rendered cause-to-effect, effect-to-cause and as a timeline, compared with
 * {@code <golden>/<case>.<view>.txt}. Rewrite them with {@code -Dblame.updateGolden=true} (or
 * {@code BLAME_UPDATE_GOLDEN=true}) and review the diff.
 *
 * @param golden the folder of the golden files, relative to the module
 * @param scenarios the classpath folder of the scenarios' manifests, {@code <scenario>.yaml}
 * @param engine the analyzers and facets the views are rendered with
 */
public record ViewsGolden(Path golden, String scenarios, UnaryOperator<BlameEngine.Builder> engine) {

  /** One explanation: a target in a scenario at a moment. */
  public record Case(String name, String scenario, String now, ObjectRef target) {}

  private static final Map<String, Function<Explanation, String>> VIEWS = new LinkedHashMap<>();

  static {
    VIEWS.put("cause-to-effect", BlameViews::causeToEffect);
    VIEWS.put("effect-to-cause", BlameViews::effectToCause);
    VIEWS.put("timeline", BlameViews::timeline);
  }

  /** True when the golden files are to be rewritten rather than compared. */
  public static boolean updating() {
    return Boolean.getBoolean("blame.updateGolden") || "true".equalsIgnoreCase(System.getenv("BLAME_UPDATE_GOLDEN"));
  }

  /** The target of a scenario explained at {@code now}, with this harness' engine. */
  public Explanation explain(String scenario, String now, ObjectRef target) throws IOException {
    URL manifests = ViewsGolden.class.getResource(scenarios + "/" + scenario + ".yaml");
    if (manifests == null) {
      throw new IllegalArgumentException("no scenario " + scenarios + "/" + scenario + ".yaml");
    }
    try (Blame blame = engine.apply(BlameEngine.builder())
        .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
        .manifests(Path.of(manifests.toURI()))
        .build()) {
      return blame.explain(target);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(manifests.toString(), e);
    }
  }

  /** A test per case and view. */
  public Stream<DynamicTest> views(List<Case> cases) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases) {
      VIEWS.forEach((view, render) -> {
        String file = c.name() + "." + view + ".txt";
        tests.add(DynamicTest.dynamicTest(file,
            () -> check(file, render.apply(explain(c.scenario(), c.now(), c.target())))));
      });
    }
    return tests.stream();
  }

  /** Compares {@code actual} with the golden file, or rewrites it. */
  public void check(String file, String actual) throws IOException {
    Path path = golden.resolve(file);
    if (updating()) {
      Files.createDirectories(golden);
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(path)) {
      fail("golden file " + path + " is missing; run with -Dblame.updateGolden=true to write it. Actual:\n" + actual);
    }
    assertThat(actual).as("rendered %s (rewrite with -Dblame.updateGolden=true)", file)
        .isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
  }
}
