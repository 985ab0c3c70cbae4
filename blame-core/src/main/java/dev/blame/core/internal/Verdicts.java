package dev.blame.core.internal;

import dev.blame.api.Activity;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Merging the verdicts of several analyzers, and the engine's invariant that health reflects findings. */
final class Verdicts {

  private Verdicts() {}

  /** Worst health and status, all findings, the message of the worst verdict, the first revision. */
  static Verdict merge(ObjectRef subject, List<Verdict> verdicts, List<Finding> engineFindings) {
    if (verdicts.size() == 1 && engineFindings.isEmpty() && alreadyMerged(subject, verdicts.get(0))) {
      // The common case, one analyzer (a ReplicaSet, a Deployment) and no engine finding: nothing to merge.
      return verdicts.get(0);
    }
    Health health = Health.HEALTHY;
    ReconcileStatus status = ReconcileStatus.CURRENT;
    String message = "";
    Health messageHealth = null;
    Optional<RevisionRef> revision = Optional.empty();
    Set<Finding> findings = new LinkedHashSet<>();
    List<Activity> activities = new ArrayList<>();
    for (Verdict v : verdicts) {
      health = Health.worst(health, v.health());
      status = ReconcileStatus.worst(status, v.status());
      if (!v.message().isEmpty() && (messageHealth == null || v.health().isWorseThan(messageHealth))) {
        message = v.message();
        messageHealth = v.health();
      }
      if (revision.isEmpty()) {
        revision = v.revision();
      }
      findings.addAll(v.findings());
      for (Activity a : v.activities()) {
        if (!activities.contains(a)) {
          activities.add(a);
        }
      }
    }
    findings.addAll(engineFindings);
    if (verdicts.size() > 1) {
      findings.removeIf(f -> echoesAnother(f, findings));
    }
    for (Finding f : findings) {
      if (f.subject().equals(subject)) {
        health = Health.worst(health, f.health());
      }
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.WORST_FIRST);
    if (message.isEmpty() && !sorted.isEmpty() && health != Health.HEALTHY) {
      message = sorted.get(0).message();
    }
    return Verdict.builder()
        .health(health)
        .status(status)
        .message(message)
        .findings(sorted)
        .revision(revision)
        .activities(activities)
        .build();
  }

  /**
   * A finding whose only evidence is Events that another finding about the same subject cites along with more
   * (one analyzer reads a Warning Event as it comes, another tied it to the object it names): the other says it.
   */
  private static boolean echoesAnother(Finding f, Set<Finding> all) {
    if (f.evidence().isEmpty() || f.evidence().stream().anyMatch(e -> e.kind() != Evidence.Kind.EVENT)) {
      return false;
    }
    return all.stream().anyMatch(o -> o != f && o.subject().equals(f.subject())
        && o.evidence().size() > f.evidence().size()
        && f.evidence().stream().allMatch(e -> o.evidence().stream().anyMatch(x -> x.kind() == Evidence.Kind.EVENT
            && x.path().equals(e.path()) && x.source().equals(e.source()))));
  }

  /** Whether merging this verdict alone would give an equal one: findings distinct and sorted, health and message as merging sets them. */
  private static boolean alreadyMerged(ObjectRef subject, Verdict v) {
    List<Finding> findings = v.findings();
    List<Activity> activities = v.activities();
    if (findings.size() > 8 || activities.size() > 8
        || Health.worst(Health.HEALTHY, v.health()) != v.health()
        || ReconcileStatus.worst(ReconcileStatus.CURRENT, v.status()) != v.status()
        || (v.message().isEmpty() && !findings.isEmpty() && v.health() != Health.HEALTHY)) {
      return false;
    }
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.subject().equals(subject) && Health.worst(v.health(), f.health()) != v.health()) {
        return false;
      }
      if (i > 0 && Finding.WORST_FIRST.compare(findings.get(i - 1), f) > 0) {
        return false;
      }
      for (int j = 0; j < i; j++) {
        if (findings.get(j).equals(f)) {
          return false;
        }
      }
    }
    for (int i = 0; i < activities.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (activities.get(j).equals(activities.get(i))) {
          return false;
        }
      }
    }
    return true;
  }
}
