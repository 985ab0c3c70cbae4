package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.ChangedBy;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionDiff;
import dev.blame.api.RevisionRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who did it, spelled to look like someone else: the talk's Deployment (dumps/talk.yaml) with two managedFields
 * entries, {@code kubectl-client-side-apply} (the command) and {@code kubectl-client-side-аpply} with a Cyrillic
 * {@code а} U+0430 (the image), a Helm release {@code ѕhop} (Cyrillic dze), an Argo CD application {@code pаyments}
 * and a change-cause ending in two noncharacters. Before, the tree printed both managers alike, the newer one as
 * "Edited by kubectl-client-side-apply", and the attributions as they were; now every who-did-it text shows its
 * non-ASCII characters as escapes (a field manager is any printable string: the API server checks only
 * {@code unicode.IsPrint} and 128 characters). JSON keeps the exact text, YAML its escapes, both read back equal.
 */
class LookalikeIdentityTest {

  static final String CYRILLIC = "kubectl-client-side-\u0430pply";
  static final String NOW = "2026-11-22T12:00:15Z";

  @TempDir
  static Path dir;

  static String dump() throws Exception {
    String yaml = Files.readString(Path.of(Run.resource("dumps/talk.yaml")));
    String marker = "      deployment.kubernetes.io/revision: \"10\"\n    labels:\n      app: my-busybox\n";
    assertThat(yaml).contains(marker);
    String hostile = """
              deployment.kubernetes.io/revision: "10"
              meta.helm.sh/release-name: "\\u0455hop"
              argocd.argoproj.io/tracking-id: "p\\u0430yments:apps/Deployment:demo/my-busybox"
              kubernetes.io/change-cause: "kubectl set image deployment/my-busybox main=busybox:v3 \\uFFFE\\uFDD0"
            labels:
              app: my-busybox
            managedFields:
            - apiVersion: apps/v1
              fieldsType: FieldsV1
              fieldsV1: {"f:spec": {"f:template": {"f:spec": {"f:containers": {"k:{\\"name\\":\\"main\\"}": {"f:image": {}}}}}}}
              manager: "kubectl-client-side-\\u0430pply"
              operation: Update
              time: "2026-11-22T12:00:00Z"
            - apiVersion: apps/v1
              fieldsType: FieldsV1
              fieldsV1: {"f:spec": {"f:template": {"f:spec": {"f:containers": {"k:{\\"name\\":\\"main\\"}": {"f:command": {}}}}}}}
              manager: kubectl-client-side-apply
              operation: Update
              time: "2026-11-22T11:59:00Z"
        """;
    Path file = dir.resolve("lookalike.yaml");
    Files.writeString(file, yaml.replace(marker, hostile));
    return file.toString();
  }

  @Test
  void theTreeShowsALookalikeManagerAndAttributionsWithTheirNonAsciiLettersEscaped() throws Exception {
    Run run = Run.withBuiltInAnalyzers("-f", dump(), "deploy/my-busybox", "-n", "demo", "--now", NOW);
    assertThat(run.code()).as(run.toString()).isIn(0, 1);
    assertThat(run.out()).as(run.toString()).contains(
        "Deployment my-busybox revision 10: Edited 15s ago by kubectl-client-side-\\u0430pply\n",
        "  -> Image busybox:v3 (updated from busybox:v2) by kubectl-client-side-\\u0430pply\n",
        " by kubectl-client-side-apply\n",
        "  -> Via Helm release demo/\\u0455hop (meta.helm.sh/release-name)\n",
        "  -> Via Argo CD application p\\u0430yments (argocd.argoproj.io/tracking-id)\n",
        "main=busybox:v3 \\ufffe\\ufdd0\n");
    assertThat(run.out()).doesNotContain("\u0430", "\u0455", "\ufffe", "\ufdd0");
  }

  @Test
  void jsonAndYamlKeepTheExactManagerAndAttributions() throws Exception {
    String file = dump();
    Run json = Run.withBuiltInAnalyzers("-f", file, "deploy/my-busybox", "-n", "demo", "--now", NOW, "-o", "json");
    Run yaml = Run.withBuiltInAnalyzers("-f", file, "deploy/my-busybox", "-n", "demo", "--now", NOW, "-o", "yaml");
    for (JsonNode doc : List.of(new ObjectMapper().readTree(json.out()),
        new ObjectMapper(new YAMLFactory()).readTree(yaml.out()))) {
      assertThat(doc.path("revision").path("changedBy").path("manager").asText()).isEqualTo(CYRILLIC);
      assertThat(doc.path("revision").path("attributions").toString()).contains("demo/\u0455hop", "p\u0430yments");
    }
    assertThat(yaml.out()).contains("\"kubectl-client-side-\\u0430pply\"").doesNotContain("\u0430");
  }

  /**
   * A health rule file whose kind looks like another ({@code Widgеt} with a Cyrillic {@code е} U+0435, a kind no API
   * server takes, beside a real {@code Widget}): {@code analyzers} listed {@code [Widget.example.com,
   * Widgеt.example.com]}, one rule file seemingly naming one kind twice.
   */
  @Test
  void analyzersShowALookalikeKindOfARuleWithItsNonAsciiLetterEscaped() throws Exception {
    Path rules = Files.writeString(dir.resolve("lookalike-rules.yaml"), """
        healthCheckExprs:
          - {apiVersion: example.com/v1, kind: "Widg\\u0435t", current: "true"}
          - {apiVersion: example.com/v1, kind: Widget, current: "true"}
        """);
    Run run = Run.of("analyzers", "--health-rules", rules.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("[Widget.example.com, Widg\\u0435t.example.com]").doesNotContain("\u0435");
  }

  /** The line {@code wait} prints, annotates ({@code ::notice}) and writes to JUnit XML for a revision change. */
  @Test
  void theWaitsRevisionLineEscapesTheManager() {
    RevisionDiff diff = RevisionDiff.builder()
        .revision(RevisionRef.of(ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "web"), 2))
        .changedBy(ChangedBy.of(CYRILLIC, "Update", Optional.of(Instant.parse("2026-11-22T12:00:00Z"))))
        .time(Instant.parse("2026-11-22T12:00:00Z"))
        .build();
    assertThat(WaitView.revision(diff)).isEqualTo(
        "Deployment web revision 2, by kubectl-client-side-\\u0430pply at 2026-11-22T12:00:00Z");
  }

  /** What the GitHub Action's log and summary print of the wait's document. */
  @Test
  void theTerminalJsonOfTheWaitDocumentEscapesWhoDidItOnly() throws Exception {
    String doc = "{\"revisions\":[{\"changedBy\":\"" + CYRILLIC + "\",\"changes\":[\"Image caf\u00e9\"]}],"
        + "\"objects\":[{\"message\":\"\u65e5\u672c \u0430\"}]}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(TerminalJson.run(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), out)).isZero();
    JsonNode shown = new ObjectMapper().readTree(out.toByteArray());
    assertThat(shown.path("revisions").get(0).path("changedBy").asText()).isEqualTo("kubectl-client-side-\\u0430pply");
    assertThat(shown.path("revisions").get(0).path("changes").get(0).asText()).isEqualTo("Image caf\u00e9");
    assertThat(shown.path("objects").get(0).path("message").asText()).isEqualTo("\u65e5\u672c \u0430");
  }
}
