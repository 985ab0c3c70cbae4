package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Who changed it" for objects that have no revisions: the effect → cause view ends at the managedFields entry that
 * set the field the culprit names (an HPA's {@code scaleTargetRef} changed by a Helm upgrade, a Service selector
 * changed by {@code kubectl edit}), in text and JSON, against golden files.
 */
class WhoChangedGoldenTest {

  static final String HPA = Run.resource("who-changed/hpa-helm-upgrade.yaml");
  static final String SERVICE = Run.resource("who-changed/service-selector-edit.yaml");
  static final String NOW = "2026-11-22T12:00:00Z";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("who-changed-hpa.tree.txt", new String[] {"-f", HPA, "hpa/web", "-n", "shop", "--now", NOW}),
        Arguments.of("who-changed-hpa.json", new String[] {"-f", HPA, "hpa/web", "-n", "shop", "--now", NOW, "-o", "json"}),
        Arguments.of("who-changed-service.tree.txt", new String[] {"-f", SERVICE, "svc/api", "-n", "shop", "--now", NOW}),
        Arguments.of("who-changed-service.json",
            new String[] {"-f", SERVICE, "svc/api", "-n", "shop", "--now", NOW, "-o", "json"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theViewEndsAtTheChange(String file, String[] args) {
    Run run = Run.withBuiltInAnalyzers(args);
    assertThat(run.code()).as(run.toString()).isIn(0, 1);
    assertThat(run.err()).as(run.toString()).isEmpty();
    if (file.endsWith(".json")) {
      Schema.assertValid("blame", run.out());
    }
    Golden.assertMatches(file, run.out());
  }

  @Test
  void theHpaNamesHelmAndTheTimeOfTheUpgrade() {
    String out = Run.withBuiltInAnalyzers("-f", HPA, "hpa/web", "-n", "shop", "--now", NOW).out();
    assertThat(out).contains("spec.scaleTargetRef Deployment/web-v2: set by helm (Update) 10m ago");
  }

  @Test
  void theServiceNamesTheEditNotTheFirstApply() {
    String out = Run.withBuiltInAnalyzers("-f", SERVICE, "svc/api", "-n", "shop", "--now", NOW).out();
    assertThat(out).contains(": set by kubectl-edit (Update) 20m ago").doesNotContain("set by kubectl-client-side-apply");
  }

  @Test
  void withoutManagedFieldsNothingIsAttributed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(SERVICE));
    String stripped = text.replaceAll("(?s)    managedFields:\\n(    [- ].*?\\n)+?(?=    name: )", "");
    assertThat(stripped).doesNotContain("managedFields");
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("stripped.yaml"), stripped);
    Run run = Run.withBuiltInAnalyzers("-f", file.toString(), "svc/api", "-n", "shop", "--now", NOW);
    assertThat(run.out()).as(run.toString()).contains("matches no pod").doesNotContain("set by");
  }
}
