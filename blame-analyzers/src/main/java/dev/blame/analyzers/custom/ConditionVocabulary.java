package dev.blame.analyzers.custom;

import dev.blame.analyzers.support.Condition;
import dev.blame.api.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a status condition of an unknown kind says, read by the conventions operators share rather than by
 * kind: the polarity of its type (good when True, like {@code Ready}; bad when True, like {@code Failed}), its
 * {@code severity} (Cluster API), its {@code reason} (a False {@code Ready} whose reason says "in progress"
 * waits, one whose reason says "failed" has failed) and its {@code observedGeneration}. Types are split into
 * CamelCase words, after any dotted prefix ({@code ACK.Terminal} = {@code Terminal}), so that
 * {@code ControlPlaneReady} reads as a {@code Ready}. docs/status-vocabulary.md names the operators.
 */
final class ConditionVocabulary {

  /** Last words of types that are good when True: readiness and success. */
  private static final Set<String> POSITIVE = Set.of("ready", "available", "synced", "succeeded", "success",
      "healthy", "applied", "accepted", "established", "reconciled", "installed", "admitted", "bound",
      "programmed", "valid", "validated", "complete", "completed", "deployed", "configured", "initialized",
      "generated", "promoted", "active", "running", "refs", "created", "provisioned", "issued", "connected",
      "verified", "passed", "uptodate");
  /** Positive types whose False is a verdict, not a wait: rejected, invalid, unresolvable. */
  private static final Set<String> JUDGEMENT = Set.of("valid", "validated", "accepted", "admitted", "refs",
      "healthy", "verified");
  /** Words that make a type bad when True (unless it starts with "No": {@code NoErrors}). */
  private static final Set<String> NEGATIVE = Set.of("failed", "failure", "failing", "error", "errors",
      "errored", "degraded", "stalled", "invalid", "terminal", "unhealthy", "conflict", "conflicting",
      "mismatch", "aborted", "rejected", "blocked");
  /** Words that make a type a progress signal, True while the work goes on ({@code InstallPlanPending}). */
  private static final Set<String> PROGRESS = Set.of("reconciling", "progressing", "upgrading", "updating",
      "installing", "deploying", "migrating", "pending", "rolling", "provisioning", "scaling");
  private static final Set<String> SUSPEND = Set.of("paused", "suspended", "stopped", "hibernated");

  static final Pattern PAUSED = Pattern.compile("paus|suspend", Pattern.CASE_INSENSITIVE);
  /** Reasons of a False or Unknown readiness that mean "still working on it". */
  static final Pattern IN_PROGRESS = Pattern.compile("progress|reconcil|pending|creat|waiting|initiali|"
      + "provision|deploy|updat|upgrad|starting|scaling|install|rolling|migrat|applying|cloning|bootstrap|"
      + "notyet|not yet|notallpods|scheduled|restor|init$|^init", Pattern.CASE_INSENSITIVE);
  /** Reasons and messages that mean "will not get better by waiting". */
  static final Pattern FAILURE = Pattern.compile("fail|error|invalid|notfound|not found|denied|forbidden|"
      + "unauthori|backoff|exceeded|conflict|reject|crash|refused|timeout|timed out|terminal|abort",
      Pattern.CASE_INSENSITIVE);
  /** Reasons on a True {@code Progressing} that mean the progress is over (Deployment convention). */
  private static final Pattern DONE =
      Pattern.compile("available|complete|succe|done|running|created", Pattern.CASE_INSENSITIVE);

  private ConditionVocabulary() {}

  /** What the condition says about health; empty when it says nothing we understand. */
  static Optional<Health> meaning(Condition c) {
    List<String> words = words(c.type());
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String joined = String.join("", words);
    String last = words.get(words.size() - 1);
    boolean noPrefix = words.get(0).equals("no") && words.size() > 1;
    if (SUSPEND.contains(joined)) {
      return c.isTrue() ? Optional.of(Health.SUSPENDED) : Optional.empty();
    }
    if (words.stream().anyMatch(PROGRESS::contains)) {
      return progress(c);
    }
    if (!noPrefix && (words.stream().anyMatch(NEGATIVE::contains) || words.get(0).equals("not"))) {
      if (c.isTrue()) {
        boolean waiting = IN_PROGRESS.matcher(c.reason()).find() && !FAILURE.matcher(c.reason()).find();
        return Optional.of(severe(c) && !waiting ? Health.DEGRADED : Health.PROGRESSING);
      }
      return c.isFalse() ? Optional.of(Health.HEALTHY) : Optional.empty();
    }
    if (noPrefix || POSITIVE.contains(last) || joined.endsWith("uptodate")) {
      return positive(c, JUDGEMENT.contains(last));
    }
    return Optional.empty();
  }

  private static Optional<Health> progress(Condition c) {
    if (PAUSED.matcher(c.reason()).find()) {
      return Optional.of(Health.SUSPENDED);
    }
    if (c.isFalse()) {
      return FAILURE.matcher(c.reason()).find() ? Optional.of(Health.DEGRADED) : Optional.empty();
    }
    return DONE.matcher(c.reason()).find() ? Optional.empty() : Optional.of(Health.PROGRESSING);
  }

  private static Optional<Health> positive(Condition c, boolean judgement) {
    if (c.isTrue()) {
      return Optional.of(Pattern.compile("fail|error", Pattern.CASE_INSENSITIVE).matcher(c.reason()).find()
          ? Health.DEGRADED : Health.HEALTHY);
    }
    String text = c.reason() + " " + c.message();
    if (PAUSED.matcher(c.reason()).find()) {
      return Optional.of(Health.SUSPENDED);
    }
    if (!c.isFalse()) {
      return Optional.of("unknown".equalsIgnoreCase(c.status()) ? Health.PROGRESSING
          : StatusWords.meaning(c.status()).orElse(Health.UNKNOWN));
    }
    if (!c.severity().isEmpty()) {
      return Optional.of(severe(c) ? Health.DEGRADED : Health.PROGRESSING);
    }
    if (FAILURE.matcher(text).find()) {
      return Optional.of(Health.DEGRADED);
    }
    return Optional.of(judgement && !IN_PROGRESS.matcher(c.reason()).find() ? Health.DEGRADED : Health.PROGRESSING);
  }

  /** True for the summary condition {@code Ready}, which Knative and Cluster API compute from the others. */
  static boolean isSummary(Condition c) {
    return c.type().equals("Ready");
  }

  /** True for a type that is good when True. */
  static boolean isPositive(Condition c) {
    List<String> words = words(c.type());
    return !words.isEmpty() && (POSITIVE.contains(words.get(words.size() - 1)) || c.type().endsWith("UpToDate"));
  }

  /** True when the condition was written for an older generation than the object's (metav1.Condition). */
  static boolean stale(Condition c, long generation) {
    return generation > 0 && c.observedGeneration().filter(og -> og >= 0 && og < generation).isPresent();
  }

  /** Cluster API: {@code Error} needs attention; {@code Warning} and {@code Info} do not fail the object. */
  private static boolean severe(Condition c) {
    return c.severity().isEmpty() || "Error".equalsIgnoreCase(c.severity());
  }

  /** {@code ACK.ResourceSynced} -> [resource, synced]; {@code HTTPRoute} -> [httproute]. */
  static List<String> words(String type) {
    String name = type.substring(type.lastIndexOf('.') + 1);
    List<String> words = new ArrayList<>();
    for (String w : name.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")) {
      if (!w.isEmpty()) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
