package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secret values from a dump never reach any output format, whichever object is asked about. The library drops
 * Secret data on load (blame-core SecretsTest fails if it stops doing so); this guards the formats themselves
 * against starting to print object bodies or evidence that carry values.
 */
class SecretValuesTest {

  static final String[] VALUES = {"c3VwZXItc2VjcmV0LXZhbHVl", "super-secret-value", "dG9rZW4tdmFsdWUtOTk5",
      "token-value-999", "plain-text-secret-value"};

  @ParameterizedTest(name = "{0} -o {1}")
  @CsvSource({"pod/api, tree", "pod/api, json", "pod/api, yaml", "pod/api, dot", "pod/api, mermaid",
      "secret/db, tree", "secret/db, json", "secret/db, yaml", "secret/db, dot", "secret/db, mermaid"})
  void secretValuesAreNeverPrinted(String target, String format) {
    Run run = Run.withBuiltInAnalyzers(target, "-n", "shop", "-f", Run.resource("dumps/secrets.yaml"), "-o", format);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isNotBlank();
    assertThat(run.out() + run.err()).doesNotContain(VALUES);
  }

  @ParameterizedTest(name = "status -o {0}")
  @CsvSource({"json", "yaml"})
  void statusNeverPrintsThemEither(String format) {
    Run run = Run.withBuiltInAnalyzers("status", "-n", "shop", "-f", Run.resource("dumps/secrets.yaml"), "-o", format);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Secret");
    assertThat(run.out() + run.err()).doesNotContain(VALUES);
  }
}
