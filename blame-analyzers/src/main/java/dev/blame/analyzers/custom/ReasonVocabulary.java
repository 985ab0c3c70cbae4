package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@code reason} and {@code message} of a condition of an unknown kind say, whatever its type: a failure that
 * waiting will not mend, work still under way, a stop or a pause, a reporter gone silent. {@link ConditionVocabulary}
 * reads the type and asks this class about the reason; the status words ({@link StatusWords}) and the generic analysis
 * ask it whether a text names a failure. Each reader returns the rule its decision rests on ({@link Meaning#rules()}).
 */
final class ReasonVocabulary {

  /** Reasons that say the object was paused or suspended on purpose. */
  static final Pattern PAUSED = Pattern.compile("paus|suspend", Pattern.CASE_INSENSITIVE);
  /** Reasons of a False or Unknown readiness that mean "still working on it". */
  static final Pattern IN_PROGRESS = Pattern.compile("progress|reconcil|pending|creat|waiting|initiali|"
      + "provision|deploy|updat|upgrad|starting|scaling|install|rolling|migrat|applying|cloning|bootstrap|"
      + "notyet|not yet|notallpods|scheduled|restor|init$|^init", Pattern.CASE_INSENSITIVE);
  /**
   * Reasons and messages that mean "will not get better by waiting". Among them configuration the software
   * refuses ({@code Unknown 'foo' parameter}, {@code unsupported}, {@code unrecognized}), which stays refused until
   * the spec changes. Not the scheduler's word that it cannot place the work yet ({@code Unschedulable},
   * {@code 0/5 nodes are available}): an autoscaler may add the node, so in a custom resource's condition it is no
   * failure by itself (a pod's own {@code Unschedulable} is the pod analyzer's, which fails it past kstatus'
   * 15-second window). Not the words
   * that only begin with it: a failover or failback is the switch to a standby, and a failsafe a safeguard
   * (Bitpoke's mysql-operator {@code PendingFailoverAck=False NoPendingFailoverAckExists}, held-out round
   * thirty-three). A time-out in one word as well as in two ({@code TimedOut}: Tekton's {@code CustomRunTimedOut},
   * held-out round forty-four; openshift-kni's oran-o2ims {@code ClusterProvisioned=False TimedOut}, which it reads
   * with {@code Failed}). A loss, as the status word {@code Lost} is one: Kubernetes' own {@code Lost} claim phase and
   * the node controller's {@code NodeLost}, Portworx's {@code QuorumLost}, DirectPV's {@code Ready=False NotReady}
   * "[DRIVE LOST] ..." on a volume whose drive was removed (held-out round forty-five); a word that ends in it
   * ({@code DriveLost}), not one that only begins with it. A denial in two words as well as in one: {@code not
   * authorized} is {@code unauthorized} (the Cluster Logging Operator's {@code Authorized=False ClusterRoleMissing}
   * "not authorized to collect [...] logs", held-out round seventy; AWS' IAM denial "is not authorized to perform:
   * ..." that the AWS controllers pass on; GitHub's "You're not authorized to push to this branch" in gitops-promoter's
   * ChangeTransferPolicy).
   */
  static final Pattern FAILURE = Pattern.compile("fail(?!over|back|safe)|error|invalid|notfound|not found|denied|"
      + "forbidden|unauthori|not authori[sz]ed|backoff|exceeded|conflict|reject|crash|refused|refusing|timeout|"
      + "timed ?out|terminal|abort|"
      + "lost\\b|"
      + "unable to|cannot|can't|could not|couldn't|\\bno \\w+ could\\b|unreachable|not reachable|notreachable|"
      + "unsupported|not supported|unrecognized|"
      + "unknown '?[\\w.-]+'? ?(parameter|field|option|setting|flag|key)", Pattern.CASE_INSENSITIVE);
  /**
   * Reasons that say something the work needs does not exist, the words operators write for the API's
   * {@code NotFound} ({@code not found} is a {@link #FAILURE} word): KubeVirt's {@code VirtualMachineSnapshot} and
   * Harvester's {@code VirtualMachineBackup} ({@code Progressing=False} "Source does not exist", held-out round
   * forty-nine); in one word as Milvus' {@code SecretNotExist} and KubeVirt's {@code VMINotExists} write it. Read only
   * on a False action condition ({@link ConditionVocabulary}): the action stopped for want of its input. Not on a
   * False readiness (where Milvus and KubeVirt write those two),
   * where the thing that does not exist yet may be the output the work will make (cert-manager's {@code Ready=False
   * DoesNotExist}, "Issuing certificate as Secret does not exist") or an instance stopped on request.
   */
  static final Pattern ABSENT = Pattern.compile("(does|do) ?not ?exist|doesn't exist|notexist|no longer exists?",
      Pattern.CASE_INSENSITIVE);
  /**
   * Reasons and messages of an Unknown readiness that say its reporter went silent, so nothing is known: the
   * node lifecycle controller's {@code NodeStatusUnknown} ("Kubelet stopped posting node status"), Open Cluster
   * Management's {@code ManagedClusterLeaseUpdateStopped} ("Registration agent stopped updating its lease"), a
   * member cluster that cannot be reached.
   */
  static final Pattern REPORTER_LOST = Pattern.compile("stopped (posting|updating|reporting|sending)|updatestopped|"
      + "statusunknown|unreachable|not reachable|notreachable|lost contact|heartbeat", Pattern.CASE_INSENSITIVE);
  /**
   * Reasons that say the capacity the work needs is not there yet: a scheduler or autoscaler that will place the work
   * once it is. Volcano's PodGroup {@code Unschedulable=True NotEnoughResources} (its docs: "accepted by Volcano but
   * its resource requirement has not been satisfied yet. Once satisfied, the status will turn to running", held-out
   * round fifty-five), the cluster autoscaler's ProvisioningRequest {@code Provisioned=False CapacityIsNotFound}
   * ("CA will try to find it later", held-out round eight): the work is queued until the capacity is found. Read from
   * the reason only: a pod's {@code PodScheduled=False Unschedulable} "Insufficient cpu" is the pod analyzer's, which
   * kstatus fails past its 15-second window, as nothing queues a pod. Only a shortage of capacity: "not enough" or
   * "insufficient" followed by what the work runs on (resources, capacity, nodes, instances, CPU, memory, GPUs, pods);
   * {@code InsufficientPermissions} or "not enough privileges" is a refusal, not a wait.
   */
  static final Pattern SHORTAGE = Pattern.compile("(not ?enough|insufficient) ?(resources?|capacity|nodes?|"
      + "instances?|cpus?|memory|gpus?|pods?)|capacity ?(is ?)?not ?found|out ?of ?capacity", Pattern.CASE_INSENSITIVE);

  /** Words of a reason that say failed or error ({@code InstallFailed}, {@code ReconcileError}, {@code FailedCreate}). */
  private static final Set<String> FAILED_WORDS = Set.of("fail", "failed", "failure", "failures", "failing", "error",
      "errors", "errored");
  /**
   * Words that take a failure word back ({@code NoError}, {@code ErrorsCleared}, {@code NotFailed}): Teleport's
   * operator writes {@code SuccessfullyReconciled=True NoError}.
   */
  private static final Set<String> FAILURE_UNDONE = Set.of("no", "not", "none", "without", "cleared", "resolved",
      "recovered", "fixed");

  /** Words of a reason that say the thing was stopped or shut down ({@code ServerStopped}, {@code Hibernating}). */
  private static final Set<String> STOPPED_REASON_WORDS = Set.of("stopped", "hibernated", "hibernating", "shutdown");
  /** A message that states the thing is stopped: "Server my-debezium is stopped", "the cluster was shut down". */
  private static final Pattern STOPPED_MESSAGE = Pattern.compile("\\b(is|was|are|were|has been|have been) "
      + "(stopped|hibernated|hibernating|shut down)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The rule by which a False condition says its object was stopped rather than that it waits or failed: its reason
   * names a stop ({@code ServerStopped}, {@code StoppingOrHibernating}, not {@code NotStopped}) or its message states
   * one ("Server my-debezium is stopped": the Debezium operator's {@code Running=False} for a server stopped on
   * request; Hive's {@code Ready=False} "Cluster is stopped"). A pause asked for is read from the reason already
   * ({@link #PAUSED}). Failure words outrank it (Hive's {@code ProvisionStopped}, "Provisioning failed terminally").
   */
  static Optional<String> stopped(Condition c) {
    List<String> words = ConditionVocabulary.words(c.reason());
    if (words.stream().noneMatch(w -> w.equals("not") || w.equals("no"))
        && words.stream().anyMatch(STOPPED_REASON_WORDS::contains)) {
      return Optional.of("reason:stopped");
    }
    // The message decides only where no reason does: "Ready=False WaitingForDatabase: database app-db is stopped" is a
    // wait for something else that stopped.
    return c.reason().isBlank() ? match(STOPPED_MESSAGE, c.message()).map(m -> "message:stopped") : Optional.empty();
  }

  /**
   * The rule by which a reason says the work waits for capacity ({@link #SHORTAGE}), if it does and does not also say
   * failed or error ({@code InsufficientCapacityError} is a failure the reporter gave up on).
   */
  static Optional<String> shortage(String reason) {
    return failedReason(reason).isPresent() ? Optional.empty()
        : match(SHORTAGE, reason).map(w -> CAPACITY_WAIT);
  }

  /** The rule of a reason that waits for capacity. */
  static final String CAPACITY_WAIT = "reason:capacity-wait";

  /** Words that deny what follows ({@code NotOverridden}, {@code NeverSucceeded}). */
  private static final Set<String> DENIALS = Set.of("not", "no", "never", "un");

  /**
   * Whether the reason's last word is one of {@code last} ({@code PodCompleted}, {@code Overridden}), no word denies it
   * ({@code OperationNotCompleted}) and it names no failure: a reason that plainly says that state.
   */
  static boolean endsPlainlyIn(String reason, Set<String> last) {
    List<String> words = ConditionVocabulary.words(reason);
    return !words.isEmpty() && last.contains(words.get(words.size() - 1))
        && words.stream().noneMatch(DENIALS::contains) && failedReason(reason).isEmpty();
  }

  /**
   * Whether a reason is a good word qualified by {@code Partial} or {@code Partially} ({@code PartiallyValid},
   * {@code PartialSuccess}), which the status words read as DEGRADED: some parts did not get there. Not partial work
   * still under way ({@code PartiallyUpgrading}) nor a failure word ({@code PartiallyFailed}, read as a failure).
   */
  static boolean partial(String reason) {
    return StatusWords.read(reason)
        .filter(m -> m.health() == Health.DEGRADED && m.rules().contains(Rules.FORM_PARTIAL))
        .isPresent();
  }

  /**
   * The failure word of a reason that says failed or error and does not take it back ({@code NoError}), or names a Go
   * error value ({@link ErrorNames}: {@code ErrGetKeyPair} gives {@code err}).
   */
  static Optional<String> failedReason(String reason) {
    List<String> words = ConditionVocabulary.words(reason);
    if (words.stream().anyMatch(FAILURE_UNDONE::contains)) {
      return Optional.empty();
    }
    if (ErrorNames.named(words)) {
      return Optional.of(words.get(0));
    }
    return words.stream().filter(FAILED_WORDS::contains).findFirst();
  }

  /**
   * The rule by which a reason names the readiness it reports as degraded, alone or ending a compound
   * ({@code Degraded}, {@code PrometheusDegraded}, {@code VGsDegraded}), not taken back ({@code NotDegraded}): the
   * word that reads DEGRADED in a phase ({@link StatusWords}) and names a bad-when-True condition
   * ({@code ConditionVocabulary}) says the same as a False readiness' reason. The observability-operator's
   * MonitoringStack ({@code Available=False PrometheusDegraded}, held-out round fifty-four), LVMS' LVMCluster
   * ({@code VolumeGroupsReady=False VGsDegraded}), MOCO's MySQLCluster ({@code Healthy=False Degraded}). Only the
   * reason, only the word: a message saying a part is degraded qualifies, it does not decide.
   */
  static Optional<String> degradedReason(String reason) {
    List<String> words = ConditionVocabulary.words(reason);
    return words.stream().noneMatch(FAILURE_UNDONE::contains) && StatusSignals.last(words).equals("degraded")
        ? Optional.of("reason:degraded") : Optional.empty();
  }

  /**
   * The rule by which a reason says "still working on it", if it does: a present participle among its words
   * ({@code Initializing}, {@code WaitingForInfrastructure}, {@code RestoringBackup}), else a stem of
   * {@link #IN_PROGRESS}. A reason with a negation ({@code NotRunning}) is not read by its participle.
   */
  static Optional<String> inProgress(String reason) {
    List<String> words = ConditionVocabulary.words(reason);
    if (words.stream().noneMatch(w -> w.equals("not") || w.equals("no"))) {
      for (String w : words) {
        if (work(w)) {
          return Optional.of(Rules.Family.FORM.of("-ing-reason"));
        }
      }
    }
    return match(IN_PROGRESS, reason).map(w -> "reason:progress:" + w);
  }

  /**
   * A verdict not given yet: the message of a False judgement ({@code Healthy}, {@code Valid}) that says the judged
   * thing is {@code not yet} there or reachable, where the reason names only the state ({@code NotReady}). The words
   * are a wait in the reasons this class reads ({@link #IN_PROGRESS}); operators that give a False condition a generic
   * reason write them in the message instead: the Cluster Inventory API's ClusterProfile reconciler
   * ({@code ControlPlaneHealthy=False ControlPlaneNotReady} "control plane not yet reachable: control plane endpoint is
   * not yet available", which its code calls "not a failure, just not ready yet"), the GitLab operator ("GitLab is
   * starting but not yet available"), the MongoDB Community operator ("ReplicaSet is not yet ready, retrying in 10
   * seconds"), CloudNativePG ("Some instances are not yet active. Please wait."), OLM ("requirements not yet checked").
   * A failure said in the same condition is read first, as for any False condition.
   */
  static Optional<String> notYet(String message) {
    return match(NOT_YET, message).map(w -> "message:not-yet");
  }

  private static final Pattern NOT_YET = Pattern.compile("\\bnot yet\\b", Pattern.CASE_INSENSITIVE);

  /** A present participle that names work going on ({@code Initializing}, {@code Resizing}), not a state or a fault. */
  static boolean work(String word) {
    return word.length() >= 6 && word.endsWith("ing") && !NOT_WORK.contains(word);
  }

  /** Participles that are no work in progress: a state ({@code Running}) or a fault ({@code Missing}). */
  private static final Set<String> NOT_WORK = Set.of("running", "missing", "warning", "failing", "erroring",
      "crashing", "existing", "remaining");

  /** The part of the text the pattern matched, lower case; the rule a decision rests on. */
  static Optional<String> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group().toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  private ReasonVocabulary() {}
}
