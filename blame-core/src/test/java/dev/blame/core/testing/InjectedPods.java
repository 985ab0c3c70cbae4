package dev.blame.core.testing;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.PodBuilder;

/**
 * The pod of the injection tests (the engine's and the built-in facets'): its template has one container
 * {@code app} with env {@code MODE=prod}; a test adds what an injector would.
 */
public final class InjectedPods {

  /** A mutating admission webhook that is no known injector. */
  public static final ObjectRef WEBHOOK = ObjectRef.of(
      GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration"), "", "acme-injector");

  private InjectedPods() {}

  /** Pod {@code ns/app-1} exactly as its template: container {@code app}, image {@code app:1}, MODE=prod. */
  public static PodBuilder pod() {
    return new PodBuilder().withNewMetadata().withName("app-1").withNamespace("ns").endMetadata()
        .withNewSpec()
        .addNewContainer().withName("app").withImage("app:1")
        .addNewEnv().withName("MODE").withValue("prod").endEnv()
        .endContainer()
        .endSpec();
  }
}
