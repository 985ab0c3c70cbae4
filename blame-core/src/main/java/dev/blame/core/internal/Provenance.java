package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionDiff;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the objects of an explanation come from: the revision behind a workload, revision holder or pod (with
 * what it changed, see {@link Revisions}), and what admission injected into pods (see {@link Injections}).
 * Finds the objects in the store; the rules are in those two classes. Runs under the read lock.
 */
final class Provenance {

  static final GroupKind MUTATING_WEBHOOK =
      GroupKind.of("admissionregistration.k8s.io", "MutatingWebhookConfiguration");

  private final GraphStore store;
  private final boolean envValues;

  Provenance(GraphStore store) {
    this(store, false);
  }

  /** {@code envValues}: revision diffs show literal env values instead of their hash. */
  Provenance(GraphStore store, boolean envValues) {
    this.store = store;
    this.envValues = envValues;
  }

  /** The revision of the target (a workload, a revision holder, a pod), else of the first culprit pod. */
  Optional<RevisionDiff> revisionDiff(ObjectRef target, List<Finding> culprits) {
    List<ObjectRef> candidates = new ArrayList<>();
    candidates.add(target);
    culprits.forEach(f -> candidates.add(f.subject()));
    for (ObjectRef ref : candidates) {
      Optional<Node> node = store.node(ref);
      if (node.isEmpty()) {
        continue;
      }
      Optional<RevisionDiff> diff = revisionDiffOf(node.get());
      if (diff.isPresent()) {
        return diff;
      }
    }
    return Optional.empty();
  }

  private Optional<RevisionDiff> revisionDiffOf(Node node) {
    GroupKind kind = node.ref().groupKind();
    Optional<Node> workload;
    if (Revisions.isRevisioned(kind)) {
      workload = Optional.of(node);
    } else if (Revisions.isHolder(kind)) {
      workload = revisionedOwner(node);
    } else if (kind.equals(GroupKind.POD)) {
      workload = controller(node).flatMap(owner -> Revisions.isRevisioned(owner.ref().groupKind())
          ? Optional.of(owner) : revisionedOwner(owner));
    } else {
      workload = Optional.empty();
    }
    if (workload.isEmpty()) {
      return Optional.empty();
    }
    List<Revisions.Rev> revs = Revisions.of(workload.get(), holders(workload.get()));
    Optional<Revisions.Rev> rev;
    if (Revisions.isRevisioned(kind)) {
      rev = Revisions.current(node, revs);
    } else if (Revisions.isHolder(kind)) {
      rev = revs.stream().filter(r -> r.holder().ref().equals(node.ref())).findFirst();
    } else {
      rev = Revisions.ofPod(node, revs);
    }
    List<Node> helmReleases = new ArrayList<>();
    String release = workload.get().annotations().get("meta.helm.sh/release-name");
    if (release != null) {
      String ns = workload.get().annotations().getOrDefault("meta.helm.sh/release-namespace", node.ref().namespace());
      for (Node secret : store.list(GroupKind.SECRET, ns)) {
        if ("helm".equals(secret.labels().get("owner")) && release.equals(secret.labels().get("name"))) {
          helmReleases.add(secret);
        }
      }
    }
    return rev.map(r -> Revisions.diff(workload.get(), revs, r, helmReleases, envValues));
  }

  private List<Node> holders(Node workload) {
    GroupKind holderKind = workload.ref().groupKind().equals(GroupKind.DEPLOYMENT)
        ? GroupKind.REPLICA_SET : GroupKind.CONTROLLER_REVISION;
    return GenericActivities.children(store, workload, holderKind);
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

  private Optional<Node> revisionedOwner(Node node) {
    return controller(node).filter(o -> Revisions.isRevisioned(o.ref().groupKind()));
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
    List<ObjectRef> webhooks = new ArrayList<>();
    store.listAll(MUTATING_WEBHOOK).forEach(n -> webhooks.add(n.ref()));
    List<Injection> all = new ArrayList<>();
    for (ObjectRef ref : pods) {
      Optional<Node> pod = store.node(ref);
      Optional<JsonNode> template = pod.flatMap(this::ownerTemplate);
      if (template.isEmpty()) {
        continue;
      }
      List<ObjectRef> injectors = new ArrayList<>();
      for (Edge e : store.edgesFrom(ref)) {
        if (e.kind() == EdgeKind.INJECTED_BY) {
          injectors.add(e.to());
        }
      }
      all.addAll(Injections.of(pod.get(), template.get(), injectors, webhooks));
    }
    return all;
  }

  /** The template a pod was made from: its ReplicaSet's or Job's, or its revision's for StatefulSets and DaemonSets. */
  private Optional<JsonNode> ownerTemplate(Node pod) {
    Optional<Node> owner = controller(pod);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    GroupKind kind = owner.get().ref().groupKind();
    if (kind.equals(GroupKind.STATEFUL_SET) || kind.equals(GroupKind.DAEMON_SET)) {
      List<Revisions.Rev> revs = Revisions.of(owner.get(), holders(owner.get()));
      Optional<Revisions.Rev> rev = Revisions.ofPod(pod, revs);
      if (rev.isPresent()) {
        return Optional.of(kind.equals(GroupKind.STATEFUL_SET)
            ? withClaimVolumes(rev.get().template(), owner.get()) : rev.get().template());
      }
    }
    JsonNode template = Json.tree(owner.get().object()).path("spec").path("template");
    if (template.isObject() && kind.equals(GroupKind.STATEFUL_SET)) {
      return Optional.of(withClaimVolumes(template, owner.get()));
    }
    return template.isObject() ? Optional.of(template) : Optional.empty();
  }

  /**
   * The template with a volume per {@code volumeClaimTemplates} entry: the StatefulSet controller adds them to
   * each pod, so they are specified by the owner, not injected at admission.
   */
  private static JsonNode withClaimVolumes(JsonNode template, Node statefulSet) {
    JsonNode claims = Json.tree(statefulSet.object()).path("spec").path("volumeClaimTemplates");
    if (!claims.isArray() || claims.isEmpty()) {
      return template;
    }
    ObjectNode copy = template.deepCopy();
    ObjectNode spec = copy.with("spec");
    ArrayNode volumes = spec.withArray("volumes");
    for (JsonNode claim : claims) {
      String name = claim.path("metadata").path("name").asText("");
      if (!name.isEmpty()) {
        volumes.addObject().put("name", name).putObject("persistentVolumeClaim").put("claimName", name);
      }
    }
    return copy;
  }

}
