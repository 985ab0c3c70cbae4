package dev.blame.analyzers.custom;

import static dev.blame.analyzers.custom.ReasonVocabulary.ABSENT;
import static dev.blame.analyzers.custom.ReasonVocabulary.FAILURE;
import static dev.blame.analyzers.custom.ReasonVocabulary.PAUSED;
import static dev.blame.analyzers.custom.ReasonVocabulary.REPORTER_LOST;
import static dev.blame.analyzers.custom.ReasonVocabulary.failedReason;
import static dev.blame.analyzers.custom.ReasonVocabulary.inProgress;
import static dev.blame.analyzers.custom.ReasonVocabulary.match;
import static dev.blame.analyzers.custom.ReasonVocabulary.stopped;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
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
 * {@code ControlPlaneReady} reads as a {@code Ready}. A type qualified by {@code Partially} is a state reached
 * only in part; a type that names a step on the way ({@code Scheduled}, {@code Synced}) says nothing of health
 * when True. What a reason or message says is {@link ReasonVocabulary}'s to read. docs/status-vocabulary.md names
 * the operators.
 */
final class ConditionVocabulary {

  /**
   * Last words of types that are good when True and are not past participles: readiness and success. A type
   * with a past participle ({@code Programmed}, {@code ResourcesApplied}, {@code ResolvedRefs}) is good when True
   * by its form: Kubernetes API conventions name conditions by the state reached.
   */
  private static final Set<String> POSITIVE = Set.of("ready", "available", "succeeded", "success", "healthy",
      "bound", "valid", "complete", "active", "running", "uptodate");
  /**
   * The word of success that leads a type rather than ending it: the Bitwarden sm-operator's {@code SuccessfulSync}
   * (True {@code ReconciliationComplete} when a sync completed), the Infisical operator's
   * {@code LastSuccessfulReconcileAt} (True with the time of the last reconcile without error). Read as the
   * {@code Success} that ends others ({@code ReconcileSuccess}); {@code Unsuccessful} is another word.
   */
  private static final String SUCCESSFUL = "successful";
  /** Past participles that name no state to reach: neither good nor bad when True ({@code Drifted}, {@code Ignored}). */
  private static final Set<String> NEUTRAL = Set.of("deleted", "terminated", "ignored", "limited", "deprecated",
      "throttled", "requested", "disabled", "detached", "locked", "skipped", "needed", "required", "changed",
      "modified", "drifted", "paused", "stopped", "suspended", "hibernated", "evicted", "cordoned");
  /**
   * Positive types whose False is a verdict, not a wait: rejected, invalid, unresolvable; and the outcome of a run,
   * {@code Succeeded}, which Knative's condition conventions keep for resources that run to completion (Unknown while
   * the run goes on, False when it ended without success): Tekton's TaskRun, PipelineRun and ResolutionRequest, kpack's
   * Build, Shipwright's BuildRun. A False {@code Succeeded} with no reason (kpack's Build whose pod ran out of disk,
   * held-out round fifty-nine) has ended as much as one with reason {@code Failed}.
   */
  private static final Set<String> JUDGEMENT = Set.of("valid", "validated", "accepted", "admitted", "resolved",
      "healthy", "verified", "succeeded");
  /**
   * An ability negated by {@code un-} or {@code ir-} ({@code Irreconcilable}, {@code Unavailable}, {@code Unschedulable},
   * {@code Unreachable}): the type names a state the object cannot get out of, bad when True, as core's
   * {@code NetworkUnavailable} is. Every Helm-based operator of the Operator SDK writes {@code Irreconcilable}. Not
   * {@code in-}/{@code im-}, which begin as many words that negate nothing ({@code Installable}, {@code Importable},
   * {@code Immutable}); and a mistaken participle ({@code Misconfigured}, {@code Mismatched}). An {@code un-}
   * participle is not read by its form: many undo an action on purpose (bpfman's {@code Unloaded=True}, Vault's unseal,
   * {@code Uninstalled}, {@code Unassigned}); the few that name a fault are words below.
   */
  private static final Pattern NEGATED_ABILITY = Pattern.compile("(un|ir)[a-z]{3,}(able|ible)|mis[a-z]{4,}ed|"
      + "inaccessible|inoperable|incompatible");
  /**
   * Words that make a type bad when True (unless it starts with "No": {@code NoErrors}). {@code Denied}, like
   * {@code Rejected}, is a past participle of a refusal, not a state reached: Kubernetes' CertificateSigningRequest
   * ({@code Denied=True}: "this field remains empty", never signed) and cert-manager's CertificateRequest
   * ({@code Denied=True}: "will never be signed").
   */
  private static final Set<String> NEGATIVE = Set.of("failed", "failure", "failing", "error", "errors",
      "errored", "degraded", "stalled", "halted", "invalid", "terminal", "unhealthy", "conflict", "conflicting",
      "mismatch", "aborted", "rejected", "denied", "blocked", "expired", "exhausted", "exceeded", "crashed", "canceled",
      "cancelled", "outdated", "unsupported", "offline", "malformed", "corrupted", "corrupt", "damaged",
      "disconnected", "unresolved", "unready");
  /**
   * What a {@code No…} type may say is absent and still be good when True ({@code NoErrors}, RabbitMQ's
   * {@code NoWarnings}): a fault. {@code No} followed by anything else names something needed that is missing
   * ({@code NoPodsMatched}, {@code NoMatchingNode}, {@code NoEndpoints}), bad when True, as the boolean absence
   * flags are ({@link StatusSignals}).
   */
  private static final Set<String> FAULTS = Set.of("warning", "warnings", "issues", "problems", "problem",
      "alerts", "conflicts", "violations");
  /** Words that make a type a progress signal, True while the work goes on ({@code InstallPlanPending}). */
  private static final Set<String> PROGRESS = Set.of("reconciling", "progressing", "upgrading", "updating",
      "installing", "deploying", "migrating", "pending", "rolling", "provisioning", "scaling");
  /**
   * Pauses someone asked for. {@code Unmanaged}: Strimzi's topic operator writes {@code Unmanaged=True} in place of
   * {@code Ready} for a KafkaTopic annotated {@code strimzi.io/managed: "false"}, where it writes
   * {@code ReconciliationPaused} for a paused one: the operator keeps its hands off, as asked.
   */
  private static final Set<String> SUSPEND = Set.of("paused", "suspended", "stopped", "hibernated", "cordoned",
      "unmanaged", "shutdown");
  /**
   * The words of a pause someone asked for, which keep that meaning when qualified ({@code ReconciliationPaused}), and
   * of a shutdown so qualified ({@code GracefulShutdown}: Infinispan's cluster shut down by {@code spec.replicas: 0}).
   */
  private static final Set<String> PAUSE_WORDS = Set.of("paused", "suspended", "shutdown");
  /** Qualifiers of a shutdown asked for, as opposed to one that happened ({@code UncleanShutdown}). */
  private static final Set<String> ORDERLY = Set.of("graceful", "clean", "requested", "manual", "planned", "orderly");
  /**
   * Types that say the object stopped working without saying it was asked to ({@code Disabled}): nothing when True,
   * unless the reason says why it had to stop (medik8s' NodeHealthCheck {@code Disabled=True
   * RemediationTemplateNotFound}).
   */
  private static final Set<String> STOPS = Set.of("disabled");
  /** Qualifiers that say a state was reached only in part. */
  static final Set<String> PARTIAL = Set.of("partially", "partial");

