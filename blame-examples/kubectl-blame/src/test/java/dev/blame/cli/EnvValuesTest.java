package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A literal env value changed by an edit (dumps/env-values.yaml: DB_PASSWORD put straight into the template) is
 * shown in revision diffs only as a short hash, in every output format, unless the user gives
 * {@code --show-env-values}; then it is shown as it is, and the hash is not. The {@code valueFrom} reference
 * the edit added is shown either way.
 */
class EnvValuesTest {

  static final String DUMP = Run.resource("dumps/env-values.yaml");
  static final String OLD = "hunter2-OLD-literal";
  static final String NEW = "hunter2-NEW-literal";

  static String hash(String value) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
  }

  @ParameterizedTest(name = "-o {0}")
  @ValueSource(strings = {"tree", "json", "yaml", "dot", "mermaid"})
  void hashedByDefaultLiteralOnlyWhenAsked(String format) throws Exception {
    Run hidden = Run.withBuiltInAnalyzers("-f", DUMP, "deployment", "my-busybox", "-o", format);
    assertThat(hidden.code()).as(hidden.toString()).isZero();
    assertThat(hidden.out() + hidden.err()).doesNotContain("hunter2");

    Run shown = Run.withBuiltInAnalyzers("-f", DUMP, "deployment", "my-busybox", "-o", format, "--show-env-values");
    assertThat(shown.code()).as(shown.toString()).isZero();
    if (format.equals("dot") || format.equals("mermaid")) {
      // The graph formats draw objects and findings, not revision diffs: nothing to show or hide.
      assertThat(hidden.out()).doesNotContain("sha256:", "DB_PASSWORD");
      assertThat(shown.out()).isEqualTo(hidden.out());
      return;
    }
    assertThat(hidden.out()).contains("DB_PASSWORD", hash(OLD), hash(NEW), "secretKeyRef");
    assertThat(shown.out()).contains("DB_PASSWORD", OLD, NEW, "secretKeyRef")
        .doesNotContain(hash(OLD), hash(NEW));
  }

  @ParameterizedTest(name = "status -o {0}")
  @ValueSource(strings = {"tree", "json", "yaml"})
  void statusNeverShowsThemEitherWay(String format) {
    for (String[] flags : new String[][] {{}, {"--show-env-values"}}) {
      String[] args = new String[5 + flags.length];
      System.arraycopy(new String[] {"status", "-f", DUMP, "-o", format}, 0, args, 0, 5);
      System.arraycopy(flags, 0, args, 5, flags.length);
      Run run = Run.withBuiltInAnalyzers(args);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }
  }
}
