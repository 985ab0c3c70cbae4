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

/** Linkerd's proxy injector writes {@code linkerd.io/proxy-version} and adds parts named {@code linkerd-*}. */
public final class LinkerdInjections implements InjectionFacet {

  static final String PROXY_VERSION = "linkerd.io/proxy-version";

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Optional<Injection> attribute(Injection part, Node pod, List<ObjectRef> webhooks) {
    String version = pod.annotations().get(PROXY_VERSION);
    if (version == null || !Injectors.lower(part).startsWith("linkerd-")) {
      return Optional.empty();
    }
    var builder = Injection.builder().from(part).injectedBy("Linkerd proxy injector").revision(version)
        .addEvidence(Evidence.field("metadata.annotations[" + PROXY_VERSION + "]", version));
    Injectors.webhook(webhooks, "linkerd").ifPresent(w -> builder.addEvidence(Injectors.candidate(w)));
    return Optional.of(builder.build());
  }
}
