package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blame.api.ChangedBy;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.api.RevisionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The revisions of a revisioned workload, read from the objects holding them, and what each one changed.
 *
 * <ul>
 *   <li>Deployment: its ReplicaSets, numbered by {@code deployment.kubernetes.io/revision}; a rolled-back-to
 *       ReplicaSet is renumbered and remembers its old numbers in {@code deployment.kubernetes.io/revision-history}
 *       (see {@code pkg/controller/deployment/sync.go}, {@code rollback.go}). Pods carry {@code pod-template-hash}.
 *   <li>StatefulSet and DaemonSet: their ControllerRevisions, numbered by {@code .revision}, whose {@code .data}
 *       holds {@code {"spec":{"template":{..., "$patch":"replace"}}}} (see
 *       {@code pkg/controller/history/controller_history.go}). Pods carry {@code controller-revision-hash}.
 * </ul>
 */
final class Revisions {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  /** One revision: its reference, the object holding it, its pod template, and the numbers it had before. */
  record Rev(RevisionRef ref, Node holder, JsonNode template, List<Long> history) {
    long number() {
      return ref.number();
    }

    Optional<Instant> created() {
      return holder.createdAt();
    }
  }

  private Revisions() {}

  static boolean isRevisioned(GroupKind kind) {
    return kind.equals(GroupKind.DEPLOYMENT) || kind.equals(GroupKind.STATEFUL_SET)
        || kind.equals(GroupKind.DAEMON_SET);
  }

  static boolean isHolder(GroupKind kind) {
    return kind.equals(GroupKind.REPLICA_SET) || kind.equals(GroupKind.CONTROLLER_REVISION);
  }

  /** The revisions held by these objects (the workload's owned ReplicaSets or ControllerRevisions), by number. */
  static List<Rev> of(Node workload, List<Node> holders) {
    List<Rev> revs = new ArrayList<>();
    boolean deployment = workload.ref().groupKind().equals(GroupKind.DEPLOYMENT);
    for (Node holder : holders) {
      GroupKind kind = holder.ref().groupKind();
      if (deployment && kind.equals(GroupKind.REPLICA_SET)) {
        JsonNode tree = Json.tree(holder.object());
        long number = parseLong(holder.annotations().get(REVISION));
        Optional<String> hash = Optional.ofNullable(holder.labels().get("pod-template-hash"));
        revs.add(new Rev(ref(workload, number, hash, holder), holder, tree.path("spec").path("template"),
            history(holder.annotations().get(REVISION_HISTORY))));
      } else if (!deployment && kind.equals(GroupKind.CONTROLLER_REVISION)) {
        JsonNode tree = Json.tree(holder.object());
        JsonNode template = tree.path("data").path("spec").path("template").deepCopy();
        if (template.isObject()) {
          ((ObjectNode) template).remove("$patch");
        }
        long number = tree.path("revision").asLong(0);
        revs.add(new Rev(ref(workload, number, hashOf(workload, holder), holder), holder, template, List.of()));
      }
    }
    revs.sort(Comparator.comparingLong(Rev::number).thenComparing(r -> r.holder().ref()));
    return revs;
  }

  private static RevisionRef ref(Node workload, long number, Optional<String> hash, Node holder) {
    return RevisionRef.builder().owner(workload.ref()).number(number).hash(hash).holder(holder.ref()).build();
  }

  private static Optional<String> hashOf(Node workload, Node revision) {
    String label = revision.labels().get("controller.kubernetes.io/hash");
    if (label != null) {
      return Optional.of(label);
    }
    String prefix = workload.ref().name() + "-";
    String name = revision.ref().name();
    return name.startsWith(prefix) ? Optional.of(name.substring(prefix.length())) : Optional.empty();
  }

  /** The workload's current revision: the one its spec is at. */
  static Optional<Rev> current(Node workload, List<Rev> revs) {
    if (revs.isEmpty()) {
      return Optional.empty();
    }
    if (workload.ref().groupKind().equals(GroupKind.DEPLOYMENT)) {
      long number = parseLong(workload.annotations().get(REVISION));
      Optional<Rev> byNumber = revs.stream().filter(r -> r.number() == number).findFirst();
      if (number > 0 && byNumber.isPresent()) {
        return byNumber;
      }
    } else {
      String update = Json.tree(workload.object()).path("status").path("updateRevision").asText("");
      Optional<Rev> named = revs.stream().filter(r -> r.holder().ref().name().equals(update)).findFirst();
      if (named.isPresent()) {
        return named;
      }
    }
    return Optional.of(revs.get(revs.size() - 1));
  }

  /** The revision a pod belongs to, by its {@code pod-template-hash} or {@code controller-revision-hash}. */
  static Optional<Rev> ofPod(Node pod, List<Rev> revs) {
    String hash = pod.labels().getOrDefault("pod-template-hash", pod.labels().get("controller-revision-hash"));
    if (hash == null) {
      return Optional.empty();
    }
    return revs.stream()
        .filter(r -> r.ref().hash().map(h -> hash.equals(h) || hash.endsWith("-" + h)).orElse(false)
            || r.holder().ref().name().equals(hash))
        .findFirst();
  }

