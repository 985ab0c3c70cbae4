package dev.blame.analyzers.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A CRD registered through the API: its custom resources, created and updated through the client, are
 * watched when a query names their kind and judged by the generic analyzer — no code names the kind.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class CustomResourceLiveTest {

  static final GroupKind DATABASE = GroupKind.of("shop.example", "Database");
  static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder().withGroup("shop.example")
      .withVersion("v1").withKind("Database").withPlural("databases").withNamespaced(true).build();

  KubernetesClient client;

  @Test
  void customResourcesOfARegisteredCrdAreDiscoveredWatchedAndJudged() throws Exception {
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("databases.shop.example").endMetadata()
        .withNewSpec().withGroup("shop.example").withScope("Namespaced").withNewNames().withKind("Database")
        .withPlural("databases").withSingular("database").endNames().addNewVersion().withName("v1")
        .withServed(true).withStorage(true).withNewSubresources().withNewStatus().endStatus().endSubresources()
        .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
            .withXKubernetesPreserveUnknownFields(true).build()).endSchema().endVersion().endSpec().build())
        .create();
    GenericKubernetesResource orders = client.genericKubernetesResources(CONTEXT).inNamespace("shop")
        .resource(new GenericKubernetesResourceBuilder().withApiVersion("shop.example/v1").withKind("Database")
            .withNewMetadata().withName("orders").endMetadata().build()).create();
    // With a status subresource, status given on create is ignored: the operator writes it through /status.
    orders.setAdditionalProperty("status", status(orders, "False", "BackupFailed", "backup volume is full"));
    orders = client.genericKubernetesResources(CONTEXT).inNamespace("shop").resource(orders).updateStatus();

    try (Blame blame = BlameEngine.builder().client(client).namespace("shop").build()) {
      ObjectRef ref = ObjectRef.of(DATABASE, "shop", "orders");
      Explanation why = blame.explain(ref);
      assertThat(why.found()).isTrue();
      assertThat(why.health()).isIn(Health.DEGRADED, Health.PROGRESSING);
      assertThat(why.findings()).extracting(Finding::reason).contains(ReasonCode.of("BackupFailed"));
      assertThat(why.findings()).extracting(Finding::message).anyMatch(m -> m.contains("backup volume is full"));

      orders.setAdditionalProperty("status", status(orders, "True", "Ready", "serving"));
      client.genericKubernetesResources(CONTEXT).inNamespace("shop").resource(orders).updateStatus();
      await(() -> blame.verdict(ref).map(Verdict::health).orElse(null) == Health.HEALTHY);
      assertThat(blame.analyzers()).noneMatch(a -> a.kinds().contains("Database"));
    }
  }

  private static Map<String, Object> status(GenericKubernetesResource cr, String ready, String reason,
      String message) {
    long generation = cr.getMetadata().getGeneration() == null ? 1 : cr.getMetadata().getGeneration();
    return Map.of("observedGeneration", generation, "conditions", List.of(Map.of("type", "Ready", "status", ready,
        "reason", reason, "message", message, "lastTransitionTime", "2026-11-22T12:00:00Z")));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
