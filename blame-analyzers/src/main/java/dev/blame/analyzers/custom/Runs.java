package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs: objects of one execution that ends, named so by their kind, by the field that reports them or by their
 * conditions. For a run, {@code Running} is the way to its outcome, not the state to reach.
 */
final class Runs {

  /** Last words of condition types that say a run ended well ({@code Completed}, {@code JobSucceeded}). */
  private static final Set<String> DONE_TYPES = Set.of("completed", "complete", "succeeded", "success", "successful",
      "finished", "done");

  private Runs() {}

  /**
   * Reads Running as the way to an outcome where the object, or the field that says it, is a run; and a False Running
   * beside the run's end, or in a run that is not running, as no wait.
   */
  static void adjust(Unstructured object, List<Signal> signals) {
    // A status field named for one execution (buildStatus, backupStatus, lastRunState) reports a run, whatever the kind:
    // Running there is the way to its outcome, as in a run's own phase.
    signals.replaceAll(sg -> sg.health() == Health.HEALTHY && sg.condition().isEmpty() && runField(sg.field())
        && sg.rules().stream().anyMatch(RUNNING_WORDS::contains)
        ? sg.reread(Health.PROGRESSING, plus(sg.rules(), "field:run"))
        : sg);
    if (signals.stream().anyMatch(sg -> sg.health() == Health.HEALTHY && sg.condition().filter(c -> c.isTrue()
        && DONE_TYPES.contains(typeWord(c))).isPresent())) {
      // A run that completed is not running any more, whatever the kind: a False Running beside a True Completed or
      // Succeeded is the end of the run (StackGres' SGDbOps: Completed=True, Running=False), not a wait for one.
      signals.removeIf(sg -> sg.health() == Health.PROGRESSING && sg.rules().contains(Rules.TYPE_POSITIVE_RUNNING)
          && sg.condition().filter(Condition::isFalse).isPresent());
    }
    if (isRun(object.string("kind")) || startedNotEnded(object.conditions()) || jobUnderWay(object.child("status"))) {
      // A run that is not running has not started or has ended: a False Running says which only with the outcome
      // beside it (k6's TestRun keeps TestRunRunning=False under stage: finished), so alone it is no wait; failed, it
      // still fails.
      signals.removeIf(sg -> sg.health() == Health.PROGRESSING && sg.rules().contains(Rules.TYPE_POSITIVE_RUNNING)
          && sg.condition().filter(Condition::isFalse).isPresent());
      signals.replaceAll(sg -> sg.health() == Health.HEALTHY && sg.rules().stream().anyMatch(RUNNING_WORDS::contains)
          ? sg.reread(Health.PROGRESSING, plus(sg.rules(), "kind:run"))
          : sg);
    }
    if (startedNotFinished(object.child("status"), object.conditions())) {
      signals.replaceAll(sg -> sg.health() == Health.HEALTHY && sg.rules().stream().anyMatch(RUNNING_WORDS::contains)
          ? sg.reread(Health.PROGRESSING, plus(sg.rules(), "started:run"))
          : sg);
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
  private static final Set<String> RUNNING_WORDS = Set.of(Rules.WORD_RUNNING, Rules.TYPE_POSITIVE_RUNNING);

  /** What follows a run's word in a one-word field of its state ({@code buildstatus}, not {@code runtimestatus}). */
  private static final Set<String> RUN_FIELD_ENDS = Set.of("status", "state", "phase");

  /** A field whose name begins with a run's word ({@code buildstatus}, {@code backupStatus}, {@code lastRunPhase}). */
  private static boolean runField(String field) {
    List<String> words = ConditionVocabulary.words(field.substring(field.lastIndexOf('.') + 1));
    return words.size() > 1 && words.subList(0, words.size() - 1).stream().anyMatch(RUN_KINDS::contains)
        || words.size() == 1 && RUN_KINDS.stream().anyMatch(r -> words.get(0).startsWith(r)
            && RUN_FIELD_ENDS.contains(words.get(0).substring(r.length())))
        || runEntry(field, words);
  }

  /** An entry's list index, as the field path writes it ({@code experiments[0]}). */
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");

  /**
   * The state of an entry in a list named for runs: each entry is one execution, so its {@code status},
   * {@code state} or {@code phase} reports a run, as a field named for one does. Argo Rollouts' Experiment lists its
   * {@code analysisRuns[].phase}; LitmusChaos' ChaosEngine its {@code experiments[].status} ({@code Running}, then
   * {@code Completed} with a verdict).
   */
  private static boolean runEntry(String field, List<String> words) {
    int last = field.lastIndexOf('.');
    if (words.size() != 1 || !RUN_FIELD_ENDS.contains(words.get(0)) || last < 0) {
      return false;
    }
    String parent = field.substring(field.lastIndexOf('.', last - 1) + 1, last);
    if (!INDEX.matcher(parent).find()) {
      return false;
    }
    List<String> listWords = ConditionVocabulary.words(INDEX.matcher(parent).replaceAll(""));
    String plural = listWords.isEmpty() ? "" : listWords.get(listWords.size() - 1);
    return plural.endsWith("s") && RUN_KINDS.contains(plural.substring(0, plural.length() - 1));
  }

  /**
   * Conditions that record a start ({@code Started=True}) and neither an end nor readiness describe a run under way,
   * whatever the kind is named: Porter's {@code Installation} and {@code AgentAction} ({@code Scheduled}, {@code
   * Started}, then {@code Completed} or {@code Failed}), Open Liberty's {@code OpenLibertyDump} and
   * {@code OpenLibertyTrace} ({@code Started}, then {@code Completed}). A phase {@code Running} beside them is the way
   * to the outcome, as in a run's own phase; a service that reports {@code Ready} or {@code Available} is not one.
   */
  private static boolean startedNotEnded(List<Condition> conditions) {
    boolean started = conditions.stream().anyMatch(c -> c.isTrue() && typeWord(c).equals("started"));
    return started && conditions.stream().noneMatch(c -> c.isTrue()
        && (DONE_TYPES.contains(typeWord(c)) || StatusSignals.GOOD_WHEN_TRUE.contains(typeWord(c))));
  }

  /**
   * The status of a Kubernetes Job ({@code startTime}, {@code active}: "the number of pending and running pods",
   * then {@code completionTime}, {@code succeeded}, {@code failed}) with pods still active and no end recorded is a run
   * under way, whatever the kind is named: kstatus reads a Job so (in progress until Complete or Failed), and operators
   * that copy the Job's status for their own runs keep it so (cass-operator's {@code CassandraTask}, OpenKruise's
   * {@code BroadcastJob}). A count alone is not one: replicas of a service are counted under other names, and a
   * CronJob's {@code active} is a list of Jobs.
   */
  private static boolean jobUnderWay(Unstructured status) {
    return status.number("active").filter(n -> n > 0).isPresent() && !status.string("startTime").isBlank()
        && status.entries().stream().noneMatch(e -> END_TIME.matcher(e.getKey()).matches()
            && e.getValue() instanceof String time && after1970(time));
  }

  /**
   * A status that records when the work started ({@code startTime}, {@code startedAt}, {@code startTimestamp}) and
   * not when it ended, with no count of active pods and no readiness, describes a run under way whatever the kind is
   * named: the Kubernetes Job's pair {@code startTime}/{@code completionTime} ("set when the job finishes") that runs
   * keep for their own execution: Katib's {@code Trial} ({@code startTime}, then {@code completionTime} with
   * {@code Succeeded} or {@code Failed}), the Kubeflow training operator's jobs, Tekton's {@code TaskRun}, KubeRay's
   * {@code RayJob} ({@code startTime}/{@code endTime}), Velero's {@code startTimestamp}/{@code completionTimestamp}.
   * Its {@code Running} is the way to the outcome. A count of active pods, where there is one, says whether it still
   * runs ({@link #jobUnderWay}); a service that reports {@code Ready} or {@code Available} is not a run.
   */
  private static boolean startedNotFinished(Unstructured status, List<Condition> conditions) {
    return status.entries().stream().anyMatch(e -> START_TIME.matcher(e.getKey()).matches()
            && e.getValue() instanceof String time && after1970(time))
        && status.entries().stream().noneMatch(e -> END_TIME.matcher(e.getKey()).matches()
            || e.getKey().equals("active"))
        && conditions.stream().noneMatch(c -> c.isTrue() && StatusSignals.GOOD_WHEN_TRUE.contains(typeWord(c)));
  }

  /** The time a run started, as runs record it beside their end time. */
  private static final Pattern START_TIME = Pattern.compile("(?i)(start|started)(time|timestamp|at)");

  /**
   * The time a run ended, as runs record it: Kubernetes' Job {@code completionTime} ("set when the job finishes
   * successfully, and only then"), Tekton's {@code completionTime}, Velero's {@code completionTimestamp}, Argo
   * Workflows' {@code finishedAt}, k8ssandra's Medusa {@code finishTime} ("completed successfully when
   * status.finishTime is set"). The zero time (Go's {@code 0001-01-01}, the epoch) is no end: Medusa writes the epoch
   * while a backup still runs.
   */
  private static final Pattern END_TIME = Pattern.compile(
      "(?i)(finish|finished|completion|completed|end)(time|timestamp|at)");

  /**
   * A run that records its end and says nothing else about it ended well: no phase, condition or failure to read, no
   * message or reason beside the time (an account we cannot read, not a success: a reason {@code DeadlineExceeded}
   * ends a run as a completion time does). What else a run says outranks
   * its end time: an outcome word, a failed part, a message.
   */
  static void ended(Unstructured object, List<Signal> signals) {
    Unstructured status = object.child("status");
    if (!signals.isEmpty() || !isRun(object.string("kind")) || !status.string("message").isBlank()
        || !status.string("reason").isBlank()) {
      return;
    }
    status.entries().stream()
        .filter(e -> END_TIME.matcher(e.getKey()).matches() && e.getValue() instanceof String time && after1970(time))
        .findFirst()
        .ifPresent(e -> signals.add(new Signal(Health.HEALTHY, "status." + e.getKey(), (String) e.getValue(),
            Optional.empty(), List.of("run:ended"))));
  }

  private static boolean after1970(String time) {
    try {
      return Instant.parse(time).isAfter(Instant.EPOCH);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean isRun(String kind) {
    List<String> words = ConditionVocabulary.words(kind);
    return !words.isEmpty() && RUN_KINDS.contains(words.get(words.size() - 1));
  }

  /** The last word of a condition's type ({@code JobSucceeded}: {@code succeeded}). */
  private static String typeWord(Condition c) {
    return StatusSignals.last(ConditionVocabulary.words(c.type()));
  }

  private static List<String> plus(List<String> rules, String rule) {
    List<String> all = new ArrayList<>(rules);
    all.add(rule);
    return all;
  }
}