  /**
   * Reasons on a True {@code Progressing} that mean the progress is over (the Deployment convention,
   * {@code NewReplicaSetAvailable}): a word of the end state, or a past participle of the work done ({@code Created};
   * {@code Deployed}, the multicluster engine's {@code ComponentsDeployed} "All components deployed", the word Helm
   * and Crossplane's Release use for a release in place), not taken back ({@code Undeployed}, {@code NotDeployed}).
   */
  private static final Pattern PROGRESS_OVER_REASON =
      Pattern.compile("available|complete|succe|done|running|created|(?<!un|not)deployed", Pattern.CASE_INSENSITIVE);

  private ConditionVocabulary() {}

  /**
   * The failure a bad-when-True condition reports while False: its reason is a word of failure ({@code Failed},
   * {@code DecryptionFailure}), or, with no reason, its message opens with one ({@code Error returned by ...}). The
   * status is then the operator's way of writing the condition, not the absence of the fault: the Capsule
   * sops-operator writes its failures as {@code NotReady=False} with reason {@code Failed} or {@code DecryptionFailure},
   * the OCI Service Operator its failed Stream as {@code Failed=False} with the service's error as the message. A reason
   * that takes the word back ({@code NoErrors}) or says something else ({@code AsExpected}) is no failure.
   */
  private static Optional<String> failureKeptFalse(Condition c) {
    if (!c.reason().isBlank()) {
      return ReasonVocabulary.failedReason(c.reason());
    }
    String[] first = c.message().trim().split("[^A-Za-z]+", 2);
    return first.length == 0 ? Optional.empty() : ReasonVocabulary.failedReason(first[0]);
  }

