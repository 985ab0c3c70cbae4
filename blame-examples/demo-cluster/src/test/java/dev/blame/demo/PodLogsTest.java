package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code GET .../pods/NAME/log} as kubectl asks for it: {@code --tail}, {@code --timestamps}, {@code --limit-bytes},
 * {@code --since} (they were ignored: all lines came back), and {@code -f}, which follows while the container runs
 * (it returned at once). Over plain HTTP: no kubectl needed.
 */
class PodLogsTest extends OnDemoCluster {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Pod runningPod(String name, String script) {
    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("busybox:1.36")
        .withCommand("sh", "-c", script).endContainer().endSpec().build()).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.pods().inNamespace("default").withName(name).get()
        .getStatus().getContainerStatuses()).singleElement()
        .satisfies(cs -> assertThat(cs.getState().getRunning()).isNotNull()));
    return client.pods().inNamespace("default").withName(name).get();
  }

  private static HttpResponse<String> log(String pod, String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/api/v1/namespaces/default/pods/" + pod
        + "/log" + query)).timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static CompletableFuture<String> follow(String pod) throws Exception {
    HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url()
        + "/api/v1/namespaces/default/pods/" + pod + "/log?follow=true")).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = response.body()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void tailTimestampsLimitAndSinceApplyToTheLog() throws Exception {
    Pod pod = runningPod("three-lines", "echo one; echo two; echo three; sleep 3600");
    String name = pod.getMetadata().getName();
    assertThat(log(name, "").body()).isEqualTo("one\ntwo\nthree\n");
    assertThat(log(name, "?tailLines=1").body()).isEqualTo("three\n");
    assertThat(log(name, "?tailLines=0").body()).isEmpty();
    assertThat(log(name, "?limitBytes=6").body()).isEqualTo("one\ntw");
    String started = pod.getStatus().getContainerStatuses().get(0).getState().getRunning().getStartedAt();
    String stamp = PodLogs.rfc3339Nano(Instant.parse(started));
    assertThat(log(name, "?timestamps=true&tailLines=2").body()).isEqualTo(stamp + " two\n" + stamp + " three\n");
    assertThat(log(name, "?sinceTime=" + Instant.parse(started).plusSeconds(1)).body()).isEmpty();
    assertThat(log(name, "?sinceTime=" + started).body()).isEqualTo("one\ntwo\nthree\n");
    assertThat(log(name, "?sinceSeconds=3600").body()).isEqualTo("one\ntwo\nthree\n");
    HttpResponse<String> bad = log(name, "?tailLines=-1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("tailLines");
  }

  @Test
  void followStreamsUntilThePodIsDeleted() throws Exception {
    String name = runningPod("follow-me", "echo serving; sleep 3600").getMetadata().getName();
    CompletableFuture<String> body = follow(name);
    assertThatThrownBy(() -> body.get(1500, TimeUnit.MILLISECONDS)).as("still following")
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat(log(name, "?follow=true&limitBytes=4").body()).as("a follow that reached its limit ends")
        .isEqualTo("serv");
    client.pods().inNamespace("default").withName(name).delete();
    assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("serving\n");
  }

  @Test
  void followEndsWhenTheContainerStops() throws Exception {
    Pod pod = runningPod("stops", "echo working; sleep 3600");
    CompletableFuture<String> body = follow("stops");
    assertThatThrownBy(() -> body.get(1500, TimeUnit.MILLISECONDS)).isInstanceOf(
        java.util.concurrent.TimeoutException.class);
    // What the kubelet writes when the process exits.
    ContainerStatus cs = pod.getStatus().getContainerStatuses().get(0);
    cs.setState(new ContainerStateBuilder().withNewTerminated().withExitCode(0).withReason("Completed")
        .withStartedAt(cs.getState().getRunning().getStartedAt()).withFinishedAt(Instant.now().toString())
        .endTerminated().build());
    pod.getMetadata().setResourceVersion(null);
    client.pods().inNamespace("default").resource(pod).updateStatus();
    assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("working\n");
  }

  @Test
  void followOnAContainerThatIsNotRunningAnswersAtOnce() throws Exception {
    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("finished")
        .endMetadata().withNewSpec().withRestartPolicy("Never").addNewContainer().withName("app")
        .withImage("busybox:1.36").withCommand("sh", "-c", "echo finished").endContainer().endSpec().build())
        .create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.pods().inNamespace("default").withName("finished").get()
        .getStatus().getPhase()).isEqualTo("Succeeded"));
    assertThat(log("finished", "?follow=true").body()).isEqualTo("finished\n");

    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("pulling")
        .endMetadata().withNewSpec().addNewContainer().withName("app")
        .withImage("registry.example.invalid/app:1").endContainer().endSpec().build()).create();
    HttpResponse<String> waiting = log("pulling", "?follow=true");
    assertThat(waiting.statusCode()).isEqualTo(400);
    assertThat(waiting.body()).contains("is waiting to start");
    assertThat(log("nobody", "?follow=true").statusCode()).isEqualTo(404);
  }

  @Test
  void followEndsWhenTheServerStops() throws Exception {
    try (DemoCluster own = DemoCluster.start();
        ControllerSimulator sim = ControllerSimulator.builder(own.newClient()).tick(Duration.ofMillis(30)).start()) {
      own.client().pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("p")
          .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("busybox:1.36")
          .withCommand("sh", "-c", "echo up; sleep 3600").endContainer().endSpec().build()).create();
      Eventually.assertThat(TIMEOUT, () -> assertThat(own.client().pods().inNamespace("default").withName("p").get()
          .getStatus().getContainerStatuses()).singleElement()
          .satisfies(cs -> assertThat(cs.getState().getRunning()).isNotNull()));
      HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(own.url()
          + "/api/v1/namespaces/default/pods/p/log?follow=true")).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      CompletableFuture<String> body = CompletableFuture.supplyAsync(() -> {
        try (InputStream in = response.body()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          return "cut: " + e;
        }
      });
      assertThatThrownBy(() -> body.get(1000, TimeUnit.MILLISECONDS)).isInstanceOf(
          java.util.concurrent.TimeoutException.class);
      sim.close();
      own.close();
      assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("up\n");
    }
  }

  @Test
  void renderKeepsTheKubeletsOrderOfOptions() {
    Instant at = Instant.parse("2026-01-02T03:04:05.120Z");
    Map<String, String> q = Map.of("tailLines", "2", "timestamps", "true", "limitBytes", "30");
    assertThat(PodLogs.render("a\nb\nc\n", at, q::get, at.plusSeconds(5)))
        .isEqualTo("2026-01-02T03:04:05.12Z b\n2026");
    assertThat(PodLogs.rfc3339Nano(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(PodLogs.render("a\nb\n", at, Map.of("sinceSeconds", "5")::get, at.plusSeconds(5))).isEqualTo("a\nb\n");
    assertThat(PodLogs.render("a\nb\n", at, Map.of("sinceSeconds", "4")::get, at.plusSeconds(5))).isEmpty();
    assertThat(PodLogs.render("", at, Map.<String, String>of()::get, at)).isEmpty();
    assertThatThrownBy(() -> PodLogs.render("a\n", at, Map.of("limitBytes", "0")::get, at))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limitBytes");
  }
}
