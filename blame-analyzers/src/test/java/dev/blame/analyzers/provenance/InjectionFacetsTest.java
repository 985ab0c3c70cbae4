package dev.blame.analyzers.provenance;

import static dev.blame.core.testing.InjectedPods.WEBHOOK;
import static dev.blame.core.testing.InjectedPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.InjectionFacet;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The built-in injection facets, each asked about the parts a pod has beyond its template (app, env MODE). */
class InjectionFacetsTest {

  static final List<InjectionFacet> FACETS = List.of(new IstioInjections(), new LinkerdInjections(),
      new VaultInjections(), new ServiceAccountTokens());

  /** The parts other than the template's container {@code app}, attributed by the first facet that knows. */
  static List<Injection> injected(Pod pod, List<ObjectRef> webhooks) {
    List<Injection> parts = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      if (!c.getName().equals("app")) {
        parts.add(part(pod, Injection.Part.CONTAINER, c.getName()));
      }
    }
    for (Container c : pod.getSpec().getInitContainers()) {
      parts.add(part(pod, Injection.Part.INIT_CONTAINER, c.getName()));
    }
    for (Volume v : pod.getSpec().getVolumes()) {
      parts.add(part(pod, Injection.Part.VOLUME, v.getName()));
    }
    List<Injection> out = new ArrayList<>();
    for (Injection part : parts) {
      Optional<Injection> known = Optional.empty();
      for (InjectionFacet facet : FACETS) {
        known = known.or(() -> facet.attribute(part, Node.of(pod), webhooks));
      }
      out.add(known.orElse(part));
    }
    out.sort(java.util.Comparator.comparing(Injection::part).thenComparing(Injection::name));
    return out;
  }

  static Injection part(Pod pod, Injection.Part part, String name) {
    return Injection.builder().subject(Node.of(pod).ref()).part(part).name(name).build();
  }

  @Test
  void linkerdProxyIsAttributedWithItsVersion() {
    Pod pod = pod().editMetadata().addToAnnotations("linkerd.io/proxy-version", "stable-2.14.10").endMetadata()
        .editSpec()
        .addNewInitContainer().withName("linkerd-init").endInitContainer()
        .addNewContainer().withName("linkerd-proxy").endContainer()
        .endSpec().build();

    assertThat(injected(pod, List.of()))
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

    assertThat(injected(pod, List.of(WEBHOOK)))
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

    assertThat(injected(pod, List.of()))
        .extracting(Injection::part, Injection::name, i -> i.injector())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Injection.Part.CONTAINER, "vault-agent", "Vault agent injector"),
            org.assertj.core.groups.Tuple.tuple(Injection.Part.INIT_CONTAINER, "vault-agent-init", "Vault agent injector"),
            org.assertj.core.groups.Tuple.tuple(Injection.Part.VOLUME, "vault-secrets", "Vault agent injector"));
  }

  @Test
  void aPartNoInjectorMarkedIsLeftToTheEngine() {
    Pod pod = pod().editMetadata().addToAnnotations("linkerd.io/proxy-version", "stable-2.14.10").endMetadata()
        .editSpec().addNewContainer().withName("otel-agent").endContainer().endSpec().build();

    assertThat(injected(pod, List.of(WEBHOOK))).singleElement()
        .satisfies(i -> assertThat(i.injectedBy()).isEmpty());
  }

  @Test
  void istioPartsAreThoseItsStatusListsWithItsRevision() {
    Pod pod = pod().editMetadata().addToAnnotations(IstioInjections.STATUS,
            "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],\"volumes\":[\"workload-socket\"],\"revision\":\"1-22\"}")
        .endMetadata()
        .editSpec().addNewContainer().withName("istio-proxy").endContainer()
        .addNewInitContainer().withName("istio-init").endInitContainer()
        .addNewVolume().withName("workload-socket").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec().build();
    ObjectRef istioWebhook = ObjectRef.of(WEBHOOK.groupKind(), "", "istio-sidecar-injector");

    assertThat(injected(pod, List.of(WEBHOOK, istioWebhook))).extracting(Injection::name, Injection::injector)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("istio-proxy", "Istio sidecar injector revision 1-22"),
            org.assertj.core.groups.Tuple.tuple("istio-init", "Istio sidecar injector revision 1-22"),
            org.assertj.core.groups.Tuple.tuple("workload-socket", "Istio sidecar injector revision 1-22"));
    assertThat(injected(pod, List.of(WEBHOOK, istioWebhook)).get(0).evidence())
        .anySatisfy(e -> assertThat(e.source()).contains(istioWebhook));
  }
}
