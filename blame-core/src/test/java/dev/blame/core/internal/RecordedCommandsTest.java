package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Env values in a recorded kubectl command line (kubernetes.io/change-cause) are encoded as the revision diff encodes
 * them, and the rest of the command is kept as it is; with env values asked for, the line is unchanged.
 */
class RecordedCommandsTest {

  static String hashed(String value) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    return "(value sha256:" + HexFormat.of().formatHex(digest, 0, 4) + ")";
  }

  @Test
  void setEnvPairsAreHashedEachWithItsOwnValue() throws Exception {
    String line = "kubectl set env deployment/web DB_PASSWORD=hunter2 URL=a=b=c REMOVED- --record=true";
    assertThat(RecordedCommands.encode(line, false)).isEqualTo("kubectl set env deployment/web DB_PASSWORD="
        + hashed("hunter2") + " URL=" + hashed("a=b=c") + " REMOVED- --record=true");
    assertThat(RecordedCommands.encode(line, true)).isEqualTo(line);
  }

  @Test
  void aValueKubectlRecordedAsSeveralWordsIsHashedWhole() throws Exception {
    // kubectl joins arguments with spaces unquoted: `"TOKEN=two words"` is recorded as two words.
    String line = "/usr/local/bin/kubectl set env sts/db TOKEN=two words here --containers=main";
    assertThat(RecordedCommands.encode(line, false)).isEqualTo("/usr/local/bin/kubectl set env sts/db TOKEN="
        + hashed("two words here") + " --containers=main");
  }

  @Test
  void quotedValuesWithNewlinesUnicodeAndLengthAreHashed() throws Exception {
    String longValue = "x".repeat(70_000);
    String line = "kubectl set env deploy/api 'A=line1\nline2' \"B=p\u00e4ss \u202e w\u00f6rd\" C=" + longValue;
    String out = RecordedCommands.encode(line, false);
    assertThat(out).isEqualTo("kubectl set env deploy/api A=" + hashed("line1\nline2") + " B="
        + hashed("p\u00e4ss \u202e w\u00f6rd") + " C=" + hashed(longValue));
    assertThat(out).doesNotContain("line1", "line2", "\u202e", "xxxx");
  }

  @Test
  void envAndFromLiteralFlagsInEveryFormAreHashed() throws Exception {
    assertThat(RecordedCommands.encode("kubectl run web --image=nginx --env=K=v1 --env K2=v2 -e K3=v3 -eK4=v4", false))
        .isEqualTo("kubectl run web --image=nginx --env=K=" + hashed("v1") + " --env K2=" + hashed("v2")
            + " -e K3=" + hashed("v3") + " -eK4=" + hashed("v4"));
    assertThat(RecordedCommands.encode(
        "kubectl create secret generic db --from-literal=password=s3 cret --from-file=ca.crt --record=true", false))
        .isEqualTo("kubectl create secret generic db --from-literal=password=" + hashed("s3 cret")
            + " --from-file=ca.crt --record=true");
  }

  @Test
  void everythingElseIsKeptAsItIs() {
    for (String line : new String[] {
        "kubectl set image deployment/web main=nginx:1.27 --record=true",
        "kubectl set env deployment/web --from=secret/db --record=true",
        "kubectl annotate deployment/web team=payments",
        "rolled back after incident 42: DB_PASSWORD=hunter2 was wrong",
        "kubectl set env deployment/web --list",
        "",
        "kubectl"}) {
      assertThat(RecordedCommands.encode(line, false)).as(line).isEqualTo(line);
    }
  }

  @Test
  void aCommandWrittenByHandAfterOtherWordsIsFound() throws Exception {
    assertThat(RecordedCommands.encode("ran: kubectl -n prod set env deploy/web PW=x", false))
        .isEqualTo("ran: kubectl -n prod set env deploy/web PW=" + hashed("x"));
  }
}
