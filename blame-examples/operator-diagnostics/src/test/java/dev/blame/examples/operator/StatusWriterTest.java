package dev.blame.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Escape;
import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Events the operator writes fit what the API server accepts (Kubernetes' pkg/apis/core/validation/events.go:
 * a message of at most 1024 bytes, a reason of at most 128 characters), whatever the finding they quote: a
 * container's waiting message, an image name or an Event may be a megabyte of any script. Before, the detail went
 * in whole.
 */
class StatusWriterTest {

  private static DemoCluster cluster;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void anEventAboutAHugeFindingIsCutToTheApiServersLimits() {
    GenericKubernetesResource app = WebApp.of("default", "web", "nginx:1.25", 1);
    app.getMetadata().setUid("u-1");
    // A pair straddles byte 1024: it must go whole or not at all.
    String detail = "pod web-1 is ImagePullBackOff: " + "x".repeat(975) + "\uD83D\uDE00".repeat(50_000);
    ReadyCondition ready = new ReadyCondition("False", "R".repeat(300), "pod web-1 is ImagePullBackOff", detail, 1);
    new StatusWriter(cluster.client()).event(app, ready, Instant.parse("2026-11-22T12:00:00Z"));

    List<Event> events = cluster.client().v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> "web".equals(e.getInvolvedObject().getName())).toList();
    assertThat(events).hasSize(1);
    Event event = events.get(0);
    byte[] message = event.getMessage().getBytes(StandardCharsets.UTF_8);
    assertThat(message.length).isLessThanOrEqualTo(Escape.EVENT_MESSAGE_MAX_BYTES).isGreaterThan(1000);
    assertThat(event.getMessage()).startsWith("Ready=False because pod web-1 is ImagePullBackOff (pod web-1")
        .endsWith("…");
    assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(event.getMessage());
    assertThat(event.getReason()).isEqualTo("NotReady");
    assertThat(event.getType()).isEqualTo("Warning");
  }

  /**
   * A WebApp may be named with 253 characters (a DNS subdomain); its Event's name, the recorder's
   * {@code <name>.<hex nanos>}, must still be one. Before, it was 270 characters, which the API server refuses
   * (metadata.name: must be no more than 253 characters).
   */
  @Test
  void anEventAboutAWebAppWithTheLongestNameHasAValidName() {
    // 253 characters whose cut would end on a '.' or a '-'.
    String name = ("a".repeat(60) + "-b.").repeat(4) + "c".repeat(253 - 63 * 4);
    assertThat(name).hasSize(253);
    GenericKubernetesResource app = WebApp.of("default", name, "nginx:1.25", 1);
    app.getMetadata().setUid("u-2");
    ReadyCondition ready = new ReadyCondition("True", "Available", "ready", "", 1);
    new StatusWriter(cluster.client()).event(app, ready, Instant.parse("2026-11-22T12:00:00Z"));

    Event event = cluster.client().v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).findFirst().orElseThrow();
    assertThat(event.getMetadata().getName()).hasSizeLessThanOrEqualTo(StatusWriter.NAME_MAX)
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
        .startsWith(name.substring(0, 200));
    // The cut falls on each character of "ab-c." in turn, and on short names.
    for (int length = 1; length <= 253; length++) {
      String other = ("x".repeat(length % 5) + "ab-c.".repeat(60)).substring(0, length).replaceAll("[-.]+$", "x");
      assertThat(StatusWriter.eventName(other, Long.MAX_VALUE)).hasSizeLessThanOrEqualTo(StatusWriter.NAME_MAX)
          .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    }
  }
}
