package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.EventRecord;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenth red team: reasons that look like others. A reason is an identifier by API convention (metav1.Condition's
 * reason must match {@code ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$}; Kubernetes' own are ASCII UpperCamelCase),
 * yet a reason code here is any letter of any script (older condition types and Events validate no pattern: an
 * Event's reason is any text up to 128 characters). A condition reason {@code ReconcіleFailed} with a Ukrainian
 * {@code і} U+0456 and an Event reason {@code BаckOff} with a Cyrillic {@code а} U+0430 printed as the reasons they
 * imitate. Now a reason is shown as who-did-it text is ({@code Escape.identity}) wherever a person reads it: the
 * status table's REASON column, the tree's culprit and object lines, Event lines, {@code wait}'s culprit and event
 * lines ({@code ::error}, JUnit) and the action's summary ({@code __terminal-json}); JSON keeps the exact text.
 */
class LookalikeReasonTest {

  static final String CONDITION_REASON = "Reconc\u0456leFailed";
  static final String EVENT_REASON = "B\u0430ckOff";

  @TempDir
  static Path dir;

  static String dump() throws Exception {
    Path file = dir.resolve("lookalike-reasons.yaml");
    Files.writeString(file, """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w, namespace: demo, generation: 1}
        status:
          observedGeneration: 1
          conditions:
          - type: Ready
            status: "False"
            reason: "Reconc\\u0456leFailed"
            message: disk full
            lastTransitionTime: "2026-11-22T11:59:00Z"
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: w.1, namespace: demo}
        involvedObject: {apiVersion: example.com/v1, kind: Widget, name: w, namespace: demo}
        type: Warning
        reason: "B\\u0430ckOff"
        message: retrying
        firstTimestamp: "2026-11-22T11:59:30Z"
        lastTimestamp: "2026-11-22T12:00:00Z"
        count: 1
        """);
    return file.toString();
  }

  @Test
  void theStatusTableAndTheTreeShowALookalikeReasonWithItsNonAsciiLetterEscaped() throws Exception {
    Run status = Run.withBuiltInAnalyzers("status", "-f", dump(), "widget/w", "-n", "demo", "--now",
        "2026-11-22T12:00:15Z");
    // The REASON column; the message quotes the condition as text (its reason included), as messages are shown.
    assertThat(status.out()).as(status.toString()).contains("   Failed   Reconc\\u0456leFailed   Ready is False: ");
    Run tree = Run.withBuiltInAnalyzers("-f", dump(), "widget/w", "-n", "demo", "--now", "2026-11-22T12:00:15Z");
    assertThat(tree.out()).as(tree.toString()).contains("Degraded Widget w: Reconc\\u0456leFailed (for ",
        "Warning B\\u0430ckOff 15s ago: retrying");
  }

  @Test
  void jsonKeepsTheExactReasons() throws Exception {
    Run run = Run.withBuiltInAnalyzers("status", "-f", dump(), "widget/w", "-n", "demo", "-o", "json");
    JsonNode rows = new ObjectMapper().readTree(run.out());
    assertThat(rows.get(0).path("reason").asText()).isEqualTo(CONDITION_REASON);
  }

  /** {@code wait}'s text, {@code ::error} annotations and JUnit body take their lines from these two. */
  @Test
  void theWaitsCulpritAndEventLinesEscapeTheReason() {
    ObjectRef ref = ObjectRef.of(GroupKind.of("example.com", "Widget"), "demo", "w");
    Finding f = Finding.builder().subject(ref).health(Health.DEGRADED).reason(ReasonCode.of(CONDITION_REASON))
        .message("disk full").build();
    assertThat(WaitView.culprit(f)).isEqualTo("widget.example.com/w Reconc\\u0456leFailed: disk full");
    EventRecord e = EventRecord.builder().ref(ObjectRef.of(GroupKind.EVENT, "demo", "w.1")).regarding(ref).type("Warning").reason(EVENT_REASON).message("retrying")
        .count(1).lastTime(Instant.parse("2026-11-22T12:00:00Z")).build();
    assertThat(WaitView.event(e)).startsWith("2026-11-22T12:00:00Z Warning B\\u0430ckOff widget");
  }

  /** What the GitHub Action's log and summary print of the wait's document. */
  @Test
  void theTerminalJsonOfTheWaitDocumentEscapesReasons() throws Exception {
    String doc = "{\"culprits\":[{\"reason\":\"" + CONDITION_REASON + "\",\"message\":\"caf\u00e9\"}],"
        + "\"events\":[{\"reason\":\"" + EVENT_REASON + "\"}]}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(TerminalJson.run(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), out)).isZero();
    JsonNode shown = new ObjectMapper().readTree(out.toByteArray());
    assertThat(shown.path("culprits").get(0).path("reason").asText()).isEqualTo("Reconc\\u0456leFailed");
    assertThat(shown.path("culprits").get(0).path("message").asText()).isEqualTo("caf\u00e9");
    assertThat(shown.path("events").get(0).path("reason").asText()).isEqualTo("B\\u0430ckOff");
  }
}