  /** What the condition says about health; empty when it says nothing we understand. */
  static Optional<Meaning> meaning(Condition c) {
    List<String> words = words(c.type());
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String joined = String.join("", words);
    String last = words.get(words.size() - 1);
    boolean noPrefix = words.get(0).equals("no") && words.size() > 1;
    // A pause qualified by what it holds still (ReconciliationPaused: Strimzi, Stackable; RolloutPaused) is the
    // object's pause as much as Paused is. Not a stop so qualified (Hive's ProvisionStopped is a failure).
    // A shutdown is a requested stop only when qualified as one (GracefulShutdown, not UncleanShutdown or
    // UnexpectedShutdown, which the operator reports on, not asks for).
    boolean qualifiedPause = words.size() > 1 && PAUSE_WORDS.contains(last) && !noPrefix
        && !words.get(0).equals("not")
        && (!last.equals("shutdown") || words.size() == 2 && ORDERLY.contains(words.get(0)));
    if (SUSPEND.contains(joined) || STOPS.contains(joined) || qualifiedPause) {
      if (!c.isTrue()) {
        return Optional.empty();
      }
      // A stop the operator made because something is wrong is a failure, not a pause someone asked for.
      Optional<String> failure = match(FAILURE, Tallies.said(c));
      if (failure.isPresent()) {
        return Optional.of(Meaning.of(Health.DEGRADED, "type:stop:" + joined, "reason:failure:" + failure.get()));
      }
      return SUSPEND.contains(joined) || qualifiedPause
          ? Optional.of(Meaning.of(Health.SUSPENDED, "type:suspend:" + (qualifiedPause ? last : joined)))
          : Optional.empty();
    }
    // A type that is one present participle names an action (Synchronizing, Resizing), as Reconciling and
    // Progressing do: False with a failure reason, the action failed (VolSync Synchronizing=False Error). True says
    // nothing here: operators that keep a log of conditions leave an old Initializing=True beside a later Ready=True
    // (Percona XtraDB Cluster). Not a state (Running) or a fault (Missing, Failing).
    Optional<String> progress = words.stream().filter(PROGRESS::contains).findFirst()
        .or(() -> words.size() == 1 && ReasonVocabulary.work(last) && c.isFalse() ? Optional.of(last)
            : Optional.empty());
    if (progress.isPresent()) {
      return progress(c, Rules.Family.TYPE_PROGRESS.of(progress.get()));
    }
    Optional<String> negative = words.stream()
        .filter(w -> NEGATIVE.contains(w) || NEGATED_ABILITY.matcher(w).matches()).findFirst()
        .or(() -> words.contains("not") ? Optional.of("not") : Optional.empty());
    if (!noPrefix && negative.isPresent()) {
      String type = "type:negative:" + negative.get();
      if (c.isTrue()) {
        // A terminal condition says it will not get better: no reason makes it a wait (ACK's ACK.Terminal carries a
        // sentence as its reason, "... you should explicitly adopt the resource by creating ...").
        // An inability that waits for capacity (Unschedulable=True NotEnoughResources) is a wait; a failure type
        // (Failed=True CapacityIsNotFound) is the reporter's verdict that it gave up.
        Optional<String> waiting = inProgress(c.reason()).filter(w -> match(FAILURE, c.reason()).isEmpty())
            .filter(w -> !negative.get().equals("terminal"))
            .or(() -> NEGATED_ABILITY.matcher(negative.get()).matches() ? ReasonVocabulary.shortage(c.reason())
                : Optional.empty());
        if (waiting.isPresent()) {
          return Optional.of(Meaning.of(Health.PROGRESSING, type, waiting.get()));
        }
        return Optional.of(Severities.severe(c) ? Meaning.of(Health.DEGRADED, type)
            : Meaning.of(Health.PROGRESSING, type, "severity:" + c.severity().toLowerCase(Locale.ROOT)));
      }
      if (!c.isFalse()) {
        return Optional.empty();
      }
      Optional<String> failure = failureKeptFalse(c);
      return Optional.of(failure.isPresent() ? Meaning.of(Health.DEGRADED, type, Rules.Family.FAILURE_KEPT_FALSE.of(failure.get()))
          : Meaning.of(Health.HEALTHY, type));
    }
    if (noPrefix) {
      if (words.stream().skip(1).noneMatch(w -> NEGATIVE.contains(w) || FAULTS.contains(w))) {
        // Something needed is missing: bad when True, good when False.
        return c.isTrue() ? Optional.of(Meaning.of(Health.DEGRADED, "type:no-prefix:absence"))
            : c.isFalse() ? Optional.of(Meaning.of(Health.HEALTHY, "type:no-prefix:absence")) : Optional.empty();
      }
      return positive(c, false, "type:no-prefix");
    }
    if (words.stream().anyMatch(PARTIAL::contains) && c.isTrue()) {
      // PartiallyReady, PartiallySynced: a good state reached only in part is not reached.
      Optional<String> failure = match(FAILURE, Tallies.said(c));
      return Optional.of(failure.isPresent()
          ? Meaning.of(Health.DEGRADED, Rules.TYPE_PARTIAL, "reason:failure:" + failure.get())
          : Meaning.of(Health.PROGRESSING, Rules.TYPE_PARTIAL));
    }
    if (words.contains(SUCCESSFUL)) {
      // A success qualifying what succeeded (SuccessfulSync, LastSuccessfulReconcileAt) is a success.
      return positive(c, false, Rules.Family.TYPE_POSITIVE.of(SUCCESSFUL));
    }
    if (POSITIVE.contains(last) || joined.endsWith("uptodate")) {
      String word = POSITIVE.contains(last) ? last : "uptodate";
      return positive(c, JUDGEMENT.contains(last), Rules.Family.TYPE_POSITIVE.of(word));
    }
    if (words.stream().anyMatch(ConditionVocabulary::participle)) {
      if (c.isTrue() && STEPS.contains(last)) {
        return Optional.empty();
      }
      return positive(c, words.stream().anyMatch(JUDGEMENT::contains), Rules.Family.FORM.of("-ed-type"));
    }
    Optional<Meaning> slot = StateSlots.read(c, words);
    if (slot.isPresent()) {
      return slot;
    }
    if (c.isFalse()) {
      // A type we cannot place (Backstage's Runtime) says nothing by its name; False with a reason that says failed or
      // error (ContainerFailed), it reports that failure whatever the type's polarity. Only those two words and only the
      // reason: OpenShift's Upgradeable=False UnsupportedConfigOverridesSet ("cannot be upgraded") is a caveat, not one.
      Optional<String> failure = failedReason(c.reason());
      if (failure.isPresent()) {
        return Optional.of(Meaning.of(Health.DEGRADED, "type:other", "reason:failure:" + failure.get()));
      }
      if (!c.severity().isEmpty()) {
        // A condition that carries a severity is of Cluster API's form, whose types are all good when True and whose
        // severity is set only while False: the severity says what the False is (VM Operator's
        // VirtualMachineTools=False with severity Error), whatever the type's words.
        return Optional.of(Severities.read(c, "type:other"));
      }
    }
    return Optional.empty();
  }

