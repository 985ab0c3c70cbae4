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

    List<Event> events = cluster.client().v1().events().inNamespace("default").list().getItems();
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
}
