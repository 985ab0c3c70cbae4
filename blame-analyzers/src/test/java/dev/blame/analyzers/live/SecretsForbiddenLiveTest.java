package dev.blame.analyzers.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.analyzers.config.PodReferencesAnalyzer;
import dev.blame.api.Blame;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import dev.blame.core.testing.MissingSecretPod;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where RBAC allows listing Secrets, a missing one is seen missing; where it does not (HTTP 403), the library
 * falls back to what the kubelet said ({@code secret "x" not found}), and the denial is no failure: no pod reads
 * UNKNOWN for it.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class SecretsForbiddenLiveTest {

  KubernetesMockServer server;
  KubernetesClient client;

  static final ObjectRef WORKER = ObjectRef.of(GroupKind.POD, "shop", "worker");

  @BeforeEach
  void objects() {
    client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db").endMetadata()
        .addToData("password", "c2VjcmV0").build()).create();
    String uid = MissingSecretPod.create(client, "shop").getMetadata().getUid();
    // The kubelet's Event, as it writes it (kubernetes/kubernetes pkg/volume/secret: secret.go).
    client.v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata()
        .withName("worker.17a1").endMetadata().withType("Warning").withReason("FailedMount")
        .withMessage("MountVolume.SetUp failed for volume \"creds\" : secret \"worker-creds\" not found")
        .withNewInvolvedObject().withKind("Pod").withApiVersion("v1").withNamespace("shop").withName("worker")
        .withUid(uid).endInvolvedObject().withCount(12).withFirstTimestamp("2026-11-22T11:00:02Z")
        .withLastTimestamp("2026-11-22T11:20:40Z").build()).create();
  }

  @Test
  void listedSecretsShowTheMissingOne() {
    try (Blame blame = BlameEngine.builder().client(client).namespace("shop").build()) {
      Verdict verdict = blame.explain(WORKER).verdict();
      assertThat(verdict.findings()).anySatisfy(f -> {
        assertThat(f.reason()).isEqualTo(PodReferencesAnalyzer.SECRET_NOT_FOUND);
        assertThat(f.health()).isEqualTo(Health.DEGRADED);
      });
      assertThat(blame.node(ObjectRef.of(GroupKind.SECRET, "shop", "db"))).isPresent();
    }
  }

  @Test
  void forbiddenSecretsFallBackToTheKubeletsMessages() throws InterruptedException {
    while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // the test's own writes
    }
    server.expect().get().withPath("/api/v1/namespaces/shop/secrets?limit=500").andReturn(403, new StatusBuilder()
        .withStatus("Failure").withReason("Forbidden").withCode(403).withMessage("secrets is forbidden: User"
            + " \"system:serviceaccount:ci:blame\" cannot list resource \"secrets\" in API group \"\" in the namespace"
            + " \"shop\"").build()).always();
    try (Blame blame = BlameEngine.builder().client(client).namespace("shop").build()) {
      Verdict verdict = blame.explain(WORKER).verdict();
      assertThat(verdict.health()).as(verdict.toString()).isEqualTo(Health.DEGRADED);
      assertThat(verdict.findings()).anySatisfy(f -> {
        assertThat(f.reason()).isEqualTo(PodReferencesAnalyzer.SECRET_NOT_FOUND);
        assertThat(f.message()).contains("worker-creds");
      });
      List<ReasonCode> reasons = new ArrayList<>();
      for (Finding f : blame.findings().list()) {
        reasons.add(f.reason());
        assertThat(f.message()).doesNotContain("forbidden");
      }
      assertThat(reasons).doesNotContain(ReasonCode.of("Forbidden"));
      assertThat(blame.node(ObjectRef.of(GroupKind.SECRET, "shop", "db"))).isEmpty();
    }
    List<String> paths = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      paths.add(r.getPath());
    }
    // The denial was met, once: no retry loop.
    assertThat(paths.stream().filter(p -> p.contains("/secrets")).toList()).hasSize(1);
  }
}