  /**
   * Participles that name a step on the way, not the state to reach: the Pod's own {@code PodScheduled} and
   * {@code Initialized} come before {@code Ready}; {@code Synced} (the spec was applied) before the resource is
   * ready; {@code Started} (a run or a server began) before it completed or became ready. True, they say nothing of health (the object is then at least being worked on); False, they are read
   * as any other condition.
   */
  static final Set<String> STEPS = Set.of("scheduled", "initialized", "synced", "created", "submitted", "started");

  private static Optional<Meaning> progress(Condition c, String type) {
    Optional<String> paused = match(PAUSED, c.reason()).map(w -> "reason:paused")
        .or(() -> PromotionGate.held(c).map(rule -> "reason:" + rule));
    if (paused.isPresent()) {
      return Optional.of(Meaning.of(Health.SUSPENDED, type, paused.get()));
    }
    if (c.isFalse()) {
      // An action stopped with a failure reason failed; stopped because what it works from does not exist, it
      // cannot go on either.
      return match(FAILURE, c.reason()).map(w -> "reason:failure:" + w)
          .or(() -> match(ABSENT, c.reason()).map(w -> "reason:absent"))
          .map(rule -> Meaning.of(Health.DEGRADED, type, rule));
    }
    Optional<String> done = match(PROGRESS_OVER_REASON, c.reason());
    return done.isPresent() ? Optional.empty() : Optional.of(Meaning.of(Health.PROGRESSING, type));
  }

