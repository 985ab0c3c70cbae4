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
    /** A container, e.g. a service mesh's sidecar. */
    CONTAINER("Container"),
    /** An init container, e.g. {@code istio-init}. */
    INIT_CONTAINER("Init container"),
    /** A volume, e.g. the mesh's certificates. */
    VOLUME("Volume"),
    /** An environment variable added to one container. */
    ENV("Env");

    private final String text;

    Part(String text) {
      this.text = text;
    }

    /** {@return how the part reads in a sentence: {@code Init container}}. */
    public String text() {
      return text;
    }
  }

  /** {@return the pod that holds the injected part}. */
  public abstract ObjectRef subject();

  /** {@return what kind of part was injected}. */
  public abstract Part part();

  /** {@return the container's, volume's or variable's name}. */
  public abstract String name();

  /** {@return for {@link Part#ENV}, the container the variable was added to; empty otherwise}. */
  public abstract Optional<String> container();

  /**
   * {@return who injected it, when the evidence says}: {@code Istio sidecar injector},
   * {@code MutatingWebhookConfiguration istio-sidecar-injector}. Empty when only the difference from the
   * template is known.
   */
  public abstract Optional<String> injectedBy();

  /** {@return the injector's revision or version, e.g. Istio's {@code 2} or Linkerd's {@code stable-2.14.10}}. */
  public abstract Optional<String> revision();

  /** {@return what shows the injection: the pod's annotations or status naming the injector, the template's lack}. */
  public abstract List<Evidence> evidence();

  /**
   * A builder; {@code subject}, {@code part} and {@code name} are required.
   *
   * @return a new builder
   */
  public static ImmutableInjection.Builder builder() {
    return ImmutableInjection.builder();
  }

  /** {@return who injected it, for a sentence: {@code Istio sidecar injector revision 2}, or {@code an admission webhook} when unknown}. */
  public String injector() {
    return injectedBy().orElse("an admission webhook") + revision().map(r -> " revision " + r).orElse("");
  }

  @Override
  public String toString() {
    return part().text() + " [" + container().map(c -> c + "/").orElse("") + name() + "] of "
        + subject().display() + " injected by " + injector();
  }
}
