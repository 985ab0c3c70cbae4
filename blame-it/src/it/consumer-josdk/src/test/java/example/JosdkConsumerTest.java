package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blame.api.Blame;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Beside Java Operator SDK: one fabric8 version, one HTTP client, both libraries usable. */
class JosdkConsumerTest {

  private static final String FABRIC8 = System.getProperty("expected.fabric8.version");

  @Test
  void oneFabric8VersionAndOneHttpClient() {
    List<String> factories = new ArrayList<>();
    ServiceLoader.load(HttpClient.Factory.class).forEach(f -> factories.add(f.getClass().getName()));
    assertEquals(List.of("io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory"), factories);
    // The API, the implementation and the HTTP client come from jars of one fabric8 version (JOSDK pins 7.5.2).
    assertEquals("kubernetes-client-api-" + FABRIC8 + ".jar", jar("io.fabric8.kubernetes.client.http.HttpClient"));
    assertEquals("kubernetes-client-" + FABRIC8 + ".jar", jar("io.fabric8.kubernetes.client.impl.KubernetesClientImpl"));
    assertEquals("kubernetes-httpclient-jdk-" + FABRIC8 + ".jar",
        jar("io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory"));
  }

  @Test
  void blameAndJosdkLoadSideBySide() throws Exception {
    assertEquals("Reconciler", Reconciler.class.getSimpleName());
    try (Blame blame = BlameEngine.builder().manifests("empty.yaml", "").build()) {
      assertEquals(0, blame.findings().list().size());
    }
  }

  private static String jar(String className) {
    try {
      String location = Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
      return location.substring(location.lastIndexOf('/') + 1);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " is not on the class path", e);
    }
  }
}
