package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionDiff;
import dev.blame.api.spi.AttributionFacet;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.InjectionFacet;
import dev.blame.api.spi.Revision;
import dev.blame.api.spi.RevisionFacet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the objects of an explanation come from: the revision behind an object (with what it changed, see
 * {@link RevisionDiffs}), the tools behind its workload, and what admission injected into pods (see
 * {@link Injections}). The kinds are the facets': the workload of an object is the first object up its owner
 * chain whose kind has a {@link RevisionFacet}. Runs under the read lock.
 */
final class Provenance {

  private static final Logger LOG = LoggerFactory.getLogger(Provenance.class);
  /** How far up owner references a workload is looked for: a pod, its ReplicaSet, their Deployment. */
  private static final int MAX_UP = 2;

  private final GraphStore store;
  private final AnalyzerRegistry registry;
  private final GraphView view;
  private final boolean envValues;

  /** {@code envValues}: revision diffs show literal env values instead of their hash. */
  Provenance(GraphStore store, AnalyzerRegistry registry, GraphView view, boolean envValues) {
    this.store = store;
    this.registry = registry;
    this.view = view;
    this.envValues = envValues;
  }

  /** The revision of the target (a workload, a revision holder, a pod), else of the first culprit. */
  Optional<RevisionDiff> revisionDiff(ObjectRef target, List<Finding> culprits) {
    List<ObjectRef> candidates = new ArrayList<>();
    candidates.add(target);
    culprits.forEach(f -> candidates.add(f.subject()));
    for (ObjectRef ref : candidates) {
      Optional<Node> node = store.node(ref);
      if (node.isEmpty()) {
        continue;
      }
      Optional<RevisionDiff> diff = guarded(() -> revisionDiffOf(node.get()), Optional.empty());
      if (diff.isPresent()) {
        return diff;
      }
    }
    return Optional.empty();
  }

  private Optional<RevisionDiff> revisionDiffOf(Node node) {
    Node at = node;
    for (int up = 0; up <= MAX_UP && at != null; up++) {
      Optional<RevisionFacet> facet = revisionFacet(at.ref().groupKind());
      if (facet.isPresent()) {
        Node workload = at;
        List<Revision> revs = facet.get().revisions(workload, view);
        Optional<Revision> current = facet.get().current(workload, revs);
        if (up == 0 && current.isPresent()) {
          // The workload's spec may hold an edit no revision holds yet: that edit is what the user asks about.
          Optional<RevisionDiff> pending = RevisionDiffs.pending(workload, revs, current.get(), attributions(workload),
              envValues);
          if (pending.isPresent()) {
            return pending;
          }
        }
        Optional<Revision> rev = up == 0 ? current : facet.get().revisionOf(node, revs);
        return rev.map(r -> RevisionDiffs.diff(workload, revs, r, current, attributions(workload), envValues));
      }
      at = controller(at).orElse(null);
    }
    return Optional.empty();
  }

  private Optional<RevisionFacet> revisionFacet(GroupKind kind) {
    List<RevisionFacet> facets = registry.facets(RevisionFacet.class, kind);
    return facets.isEmpty() ? Optional.empty() : Optional.of(facets.get(0));
  }

  /** What every attribution facet for the workload's kind says, in facet order, without duplicates. */
  private List<String> attributions(Node workload) {
    Set<String> lines = new LinkedHashSet<>();
    for (AttributionFacet facet : registry.facets(AttributionFacet.class, workload.ref().groupKind())) {
      lines.addAll(guarded(() -> facet.attributions(workload, view), List.of()));
    }
    return List.copyOf(lines);
  }

  private Optional<Node> controller(Node node) {
    for (Edge e : store.edgesTo(node.ref())) {
      if (e.kind() == EdgeKind.OWNS) {
        Optional<Node> owner = store.node(e.from());
        if (owner.isPresent()) {
          return owner;
        }
      }
    }
    return Optional.empty();
  }

  /** What admission added to the target pod, or to the culprit pods. */
  List<Injection> injections(ObjectRef target, List<Finding> culprits) {
    Set<ObjectRef> pods = new LinkedHashSet<>();
    if (target.groupKind().equals(GroupKind.POD)) {
      pods.add(target.key());
    } else {
      culprits.stream().map(Finding::subject).filter(s -> s.groupKind().equals(GroupKind.POD))
          .forEach(s -> pods.add(s.key()));
    }
    if (pods.isEmpty()) {
      return List.of();
    }
    List<ObjectRef> webhooks = new ArrayList<>();
    store.listAll(Injections.MUTATING_WEBHOOK).forEach(n -> webhooks.add(n.ref()));
    List<InjectionFacet> facets = registry.facets(InjectionFacet.class, GroupKind.POD);
    List<Injection> all = new ArrayList<>();
    for (ObjectRef ref : pods) {
      Optional<Node> pod = store.node(ref);
      Optional<JsonNode> template = pod.flatMap(p -> guarded(() -> ownerTemplate(p), Optional.empty()));
      if (template.isEmpty()) {
        continue;
      }
      List<ObjectRef> injectors = new ArrayList<>();
      for (Edge e : store.edgesFrom(ref)) {
        if (e.kind() == EdgeKind.INJECTED_BY) {
          injectors.add(e.to());
        }
      }
      all.addAll(Injections.of(pod.get(), template.get(), injectors, webhooks,
          part -> attribute(facets, part, pod.get(), webhooks)));
    }
    return all;
  }

  private Optional<Injection> attribute(List<InjectionFacet> facets, Injection part, Node pod, List<ObjectRef> webhooks) {
    for (InjectionFacet facet : facets) {
      Optional<Injection> answer = guarded(() -> facet.attribute(part, pod, webhooks), Optional.empty());
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  /** The template a pod was made from: its controller's revision facet says, else its {@code spec.template}. */
  private Optional<JsonNode> ownerTemplate(Node pod) {
    Optional<Node> owner = controller(pod);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    Optional<RevisionFacet> facet = revisionFacet(owner.get().ref().groupKind());
    if (facet.isPresent()) {
      return facet.get().podTemplate(owner.get(), pod, view);
    }
    JsonNode template = Json.tree(owner.get().object()).path("spec").path("template");
    return template.isObject() ? Optional.of(template) : Optional.empty();
  }

  /** A facet that throws is skipped (logged), as an analyzer that throws does not stop the engine. */
  private static <T> T guarded(java.util.function.Supplier<T> call, T fallback) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      LOG.warn("A facet failed, going on without it: {}", Escape.terminal(e.toString()));
      return fallback;
    }
  }
}
