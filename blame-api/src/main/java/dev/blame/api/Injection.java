package dev.blame.api;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Part of a pod that its owner's template does not have: a container, init container, volume or environment
 * variable added at admission, typically by a mutating webhook (Istio, Linkerd, Vault agent). The "computed"
 * view of a pod, as opposed to the "specified" one.
 */
@Value.Immutable
public abstract class Injection {

  /** What was injected. */
  public enum Part {
    CONTAINER("Container"),
    INIT_CONTAINER("Init container"),
    VOLUME("Volume"),
    ENV("Env");

    private final String text;

    Part(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** The pod. */
  public abstract ObjectRef subject();

  public abstract Part part();

  /** The container's, volume's or variable's name. */
  public abstract String name();

  /** For {@link Part#ENV}: the container the variable was added to. */
  public abstract Optional<String> container();

  /**
   * Who injected it, when the evidence says: {@code Istio sidecar injector},
   * {@code MutatingWebhookConfiguration istio-sidecar-injector}. Empty when only the difference from the
   * template is known.
   */
  public abstract Optional<String> injectedBy();

  /** The injector's revision or version, e.g. Istio's {@code 2} or Linkerd's {@code stable-2.14.10}. */
  public abstract Optional<String> revision();

  public abstract List<Evidence> evidence();

  public static ImmutableInjection.Builder builder() {
    return ImmutableInjection.builder();
  }

  /** {@code Istio sidecar injector revision 2}, or {@code an admission webhook} when unknown. */
  public String injector() {
    return injectedBy().orElse("an admission webhook") + revision().map(r -> " revision " + r).orElse("");
  }

  @Override
  public String toString() {
    return part().text() + " [" + container().map(c -> c + "/").orElse("") + name() + "] of "
        + subject().display() + " injected by " + injector();
  }
}
