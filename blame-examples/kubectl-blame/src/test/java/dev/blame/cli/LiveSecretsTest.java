package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.core.testing.MissingSecretPod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live, Secrets are read as metadata only: an existing Secret is answered from its metadata, a pod whose Secret
 * does not exist is diagnosed as {@code SecretNotFound}, and a canary value put in a Secret reaches no output
 * format and no log line. fabric8's mock ignores the metadata {@code Accept} header and answers with whole
 * Secrets, the worst case: the values arrive, and must be dropped while they are parsed.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(300)
class LiveSecretsTest {

  static final String NS = "shop";
  /** Base64 of the canary, and the canary itself (as stringData, which a server would have folded into data). */
  static final String[] CANARY = {"Y2FuYXJ5LXNlY3JldC12YWx1ZS03NzE=", "canary-secret-value-771", "canary-string-data-552"};

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir
  Path dir;

  Path kubeconfig;

  @BeforeEach
  void createObjects() throws IOException, InterruptedException {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("db")
        .addToLabels("app", "db").endMetadata().withType("Opaque").addToData("password", CANARY[0])
        .addToStringData("token", CANARY[2]).build()).create();
    // A pod reading the Secret that exists, and one mounting a Secret that does not, stuck in ContainerCreating.
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("api")
        .withCreationTimestamp("2026-11-22T11:00:00Z").endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("api:1").addNewEnv().withName("PASSWORD")
        .withNewValueFrom().withNewSecretKeyRef().withName("db").withKey("password").endSecretKeyRef().endValueFrom()
        .endEnv().endContainer().endSpec()
        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewContainerStatus().withName("main").withReady(true).withNewState().withNewRunning()
        .withStartedAt("2026-11-22T11:00:05Z").endRunning().endState().endContainerStatus().endStatus().build())
        .create();
    MissingSecretPod.create(client, NS);
    kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), NS);
    while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // the test's own writes
    }
  }

  @Test
  void anExistingSecretIsAnsweredFromItsMetadata() throws IOException, InterruptedException {
    Run run = Run.withBuiltInAnalyzers("secret/db", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.toString()).doesNotContain("not found").doesNotContain("NotObserved");
    assertThat(run.out() + run.err()).doesNotContain(CANARY);
    // Every request for Secrets asked for metadata only.
    List<RecordedRequest> secretRequests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      if (request.getPath().contains("/secrets")) {
        secretRequests.add(request);
      }
    }
    assertThat(secretRequests).isNotEmpty().allSatisfy(r -> {
      assertThat(r.getMethod()).isEqualTo("GET");
      assertThat(r.getHeader("Accept")).contains("as=PartialObjectMetadata");
    });
  }

  @Test
  void aMissingSecretIsDiagnosedLive() {
    Run run = Run.withBuiltInAnalyzers("pod/worker", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("SecretNotFound").contains("worker-creds").doesNotContain("NotObserved");
  }

  @Test
  void theCanaryReachesNoOutputFormatAndNoLog() {
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    StringBuilder all = new StringBuilder();
    try {
      for (String target : List.of("secret/db", "pod/api")) {
        for (String format : List.of("tree", "json", "yaml", "dot", "mermaid")) {
          Run run = Run.withBuiltInAnalyzers(target, "--kubeconfig", kubeconfig.toString(), "-o", format,
              "--verbose");
          assertThat(run.code()).as(run.toString()).isZero();
          assertThat(run.out()).isNotBlank();
          all.append(run.out()).append(run.err());
        }
      }
      Run status = Run.withBuiltInAnalyzers("status", "--kubeconfig", kubeconfig.toString(), "-o", "yaml");
      all.append(status.out()).append(status.err());
    } finally {
      System.setErr(err);
    }
    assertThat(all.toString()).contains("db").doesNotContain(CANARY);
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(CANARY);
  }
}
