package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads every health signal an operator may have left in an object, wherever the conventions put it:
 * condition lists ({@code status.conditions} and {@code conditions} of nested objects and list entries, such
 * as Gateway API's {@code status.parents[].conditions}), status words in fields named like {@code phase},
 * {@code state}, {@code status}, {@code health} (also nested: {@code status.health.status},
 * {@code status.applicationState.state}), booleans ({@code ready}, {@code healthy}, {@code failed},
 * {@code abort}), counters of failed and pending parts, a one-word status value in a field of any other name
 * (Longhorn {@code robustness: degraded}). Suspension flags are {@link PauseFlags}; runs, {@link Runs}; the order in
 * time of conditions, {@link ConditionTimeline}; replica counters, {@link ReplicaCounts}. Pure: no I/O.
 */
final class StatusSignals {

  /** Runs of whitespace, folded to one space in an explanation (solo-kit's reasons span lines). */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** How deep below {@code status} nested objects are read. */
  private static final int DEPTH = 3;
  private static final int MAX_ENTRIES = 64;
  /** Containers that record the past, not the present ({@code phaseTransitionTimestamps}, {@code history}). */
  private static final Pattern HISTORY =
      Pattern.compile("history|transition|previous", Pattern.CASE_INSENSITIVE);
  static final Set<String> GOOD_WHEN_TRUE = Set.of("ready", "healthy", "available", "succeeded", "readytouse",
      "attached", "mounted");
  /**
   * Status flags (booleans, or fields typed as a condition status, {@code "True"}/{@code "False"}) that say the object
   * was accepted by the system that runs it, good when true as a {@code Registered} condition is: Shipwright's Build
   * {@code registered: "True"} once its strategy and secrets are validated (printed as its REGISTERED column); NetApp's
   * Astra Connector keeps the same flag for its registration ({@code natsSyncClient.registered}, as the string
   * {@code "true"}, which is read neither as a boolean nor as a condition status). False, they wait. Flags only: a
   * {@code Registered} condition is read by its type, and an acceptance is no readiness that makes an error beside it
   * history.
   */
  private static final Set<String> ACCEPTED_FLAGS = Set.of("registered");
  /**
   * Status booleans named by a failure word, bad when true: AWX's {@code failed}, Argo Rollouts' {@code abort}, and a
   * time-out, the failure of work that did not end in its time (the reason vocabulary's {@code TimedOut}: Kubernetes
   * Jobs' {@code DeadlineExceeded}, Tekton's {@code TimedOut}) kept as a flag: Kubegres' blocking operation
   * {@code hasTimedOut} (with its auxiliary, {@link FlagNames}).
   */
  private static final Set<String> BAD_WHEN_TRUE = Set.of("failed", "error", "abort", "aborted", "timedout");
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
  private static final Pattern FAILURE_FIELD = Pattern.compile(
      "(error|failure)(message|reason|type|description|details?)", Pattern.CASE_INSENSITIVE);
  /**
   * The object's own {@code reason}, beside its phase rather than in a condition: "a brief CamelCase message indicating
   * details about why" it is in that phase, as Kubernetes' {@code PodStatus.reason} ({@code Evicted}) is. Eclipse Che's
   * {@code CheCluster} sets {@code InstallOrUpdateFailed} there while a reconciler fails, under {@code chePhase: Active};
   * actions-runner-controller's {@code EphemeralRunner} writes {@code TooManyPodFailures}. One CamelCase word that says
   * failed or error ({@link ReasonVocabulary#failedReason}) is the failure; prose is not read (many operators put a
   * sentence of any kind there), nor the reason of an entry that carries a {@code type} (a condition kept elsewhere).
   */
  private static final Pattern CAMEL_REASON = Pattern.compile("[A-Z][A-Za-z]{2,63}");

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
   * Fields that hold an outcome ({@code verdict}, {@code result}, {@code outcome}, {@code conclusion}): of a run once
   * it ended, or of a check (MetalLB's ConfigurationState {@code result: Valid | Invalid | Unknown}). Their words mean
   * what they mean in a phase, good ones included. An outcome is not a state the object is in: a word of stopping
   * there ({@code Stopped}, {@code Suspended}) says the run ended without a result, a failure of the run, where in a
   * phase it would say the object is paused. LitmusChaos' ChaosResult ({@code experimentStatus.verdict: Stopped}
   * under {@code phase: Completed}: the experiment was aborted) is where it was seen.
   */
  private static final Pattern OUTCOME_FIELD = Pattern.compile(
      "verdict|result|outcome|conclusion", Pattern.CASE_INSENSITIVE);
  /**
   * Counters of parts out of service ({@code drivesOffline}, {@code nodesDown}, {@code offline}): a part that is
   * offline is lost redundancy, not work in progress, whatever the overall word says (MinIO's
   * {@code healthStatus: yellow} with {@code drivesOffline: 4}). A plural noun before the word, so that a period
   * ({@code cooldown}) or a direction ({@code scaleDown}) is none.
   */
  private static final Pattern OUT_OF_SERVICE = Pattern.compile(
      "offline|down|[a-z]+s(Offline|Down)");
  /**
   * Counts of failures of the operator's own work ({@code failures}, {@code entryFailures},
   * {@code podEntryRenderFailures}, KEDA's {@code numberOfFailures}): any is a failure, as a failed part is; not a
   * limit on them ({@code maxFailures}, {@code allowedFailures}, {@code toleratedFailures}).
   */
  private static final Pattern FAILURE_COUNT = Pattern.compile(
      "failures|(?!max|allowed|tolerated)[a-z][A-Za-z]*Failures");
  /**
   * Lists of the parts that failed, by name ({@code failed}, {@code failedInstances}, {@code failedNamespaces}): the
   * counter {@code failed} kept as the names of what it counts. k8ssandra's Medusa jobs ({@code MedusaBackupJob} and
   * {@code MedusaRestoreJob} list pods in {@code inProgress}, {@code finished}, {@code failed}, as the medusa-operator's
   * {@code CassandraBackup} did), the StarRocks operator ({@code failedInstances} of each component) and External
   * Secrets' {@code ClusterExternalSecret} ({@code failedNamespaces}). A listed part fails the whole as a counted one
   * does, with the same exceptions (parts still running beside it; a run that ended well anyway).
   */
  private static final Pattern FAILED_PARTS = Pattern.compile("failed|failed[A-Z][A-Za-z]*");
  /** Counters of parts still running beside a failed one: the controller is retrying. */
  private static final List<String> RUNNING_COUNTERS = List.of("active", "running");
  /** The states of a part still at work, as a list of parts by state names them. */
  private static final Set<String> AT_WORK = Set.of("running", "active");

  static String last(List<String> words) {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  /** One word: a value of another field is a status word only when it is nothing else. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z_-]{1,39}");
  /**
   * Fields whose words are not the object's state: names, kinds, explanations, configuration. A field named after the
   * Secret kind ({@code secret}, {@code bindingSecret}) holds the name of a Secret, as a {@code ...Name} or
   * {@code ...Ref} field does: Strimzi's KafkaUser keeps its credentials' Secret so ({@code status.secret: my-user}),
   * arkmq-org's BrokerApp its binding's ({@code status.service.secret}); a name such as {@code orders-app-binding} is
   * no participle (held-out round eighty-six).
   */
  private static final Pattern NOT_STATUS = Pattern.compile(
      "reason|message|type$|kind$|name$|version|image|mode$|role$|policy|^id$|uid$|ref$|description|action|"
      + "strategy|level$|severity|class$|method|protocol|format|path$|url$|key$|namespace$|secret$",
      Pattern.CASE_INSENSITIVE);

  private StatusSignals() {}

  static List<Signal> read(Unstructured object, long generation) {
    List<Signal> signals = new ArrayList<>();
    Staleness stale = new Staleness();
    if (object.get("spec", "parentRefs").filter(List.class::isInstance).isPresent()) {
      String namespace = object.string("metadata", "namespace");
      stale.named = new HashSet<>();
      object.list("spec", "parentRefs").forEach(ref -> stale.named.add(Staleness.key(ref, namespace)));
      stale.namespace = namespace;
    }
    stale.run = Runs.isRun(object.string("kind"));
    stale.kind = object.string("kind");
    walk(object.child("status"), "status", 0, generation, signals, stale);
    ProbeFlags.failed(object).ifPresent(signals::add);
    signals.removeIf(stale::outdatedDefault);
    MissingParts.read(signals);
    // A condition written for an older generation is history when fresh ones exist; alone, it means the
    // controller has not caught up (Gateway API parents[] keep both). A controller named beside its conditions
    // that wrote none for this generation has not caught up either, whatever other controllers wrote.
    if (signals.stream().noneMatch(s -> s.condition().isPresent()) && !stale.conditions.isEmpty()) {
      Condition c = stale.conditions.get(0);
      signals.add(new Signal(Health.PROGRESSING, c.path(), c.status(), Optional.of(c), List.of(Rules.CONDITION_STALE)));
    } else {
      stale.lagging.forEach((controller, c) -> {
        if (!stale.current.contains(controller)) {
          signals.add(new Signal(Health.PROGRESSING, c.path(), controller, Optional.of(c),
              List.of(Rules.CONDITION_STALE_CONTROLLER)));
        }
      });
    }
    ConditionTimeline.newerAction(ConditionHistory.current(object.conditions())).ifPresent(signals::add);
    ConditionTimeline.olderProgress(signals);
    LifecycleConditions.pastSteps(object, signals);
    ConditionTimeline.clearedFailure(signals);
    ConditionTimeline.supersededFailure(signals);
    ReplicaCounts.read(object).ifPresent(signals::add);
    LoadBalancerIngress.read(object).ifPresent(signals::add);
    if (signals.stream().anyMatch(sg -> sg.health() == Health.HEALTHY
        && sg.rules().stream().anyMatch(Rules.DONE::contains))) {
      signals.removeIf(sg -> sg.rules().stream().anyMatch(r -> Rules.Family.COUNTER.holds(r)
          || r.equals(Rules.PROGRESS_INCOMPLETE)));
    }
    if (signals.stream().noneMatch(StatusSignals::healthyWord)) {
      signals.removeIf(sg -> sg.rules().contains(Rules.COUNTER_PENDING)
          || sg.rules().contains(Rules.PROGRESS_INCOMPLETE));
    }
    Runs.adjust(object, signals);
    Runs.ended(object, signals);
    observedOnly(object, generation).ifPresent(signals::add);
    if (signals.isEmpty()) {
      MessageStates.read(object).ifPresent(signals::add);
    }
    return signals;
  }

  /**
   * A status that holds nothing but {@code observedGeneration}, equal to the object's generation: the controller says
   * it acted on the current spec and keeps no other report. kstatus reads such an object as Current (its generic rules
   * find the generation observed and no {@code Reconciling} or {@code Stalled} condition: "the absence of any known
   * conditions means the resource is current"); external-dns's {@code DNSEndpoint} keeps no other status (its CRD
   * source "only syncs observedGeneration", kubernetes-sigs/external-dns#2092). One generation behind is work under way
   * (read before any signal, in {@link GenericResourceAnalyzer}); any other field beside it is read for what it says.
   */
  private static Optional<Signal> observedOnly(Unstructured object, long generation) {
    Unstructured status = object.child("status");
    List<String> written = status.entries().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
    if (generation <= 0 || !written.equals(List.of("observedGeneration"))) {
      return Optional.empty();
    }
    return status.number("observedGeneration").filter(observed -> observed == generation)
        .map(observed -> new Signal(Health.HEALTHY, "status.observedGeneration", String.valueOf(observed),
            Optional.empty(), List.of("generation:observed-only")));
  }

  /**
   * What the operator wrote beside a status word to explain it: the {@code message} of the part that holds the word
   * (a component's, a reporter's, an entry's), or a {@code reason} written as prose rather than a CamelCase code
   * (solo-kit's {@code core.solo.io.Status} keeps its rejection there: "the reason for the rejection", beside
   * {@code state}). The object's own {@code status.message} is not repeated here: the finding already adds it. The
   * text is said on one line: an aggregated error ("1 error occurred:" then tab-indented items, as solo-kit's
   * reasons hold them) keeps its words, not its line breaks.
   */
  private static String explanation(Unstructured map, int depth) {
    String message = oneLine(map.string("message"));
    if (!message.isEmpty()) {
      return depth > 0 ? message : "";
    }
    String reason = oneLine(map.string("reason"));
    return CAMEL_REASON.matcher(reason).matches() || reason.indexOf(' ') < 0 ? "" : reason;
  }

  private static String oneLine(String text) {
    return WHITESPACE.matcher(text.strip()).replaceAll(" ");
  }

  /**
   * The conditions a map holds: its {@code conditions} list, or one condition kept alone in a field named
   * {@code condition} (a {@code metav1.Condition} with {@code type} and {@code status}), read as a list of one. The
   * Capsule sops-operator keeps its SopsSecret's and SopsProvider's state so ({@code status.condition}, and each
   * replicated secret's {@code secrets[].condition}); Capsule's own ResourcePoolClaim does too
   * ({@code status.condition}, printed as its Status column).
   */
  private static Optional<List<Unstructured>> conditionEntries(Unstructured map, String key, Object value) {
    if (key.equals("conditions") && value instanceof List) {
      return Optional.of(map.list(key));
    }
    if (key.equals("condition") && value instanceof Map<?, ?> one && one.get("type") instanceof String
        && one.get("status") instanceof String) {
      return Optional.of(List.of(map.child(key)));
    }
    return Optional.empty();
  }

  private static void walk(Unstructured map, String path, int depth, long generation, List<Signal> signals,
      Staleness stale) {
    ReplicaCounts.desiredCounts(map, path, signals);
    UnreadyParts.read(map, path, signals);
    OutcomeFlags.read(map, path, signals);
    if (depth > 0) {
      SuspendSteps.read(map, path).ifPresent(signals::add);
    }
    for (Map.Entry<String, Object> entry : map.entries()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      String field = path + "." + key;
      Optional<List<Unstructured>> held = conditionEntries(map, key, value);
      if (held.isPresent()) {
        List<Condition> list = ConditionHistory.current(Condition.from(held.get(), field));
        stale.note(field, list);
        // A True Ready summarises its siblings: their waits are then not ours (failures still count). Not a run's: its
        // outcome (Completed, Succeeded) is what sums it up, and its Ready says only that it was accepted (K8up's Backup
        // keeps Ready=True while PreBackupPodsReady=False waits for the pods it needs before it starts). Nor the wait
        // of the readiness named for the object's own kind (Elemental's SeedImageReady, as Seldon's ModelReady): it is
        // the object's own readiness, not a part's.
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
              .filter(m -> !(summaryReady && m.health() == Health.PROGRESSING && ConditionVocabulary.isPositive(c)
                  && !ConditionVocabulary.ownReadiness(c, stale.kind)))
              .filter(m -> !(summaryReady && m.rules().contains(Rules.TYPE_PARTIAL)))
              .ifPresent(m -> signals.add(new Signal(m, field, c.status(), Optional.of(c))));
        }
      } else if (HISTORY.matcher(key).find()) {
        continue;
      } else if (value instanceof String text && FAILURE_FIELD.matcher(key).matches()) {
        if (!text.isBlank()) {
          signals.add(new Signal(Health.DEGRADED, field, text, Optional.empty(), List.of("field:failure-message")));
        }
      } else if (value instanceof String text && ContainerStates.isWaitingReason(path, key)) {
        ContainerStates.waiting(field, text).ifPresent(signals::add);
      } else if (value instanceof String text && key.equals("reason") && CAMEL_REASON.matcher(text).matches()
          && map.get("type").isEmpty() && ReasonVocabulary.failedReason(text).isPresent()) {
        signals.add(new Signal(Health.DEGRADED, field, text, Optional.empty(), List.of("field:failed-reason")));
      } else if (value instanceof String text && PeeringSessions.notEstablished(map, key, text)) {
        signals.add(PeeringSessions.signal(field, text));
      } else if (ReporterStates.word(map, key, value).isPresent()) {
        String word = ReporterStates.word(map, key, value).get();
        StatusWords.read(word).filter(m -> depth == 0 || m.health() != Health.SUSPENDED).ifPresent(m -> signals.add(
            new Signal(m.health(), field, word + " (" + value + ")", Optional.empty(),
                m.and("state:reporter-enum").rules(), explanation(map, depth))));
      } else if (value instanceof String text && StatusWords.isStatusField(key)) {
        // Only the object's own phase may pause it; a nested one describes a part or an external resource.
        StatusWords.read(text).filter(m -> depth == 0 || m.health() != Health.SUSPENDED).ifPresent(m -> signals.add(
            new Signal(m.health(), field, text, Optional.empty(), m.rules(), explanation(map, depth))));
      } else if (value instanceof String text && ReplicaCounts.readsRatio(key, text)) {
        ReplicaCounts.ratio(key, text).ifPresent(h -> signals.add(
            new Signal(h, field, text, Optional.empty(), List.of("replicas:ratio"))));
      } else if (value instanceof String start && LAST_START.matcher(key).matches()
          && startedNotEnded(start, map.string(LAST_START.matcher(key).replaceFirst("last$1Time")))) {
        signals.add(new Signal(Health.PROGRESSING, field, start, Optional.empty(), List.of("run:started-not-ended")));
      } else if (PERCENT_DONE.matcher(key).matches() && percent(value).filter(p -> p < 100).isPresent()) {
        signals.add(new Signal(Health.PROGRESSING, field, String.valueOf(value), Optional.empty(),
            List.of(Rules.PROGRESS_INCOMPLETE)));
      } else if (value instanceof Number count && COUNTERS.containsKey(key.toLowerCase(Locale.ROOT))
          && count.longValue() > 0) {
        String counter = key.toLowerCase(Locale.ROOT);
        boolean retrying = counter.equals("failed") && RUNNING_COUNTERS.stream()
            .anyMatch(r -> map.number(r).filter(n -> n > 0).isPresent());
        signals.add(new Signal(retrying ? Health.PROGRESSING : COUNTERS.get(counter), field, count.toString(),
            Optional.empty(), List.of(Rules.Family.COUNTER.of(retrying ? "failed-retrying" : counter))));
      } else if (value instanceof Number count && FAILURE_COUNT.matcher(key).matches() && count.longValue() > 0) {
        boolean retrying = RUNNING_COUNTERS.stream().anyMatch(r -> map.number(r).filter(n -> n > 0).isPresent());
        signals.add(new Signal(retrying ? Health.PROGRESSING : Health.DEGRADED, field, count.toString(),
            Optional.empty(), List.of(Rules.Family.COUNTER.of(retrying ? "failed-retrying" : "failures"))));
      } else if (value instanceof List<?> parts && !parts.isEmpty() && FAILED_PARTS.matcher(key).matches()) {
        boolean retrying = RUNNING_COUNTERS.stream().anyMatch(r -> map.number(r).filter(n -> n > 0).isPresent())
            || partsAtWork(map);
        signals.add(new Signal(retrying ? Health.PROGRESSING : Health.DEGRADED, field, parts.size() + " listed",
            Optional.empty(), List.of(Rules.Family.COUNTER.of(retrying ? "failed-retrying" : "failed-list"))));
      } else if (value instanceof Number count && OUT_OF_SERVICE.matcher(key).matches() && count.longValue() > 0) {
        signals.add(new Signal(Health.DEGRADED, field, count.toString(), Optional.empty(),
            List.of(Rules.Family.COUNTER.of("out-of-service"))));
      } else if (value instanceof String text && OUTCOME_FIELD.matcher(key).matches()) {
        // An outcome holds a status word as a phase does (MetalLB's result: Valid, VolSync's latestMoverStatus.result:
        // Successful, the Compliance Operator's result: NON-COMPLIANT); a word of stopping there says the run ended
        // without one.
        StatusWords.read(text).ifPresent(m -> signals.add(m.health() == Health.SUSPENDED
            ? new Signal(Health.DEGRADED, field, text, Optional.empty(), List.of("outcome:ended-unfinished"))
            : new Signal(m.and("field:outcome"), field, text, Optional.empty())));
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
      } else if (value instanceof Boolean flag && PolicyReports.isInForceFlag(key)) {
        PolicyReports.read(map, field, flag, generation).ifPresent(signals::add);
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
            && goodWhenTrue(e.getKey()));
        if (!ready) {
          signals.add(new Signal(Health.DEGRADED, value instanceof Map ? field + ".message" : field, errorText(map, key),
              Optional.empty(), List.of("field:error")));
        }
      } else if (value instanceof Map && OperationErrors.isOne(map, key)) {
        OperationErrors.read(map, key, field).ifPresent(signals::add);
      } else if ((value instanceof Map || value instanceof List) && FailureRecords.named(key, depth)) {
        FailureRecords.read(map, field, value).ifPresent(signals::add);
      } else if (value instanceof List && ErrorLists.named(key)) {
        ErrorLists.read(map, key, field).ifPresent(signals::add);
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
   * Fields that say how much of a run is done, in percent ({@code percentCompleted}, {@code completionPercentage},
   * {@code progressPercent}, {@code percentDone}): below 100 the run is not over, whatever word its state says
   * (Kanister's ActionSet {@code state: running} with {@code progress.percentCompleted: "0.00"}). Like a pending
   * counter it qualifies a healthy word and says nothing alone; a done word ({@code complete}) outranks it (Kanister
   * leaves the percentage short of 100 on completed actions). A bare {@code progress} or a {@code <step>Progress}
   * holding a number or a percentage is one too: Gardener's {@code lastOperation.progress}, CDI's DataVolume
   * {@code progress: "67.60%"}, Harvester's backups and images ({@code progress: 42}), the Node Maintenance Operator's
   * {@code drainProgress} ("the percentage completion of draining the node"); not {@code inProgress}, a count, nor a
   * fraction ({@code "1/2"}) or a map, which do not parse as a percentage.
   */
  private static final Pattern PERCENT_DONE = Pattern.compile(
      "(?i)percent(age)?(complete[d]?|done)|(completion|progress)percent(age)?|progress|(?-i:(?!in)[a-z]+Progress)");

  /**
   * The start of the latest of repeated runs ({@code lastSyncStartTime}), whose end the same prefix names
   * ({@code lastSyncTime}): while the end is missing or older than the start, that run is under way (VolSync's
   * ReplicationSource and ReplicationDestination during a sync). Only such a pair: a lone start time
   * ({@code startTime} of a long-running Flink job) says nothing of an end.
   */
  private static final Pattern LAST_START = Pattern.compile(
      "(?i)last([A-Za-z]+)StartTime");

  private static boolean startedNotEnded(String start, String end) {
    try {
      Instant started = Instant.parse(start);
      return end.isEmpty() || Instant.parse(end).isBefore(started);
    } catch (DateTimeParseException e) {
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

  /**
   * Whether a list beside a list of failed parts names parts still at work: {@code running}, {@code active},
   * Medusa's {@code inProgress}, Katib's Experiment {@code runningTrialList} (the Experiment goes on past failed trials
   * until {@code maxFailedTrialCount}, then says {@code Failed} itself).
   */
  private static boolean partsAtWork(Unstructured map) {
    return map.entries().stream().anyMatch(e -> e.getValue() instanceof List<?> parts && !parts.isEmpty()
        && atWork(ConditionVocabulary.words(e.getKey())));
  }

  /** Whether a name's words say its parts are at work: running, active or "in progress" ({@code inactive} is none). */
  private static boolean atWork(List<String> words) {
    return words.stream().anyMatch(AT_WORK::contains)
        || String.join(" ", words).matches("(.* )?in progress( .*)?");
  }

  /** A healthy phase, state or status word ({@code phase: Running}), the claim a pending counter qualifies. */
  private static boolean healthyWord(Signal s) {
    return s.health() == Health.HEALTHY && s.condition().isEmpty()
        && s.rules().stream().anyMatch(r -> Rules.Family.WORD.holds(r) || Rules.Family.FORM.holds(r)
            || Rules.Family.SUFFIX.holds(r));
  }

  /**
   * Whether a boolean's name says the object (or the part it names) reached its good state: a name of
   * {@link #GOOD_WHEN_TRUE}, or a readiness qualified by what is ready, {@code <noun>Ready} ({@code bucketReady},
   * {@code infrastructureReady}): Cluster API's Cluster and Machine ({@code infrastructureReady},
   * {@code controlPlaneReady}, {@code bootstrapReady}) and Kubernetes COSI v1alpha1 ({@code Bucket} and
   * {@code BucketClaim} {@code bucketReady}) keep readiness so. Not negated ({@code notReady}, {@code unready}).
   */
  static boolean goodWhenTrue(String name) {
    List<String> words = ConditionVocabulary.words(name);
    return GOOD_WHEN_TRUE.contains(name.toLowerCase(Locale.ROOT))
        || words.size() > 1 && last(words).equals("ready") && !words.contains("not") && !words.contains("un");
  }

  /**
   * What a boolean says: {@code ready}, {@code healthy} good when true; {@code failed}, {@code error} bad when
   * true, and {@code failed} qualified by its step ({@link FailedStepFlags}: {@code failedProvisioning}); a capability
   * ({@link CapabilityFlags}: {@code ableToScale}) good when true and bad when false; pause
   * flags; and a flag that names an absence, bad when true: a name that starts with {@code no} and goes
   * on ({@code NoMatchingInstances}, {@code noEndpoints}) or says {@code missing} ({@code missingDependencies}). A
   * flag named with an auxiliary ({@code isHealthy}, {@code hasTimedOut}) is read by the word after it.
   */
  private static Optional<Health> bool(String flagName, boolean value) {
    String name = FlagNames.bare(flagName);
    String key = name.toLowerCase(Locale.ROOT);
    List<String> words = ConditionVocabulary.words(name);
    if (value && (words.size() > 1 && words.get(0).equals("no") || words.contains("missing"))) {
      return Optional.of(Health.DEGRADED);
    }
    if (ProbeFlags.NAMES.contains(key)) {
      // An API server probe that answered ok; all failing is read apart (ProbeFlags), one false says nothing here.
      return value ? Optional.of(Health.HEALTHY) : Optional.empty();
    }
    if (CapabilityFlags.namesCapability(name)) {
      return Optional.of(value ? Health.HEALTHY : Health.DEGRADED);
    }
    if (goodWhenTrue(name) || ACCEPTED_FLAGS.contains(key)) {
      return Optional.of(value ? Health.HEALTHY : key.equals("healthy") ? Health.DEGRADED : Health.PROGRESSING);
    }
    if ((BAD_WHEN_TRUE.contains(key) || FailedStepFlags.namesFailedStep(name)) && value) {
      return Optional.of(Health.DEGRADED);
    }
    return PAUSE_FLAGS.contains(key) && value ? Optional.of(Health.SUSPENDED) : Optional.empty();
  }
}
