package dev.blame.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The condition the operator writes is one the API server accepts (metav1.Condition: the reason pattern and 1024
 * characters, a message of at most 32768), whatever the cluster said: an Event's reason is free text, and a
 * finding's message quotes the cluster at any length.
 */
class ReadyConditionTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:02:00Z");

  static String pod(String status) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, uid: u1, creationTimestamp: "2026-01-01T00:00:00Z"}
        spec:
          containers: [{name: web, image: nginx}]
        status: %s
        """.formatted(status);
  }

  static ReadyCondition ready(String yaml) {
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      return ReadyCondition.from(blame.explain(ObjectRef.of(GroupKind.POD, "shop", "web")), 1);
    }
  }

  @Test
  void anEventReasonTheApiServerWouldRefuseIsNotTheConditionsReason() {
    ReadyCondition ready = ready(pod("{phase: Pending}") + """
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web.1, namespace: shop}
        involvedObject: {kind: Pod, name: web, namespace: shop, uid: u1}
        type: Warning
        reason: BäckOff
        message: back-off pulling image
        count: 3
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:01:00Z"
        """);
    assertThat(ready.reason()).matches("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$").isEqualTo("Progressing");
    assertThat(ready.detail()).contains("BäckOff");
  }

  @Test
  void aLongMessageIsCut() {
    ReadyCondition ready = ready(pod("""
        {phase: Pending, conditions: [{type: PodScheduled, status: "False", reason: Unschedulable, message: "%s"}]}"""
        .formatted("x".repeat(40_000))));
    assertThat(ready.reason()).isEqualTo("Unschedulable");
    assertThat(ready.message()).hasSizeLessThanOrEqualTo(32768).endsWith("…");
  }
}
