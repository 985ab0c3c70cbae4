package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionsTest {

  static final JsonNode TEMPLATE = TemplateDiffTest.yaml("""
      spec:
        containers:
        - name: app
          image: app:1
          env:
          - {name: MODE, value: prod}
      """);

  static final ObjectRef WEBHOOK = ObjectRef.of(
      GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration"), "", "acme-injector");

  static PodBuilder pod() {
    return new PodBuilder().withNewMetadata().withName("app-1").withNamespace("ns").endMetadata()
        .withNewSpec()
        .addNewContainer().withName("app").withImage("app:1")
        .addNewEnv().withName("MODE").withValue("prod").endEnv()
        .endContainer()
        .endSpec();
  }

  @Test
  void nothingIsInjectedIntoAPodThatMatchesItsTemplate() {
    assertThat(Injections.of(Node.of(pod().build()), TEMPLATE, List.of(), List.of(WEBHOOK))).isEmpty();
  }

  @Test
  void linkerdProxyIsAttributedWithItsVersion() {
    Pod pod = pod().editMetadata().addToAnnotations("linkerd.io/proxy-version", "stable-2.14.10").endMetadata()
        .editSpec()
        .addNewInitContainer().withName("linkerd-init").endInitContainer()
        .addNewContainer().withName("linkerd-proxy").endContainer()
        .endSpec().build();

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(), List.of()))
        .extracting(Injection::toString).containsExactly(
            "Container [linkerd-proxy] of Pod app-1 injected by Linkerd proxy injector revision stable-2.14.10",
            "Init container [linkerd-init] of Pod app-1 injected by Linkerd proxy injector revision stable-2.14.10");
  }

  @Test
  void theServiceAccountTokenVolumeIsTheBuiltInPluginsNotAWebhooks() {
    // Before 1.22 the token came as a <sa>-token-xxxxx Secret volume; a webhook in the graph is no candidate.
    Pod pod = pod().editSpec()
        .addNewVolume().withName("default-token-l2m8k").withNewSecret().withSecretName("default-token-l2m8k")
        .endSecret().endVolume()
        .editFirstContainer().addNewVolumeMount().withName("default-token-l2m8k")
        .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").withReadOnly(true).endVolumeMount()
        .endContainer()
        .addNewVolume().withName("kube-api-access-x7k2p").withNewProjected().endProjected().endVolume()
        .endSpec().build();

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(), List.of(WEBHOOK)))
        .extracting(Injection::name, Injection::injector)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("default-token-l2m8k", "ServiceAccount admission plugin"),
            org.assertj.core.groups.Tuple.tuple("kube-api-access-x7k2p", "ServiceAccount admission plugin"));
  }

  @Test
  void vaultAgentIsAttributedFromItsAnnotation() {
    Pod pod = pod().editMetadata().addToAnnotations("vault.hashicorp.com/agent-inject", "true").endMetadata()
        .editSpec()
        .addNewInitContainer().withName("vault-agent-init").endInitContainer()
        .addNewContainer().withName("vault-agent").endContainer()
        .addNewVolume().withName("vault-secrets").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec().build();

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(), List.of()))
        .extracting(Injection::part, Injection::name, i -> i.injector())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Injection.Part.CONTAINER, "vault-agent", "Vault agent injector"),
            org.assertj.core.groups.Tuple.tuple(Injection.Part.INIT_CONTAINER, "vault-agent-init", "Vault agent injector"),
            org.assertj.core.groups.Tuple.tuple(Injection.Part.VOLUME, "vault-secrets", "Vault agent injector"));
  }

  @Test
  void withoutMarksTheInjectorIsNotGuessedButTheWebhooksAreNamedAsCandidates() {
    Pod pod = pod().editSpec().editFirstContainer()
        .addNewEnv().withName("OTEL_EXPORTER_OTLP_ENDPOINT").withValue("http://collector:4317").endEnv()
        .endContainer().endSpec().build();

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(), List.of(WEBHOOK))).singleElement().satisfies(i -> {
      assertThat(i.part()).isEqualTo(Injection.Part.ENV);
      assertThat(i.container()).contains("app");
      assertThat(i.name()).isEqualTo("OTEL_EXPORTER_OTLP_ENDPOINT");
      assertThat(i.injectedBy()).isEmpty();
      assertThat(i.injector()).isEqualTo("an admission webhook");
      assertThat(i.evidence()).singleElement().satisfies(e -> assertThat(e.source()).contains(WEBHOOK));
    });
  }

  @Test
  void anInjectedByEdgeNamesTheInjector() {
    Pod pod = pod().editSpec().addNewContainer().withName("agent").endContainer().endSpec().build();
    ObjectRef injector = ObjectRef.of(GroupKind.of("acme.io", "Injector"), "ns", "agent-injector");

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(injector), List.of(WEBHOOK)))
        .singleElement().satisfies(i -> assertThat(i.injectedBy()).contains("Injector agent-injector"));
  }
}
