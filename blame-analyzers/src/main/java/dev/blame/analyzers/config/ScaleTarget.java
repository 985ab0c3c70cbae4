package dev.blame.analyzers.config;

import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.Unstructured;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HorizontalPodAutoscaler's scale target: the object its {@code spec.scaleTargetRef} names, and whether the API
 * server's answer quoted in a condition says that object's scale subresource does not exist. Part of
 * {@link HorizontalPodAutoscalerAnalyzer}.
 */
final class ScaleTarget {

  private ScaleTarget() {}

  /** The object {@code spec.scaleTargetRef} names, in the HPA's namespace; empty without a kind and a name. */
  static Optional<ObjectRef> of(Node node) {
    Unstructured t = Unstructured.of(node.object()).child("spec", "scaleTargetRef");
    if (t.string("name").isEmpty() || t.string("kind").isEmpty()) {
      return Optional.empty();
    }
    String apiVersion = t.string("apiVersion").isEmpty() ? "v1" : t.string("apiVersion");
    return Optional.of(ObjectRef.of(apiVersion, t.string("kind"), node.ref().namespace(), t.string("name")));
  }

  /**
   * The API server's answer when the target of a scale subresource cannot be read: the registry's scale storage
   * returns NotFound for the subresource itself ({@code deployments/scale.apps "web" not found}; the core group has
   * no suffix: {@code replicationcontrollers/scale "web" not found}), which the HPA controller quotes in
   * {@code AbleToScale=False FailedGetScale}. A failure to map the kind ({@code no matches for kind}) or to decode
   * the scale is another matter: the target may well exist.
   */
  private static final Pattern SCALE_NOT_FOUND =
      Pattern.compile("\\b([a-z0-9]+)/scale(?:\\.[a-z0-9.-]+)? \"([^\"]+)\" not found");

  /**
   * Whether the message is the scale subresource's NotFound for {@code target}: its name, and a resource that is the
   * kind's plural (the kind lower-cased, a final {@code y} made {@code ies} as the API's default plural does:
   * {@code ScalingPolicy}, {@code scalingpolicies}).
   */
  static boolean scaleNotFound(String message, ObjectRef target) {
    Matcher m = SCALE_NOT_FOUND.matcher(message == null ? "" : message);
    String kind = target.kind().toLowerCase(Locale.ROOT);
    String stem = kind.endsWith("y") ? kind.substring(0, kind.length() - 1) : kind;
    return m.find() && m.group(2).equals(target.name()) && m.group(1).startsWith(stem);
  }
}