  private static Optional<Meaning> positive(Condition c, boolean judgement, String type) {
    if (c.isTrue()) {
      Optional<String> failed = failedReason(c.reason());
      if (failed.isPresent()) {
        return Optional.of(Meaning.of(Health.DEGRADED, type, "reason:true-but-failed:" + failed.get()));
      }
      // A good state its reason says was reached only in part (Accepted=True PartiallyValid) was not reached by all.
      return Optional.of(ReasonVocabulary.partial(c.reason())
          ? Meaning.of(Health.DEGRADED, type, Rules.REASON_TRUE_BUT_PARTIAL)
          : Meaning.of(Health.HEALTHY, type));
    }
    if (match(PAUSED, c.reason()).isPresent()) {
      return Optional.of(Meaning.of(Health.SUSPENDED, type, "reason:paused"));
    }
    Optional<String> gate = PromotionGate.held(c);
    if (gate.isPresent()) {
      // Not yet rolled out because a person or a hook has still to promote it: a pause at the gate, not work going on.
      return Optional.of(Meaning.of(Health.SUSPENDED, type, "reason:" + gate.get()));
    }
    if (!c.isFalse()) {
      if ("unknown".equalsIgnoreCase(c.status())) {
        Optional<String> silent = match(REPORTER_LOST, c.reason() + " " + c.message());
        if (silent.isPresent()) {
          // Nobody is reporting: the condition is Unknown because its reporter went silent, not because work goes on.
          return Optional.of(Meaning.of(Health.UNKNOWN, type, "reason:reporter-lost:" + silent.get()));
        }
        return Optional.of(Meaning.of(Health.PROGRESSING, type, "status:unknown-is-waiting"));
      }
      return Optional.of(StatusWords.read(c.status()).map(m -> new Meaning(m.health(), List.of(type, m.rules().get(0))))
          .orElse(Meaning.of(Health.UNKNOWN, type, "status:not-understood")));
    }
    if (!c.severity().isEmpty()) {
      return Optional.of(Severities.read(c, type));
    }
    if (Completion.ended(c)) {
      // Not ready any more because its work is done (the Pod's PodCompleted): no wait; the outcome is read elsewhere.
      return Optional.empty();
    }
    if (Supersession.overridden(c)) {
      // In place but superseded by design (Kuadrant's Enforced=False Overridden): no wait; the other conditions say.
      return Optional.empty();
    }
    Optional<String> shortage = ReasonVocabulary.shortage(c.reason());
    if (shortage.isPresent()) {
      // Not there for want of capacity a scheduler or autoscaler will find (Provisioned=False CapacityIsNotFound,
      // "CA will try to find it later"): a wait, though its words say "not found".
      return Optional.of(Meaning.of(Health.PROGRESSING, type, shortage.get()));
    }
    Optional<String> failure = match(FAILURE, Tallies.said(c))
        .map(w -> "reason:failure:" + w).or(() -> ReasonVocabulary.degradedReason(c.reason()))
        .or(() -> ErrorNames.named(words(c.reason())) ? Optional.of(ErrorNames.RULE) : Optional.empty());
    if (failure.isPresent()) {
      return Optional.of(Meaning.of(Health.DEGRADED, type, failure.get()));
    }
    Optional<String> waiting = inProgress(c.reason())
        .or(() -> judgement ? ReasonVocabulary.notYet(c.message()) : Optional.empty());
    if (judgement && waiting.isEmpty()) {
      return Optional.of(Meaning.of(Health.DEGRADED, type, "type:judgement"));
    }
    Optional<String> stopped = waiting.isPresent() ? Optional.empty() : stopped(c);
    if (stopped.isPresent()) {
      return Optional.of(Meaning.of(Health.SUSPENDED, type, stopped.get()));
    }
    return Optional.of(waiting.map(w -> Meaning.of(Health.PROGRESSING, type, w))
        .orElse(Meaning.of(Health.PROGRESSING, type, "status:false-is-waiting")));
  }

