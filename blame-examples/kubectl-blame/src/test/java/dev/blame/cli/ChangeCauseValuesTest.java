package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The env values of a command kubectl recorded in {@code kubernetes.io/change-cause} (dumps/env-values.yaml with
 * the annotation on the Deployment and its newest ReplicaSet, as `kubectl set env ... --record` leaves it) are
 * hashed as the revision diff hashes them, in every output format, unless {@code --show-env-values} is given; the
 * rest of the command (who did what) is shown either way. Hostile values: a newline inside a quoted value, unicode,
 * a value of 20,000 characters, a value kubectl recorded as several words.
 */
class ChangeCauseValuesTest {

  static final String LONG = "hunter2-long-" + "y".repeat(20_000);
  static final String CAUSE = "kubectl set env deployment/my-busybox DB_PASSWORD=hunter2-NEW-literal"
      + " 'NOTE=hunter2-line1\nhunter2-line2' \"GREETING=gr\u00fc\u00df hunter2-\u00fcnicode\" SPLIT=hunter2 split"
      + " LONG=" + LONG + " --record=true";
  static final String RUN_CAUSE = "kubectl run my-busybox --image=busybox:v3 --env=A=hunter2-a --env B=hunter2-b"
      + " -e C=hunter2-c";

  @TempDir
  static Path dir;

  static String dump(String deploymentCause, String replicaSetCause) throws Exception {
    String yaml = Files.readString(Path.of(EnvValuesTest.DUMP));
    ObjectMapper json = new ObjectMapper();
    String marker = "deployment.kubernetes.io/revision: \"10\"\n";
    int first = yaml.indexOf(marker);
    int second = yaml.indexOf(marker, first + marker.length());
    String withRs = yaml.substring(0, second + marker.length()) + "      kubernetes.io/change-cause: "
        + json.writeValueAsString(replicaSetCause) + "\n" + yaml.substring(second + marker.length());
    String text = withRs.substring(0, first + marker.length()) + "      kubernetes.io/change-cause: "
        + json.writeValueAsString(deploymentCause) + "\n" + withRs.substring(first + marker.length());
    Path file = Files.createTempFile(dir, "change-cause", ".yaml");
    Files.writeString(file, text);
    return file.toString();
  }

  @ParameterizedTest(name = "-o {0}")
  @ValueSource(strings = {"tree", "json", "yaml"})
  void recordedEnvValuesAreHashedUnlessAsked(String format) throws Exception {
    String file = dump(RUN_CAUSE, CAUSE);
    Run hidden = Run.withBuiltInAnalyzers("-f", file, "deployment", "my-busybox", "-o", format);
    assertThat(hidden.code()).as(hidden.toString()).isZero();
    assertThat(hidden.out() + hidden.err()).doesNotContain("hunter2", "gr\u00fc\u00df", "yyyy");
    assertThat(hidden.out()).contains("kubectl set env deployment/my-busybox DB_PASSWORD=(value "
        + EnvValuesTest.hash("hunter2-NEW-literal") + ")", "LONG=(value " + EnvValuesTest.hash(LONG) + ")",
        "NOTE=(value " + EnvValuesTest.hash("hunter2-line1\nhunter2-line2") + ")", "--record=true");

    Run shown = Run.withBuiltInAnalyzers("-f", file, "deployment", "my-busybox", "-o", format, "--show-env-values");
    assertThat(shown.code()).as(shown.toString()).isZero();
    assertThat(shown.out()).contains("DB_PASSWORD=hunter2-NEW-literal", "nicode", "LONG=hunter2-long-yyyy",
        "SPLIT=hunter2 split").doesNotContain(EnvValuesTest.hash(LONG), EnvValuesTest.hash("hunter2-NEW-literal"));
  }

  @ParameterizedTest(name = "-o {0}")
  @ValueSource(strings = {"tree", "json", "yaml"})
  void runAndCreateEnvFlagsAreHashedFromTheWorkloadsOwnChangeCause(String format) throws Exception {
    // The revision's holder records nothing: the workload's change-cause is the attribution.
    String file = dump(RUN_CAUSE, "");
    Run hidden = Run.withBuiltInAnalyzers("-f", file, "deployment", "my-busybox", "-o", format);
    assertThat(hidden.code()).as(hidden.toString()).isZero();
    assertThat(hidden.out() + hidden.err()).doesNotContain("hunter2");
    assertThat(hidden.out()).contains("kubectl run my-busybox --image=busybox:v3 --env=A=(value "
        + EnvValuesTest.hash("hunter2-a") + ")", "-e C=(value " + EnvValuesTest.hash("hunter2-c") + ")");
    Run shown = Run.withBuiltInAnalyzers("-f", file, "deployment", "my-busybox", "-o", format, "--show-env-values");
    assertThat(shown.out()).contains("--env=A=hunter2-a", "--env B=hunter2-b", "-e C=hunter2-c");
  }
}
