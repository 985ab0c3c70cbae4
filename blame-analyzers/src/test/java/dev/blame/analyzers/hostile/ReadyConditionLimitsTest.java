package dev.blame.analyzers.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReadyCondition;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A {@link ReadyCondition} made from what a cluster says is one the API server accepts: metav1.Condition's reason
 * pattern and 1024 characters, a message of at most 32768 characters. An Event's reason is free text (any letter,
 * any length) and becomes the culprit's reason code; a scheduler's message may be long.
 */
class ReadyConditionLimitsTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:02:00Z");
  static final String REASON = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";

  /** Pending, nothing said yet: the Event is the worst finding. */
  static final String PENDING = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop, uid: u1, creationTimestamp: "2026-01-01T00:00:00Z"}
      spec:
        containers: [{name: web, image: nginx}]
      status: {phase: Pending}
      """;

  static String pod(String conditionMessage) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, uid: u1, creationTimestamp: "2026-01-01T00:00:00Z"}
        spec:
          containers: [{name: web, image: nginx}]
        status:
          phase: Pending
          conditions:
          - {type: PodScheduled, status: "False", reason: Unschedulable, message: "%s", lastTransitionTime: "2026-01-01T00:00:00Z"}
        """.formatted(conditionMessage);
  }

  static String event(String reason) {
    return """
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web.1, namespace: shop}
        involvedObject: {kind: Pod, name: web, namespace: shop, uid: u1}
        type: Warning
        reason: "%s"
        message: back-off
        count: 3
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:01:00Z"
        """.formatted(reason);
  }

  static ReadyCondition ready(String yaml) {
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      Explanation why = blame.explain(ObjectRef.of(GroupKind.POD, "shop", "web"));
      return ReadyCondition.of(why);
    }
  }

  @Test
  void aLongMessageIsCutToWhatAConditionHolds() {
    ReadyCondition ready = ready(pod("0/3 nodes are available: " + "x".repeat(40_000)));
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.message()).startsWith("Pod cannot be scheduled: 0/3 nodes are available: xxx").endsWith("…");
    assertThat(ready.message().codePointCount(0, ready.message().length())).isLessThanOrEqualTo(32768);
    assertThat(ready.detail()).contains("x".repeat(40_000));
  }

  @Test
  void anEventReasonTheApiServerWouldRefuseGivesWayToTheHealth() {
    for (String reason : new String[] {"BäckOff", "Failed\u0661", "F" + "a".repeat(1100)}) {
      ReadyCondition ready = ready(PENDING + event(reason));
      assertThat(ready.reason()).as(reason).matches(REASON).hasSizeLessThanOrEqualTo(1024).isEqualTo("Progressing");
    }
    assertThat(ready(PENDING + event("FailedMount")).reason()).isEqualTo("FailedMount");
  }
}
