package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Injection.Part;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What admission added to a pod: the containers, init containers, volumes and env variables the pod has and
 * its owner's template does not. Who added each part is the {@link dev.blame.api.spi.InjectionFacet injection
 * facets}' to say (an injector's marks on the pod); when none does, the pod's {@code injected-by} edges name it,
 * else the MutatingWebhookConfigurations in the graph are listed as candidates and nothing is guessed.
 *
 * <p>Kinds named here, as exceptions to "the core knows no kinds": a {@link Injection} is by definition a part of a
 * pod, and admission webhooks are configured by the Kubernetes API's MutatingWebhookConfigurations.
 */
final class Injections {

  static final GroupKind MUTATING_WEBHOOK =
      GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration");

  private Injections() {}

  /**
   * @param template the owner's pod template as a tree ({@code metadata}, {@code spec})
   * @param injectors objects the pod has {@code injected-by} edges to
   * @param webhooks the MutatingWebhookConfigurations in the graph
   * @param facets who injected a part, from the injection facets; empty when none knows
   */
  static List<Injection> of(Node pod, JsonNode template, List<ObjectRef> injectors, List<ObjectRef> webhooks,
      Function<Injection, Optional<Injection>> facets) {
    JsonNode podSpec = Json.tree(pod.object()).path("spec");
    JsonNode spec = template.path("spec");
    List<Injection> out = new ArrayList<>();
    Attribution attribution = new Attribution(pod, injectors, webhooks, facets);
    for (String name : extra(podSpec.path("containers"), spec.path("containers"))) {
      out.add(attribution.injection(Part.CONTAINER, name, null));
    }
    for (String name : extra(podSpec.path("initContainers"), spec.path("initContainers"))) {
      out.add(attribution.injection(Part.INIT_CONTAINER, name, null));
    }
    for (String name : extra(podSpec.path("volumes"), spec.path("volumes"))) {
      out.add(attribution.injection(Part.VOLUME, name, null));
    }
    for (String list : List.of("initContainers", "containers")) {
      for (JsonNode container : podSpec.path(list)) {
        String name = container.path("name").asText();
        JsonNode specified = named(spec.path(list), name);
        if (specified != null) {
          for (String env : extra(container.path("env"), specified.path("env"))) {
            out.add(attribution.injection(Part.ENV, env, name));
          }
        }
      }
    }
    out.sort(Comparator.comparing(Injection::part).thenComparing(i -> i.container().orElse(""))
        .thenComparing(Injection::name));
    return out;
  }

  private static Set<String> extra(JsonNode actual, JsonNode specified) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode item : actual) {
      String name = item.path("name").asText("");
      if (!name.isEmpty() && named(specified, name) == null) {
        names.add(name);
      }
    }
    return names;
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode item : list) {
      if (name.equals(item.path("name").asText())) {
        return item;
      }
    }
    return null;
  }

  /** Who injected what: the facets, else the pod's injected-by edges, else the candidate webhooks. */
  private static final class Attribution {
    private final Node pod;
    private final List<ObjectRef> injectors;
    private final List<ObjectRef> webhooks;
    private final Function<Injection, Optional<Injection>> facets;

    Attribution(Node pod, List<ObjectRef> injectors, List<ObjectRef> webhooks,
        Function<Injection, Optional<Injection>> facets) {
      this.pod = pod;
      this.injectors = injectors;
      this.webhooks = webhooks;
      this.facets = facets;
    }

    Injection injection(Part part, String name, String container) {
      Injection bare = Injection.builder().subject(pod.ref()).part(part).name(name)
          .container(Optional.ofNullable(container)).build();
      Optional<Injection> known = facets.apply(bare);
      if (known.isPresent()) {
        return known.get();
      }
      var builder = Injection.builder().from(bare);
      if (!injectors.isEmpty()) {
        builder.injectedBy(injectors.get(0).display());
        injectors.forEach(i -> builder.addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD)
            .path("injected-by").value(i.display()).source(i).build()));
      } else if (!webhooks.isEmpty()) {
        webhooks.forEach(w -> builder.addEvidence(candidate(w)));
      }
      return builder.build();
    }

    private static Evidence candidate(ObjectRef webhook) {
      return Evidence.builder().kind(Evidence.Kind.FIELD).path("MutatingWebhookConfiguration")
          .value(webhook.name()).source(webhook).build();
    }
  }
}
