package dev.blame.api.spi;

import dev.blame.api.Node;
import java.util.List;

/**
 * Which tool or person a user recognises behind an object, from the marks it leaves: a Helm release and its
 * revision, an Argo CD application, a Flux Kustomization, {@code kubectl apply}. The effect-to-cause view prints
 * them under the revision that changed ({@link dev.blame.api.RevisionDiff#attributions()}).
 *
 * <p>Each line names the label or annotation it was read from, so that a user can check it:
 * {@code Argo CD application shop (argocd.argoproj.io/tracking-id)}. The lines of every facet that selects the
 * object's kind are listed, in facet order, duplicates dropped. Lines hold the values as read; the views print them as
 * {@link dev.blame.api.Escape#identity} text (non-ASCII as escapes, so a look-alike release name shows as one). Must be
 * pure (see {@link Facet}).
 */
public interface AttributionFacet extends Facet {

  /**
   * The tools or people behind an object.
   *
   * @param node the object (a workload whose revision is explained)
   * @param graph the graph around it (a Helm attribution reads the release's Secrets' labels, never their data)
   * @return one line per attribution, each naming its evidence; empty when this facet sees none; never null
   */
  List<String> attributions(Node node, GraphView graph);
}