  /**
   * What {@code rev} changed from the revision numbered just before it. Who changed it is read from the
   * workload's managedFields, and only for its current revision: managedFields record the last writer of
   * each field as it is now, not the writer of an older template.
   */
  static RevisionDiff diff(Node workload, List<Rev> revs, Rev rev) {
    return diff(workload, revs, rev, List.of(), false);
  }

  /** As {@link #diff(Node, List, Rev)}, naming the Helm release revision from these release Secrets. */
  static RevisionDiff diff(Node workload, List<Rev> revs, Rev rev, List<Node> helmReleases) {
    return diff(workload, revs, rev, helmReleases, false);
  }

  /**
   * As {@link #diff(Node, List, Rev, List)}; {@code envValues} shows literal env values as they are instead of
   * their short hash.
   */
  static RevisionDiff diff(Node workload, List<Rev> revs, Rev rev, List<Node> helmReleases, boolean envValues) {
    Optional<Rev> previous = revs.stream().filter(r -> r.number() < rev.number()).reduce((a, b) -> b);
    boolean current = current(workload, revs).map(c -> c.equals(rev)).orElse(false);
    ManagedFields managed = ManagedFields.of(workload);
    Optional<String> missing = Optional.empty();
    if (managed.isEmpty()) {
      missing = Optional.of("metadata.managedFields is absent on " + workload.ref().display()
          + " (stripped when the objects were read)");
    } else if (!current) {
      missing = Optional.of("revision " + rev.number() + " is not the current revision of "
          + workload.ref().display() + "; managedFields only say who set the fields of the current one");
    }
    boolean attribute = missing.isEmpty();
    List<RevisionChange> changes = new ArrayList<>();
    if (previous.isPresent()) {
      for (TemplateDiff.Change c : TemplateDiff.diff(previous.get().template(), rev.template())) {
        changes.add(RevisionChange.builder()
            .path(TemplateDiff.path(c.path()))
            .container(Optional.ofNullable(TemplateDiff.container(c.path())))
            .field(TemplateDiff.field(c.path()))
            .from(Json.absent(c.from()) ? Optional.empty() : Optional.of(TemplateDiff.text(c.path(), c.from(), envValues)))
            .to(Json.absent(c.to()) ? Optional.empty() : Optional.of(TemplateDiff.text(c.path(), c.to(), envValues)))
            .changedBy(attribute ? managed.lastSet(c.path()) : Optional.empty())
            .build());
      }
    }
    Optional<ChangedBy> changedBy = Optional.empty();
    if (attribute) {
      changedBy = changes.stream().flatMap(c -> c.changedBy().stream())
          .max(Comparator.comparing((ChangedBy c) -> c.time().orElse(Instant.EPOCH)));
      if (changedBy.isEmpty()) {
        changedBy = managed.lastTemplateEdit();
      }
    }
    boolean rollback = !rev.history().isEmpty() || previous.map(p -> createdBefore(rev, p)).orElse(false);
    if (rollback && changedBy.isPresent()) {
      // After `kubectl rollout undo` the writer of the rollback is the entry newer than the revision it rolled
      // back from; an older entry (the edit that made that revision) is stale, and naming it would be wrong.
      Optional<Instant> rolledBackFrom = previous.flatMap(Rev::created);
      ChangedBy newest = changedBy.get();
      if (rolledBackFrom.isEmpty() || newest.time().map(t -> !t.isAfter(rolledBackFrom.get())).orElse(true)) {
        missing = Optional.of("the newest managedFields entry (" + newest.manager()
            + newest.time().map(t -> " at " + t).orElse("") + ") is not newer than revision "
            + previous.map(p -> String.valueOf(p.number())).orElse("?")
            + ", the one rolled back from, so who rolled back is not recorded");
        changedBy = Optional.empty();
        changes.replaceAll(c -> RevisionChange.builder().path(c.path()).container(c.container()).field(c.field())
            .from(c.from()).to(c.to()).build());
      }
    }
    boolean restartOnly = !changes.isEmpty() && changes.stream().allMatch(
        c -> c.path().equals("spec.template.metadata.annotations[" + RESTARTED_AT + "]"));
    List<String> attributions = new ArrayList<>(Attributions.of(workload, helmReleases));
    String cause = rev.holder().annotations().get("kubernetes.io/change-cause");
    if (cause != null && !cause.isBlank()) {
      attributions.removeIf(a -> a.startsWith("change-cause: "));
      attributions.add("change-cause: " + cause);
    }
    return RevisionDiff.builder()
        .revision(rev.ref())
        .previous(previous.map(Rev::ref))
        .changes(changes)
        .changedBy(changedBy)
        .time(rollback ? changedBy.flatMap(ChangedBy::time) : changedBy.flatMap(ChangedBy::time).or(rev::created))
        .rollback(rollback)
        .history(rev.history())
        .restartOnly(restartOnly)
        .attributions(attributions)
        .evidenceMissing(missing)
        .build();
  }

  private static boolean createdBefore(Rev rev, Rev previous) {
    return rev.created().isPresent() && previous.created().isPresent()
        && rev.created().get().isBefore(previous.created().get());
  }

  private static List<Long> history(String annotation) {
    List<Long> numbers = new ArrayList<>();
    if (annotation != null) {
      for (String part : annotation.split(",")) {
        long n = parseLong(part.trim());
        if (n > 0) {
          numbers.add(n);
        }
      }
    }
    return numbers;
  }

  static long parseLong(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
