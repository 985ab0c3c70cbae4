package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Evidence;
import dev.blame.api.Injection;
import dev.blame.api.Injection.Part;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What admission added to a pod: the containers, init containers, volumes and env variables the pod has and
 * its owner's template does not. Attributed from the marks injectors leave on the pod (Istio's
 * {@code sidecar.istio.io/status}, Linkerd's {@code linkerd.io/proxy-version}, Vault's
 * {@code vault.hashicorp.com/agent-inject}), the ServiceAccount admission plugin's {@code kube-api-access-*}
 * volume, and the pod's {@code injected-by} edges; otherwise the MutatingWebhookConfigurations in the graph are
 * listed as candidates and nothing is guessed.
 */
final class Injections {

  private static final String ISTIO_STATUS = "sidecar.istio.io/status";
  /** The name built-in admission plugins go by, so that no view calls them "an admission webhook". */
  static final String SERVICE_ACCOUNT_PLUGIN = "ServiceAccount admission plugin";
  private static final String SA_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

  private Injections() {}

  /**
   * @param template the owner's pod template as a tree ({@code metadata}, {@code spec})
   * @param injectors objects the pod has {@code injected-by} edges to
   * @param webhooks the MutatingWebhookConfigurations in the graph
   */
  static List<Injection> of(Node pod, JsonNode template, List<ObjectRef> injectors, List<ObjectRef> webhooks) {
    JsonNode podSpec = Json.tree(pod.object()).path("spec");
    JsonNode spec = template.path("spec");
    List<Injection> out = new ArrayList<>();
    Attribution attribution = new Attribution(pod, injectors, webhooks);
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

  /** Who injected what, from the evidence on one pod. */
  private static final class Attribution {
    private final Node pod;
    private final List<ObjectRef> injectors;
    private final List<ObjectRef> webhooks;
    private final JsonNode istio;

    Attribution(Node pod, List<ObjectRef> injectors, List<ObjectRef> webhooks) {
      this.pod = pod;
      this.injectors = injectors;
      this.webhooks = webhooks;
      String status = pod.annotations().get(ISTIO_STATUS);
      this.istio = status == null ? null : Json.parse(status);
    }

    Injection injection(Part part, String name, String container) {
      var builder = Injection.builder().subject(pod.ref()).part(part).name(name)
          .container(Optional.ofNullable(container));
      Map<String, String> annotations = pod.annotations();
      String lower = name.toLowerCase(Locale.ROOT);
      if (istio != null && (listed(part, name) || lower.startsWith("istio-"))) {
        String revision = istio.path("revision").asText(pod.labels().getOrDefault("istio.io/rev", ""));
        builder.injectedBy("Istio sidecar injector")
            .revision(revision.isEmpty() ? Optional.empty() : Optional.of(revision))
            .addEvidence(Evidence.field("metadata.annotations[" + ISTIO_STATUS + "]", annotations.get(ISTIO_STATUS)));
        webhook("istio").ifPresent(w -> builder.addEvidence(candidate(w)));
      } else if (annotations.containsKey("linkerd.io/proxy-version") && lower.startsWith("linkerd-")) {
        builder.injectedBy("Linkerd proxy injector")
            .revision(annotations.get("linkerd.io/proxy-version"))
            .addEvidence(Evidence.field("metadata.annotations[linkerd.io/proxy-version]",
                annotations.get("linkerd.io/proxy-version")));
        webhook("linkerd").ifPresent(w -> builder.addEvidence(candidate(w)));
      } else if ("true".equalsIgnoreCase(annotations.getOrDefault("vault.hashicorp.com/agent-inject", ""))
          && (lower.startsWith("vault-") || lower.startsWith("home-"))) {
        builder.injectedBy("Vault agent injector")
            .addEvidence(Evidence.field("metadata.annotations[vault.hashicorp.com/agent-inject]", "true"));
        webhook("vault").ifPresent(w -> builder.addEvidence(candidate(w)));
      } else if (part == Part.VOLUME && (lower.startsWith("kube-api-access-") || mountedAtServiceAccountPath(name))) {
        // The built-in ServiceAccount admission plugin, not a webhook: the projected kube-api-access-* volume
        // (1.22+) or, before, the <sa>-token-xxxxx Secret volume, mounted at the service account path.
        builder.injectedBy(SERVICE_ACCOUNT_PLUGIN)
            .addEvidence(Evidence.field("spec.volumes[" + name + "]", lower.startsWith("kube-api-access-")
                ? "projected service account token" : "service account token mounted at " + SA_PATH));
      } else if (!injectors.isEmpty()) {
        builder.injectedBy(injectors.get(0).display());
        injectors.forEach(i -> builder.addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD)
            .path("injected-by").value(i.display()).source(i).build()));
      } else if (!webhooks.isEmpty()) {
        webhooks.forEach(w -> builder.addEvidence(candidate(w)));
      }
      return builder.build();
    }

    private boolean mountedAtServiceAccountPath(String volume) {
      JsonNode spec = Json.tree(pod.object()).path("spec");
      for (String list : List.of("containers", "initContainers")) {
        for (JsonNode container : spec.path(list)) {
          for (JsonNode mount : container.path("volumeMounts")) {
            if (volume.equals(mount.path("name").asText()) && SA_PATH.equals(mount.path("mountPath").asText())) {
              return true;
            }
          }
        }
      }
      return false;
    }

    private boolean listed(Part part, String name) {
      String list = part == Part.CONTAINER ? "containers" : part == Part.INIT_CONTAINER ? "initContainers"
          : part == Part.VOLUME ? "volumes" : null;
      if (list == null) {
        return false;
      }
      for (JsonNode item : istio.path(list)) {
        if (name.equals(item.asText())) {
          return true;
        }
      }
      return false;
    }

    private Optional<ObjectRef> webhook(String word) {
      return webhooks.stream().filter(w -> w.name().toLowerCase(Locale.ROOT).contains(word)).findFirst();
    }

    private static Evidence candidate(ObjectRef webhook) {
      return Evidence.builder().kind(Evidence.Kind.FIELD).path("MutatingWebhookConfiguration")
          .value(webhook.name()).source(webhook).build();
    }
  }
}
