package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words operators write into phase, state, status and health strings, and what each means. A word is
 * compared lower-case with separators removed ({@code HEALTH_ERR} = {@code healtherr}, {@code In Progress} =
 * {@code inprogress}); a word not in the tables means nothing to us. The operators behind each word are named
 * in docs/status-vocabulary.md.
 */
final class StatusWords {

  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]");

  private static final Set<String> HEALTHY = Set.of("running", "ready", "active", "available", "bound",
      "succeeded", "successful", "success", "complete", "completed", "healthy", "green", "established",
      "deployed", "synced", "online", "ok", "healthok", "provisioned", "current", "up", "reconciled", "issued",
      "accepted", "admitted", "installed", "passed", "finished", "done", "valid", "verified", "created", "exists");
  private static final Set<String> PROGRESSING = Set.of("pending", "progressing", "creating",
      "provisioning", "initializing", "initialising", "starting", "updating", "installing", "reconciling",
      "inprogress", "waiting", "deploying", "scaling", "scalingup", "scalingdown", "upgrading", "restarting",
      "new", "scheduled", "scheduling", "submitted", "yellow", "migrating", "building",
      "deleting", "terminating", "queued", "rollingupdate", "rollingout", "resizing", "syncing", "applying",
      "configuring", "bootstrapping", "pendingrerun", "rerun", "init", "preparing", "promoting", "finalising",
      "finalizing", "validating", "verifying", "unavailable");
  private static final Set<String> SUSPENDED = Set.of("paused", "suspended", "stopped", "disabled",
      "hibernated", "hibernating", "scaledtozero");
  private static final Set<String> DEGRADED = Set.of("failed", "failure", "fail", "error", "errored", "degraded",
      "unhealthy", "crashloopbackoff", "invalid", "lost", "down", "aborted", "red", "rejected", "configerror",
      "healtherr", "healthwarn", "canceled", "cancelled", "timeout", "timedout", "backoff", "broken", "critical", "conflict",
      "warning", "blocked", "outofsync", "expired", "denied", "unreachable");
  private static final Set<String> UNKNOWN = Set.of("unknown", "inconclusive", "undetermined");
  private static final Set<String> MISSING = Set.of("notfound", "missing", "deleted", "absent");

  private static final Map<Health, Set<String>> TABLES = Map.of(Health.HEALTHY, HEALTHY, Health.PROGRESSING,
      PROGRESSING, Health.SUSPENDED, SUSPENDED, Health.DEGRADED, DEGRADED, Health.UNKNOWN, UNKNOWN,
      Health.MISSING, MISSING);

  private static final Map<String, Health> SUFFIXES = Map.of("pending", Health.PROGRESSING, "inprogress",
      Health.PROGRESSING, "progressing", Health.PROGRESSING, "failed", Health.DEGRADED, "error", Health.DEGRADED,
      "failure", Health.DEGRADED);

  private StatusWords() {}

  /** What a status word means; empty when it is not one we know (numbers, free text, names). */
  static Optional<Health> meaning(String value) {
    return read(value).map(Meaning::health);
  }

  /** What a status word means, with the rule that says so ({@code word:failed}, {@code suffix:pending}). */
  static Optional<Meaning> read(String value) {
    String word = normal(value);
    if (word.isEmpty() || word.length() > 40) {
      return Optional.empty();
    }
    for (Map.Entry<Health, Set<String>> table : TABLES.entrySet()) {
      if (table.getValue().contains(word)) {
        return Optional.of(Meaning.of(table.getKey(), "word:" + word));
      }
    }
    // Compound words keep their last word's meaning: UpgradePending, InstallFailed, ReconcileError.
    for (Map.Entry<String, Health> suffix : SUFFIXES.entrySet()) {
      if (word.endsWith(suffix.getKey())) {
        return Optional.of(Meaning.of(suffix.getValue(), "suffix:" + suffix.getKey()));
      }
    }
    return Optional.empty();
  }

  static String normal(String value) {
    return SEPARATORS.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /**
   * True for a field whose string value is a status word by convention: {@code phase}, {@code state},
   * {@code status}, {@code health} and names ending in them ({@code currentPhase}, {@code overallStatus},
   * {@code printableStatus}, {@code lastOperationStatus}).
   */
  static boolean isStatusField(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("phase") || k.endsWith("state") || k.endsWith("status") || k.equals("health");
  }
}
