package dev.blame.analyzers.custom;

import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every health signal an operator may have left in an object, wherever the conventions put it:
 * condition lists ({@code status.conditions} and {@code conditions} of nested objects and list entries, such
 * as Gateway API's {@code status.parents[].conditions}), status words in fields named like {@code phase},
 * {@code state}, {@code status}, {@code health} (also nested: {@code status.health.status},
 * {@code status.applicationState.state}), booleans ({@code ready}, {@code healthy}, {@code failed},
 * {@code abort}), counters of failed and pending parts, a one-word status value in a field of any other name
 * (Longhorn {@code robustness: degraded}) and suspension flags ({@code spec.paused}, {@code spec.suspend}).
 * Pure: no I/O.
 */
final class StatusSignals {

  /**
   * One thing the object says about its health, with the field that says it and the rules of the vocabulary
   * that read it ({@link Meaning#rules()}).
   */
  record Signal(Health health, String field, String value, Optional<Condition> condition, List<String> rules) {

    Signal {
      rules = List.copyOf(rules);
    }

    Signal(Meaning meaning, String field, String value, Optional<Condition> condition) {
      this(meaning.health(), field, value, condition, meaning.rules());
    }

    Evidence evidence() {
      return condition.map(Condition::evidence).orElseGet(() -> Evidence.field(field, value));
    }

    String describe() {
      if (rules.contains("condition:stale") || rules.contains("condition:stale-controller")) {
        Condition c = condition.orElseThrow();
        return c.path() + " (" + c.type() + " is " + c.status() + ") was written for generation "
            + c.observedGeneration().orElse(0L) + (rules.contains("condition:stale-controller") ? " by " + value : "")
            + ": not yet reported for the object's current generation";
      }
      return condition.map(c -> c.type() + " is " + c.status() + (c.describe().isEmpty() ? "" : ": " + c.describe()))
          .orElse(field + " is " + value);
    }
  }

  /** How deep below {@code status} nested objects are read. */
  private static final int DEPTH = 3;
  private static final int MAX_ENTRIES = 64;
  /** Containers that record the past, not the present ({@code phaseTransitionTimestamps}, {@code history}). */
  private static final java.util.regex.Pattern HISTORY =
      java.util.regex.Pattern.compile("history|transition|previous", java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final Set<String> GOOD_WHEN_TRUE = Set.of("ready", "healthy", "available", "succeeded", "readytouse");
  private static final Set<String> BAD_WHEN_TRUE = Set.of("failed", "error", "abort", "aborted");
  /**
   * Status booleans that say the object is held still on purpose, named by the suspension words ({@link StatusWords}):
   * pause and suspend flags, and hibernation (Gardener's {@code Shoot} {@code status.hibernated}; Hive's
   * {@code Hibernating} condition and CloudNativePG's hibernation say the same in other places).
   */
  private static final Set<String> PAUSE_FLAGS = Set.of("paused", "suspend", "suspended", "controllerpause",
      "hibernated", "hibernating");
  /**
   * Fields that hold the failure an operator could not get past, empty while there is none: Cluster API's
   * {@code failureReason}/{@code failureMessage} ("a terminal problem"), Metal3's {@code errorMessage}/
   * {@code errorType}, the Spark operator's {@code errorMessage}, OpenShift Machine API's
   * {@code errorReason}/{@code errorMessage}, keikoproj iam-manager's {@code errorDescription}: {@code error} or
   * {@code failure} followed by the word for an explanation. A history ({@code lastError}) or a count
   * ({@code errors: 5}) is not one.
   */
  private static final java.util.regex.Pattern FAILURE_FIELD = java.util.regex.Pattern.compile(
      "(error|failure)(message|reason|type|description|details?)", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Counters of parts by state, as Job, Volcano, Kubeflow ({@code replicaStatuses.<type>.failed}) and Argo
   * Rollouts' analysis keep them: a failed part fails the whole unless it finished successfully anyway (a
   * retried pod) or parts of the same set still run beside it ({@code active}/{@code running} > 0: the
   * controller is retrying within its limit, as the Job controller does under {@code backoffLimit}); a pending
   * part qualifies a healthy phase ({@code phase: Running} with a pod not started is not running yet) and says
   * nothing alone (a Volcano Queue counts the PodGroups waiting in it: a backlog, not a run).
   */
  private static final Map<String, Health> COUNTERS = Map.of("failed", Health.DEGRADED, "pending", Health.PROGRESSING);
  /**
   * Fields that hold the outcome of a run once it ended ({@code verdict}, {@code result}, {@code outcome},
   * {@code conclusion}). An outcome is not a state the object is in: a word of stopping there ({@code Stopped},
   * {@code Suspended}) says the run ended without a result, a failure of the run, where in a phase it would say the
   * object is paused. LitmusChaos' ChaosResult ({@code experimentStatus.verdict: Stopped} under
   * {@code phase: Completed}: the experiment was aborted) is where it was seen.
   */
  private static final java.util.regex.Pattern OUTCOME_FIELD = java.util.regex.Pattern.compile(
      "verdict|result|outcome|conclusion", java.util.regex.Pattern.CASE_INSENSITIVE);
  /**
   * Counters of parts out of service ({@code drivesOffline}, {@code nodesDown}, {@code offline}): a part that is
   * offline is lost redundancy, not work in progress, whatever the overall word says (MinIO's
   * {@code healthStatus: yellow} with {@code drivesOffline: 4}). A plural noun before the word, so that a period
   * ({@code cooldown}) or a direction ({@code scaleDown}) is none.
   */
  private static final java.util.regex.Pattern OUT_OF_SERVICE = java.util.regex.Pattern.compile(
      "offline|down|[a-z]+s(Offline|Down)");
  /**
   * Counts of failures of the operator's own work ({@code failures}, {@code entryFailures},
   * {@code podEntryRenderFailures}, KEDA's {@code numberOfFailures}): any is a failure, as a failed part is; not a
   * limit on them ({@code maxFailures}, {@code allowedFailures}, {@code toleratedFailures}).
   */
  private static final java.util.regex.Pattern FAILURE_COUNT = java.util.regex.Pattern.compile(
      "failures|(?!max|allowed|tolerated)[a-z][A-Za-z]*Failures");
  /** Counters of parts still running beside a failed one: the controller is retrying. */
  private static final List<String> RUNNING_COUNTERS = List.of("active", "running");
  /** Words that end a run successfully; a failure counted before them was retried. */
  private static final Set<String> DONE_WORDS = Set.of("word:succeeded", "word:successful", "word:success",
      "word:completed", "word:complete", "word:finished", "word:done", "type:positive:succeeded",
      "type:positive:complete", "type:positive:success");
  /** Last words of condition types that say a run ended well ({@code Completed}, {@code JobSucceeded}). */
  private static final Set<String> DONE_TYPES = Set.of("completed", "complete", "succeeded", "success", "successful",
      "finished", "done");

  private static String last(List<String> words) {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  /** One word: a value of another field is a status word only when it is nothing else. */
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z_-]{1,39}");
  /** Fields whose words are not the object's state: names, kinds, explanations, configuration. */
  private static final java.util.regex.Pattern NOT_STATUS = java.util.regex.Pattern.compile(
      "reason|message|type$|kind$|name$|version|image|mode$|role$|policy|^id$|uid$|ref$|description|action|"
      + "strategy|level$|severity|class$|method|protocol|format|path$|url$|key$|namespace$",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  private StatusSignals() {}

  /** Booleans of the spec by which the user asks the object to stand still: the suspension words as flags. */
  private static final List<String> SPEC_PAUSE_FLAGS = List.of("pause", "paused", "suspend", "suspended", "disabled",
      "halted", "hibernated", "hibernate", "stop", "stopped");

  /**
   * The user's pause flags: while one is set the operator stops reconciling, or the object stops serving, so they
   * outrank the status. {@code spec.paused} (Cluster API, Argo Rollouts, Flagger), {@code spec.suspend} (CronJob,
   * Flux), {@code spec.disabled} (Cilium's and Calico's IP pools: no address is handed out from a disabled pool),
   * {@code spec.halted} (KubeDB's databases: the operator stops the database and keeps its data).
   */
  static List<Signal> pauseFlags(Unstructured object) {
    List<Signal> signals = new ArrayList<>();
    for (String flag : SPEC_PAUSE_FLAGS) {
      if (object.bool("spec", flag)) {
        signals.add(new Signal(Health.SUSPENDED, "spec." + flag, "true", Optional.empty(), List.of("spec:" + flag)));
      }
    }
    for (Map.Entry<String, String> annotation : object.stringMap("metadata", "annotations").entrySet()) {
      String value = annotation.getValue() == null ? "" : annotation.getValue().trim();
      String name = annotation.getKey().substring(annotation.getKey().lastIndexOf('/') + 1);
      boolean presence = value.isEmpty() && name.matches("[A-Za-z]+"); // cluster.x-k8s.io/paused: ""
      if (isPauseAnnotation(annotation.getKey()) && (presence || value.equalsIgnoreCase("true"))) {
        signals.add(new Signal(Health.SUSPENDED, "metadata.annotations[" + annotation.getKey() + "]", value,
            Optional.empty(), List.of("annotation:pause")));
      }
    }
    return signals;
  }

  /** Words of a pause asked for, as an annotation's name says them. */
  private static final Set<String> PAUSE_ANNOTATION_WORDS = Set.of("pause", "paused", "suspend", "suspended", "stop",
      "stopped");

  /**
   * An annotation by which the user asks the operator to keep its hands off the object: its name (after the
   * prefix) is a pause word, alone or joined to what it pauses ({@code cluster.x-k8s.io/paused},
   * {@code crossplane.io/paused}, Strimzi's {@code strimzi.io/pause-reconciliation}, StackGres'
   * {@code stackgres.io/reconciliation-pause}, MOCO's {@code moco.cybozu.com/clustering-stopped}): a pause or stop
   * word, alone or with one word for what it holds still. Valued {@code "true"}, or empty where presence is the switch
   * (Cluster API); {@code "false"} or any other value is no pause. A name that records a pause ({@code paused-at},
   * {@code last-paused-by}) does not ask for one.
   */
  static boolean isPauseAnnotation(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    String[] words = name.split("[-_.]");
    long pauses = java.util.Arrays.stream(words).filter(PAUSE_ANNOTATION_WORDS::contains).count();
    return pauses == 1 && (words.length == 1 || words.length == 2 && java.util.Arrays.stream(words)
        .noneMatch(RECORD_WORDS::contains));
  }

  /** Words that make a pause annotation's name a record of one ({@code paused-at}, {@code paused-by}), not a switch. */
  private static final Set<String> RECORD_WORDS = Set.of("at", "by", "since", "until", "time", "reason", "last",
      "count", "message", "for");

  static List<Signal> read(Unstructured object, long generation) {
    List<Signal> signals = new ArrayList<>();
    Staleness stale = new Staleness();
    if (object.get("spec", "parentRefs").filter(List.class::isInstance).isPresent()) {
      String namespace = object.string("metadata", "namespace");
      stale.named = new java.util.HashSet<>();
      object.list("spec", "parentRefs").forEach(ref -> stale.named.add(Staleness.key(ref, namespace)));
      stale.namespace = namespace;
    }
    stale.run = isRun(object.string("kind"));
    walk(object.child("status"), "status", 0, generation, signals, stale);
    // A condition written for an older generation is history when fresh ones exist; alone, it means the
    // controller has not caught up (Gateway API parents[] keep both). A controller named beside its conditions
    // that wrote none for this generation has not caught up either, whatever other controllers wrote.
    if (signals.stream().noneMatch(s -> s.condition().isPresent()) && !stale.conditions.isEmpty()) {
      Condition c = stale.conditions.get(0);
      signals.add(new Signal(Health.PROGRESSING, c.path(), c.status(), Optional.of(c), List.of("condition:stale")));
    } else {
      stale.lagging.forEach((controller, c) -> {
        if (!stale.current.contains(controller)) {
          signals.add(new Signal(Health.PROGRESSING, c.path(), controller, Optional.of(c),
              List.of("condition:stale-controller")));
        }
      });
    }
    newerAction(object.conditions()).ifPresent(signals::add);
    olderProgress(signals);
    ReplicaCounts.read(object).ifPresent(signals::add);
    if (signals.stream().anyMatch(sg -> sg.health() == Health.HEALTHY && sg.rules().stream().anyMatch(DONE_WORDS::contains))) {
      signals.removeIf(sg -> sg.rules().stream().anyMatch(r -> r.startsWith("counter:") || r.equals("progress:incomplete")));
    }
    if (signals.stream().noneMatch(StatusSignals::healthyWord)) {
      signals.removeIf(sg -> sg.rules().contains("counter:pending") || sg.rules().contains("progress:incomplete"));
    }
    // A status field named for one execution (buildStatus, backupStatus, lastRunState) reports a run, whatever the kind:
    // Running there is the way to its outcome, as in a run's own phase.
    signals.replaceAll(sg -> sg.health() == Health.HEALTHY && sg.condition().isEmpty() && runField(sg.field())
        && sg.rules().stream().anyMatch(RUNNING_WORDS::contains)
        ? new Signal(Health.PROGRESSING, sg.field(), sg.value(), sg.condition(), plus(sg.rules(), "field:run"))
        : sg);
    if (signals.stream().anyMatch(sg -> sg.health() == Health.HEALTHY && sg.condition().filter(c -> c.isTrue()
        && DONE_TYPES.contains(last(ConditionVocabulary.words(c.type())))).isPresent())) {
      // A run that completed is not running any more, whatever the kind: a False Running beside a True Completed or
      // Succeeded is the end of the run (StackGres' SGDbOps: Completed=True, Running=False), not a wait for one.
      signals.removeIf(sg -> sg.health() == Health.PROGRESSING && sg.rules().contains("type:positive:running")
          && sg.condition().filter(Condition::isFalse).isPresent());
    }
    if (isRun(object.string("kind"))) {
      // A run that is not running has not started or has ended: a False Running says which only with the outcome
      // beside it (k6's TestRun keeps TestRunRunning=False under stage: finished), so alone it is no wait; failed, it
      // still fails.
      signals.removeIf(sg -> sg.health() == Health.PROGRESSING && sg.rules().contains("type:positive:running")
          && sg.condition().filter(Condition::isFalse).isPresent());
      signals.replaceAll(sg -> sg.health() == Health.HEALTHY && sg.rules().stream().anyMatch(RUNNING_WORDS::contains)
          ? new Signal(Health.PROGRESSING, sg.field(), sg.value(), sg.condition(), plus(sg.rules(), "kind:run"))
          : sg);
    }
    return signals;
  }

  /**
   * A True action condition ({@code Executing}, {@code Scaling}, {@code Migrating}: one present participle) that
   * turned True after every True readiness condition beside it: work that began since the object was last ready, so
   * it is under way (Forklift's Plan: {@code Executing=True} an hour after {@code Ready=True}, the plan's validity).
   * One that turned True before it, or at the same time, is the log of an earlier step that operators leave behind
   * (Percona's {@code Initializing=True} beside a later {@code Ready=True}); without times nothing is said.
   */
  private static Optional<Signal> newerAction(List<Condition> conditions) {
    Optional<java.time.Instant> readySince = conditions.stream().filter(c -> c.isTrue()
        && GOOD_WHEN_TRUE.contains(last(ConditionVocabulary.words(c.type())))).map(Condition::since)
        .flatMap(Optional::stream).max(java.util.Comparator.naturalOrder());
    if (readySince.isEmpty()) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> c.isTrue() && ConditionVocabulary.words(c.type()).size() == 1
        && ConditionVocabulary.ongoing(ConditionVocabulary.words(c.type()).get(0))
        && c.since().filter(t -> t.isAfter(readySince.get())).isPresent()).findFirst()
        .map(c -> new Signal(Health.PROGRESSING, c.path(), c.status(), Optional.of(c), List.of("type:action:newer")));
  }

  /**
   * A True progress condition ({@code Provisioning}, {@code Updating}) that turned True before a True good condition of
   * the same list ({@code Active}, {@code Ready}) turned True is the log of a step already done: operators that keep one
   * condition per lifecycle state leave the earlier ones True (the OCI Service Operator's {@code Provisioning} then
   * {@code Active}). Without times, or from the same moment, it stays work under way. Only the steps of coming into
   * being, done once ({@link #CREATION_STEPS}): work that recurs ({@code Updating}, {@code Upgrading}, {@code Scaling},
   * Cluster API's {@code RollingOut}) and the conditions kept True while work lasts ({@code Progressing}, whose
   * transition time stays while its {@code lastUpdateTime} moves; kstatus' {@code Reconciling}) may well be older than
   * a readiness that flapped during them, so their age says nothing.
   */
  /** Progress words of the steps by which an object comes into being, once. */
  private static final Set<String> CREATION_STEPS = Set.of("provisioning", "installing", "deploying", "pending");

  private static void olderProgress(List<Signal> signals) {
    signals.removeIf(sg -> sg.health() == Health.PROGRESSING
        && sg.rules().stream().anyMatch(r -> r.startsWith("type:progress:")
            && CREATION_STEPS.contains(r.substring("type:progress:".length())))
        && sg.condition().filter(Condition::isTrue).flatMap(Condition::since).filter(t -> signals.stream()
            .anyMatch(other -> other.health() == Health.HEALTHY && other.condition()
                .filter(o -> o.isTrue() && o.path().equals(sg.condition().get().path()))
                .flatMap(Condition::since).filter(later -> later.isAfter(t)).isPresent())).isPresent());
  }

  /**
   * Conditions written for an older generation than the object's. Gateway API statuses name the controller that
   * wrote each entry ({@code parents[].controllerName}, {@code ancestors[].controllerName}): a controller that wrote
   * nothing for the current generation has not caught up with the change, whatever other controllers say; one that
   * did has, and its older entries are history. So is an entry for a parent the route's {@code spec.parentRefs} no
   * longer names, whichever controller wrote it: an implementation that lost the route stops reconciling it and
   * leaves its entry behind (kgateway-dev/kgateway#11747, Kong kubernetes-ingress-controller#5277,
   * envoyproxy/gateway#5656).
   */
  private static final class Staleness {
    final List<Condition> conditions = new ArrayList<>();
    final Map<String, Condition> lagging = new java.util.LinkedHashMap<>();
    final Set<String> current = new java.util.HashSet<>();
    /** The parents {@code spec.parentRefs} names (namespace/name); null when the spec names none. */
    Set<String> named;
    String namespace = "";
    /** Whether the object is a run ({@link #isRun}), whose Ready summarises nothing. */
    boolean run;

    static String key(Unstructured ref, String namespace) {
      String ns = ref.string("namespace");
      return (ns.isEmpty() ? namespace : ns) + "/" + ref.string("name");
    }

    /** False for an entry whose parent the spec no longer names. */
    boolean named(Unstructured entry) {
      Unstructured ref = entry.child("parentRef");
      return named == null || ref.isEmpty() || named.contains(key(ref, namespace));
    }
  }

  /** A count the controller wants ({@code desiredTablets}, {@code desiredWorkerReplicas}), by the noun it counts. */
  private static final java.util.regex.Pattern DESIRED = java.util.regex.Pattern.compile("desired([A-Z][A-Za-z]*)");
  /**
   * Counts of parts that serve, of the same noun: {@code readyTablets}, {@code availableWorkerReplicas}, and the
   * current count where the noun names the state reached (Antrea's {@code currentNodesRealized}).
   */
  private static final List<String> SERVING = List.of("ready", "available", "current");
  /**
   * Nouns whose desired count means something else: an autoscaler's recommendation ({@code desiredReplicas} beside
   * {@code currentReplicas}: the target scales, the autoscaler is fine) and the DaemonSet's scheduling counters
   * ({@code desiredNumberScheduled}, which its {@code numberReady} answers, not a {@code readyNumberScheduled}).
   */
  private static final Set<String> OTHER_MEANINGS = Set.of("Replicas", "NumberScheduled");

  /**
   * Counters of parts that serve against the count wanted ({@code desiredX} beside {@code readyX} or
   * {@code availableX} or {@code currentX}: Vitess' shards, KubeRay's workers, Antrea's realized nodes): one below the
   * count wanted is work under way (PROGRESSING); all at it say the parts are there (HEALTHY, which any other signal
   * outranks). Counts of updated parts are not read: a partition or an {@code OnDelete} strategy keeps them below on
   * purpose.
   */
  private static void desiredCounts(Unstructured map, String path, List<Signal> signals) {
    for (Map.Entry<String, Object> entry : map.entries()) {
      java.util.regex.Matcher m = DESIRED.matcher(entry.getKey());
      if (!m.matches() || OTHER_MEANINGS.contains(m.group(1)) || !(entry.getValue() instanceof Number want)
          || want.longValue() <= 0) {
        continue;
      }
      for (String serving : SERVING) {
        String key = serving + m.group(1);
        Optional<Long> count = map.number(key);
        if (count.isPresent()) {
          boolean below = count.get() < want.longValue();
          signals.add(new Signal(below ? Health.PROGRESSING : Health.HEALTHY, path + "." + key,
              count.get() + " of " + want.longValue(), Optional.empty(),
              List.of(below ? "counter:below-desired" : "counter:desired-met")));
        }
      }
    }
  }

  private static void walk(Unstructured map, String path, int depth, long generation, List<Signal> signals,
      Staleness stale) {
    desiredCounts(map, path, signals);
    for (Map.Entry<String, Object> entry : map.entries()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      String field = path + "." + key;
      if (key.equals("conditions") && value instanceof List) {
        List<Condition> list = Condition.from(map.list(key), field);
        // A True Ready summarises its siblings: their waits are then not ours (failures still count). Not a run's: its
        // outcome (Completed, Succeeded) is what sums it up, and its Ready says only that it was accepted (K8up's Backup
        // keeps Ready=True while PreBackupPodsReady=False waits for the pods it needs before it starts).
        boolean summaryReady = !stale.run && list.stream().anyMatch(c -> ConditionVocabulary.isSummary(c) && c.isTrue()
            && !ConditionVocabulary.stale(c, generation));
        String controller = map.string("controllerName");
        if (!controller.isEmpty() && !list.isEmpty()) {
          if (list.stream().allMatch(c -> ConditionVocabulary.stale(c, generation))) {
            if (stale.named(map)) {
              stale.lagging.putIfAbsent(controller, list.get(0));
            }
          } else {
            stale.current.add(controller);
          }
        }
        for (Condition c : list) {
          if (ConditionVocabulary.stale(c, generation)) {
            stale.conditions.add(c);
            continue;
          }
          ConditionVocabulary.meaning(c)
              .filter(m -> !(summaryReady && m.health() == Health.PROGRESSING && ConditionVocabulary.isPositive(c)))
              .filter(m -> !(summaryReady && m.rules().contains("type:partial")))
              .ifPresent(m -> signals.add(new Signal(m, field, c.status(), Optional.of(c))));
        }
      } else if (HISTORY.matcher(key).find()) {
        continue;
      } else if (value instanceof String text && FAILURE_FIELD.matcher(key).matches()) {
        if (!text.isBlank()) {
          signals.add(new Signal(Health.DEGRADED, field, text, Optional.empty(), List.of("field:failure-message")));
        }
      } else if (value instanceof String text && StatusWords.isStatusField(key)) {
        // Only the object's own phase may pause it; a nested one describes a part or an external resource.
        StatusWords.read(text).filter(m -> depth == 0 || m.health() != Health.SUSPENDED)
            .ifPresent(m -> signals.add(new Signal(m, field, text, Optional.empty())));
      } else if (value instanceof String text && ReplicaCounts.readsRatio(key, text)) {
        ReplicaCounts.ratio(key, text).ifPresent(h -> signals.add(
            new Signal(h, field, text, Optional.empty(), List.of("replicas:ratio"))));
      } else if (value instanceof String start && LAST_START.matcher(key).matches()
          && startedNotEnded(start, map.string(LAST_START.matcher(key).replaceFirst("last$1Time")))) {
        signals.add(new Signal(Health.PROGRESSING, field, start, Optional.empty(), List.of("run:started-not-ended")));
      } else if (PERCENT_DONE.matcher(key).matches() && percent(value).filter(p -> p < 100).isPresent()) {
        signals.add(new Signal(Health.PROGRESSING, field, String.valueOf(value), Optional.empty(),
            List.of("progress:incomplete")));
      } else if (value instanceof Number count && COUNTERS.containsKey(key.toLowerCase(Locale.ROOT))
          && count.longValue() > 0) {
        String counter = key.toLowerCase(Locale.ROOT);
        boolean retrying = counter.equals("failed") && RUNNING_COUNTERS.stream()
            .anyMatch(r -> map.number(r).filter(n -> n > 0).isPresent());
        signals.add(retrying
            ? new Signal(Health.PROGRESSING, field, count.toString(), Optional.empty(), List.of("counter:failed-retrying"))
            : new Signal(COUNTERS.get(counter), field, count.toString(), Optional.empty(), List.of("counter:" + counter)));
      } else if (value instanceof Number count && FAILURE_COUNT.matcher(key).matches() && count.longValue() > 0) {
        boolean retrying = RUNNING_COUNTERS.stream().anyMatch(r -> map.number(r).filter(n -> n > 0).isPresent());
        signals.add(new Signal(retrying ? Health.PROGRESSING : Health.DEGRADED, field, count.toString(),
            Optional.empty(), List.of(retrying ? "counter:failed-retrying" : "counter:failures")));
      } else if (value instanceof Number count && OUT_OF_SERVICE.matcher(key).matches() && count.longValue() > 0) {
        signals.add(new Signal(Health.DEGRADED, field, count.toString(), Optional.empty(), List.of("counter:out-of-service")));
      } else if (value instanceof String text && OUTCOME_FIELD.matcher(key).matches()
          && StatusWords.read(text).filter(m -> m.health() == Health.SUSPENDED).isPresent()) {
        signals.add(new Signal(Health.DEGRADED, field, text, Optional.empty(), List.of("outcome:ended-unfinished")));
      } else if (value instanceof String text && (text.equals("True") || text.equals("False"))) {
        // A field typed as Kubernetes' ConditionStatus rather than a boolean (Vitess' tablets: ready: "True",
        // available: "True") says what the boolean of that name would; names the booleans do not read (hasMaster)
        // say nothing here either.
        boolean flag = text.equals("True");
        bool(key, flag).filter(h -> h != Health.SUSPENDED || !field.contains("[")).ifPresent(h -> signals.add(
            new Signal(h, field, text, Optional.empty(), List.of("bool:" + key.toLowerCase(Locale.ROOT)))));
      } else if (value instanceof String text && TOKEN.matcher(text).matches() && !NOT_STATUS.matcher(key).find()) {
        // A field of any name whose whole value is one status word (robustness: degraded,
        // operatorProgress: Updating): the word says what it says wherever the operator put it. Not a healthy
        // word (Unknown is never Healthy), not a pause (only the object's own phase pauses it), not "unknown"
        // (the default of many enums that are no health: an architecture, a network type).
        StatusWords.read(text).filter(m -> m.health() == Health.DEGRADED || m.health() == Health.PROGRESSING
                || m.health() == Health.MISSING)
            .ifPresent(m -> signals.add(new Signal(m.and("field:any"), field, text, Optional.empty())));
      } else if (value instanceof Boolean flag) {
        // The object's own flags pause it (status.suspended, KubeVela's status.workflow.suspend); a flag of one entry
        // of a list of parts (a node of the cluster hibernated) does not.
        bool(key, flag).filter(h -> h != Health.SUSPENDED || !field.contains("[")).ifPresent(h -> signals.add(
            new Signal(h, field, flag.toString(), Optional.empty(), List.of("bool:" + key.toLowerCase(Locale.ROOT)))));
      } else if (key.equalsIgnoreCase("error") && !errorText(map, key).isBlank()) {
        // The error the operator is stuck on, as a string (the Flink operator's status.error) or an object
        // ({message, time}: the CSI snapshot API's VolumeSnapshot, KubeVirt's snapshots): the failure, unless a true
        // readiness beside it says the object got past it (then it is history).
        boolean ready = map.entries().stream().anyMatch(e -> Boolean.TRUE.equals(e.getValue())
            && GOOD_WHEN_TRUE.contains(e.getKey().toLowerCase(Locale.ROOT)));
        if (!ready) {
          signals.add(new Signal(Health.DEGRADED, value instanceof Map ? field + ".message" : field, errorText(map, key),
              Optional.empty(), List.of("field:error")));
        }
      } else if (value instanceof Map && depth < DEPTH) {
        walk(map.child(key), field, depth + 1, generation, signals, stale);
      } else if (value instanceof List && depth < DEPTH) {
        List<Unstructured> entries = map.list(key);
        for (int i = 0; i < entries.size() && i < MAX_ENTRIES; i++) {
          walk(entries.get(i), field + "[" + i + "]", depth + 1, generation, signals, stale);
        }
      }
    }
  }

  /**
   * Kinds named for one execution that ends ({@code Job}, {@code PipelineRun}, {@code AnalysisRun},
   * {@code AnsibleJob}, {@code Workflow}, {@code Experiment}, {@code Backup}, {@code Restore}, {@code Migration},
   * Stash's {@code BackupSession}/{@code RestoreSession}, Kasten's {@code BackupAction}, OpenShift's and kpack's
   * {@code Build}):
   * the Kubernetes naming convention for a run, as opposed to a service that runs for good. For a run,
   * {@code Running} is the way to its outcome, not the state to reach.
   */
  private static final Set<String> RUN_KINDS = Set.of("run", "job", "workflow", "experiment", "backup", "restore",
      "migration", "execution", "session", "action", "build");
  private static final Set<String> RUNNING_WORDS = Set.of("word:running", "type:positive:running");

  /** What follows a run's word in a one-word field of its state ({@code buildstatus}, not {@code runtimestatus}). */
  private static final Set<String> RUN_FIELD_ENDS = Set.of("status", "state", "phase");

  /** A field whose name begins with a run's word ({@code buildstatus}, {@code backupStatus}, {@code lastRunPhase}). */
  private static boolean runField(String field) {
    List<String> words = ConditionVocabulary.words(field.substring(field.lastIndexOf('.') + 1));
    return words.size() > 1 && words.subList(0, words.size() - 1).stream().anyMatch(RUN_KINDS::contains)
        || words.size() == 1 && RUN_KINDS.stream().anyMatch(r -> words.get(0).startsWith(r)
            && RUN_FIELD_ENDS.contains(words.get(0).substring(r.length())));
  }

  static boolean isRun(String kind) {
    List<String> words = ConditionVocabulary.words(kind);
    return !words.isEmpty() && RUN_KINDS.contains(words.get(words.size() - 1));
  }

  private static List<String> plus(List<String> rules, String rule) {
    List<String> all = new ArrayList<>(rules);
    all.add(rule);
    return all;
  }

  /**
   * Fields that say how much of a run is done, in percent ({@code percentCompleted}, {@code completionPercentage},
   * {@code progressPercent}, {@code percentDone}): below 100 the run is not over, whatever word its state says
   * (Kanister's ActionSet {@code state: running} with {@code progress.percentCompleted: "0.00"}). Like a pending
   * counter it qualifies a healthy word and says nothing alone; a done word ({@code complete}) outranks it (Kanister
   * leaves the percentage short of 100 on completed actions).
   */
  private static final java.util.regex.Pattern PERCENT_DONE = java.util.regex.Pattern.compile(
      "(?i)percent(age)?(complete[d]?|done)|(completion|progress)percent(age)?");

  /**
   * The start of the latest of repeated runs ({@code lastSyncStartTime}), whose end the same prefix names
   * ({@code lastSyncTime}): while the end is missing or older than the start, that run is under way (VolSync's
   * ReplicationSource and ReplicationDestination during a sync). Only such a pair: a lone start time
   * ({@code startTime} of a long-running Flink job) says nothing of an end.
   */
  private static final java.util.regex.Pattern LAST_START = java.util.regex.Pattern.compile(
      "(?i)last([A-Za-z]+)StartTime");

  private static boolean startedNotEnded(String start, String end) {
    try {
      java.time.Instant started = java.time.Instant.parse(start);
      return end.isEmpty() || java.time.Instant.parse(end).isBefore(started);
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static Optional<Double> percent(Object value) {
    try {
      return value instanceof Number n ? Optional.of(n.doubleValue())
          : value instanceof String text ? Optional.of(Double.parseDouble(text.trim().replace("%", ""))) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The text of an {@code error} field: the string itself, or an error object's {@code message}; empty if none. */
  private static String errorText(Unstructured map, String key) {
    Object value = map.entries().stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst()
        .orElse(null);
    return value instanceof String text ? text : value instanceof Map ? map.child(key).string("message") : "";
  }

  /** A healthy phase, state or status word ({@code phase: Running}), the claim a pending counter qualifies. */
  private static boolean healthyWord(Signal s) {
    return s.health() == Health.HEALTHY && s.condition().isEmpty()
        && s.rules().stream().anyMatch(r -> r.startsWith("word:") || r.startsWith("form:") || r.startsWith("suffix:"));
  }

  /**
   * What a boolean says: {@code ready}, {@code healthy} good when true; {@code failed}, {@code error} bad when
   * true; pause flags; and a flag that names an absence, bad when true: a name that starts with {@code no} and goes
   * on ({@code NoMatchingInstances}, {@code noEndpoints}) or says {@code missing} ({@code missingDependencies}).
   */
  private static Optional<Health> bool(String name, boolean value) {
    String key = name.toLowerCase(Locale.ROOT);
    List<String> words = ConditionVocabulary.words(name);
    if (value && (words.size() > 1 && words.get(0).equals("no") || words.contains("missing"))) {
      return Optional.of(Health.DEGRADED);
    }
    if (GOOD_WHEN_TRUE.contains(key)) {
      return Optional.of(value ? Health.HEALTHY : key.equals("healthy") ? Health.DEGRADED : Health.PROGRESSING);
    }
    if (BAD_WHEN_TRUE.contains(key) && value) {
      return Optional.of(Health.DEGRADED);
    }
    return PAUSE_FLAGS.contains(key) && value ? Optional.of(Health.SUSPENDED) : Optional.empty();
  }
}