  /** True for the summary condition {@code Ready}, which Knative and Cluster API compute from the others. */
  static boolean isSummary(Condition c) {
    return c.type().equals("Ready");
  }

  /**
   * True for the readiness named for the object's own kind ({@code <Kind>Ready}): Seldon Core v2 names its Model's,
   * Pipeline's and Server's readiness {@code ModelReady}, {@code PipelineReady}, {@code ServerReady} (the Model's
   * printed Ready column reads it), Elemental its SeedImage's {@code SeedImageReady} (the image built; its
   * {@code Ready} says only that the child resources were created). It is the object's readiness, not a part's.
   */
  static boolean ownReadiness(Condition c, String kind) {
    return !kind.isEmpty() && c.type().equals(kind + "Ready");
  }

  /** True for a type that is good when True. */
  static boolean isPositive(Condition c) {
    List<String> words = words(c.type());
    return !words.isEmpty() && (POSITIVE.contains(words.get(words.size() - 1)) || c.type().endsWith("UpToDate")
        || words.contains(SUCCESSFUL)
        || words.stream().anyMatch(ConditionVocabulary::participle)) && words.stream().noneMatch(NEGATIVE::contains);
  }

  /**
   * A past participle that names a state reached ({@code Applied}, {@code Programmed}, {@code Resolved}), regular or
   * one of the irregular ones operators name conditions with ({@code Found}: HyperShift's
   * {@code PlatformCredentialsFound}; {@code Built}, {@code Met}). Not {@code set}, which ends kind names
   * ({@code ReplicaSet}, {@code JobSet}).
   */
  private static boolean participle(String word) {
    return word.length() >= 5 && word.endsWith("ed") && !NEUTRAL.contains(word) && !NEGATIVE.contains(word)
        || IRREGULAR_PARTICIPLES.contains(word);
  }

  /** Irregular past participles that name a state reached, read as the {@code -ed} form is. */
  private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("found", "built", "met");

  /** True when the condition was written for an older generation than the object's (metav1.Condition). */
  static boolean stale(Condition c, long generation) {
    return generation > 0 && c.observedGeneration().filter(og -> og >= 0 && og < generation).isPresent();
  }

  /**
   * Where a name's words break: a lower-case letter or digit before a capital ({@code ReconcileError}), an acronym
   * before a capitalised word ({@code SGBackup}, {@code HTTPRoute}, {@code PVCBound}: the last capital begins the
   * word), and anything not a letter or digit.
   */
  static final Pattern WORD_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+");

  /** {@code ACK.ResourceSynced} -> [resource, synced]; {@code HTTPRoute} -> [http, route]. */
  static List<String> words(String type) {
    String name = type.substring(type.lastIndexOf('.') + 1);
    List<String> words = new ArrayList<>();
    for (String w : WORD_BREAK.split(name)) {
      if (w.isEmpty()) {
        continue;
      }
      String word = w.toLowerCase(Locale.ROOT);
      if (word.equals("down") && !words.isEmpty() && words.get(words.size() - 1).equals("shut")) {
        words.set(words.size() - 1, "shutdown"); // ShutDown, Shut_Down: one word
      } else {
        words.add(word);
      }
    }
    return words;
  }
}
