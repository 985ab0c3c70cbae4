package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.ContainerView;
import dev.blame.api.Evidence;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the ConfigMap, Secret or key behind a {@code CreateContainerConfigError}, from the kubelet's message
 * ({@code configmap "app-config" not found}, {@code couldn't find key DB_URL in ConfigMap default/app-config})
 * and the container's {@code env}/{@code envFrom}, which say where the pod asks for it.
 */
final class MissingReference {

  // Older kubelets say the resource in the plural: secrets "x" not found.
  private static final Pattern NOT_FOUND = Pattern.compile("(configmap|secret)s? \"([^\"]+)\" not found",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NO_KEY = Pattern.compile("couldn't find key (\\S+) in (ConfigMap|Secret) (?:\\S+/)?(\\S+)",
      Pattern.CASE_INSENSITIVE);

  record Missing(String kind, String name, Optional<String> key) {}

  private MissingReference() {}

  static Optional<Missing> parse(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher key = NO_KEY.matcher(message);
    if (key.find()) {
      return Optional.of(new Missing(kind(key.group(2)), key.group(3), Optional.of(key.group(1))));
    }
    Matcher nf = NOT_FOUND.matcher(message);
    return nf.find() ? Optional.of(new Missing(kind(nf.group(1)), nf.group(2), Optional.empty())) : Optional.empty();
  }

  static String describe(ContainerView c, String message) {
    Optional<Missing> missing = parse(message);
    if (missing.isEmpty()) {
      return "Container [" + c.name() + "] cannot be configured: " + String.valueOf(message).strip();
    }
    Missing m = missing.get();
    String what = m.kind() + " " + m.name() + m.key().map(k -> " has no key " + k).orElse(" is missing");
    return "Container [" + c.name() + "] cannot start: " + what
        + where(c, m).map(p -> " (needed by " + p + ")").orElse("");
  }

  static Evidence[] evidence(ContainerView c, String message, Evidence waiting) {
    List<Evidence> all = new ArrayList<>(List.of(waiting));
    parse(message).flatMap(m -> where(c, m).map(p -> Evidence.field(p, m.kind() + " " + m.name()
        + m.key().map(k -> " key " + k).orElse(""))))
        .ifPresent(all::add);
    return all.toArray(Evidence[]::new);
  }

  /** The spec path that references the missing object, if the container's env names it. */
  static Optional<String> where(ContainerView c, Missing m) {
    boolean configMap = m.kind().equals("ConfigMap");
    for (EnvVar e : c.env()) {
      if (e.getValueFrom() == null) {
        continue;
      }
      var ref = configMap ? e.getValueFrom().getConfigMapKeyRef() : null;
      var sref = configMap ? null : e.getValueFrom().getSecretKeyRef();
      String name = ref != null ? ref.getName() : sref != null ? sref.getName() : null;
      String key = ref != null ? ref.getKey() : sref != null ? sref.getKey() : null;
      if (m.name().equals(name) && m.key().map(k -> k.equals(key)).orElse(true)) {
        return Optional.of(c.specPath() + ".env[" + e.getName() + "].valueFrom."
            + (configMap ? "configMapKeyRef" : "secretKeyRef"));
      }
    }
    for (int i = 0; i < c.envFrom().size(); i++) {
      EnvFromSource f = c.envFrom().get(i);
      String name = configMap ? (f.getConfigMapRef() == null ? null : f.getConfigMapRef().getName())
          : (f.getSecretRef() == null ? null : f.getSecretRef().getName());
      if (m.name().equals(name)) {
        return Optional.of(c.specPath() + ".envFrom[" + i + "]." + (configMap ? "configMapRef" : "secretRef"));
      }
    }
    return Optional.empty();
  }

  private static String kind(String text) {
    return text.equalsIgnoreCase("configmap") ? "ConfigMap" : "Secret";
  }
}
