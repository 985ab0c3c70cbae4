package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The library as a dependency: analyzers discovered, a verdict offline, one HTTP client for fabric8. */
class ConsumerTest {

  @Test
  void builtInAnalyzersJudgeADumpOffline() throws Exception {
    Path dump = Path.of(getClass().getResource("/talk.yaml").toURI());
    try (Blame blame = BlameEngine.builder()
        .clock(Clock.fixed(Instant.parse("2026-11-22T12:00:15Z"), ZoneOffset.UTC))
        .manifests(dump)
        .build()) {
      ObjectRef deployment = ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "my-busybox");
      assertEquals(Health.DEGRADED, blame.explain(deployment).health());
    }
  }

  @Test
  void exactlyOneHttpClientImplementationTheJdkOne() {
    List<String> factories = new ArrayList<>();
    ServiceLoader.load(HttpClient.Factory.class).forEach(f -> factories.add(f.getClass().getName()));
    assertEquals(List.of("io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory"), factories);
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      assertTrue(client.getHttpClient().getClass().getName().startsWith("io.fabric8.kubernetes.client.jdkhttp."),
          client.getHttpClient().getClass().getName());
    }
  }
}
