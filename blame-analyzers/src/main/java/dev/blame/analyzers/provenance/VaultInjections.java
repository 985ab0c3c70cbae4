package dev.blame.analyzers.provenance;

import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.InjectionFacet;
import dev.blame.api.spi.KindSelector;
import java.util.List;
import java.util.Optional;

/**
 * Vault's agent injector acts on pods annotated {@code vault.hashicorp.com/agent-inject: "true"} and adds the
 * {@code vault-agent} and {@code vault-agent-init} containers and the {@code home-*} and {@code vault-*} volumes.
 */
public final class VaultInjections implements InjectionFacet {

  static final String AGENT_INJECT = "vault.hashicorp.com/agent-inject";

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Optional<Injection> attribute(Injection part, Node pod, List<ObjectRef> webhooks) {
    String lower = Injectors.lower(part);
    if (!"true".equalsIgnoreCase(pod.annotations().getOrDefault(AGENT_INJECT, ""))
        || !(lower.startsWith("vault-") || lower.startsWith("home-"))) {
      return Optional.empty();
    }
    var builder = Injection.builder().from(part).injectedBy("Vault agent injector")
        .addEvidence(Evidence.field("metadata.annotations[" + AGENT_INJECT + "]", "true"));
    Injectors.webhook(webhooks, "vault").ifPresent(w -> builder.addEvidence(Injectors.candidate(w)));
    return Optional.of(builder.build());
  }
}
