package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blame.api.ChangedBy;
import dev.blame.api.Escape;
import dev.blame.api.Node;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.api.RevisionRef;
import dev.blame.api.spi.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a revision changed from the one numbered just before it, and who changed it. The revisions come from the
 * analyzers' {@link dev.blame.api.spi.RevisionFacet revision facets}; this class knows no kind: it diffs pod
 * templates ({@link TemplateDiff}), reads {@code metadata.managedFields} under {@code spec.template}
 * ({@link ManagedFields}), and names the rollback {@code kubectl rollout undo} made.
 */
final class RevisionDiffs {

  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
  private static final String CHANGE_CAUSE_LINE = "change-cause: ";

  private RevisionDiffs() {}

  /**
   * What {@code rev} changed from the revision numbered just before it. Who changed it is read from the
   * workload's managedFields, and only for its current revision: managedFields record the last writer of
   * each field as it is now, not the writer of an older template.
   */
  static RevisionDiff diff(Node workload, List<Revision> revs, Revision rev, Optional<Revision> currentRev,
      List<String> workloadAttributions) {
    return diff(workload, revs, rev, currentRev, workloadAttributions, false);
  }

  /** As {@link #diff(Node, List, Revision, Optional, List)}; {@code envValues} shows literal env values instead of their hash. */
  static RevisionDiff diff(Node workload, List<Revision> revs, Revision rev, Optional<Revision> currentRev,
      List<String> workloadAttributions, boolean envValues) {
    Optional<Revision> previous = revs.stream().filter(r -> r.number() < rev.number()).reduce((a, b) -> b);
    boolean current = currentRev.map(c -> c.equals(rev)).orElse(false);
    ManagedFields managed = ManagedFields.of(workload);
    Optional<String> missing = Optional.empty();
    if (managed.isEmpty()) {
      missing = Optional.of("metadata.managedFields is absent on " + workload.ref().display()
          + " (stripped when the objects were read)");
    } else if (!current) {
      missing = Optional.of("revision " + rev.number() + " is not the current revision of "
          + workload.ref().display() + "; managedFields only say who set the fields of the current one");
    } else if (heldBySpec(workload).map(t -> !TemplateDiff.diff(withoutHashLabels(rev), t).isEmpty()).orElse(false)) {
      missing = Optional.of(workload.ref().display() + "'s spec holds a pod template that is not rolled out yet;"
          + " managedFields name the writer of that edit, not of revision " + rev.number());
    } else if (unobserved(workload)) {
      // The spec holds an edit its controller has not acted on: managedFields name that edit's writer, not the
      // writer of the revision the status still calls current.
      missing = Optional.of(workload.ref().display() + " has generation " + workload.generation()
          + " that its controller has not observed yet; managedFields name the writer of that newer edit, not of"
          + " revision " + rev.number());
    }
    boolean attribute = missing.isEmpty();
    List<RevisionChange> changes = previous.isPresent()
        ? changes(previous.get().template(), rev.template(), attribute ? managed : null, envValues)
        : new ArrayList<>();
    Optional<ChangedBy> changedBy = attribute ? changedBy(changes, managed) : Optional.empty();
    boolean rollback = !rev.history().isEmpty() || previous.map(p -> createdBefore(rev, p)).orElse(false);
    if (rollback && changedBy.isPresent()) {
      // After `kubectl rollout undo` the writer of the rollback is the entry newer than the revision it rolled
      // back from; an older entry (the edit that made that revision) is stale, and naming it would be wrong.
      Optional<Instant> rolledBackFrom = previous.flatMap(Revision::created);
      ChangedBy newest = changedBy.get();
      if (rolledBackFrom.isEmpty() || newest.time().map(t -> !t.isAfter(rolledBackFrom.get())).orElse(true)) {
        missing = Optional.of("the newest managedFields entry (" + Escape.identity(newest.manager())
            + newest.time().map(t -> " at " + t).orElse("") + ") is not newer than revision "
            + previous.map(p -> String.valueOf(p.number())).orElse("?")
            + ", the one rolled back from, so who rolled back is not recorded");
        changedBy = Optional.empty();
        changes.replaceAll(c -> RevisionChange.builder().path(c.path()).container(c.container()).field(c.field())
            .from(c.from()).to(c.to()).build());
      }
    }
    boolean restartOnly = restartOnly(changes);
    List<String> attributions = new ArrayList<>(workloadAttributions);
    // The change-cause recorded on the revision's holder names this revision; the workload's names its newest.
    String cause = rev.holder().annotations().get(CHANGE_CAUSE);
    if (cause != null && !cause.isBlank()) {
      attributions.removeIf(a -> a.startsWith(CHANGE_CAUSE_LINE));
      attributions.add(CHANGE_CAUSE_LINE + cause);
    }
    attributions = encoded(attributions, envValues);
    return RevisionDiff.builder()
        .revision(rev.ref())
        .previous(previous.map(Revision::ref))
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

  /**
   * The edit the workload's spec holds when none of its revisions holds that pod template yet: made, but not rolled
   * out (its controller has not made the revision yet, the rollout is paused, or the revision's holder was listed
   * before it existed). Compared with {@code current}; who made it is read from managedFields, which describe the
   * spec as it is now. Empty when the workload has no {@code spec.template} or a revision holds it.
   */
  static Optional<RevisionDiff> pending(Node workload, List<Revision> revs, Revision current,
      List<String> workloadAttributions, boolean envValues) {
    Optional<JsonNode> held = heldBySpec(workload);
    if (held.isEmpty() || !current.template().isObject()
        || revs.stream().anyMatch(r -> TemplateDiff.diff(withoutHashLabels(r), held.get()).isEmpty())) {
      return Optional.empty();
    }
    JsonNode template = held.get();
    ManagedFields managed = ManagedFields.of(workload);
    List<RevisionChange> changes = changes(withoutHashLabels(current), template, managed.isEmpty() ? null : managed,
        envValues);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    Optional<ChangedBy> changedBy = managed.isEmpty() ? Optional.empty() : changedBy(changes, managed);
    long next = revs.stream().mapToLong(Revision::number).max().orElse(0) + 1;
    return Optional.of(RevisionDiff.builder()
        .revision(RevisionRef.of(workload.ref(), next))
        .previous(current.ref())
        .changes(changes)
        .changedBy(changedBy)
        .time(changedBy.flatMap(ChangedBy::time))
        .pending(true)
        .restartOnly(restartOnly(changes))
        .attributions(encoded(workloadAttributions, envValues))
        .evidenceMissing(managed.isEmpty() ? Optional.of("metadata.managedFields is absent on "
            + workload.ref().display() + " (stripped when the objects were read)") : Optional.empty())
        .build());
  }

  /**
   * The attributions with the env values of a recorded command ({@code change-cause: kubectl set env ... K=V})
   * encoded as the template diff encodes them ({@link RecordedCommands}); as they are with {@code envValues}.
   */
  private static List<String> encoded(List<String> attributions, boolean envValues) {
    List<String> out = new ArrayList<>(attributions.size());
    for (String a : attributions) {
      out.add(a.startsWith(CHANGE_CAUSE_LINE)
          ? CHANGE_CAUSE_LINE + RecordedCommands.encode(a.substring(CHANGE_CAUSE_LINE.length()), envValues)
          : a);
    }
    return out;
  }

  /** The pod template the workload's spec holds ({@code spec.template}), when it has one. */
  private static Optional<JsonNode> heldBySpec(Node workload) {
    JsonNode template = Json.tree(workload.object()).path("spec").path("template");
    return template.isObject() ? Optional.of(template) : Optional.empty();
  }

  /** A revision's template without the labels whose value is the revision's hash (controllers add them). */
  private static JsonNode withoutHashLabels(Revision rev) {
    JsonNode labels = rev.template().path("metadata").path("labels");
    Optional<String> hash = rev.ref().hash();
    if (hash.isEmpty() || !labels.isObject()) {
      return rev.template();
    }
    JsonNode copy = rev.template().deepCopy();
    ObjectNode copied = (ObjectNode) copy.path("metadata").path("labels");
    List<String> names = new ArrayList<>();
    copied.fields().forEachRemaining(f -> {
      if (f.getValue().asText().equals(hash.get())) {
        names.add(f.getKey());
      }
    });
    copied.remove(names);
    return copy;
  }

  /** What changed from {@code before} to {@code after}, each change attributed from {@code managed} when given. */
  private static List<RevisionChange> changes(JsonNode before, JsonNode after, ManagedFields managed,
      boolean envValues) {
    List<RevisionChange> changes = new ArrayList<>();
    for (TemplateDiff.Change c : TemplateDiff.diff(before, after)) {
      changes.add(RevisionChange.builder()
          .path(TemplateDiff.path(c.path()))
          .container(Optional.ofNullable(TemplateDiff.container(c.path())))
          .field(TemplateDiff.field(c.path()))
          .from(Json.absent(c.from()) ? Optional.empty() : Optional.of(TemplateDiff.text(c.path(), c.from(), envValues)))
          .to(Json.absent(c.to()) ? Optional.empty() : Optional.of(TemplateDiff.text(c.path(), c.to(), envValues)))
          .changedBy(managed != null ? managed.lastSet(c.path()) : Optional.empty())
          .build());
    }
    return changes;
  }

  /** The newest writer among the changes, else the newest template edit. */
  private static Optional<ChangedBy> changedBy(List<RevisionChange> changes, ManagedFields managed) {
    Optional<ChangedBy> newest = changes.stream().flatMap(c -> c.changedBy().stream())
        .max(Comparator.comparing((ChangedBy c) -> c.time().orElse(Instant.EPOCH)));
    return newest.isPresent() ? newest : managed.lastTemplateEdit();
  }

  private static boolean restartOnly(List<RevisionChange> changes) {
    return !changes.isEmpty() && changes.stream().allMatch(
        c -> c.path().equals("spec.template.metadata.annotations[" + RESTARTED_AT + "]"));
  }

  private static boolean createdBefore(Revision rev, Revision previous) {
    return rev.created().isPresent() && previous.created().isPresent()
        && rev.created().get().isBefore(previous.created().get());
  }

  /** Whether {@code status.observedGeneration} (where the object has one) is behind {@code metadata.generation}. */
  private static boolean unobserved(Node workload) {
    com.fasterxml.jackson.databind.JsonNode observed = Json.tree(workload.object()).path("status")
        .path("observedGeneration");
    return observed.canConvertToLong() && observed.asLong() < workload.generation();
  }
}
