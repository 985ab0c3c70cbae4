package dev.blame.analyzers.provenance;

import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.spi.AttributionFacet;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.KindSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The tools a person recognises behind any object, from the labels and annotations they leave: Helm
 * ({@code meta.helm.sh/release-name}, with the deployed release revision read from the labels of the release's
 * Secrets {@code sh.helm.release.v1.<release>.v<revision>}: {@code owner=helm}, {@code name}, {@code status},
 * {@code version}; never their data), Argo CD ({@code argocd.argoproj.io/tracking-id}), Flux
 * ({@code kustomize.toolkit.fluxcd.io/name}, {@code helm.toolkit.fluxcd.io/name}),
 * {@code app.kubernetes.io/managed-by}, {@code kubectl apply} and the {@code kubernetes.io/change-cause} a user
 * recorded. Each line names the label or annotation it was read from. The change-cause line holds the command as
 * recorded; the engine hashes its env values before any output (blame-core {@code RecordedCommands}).
 */
public final class ToolAttributions implements AttributionFacet {

  @Override
  public KindSelector kinds() {
    return KindSelector.any();
  }

  @Override
  public List<String> attributions(Node node, GraphView graph) {
    Map<String, String> labels = node.labels();
    Map<String, String> annotations = node.annotations();
    List<String> out = new ArrayList<>();
    String helmRelease = annotations.get("meta.helm.sh/release-name");
    if (helmRelease != null) {
      String ns = annotations.getOrDefault("meta.helm.sh/release-namespace", node.ref().namespace());
      String revision = graph.list(GroupKind.SECRET, ns).stream()
          .filter(s -> "helm".equals(s.labels().get("owner")) && helmRelease.equals(s.labels().get("name"))
              && "deployed".equals(s.labels().get("status")))
          .max(Comparator.comparingLong(s -> RevisionMatch.number(s.labels().get("version"))))
          .map(s -> " revision " + s.labels().get("version") + " (meta.helm.sh/release-name, Secret " + s.ref().name() + ")")
          .orElse(" (meta.helm.sh/release-name)");
      out.add("Helm release " + ns + "/" + helmRelease + revision
          + (labels.containsKey("helm.sh/chart") ? ", chart " + labels.get("helm.sh/chart") : ""));
    } else if ("Helm".equalsIgnoreCase(labels.getOrDefault("app.kubernetes.io/managed-by", ""))) {
      out.add("Helm (app.kubernetes.io/managed-by)"
          + (labels.containsKey("app.kubernetes.io/instance") ? ", release " + labels.get("app.kubernetes.io/instance") : ""));
    }
    String tracking = annotations.get("argocd.argoproj.io/tracking-id");
    if (tracking != null) {
      int colon = tracking.indexOf(':');
      out.add("Argo CD application " + (colon < 0 ? tracking : tracking.substring(0, colon))
          + " (argocd.argoproj.io/tracking-id)");
    }
    String fluxName = labels.get("kustomize.toolkit.fluxcd.io/name");
    if (fluxName != null) {
      out.add("Flux Kustomization " + labels.getOrDefault("kustomize.toolkit.fluxcd.io/namespace", "") + "/"
          + fluxName + " (kustomize.toolkit.fluxcd.io/name)");
    }
    String fluxHelm = labels.get("helm.toolkit.fluxcd.io/name");
    if (fluxHelm != null) {
      out.add("Flux HelmRelease " + labels.getOrDefault("helm.toolkit.fluxcd.io/namespace", "") + "/" + fluxHelm
          + " (helm.toolkit.fluxcd.io/name)");
    }
    String managedBy = labels.get("app.kubernetes.io/managed-by");
    if (managedBy != null && !managedBy.equalsIgnoreCase("Helm")) {
      out.add("managed by " + managedBy + " (app.kubernetes.io/managed-by)");
    }
    if (annotations.containsKey("kubectl.kubernetes.io/last-applied-configuration")) {
      out.add("kubectl apply (kubectl.kubernetes.io/last-applied-configuration)");
    }
    String cause = annotations.get("kubernetes.io/change-cause");
    if (cause != null && !cause.isBlank()) {
      out.add("change-cause: " + cause);
    }
    return out;
  }
}
