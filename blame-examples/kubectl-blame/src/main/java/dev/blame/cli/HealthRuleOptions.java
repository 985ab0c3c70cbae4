package dev.blame.cli;

import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --health-rules} and {@code --argocd-namespace}: the health rules users own for their GitOps tool,
 * on the commands that judge objects (docs/health-rules.md). Needs blame-health-rules on the class path, as
 * the plugin's jar has it.
 */
final class HealthRuleOptions {

  /** Argo CD's settings ConfigMap, read (GET, never written) with {@code --argocd-namespace}. */
  static final String ARGOCD_CM = "argocd-cm";

  @Option(names = "--health-rules", paramLabel = "[KIND=]PATH",
      description = "Health rules to judge custom resources with, winning over the generic analysis: a "
          + "directory in Argo CD's resource_customizations layout (<group>/<Kind>/health.lua, _ for any), a "
          + "YAML file of Flux healthCheckExprs, or one Lua script (KIND=FILE, e.g. "
          + "argoproj.io/Rollout=health.lua). Repeatable. A rule that does not compile is refused.")
  List<String> healthRules = new ArrayList<>();

  @Option(names = "--argocd-namespace", paramLabel = "NAMESPACE",
      description = "Live: also read the Lua health checks of Argo CD's argocd-cm ConfigMap in this namespace "
          + "(resource.customizations.health.<group>_<Kind>). Read-only.")
  String argocdNamespace;

  /** Registers the rules on the builder; reads argocd-cm with the client when asked to. */
  void apply(BlameEngine.Builder builder, KubernetesClient client) {
    apply(builder, client, Path.of("").toAbsolutePath());
  }

  /** The same, relative paths resolved against {@code cwd} (the client's, when the server answers). */
  void apply(BlameEngine.Builder builder, KubernetesClient client, Path cwd) {
    for (String spec : healthRules) {
      int eq = spec.indexOf('=');
      if (eq > 0) {
        builder.healthRule(spec.substring(0, eq), relative(cwd, spec.substring(eq + 1)));
      } else {
        builder.healthRules(relative(cwd, spec));
      }
    }
    if (argocdNamespace == null) {
      return;
    }
    if (client == null) {
      throw new CliException("--argocd-namespace reads Argo CD's ConfigMap from a cluster; it cannot be used "
          + "with -f (give the rules with --health-rules)");
    }
    ConfigMap cm;
    try {
      cm = client.configMaps().inNamespace(argocdNamespace).withName(ARGOCD_CM).get();
    } catch (KubernetesClientException e) {
      throw new CliException("--argocd-namespace " + argocdNamespace + ": cannot read ConfigMap " + ARGOCD_CM
          + ": " + Errors.oneLine(e), e);
    }
    if (cm == null) {
      throw new CliException("--argocd-namespace " + argocdNamespace + ": no ConfigMap " + ARGOCD_CM
          + " in namespace \"" + argocdNamespace + "\"");
    }
    Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
    builder.argoCdHealthRules(argocdNamespace + "/" + ARGOCD_CM, data);
  }

  /** A relative path stays relative (as it names itself in messages) when it is the process's own directory's. */
  private static Path relative(Path cwd, String given) {
    Path path = Path.of(given);
    return path.isAbsolute() || cwd.equals(Path.of("").toAbsolutePath()) ? path : cwd.resolve(path);
  }
}
