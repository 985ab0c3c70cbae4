package dev.blame.analyzers.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live, with every built-in analyzer against fabric8's CRUD mock: an unreachable Node is blamed for the pod bound to
 * it, and a selectorless Service is judged from its EndpointSlice (ready, serving, terminating), its v1 Endpoints
 * (absent) not being blamed.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class NodesAndSlicesLiveTest {

  static final String NS = "shop";
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  KubernetesClient client;

  @Test
  void anUnreachableNodeIsTheCulpritOfItsPodAndASliceSaysWhyAServiceHasNoEndpoints() {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata()
        .withNewSpec().withTaints(new TaintBuilder().withKey("node.kubernetes.io/unreachable").withEffect("NoExecute")
            .build()).endSpec()
        .withNewStatus().withConditions(new NodeConditionBuilder().withType("Ready").withStatus("Unknown")
            .withReason("NodeStatusUnknown").withMessage("Kubelet stopped posting node status.")
            .withLastTransitionTime("2025-06-01T11:40:00Z").build()).endStatus().build()).create();
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("web-0").addToLabels("app", "web")
        .withCreationTimestamp("2025-06-01T10:00:00Z").endMetadata()
        .withNewSpec().withNodeName("node-1").addNewContainer().withName("main").withImage("web:1").endContainer()
        .endSpec().withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
        .withLastTransitionTime("2025-06-01T10:01:00Z").endCondition().endStatus().build()).create();
    // Selectorless: its endpoints are managed by hand, here as an EndpointSlice only (no v1 Endpoints object).
    client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("api").endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
    client.discovery().v1().endpointSlices().inNamespace(NS).resource(new EndpointSliceBuilder().withNewMetadata()
        .withName("api-x7k2p").addToLabels("kubernetes.io/service-name", "api").endMetadata().withAddressType("IPv4")
        .addNewEndpoint().withAddresses("10.0.0.7").withNewConditions().withReady(false).withServing(true)
        .withTerminating(true).endConditions().endEndpoint().build()).create();

    try (Blame blame = BlameEngine.builder().client(client).namespace(NS)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      Explanation pod = blame.explain(ObjectRef.of(GroupKind.POD, NS, "web-0"));
      assertThat(pod.health()).isEqualTo(Health.DEGRADED);
      assertThat(pod.culprits()).extracting(f -> f.subject().display() + " " + f.reason().code())
          .containsExactly("Node node-1 NodeStatusUnknown");
      assertThat(pod.culprits().get(0).evidence()).anyMatch(e -> e.value().contains("node.kubernetes.io/unreachable"));

      Explanation service = blame.explain(ObjectRef.of(GroupKind.SERVICE, NS, "api"));
      assertThat(service.health()).isEqualTo(Health.DEGRADED);
      assertThat(service.culprits()).as("the slice is read; the v1 Endpoints that do not exist are not blamed")
          .extracting(f -> f.subject().display() + " " + f.reason().code()).containsExactly("Service api NoEndpoints");
      assertThat(service.culprits().get(0).message())
          .contains("EndpointSlice api-x7k2p: 0 of 1 ready, 1 serving, 1 terminating");
    }
  }
}
