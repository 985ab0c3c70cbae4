package dev.blame.api.spi;

import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * Who added a part of a pod at admission. The engine finds the parts (containers, init containers, volumes,
 * env variables) that a pod has and the template it was made from does not; each facet that selects
 * {@code Pod} is then asked, in facet order, who added one, and the first answer wins. With no answer, the
 * engine names the pod's {@code injected-by} relations, else lists the MutatingWebhookConfigurations in the graph
 * as candidates and guesses nothing.
 *
 * <p>An answer is the part with {@link Injection#injectedBy()}, optionally a {@link Injection#revision()}, and
 * the evidence that shows it (the pod annotation the injector wrote): {@code Injection.builder().from(part)...}.
 * Must be pure (see {@link Facet}).
 */
public interface InjectionFacet extends Facet {

  /**
   * Who injected one part of a pod.
   *
   * @param part the injected part: subject, part, name and container set, no injector yet
   * @param pod the pod
   * @param webhooks the MutatingWebhookConfigurations in the graph, to cite as evidence
   * @return the part attributed, or empty when this facet does not recognise it
   */
  Optional<Injection> attribute(Injection part, Node pod, List<ObjectRef> webhooks);
}
