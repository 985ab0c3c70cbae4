package dev.blame.analyzers.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Injection.Part;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.InjectionFacet;
import dev.blame.api.spi.KindSelector;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Istio's sidecar injector writes {@code sidecar.istio.io/status} on the pod: a JSON object listing the
 * {@code containers}, {@code initContainers} and {@code volumes} it added, and its {@code revision}. A part listed
 * there, or named {@code istio-*} on a pod that has the annotation, is Istio's.
 */
public final class IstioInjections implements InjectionFacet {

  static final String STATUS = "sidecar.istio.io/status";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Optional<Injection> attribute(Injection part, Node pod, List<ObjectRef> webhooks) {
    String text = pod.annotations().get(STATUS);
    if (text == null) {
      return Optional.empty();
    }
    JsonNode status;
    try {
      status = MAPPER.readTree(text);
    } catch (IOException e) {
      status = MAPPER.missingNode();
    }
    if (status == null || !(listed(status, part) || Injectors.lower(part).startsWith("istio-"))) {
      return Optional.empty();
    }
    String revision = status.path("revision").asText(pod.labels().getOrDefault("istio.io/rev", ""));
    var builder = Injection.builder().from(part).injectedBy("Istio sidecar injector")
        .revision(revision.isEmpty() ? Optional.empty() : Optional.of(revision))
        .addEvidence(Evidence.field("metadata.annotations[" + STATUS + "]", text));
    Injectors.webhook(webhooks, "istio").ifPresent(w -> builder.addEvidence(Injectors.candidate(w)));
    return Optional.of(builder.build());
  }

  private static boolean listed(JsonNode status, Injection part) {
    String list = part.part() == Part.CONTAINER ? "containers" : part.part() == Part.INIT_CONTAINER ? "initContainers"
        : part.part() == Part.VOLUME ? "volumes" : null;
    if (list == null) {
      return false;
    }
    for (JsonNode item : status.path(list)) {
      if (part.name().equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
