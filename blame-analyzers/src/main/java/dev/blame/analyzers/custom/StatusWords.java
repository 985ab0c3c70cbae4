package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words operators write into phase, state, status and health strings, and what each means. A word is
 * compared lower-case with separators removed ({@code HEALTH_ERR} = {@code healtherr}, {@code In Progress} =
 * {@code inprogress}); a word not in the tables means nothing to us. The operators behind each word are named
 * in docs/status-vocabulary.md.
 */
final class StatusWords {

  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]");

  /**
   * Words of a good state. {@code Normal} is the good one of Kubernetes' two Event types ({@code Normal},
   * {@code Warning}, the latter a {@link #DEGRADED} word here) and of operators that grade health the same way: the TiDB
   * Operator's member phase ({@code pd.phase: Normal}, beside {@code Upgrade} and {@code Scale}) and KubeSlice's slice
   * and component health ({@code sliceHealthStatus: Normal | Warning}, {@code componentHealthStatus: Normal | Warning |
   * Error}). {@code Loaded} is the state of a model or adapter its server has loaded and serves: KServe's and ModelMesh's
   * {@code ModelState} ({@code Pending}, {@code Standby}, {@code Loading}, {@code Loaded}, {@code FailedToLoad}: "at
   * least one copy of the model is loaded") and the vLLM production stack's LoraAdapter ({@code loadedAdapters[].status:
   * Loaded}). Only the whole word: {@code Unloaded} undoes it on purpose and is not read; {@code FailedToLoad} is a
   * failure by its first word, {@code Loading} work by its form.
   */
  private static final Set<String> HEALTHY = Set.of("running", "ready", "active", "available", "bound",
      "succeeded", "successful", "success", "complete", "completed", "healthy", "green", "established",
      "deployed", "synced", "online", "ok", "healthok", "provisioned", "current", "up", "reconciled", "issued",
      "accepted", "admitted", "approved", "installed", "passed", "finished", "done", "processed", "valid", "verified", "created",
      "exists", "operational", "normal", "loaded");
  /**
   * Words of work in progress that are not present participles; a participle ({@code Provisioning},
   * {@code Upgrading}, {@code Setting up}) is read by its form (see {@link #read}). {@code Wait} and {@code Await}
   * lead a phrase that names what is awaited ({@code WaitForServeDeploymentReady}, {@code WaitForFirstConsumer}): the
   * first word decides, so the state named after them is not read as reached.
   */
  private static final Set<String> PROGRESSING = Set.of("progressing", "inprogress", "new", "scheduled",
      "submitted", "yellow", "queued", "rerun", "init", "unavailable", "wait", "await");
  /**
   * Words of standing still. A machine or service powered off is one the user switched off and can switch on again
   * (the Aiven operator's {@code state: POWEROFF} after {@code spec.powered: false}; VMware's VM Operator's
   * {@code powerState: PoweredOff} after {@code spec.powerState: PoweredOff}).
   */
  private static final Set<String> SUSPENDED = Set.of("paused", "suspended", "stopped", "disabled",
      "hibernated", "hibernating", "sleeping", "asleep", "scaledtozero", "cordoned", "poweroff", "poweredoff");
  private static final Set<String> DEGRADED = Set.of("failed", "failure", "fail", "error", "errored", "degraded",
      "unhealthy", "crashloopbackoff", "invalid", "lost", "down", "aborted", "red", "rejected",
      "healtherr", "healthwarn", "canceled", "cancelled", "timeout", "timedout", "backoff", "broken", "critical", "conflict",
      "warning", "blocked", "outofsync", "expired", "denied", "unreachable", "failing", "erroring", "crashing",
      "faulted", "faulty", "unschedulable", "unrecoverable", "offline", "disconnected", "notinquorum", "outofquorum",
      "quorumlost", "lostquorum", "noquorum", "noncompliant", "stalled", "nothealthy", "notok");
  private static final Set<String> UNKNOWN = Set.of("unknown", "inconclusive", "undetermined");
  private static final Set<String> MISSING = Set.of("notfound", "missing", "deleted", "absent");

  private static final Map<Health, Set<String>> TABLES = Map.of(Health.HEALTHY, HEALTHY, Health.PROGRESSING,
      PROGRESSING, Health.SUSPENDED, SUSPENDED, Health.DEGRADED, DEGRADED, Health.UNKNOWN, UNKNOWN,
      Health.MISSING, MISSING);

  private static final Map<String, Health> SUFFIXES = Map.of("pending", Health.PROGRESSING, "inprogress",
      Health.PROGRESSING, "progressing", Health.PROGRESSING, "failed", Health.DEGRADED, "error", Health.DEGRADED,
      "failure", Health.DEGRADED, "nothealthy", Health.DEGRADED);

  private StatusWords() {}

  /** What a status word means; empty when it is not one we know (numbers, free text, names). */
  static Optional<Health> meaning(String value) {
    return read(value).map(Meaning::health);
  }

  /**
   * What a status word means, with the rule that says so ({@code word:failed}, {@code suffix:pending},
   * {@code form:-ing}). In order: the whole value in the tables; a compound ending in a word that keeps its
   * meaning ({@code UpgradePending}); then the value's words ({@code ScalingUp}, {@code HEALTH_OK},
   * {@code Cluster in healthy state}): a present participle ({@code Provisioning}, {@code Setting up}) is work in
   * progress, and in a short phrase the first word that means something decides, unless a later word says
   * failed (a failure anywhere is what the phrase says, as the worst signal wins across fields; not a word
   * like {@code down} that also names a direction: {@code ScalingDown}); a good word qualified by {@code Partial} or
   * {@code Partially} ({@code PartialReady}, {@code PartialSuccess}) is DEGRADED. A phrase with a negation
   * ({@code Not Ready}, {@code Unable to create}) means nothing to us: we do not guess what it negates. One negation
   * is a word of its own: {@code NotHealthy} says what {@code Unhealthy} says (Spotahome's RedisFailover
   * {@code state}, Milvus' {@code MilvusComponentNotHealthy}, Apicurio's {@code ApplicationNotHealthy}, Cluster API's
   * etcd reason), where {@code NotReady} may only be not ready yet. So is {@code Not OK}: {@code OK} is a verdict, not
   * a state reached in time, and its negation is the verdict that failed (KubeArmor's policy status {@code Not OK} on
   * a policy its checks refused; the Test Anything Protocol's {@code not ok} for a failed test).
   */
  static Optional<Meaning> read(String value) {
    if (FAILED_TO_THEN_CAUSE.matcher(value).matches()) {
      return Optional.of(Meaning.of(Health.DEGRADED, Rules.Family.FORM.of("failed-to-then-cause")));
    }
    String word = normal(value);
    if (word.isEmpty() || word.length() > 60) {
      return Optional.empty();
    }
    Optional<String> gate = PromotionGate.held(value);
    if (gate.isPresent()) {
      // WaitingPromotion: a wait word, but what is awaited is a person's or a hook's go-ahead.
      return Optional.of(Meaning.of(Health.SUSPENDED, Rules.Family.FORM.of(gate.get())));
    }
    Optional<Meaning> whole = table(word);
    if (whole.isPresent()) {
      return whole;
    }
    // Compound words keep their last word's meaning: UpgradePending, InstallFailed, ReconcileError.
    for (Map.Entry<String, Health> suffix : SUFFIXES.entrySet()) {
      if (word.endsWith(suffix.getKey())) {
        return Optional.of(Meaning.of(suffix.getValue(), Rules.Family.SUFFIX.of(suffix.getKey())));
      }
    }
    List<String> words = new ArrayList<>();
    for (String w : WORD_BREAK.split(value)) {
      if (!w.isEmpty()) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    if (words.size() > MAX_PHRASE || words.stream().anyMatch(NEGATIONS::contains)) {
      return failureFirst(value, words).or(() -> leadingWord(value, words));
    }
    Optional<Meaning> first = Optional.empty();
    for (String w : words) {
      Optional<Meaning> meaning = table(w).or(() -> participle(w));
      if (ConditionVocabulary.STEPS.contains(w) && !w.equals(words.get(0))
          && words.stream().noneMatch(x -> x.startsWith("success"))
          && meaning.filter(m -> m.health() == Health.HEALTHY).isPresent()) {
        // A step done to some parts (ResourcesCreated, PodsScheduled) is a step on the way, not the state to reach;
        // alone, first (Created successfully) or said to have succeeded (Successfully created), the word is the
        // object's own state (Rook's state: Created).
        meaning = Optional.of(Meaning.of(Health.PROGRESSING, Rules.Family.FORM.of("step-phrase")));
      }
      if (meaning.isPresent() && meaning.get().health() == Health.DEGRADED
          && ReasonVocabulary.FAILURE.matcher(w).find()) {
        // A failure anywhere in the phrase is what the phrase says (ProvisioningFailedPermanently).
        first = meaning;
        break;
      }
      if (first.isEmpty()) {
        first = meaning;
      }
    }
    if (first.filter(m -> m.health() == Health.HEALTHY).isPresent()
        && words.stream().anyMatch(ConditionVocabulary.PARTIAL::contains)) {
      // A good state reached by only some parts (Fluid's PartialReady, Stork's PartialSuccess) says the others are
      // down or failed, as Velero's PartiallyFailed does outright.
      return Optional.of(Meaning.of(Health.DEGRADED, Rules.FORM_PARTIAL));
    }
    return first.map(m -> words.size() == 1 ? m : m.and(Rules.Family.FORM.of("phrase")));
  }

  private static final int MAX_PHRASE = 8;
  /**
   * A failure stated first, then the error that caused it after a colon or semicolon, however long: {@code Failed to
   * validate AstraConnector; clusterName: Invalid value: ...} (the Astra Connector operator), {@code failed to create
   * check: ...} (heimdallr's HTTPCheck {@code state}): Go's way of wrapping an error with what was being done
   * ({@code fmt.Errorf("failed to X: %w", err)}), copied into the status. The words before the separator name the
   * failed step; what follows says why, so its length and negations do not make it a message we cannot read. Without
   * the separator the value is read as a phrase, as before.
   */
  private static final Pattern FAILED_TO_THEN_CAUSE = Pattern.compile(
      "\\s*failed to [a-z]+(?: [^\\s:;]+){0,4}\\s*[:;]\\s+\\S.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** A single word, a comma, colon or dash, then free text: {@code ERROR, can't find the secret}. */
  private static final Pattern LEADING_WORD = Pattern.compile("\\s*([A-Za-z]+)\\s*[,:;]\\s+\\S.*", Pattern.DOTALL);
  private static final Pattern WORD_BREAK = ConditionVocabulary.WORD_BREAK;
  private static final Set<String> NEGATIONS = Set.of("not", "no", "non", "unable", "cannot", "without", "never");

  /**
   * A status word, then its explanation, too long or too negative to read as a phrase: {@code ERROR, Secrets
   * Manager can't find the specified secret}. The word decides, except a healthy word whose explanation negates or
   * names a failure ({@code Ready: not all replicas}): that says nothing we can trust.
   */
  private static Optional<Meaning> leadingWord(String value, List<String> words) {
    Matcher lead = LEADING_WORD.matcher(value);
    if (!lead.matches()) {
      return Optional.empty();
    }
    Optional<Meaning> first = table(normal(lead.group(1)));
    if (first.isEmpty() || first.get().health() == Health.HEALTHY && (words.stream().anyMatch(NEGATIONS::contains)
        || ReasonVocabulary.FAILURE.matcher(value).find())) {
      return Optional.empty();
    }
    return Optional.of(first.get().and(Rules.Family.FORM.of("word-then-explanation")));
  }

  /**
   * One CamelCase word that starts with a failure ({@code FailedNotVisible}: GKE's managed certificates' domains;
   * {@code FailedNonRetriable}: Sveltos' feature summaries): the failure is the state and what follows says why, so a
   * negation there qualifies the cause, not the failure. A phrase of words apart ({@code Failed to not ...}) is not one.
   */
  private static Optional<Meaning> failureFirst(String value, List<String> words) {
    if (words.size() < 2 || !ONE_WORD.matcher(value.trim()).matches()) {
      return Optional.empty();
    }
    String first = words.get(0);
    return table(first).filter(m -> m.health() == Health.DEGRADED && ReasonVocabulary.FAILURE.matcher(first).find())
        .map(m -> m.and(Rules.Family.FORM.of("failure-first")));
  }

  private static final Pattern ONE_WORD = Pattern.compile("[A-Za-z0-9]+");

  private static Optional<Meaning> table(String word) {
    for (Map.Entry<Health, Set<String>> table : TABLES.entrySet()) {
      if (table.getValue().contains(word)) {
        return Optional.of(Meaning.of(table.getKey(), Rules.Family.WORD.of(word)));
      }
    }
    return Optional.empty();
  }

  /** A present participle names work that goes on: Creating, Provisioning, Upgrading, Restarting, Pending. */
  private static Optional<Meaning> participle(String word) {
    return word.length() >= 6 && word.endsWith("ing")
        ? Optional.of(Meaning.of(Health.PROGRESSING, Rules.Family.FORM.of("-ing"))) : Optional.empty();
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
    return k.endsWith("phase") || k.endsWith("state") || k.endsWith("status") || k.equals("health") || k.equals("stage");
  }
}
