package dev.blame.analyzers.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic analysis on custom resources of operators that are not in the Argo CD training corpus, in the
 * status shapes their documentation shows (Tekton {@code docs/pipelineruns.md} "Monitoring execution status",
 * cert-manager {@code docs/reference/api-docs} Certificate conditions, KEDA ScaledObject conditions, Strimzi
 * "Custom resource status information", Velero {@code BackupPhase}, CloudNativePG Cluster status): a check that
 * the conventions hold beyond the operators they were learned from.
 */
class GenericConventionsTest {

  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of("tekton.dev/v1", "PipelineRun", """
            status:
              conditions:
              - {type: Succeeded, status: Unknown, reason: Running, message: "Tasks Completed: 0, Incomplete: 2"}
            """, Health.PROGRESSING),
        Arguments.of("tekton.dev/v1", "PipelineRun", """
            status:
              conditions:
              - {type: Succeeded, status: "True", reason: Succeeded, message: "Tasks Completed: 2, Skipped: 0"}
            """, Health.HEALTHY),
        Arguments.of("tekton.dev/v1", "PipelineRun", """
            status:
              conditions:
              - {type: Succeeded, status: "False", reason: Failed, message: "Tasks Completed: 1 (Failed: 1)"}
            """, Health.DEGRADED),
        Arguments.of("tekton.dev/v1", "PipelineRun", """
            spec: {status: PipelineRunPending}
            status:
              conditions:
              - {type: Succeeded, status: Unknown, reason: PipelineRunPending}
            """, Health.PROGRESSING),
        Arguments.of("cert-manager.io/v1", "Certificate", """
            status:
              conditions:
              - {type: Ready, status: "False", reason: DoesNotExist, message: "Issuing certificate as Secret does not exist"}
              - {type: Issuing, status: "True", reason: DoesNotExist}
            """, Health.PROGRESSING),
        Arguments.of("cert-manager.io/v1", "Certificate", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Ready, message: "Certificate is up to date and has not expired", observedGeneration: 1}
            """, Health.HEALTHY),
        Arguments.of("keda.sh/v1alpha1", "ScaledObject", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: ScaledObjectReady}
              - {type: Active, status: "False", reason: ScalerNotActive}
              - {type: Fallback, status: "False", reason: NoFallbackFound}
            """, Health.HEALTHY),
        Arguments.of("kafka.strimzi.io/v1beta2", "Kafka", """
            status:
              observedGeneration: 1
              conditions:
              - {type: NotReady, status: "True", reason: Creating, message: "Kafka cluster is being deployed"}
            """, Health.PROGRESSING),
        Arguments.of("kafka.strimzi.io/v1beta2", "Kafka", """
            status:
              observedGeneration: 1
              conditions:
              - {type: Ready, status: "True"}
              - {type: Warning, status: "True", reason: KafkaStorage, message: "deprecated storage"}
            """, Health.HEALTHY),
        Arguments.of("velero.io/v1", "Backup", "status: {phase: Completed}\n", Health.HEALTHY),
        Arguments.of("velero.io/v1", "Backup", "status: {phase: PartiallyFailed, errors: 2}\n", Health.DEGRADED),
        Arguments.of("velero.io/v1", "Backup", "status: {phase: InProgress}\n", Health.PROGRESSING),
        Arguments.of("postgresql.cnpg.io/v1", "Cluster", """
            status:
              phase: Cluster in healthy state
              readyInstances: 3
              conditions:
              - {type: Ready, status: "True", reason: ClusterIsReady}
            """, Health.HEALTHY),
        // A status a controller wrote, with nothing about readiness: being worked on, not ready (never HEALTHY);
        // an empty one says nothing at all (ACK, MariaDB, KubeVirt, Gateway API in the training corpus).
        Arguments.of("example.com/v1", "Widget", "status: {version: 1.2.3, revision: 4}\n", Health.PROGRESSING),
        Arguments.of("services.k8s.aws/v1alpha1", "Bucket", """
            status:
              ackResourceMetadata: {arn: "arn:aws:s3:::b", ownerAccountID: "111111111111", region: us-west-2}
            """, Health.PROGRESSING),
        Arguments.of("example.com/v1", "Widget", "status: {}\n", Health.UNKNOWN),
        // error/failure + Message, Reason, Type, Description, Details: the failure the controller cannot get past.
        Arguments.of("iammanager.keikoproj.io/v1alpha1", "Iamrole", """
            status: {state: RolesMaxLimitReached, retryCount: 0, errorDescription: "maximum number of allowed roles reached"}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Host", "status: {state: provisioned, errorDetails: \"\", lastError: boom}\n",
            Health.HEALTHY),
        Arguments.of("example.com/v1", "Widget", "spec: {paused: true}\nstatus: {phase: Failed}\n",
            Health.SUSPENDED),
        // A negated ability (Irreconcilable: the Operator SDK's Helm operators; NetworkUnavailable: core's Node) or a
        // negated or failed participle (Unresolved, Misconfigured, Malformed) names a bad state: bad when True, good
        // when False, whatever the -ed form of the type would otherwise say.
        Arguments.of("cache.example.com/v1alpha1", "Memcached", """
            status:
              conditions:
              - {type: Deployed, status: "True", reason: InstallSuccessful}
              - {type: Irreconcilable, status: "True", reason: ReconcileError, message: "chart values are invalid"}
            """, Health.DEGRADED),
        Arguments.of("cache.example.com/v1alpha1", "Memcached", """
            status:
              conditions:
              - {type: Deployed, status: "True", reason: InstallSuccessful}
              - {type: Irreconcilable, status: "False", reason: ReconcileSuccessful}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "Link", """
            status:
              conditions:
              - {type: PeerUnavailable, status: "True", reason: NoRoute}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Route", """
            status:
              conditions:
              - {type: BackendsUnresolved, status: "True", reason: ServiceGone}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Route", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Misconfigured, status: "False", reason: AsExpected}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "Registration", """
            status:
              conditions:
              - {type: CredentialsMalformed, status: "True", reason: BadSecret}
            """, Health.DEGRADED),
        // un- undoing an action is no negation: bpfman's BpfProgram writes Unloaded=True reason bpfmanUnloaded once its
        // programs are removed from the node (bpfman-operator apis/v1alpha1/shared_types.go, BpfProgCondUnloaded); the
        // undoing of a state read as bad or held (Unblocked, Uncordoned, Unpaused) cannot be bad either.
        Arguments.of("bpfman.io/v1alpha1", "BpfProgram", """
            status:
              conditions:
              - {type: Unloaded, status: "True", reason: bpfmanUnloaded, message: "This BpfProgram object and all it's bpfman programs have been unloaded"}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "Lease", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Unblocked, status: "True", reason: QuotaFreed}
            """, Health.HEALTHY),
        // Strimzi's topic operator writes Unmanaged=True in place of Ready for a KafkaTopic annotated
        // strimzi.io/managed: "false", in the branch that writes ReconciliationPaused for a paused one
        // (BatchingTopicController.updateStatusForSuccess): a hands-off someone asked for, not a failure.
        Arguments.of("kafka.strimzi.io/v1beta2", "KafkaTopic", """
            status:
              conditions:
              - {type: Unmanaged, status: "True"}
            """, Health.SUSPENDED),
        // in-/im- begin many words that negate nothing, and an un- participle may undo an action on purpose: such
        // types are not read as faults by their form.
        Arguments.of("example.com/v1", "Bundle", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Installable, status: "True", reason: DependenciesMet}
              - {type: SpecImmutable, status: "True", reason: Locked}
              - {type: Uninstalled, status: "False", reason: Installed}
            """, Health.HEALTHY),
        // Offline is the opposite of Online: a failure as a state and as a condition type.
        Arguments.of("example.com/v1", "Member", "status: {state: Offline}\n", Health.DEGRADED),
        Arguments.of("example.com/v1", "Member", """
            status:
              conditions:
              - {type: Offline, status: "True", reason: NoHeartbeat}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Member", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Offline, status: "False", reason: HeartbeatReceived}
            """, Health.HEALTHY),
        // An action is one execution, as a run is (Kasten's BackupAction, RestoreAction): Running is on the way to its
        // outcome. So is a status field named for one (Fission's buildstatus, a backupStatus), whatever the kind;
        // elsewhere Running is the state to reach.
        Arguments.of("example.com/v1", "ExportAction", "status: {state: Running}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "ExportAction", "status: {state: Complete}\n", Health.HEALTHY),
        Arguments.of("example.com/v1", "Function", "status: {buildStatus: running}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "Function", "status: {buildStatus: succeeded}\n", Health.HEALTHY),
        Arguments.of("example.com/v1", "Database", "status: {backupstatus: Running, state: Running}\n",
            Health.PROGRESSING),
        Arguments.of("example.com/v1", "Database", "status: {state: Running}\n", Health.HEALTHY),
        Arguments.of("example.com/v1", "Database", "status: {runtimestatus: Running}\n", Health.HEALTHY),
        // An entry of a list named for runs is one execution (Argo Rollouts' analysisRuns[].phase, LitmusChaos'
        // experiments[].status): its Running is on the way to an outcome. Entries of other lists are not runs.
        Arguments.of("example.com/v1", "LoadTest", """
            status:
              jobs:
              - {name: spike, phase: Running}
            """, Health.PROGRESSING),
        Arguments.of("example.com/v1", "LoadTest", """
            status:
              jobs:
              - {name: spike, phase: Succeeded}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "LoadTest", """
            status:
              members:
              - {name: spike, phase: Running}
            """, Health.HEALTHY),
        // A terminal condition will not get better, whatever words its reason holds (ACK writes a sentence there).
        Arguments.of("s3.services.k8s.aws/v1alpha1", "Bucket", """
            status:
              conditions:
              - type: ACK.Terminal
                status: "True"
                message: Resource already exists
                reason: "This resource already exists but is not managed by ACK. To bring the resource under ACK management, you should explicitly adopt the resource by creating a services.k8s.aws/AdoptedResource"
            """, Health.DEGRADED),
        // stage is a phase by another name (k6 TestRun, Grafana operator, Kargo Promotion, Stork ApplicationBackup);
        // a run that is not running has not started or has ended, so its False Running is no wait by itself, while a
        // service's False Running still is.
        Arguments.of("example.com/v1", "BenchmarkRun", """
            status:
              stage: finished
              conditions:
              - {type: BenchmarkRunning, status: "False", reason: BenchmarkRunningFalse}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "BenchmarkRun", """
            status:
              stage: error
              conditions:
              - {type: BenchmarkRunning, status: "False", reason: BenchmarkRunningFalse}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Server", """
            status:
              conditions:
              - {type: Running, status: "False", reason: Starting}
            """, Health.PROGRESSING),
        // A pause qualified by what it holds still is the object's pause (Strimzi's and Stackable's
        // ReconciliationPaused); False, nothing is paused; a pause the operator had to make is a failure.
        Arguments.of("kafka.strimzi.io/v1beta2", "KafkaConnector", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: ReconciliationPaused, status: "True", reason: ReconciliationPaused}
            """, Health.SUSPENDED),
        Arguments.of("example.com/v1", "Pipeline", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: RolloutPaused, status: "False", reason: Running}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "Pipeline", """
            status:
              conditions:
              - {type: SyncSuspended, status: "True", reason: QuotaExceeded, message: "storage quota exceeded"}
            """, Health.DEGRADED),
        // Processed: a request handled (Velero's DownloadRequest, DeleteBackupRequest and ServerStatusRequest go
        // New -> Processed; the Java Operator SDK ping-pong sample's state PROCESSED). Healthy, but not a done word
        // that outranks what the parts say: in a pipeline it is often a middle stage (received, processed, applied).
        Arguments.of("velero.io/v1", "DeleteBackupRequest", "status: {phase: Processed}\n", Health.HEALTHY),
        Arguments.of("velero.io/v1", "DownloadRequest", "status: {phase: New}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "ImportJob", """
            status: {state: PROCESSED, progress: {percentCompleted: "40"}}
            """, Health.PROGRESSING),
        Arguments.of("example.com/v1", "Import", "status: {phase: Processed, failed: 3}\n", Health.DEGRADED),
        // A bare progress or a <step>Progress percentage below 100 qualifies a resting word as a run under way (the
        // Node Maintenance Operator's drainProgress, Gardener's lastOperation.progress, CDI's DataVolume progress); at
        // 100, or an inProgress count, or a fraction, it does not.
        Arguments.of("example.com/v1", "HostEvacuation", """
            status: {phase: Running, evacuationProgress: 35, pendingPods: [a, b]}
            """, Health.PROGRESSING),
        Arguments.of("example.com/v1", "Copy", "status: {state: Active, progress: \"12.5%\"}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "HostEvacuation", """
            status: {phase: Running, evacuationProgress: 100}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "Copy", "status: {state: Active, inProgress: 0, progress: \"2/2\"}\n",
            Health.HEALTHY),
        // A namespace is a name, not a state: "monitoring" is no participle of work going on (Sveltos' helm release
        // summaries name the release's namespace).
        Arguments.of("example.com/v1", "Widget", """
            status: {phase: Running, release: {releaseNamespace: monitoring, releaseName: prometheus}}
            """, Health.HEALTHY),
        // Sleeping: scaled down on purpose (Kamaji's TenantControlPlane), of the hibernation family, not a
        // participle of work going on; nested, it describes a part, which pauses nothing (as for every pause word).
        Arguments.of("example.com/v1", "ControlPlane", "status: {state: Sleeping, replicas: 0}\n", Health.SUSPENDED),
        Arguments.of("example.com/v1", "ControlPlane", """
            status: {resources: {version: {version: v1.30.2, status: Sleeping}, deployment: {replicas: 0}}}
            """, Health.PROGRESSING),
        // spec.disabled: the user took the object out of service (Cilium's and Calico's IP pools), as spec.paused.
        Arguments.of("example.com/v1", "AddressPool", """
            spec: {disabled: true}
            status:
              conditions:
              - {type: Ready, status: "True", reason: Reconciled}
            """, Health.SUSPENDED),
        Arguments.of("example.com/v1", "AddressPool", """
            spec: {disabled: false}
            status:
              conditions:
              - {type: Ready, status: "True", reason: Reconciled}
            """, Health.HEALTHY),
        // The same words as spec booleans are the user asking the object to stand still (KubeDB's spec.halted): a
        // halt the user asked for is a pause, whatever the conditions say of it; one nobody asked for stays a fault.
        Arguments.of("example.com/v1", "Database", """
            spec: {halted: true}
            status:
              phase: Halted
              conditions:
              - {type: Halted, status: "True", reason: Halted}
            """, Health.SUSPENDED),
        Arguments.of("example.com/v1", "Database", """
            spec: {halted: false}
            status:
              conditions:
              - {type: Halted, status: "True", reason: ParentMissing}
            """, Health.DEGRADED),
        // A step done to some parts is a step on the way (Dragonfly's ResourcesCreated comes before replication is
        // set up, then Ready); the bare word is the object's own state (Rook's state: Created).
        Arguments.of("example.com/v1", "Cache", "status: {phase: ResourcesCreated}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "Cache", "status: {phase: PodsScheduled}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "Cache", "status: {state: Created}\n", Health.HEALTHY),
        Arguments.of("example.com/v1", "Cache", "status: {state: Created successfully}\n", Health.HEALTHY),
        Arguments.of("example.com/v1", "Cache", "status: {state: Successfully created}\n", Health.HEALTHY),
        // A status boolean named by a suspension word is a suspension flag (Gardener's status.hibernated), whatever
        // the last operation says; false, it says nothing.
        Arguments.of("example.com/v1", "Environment", """
            status: {hibernating: true, lastOperation: {state: Succeeded, progress: 100}}
            """, Health.SUSPENDED),
        // A part's flag pauses nothing (a node of the cluster hibernated).
        Arguments.of("example.com/v1", "Environment", """
            status: {phase: Running, nodes: [{name: a, hibernated: true}, {name: b, hibernated: false}]}
            """, Health.HEALTHY),
        // A pause outranks the status, which dates from before it, but not a failure reported for the generation
        // that asked for the pause: the pause itself failed.
        Arguments.of("example.com/v1", "Environment", """
            spec: {hibernate: true}
            status:
              phase: Failed
              conditions:
              - {type: Ready, status: "False", reason: HibernationFailed, message: "cannot scale down", observedGeneration: 1}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Environment", """
            spec: {hibernate: true}
            status:
              conditions:
              - {type: Ready, status: "False", reason: ProvisioningFailed, observedGeneration: 0}
            """, Health.SUSPENDED),
        Arguments.of("example.com/v1", "Environment", """
            status:
              hibernated: false
              conditions:
              - {type: Ready, status: "True", reason: Reconciled}
            """, Health.HEALTHY),
        Arguments.of("monitoring.coreos.com/v1", "ServiceMonitor", "spec: {endpoints: [{port: web}]}\n",
            Health.PROGRESSING),
        Arguments.of("v1", "Endpoints", "subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{port: 80}]}]\n",
            Health.HEALTHY),
        // Severity (Cluster API): Info is a normal wait; Warning is a problem as Error is, unless its reason says
        // what it waits for (aWarningWhoseReasonNamesWhatItAwaitsIsThatWait).
        Arguments.of("example.com/v1", "Widget", """
            status:
              conditions:
              - {type: Ready, status: "False", severity: Warning, reason: UnknownError, message: "deployment error"}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Widget", """
            status:
              conditions:
              - {type: Ready, status: "False", severity: Info, reason: Reconciling}
            """, Health.PROGRESSING),
        // Part counters: a pending part is not running yet, a failed part fails a run that has not succeeded.
        Arguments.of("example.com/v1", "Run", "status: {state: {phase: Running}, running: 2, pending: 1}\n",
            Health.PROGRESSING),
        Arguments.of("example.com/v1", "Run", """
            status:
              conditions:
              - {type: Running, status: "True", reason: Running}
              replicaStatuses: {Worker: {active: 2}, PS: {failed: 1}}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Run", "status: {phase: Succeeded, succeeded: 3, failed: 1}\n", Health.HEALTHY),
        // A failed part beside running parts of the same set is being retried (the Job controller under
        // backoffLimit; Kubeflow replicaStatuses); a failed set with nothing running beside it fails the run.
        Arguments.of("kubeflow.org/v1", "PyTorchJob", """
            status:
              conditions:
              - {type: Running, status: "True", reason: PyTorchJobRunning}
              replicaStatuses: {Master: {active: 1}, Worker: {active: 2, failed: 1}}
            """, Health.PROGRESSING),
        Arguments.of("batch.volcano.sh/v1alpha1", "Job", "status: {state: {phase: Running}, running: 2, failed: 1}\n",
            Health.PROGRESSING),
        Arguments.of("batch.volcano.sh/v1alpha1", "Job", "status: {state: {phase: Terminated}, failed: 1, running: 0}\n",
            Health.DEGRADED),
        Arguments.of("example.com/v1", "Pool", "status: {phase: Running, failed: 0, pending: 0}\n", Health.HEALTHY),
        // A kind named for a run (…Run, …Job, Workflow, Backup…) is on its way while Running; a service runs for good.
        Arguments.of("tekton.dev/v1", "PipelineRun", "status: {phase: Running}\n", Health.PROGRESSING),
        Arguments.of("backup.example.io/v1", "DatabaseBackup", "status: {state: running}\n", Health.PROGRESSING),
        Arguments.of("batch.example.io/v1", "TrainingJob", """
            status:
              conditions:
              - {type: Running, status: "True"}
            """, Health.PROGRESSING),
        Arguments.of("batch.example.io/v1", "TrainingJob", "status: {phase: Succeeded}\n", Health.HEALTHY),
        // Must not fire: a long-running kind whose last word only looks like a run's.
        Arguments.of("db.example.io/v1", "Database", "status: {phase: Running}\n", Health.HEALTHY),
        Arguments.of("example.com/v1", "Runner", "status: {phase: Running}\n", Health.HEALTHY),
        // A status word, then its explanation: the word decides.
        Arguments.of("secrets.example.io/v1", "SyncedSecret", "status: {status: \"ERROR, the backend can't find key /a/b in the store\"}\n",
            Health.DEGRADED),
        Arguments.of("secrets.example.io/v1", "SyncedSecret", "status: {state: \"Ready: synced 3 keys from the store a minute ago\"}\n",
            Health.HEALTHY),
        Arguments.of("secrets.example.io/v1", "SyncedSecret", "status: {state: \"Ready: not all of the 3 keys could be read from the store\", observedGeneration: 1}\n",
            Health.PROGRESSING),
        // Must not fire: a phrase without a leading status word says nothing.
        Arguments.of("secrets.example.io/v1", "SyncedSecret", "status: {state: \"Backend: vault at https://vault:8200\", observedGeneration: 1}\n",
            Health.PROGRESSING),
        // Learned from held-out round seven (so its cases no longer measure held-out), each on objects of other names:
        // a No… type names something needed that is missing, bad when True, unless what is absent is a fault.
        Arguments.of("scaling.example.io/v1", "Autoscaler", """
            status:
              conditions:
              - {type: NoTargetsFound, status: "True", message: "no workload matches the selector"}
            """, Health.DEGRADED),
        Arguments.of("mq.example.io/v1", "Broker", """
            status:
              conditions:
              - {type: NoWarnings, status: "True"}
              - {type: Ready, status: "True"}
            """, Health.HEALTHY),
        // Unsupported in a type is bad when True, as Invalid is.
        Arguments.of("scaling.example.io/v1", "Autoscaler", """
            status:
              conditions:
              - {type: PolicyUnsupported, status: "True", message: "cannot scale a DaemonSet"}
            """, Health.DEGRADED),
        // A type that is one participle names an action: False with a failure reason, it failed; True says nothing.
        Arguments.of("storage.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: Replicating, status: "False", reason: Error, message: "connection refused by the peer"}
            """, Health.DEGRADED),
        Arguments.of("db.example.io/v1", "Database", """
            status:
              conditions:
              - {type: Initializing, status: "True"}
              - {type: Ready, status: "True"}
            """, Health.HEALTHY),
        // A run's percentage below 100 qualifies its healthy word; a done word outranks it.
        Arguments.of("ops.example.io/v1", "Operation", "status: {state: running, progress: {percentComplete: \"12.5\"}}\n",
            Health.PROGRESSING),
        Arguments.of("ops.example.io/v1", "Operation", "status: {state: complete, progress: {percentComplete: \"66.67\"}}\n",
            Health.HEALTHY),
        Arguments.of("ops.example.io/v1", "Operation", "status: {state: running, progress: {percentComplete: 100}}\n",
            Health.HEALTHY),
        // The latest of repeated runs started and not ended is under way; a lone start time says nothing.
        Arguments.of("storage.example.io/v1", "Mirror", """
            status:
              lastCopyStartTime: "2025-01-01T10:00:00Z"
              lastCopyTime: "2025-01-01T09:00:00Z"
              conditions:
              - {type: Reconciled, status: "True"}
            """, Health.PROGRESSING),
        Arguments.of("storage.example.io/v1", "Mirror", """
            status:
              lastCopyStartTime: "2025-01-01T10:00:00Z"
              lastCopyTime: "2025-01-01T10:05:00Z"
              conditions:
              - {type: Reconciled, status: "True"}
            """, Health.HEALTHY),
        Arguments.of("stream.example.io/v1", "StreamJobDeployment", """
            status:
              jobStatus: {state: RUNNING, startTime: "2025-01-01T10:00:00Z"}
            """, Health.HEALTHY),
        Arguments.of("backup.example.io/v1", "RestoreSession", "status: {phase: Running}\n", Health.PROGRESSING),
        // Configuration the software refuses fails a False readiness whatever its reason.
        Arguments.of("mq.example.io/v1", "Broker", """
            status:
              conditions:
              - {type: ReconcileSuccess, status: "False", reason: Initializing, message: "Unknown 'foo' parameter"}
            """, Health.DEGRADED),
        Arguments.of("mq.example.io/v1", "Broker", """
            status:
              conditions:
              - {type: Ready, status: "False", reason: UnsupportedVersion, message: "version 9 is not supported"}
            """, Health.DEGRADED),
        // Must not fire: a False readiness that waits, with no refusal in it.
        Arguments.of("mq.example.io/v1", "Broker", """
            status:
              conditions:
              - {type: ReconcileSuccess, status: "False", reason: Initializing, message: "Unknown yet: waiting for pods"}
            """, Health.PROGRESSING),
        // A one-word status value in a field of any name; names, reasons and kinds are not states.
        Arguments.of("example.com/v1", "Volume", "status: {state: attached, robustness: degraded}\n", Health.DEGRADED),
        Arguments.of("example.com/v1", "Database", "status: {operatorProgress: Updating}\n", Health.PROGRESSING),
        Arguments.of("example.com/v1", "Database", "status: {phase: Running, lastJobName: failed, failurePolicy: Fail}\n",
            Health.HEALTHY),
        Arguments.of("example.com/v1", "Database", "status: {tier: active}\n", Health.PROGRESSING),
        // A state reached in part is not reached; a True Ready summary outranks it.
        Arguments.of("example.com/v1", "Fanout", """
            status:
              conditions:
              - {type: PartiallyReady, status: "True", message: "2 of 5 namespaces failed"}
            """, Health.DEGRADED),
        Arguments.of("example.com/v1", "Fanout", """
            status:
              conditions:
              - {type: PartiallySynced, status: "True", message: "3 of 5 targets synced"}
            """, Health.PROGRESSING),
        Arguments.of("example.com/v1", "Fanout", """
            status:
              conditions:
              - {type: PartiallyReady, status: "True", message: "one namespace failed"}
              - {type: Ready, status: "True"}
            """, Health.HEALTHY),
        // A True Ready sums up the waits of the parts beside it, not the readiness named for the object's own kind
        // (Seldon's ModelReady, Elemental's SeedImageReady): that one is the object's.
        Arguments.of("example.com/v1", "DiskImage", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: ChildrenCreated}
              - {type: DiskImageReady, status: "False", reason: ImageBuildOngoing}
            """, Health.PROGRESSING),
        Arguments.of("example.com/v1", "DiskImage", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: ChildrenCreated}
              - {type: CacheReady, status: "False", reason: CacheWarmingOngoing}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "DiskImage", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: ChildrenCreated}
              - {type: DiskImageReady, status: "True", reason: ImageBuilt}
            """, Health.HEALTHY),
        // Steps on the way (PodScheduled, Initialized, Synced): True alone is work under way, not health.
        Arguments.of("example.com/v1", "Volume", """
            status:
              state: detached
              conditions:
              - {type: Scheduled, status: "True"}
            """, Health.PROGRESSING),
        // A run's outcome field that says it was stopped: the run ended without a result (a failure), although
        // its phase says only that it ended. Shape of Testkube's execution result and Flagger-like runs.
        Arguments.of("tests.example.io/v1", "TestRun", """
            status:
              execution: {phase: Finished, outcome: Stopped, errorCount: 0}
            """, Health.DEGRADED),
        Arguments.of("tests.example.io/v1", "TestRun", """
            status: {phase: Succeeded, result: Stopped}
            """, Health.DEGRADED),
        // An Unknown readiness whose reporter went silent is UNKNOWN (nothing is known), not work in progress.
        Arguments.of("fleet.example.io/v1", "MemberCluster", """
            status:
              conditions:
              - {type: Ready, status: Unknown, reason: ClusterStatusUnknown, message: "Agent stopped posting cluster status."}
            """, Health.UNKNOWN),
        Arguments.of("fleet.example.io/v1", "MemberCluster", """
            status:
              conditions:
              - {type: Available, status: Unknown, reason: ClusterNotReachable, message: "cluster is not reachable"}
            """, Health.UNKNOWN),
        // A readiness False whose message states that the operator could not do it: a failure, not a wait (Go's
        // "unable to", "cannot", "could not", "no key could ..."), as a reason with "failed" already is.
        Arguments.of("secrets.example.io/v1", "ExternalSecret", """
            status:
              observedGeneration: 1
              conditions:
              - {type: Ready, status: "False", reason: SecretNotSynced, message: "could not get secret data from provider"}
            """, Health.DEGRADED),
        Arguments.of("secrets.example.io/v1", "SealedThing", """
            status:
              conditions:
              - {type: Synced, status: "False", message: "unable to decrypt: no key could decrypt the data"}
            """, Health.DEGRADED),
        // Must not fire: a False readiness that waits says nothing of failing.
        Arguments.of("secrets.example.io/v1", "SealedThing", """
            status:
              conditions:
              - {type: Synced, status: "False", reason: Pending, message: "waiting for the controller to pick it up"}
            """, Health.PROGRESSING),
        // Words operators use for states: cordoned (a node, a Capsule tenant, a Buildkite agent) is set aside on
        // purpose; faulted (Longhorn's robustness, workflow engines) has failed; operational (VictoriaMetrics'
        // updateStatus, ECK's orchestration phase) is fine.
        Arguments.of("tenancy.example.io/v1", "Workspace", "status: {state: Cordoned, namespaces: 3}\n", Health.SUSPENDED),
        Arguments.of("storage.example.io/v1", "Replica", "status: {mode: RW, health: Faulted}\n", Health.DEGRADED),
        Arguments.of("monitoring.example.io/v1", "Collector", "status: {updateStatus: operational, replicas: 2}\n",
            Health.HEALTHY),
        // Parts out of service are lost redundancy, whatever the overall word: nodesDown beside health yellow.
        Arguments.of("search.example.io/v1", "Cluster", "status: {health: yellow, nodesDown: 1, nodes: 5}\n",
            Health.DEGRADED),
        // Must not fire: yellow with nothing out of service waits (Argo CD's ECK scripts); a cooldown is no part.
        Arguments.of("search.example.io/v1", "Cluster", "status: {health: yellow, nodesDown: 0, cooldown: 30}\n",
            Health.PROGRESSING),
        // A flag naming an absence is a failure when true: nothing matched, something is missing.
        Arguments.of("dashboards.example.io/v1", "Panel", "status: {noMatchingTargets: true}\n", Health.DEGRADED),
        Arguments.of("apps.example.io/v1", "Bundle", "status: {phase: Ready, missingDependencies: true}\n",
            Health.DEGRADED),
        // Must not fire: the same flags false.
        Arguments.of("apps.example.io/v1", "Bundle", "status: {phase: Ready, missingDependencies: false, noMatchingTargets: false}\n",
            Health.HEALTHY),
        // A halt is an involuntary stop: a type that says it halted is bad when True (as Stalled is), fine when False.
        Arguments.of("sync.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: ReplicationHalted, status: "True", reason: SourceGone}
            """, Health.DEGRADED),
        Arguments.of("sync.example.io/v1", "Mirror", """
            status:
              phase: Running
              conditions:
              - {type: ReplicationHalted, status: "False"}
            """, Health.HEALTHY),
        // Impossibility words in the object's own state: it cannot be placed, it cannot recover.
        Arguments.of("batch.example.io/v1", "Gang", "status: {state: Unschedulable}\n", Health.DEGRADED),
        Arguments.of("batch.example.io/v1", "Gang", "status: {phase: Unrecoverable}\n", Health.DEGRADED),
        // Must not fire: a reason Unschedulable on a False readiness still waits (kstatus and Argo CD read a pod so).
        Arguments.of("batch.example.io/v1", "Gang", """
            status:
              conditions:
              - {type: Ready, status: "False", reason: Unschedulable}
            """, Health.PROGRESSING),
        // A False readiness because the target cannot be reached is a failure (a reporter gone silent is Unknown).
        Arguments.of("fleet.example.io/v1", "MemberCluster", """
            status:
              conditions:
              - {type: Ready, status: "False", reason: APIServerUnreachable, message: "dial tcp 10.0.0.1:6443: i/o timeout"}
            """, Health.DEGRADED),
        // A stop the operator made because something is missing is a failure; one asked for is a pause.
        Arguments.of("ops.example.io/v1", "Remediator", """
            status:
              phase: Disabled
              conditions:
              - {type: Disabled, status: "True", reason: ConfigMapNotFound, message: "configmap \\"policy\\" not found"}
            """, Health.DEGRADED),
        Arguments.of("ops.example.io/v1", "Remediator", """
            status:
              phase: Disabled
              conditions:
              - {type: Disabled, status: "True", reason: DisabledByUser}
            """, Health.SUSPENDED),
        // readyToUse is the readiness of snapshots (CSI's VolumeSnapshot, KubeVirt's VirtualMachineSnapshot); an error
        // recorded beside a false one is the failure, beside a true one it is history.
        Arguments.of("snapshot.kubevirt.io/v1beta1", "VirtualMachineSnapshot", "status: {readyToUse: true, phase: Succeeded}\n",
            Health.HEALTHY),
        Arguments.of("snapshot.kubevirt.io/v1beta1", "VirtualMachineSnapshot", """
            status:
              readyToUse: false
              error: {message: "VolumeSnapshot vmsnapshot-disk failed: quota exceeded", time: "2025-01-01T00:00:00Z"}
            """, Health.DEGRADED),
        Arguments.of("snapshot.kubevirt.io/v1beta1", "VirtualMachineSnapshot", """
            status:
              readyToUse: true
              error: {message: "the object has been modified; please apply your changes", time: "2025-01-01T00:00:00Z"}
            """, Health.HEALTHY),
        // An error string in status is the failure the operator is stuck on; an empty one says there is none.
        Arguments.of("streams.example.io/v1", "Pipeline", "status: {phase: Running, error: \"savepoint failed: timeout\"}\n",
            Health.DEGRADED),
        Arguments.of("streams.example.io/v1", "Pipeline", "status: {phase: Running, error: \"\"}\n", Health.HEALTHY),
        // Must not fire: a passing outcome under a terminal phase, and a stop word in a phase (a pause).
        Arguments.of("tests.example.io/v1", "TestRun", """
            status: {phase: Completed, verdict: Passed}
            """, Health.HEALTHY),
        Arguments.of("tests.example.io/v1", "TestRun", """
            status: {phase: Stopped}
            """, Health.SUSPENDED),
        Arguments.of("example.com/v1", "Bucket", """
            status:
              conditions:
              - {type: Synced, status: "True", reason: ReconcileSuccess}
              - {type: Ready, status: "True", reason: Available}
            """, Health.HEALTHY),
        Arguments.of("example.com/v1", "Bucket", """
            status:
              conditions:
              - {type: Synced, status: "False", reason: ReconcileError, message: "cannot create bucket: access denied"}
            """, Health.DEGRADED),
        // A kind named as a run after an acronym (DBRestore, VMSnapshotJob): the last capital begins the run's word,
        // so Running there is on the way; a service so named (DBCluster) runs for good.
        Arguments.of("db.example.io/v1", "DBRestore", "status: {progress: {state: Running}}\n", Health.PROGRESSING),
        Arguments.of("db.example.io/v1", "DBRestore", "status: {progress: {state: Completed}}\n", Health.HEALTHY),
        Arguments.of("db.example.io/v1", "DBCluster", "status: {progress: {state: Running}}\n", Health.HEALTHY),
        // Started is a step: alone, the work began and has not ended; beside the end it reached, the end decides.
        Arguments.of("diag.example.io/v1", "HeapCapture", """
            status:
              conditions:
              - {type: Started, status: "True"}
            """, Health.PROGRESSING),
        Arguments.of("diag.example.io/v1", "HeapCapture", """
            status:
              conditions:
              - {type: Started, status: "True"}
              - {type: Completed, status: "True"}
            """, Health.HEALTHY),
        Arguments.of("diag.example.io/v1", "HeapCapture", """
            status:
              conditions:
              - {type: Started, status: "True"}
              - {type: Failed, status: "True", reason: PodNotFound}
            """, Health.DEGRADED),
        // A phase Running beside a recorded start and no end is a run under way, whatever the kind is named; beside
        // readiness it is a service that runs, and without a start it is read as before.
        Arguments.of("bundles.example.io/v1", "Release", """
            status:
              phase: Running
              conditions:
              - {type: Scheduled, status: "True", reason: PodCreated}
              - {type: Started, status: "True", reason: PodStarted}
            """, Health.PROGRESSING),
        Arguments.of("bundles.example.io/v1", "Release", """
            status:
              phase: Running
              conditions:
              - {type: Started, status: "True", reason: ServerStarted}
              - {type: Ready, status: "True", reason: Serving}
            """, Health.HEALTHY),
        Arguments.of("bundles.example.io/v1", "Release", """
            status:
              phase: Running
              conditions:
              - {type: Scheduled, status: "True", reason: PodCreated}
            """, Health.HEALTHY),
        // A False Running beside a True Completed is a run that ended, whatever the kind is named; alone it is no end.
        Arguments.of("ops.example.io/v1", "DbMaintenance", """
            status:
              conditions:
              - {type: Running, status: "False", reason: OperationNotRunning}
              - {type: Completed, status: "True", reason: OperationCompleted}
              - {type: Failed, status: "False", reason: OperationNotFailed}
            """, Health.HEALTHY),
        Arguments.of("ops.example.io/v1", "DbMaintenance", """
            status:
              conditions:
              - {type: Running, status: "False", reason: OperationNotRunning}
              - {type: Completed, status: "False", reason: OperationNotCompleted}
            """, Health.PROGRESSING),
        // An action condition that turned True after the object was last ready is work under way; one from before,
        // or from the same moment, is the log of an earlier step.
        Arguments.of("move.example.io/v1", "Transfer", """
            status:
              conditions:
              - {type: Ready, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
              - {type: Compacting, status: "True", lastTransitionTime: "2026-01-15T11:00:00Z"}
            """, Health.PROGRESSING),
        Arguments.of("move.example.io/v1", "Transfer", """
            status:
              conditions:
              - {type: Compacting, status: "True", lastTransitionTime: "2026-01-15T09:00:00Z"}
              - {type: Ready, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
            """, Health.HEALTHY),
        Arguments.of("move.example.io/v1", "Transfer", """
            status:
              conditions:
              - {type: Ready, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
              - {type: Compacting, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
            """, Health.HEALTHY),
        // A type that says something is not there (BucketNotFound, PeerNotConnected) is bad when True, good when False.
        Arguments.of("store.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: BucketNotFound, status: "True", reason: NotFound, message: "bucket logs-eu does not exist"}
            """, Health.DEGRADED),
        Arguments.of("store.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: BucketNotFound, status: "False"}
              - {type: Ready, status: "True"}
            """, Health.HEALTHY),
        // A False condition that says its object is stopped (its reason names the stop, or its message states it) is a
        // stop, not a wait, even beside a True Ready; a failure word outranks it, and a reason that denies it is none.
        Arguments.of("stream.example.io/v1", "Connector", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Active, status: "False", message: "Connector orders-cdc was stopped"}
            """, Health.SUSPENDED),
        Arguments.of("stream.example.io/v1", "Connector", """
            status:
              conditions:
              - {type: Available, status: "False", reason: ConnectorStopped}
            """, Health.SUSPENDED),
        Arguments.of("stream.example.io/v1", "Connector", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Active, status: "False", reason: NotStopped, message: "Connector orders-cdc is idle"}
            """, Health.HEALTHY),
        Arguments.of("stream.example.io/v1", "Connector", """
            status:
              conditions:
              - {type: Available, status: "False", reason: ConnectorStopped, message: "task failed: offset commit error"}
            """, Health.DEGRADED),
        Arguments.of("stream.example.io/v1", "Connector", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: Active, status: "False", reason: Idle, message: "no events since the connector was started"}
            """, Health.HEALTHY),
        // A True shutdown condition, alone or qualified, is a stop (a failure reason makes it a failure).
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: GracefulShutdown, status: "True", reason: ScaledToZero}
            """, Health.SUSPENDED),
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: RequestedShutDown, status: "True"}
            """, Health.SUSPENDED),
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: UncleanShutdown, status: "True", reason: PowerLoss}
            """, Health.HEALTHY),
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              conditions:
              - {type: ShutDown, status: "True", reason: MemberCrashed, message: "member 2 crashed"}
            """, Health.DEGRADED),
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: GracefulShutdown, status: "False"}
            """, Health.HEALTHY),
        // A reason that says the work goes on outranks a stop in the message; so does a reason naming something else.
        Arguments.of("stream.example.io/v1", "Connector", """
            status:
              conditions:
              - {type: Ready, status: "False", reason: WaitingForDatabase, message: "database orders-db is stopped"}
            """, Health.PROGRESSING),
        // A cluster that lost its quorum has failed (consensus stores: Portworx, etcd, ZooKeeper); one in quorum is
        // nothing we read.
        Arguments.of("store.example.io/v1", "Ensemble", """
            status: {phase: NotInQuorum}
            """, Health.DEGRADED),
        Arguments.of("store.example.io/v1", "Ensemble", """
            status: {phase: QUORUM_LOST}
            """, Health.DEGRADED),
        Arguments.of("store.example.io/v1", "Ensemble", """
            status: {phase: InQuorum}
            """, Health.PROGRESSING),
        // A controller that says it refuses to act will not get further by waiting.
        Arguments.of("iam.example.io/v1", "Role", """
            status:
              conditions:
              - {type: ResourceOwned, status: "False", reason: LabelMismatch, message: "exists upstream. Refusing to reconcile."}
            """, Health.DEGRADED),
        Arguments.of("iam.example.io/v1", "Role", """
            status:
              conditions:
              - {type: ResourceOwned, status: "False", reason: LabelMismatch, message: "waiting to reconcile"}
            """, Health.PROGRESSING),
        // A failure word taken back (NoError, ErrorsCleared) is no failure.
        Arguments.of("iam.example.io/v1", "RoleBinding", """
            status:
              conditions:
              - {type: SuccessfullyReconciled, status: "True", reason: NoError, message: "no error was returned"}
            """, Health.HEALTHY),
        Arguments.of("iam.example.io/v1", "RoleBinding", """
            status:
              conditions:
              - {type: SuccessfullyReconciled, status: "True", reason: ReconcileError}
            """, Health.DEGRADED),
        // A run's Ready says it was accepted, not that it is done: its other conditions' waits still count. A service's
        // Ready sums up its other conditions.
        Arguments.of("data.example.io/v1", "ExportJob", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: SourceReady, status: "False", reason: WaitingForSnapshot}
            """, Health.PROGRESSING),
        Arguments.of("data.example.io/v1", "ExportService", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: SourceReady, status: "False", reason: WaitingForSnapshot}
            """, Health.HEALTHY),
        Arguments.of("data.example.io/v1", "ExportJob", """
            status:
              conditions:
              - {type: Ready, status: "True"}
              - {type: SourceReady, status: "True"}
              - {type: Completed, status: "True", reason: Succeeded}
            """, Health.HEALTHY),
        // Disconnected is a failure word in a phase or state as in a condition type; a healthy phase of another field
        // does not outweigh it.
        Arguments.of("edge.example.io/v1", "Agent", """
            status: {agentState: Disconnected, reconcilePhase: Ready}
            """, Health.DEGRADED),
        Arguments.of("edge.example.io/v1", "Agent", """
            status: {agentState: Connected, reconcilePhase: Ready}
            """, Health.HEALTHY),
        // A field typed as Kubernetes' ConditionStatus ("True"/"False") reads as the boolean it stands for.
        Arguments.of("db.example.io/v1", "Shard", """
            status:
              replicas:
                db-1: {ready: "True", available: "True"}
                db-2: {ready: "True", available: "True"}
            """, Health.HEALTHY),
        Arguments.of("db.example.io/v1", "Shard", """
            status:
              replicas:
                db-1: {ready: "True", available: "True"}
                db-2: {ready: "False", available: "False"}
            """, Health.PROGRESSING),
        Arguments.of("db.example.io/v1", "Shard", """
            status:
              replicas:
                db-1: {ready: "True", failed: "True"}
            """, Health.DEGRADED),
        // Counters against the count wanted (desiredX beside readyX/availableX/updatedX/currentX): all at it, the parts
        // are there; one below, work goes on; nothing wanted says nothing; another signal outranks them.
        Arguments.of("grid.example.io/v1", "Pool", """
            status: {desiredMembers: 3, readyMembers: 3, updatedMembers: 3}
            """, Health.HEALTHY),
        Arguments.of("grid.example.io/v1", "Pool", """
            status: {desiredMembers: 3, readyMembers: 1, state: Running}
            """, Health.PROGRESSING),
        Arguments.of("grid.example.io/v1", "Pool", """
            status: {desiredMembers: 3, readyMembers: 3, updatedMembers: 1}
            """, Health.HEALTHY),
        Arguments.of("scale.example.io/v1", "Autoscaler", """
            status: {desiredReplicas: 5, currentReplicas: 3, phase: Active}
            """, Health.HEALTHY),
        Arguments.of("grid.example.io/v1", "Pool", """
            status:
              state: Running
              zones:
                a: {desiredMembers: 2, availableMembers: 1}
            """, Health.PROGRESSING),
        Arguments.of("grid.example.io/v1", "Pool", """
            status: {desiredMembers: 0, readyMembers: 0, lastScaleTime: "2026-01-15T11:00:00Z"}
            """, Health.PROGRESSING),
        Arguments.of("grid.example.io/v1", "Pool", """
            status: {desiredMembers: 3, readyMembers: 3, phase: Failed}
            """, Health.DEGRADED),
        // The DaemonSet's counters copied into an operator's status (desiredNumberScheduled answered by numberReady,
        // desiredAgentNumberScheduled by agentNumberReady): all ready, the agents run; fewer, the rollout goes on.
        // Scheduled counts alone, or nothing wanted, say nothing.
        Arguments.of("accel.example.io/v1", "AgentSet", """
            status: {desiredNumberScheduled: 4, numberReady: 4, nodeNames: [n1, n2, n3, n4]}
            """, Health.HEALTHY),
        Arguments.of("accel.example.io/v1", "AgentSet", """
            status: {desiredNumberScheduled: 4, numberReady: 1}
            """, Health.PROGRESSING),
        Arguments.of("cache.example.io/v1", "Runtime", """
            status: {desiredAgentNumberScheduled: 2, agentNumberReady: 2}
            """, Health.HEALTHY),
        Arguments.of("cache.example.io/v1", "Runtime", """
            status: {desiredAgentNumberScheduled: 2, agentNumberReady: 0, agentPhase: Ready}
            """, Health.PROGRESSING),
        Arguments.of("accel.example.io/v1", "AgentSet", """
            status: {desiredNumberScheduled: 4, currentNumberScheduled: 4}
            """, Health.PROGRESSING),
        Arguments.of("accel.example.io/v1", "AgentSet", """
            status: {desiredNumberScheduled: 0, numberReady: 0}
            """, Health.PROGRESSING),
        // A count of healthy parts against the count of all of them (provisioned, observed, total, numberOf the same
        // noun): below it, not every part is healthy, whatever the phase says; at it, nothing to add. A healthy count
        // beside a count of another noun, or alone, is not this pair.
        Arguments.of("store.example.io/v1", "Shard", """
            status: {phase: Online, provisionedVolumes: 3, healthyVolumes: 2}
            """, Health.PROGRESSING),
        Arguments.of("store.example.io/v1", "Shard", """
            status: {phase: Online, provisionedVolumes: 3, healthyVolumes: 3}
            """, Health.HEALTHY),
        Arguments.of("store.example.io/v1", "Shard", """
            status: {phase: Online, totalDisks: 4, healthyDisks: 0}
            """, Health.PROGRESSING),
        Arguments.of("store.example.io/v1", "Shard", """
            status: {phase: Online, provisionedVolumes: 3, healthyDisks: 1}
            """, Health.HEALTHY),
        Arguments.of("store.example.io/v1", "Shard", """
            status: {phase: Online, healthyVolumes: 2, volumeCount: 3}
            """, Health.HEALTHY),
        // The bare verb pause is a spec pause flag, as suspend, hibernate and stop are; false is none.
        Arguments.of("fleet.example.io/v1", "EdgeCluster", """
            spec: {pause: true}
            status: {phase: Running}
            """, Health.SUSPENDED),
        Arguments.of("fleet.example.io/v1", "EdgeCluster", """
            spec: {pause: false}
            status: {phase: Running}
            """, Health.HEALTHY),
        // A False condition of a type we cannot place, whose reason says failed or error, reports that failure; other
        // reasons (a caveat such as "not upgradeable") say nothing.
        Arguments.of("portal.example.io/v1", "Portal", """
            status:
              conditions:
              - {type: Deployed, status: "True"}
              - {type: Runtime, status: "False", reason: ContainerFailed, message: "container web: CrashLoopBackOff"}
            """, Health.DEGRADED),
        Arguments.of("portal.example.io/v1", "Portal", """
            status:
              conditions:
              - {type: Deployed, status: "True"}
              - {type: Upgradeable, status: "False", reason: UnsupportedOverridesSet, message: "cannot be upgraded"}
            """, Health.HEALTHY),
        // A True progress condition older than a True good condition of the same list is the log of a step done;
        // newer, or at the same moment, it is work under way; Progressing and Reconciling are kept True while work lasts.
        Arguments.of("queue.example.io/v1", "Topic", """
            status:
              conditions:
              - {type: Provisioning, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
              - {type: Active, status: "True", lastTransitionTime: "2026-01-15T10:01:00Z"}
            """, Health.HEALTHY),
        Arguments.of("queue.example.io/v1", "Topic", """
            status:
              conditions:
              - {type: Active, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
              - {type: Updating, status: "True", lastTransitionTime: "2026-01-15T10:01:00Z"}
            """, Health.PROGRESSING),
        Arguments.of("queue.example.io/v1", "Topic", """
            status:
              conditions:
              - {type: Upgrading, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
              - {type: Ready, status: "True", lastTransitionTime: "2026-01-15T10:01:00Z"}
            """, Health.PROGRESSING),
        Arguments.of("queue.example.io/v1", "Topic", """
            status:
              conditions:
              - {type: Reconciling, status: "True", lastTransitionTime: "2026-01-15T10:00:00Z"}
              - {type: Ready, status: "True", lastTransitionTime: "2026-01-15T10:01:00Z"}
            """, Health.PROGRESSING),
        // Learned from held-out round twenty-five: a ready ratio as kubectl prints it ("2/3") in a field named by the
        // parts it counts, a plural noun or ready before one, is read as in a field of replicas (Hazelcast
        // readyMembers, Piraeus satellites, OpenTelemetry statusReplicas), beside conditions that all say available.
        Arguments.of("storage.example.io/v1", "StorageCluster", """
            status:
              conditions:
              - {type: Available, status: "True", reason: AsExpected, observedGeneration: 1}
              nodes: 2/3
            """, Health.PROGRESSING),
        Arguments.of("queue.example.io/v1", "BrokerSet", "status: {phase: Running, readyBrokers: 1/3}\n",
            Health.PROGRESSING),
        // Any other value in a field named by parts is read as before: a status word there still says what it says.
        Arguments.of("queue.example.io/v1", "BrokerSet", "status: {phase: Running, brokers: Degraded}\n",
            Health.DEGRADED),
        Arguments.of("storage.example.io/v1", "StorageCluster", """
            status:
              conditions:
              - {type: Available, status: "True", reason: AsExpected, observedGeneration: 1}
              nodes: 3/3
            """, Health.HEALTHY),
        // Must not fire: no parts wanted (0/0), more than all (a number over a smaller one is no ready ratio), a
        // field not named by parts (progress, a date-like pair under a singular name).
        Arguments.of("storage.example.io/v1", "StorageCluster", """
            status:
              conditions:
              - {type: Available, status: "True", reason: AsExpected, observedGeneration: 1}
              nodes: 0/0
              editions: 12/3
              progress: 2/5
              lastWindow: 2026/01
            """, Health.HEALTHY),
        // Learned from held-out round twenty-five: a count of failures of the operator's own work (failures,
        // …Failures: SPIRE's entryFailures, Pulumi's failures, KEDA's numberOfFailures) above zero is a failure.
        Arguments.of("identity.example.io/v1", "WorkloadBinding",
            "status: {stats: {workloadsSelected: 4, templateFailures: 4, bindingsToWrite: 0}}\n", Health.DEGRADED),
        Arguments.of("sync.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Synced, observedGeneration: 1}
              sync: {failures: 2}
            """, Health.DEGRADED),
        // Must not fire: none counted, a limit on them, a failure retried while parts run or before a success, a
        // map of failures by id (a history, not a count).
        Arguments.of("sync.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Synced, observedGeneration: 1}
              sync: {failures: 0, pushFailures: 0, maxFailures: 3, allowedFailures: 1}
            """, Health.HEALTHY),
        Arguments.of("batch.example.io/v1", "Sweep", "status: {phase: Running, running: 2, trialFailures: 1}\n",
            Health.PROGRESSING),
        Arguments.of("batch.example.io/v1", "Sweep", "status: {phase: Succeeded, trialFailures: 1}\n", Health.HEALTHY),
        Arguments.of("sync.example.io/v1", "Mirror", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Synced, observedGeneration: 1}
              failures: {a1b2: "2026-01-15T09:00:00Z"}
            """, Health.HEALTHY),
        // Learned from held-out round twenty-six: a verdict of non-compliance (the Compliance Operator's
        // result: NON-COMPLIANT, Open Cluster Management's policy compliant: NonCompliant) is a failure in any field
        // of any name, beside a Ready that only says the run is over.
        Arguments.of("audit.example.io/v1", "Benchmark", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Done, message: run is done and has results}
              phase: DONE
              result: NON-COMPLIANT
            """, Health.DEGRADED),
        Arguments.of("governance.example.io/v1", "Rule", "status: {compliant: NonCompliant}\n", Health.DEGRADED),
        // Must not fire: compliant, a count of non-compliant items at zero, the word only in a message.
        Arguments.of("audit.example.io/v1", "Benchmark", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Done, message: "0 checks NON-COMPLIANT"}
              phase: DONE
              result: COMPLIANT
              nonCompliantChecks: 0
            """, Health.HEALTHY),
        // Learned from held-out round twenty-six: a True Progressing whose reason says the work is deployed is over,
        // as NewReplicaSetAvailable says for a Deployment (the multicluster engine's ComponentsDeployed).
        Arguments.of("platform.example.io/v1", "Stack", """
            status:
              conditions:
              - {type: Progressing, status: "True", reason: ComponentsDeployed, message: All components deployed}
              - {type: Available, status: "True", reason: ComponentsAvailable}
              phase: Available
            """, Health.HEALTHY),
        // Must not fire: still deploying, or deployed taken back.
        Arguments.of("platform.example.io/v1", "Stack", """
            status:
              conditions:
              - {type: Progressing, status: "True", reason: DeployingComponents}
              - {type: Available, status: "True", reason: ComponentsAvailable}
            """, Health.PROGRESSING),
        Arguments.of("platform.example.io/v1", "Stack", """
            status:
              conditions:
              - {type: Progressing, status: "True", reason: ComponentsUndeployed}
              - {type: Available, status: "True", reason: ComponentsAvailable}
            """, Health.PROGRESSING),
        // Learned from held-out round twenty-seven: a good state word qualified by Partial or Partially (Fluid's
        // PartialReady, Stork's PartialSuccess; External Secrets' PartiallyReady condition) says some parts are down.
        Arguments.of("cache.example.io/v1", "Tier", """
            status:
              phase: Ready
              replicaPhase: PartiallyAvailable
            """, Health.DEGRADED),
        Arguments.of("archive.example.io/v1", "Snapshot", "status: {state: Partial Success}\n", Health.DEGRADED),
        // Must not fire: every part ready; partial work still under way.
        Arguments.of("cache.example.io/v1", "Tier", """
            status:
              phase: Ready
              replicaPhase: Available
            """, Health.HEALTHY),
        Arguments.of("cache.example.io/v1", "Tier", "status: {phase: PartiallyUpgrading}\n", Health.PROGRESSING),
        // Learned from held-out round twenty-eight: Stalled as a status word is the kstatus Stalled condition's word
        // (Flux, cli-utils): the controller cannot make progress (ECK's phase Stalled).
        Arguments.of("search.example.io/v1", "Index", "status: {phase: Stalled, availableNodes: 3}\n", Health.DEGRADED),
        Arguments.of("queue.example.io/v1", "Broker", """
            status:
              state: STALLED
              observedGeneration: 2
            """, Health.DEGRADED),
        // Must not fire: a Stalled condition that is False, a phase that only mentions stalling as a step.
        Arguments.of("search.example.io/v1", "Index", """
            status:
              phase: Ready
              conditions:
              - {type: Ready, status: "True", reason: Succeeded}
              - {type: Stalled, status: "False", reason: Succeeded}
            """, Health.HEALTHY),
        Arguments.of("search.example.io/v1", "Index", "status: {phase: ResumingFromStall}\n", Health.PROGRESSING),
        // Learned from held-out round twenty-nine: the parts that failed listed by name (k8ssandra Medusa's failed,
        // StarRocks' failedInstances, External Secrets' failedNamespaces) fail the whole as the counter failed does.
        Arguments.of("replication.example.io/v1", "Sync", """
            status:
              finished: [site-a, site-b]
              failed: [site-c]
            """, Health.DEGRADED),
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              phase: Running
              failedNodes: [grid-2]
            """, Health.DEGRADED),
        // Must not fire: an empty list; parts still running beside the failed one (the controller retries).
        Arguments.of("cache.example.io/v1", "Grid", """
            status:
              phase: Running
              failedNodes: []
            """, Health.HEALTHY),
        Arguments.of("replication.example.io/v1", "Sync", """
            status:
              running: [site-a]
              failed: [site-c]
            """, Health.PROGRESSING),
        // Learned from held-out round twenty-nine: a run that records its end time and says nothing else ended well
        // (Kubernetes' Job completionTime, set only on success; k8ssandra Medusa's finishTime).
        Arguments.of("export.example.io/v1", "ExportJob", """
            status:
              startTime: "2026-01-01T10:00:00Z"
              completionTime: "2026-01-01T10:05:00Z"
            """, Health.HEALTHY),
        Arguments.of("scan.example.io/v1", "ScanRun", "status: {finishedAt: \"2026-01-01T10:05:00Z\"}\n", Health.HEALTHY),
        // Must not fire: not a run; the zero time; an end beside a message we cannot read; an end beside a word that
        // says otherwise.
        Arguments.of("export.example.io/v1", "Exporter", "status: {completionTime: \"2026-01-01T10:05:00Z\"}\n",
            Health.PROGRESSING),
        Arguments.of("export.example.io/v1", "ExportJob", "status: {finishTime: \"1970-01-01T00:00:00Z\"}\n",
            Health.PROGRESSING),
        Arguments.of("export.example.io/v1", "ExportJob", """
            status:
              finishTime: "2026-01-01T10:05:00Z"
              message: source snapshot is incomplete
            """, Health.PROGRESSING),
        Arguments.of("export.example.io/v1", "ExportJob", """
            status:
              finishTime: "2026-01-01T10:05:00Z"
              state: Failed
            """, Health.DEGRADED),
        // Learned from held-out round thirty: an irregular past participle names a state reached as an -ed one does
        // (HyperShift's PlatformCredentialsFound=False PlatformCredentialsNotFound; Kubernetes API conventions name a
        // condition by the state reached, with an adjective or a past-tense verb).
        Arguments.of("edge.example.io/v1", "Tunnel", """
            status:
              conditions:
              - {type: Accepted, status: "True", reason: Accepted}
              - {type: UpstreamCertificateFound, status: "False", reason: SecretNotFound}
            """, Health.DEGRADED),
        Arguments.of("ci.example.io/v1", "Artifact", """
            status:
              conditions:
              - {type: ImageBuilt, status: "True", reason: BuildSucceeded}
            """, Health.HEALTHY),
        // Must not fire: a type that ends in a kind's Set, and a not-found type that is False (nothing missing).
        Arguments.of("edge.example.io/v1", "Tunnel", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Ready}
              - {type: WorkerSet, status: "False", reason: Scaling}
            """, Health.HEALTHY),
        Arguments.of("edge.example.io/v1", "Tunnel", """
            status:
              conditions:
              - {type: Ready, status: "True", reason: Ready}
              - {type: UpstreamNotFound, status: "False", reason: Found}
            """, Health.HEALTHY),
        // Learned from held-out round thirty: an outcome field holds a status word as a phase does (MetalLB's
        // ConfigurationState result: Valid / Unknown; VolSync's latestMoverStatus.result: Successful, round seven).
        Arguments.of("lb.example.io/v1", "ConfigCheck", "status: {result: Valid, lastError: \"\"}\n", Health.HEALTHY),
        Arguments.of("backup.example.io/v1", "Mirror", """
            status:
              lastRun:
                result: Successful
                logs: copied in 3s
            """, Health.HEALTHY),
        Arguments.of("lb.example.io/v1", "ConfigCheck", "status: {result: Unknown}\n", Health.UNKNOWN),
        // Must not fire: a field that only looks like one (results), an outcome that negates, a stopped run.
        Arguments.of("lb.example.io/v1", "ConfigCheck", "status: {results: Valid}\n", Health.PROGRESSING),
        Arguments.of("scan.example.io/v1", "Audit", "status: {result: NOT-AVAILABLE}\n", Health.PROGRESSING),
        Arguments.of("scan.example.io/v1", "Audit", "status: {phase: Completed, result: Stopped}\n", Health.DEGRADED),
        // A list of failed parts beside a list of parts still at work is a retry, as a counted one is: Katib's
        // Experiment (kubeflow/katib pkg/apis/controller/experiments/v1beta1/experiment_types.go: runningTrialList,
        // failedTrialList; the Experiment runs on past failed trials until maxFailedTrialCount, then writes Failed).
        Arguments.of("kubeflow.org/v1beta1", "Experiment", """
            status:
              conditions:
              - {type: Created, status: "True", reason: ExperimentCreated}
              - {type: Running, status: "True", reason: ExperimentRunning}
              trials: 3
              trialsSucceeded: 1
              trialsFailed: 1
              trialsRunning: 1
              succeededTrialList: [random-x8vxkqdv]
              failedTrialList: [random-5wdkbvgp]
              runningTrialList: [random-k6bz2g7f]
            """, Health.PROGRESSING),
        // Must still fire: failed parts with nothing at work beside them (Medusa's node-failed capture, held out, and
        // the Sync above); an empty list of parts at work, or a list of parts done or inactive, is no work.
        Arguments.of("medusa.k8ssandra.io/v1alpha1", "MedusaBackupJob", """
            status:
              startTime: "2024-06-19T10:00:12Z"
              inProgress: []
              inactiveNodes: [demo-dc1-default-sts-1]
              finished: [demo-dc1-default-sts-0]
              failed: [demo-dc1-default-sts-2]
            """, Health.DEGRADED),
        Arguments.of("medusa.k8ssandra.io/v1alpha1", "MedusaBackupJob", """
            status:
              startTime: "2024-06-19T10:00:12Z"
              inProgress: [demo-dc1-default-sts-0]
              failed: [demo-dc1-default-sts-2]
            """, Health.PROGRESSING),
        // A run's end time says it ended well only when nothing else is said: a reason beside it is an account of the
        // end we cannot read (DeadlineExceeded ends a run as surely as success does).
        Arguments.of("export.example.io/v1", "ExportJob", """
            status:
              startTime: "2026-01-01T10:00:00Z"
              completionTime: "2026-01-01T10:05:00Z"
              reason: DeadlineExceeded
            """, Health.PROGRESSING));
  }

  /**
   * An annotation by which the user pauses the operator ({@code <prefix>/paused}, {@code pause-reconciliation},
   * {@code reconciliation-pause}) is a pause flag, as {@code spec.paused} is; one set to false, or one that only
   * records a pause ({@code paused-at}), is none.
   */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "mesh.example.io/pause-reconciliation | 'true' | SUSPENDED",
      "mesh.example.io/reconciliation-paused | 'TRUE' | SUSPENDED",
      "infra.example.io/paused | '' | SUSPENDED",
      "mesh.example.io/pause-reconciliation | 'false' | HEALTHY",
      "ops.example.io/paused-at | '2026-01-01T00:00:00Z' | HEALTHY",
      "ops.example.io/last-paused-by | alice | HEALTHY",
      "db.example.io/replication-stopped | 'true' | SUSPENDED",
      "db.example.io/stopped-by | 'true' | HEALTHY",
      "db.example.io/replication-stopped | '' | HEALTHY"})
  void aPauseAnnotationIsAPauseFlag(String key, String value, Health expected) throws Exception {
    String yaml = """
        apiVersion: mesh.example.io/v1
        kind: Gateway
        metadata:
          name: x
          namespace: ns
          generation: 2
          annotations: {"%s": "%s"}
        status:
          observedGeneration: 2
          conditions:
          - {type: Ready, status: "True", observedGeneration: 2}
        """.formatted(key, value);
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      Node only = blame.list(GroupKind.fromApiVersion("mesh.example.io/v1", "Gateway"), "").get(0);
      Verdict verdict = blame.verdict(only.ref()).orElseThrow();
      assertThat(verdict.health()).as("%s", verdict.findings()).isEqualTo(expected);
      if (expected == Health.SUSPENDED) {
        assertThat(verdict.findings()).extracting(Finding::message).anyMatch(m -> m.contains(key));
      }
    }
  }

  /**
   * A pending counter qualifies a healthy phase and says nothing alone: a Volcano Queue (its {@code state: Open}
   * is no word we know) with PodGroups waiting is judged as any status we do not understand, not by its backlog.
   */
  @Test
  void aPendingCounterWithoutAPhaseIsABacklog() throws Exception {
    String queue = """
        apiVersion: scheduling.volcano.sh/v1beta1
        kind: Queue
        metadata: {name: q, generation: 1}
        spec: {weight: 1, reclaimable: true}
        status: {state: Open, pending: 3, running: 1, inqueue: 0}
        """;
    Verdict verdict = judge(queue, "scheduling.volcano.sh/v1beta1", "Queue");
    assertThat(verdict.findings()).extracting(Finding::message).noneMatch(m -> m.contains("status.pending"));
    assertThat(verdict.findings()).extracting(f -> f.reason().code()).containsExactly("NoReadinessReported");
    Verdict job = judge(queue.replace("kind: Queue", "kind: Job").replace("state: Open", "state: {phase: Running}"),
        "scheduling.volcano.sh/v1beta1", "Job");
    assertThat(job.health()).isEqualTo(Health.PROGRESSING);
    assertThat(job.findings()).extracting(Finding::message).anyMatch(m -> m.contains("status.pending is 3"));
  }

  /**
   * Gateway API statuses keep one entry per parent or ancestor, each naming the controller that wrote it. A controller
   * that wrote nothing for the current generation has not caught up with the change, whatever another controller
   * says; one that wrote a fresh entry has, and its older entries are history (a parent the route no longer names).
   */
  @Test
  void aControllerThatHasNotSeenTheGenerationIsStillAtWork() throws Exception {
    String policy = """
        apiVersion: kuadrant.io/v1
        kind: RateLimitPolicy
        metadata: {name: limits, namespace: shop, generation: 5}
        spec: {targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: shop}}
        status:
          ancestors:
          - ancestorRef: {group: gateway.networking.k8s.io, kind: Gateway, name: public}
            controllerName: A
            conditions:
            - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 5}
          - ancestorRef: {group: gateway.networking.k8s.io, kind: Gateway, name: internal}
            controllerName: B
            conditions:
            - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 4}
            - {type: Enforced, status: "True", reason: Enforced, observedGeneration: 4}
        """;
    Verdict lagging = judge(policy.replace("controllerName: A", "controllerName: kuadrant.io/policy-controller")
        .replace("controllerName: B", "controllerName: istio.io/gateway-controller"), "kuadrant.io/v1", "RateLimitPolicy");
    assertThat(lagging.health()).as("%s", lagging.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(lagging.findings()).extracting(Finding::message).anyMatch(m -> m.contains("ancestors[1]"));

    // The same controller wrote the fresh entry: it has seen generation 5; the old entry is a Gateway left behind.
    String same = policy.replace("controllerName: A", "controllerName: istio.io/gateway-controller")
        .replace("controllerName: B", "controllerName: istio.io/gateway-controller");
    assertThat(judge(same, "kuadrant.io/v1", "RateLimitPolicy").health()).isEqualTo(Health.HEALTHY);
    // No controller named: older conditions beside fresh ones are history, as before.
    String unnamed = policy.replace("    controllerName: A\n", "").replace("    controllerName: B\n", "");
    assertThat(unnamed).doesNotContain("controllerName");
    assertThat(judge(unnamed, "kuadrant.io/v1", "RateLimitPolicy").health()).isEqualTo(Health.HEALTHY);
    // Every controller caught up: healthy.
    Verdict current = judge(policy.replace("observedGeneration: 4", "observedGeneration: 5"), "kuadrant.io/v1",
        "RateLimitPolicy");
    assertThat(current.health()).isEqualTo(Health.HEALTHY);
  }

  /**
   * The owner's pause flags include the stop words ({@code spec.stop}, {@code spec.stopped}: Tembo, Stackable), and a
   * pause outranks an observedGeneration behind: a suspended controller returns before it writes status (Flux's
   * toolkit, tf-controller), so the generation that paused it is never observed.
   */
  @Test
  void aPauseIsWhatTheObjectIsInEvenBeforeItsControllerSawIt() throws Exception {
    String database = """
        apiVersion: example.com/v1
        kind: Database
        metadata: {name: orders, namespace: shop, generation: 4}
        spec: {stop: true}
        status:
          observedGeneration: 4
          running: false
        """;
    assertThat(judge(database, "example.com/v1", "Database").health()).isEqualTo(Health.SUSPENDED);
    assertThat(judge(database.replace("stop: true", "stopped: true"), "example.com/v1", "Database").health())
        .isEqualTo(Health.SUSPENDED);
    assertThat(judge(database.replace("stop: true", "stop: false"), "example.com/v1", "Database").health())
        .isNotEqualTo(Health.SUSPENDED);

    String kustomization = """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: apps, namespace: flux-system, generation: 7}
        spec: {suspend: true, interval: 10m}
        status:
          observedGeneration: 6
          conditions:
          - {type: Ready, status: "True", reason: ReconciliationSucceeded, observedGeneration: 6}
        """;
    Verdict suspended = judge(kustomization, "kustomize.toolkit.fluxcd.io/v1", "Kustomization");
    assertThat(suspended.health()).isEqualTo(Health.SUSPENDED);
    assertThat(suspended.findings()).extracting(Finding::message).anyMatch(m -> m.contains("spec.suspend"));
    // Not paused, the same lag is a change the controller has yet to see.
    assertThat(judge(kustomization.replace("suspend: true", "suspend: false"), "kustomize.toolkit.fluxcd.io/v1",
        "Kustomization").health()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A route moved from one implementation's Gateway to another's: the new controller reports the new generation,
   * the old one no longer reconciles the route and leaves its entry behind (kgateway-dev/kgateway#11747, Kong
   * kubernetes-ingress-controller#5277, envoyproxy/gateway#5656). A parent the spec no longer names is history,
   * whichever controller wrote it; a lagging controller counts only for a parent the route still names.
   */
  @Test
  void aParentTheRouteNoLongerNamesIsHistory() throws Exception {
    String route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: shop, namespace: web, generation: 2}
        spec:
          parentRefs:
          - {name: public, namespace: gateways}
        status:
          parents:
          - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: public, namespace: gateways}
            controllerName: gateway.envoyproxy.io/gatewayclass-controller
            conditions:
            - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 2}
            - {type: ResolvedRefs, status: "True", reason: ResolvedRefs, observedGeneration: 2}
          - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: internal, namespace: gateways}
            controllerName: kgateway.dev/kgateway
            conditions:
            - {type: Accepted, status: "True", reason: Accepted, observedGeneration: 1}
            - {type: ResolvedRefs, status: "True", reason: ResolvedRefs, observedGeneration: 1}
        """;
    Verdict moved = judge(route, "gateway.networking.k8s.io/v1", "HTTPRoute");
    assertThat(moved.health()).as("%s", moved.findings()).isEqualTo(Health.HEALTHY);
    // Both parents still named: kgateway has not caught up with generation 2.
    Verdict both = judge(route.replace("  - {name: public, namespace: gateways}\n",
        "  - {name: public, namespace: gateways}\n  - {name: internal, namespace: gateways}\n"),
        "gateway.networking.k8s.io/v1", "HTTPRoute");
    assertThat(both.health()).as("%s", both.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * The object's own {@code reason} beside its phase, one CamelCase word as Kubernetes' {@code PodStatus.reason}: a word
   * of failure there fails the object whatever the phase says (Eclipse Che's {@code InstallOrUpdateFailed} under
   * {@code chePhase: Active}, actions-runner-controller's {@code TooManyPodFailures}). Not a sentence, not a reason that
   * takes the failure back, not the reason of an entry with a {@code type} (a condition kept outside a list).
   */
  @Test
  void aFailedReasonBesideThePhaseFailsTheObject() throws Exception {
    String portal = """
        apiVersion: portal.example.io/v1
        kind: DeveloperPortal
        metadata: {name: docs, namespace: dev, generation: 2}
        status:
          phase: Running
          url: https://docs.example.com
          reason: PluginSyncFailed
        """;
    Verdict failed = judge(portal, "portal.example.io/v1", "DeveloperPortal");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    assertThat(failed.findings()).extracting(Finding::message).anyMatch(m -> m.contains("PluginSyncFailed"));
    assertThat(judge(portal.replace("PluginSyncFailed", "PluginSyncSucceeded"), "portal.example.io/v1",
        "DeveloperPortal").health()).isEqualTo(Health.HEALTHY);
    assertThat(judge(portal.replace("PluginSyncFailed", "NoErrors"), "portal.example.io/v1", "DeveloperPortal")
        .health()).isEqualTo(Health.HEALTHY);
    assertThat(judge(portal.replace("reason: PluginSyncFailed", "reason: \"failed once at start, retried and synced\""),
        "portal.example.io/v1", "DeveloperPortal").health()).as("a sentence is not read").isEqualTo(Health.HEALTHY);
    assertThat(judge(portal.replace("  reason: PluginSyncFailed", "  lastSync: {type: Plugins, reason: PluginSyncFailed}"),
        "portal.example.io/v1", "DeveloperPortal").health()).as("an entry with a type is a condition")
        .isEqualTo(Health.HEALTHY);
  }

  /**
   * A conditions list that repeats a type is a history the operator appends to (Percona's PerconaServerMongoDB, the
   * RadonDB MySQL operator, KEDA's HTTP add-on): its latest entry says how the object is now, and an older failure
   * entry is over. A list of distinct types is a map keyed by type, and every entry of it counts.
   */
  @Test
  void aConditionHistoryIsReadByItsLatestEntry() throws Exception {
    String broker = """
        apiVersion: queues.example.org/v2
        kind: BrokerSet
        metadata: {name: orders, namespace: shop, generation: 3}
        status:
          conditions:
          - {type: Ready, status: "True", lastTransitionTime: "2024-05-01T08:00:00Z"}
          - {type: Error, status: "True", message: "broker-1 unreachable", lastTransitionTime: "2024-05-01T09:00:00Z"}
          - {type: Ready, status: "True", lastTransitionTime: "2024-05-01T09:30:00Z"}
        """;
    Verdict recovered = judge(broker, "queues.example.org/v2", "BrokerSet");
    assertThat(recovered.health()).as("%s", recovered.findings()).isEqualTo(Health.HEALTHY);
    Verdict failedLast = judge(broker.replace("2024-05-01T09:30:00Z", "2024-05-01T08:30:00Z"), "queues.example.org/v2",
        "BrokerSet");
    assertThat(failedLast.health()).as("the Error is the latest entry").isEqualTo(Health.DEGRADED);
    Verdict distinct = judge(broker.replace("  - {type: Ready, status: \"True\", lastTransitionTime: \"2024-05-01T09:30:00Z\"}\n", ""),
        "queues.example.org/v2", "BrokerSet");
    assertThat(distinct.health()).as("distinct types: a map, every entry counts").isEqualTo(Health.DEGRADED);
  }

  /**
   * A failover is the switch to a standby, not a failure: a reason or message that only begins with "fail" as
   * failover, failback or failsafe does (Bitpoke's mysql-operator {@code PendingFailoverAck=False
   * NoPendingFailoverAckExists}, held-out round thirty-three) says nothing failed; a failover that failed still does.
   */
  @Test
  void aFailoverIsNotAFailure() throws Exception {
    String db = """
        apiVersion: db.example.net/v1
        kind: ReplicaGroup
        metadata: {name: orders, namespace: shop, generation: 1}
        status:
          conditions:
          - {type: Ready, status: "True", reason: AllReplicasReady}
          - {type: PendingFailoverAck, status: "False", reason: NoPendingFailoverAckExists}
        """;
    Verdict calm = judge(db, "db.example.net/v1", "ReplicaGroup");
    assertThat(calm.health()).as("%s", calm.findings()).isEqualTo(Health.HEALTHY);
    Verdict failedOver = judge(db.replace("reason: NoPendingFailoverAckExists", "reason: FailoverFailed"),
        "db.example.net/v1", "ReplicaGroup");
    assertThat(failedOver.health()).as("a failover that failed").isEqualTo(Health.DEGRADED);
    Verdict failback = judge(db.replace("{type: PendingFailoverAck, status: \"False\", reason: NoPendingFailoverAckExists}",
        "{type: Synced, status: \"False\", reason: FailbackScheduled}"), "db.example.net/v1", "ReplicaGroup");
    assertThat(failback.health()).as("%s", failback.findings()).isNotEqualTo(Health.DEGRADED);
  }

  /**
   * A core {@code ContainerState} copied into a status whose container waits on a reason it will not get out of by
   * itself fails the object; a container waiting to be created does not, nor the same word outside a waiting state.
   */
  @Test
  void aContainerStuckWaitingFailsItsObject() throws Exception {
    String ide = """
        apiVersion: ide.example.org/v2
        kind: Workspace
        metadata: {name: alice, namespace: dev, generation: 1}
        status:
          replicas: 1
          workers:
          - name: editor
            waiting: {reason: ImagePullBackOff, message: Back-off pulling image "registry.example.org/editor:9"}
        """;
    Verdict stuck = judge(ide, "ide.example.org/v2", "Workspace");
    assertThat(stuck.health()).as("%s", stuck.findings()).isEqualTo(Health.DEGRADED);
    assertThat(stuck.findings().get(0).message()).contains("ImagePullBackOff");
    Verdict creating = judge(ide.replace("reason: ImagePullBackOff", "reason: ContainerCreating"),
        "ide.example.org/v2", "Workspace");
    assertThat(creating.health()).as("%s", creating.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict notWaiting = judge(ide.replace("waiting: {reason: ImagePullBackOff",
        "lastProbe: {reason: ImagePullBackOff"), "ide.example.org/v2", "Workspace");
    assertThat(notWaiting.health()).as("%s", notWaiting.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict history = judge(ide.replace("  - name: editor\n    waiting:",
        "  - name: editor\n    state: {running: {startedAt: \"2026-01-15T11:00:00Z\"}}\n    lastState:\n      waiting:"),
        "ide.example.org/v2", "Workspace");
    assertThat(history.health()).as("the state before the last restart is history: %s", history.findings())
        .isNotEqualTo(Health.DEGRADED);
  }

  /**
   * A step of a run whose type is the workflow engines' suspend step and which has not finished holds the run on
   * purpose: SUSPENDED, not at work (Argo Workflows' {@code type: Suspend} node in {@code phase: Running}, KubeVela's
   * {@code type: suspend} step in {@code phase: suspending}). Resumed ({@code Succeeded}), or a step of another type
   * still running, it says nothing of a pause.
   */
  @Test
  void aSuspendStepNotFinishedHoldsItsRun() throws Exception {
    String release = """
        apiVersion: ci.example.org/v1
        kind: ReleaseRun
        metadata: {name: r-42, namespace: ci, generation: 1}
        status:
          phase: Running
          steps:
          - {name: build, type: Task, phase: Succeeded}
          - {name: approve-prod, type: Suspend, phase: Running}
        """;
    Verdict waiting = judge(release, "ci.example.org/v1", "ReleaseRun");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.SUSPENDED);
    Verdict resumed = judge(release.replace("type: Suspend, phase: Running", "type: Suspend, phase: Succeeded"),
        "ci.example.org/v1", "ReleaseRun");
    assertThat(resumed.health()).as("%s", resumed.findings()).isEqualTo(Health.PROGRESSING);
    Verdict otherStep = judge(release.replace("type: Suspend, phase: Running", "type: Task, phase: Running"),
        "ci.example.org/v1", "ReleaseRun");
    assertThat(otherStep.health()).as("%s", otherStep.findings()).isEqualTo(Health.PROGRESSING);
    Verdict suspendedTask = judge(release.replace("type: Suspend, phase: Running", "type: SuspendCheck, phase: Running"),
        "ci.example.org/v1", "ReleaseRun");
    assertThat(suspendedTask.health()).as("%s", suspendedTask.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * One CamelCase word that starts with a failure names a failure, a negation after it qualifying the cause (GKE's
   * {@code FailedNotVisible}, Sveltos' {@code FailedNonRetriable}); a negation that comes first, or words apart, still
   * say nothing we can read.
   */
  @Test
  void aFailureWordFirstIsAFailureWhateverQualifiesIt() throws Exception {
    String route = """
        apiVersion: edge.example.org/v1
        kind: PublicEndpoint
        metadata: {name: shop, namespace: web, generation: 1}
        status:
          overall: Provisioning
          hosts:
          - {host: shop.example.org, status: FailedNoRoute}
        """;
    Verdict failed = judge(route, "edge.example.org/v1", "PublicEndpoint");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict notFailed = judge(route.replace("FailedNoRoute", "NotFailedYet"), "edge.example.org/v1", "PublicEndpoint");
    assertThat(notFailed.health()).as("%s", notFailed.findings()).isEqualTo(Health.PROGRESSING);
    Verdict phrase = judge(route.replace("status: FailedNoRoute", "status: 'Failed to not route'"),
        "edge.example.org/v1", "PublicEndpoint");
    assertThat(phrase.health()).as("words apart stay a phrase with a negation: %s", phrase.findings())
        .isEqualTo(Health.PROGRESSING);
  }

  /**
   * A failure stated first and its cause appended after a colon or semicolon ({@code Failed to validate X; ...}, Go's
   * wrapped error copied into a status string: the Astra Connector operator, heimdallr) is a failure however long the
   * cause; the same words without the separator, a good word before a colon, or a negation that comes first say nothing
   * we read.
   */
  @Test
  void aFailedStepThenItsCauseIsAFailureHoweverLong() throws Exception {
    String binding = """
        apiVersion: dns.example.net/v1
        kind: ZoneBinding
        metadata: {name: corp, namespace: dns, generation: 1}
        status:
          upstream:
            bound: "true"
            status: "Failed to sync zone records; upstream: zone is not delegated, cannot retry without credentials"
        """;
    Verdict failed = judge(binding, "dns.example.net/v1", "ZoneBinding");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict noSeparator = judge(binding.replace("records; upstream:", "records as the upstream"),
        "dns.example.net/v1", "ZoneBinding");
    assertThat(noSeparator.health()).as("a long phrase without the separator stays a message: %s",
        noSeparator.findings()).isEqualTo(Health.PROGRESSING);
    Verdict goodFirst = judge(binding.replace("Failed to sync zone records;", "Synced zone records;"),
        "dns.example.net/v1", "ZoneBinding");
    assertThat(goodFirst.health()).as("%s", goodFirst.findings()).isEqualTo(Health.PROGRESSING);
    Verdict negated = judge(binding.replace("Failed to sync", "Not failed to sync"), "dns.example.net/v1",
        "ZoneBinding");
    assertThat(negated.health()).as("%s", negated.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * Every replica counter the status keeps at {@code spec.replicas}, one of them of pods that serve, is HEALTHY
   * (OpenKruise's CloneSet, kstatus' StatefulSet); one below is PROGRESSING, and an updated count alone says nothing.
   */
  @Test
  void replicaCountersAllMetAreHealthy() throws Exception {
    String pool = """
        apiVersion: workers.example.com/v2
        kind: WorkerPool
        metadata: {name: crawl, namespace: jobs, generation: 3}
        spec:
          replicas: 4
        status:
          replicas: 4
          readyReplicas: 4
          updatedReplicas: 4
        """;
    Verdict met = judge(pool, "workers.example.com/v2", "WorkerPool");
    assertThat(met.health()).as("%s", met.findings()).isEqualTo(Health.HEALTHY);
    Verdict below = judge(pool.replace("readyReplicas: 4", "readyReplicas: 3"), "workers.example.com/v2", "WorkerPool");
    assertThat(below.health()).as("%s", below.findings()).isEqualTo(Health.PROGRESSING);
    Verdict updatedOnly = judge(pool.replace("  readyReplicas: 4\n", ""), "workers.example.com/v2", "WorkerPool");
    assertThat(updatedOnly.health()).as("pods at the new template are not pods that serve: %s",
        updatedOnly.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * Counters that reach {@code spec.replicas} while the rollout is visibly unfinished are not HEALTHY, as kstatus reads a
   * StatefulSet and a Deployment: surplus pods still to terminate ({@code status.replicas} above the count wanted),
   * unavailable ones, or pods of the old revision still serving ({@code currentRevision} not yet the
   * {@code updateRevision}, OpenKruise's Advanced StatefulSet and any copy of the StatefulSet's status). Once settled
   * the same object is HEALTHY.
   */
  @Test
  void replicaCountersMetMidRolloutAreNotHealthy() throws Exception {
    String db = """
        apiVersion: db.example.io/v1
        kind: ShardSet
        metadata: {name: orders, namespace: data, generation: 4}
        spec:
          replicas: 3
        status:
          observedGeneration: 4
          replicas: 3
          readyReplicas: 3
          currentReplicas: 3
          currentRevision: orders-6d4f
          updateRevision: orders-6d4f
        """;
    Verdict settled = judge(db, "db.example.io/v1", "ShardSet");
    assertThat(settled.health()).as("%s", settled.findings()).isEqualTo(Health.HEALTHY);
    Verdict revision = judge(db.replace("updateRevision: orders-6d4f", "updateRevision: orders-7c9b")
        .replace("currentReplicas: 3", "currentReplicas: 1"), "db.example.io/v1", "ShardSet");
    assertThat(revision.health()).as("old revision still serving: %s", revision.findings())
        .isNotEqualTo(Health.HEALTHY);
    Verdict surplus = judge(db.replace("  replicas: 3\n  readyReplicas: 3", "  replicas: 5\n  readyReplicas: 5"),
        "db.example.io/v1", "ShardSet");
    assertThat(surplus.health()).as("scaling down, two pods still to go: %s", surplus.findings())
        .isNotEqualTo(Health.HEALTHY);
    Verdict unavailable = judge(db.replace("readyReplicas: 3", "readyReplicas: 3\n  unavailableReplicas: 1"),
        "db.example.io/v1", "ShardSet");
    assertThat(unavailable.health()).as("%s", unavailable.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * A condition kept alone in {@code status.condition} (a {@code metav1.Condition}, as the Capsule sops-operator's
   * SopsSecret and Capsule's ResourcePoolClaim keep it, held-out round thirty-five) is read as a list of one, and so is
   * one kept in a part ({@code parts[].condition}); a field named {@code condition} that is no condition (a word, an
   * object without type and status) is not.
   */
  @Test
  void aSingleConditionIsReadAsAList() throws Exception {
    String claim = """
        apiVersion: quota.example.org/v1
        kind: PoolClaim
        metadata: {name: team-a, namespace: tenants, generation: 2}
        status:
          condition: {type: Ready, status: "True", reason: Bound, observedGeneration: 2}
          parts:
          - name: cpu
            condition: {type: Ready, status: "True", reason: Bound}
        """;
    Verdict bound = judge(claim, "quota.example.org/v1", "PoolClaim");
    assertThat(bound.health()).as("%s", bound.findings()).isEqualTo(Health.HEALTHY);
    Verdict exhausted = judge(claim.replace("{type: Ready, status: \"True\", reason: Bound}",
        "{type: Ready, status: \"False\", reason: PoolExhausted}"), "quota.example.org/v1", "PoolClaim");
    assertThat(exhausted.health()).as("a part's own condition says it is not ready").isNotEqualTo(Health.HEALTHY);
    Verdict word = judge(claim.replace("condition: {type: Ready, status: \"True\", reason: Bound, observedGeneration: 2}",
        "condition: {level: high}").replace("    condition: {type: Ready, status: \"True\", reason: Bound}\n",
        "    condition: good\n"), "quota.example.org/v1", "PoolClaim");
    assertThat(word.health()).as("%s", word.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * A bad-when-True condition written False while it reports a failure, by a reason that is a word of failure or, with
   * no reason, a message that opens with one (the sops-operator's {@code NotReady=False} reason
   * {@code DecryptionFailure}, the OCI Service Operator's {@code Failed=False} with the service's error, held-out rounds
   * thirty-five and twenty-three), is that failure; False with a reason that takes the word back ({@code NoErrors}) or a
   * message that only mentions one is no failure.
   */
  @Test
  void aFalseBadConditionCarryingAFailureIsOne() throws Exception {
    String vault = """
        apiVersion: keys.example.io/v2
        kind: KeyRing
        metadata: {name: payments, namespace: vault, generation: 1}
        status:
          conditions:
          - {type: Unhealthy, status: "False", reason: UnsealFailed, message: "seal key rejected"}
        """;
    Verdict failed = judge(vault, "keys.example.io/v2", "KeyRing");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict byMessage = judge(vault.replace("reason: UnsealFailed, message: \"seal key rejected\"",
        "message: \"Error returned by the KMS: 403\""), "keys.example.io/v2", "KeyRing");
    assertThat(byMessage.health()).as("%s", byMessage.findings()).isEqualTo(Health.DEGRADED);
    Verdict calm = judge(vault.replace("reason: UnsealFailed", "reason: NoErrors"), "keys.example.io/v2", "KeyRing");
    assertThat(calm.health()).as("%s", calm.findings()).isEqualTo(Health.HEALTHY);
    Verdict mention = judge(vault.replace("reason: UnsealFailed, message: \"seal key rejected\"",
        "message: \"no error since the last rotation\""), "keys.example.io/v2", "KeyRing");
    assertThat(mention.health()).as("%s", mention.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A bad-when-True condition kept False with its failure reason is no failure once a True readiness of the same list
   * turned True after it: the operator flipped the condition when the fault cleared and kept the reason, and the object
   * recovered since. Readiness as old as the flip, or no times, leaves the failure it says.
   */
  @Test
  void aFailureClearedBeforeANewerReadinessIsNone() throws Exception {
    String cluster = """
        apiVersion: stores.example.dev/v1
        kind: CacheCluster
        metadata: {name: sessions, namespace: web, generation: 3}
        status:
          observedGeneration: 3
          conditions:
          - {type: Failure, status: "False", reason: ClusterFailure, lastTransitionTime: "2024-06-01T10:00:00Z"}
          - {type: Ready, status: "True", reason: AllMembersUp, lastTransitionTime: "2024-06-01T10:05:00Z"}
        """;
    Verdict recovered = judge(cluster, "stores.example.dev/v1", "CacheCluster");
    assertThat(recovered.health()).as("%s", recovered.findings()).isEqualTo(Health.HEALTHY);
    Verdict sameMoment = judge(cluster.replace("10:05:00Z", "10:00:00Z"), "stores.example.dev/v1", "CacheCluster");
    assertThat(sameMoment.health()).as("%s", sameMoment.findings()).isEqualTo(Health.DEGRADED);
    Verdict readyBefore = judge(cluster.replace("10:05:00Z", "09:55:00Z"), "stores.example.dev/v1", "CacheCluster");
    assertThat(readyBefore.health()).as("%s", readyBefore.findings()).isEqualTo(Health.DEGRADED);
    Verdict noTimes = judge(cluster.replace(", lastTransitionTime: \"2024-06-01T10:00:00Z\"", ""),
        "stores.example.dev/v1", "CacheCluster");
    assertThat(noTimes.health()).as("%s", noTimes.findings()).isEqualTo(Health.DEGRADED);
  }

  /**
   * A status word in a field that only ends like a plural noun of parts ({@code status}, {@code certificateStatus}) is
   * reported as the phase it is, not as replicas unavailable; a ratio in a field named by its parts still is.
   */
  @Test
  void aStatusFieldIsNoCountOfParts() throws Exception {
    String cert = """
        apiVersion: certs.example.net/v1
        kind: HostCertificate
        metadata: {name: shop, namespace: web, generation: 1}
        status:
          domains:
          - {domain: shop.example.net, status: Provisioning}
        """;
    Verdict nested = judge(cert, "certs.example.net/v1", "HostCertificate");
    assertThat(nested.findings()).extracting(f -> f.reason().code()).containsExactly("PhasePending");
    Verdict suffixed = judge(cert.replace("domains:\n  - {domain: shop.example.net, status: Provisioning}",
        "certificateStatus: Provisioning"), "certs.example.net/v1", "HostCertificate");
    assertThat(suffixed.findings()).extracting(f -> f.reason().code()).containsExactly("PhasePending");
    Verdict parts = judge(cert.replace("domains:\n  - {domain: shop.example.net, status: Provisioning}",
        "members: 1/3"), "certs.example.net/v1", "HostCertificate");
    assertThat(parts.findings()).extracting(f -> f.reason().code()).containsExactly("ReplicasUnavailable");
  }

  /**
   * A readiness qualified by what is ready, {@code <noun>Ready} (Cluster API's {@code infrastructureReady}, COSI's
   * {@code bucketReady}; held-out round thirty-eight), is read as {@code ready}: true HEALTHY, false PROGRESSING. A
   * negated one ({@code notReady}) and a name that only holds the word ({@code readyForMaintenance}) are not.
   */
  @Test
  void aQualifiedReadinessBooleanIsAReadiness() throws Exception {
    String share = """
        apiVersion: files.example.com/v1
        kind: FileShare
        metadata: {name: media, namespace: storage, generation: 1}
        status:
          shareReady: true
          shareID: fs-0042
        """;
    Verdict ready = judge(share, "files.example.com/v1", "FileShare");
    assertThat(ready.health()).as("%s", ready.findings()).isEqualTo(Health.HEALTHY);
    Verdict waiting = judge(share.replace("shareReady: true", "shareReady: false"), "files.example.com/v1", "FileShare");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(waiting.findings()).extracting(f -> f.reason().code()).doesNotContain("NoReadinessReported");
    Verdict negated = judge(share.replace("shareReady: true", "shareNotReady: false"), "files.example.com/v1",
        "FileShare");
    assertThat(negated.health()).as("%s", negated.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict other = judge(share.replace("shareReady: true", "readyForMaintenance: true"), "files.example.com/v1",
        "FileShare");
    assertThat(other.health()).as("%s", other.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * A volume's {@code attached} (Kubernetes' VolumeAttachment: "the volume is successfully attached") and a mount's
   * {@code mounted} (the Secrets Store CSI driver's SecretProviderClassPodStatus; held-out round thirty-eight) are
   * readiness booleans: true HEALTHY, false PROGRESSING. A boolean of another name (mountable) says nothing.
   */
  @Test
  void anAttachOrMountBooleanIsAReadiness() throws Exception {
    String disk = """
        apiVersion: disks.example.org/v1alpha1
        kind: DiskLink
        metadata: {name: db-data, namespace: db, generation: 1}
        status:
          attached: true
          nodeName: worker-3
        """;
    Verdict attached = judge(disk, "disks.example.org/v1alpha1", "DiskLink");
    assertThat(attached.health()).as("%s", attached.findings()).isEqualTo(Health.HEALTHY);
    Verdict mounted = judge(disk.replace("attached: true", "mounted: true"), "disks.example.org/v1alpha1", "DiskLink");
    assertThat(mounted.health()).as("%s", mounted.findings()).isEqualTo(Health.HEALTHY);
    Verdict pending = judge(disk.replace("attached: true", "mounted: false"), "disks.example.org/v1alpha1", "DiskLink");
    assertThat(pending.health()).as("%s", pending.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(pending.findings()).extracting(f -> f.reason().code()).doesNotContain("NoReadinessReported");
    Verdict other = judge(disk.replace("attached: true", "mountable: true"), "disks.example.org/v1alpha1", "DiskLink");
    assertThat(other.health()).as("%s", other.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * A type led by the word of success ({@code SuccessfulSync}: Bitwarden; {@code LastSuccessfulReconcileAt}: Infisical;
   * held-out round thirty-eight) is good when True, as {@code ReconcileSuccess} is; a failure condition beside it still
   * fails the object, and {@code UnsuccessfulSync} is no success.
   */
  @Test
  void aTypeLedBySuccessIsASuccess() throws Exception {
    String mirror = """
        apiVersion: vault.example.net/v1
        kind: KeyMirror
        metadata: {name: api-keys, namespace: apps, generation: 1}
        status:
          conditions:
          - {type: SuccessfulMirror, status: "True", reason: MirrorComplete, message: "mirrored 4 keys"}
        """;
    Verdict done = judge(mirror, "vault.example.net/v1", "KeyMirror");
    assertThat(done.health()).as("%s", done.findings()).isEqualTo(Health.HEALTHY);
    Verdict later = judge(mirror + "  - {type: MirrorFailed, status: \"True\", reason: TokenRejected}\n",
        "vault.example.net/v1", "KeyMirror");
    assertThat(later.health()).as("%s", later.findings()).isEqualTo(Health.DEGRADED);
    Verdict unsuccessful = judge(mirror.replace("SuccessfulMirror", "UnsuccessfulMirror"), "vault.example.net/v1",
        "KeyMirror");
    assertThat(unsuccessful.health()).as("%s", unsuccessful.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * A status phrase led by {@code Wait} or {@code Await} names what is awaited, not what is reached (KubeRay's
   * RayService {@code WaitForServeDeploymentReady}, held-out round thirty-nine; KubeVirt CDI's DataVolume
   * {@code WaitForFirstConsumer}; Deckhouse's {@code WaitForFirstMasterReady}): PROGRESSING, where its last word alone
   * would say HEALTHY. A failure in the phrase still fails it; a good word that leads stays good.
   */
  @Test
  void aPhraseLedByWaitIsAwaited() throws Exception {
    String image = """
        apiVersion: images.example.org/v1
        kind: ImageImport
        metadata: {name: ubuntu-24, namespace: vms, generation: 1}
        status:
          phase: WaitForUploadReady
        """;
    Verdict waiting = judge(image, "images.example.org/v1", "ImageImport");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(waiting.findings()).extracting(f -> f.reason().code()).doesNotContain("NoReadinessReported");
    Verdict awaiting = judge(image.replace("WaitForUploadReady", "AwaitVolumeReady"), "images.example.org/v1",
        "ImageImport");
    assertThat(awaiting.health()).as("%s", awaiting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict failed = judge(image.replace("WaitForUploadReady", "WaitForUploadFailed"), "images.example.org/v1",
        "ImageImport");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict readyFirst = judge(image.replace("WaitForUploadReady", "ReadyAfterWait"), "images.example.org/v1",
        "ImageImport");
    assertThat(readyFirst.health()).as("%s", readyFirst.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A bare {@code ready} count against a bare count of all the parts in the same object ({@code all}, {@code total},
   * {@code size}: KubeAI's Model {@code replicas: {all, ready}}, held-out round thirty-nine; the Sail operator's
   * {@code revisions: {total, ready}}; Percona's {@code ready} against {@code size}) is a counter: at it HEALTHY, below
   * it PROGRESSING. Zero parts, or a count of another name ({@code wanted}), says nothing.
   */
  @Test
  void aReadyCountAgainstAllPartsIsACounter() throws Exception {
    String server = """
        apiVersion: serving.example.io/v1
        kind: ModelServer
        metadata: {name: embedder, namespace: ml, generation: 1}
        status:
          workers:
            total: 3
            ready: 3
        """;
    Verdict all = judge(server, "serving.example.io/v1", "ModelServer");
    assertThat(all.health()).as("%s", all.findings()).isEqualTo(Health.HEALTHY);
    Verdict some = judge(server.replace("ready: 3", "ready: 1"), "serving.example.io/v1", "ModelServer");
    assertThat(some.health()).as("%s", some.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(some.findings()).extracting(f -> f.reason().code()).doesNotContain("NoReadinessReported");
    Verdict sized = judge(server.replace("total: 3", "size: 3"), "serving.example.io/v1", "ModelServer");
    assertThat(sized.health()).as("%s", sized.findings()).isEqualTo(Health.HEALTHY);
    Verdict none = judge(server.replace("total: 3", "total: 0").replace("ready: 3", "ready: 0"),
        "serving.example.io/v1", "ModelServer");
    assertThat(none.health()).as("%s", none.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict other = judge(server.replace("total: 3", "wanted: 3"), "serving.example.io/v1", "ModelServer");
    assertThat(other.health()).as("%s", other.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * {@code status.notAfter}, RFC 5280's end of a certificate's validity, at or before the clock: the object is expired,
   * DEGRADED, whatever its conditions say (cert-manager's Certificate, held-out round forty; the ACK ACM controller's
   * Certificate). A {@code notAfter} still ahead, one that is not a time, and another end time ({@code expiration}:
   * Velero's is when a backup is collected) say nothing.
   */
  @Test
  void aValidityEndPassedIsExpired() throws Exception {
    String keystore = """
        apiVersion: pki.example.net/v1
        kind: ServingKeystore
        metadata: {name: edge, namespace: ingress, generation: 1}
        status:
          conditions:
          - {type: Ready, status: "True", reason: Issued, lastTransitionTime: "2025-10-01T00:00:00Z"}
          notAfter: "2026-01-10T00:00:00Z"
        """;
    Verdict expired = judge(keystore, "pki.example.net/v1", "ServingKeystore");
    assertThat(expired.health()).as("%s", expired.findings()).isEqualTo(Health.DEGRADED);
    assertThat(expired.findings()).extracting(f -> f.reason().code()).contains("Expired");
    assertThat(expired.findings()).filteredOn(f -> f.reason().code().equals("Expired")).first()
        .extracting(f -> f.message()).asString().contains("2026-01-10T00:00:00Z", "at or before the time of the analysis");
    Verdict valid = judge(keystore.replace("2026-01-10", "2026-04-10"), "pki.example.net/v1", "ServingKeystore");
    assertThat(valid.health()).as("%s", valid.findings()).isEqualTo(Health.HEALTHY);
    Verdict notATime = judge(keystore.replace("\"2026-01-10T00:00:00Z\"", "yesterday"), "pki.example.net/v1",
        "ServingKeystore");
    assertThat(notATime.health()).as("%s", notATime.findings()).isEqualTo(Health.HEALTHY);
    Verdict collected = judge(keystore.replace("notAfter", "expiration"), "pki.example.net/v1", "ServingKeystore");
    assertThat(collected.health()).as("%s", collected.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * An entry of a list of parents whose conditions are only its CRD's schema defaults (at the Unix epoch: "Waiting for
   * controller"), beside an entry a controller wrote, waits on nothing (the Gateway API Inference Extension's default
   * parent, held-out round forty-two; the same default conditions are declared by Gateway API, the Kong operator's
   * Konnect kinds and Redpanda's operator). Alone it still waits, and so does the object's own list of defaults.
   */
  @Test
  void defaultConditionsBesideAControllersReportWaitOnNothing() throws Exception {
    String written = """
          - parentRef: {kind: Gateway, name: edge, namespace: mesh}
            conditions:
            - {type: Accepted, status: "True", reason: Accepted, lastTransitionTime: "2026-01-10T08:00:00Z"}
        """;
    String backend = """
        apiVersion: routing.example.dev/v1
        kind: BackendGroup
        metadata: {name: search, namespace: mesh, generation: 1}
        status:
          parents:
          - parentRef: {}
            conditions:
            - {type: Accepted, status: Unknown, reason: Pending, message: Waiting for controller, lastTransitionTime: "1970-01-01T00:00:00Z"}
        """;
    Verdict beside = judge(backend + written, "routing.example.dev/v1", "BackendGroup");
    assertThat(beside.health()).as("%s", beside.findings()).isEqualTo(Health.HEALTHY);
    Verdict alone = judge(backend, "routing.example.dev/v1", "BackendGroup");
    assertThat(alone.health()).as("%s", alone.findings()).isEqualTo(Health.PROGRESSING);
    Verdict notDefault = judge(backend.replace("1970-01-01T00:00:00Z", "2026-01-10T07:59:00Z") + written,
        "routing.example.dev/v1", "BackendGroup");
    assertThat(notDefault.health()).as("%s", notDefault.findings()).isEqualTo(Health.PROGRESSING);
    Verdict ownDefaults = judge("""
        apiVersion: routing.example.dev/v1
        kind: Listener
        metadata: {name: public, namespace: mesh, generation: 1}
        status:
          conditions:
          - {type: Programmed, status: Unknown, reason: Pending, message: Waiting for controller, lastTransitionTime: "1970-01-01T00:00:00Z"}
          ports:
          - port: 443
            conditions:
            - {type: Accepted, status: "True", reason: Accepted, lastTransitionTime: "2026-01-10T08:00:00Z"}
        """, "routing.example.dev/v1", "Listener");
    assertThat(ownDefaults.health()).as("%s", ownDefaults.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A status of nothing but {@code observedGeneration}, equal to the generation, is a controller that acted on the spec
   * and keeps no other report: HEALTHY, as kstatus reads it (external-dns's DNSEndpoint, held-out round forty-two). One
   * generation behind it is work under way; another field beside it is read for itself.
   */
  @Test
  void aStatusOfTheObservedGenerationAloneIsCurrent() throws Exception {
    String record = """
        apiVersion: names.example.com/v1
        kind: ZoneRecord
        metadata: {name: www, namespace: web, generation: 4}
        status:
          observedGeneration: 4
        """;
    Verdict current = judge(record, "names.example.com/v1", "ZoneRecord");
    assertThat(current.health()).as("%s", current.findings()).isEqualTo(Health.HEALTHY);
    Verdict behind = judge(record.replace("observedGeneration: 4", "observedGeneration: 3"), "names.example.com/v1",
        "ZoneRecord");
    assertThat(behind.health()).as("%s", behind.findings()).isEqualTo(Health.PROGRESSING);
    Verdict more = judge(record + "  zoneSerial: 2026011501\n", "names.example.com/v1", "ZoneRecord");
    assertThat(more.health()).as("%s", more.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A count of unavailable parts ({@code unavailableReplicas}) above zero is work under way, wherever it is kept: the
   * Deployment status Karmada reflects for each member cluster (held-out round forty-one: members reported
   * {@code health: Healthy} beside every replica unavailable), the Prometheus Operator's shards, Cluster API's
   * MachinePool. Zero says nothing against the rest; a limit ({@code maxUnavailableReplicas}) is no count.
   */
  @Test
  void aCountOfUnavailablePartsIsWorkUnderWay() throws Exception {
    String fleet = """
        apiVersion: fleet.example.io/v1
        kind: SpreadDeployment
        metadata: {name: web, namespace: apps, generation: 1}
        status:
          members:
          - cluster: east
            health: Healthy
            workload:
              replicas: 3
              updatedReplicas: 3
              unavailableReplicas: 3
          - cluster: west
            health: Healthy
            workload:
              replicas: 3
              updatedReplicas: 3
              unavailableReplicas: 0
        """;
    Verdict down = judge(fleet, "fleet.example.io/v1", "SpreadDeployment");
    assertThat(down.health()).as("%s", down.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(down.findings()).anySatisfy(f -> assertThat(f.evidence().toString()).contains("unavailableReplicas"));
    Verdict up = judge(fleet.replace("unavailableReplicas: 3", "unavailableReplicas: 0"), "fleet.example.io/v1",
        "SpreadDeployment");
    assertThat(up.health()).as("%s", up.findings()).isEqualTo(Health.HEALTHY);
    Verdict limit = judge(fleet.replace("unavailableReplicas: 3", "maxUnavailableReplicas: 3"), "fleet.example.io/v1",
        "SpreadDeployment");
    assertThat(limit.health()).as("%s", limit.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A time-out written as one word ({@code TimedOut}) is a failure as {@code Timeout} and "timed out" are: Tekton's
   * CustomRun ({@code Succeeded=False CustomRunTimedOut}, held-out round forty-four) and openshift-kni's oran-o2ims
   * ({@code ClusterProvisioned=False TimedOut}, read there with {@code Failed}). A reason that only begins with
   * {@code Timed} ({@code TimedRolloutPending}) is no time-out.
   */
  @Test
  void aTimeOutInOneWordIsAFailure() throws Exception {
    String scan = """
        apiVersion: security.example.io/v1
        kind: ImageScan
        metadata: {name: web-image, namespace: apps, generation: 1}
        status:
          conditions:
          - {type: Succeeded, status: "False", reason: ScanTimedOut}
        """;
    Verdict timedOut = judge(scan, "security.example.io/v1", "ImageScan");
    assertThat(timedOut.health()).as("%s", timedOut.findings()).isEqualTo(Health.DEGRADED);
    Verdict timed = judge(scan.replace("\"False\", reason: ScanTimedOut", "Unknown, reason: TimedRolloutPending"),
        "security.example.io/v1", "ImageScan");
    assertThat(timed.health()).as("%s", timed.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A loss named in a False condition's reason or message is a failure, as the status word {@code Lost} is:
   * Kubernetes' {@code Lost} claim phase and {@code NodeLost}, Portworx's {@code QuorumLost}, DirectPV's
   * {@code Ready=False NotReady} "[DRIVE LOST] ..." (held-out round forty-five). A generic not-ready reason with a
   * message of waiting stays a wait, and a word that only begins with the letters ({@code Lostless}) is no loss.
   */
  @Test
  void aLossNamedInAFalseConditionIsAFailure() throws Exception {
    String replica = """
        apiVersion: storage.example.org/v2
        kind: ShardReplica
        metadata: {name: shard-3, namespace: data, generation: 1}
        status:
          conditions:
          - {type: Available, status: "False", reason: NotAvailable, message: "backing disk lost on node n4"}
        """;
    Verdict lost = judge(replica, "storage.example.org/v2", "ShardReplica");
    assertThat(lost.health()).as("%s", lost.findings()).isEqualTo(Health.DEGRADED);
    Verdict compound = judge(replica.replace("reason: NotAvailable, message: \"backing disk lost on node n4\"",
        "reason: DiskLost"), "storage.example.org/v2", "ShardReplica");
    assertThat(compound.health()).as("%s", compound.findings()).isEqualTo(Health.DEGRADED);
    Verdict waiting = judge(replica.replace("backing disk lost on node n4", "waiting for the Lostless disk to attach"),
        "storage.example.org/v2", "ShardReplica");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * {@code Approved} is a request granted, as {@code Accepted} and {@code Admitted} are: OpenShift Pipelines' Manual
   * Approval Gate ({@code ApprovalTask} {@code state: approved}, held-out round forty-four) and tmax-cloud's
   * cicd-operator ({@code Approval} {@code result: Approved}, which its run controller turns into a True
   * {@code Succeeded}). Negated or qualified ({@code NotApproved}, {@code Unapproved}) it says nothing good.
   */
  @Test
  void anApprovedStateIsGranted() throws Exception {
    String change = """
        apiVersion: change.example.com/v1
        kind: ChangeRequest
        metadata: {name: db-migration, namespace: ops, generation: 1}
        status:
          state: Approved
          approvalsReceived: 2
        """;
    Verdict approved = judge(change, "change.example.com/v1", "ChangeRequest");
    assertThat(approved.health()).as("%s", approved.findings()).isEqualTo(Health.HEALTHY);
    Verdict rejected = judge(change.replace("Approved", "Rejected"), "change.example.com/v1", "ChangeRequest");
    assertThat(rejected.health()).as("%s", rejected.findings()).isEqualTo(Health.DEGRADED);
    for (String near : new String[] {"NotApproved", "Unapproved"}) {
      Verdict not = judge(change.replace("Approved", near), "change.example.com/v1", "ChangeRequest");
      assertThat(not.health()).as("%s %s", near, not.findings()).isNotEqualTo(Health.HEALTHY);
    }
  }

  /**
   * Parts split into the ready and the unready (held-out round forty-three: OpenYurt's NodePool keeps
   * {@code readyNodeNum} beside {@code unreadyNodeNum}; Couchbase and Pravega keep {@code members: {ready, unready}},
   * Maistra {@code components: {ready, unready}}): an unready part is work under way, none unready beside the ready
   * ones is a readiness report. An {@code unready...} count with no ready count of the same noun beside it says nothing.
   */
  @Test
  void partsSplitIntoReadyAndUnreadyAreRead() throws Exception {
    String rack = """
        apiVersion: racks.example.org/v1
        kind: SensorRack
        metadata: {name: rack-7, generation: 1}
        status:
          readySensorNum: 3
          unreadySensorNum: 1
        """;
    Verdict down = judge(rack, "racks.example.org/v1", "SensorRack");
    assertThat(down.health()).as("%s", down.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(down.findings()).anySatisfy(f -> assertThat(f.evidence().toString()).contains("unreadySensorNum"));
    Verdict empty = judge(rack.replace("readySensorNum: 3", "readySensorNum: 0").replace("unreadySensorNum: 1",
        "unreadySensorNum: 0"), "racks.example.org/v1", "SensorRack");
    assertThat(empty.health()).as("%s", empty.findings()).isEqualTo(Health.HEALTHY);
    Verdict alone = judge(rack.replace("  readySensorNum: 3\n", "  wantedSensors: 4\n"), "racks.example.org/v1",
        "SensorRack");
    assertThat(alone.findings()).extracting(Finding::message).noneMatch(m -> m.contains("unreadySensorNum is 1"));
    String ring = """
        apiVersion: rings.example.net/v2
        kind: GossipRing
        metadata: {name: ring, namespace: data, generation: 2}
        status:
          peers:
            ready: [ring-0, ring-1]
            unready: [ring-2]
        """;
    Verdict peerDown = judge(ring, "rings.example.net/v2", "GossipRing");
    assertThat(peerDown.health()).as("%s", peerDown.findings()).isEqualTo(Health.PROGRESSING);
    Verdict allUp = judge(ring.replace("unready: [ring-2]", "unready: []"), "rings.example.net/v2", "GossipRing");
    assertThat(allUp.health()).as("%s", allUp.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A label named by a pause word is a pause flag, as such an annotation is (held-out round forty-three: Solace's
   * {@code solace.com/pauseReconcile: "true"}; authzed's controller-idioms pause handler reads a label too), its words
   * split at a capital as well as at dashes. A label of another word, or valued {@code "false"}, is no pause.
   */
  @Test
  void aPauseLabelIsAPauseFlag() throws Exception {
    String queue = """
        apiVersion: queues.example.com/v1beta1
        kind: MessageVpn
        metadata:
          name: orders
          namespace: mq
          generation: 3
          labels: {queues.example.com/pauseSync: "true"}
        status:
          conditions:
          - {type: Ready, status: "True", reason: Synced}
        """;
    Verdict paused = judge(queue, "queues.example.com/v1beta1", "MessageVpn");
    assertThat(paused.health()).as("%s", paused.findings()).isEqualTo(Health.SUSPENDED);
    assertThat(paused.findings()).anySatisfy(f -> assertThat(f.evidence().toString()).contains("pauseSync"));
    Verdict dashed = judge(queue.replace("queues.example.com/pauseSync", "queues.example.com/sync-paused"),
        "queues.example.com/v1beta1", "MessageVpn");
    assertThat(dashed.health()).as("%s", dashed.findings()).isEqualTo(Health.SUSPENDED);
    Verdict off = judge(queue.replace("pauseSync: \"true\"", "pauseSync: \"false\""), "queues.example.com/v1beta1",
        "MessageVpn");
    assertThat(off.health()).as("%s", off.findings()).isEqualTo(Health.HEALTHY);
    Verdict record = judge(queue.replace("queues.example.com/pauseSync", "queues.example.com/pausedAt"),
        "queues.example.com/v1beta1", "MessageVpn");
    assertThat(record.health()).as("%s", record.findings()).isEqualTo(Health.HEALTHY);
    Verdict other = judge(queue.replace("queues.example.com/pauseSync", "app.kubernetes.io/part-of"),
        "queues.example.com/v1beta1", "MessageVpn");
    assertThat(other.health()).as("%s", other.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * Two True conditions naming the two outcomes of one action ({@code <Action>Error} and {@code <Action>Success}) are a
   * pair of which the later is the outcome now (held-out round forty-six: the vault-config-operator, through
   * redhat-cop's operator-utils, leaves {@code ReconcileError=True} behind when a later cycle sets
   * {@code ReconcileSuccess=True}). An error as late as the success, or later, or without times, stays a failure;
   * so does a success of another action, and a True error beside a good condition of another name.
   */
  @Test
  void theLaterOfTwoOutcomeConditionsIsTheOutcome() throws Exception {
    String sync = """
        apiVersion: mirror.example.com/v1
        kind: RepoMirror
        metadata: {name: docs, namespace: ci, generation: 4}
        status:
          conditions:
          - {type: SyncSucceeded, status: "True", reason: Done, lastTransitionTime: "2026-01-02T10:05:00Z"}
          - {type: SyncFailed, status: "True", reason: RemoteUnreachable, message: timeout,
             lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict recovered = judge(sync, "mirror.example.com/v1", "RepoMirror");
    assertThat(recovered.health()).as("%s", recovered.findings()).isEqualTo(Health.HEALTHY);
    Verdict failedSince = judge(sync.replace("10:05:00Z", "09:55:00Z"), "mirror.example.com/v1", "RepoMirror");
    assertThat(failedSince.health()).as("%s", failedSince.findings()).isEqualTo(Health.DEGRADED);
    Verdict sameTime = judge(sync.replace("10:05:00Z", "10:00:00Z"), "mirror.example.com/v1", "RepoMirror");
    assertThat(sameTime.health()).as("%s", sameTime.findings()).isEqualTo(Health.DEGRADED);
    Verdict untimed = judge(sync.replace(", lastTransitionTime: \"2026-01-02T10:05:00Z\"", ""),
        "mirror.example.com/v1", "RepoMirror");
    assertThat(untimed.health()).as("%s", untimed.findings()).isEqualTo(Health.DEGRADED);
    Verdict otherAction = judge(sync.replace("type: SyncSucceeded", "type: PushSucceeded"), "mirror.example.com/v1",
        "RepoMirror");
    assertThat(otherAction.health()).as("%s", otherAction.findings()).isEqualTo(Health.DEGRADED);
    Verdict readyBeside = judge(sync.replace("type: SyncSucceeded", "type: Ready"), "mirror.example.com/v1",
        "RepoMirror");
    assertThat(readyBeside.health()).as("%s", readyBeside.findings()).isEqualTo(Health.DEGRADED);
  }

  /**
   * An object with neither spec nor status whose content sits in its own top-level fields is a record, which keeps no
   * status (held-out round forty-six: the Policy Reports API's {@code results} and {@code summary}; the Trivy
   * operator's {@code report}); a failed result in it is not its failure. An object with neither and no other field is
   * still waiting for its controller, and so is one with a spec.
   */
  @Test
  void anObjectHoldingItsContentBesideNeitherSpecNorStatusIsARecord() throws Exception {
    String scan = """
        apiVersion: scans.example.com/v1
        kind: ImageScan
        metadata: {name: web-7d9f, namespace: shop}
        findings:
          artifact: {repository: shop/web, tag: "1.4"}
          summary: {critical: 2, high: 0}
          failed: true
        """;
    Verdict record = judge(scan, "scans.example.com/v1", "ImageScan");
    assertThat(record.health()).as("%s", record.findings()).isEqualTo(Health.HEALTHY);
    Verdict empty = judge(scan.substring(0, scan.indexOf("findings:")), "scans.example.com/v1", "ImageScan");
    assertThat(empty.health()).as("%s", empty.findings()).isEqualTo(Health.PROGRESSING);
    Verdict withSpec = judge(scan + "spec: {image: shop/web}\n", "scans.example.com/v1", "ImageScan");
    assertThat(withSpec.health()).as("%s", withSpec.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * {@code NotHealthy} is a word of its own, the {@code Unhealthy} of operators that spell it with a negation
   * (held-out round fifty-two: Spotahome's RedisFailover {@code state: NotHealthy}; Milvus' reason
   * {@code MilvusComponentNotHealthy}, Apicurio's {@code ApplicationNotHealthy}): a failure, alone or ending a
   * compound. Other negations still say nothing we read: {@code NotReady} may only be not ready yet.
   */
  @Test
  void aStateNotHealthyIsAFailureWhereNotReadyStaysAWait() throws Exception {
    String pool = """
        apiVersion: cache.example.com/v1
        kind: CachePool
        metadata: {name: sessions, namespace: shop, generation: 1}
        spec: {members: 3}
        status: {state: NotHealthy, message: quorum of members lost}
        """;
    Verdict notHealthy = judge(pool, "cache.example.com/v1", "CachePool");
    assertThat(notHealthy.health()).as("%s", notHealthy.findings()).isEqualTo(Health.DEGRADED);
    Verdict compound = judge(pool.replace("state: NotHealthy", "state: MEMBER_NOT_HEALTHY"), "cache.example.com/v1",
        "CachePool");
    assertThat(compound.health()).as("%s", compound.findings()).isEqualTo(Health.DEGRADED);
    Verdict notReady = judge(pool.replace("state: NotHealthy", "state: NotReady"), "cache.example.com/v1",
        "CachePool");
    assertThat(notReady.health()).as("%s", notReady.findings()).isEqualTo(Health.PROGRESSING);
    Verdict healthy = judge(pool.replace("state: NotHealthy, message: quorum of members lost", "state: Healthy"),
        "cache.example.com/v1", "CachePool");
    assertThat(healthy.health()).as("%s", healthy.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * {@code Not OK} is the failed verdict {@code OK} names (held-out round seventy-nine: KubeArmor's policy status
   * {@code Not OK} on a policy its checks refused; the Test Anything Protocol's {@code not ok}), spelled apart, joined
   * or in capitals; {@code OK} stays good, and a negated readiness ({@code Not Ready}) still says nothing we read.
   */
  @Test
  void aVerdictNotOkIsAFailureWhereOkIsGood() throws Exception {
    String rule = """
        apiVersion: guard.example.org/v2
        kind: SyscallRule
        metadata: {name: deny-shell, namespace: payments, generation: 1}
        spec: {action: Block}
        status: {status: Not OK}
        """;
    Verdict notOk = judge(rule, "guard.example.org/v2", "SyscallRule");
    assertThat(notOk.health()).as("%s", notOk.findings()).isEqualTo(Health.DEGRADED);
    Verdict joined = judge(rule.replace("status: Not OK", "status: NOT_OK"), "guard.example.org/v2", "SyscallRule");
    assertThat(joined.health()).as("%s", joined.findings()).isEqualTo(Health.DEGRADED);
    Verdict ok = judge(rule.replace("status: Not OK", "status: OK"), "guard.example.org/v2", "SyscallRule");
    assertThat(ok.health()).as("%s", ok.findings()).isEqualTo(Health.HEALTHY);
    Verdict notReady = judge(rule.replace("status: Not OK", "status: Not Ready"), "guard.example.org/v2",
        "SyscallRule");
    assertThat(notReady.health()).as("%s", notReady.findings()).isNotEqualTo(Health.DEGRADED);
  }

  /**
   * {@code Loaded} is the state of a model its server has loaded (held-out round eighty-four: the vLLM production
   * stack's LoraAdapter lists its adapters with {@code status: Loaded}; KServe's ModelState says the same): a part in
   * that state is up, as one {@code Running} is. {@code Loading} is work, {@code FailedToLoad} a failure, and
   * {@code Unloaded}, an undoing asked for, is not read as up.
   */
  @Test
  void aModelLoadedByItsServerIsUpWhereLoadingIsWorkAndFailedToLoadAFailure() throws Exception {
    String cache = """
        apiVersion: infer.example.net/v1beta1
        kind: WeightSet
        metadata: {name: summarizer-weights, namespace: ml, generation: 2}
        spec: {source: s3://bucket/weights}
        status:
          observedGeneration: 2
          replicas:
          - {server: infer-0, state: Loaded}
        """;
    Verdict loaded = judge(cache, "infer.example.net/v1beta1", "WeightSet");
    assertThat(loaded.health()).as("%s", loaded.findings()).isEqualTo(Health.HEALTHY);
    Verdict loading = judge(cache.replace("state: Loaded", "state: Loading"), "infer.example.net/v1beta1", "WeightSet");
    assertThat(loading.health()).as("%s", loading.findings()).isEqualTo(Health.PROGRESSING);
    Verdict failed = judge(cache.replace("state: Loaded", "state: FailedToLoad"), "infer.example.net/v1beta1",
        "WeightSet");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict unloaded = judge(cache.replace("state: Loaded", "state: Unloaded"), "infer.example.net/v1beta1",
        "WeightSet");
    assertThat(unloaded.health()).as("%s", unloaded.findings()).isNotEqualTo(Health.HEALTHY);
  }

  /**
   * A field named after the Secret kind holds a Secret's name (Strimzi's KafkaUser {@code status.secret}, arkmq-org's
   * BrokerApp {@code status.service.secret}): a name ending in a participle-like word ({@code -binding}) is not work
   * under way. A word in a field not so named is still read.
   */
  @Test
  void aSecretsNameIsNoStatusWord() throws Exception {
    String account = """
        apiVersion: billing.example.net/v1
        kind: MeteringAccount
        metadata: {name: reader, namespace: billing, generation: 1}
        spec: {plan: basic}
        status:
          phase: Provisioned
          credentials: {secret: metering-reader-binding, port: 8443}
        """;
    Verdict named = judge(account, "billing.example.net/v1", "MeteringAccount");
    assertThat(named.health()).as("%s", named.findings()).isEqualTo(Health.HEALTHY);
    Verdict suffixed = judge(account.replace("secret:", "tokenSecret:"), "billing.example.net/v1", "MeteringAccount");
    assertThat(suffixed.health()).as("%s", suffixed.findings()).isEqualTo(Health.HEALTHY);
    Verdict state = judge(account.replace("secret: metering-reader-binding", "state: Binding"),
        "billing.example.net/v1", "MeteringAccount");
    assertThat(state.health()).as("%s", state.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A True good condition whose reason is a good word qualified by {@code Partial} or {@code Partially} reached that
   * state only in part (held-out round eighty-eight: kgateway's agentgateway policy {@code Accepted=True
   * PartiallyValid}, part of it not translated, was read HEALTHY). The reason is read as the status words read a value
   * ({@code PartialReady}, {@code PartialSuccess}: DEGRADED). A plain good reason stays HEALTHY, and partial work still
   * under way is no partial success.
   */
  @Test
  void aGoodConditionWhoseReasonSaysPartlyIsDegraded() throws Exception {
    String route = """
        apiVersion: mesh.example.org/v2
        kind: RetryRule
        metadata: {name: checkout-retries, namespace: shop, generation: 4}
        spec: {attempts: 3}
        status:
          conditions:
          - {type: Programmed, status: "True", reason: PartialSuccess, message: "2 of 3 listeners", observedGeneration: 4}
        """;
    Verdict partly = judge(route, "mesh.example.org/v2", "RetryRule");
    assertThat(partly.health()).as("%s", partly.findings()).isEqualTo(Health.DEGRADED);
    Verdict valid = judge(route.replace("PartialSuccess", "PartiallyValid"), "mesh.example.org/v2", "RetryRule");
    assertThat(valid.health()).as("%s", valid.findings()).isEqualTo(Health.DEGRADED);
    Verdict whole = judge(route.replace("PartialSuccess", "Programmed"), "mesh.example.org/v2", "RetryRule");
    assertThat(whole.health()).as("%s", whole.findings()).isEqualTo(Health.HEALTHY);
    Verdict working = judge(route.replace("PartialSuccess", "PartiallyUpgrading"), "mesh.example.org/v2", "RetryRule");
    assertThat(working.health()).as("%s", working.findings()).isNotEqualTo(Health.DEGRADED);
  }

  /**
   * A part reported missing is a part lost, not the object missing (held-out round eighty-five: k0s Autopilot's Plan
   * with one target node {@code SignalMissingNode} was read MISSING as a whole). MISSING stays the verdict of the
   * object's own state ({@code state: NotFound}); in one entry of a list of parts it is DEGRADED.
   */
  @Test
  void aPartReportedMissingIsAPartLostNotTheObjectMissing() throws Exception {
    String rollout = """
        apiVersion: fleet.example.net/v1
        kind: FirmwareRollout
        metadata: {name: bios-2026-03, generation: 1}
        spec: {image: bios-2026-03}
        status:
          hosts:
          - {name: rack1-host4, state: Flashing}
          - {name: rack1-host5, state: HostMissing}
        """;
    Verdict partGone = judge(rollout, "fleet.example.net/v1", "FirmwareRollout");
    assertThat(partGone.health()).as("%s", partGone.findings()).isEqualTo(Health.DEGRADED);
    Verdict allThere = judge(rollout.replace("HostMissing", "Flashing"), "fleet.example.net/v1", "FirmwareRollout");
    assertThat(allThere.health()).as("%s", allThere.findings()).isEqualTo(Health.PROGRESSING);
    Verdict objectGone = judge("""
        apiVersion: fleet.example.net/v1
        kind: RemoteVolume
        metadata: {name: vol-archive, generation: 1}
        spec: {size: 10Gi}
        status: {state: NotFound}
        """, "fleet.example.net/v1", "RemoteVolume");
    assertThat(objectGone.health()).as("%s", objectGone.findings()).isEqualTo(Health.MISSING);
  }

  /**
   * A status shaped as a Kubernetes Job's ({@code startTime}, an {@code active} count above zero, no end time) is a
   * run under way whatever the kind is named (held-out round fifty-two: cass-operator's CassandraTask copies the Job's
   * status; kstatus reads a Job as in progress until it completes): its {@code Running=True} is the way to the outcome.
   * Ended, or with only a count and no start, it is read as before.
   */
  @Test
  void aJobShapedStatusWithPodsStillActiveIsARunUnderWay() throws Exception {
    String sweep = """
        apiVersion: ops.example.com/v1
        kind: NodeSweep
        metadata: {name: sweep-zone-a, namespace: ops, generation: 1}
        spec: {command: compact}
        status:
          startTime: "2026-01-02T10:00:00Z"
          active: 1
          conditions:
          - {type: Running, status: "True", reason: Running, lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict underWay = judge(sweep, "ops.example.com/v1", "NodeSweep");
    assertThat(underWay.health()).as("%s", underWay.findings()).isEqualTo(Health.PROGRESSING);
    Verdict ended = judge(sweep.replace("active: 1", "active: 1\n  completionTime: \"2026-01-02T10:05:00Z\""),
        "ops.example.com/v1", "NodeSweep");
    assertThat(ended.health()).as("%s", ended.findings()).isEqualTo(Health.HEALTHY);
    Verdict noneActive = judge(sweep.replace("active: 1", "active: 0"), "ops.example.com/v1", "NodeSweep");
    assertThat(noneActive.health()).as("%s", noneActive.findings()).isEqualTo(Health.HEALTHY);
    Verdict countOnly = judge(sweep.replace("  startTime: \"2026-01-02T10:00:00Z\"\n", ""), "ops.example.com/v1",
        "NodeSweep");
    assertThat(countOnly.health()).as("%s", countOnly.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A status that records when its work started and not when it ended, with no count of active pods and no readiness,
   * is a run under way whatever the kind is named (held-out round seventy-three: Katib's Trial writes
   * {@code startTime} and {@code Running=True} while its job runs, then {@code completionTime}; the Kubeflow jobs,
   * Tekton's runs, KubeRay's RayJob keep the same pair): its {@code Running=True} is the way to the outcome. Ended,
   * beside a readiness, or with no start recorded, it is read as before.
   */
  @Test
  void aStartRecordedWithNoEndIsARunUnderWay() throws Exception {
    String probe = """
        apiVersion: bench.example.org/v1
        kind: LatencyProbe
        metadata: {name: probe-eu-west, namespace: bench, generation: 1}
        spec: {target: api.internal}
        status:
          startTime: "2026-03-04T08:00:00Z"
          conditions:
          - {type: Created, status: "True", reason: ProbeCreated, lastTransitionTime: "2026-03-04T08:00:00Z"}
          - {type: Running, status: "True", reason: ProbeRunning, lastTransitionTime: "2026-03-04T08:00:05Z"}
        """;
    Verdict underWay = judge(probe, "bench.example.org/v1", "LatencyProbe");
    assertThat(underWay.health()).as("%s", underWay.findings()).isEqualTo(Health.PROGRESSING);
    Verdict startedAt = judge(probe.replace("startTime:", "startedAt:"), "bench.example.org/v1", "LatencyProbe");
    assertThat(startedAt.health()).as("%s", startedAt.findings()).isEqualTo(Health.PROGRESSING);
    Verdict ended = judge(probe.replace("  startTime: \"2026-03-04T08:00:00Z\"\n",
        "  startTime: \"2026-03-04T08:00:00Z\"\n  endTime: \"2026-03-04T08:09:00Z\"\n"), "bench.example.org/v1",
        "LatencyProbe");
    assertThat(ended.health()).as("%s", ended.findings()).isEqualTo(Health.HEALTHY);
    Verdict ready = judge(probe.replace("type: Created, status: \"True\", reason: ProbeCreated",
        "type: Ready, status: \"True\", reason: ProbeReady"), "bench.example.org/v1", "LatencyProbe");
    assertThat(ready.health()).as("%s", ready.findings()).isEqualTo(Health.HEALTHY);
    Verdict noStart = judge(probe.replace("  startTime: \"2026-03-04T08:00:00Z\"\n", ""), "bench.example.org/v1",
        "LatencyProbe");
    assertThat(noStart.health()).as("%s", noStart.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * An action condition kept False because what it works from does not exist is a failure, as a False action with a
   * {@code not found} reason is (held-out round forty-nine: KubeVirt's VirtualMachineSnapshot and Harvester's
   * VirtualMachineBackup write {@code Progressing=False} "Source does not exist" beside a phase still in progress).
   * A False readiness that says its output does not exist yet stays a wait, and a False action whose reason is no
   * absence stays what it was.
   */
  @Test
  void anActionStoppedForWantOfItsInputIsAFailure() throws Exception {
    String copy = """
        apiVersion: replicas.example.com/v1
        kind: DiskCopy
        metadata: {name: nightly, namespace: storage, generation: 1}
        status:
          phase: Copying
          conditions:
          - {type: Reconciling, status: "False", reason: Origin volume does not exist}
          - {type: Ready, status: "False", reason: NotReady}
        """;
    Verdict missingOrigin = judge(copy, "replicas.example.com/v1", "DiskCopy");
    assertThat(missingOrigin.health()).as("%s", missingOrigin.findings()).isEqualTo(Health.DEGRADED);
    Verdict oneWord = judge(copy.replace("Origin volume does not exist", "OriginNotExist"), "replicas.example.com/v1",
        "DiskCopy");
    assertThat(oneWord.health()).as("%s", oneWord.findings()).isEqualTo(Health.DEGRADED);
    Verdict waitingForOrigin = judge(copy.replace("Origin volume does not exist", "WaitingForOrigin"),
        "replicas.example.com/v1", "DiskCopy");
    assertThat(waitingForOrigin.health()).as("%s", waitingForOrigin.findings()).isEqualTo(Health.PROGRESSING);
    String outputMissing = copy.replace("status: \"False\", reason: Origin volume does not exist",
        "status: \"True\", reason: Copying")
        .replace("reason: NotReady", "reason: DoesNotExist, message: Copying as target volume does not exist");
    Verdict outputNotYet = judge(outputMissing, "replicas.example.com/v1", "DiskCopy");
    assertThat(outputNotYet.health()).as("%s", outputNotYet.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A failure reported in a condition stamped with the object's current generation (metav1.Condition's own
   * {@code observedGeneration}) is what the object is in, though {@code status.observedGeneration} lags: operators that
   * advance it only on success (held-out round fifty-one: the Pulsar Resources Operator's namespace rejected by the
   * broker) leave it behind on every failure. A failure stamped with an older generation, or not stamped, beside the lag
   * is still a change under way, and so is a current success.
   */
  @Test
  void aFailureStampedWithTheCurrentGenerationOutranksALaggingObservedGeneration() throws Exception {
    String queue = """
        apiVersion: queues.example.com/v1
        kind: QueuePolicy
        metadata: {name: orders, namespace: shop, generation: 5}
        spec: {maxDepth: 900}
        status:
          observedGeneration: 4
          conditions:
          - {type: Ready, status: "False", reason: ApplyFailed, message: "depth above the broker's limit",
             observedGeneration: 5, lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict current = judge(queue, "queues.example.com/v1", "QueuePolicy");
    assertThat(current.health()).as("%s", current.findings()).isEqualTo(Health.DEGRADED);
    Verdict older = judge(queue.replace("observedGeneration: 5,", "observedGeneration: 4,"), "queues.example.com/v1",
        "QueuePolicy");
    assertThat(older.health()).as("%s", older.findings()).isEqualTo(Health.PROGRESSING);
    Verdict unstamped = judge(queue.replace("observedGeneration: 5,", ""), "queues.example.com/v1", "QueuePolicy");
    assertThat(unstamped.health()).as("%s", unstamped.findings()).isEqualTo(Health.PROGRESSING);
    Verdict success = judge(queue.replace("status: \"False\", reason: ApplyFailed", "status: \"True\", reason: Applied"),
        "queues.example.com/v1", "QueuePolicy");
    assertThat(success.health()).as("%s", success.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A pause word in the spec's desired state is a pause asked for, as the boolean flags are (held-out round fifty-one:
   * Strimzi's KafkaConnector {@code spec.state: paused}; Flink's {@code spec.job.state: suspended}, Hive's
   * {@code spec.powerState: Hibernating}). A running state asks for nothing, and a paused entry of a list is one part.
   */
  @Test
  void aPauseWordAsTheSpecsDesiredStateSuspendsTheObject() throws Exception {
    String sink = """
        apiVersion: sinks.example.com/v1
        kind: ArchiveSink
        metadata: {name: nightly, namespace: data, generation: 2}
        spec:
          state: stopped
        status:
          observedGeneration: 2
          conditions:
          - {type: Ready, status: "True", reason: Ready, lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict stopped = judge(sink, "sinks.example.com/v1", "ArchiveSink");
    assertThat(stopped.health()).as("%s", stopped.findings()).isEqualTo(Health.SUSPENDED);
    Verdict jobSuspended = judge(sink.replace("  state: stopped", "  job: {state: Suspended, parallelism: 2}"),
        "sinks.example.com/v1", "ArchiveSink");
    assertThat(jobSuspended.health()).as("%s", jobSuspended.findings()).isEqualTo(Health.SUSPENDED);
    Verdict running = judge(sink.replace("state: stopped", "state: running"), "sinks.example.com/v1", "ArchiveSink");
    assertThat(running.health()).as("%s", running.findings()).isEqualTo(Health.HEALTHY);
    Verdict oneOfMany = judge(sink.replace("  state: stopped", "  targets:\n  - {name: a, state: paused}"),
        "sinks.example.com/v1", "ArchiveSink");
    assertThat(oneOfMany.health()).as("%s", oneOfMany.findings()).isEqualTo(Health.HEALTHY);
    // A feature switched off (Azure's state: Enabled | Disabled) and the settings of an external resource are not the
    // object standing still.
    Verdict switchedOff = judge(sink.replace("state: stopped", "state: Disabled"), "sinks.example.com/v1",
        "ArchiveSink");
    assertThat(switchedOff.health()).as("%s", switchedOff.findings()).isEqualTo(Health.HEALTHY);
    Verdict parameter = judge(sink.replace("  state: stopped", "  forProvider: {state: stopped, region: eu-west-1}"),
        "sinks.example.com/v1", "ArchiveSink");
    assertThat(parameter.health()).as("%s", parameter.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A service or machine powered off is standing still on request (held-out round fifty-one: Aiven's
   * {@code state: POWEROFF}; VMware's VM Operator {@code powerState: PoweredOff}), though a condition beside it says
   * the operator's check ran. Powered on, it is what its conditions say.
   */
  @Test
  void aPoweredOffStateIsASuspension() throws Exception {
    String cache = """
        apiVersion: cache.example.com/v1
        kind: ManagedCache
        metadata: {name: sessions, namespace: web}
        status:
          state: POWEROFF
          conditions:
          - {type: Running, status: "True", reason: Checked, lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict off = judge(cache, "cache.example.com/v1", "ManagedCache");
    assertThat(off.health()).as("%s", off.findings()).isEqualTo(Health.SUSPENDED);
    Verdict poweredOff = judge(cache.replace("state: POWEROFF", "powerState: PoweredOff"), "cache.example.com/v1",
        "ManagedCache");
    assertThat(poweredOff.health()).as("%s", poweredOff.findings()).isEqualTo(Health.SUSPENDED);
    Verdict on = judge(cache.replace("state: POWEROFF", "powerState: PoweredOn"), "cache.example.com/v1",
        "ManagedCache");
    assertThat(on.health()).as("%s", on.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A reason that says the capacity the work needs is not there yet is a wait, the work queued until it is found:
   * Volcano's PodGroup {@code Unschedulable=True NotEnoughResources} (held-out round fifty-five), the
   * cluster autoscaler's ProvisioningRequest {@code Provisioned=False CapacityIsNotFound} (held-out round eight). Not
   * on a failure type ({@code Failed=True CapacityIsNotFound}: the autoscaler gave up), nor where the reason also says
   * failed or error, nor a shortage of something other than capacity ({@code QuotaExceeded}).
   */
  @Test
  void aShortageOfCapacityIsAWait() throws Exception {
    String gang = """
        apiVersion: batch.example.net/v1
        kind: TrainingGang
        metadata: {name: resnet-gang, namespace: ml, generation: 1}
        status:
          conditions:
          - {type: Unplaceable, status: "True", reason: InsufficientResources, message: "2/4 members cannot be placed"}
        """;
    Verdict waits = judge(gang, "batch.example.net/v1", "TrainingGang");
    assertThat(waits.health()).as("%s", waits.findings()).isEqualTo(Health.PROGRESSING);
    Verdict gaveUp = judge(gang.replace("type: Unplaceable", "type: Failed"), "batch.example.net/v1", "TrainingGang");
    assertThat(gaveUp.health()).as("%s", gaveUp.findings()).isEqualTo(Health.DEGRADED);
    Verdict error = judge(gang.replace("InsufficientResources", "InsufficientCapacityError"), "batch.example.net/v1",
        "TrainingGang");
    assertThat(error.health()).as("%s", error.findings()).isEqualTo(Health.DEGRADED);
    String request = """
        apiVersion: capacity.example.org/v1
        kind: NodeReservation
        metadata: {name: gpu-batch, namespace: infra, generation: 1}
        status:
          conditions:
          - {type: Reserved, status: "False", reason: CapacityNotFound, message: "no zone has room yet, retrying"}
        """;
    Verdict reserving = judge(request, "capacity.example.org/v1", "NodeReservation");
    assertThat(reserving.health()).as("%s", reserving.findings()).isEqualTo(Health.PROGRESSING);
    Verdict refused = judge(request.replace("CapacityNotFound", "QuotaExceeded"), "capacity.example.org/v1",
        "NodeReservation");
    assertThat(refused.health()).as("%s", refused.findings()).isEqualTo(Health.DEGRADED);
    // Short of rights, not of capacity: a refusal, read as any False condition with that reason is.
    Verdict unpermitted = judge(gang.replace("InsufficientResources", "InsufficientPermissions"),
        "batch.example.net/v1", "TrainingGang");
    assertThat(unpermitted.health()).as("%s", unpermitted.findings()).isEqualTo(Health.DEGRADED);
  }

  /**
   * A readiness False whose reason names it degraded ({@code Degraded}, {@code <Part>Degraded}) is a failure, as the
   * word is in a phase (held-out round fifty-four: the observability-operator's {@code Available=False
   * PrometheusDegraded}; LVMS' {@code VGsDegraded}, MOCO's {@code Degraded}). Taken back ({@code NotDegraded}) or a
   * reason of work under way, the False readiness still waits.
   */
  @Test
  void aFalseReadinessWhoseReasonSaysDegradedIsAFailure() throws Exception {
    String gateway = """
        apiVersion: edge.example.com/v1
        kind: TrafficGateway
        metadata: {name: public, namespace: edge, generation: 1}
        status:
          conditions:
          - {type: Available, status: "False", reason: ProxyFleetDegraded, observedGeneration: 1,
             lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict degraded = judge(gateway, "edge.example.com/v1", "TrafficGateway");
    assertThat(degraded.health()).as("%s", degraded.findings()).isEqualTo(Health.DEGRADED);
    Verdict alone = judge(gateway.replace("ProxyFleetDegraded", "Degraded"), "edge.example.com/v1", "TrafficGateway");
    assertThat(alone.health()).as("%s", alone.findings()).isEqualTo(Health.DEGRADED);
    Verdict takenBack = judge(gateway.replace("ProxyFleetDegraded", "NotDegraded"), "edge.example.com/v1",
        "TrafficGateway");
    assertThat(takenBack.health()).as("%s", takenBack.findings()).isEqualTo(Health.PROGRESSING);
    Verdict waiting = judge(gateway.replace("ProxyFleetDegraded", "ProxiesStarting"), "edge.example.com/v1",
        "TrafficGateway");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * The outcome of a check kept as a boolean in a field named for an outcome ({@code <check>Result}), or as a map of
   * them by what was checked ({@code <check>Results}), is the check's verdict (held-out round fifty-four: the Kaasops
   * Vector Operator's {@code configCheckResult}; the Logging operator's {@code configCheckResults}; gitops-promoter's
   * {@code expressionResult}): false fails, true passes. A flag that asks about having one ({@code hasResult}) is none.
   */
  @Test
  void aCheckOutcomeKeptAsABooleanIsTheChecksVerdict() throws Exception {
    String rule = """
        apiVersion: rules.example.com/v1
        kind: RoutingRule
        metadata: {name: eu, namespace: mail, generation: 1}
        status:
          lintResult: false
          reason: lint failed
        """;
    Verdict failed = judge(rule, "rules.example.com/v1", "RoutingRule");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict passed = judge(rule.replace("lintResult: false", "lintResult: true").replace("  reason: lint failed\n", ""),
        "rules.example.com/v1", "RoutingRule");
    assertThat(passed.health()).as("%s", passed.findings()).isEqualTo(Health.HEALTHY);
    Verdict oneOfTwoFailed = judge(rule.replace("lintResult: false", "lintResults: {a1b2: true, c3d4: false}"),
        "rules.example.com/v1", "RoutingRule");
    assertThat(oneOfTwoFailed.health()).as("%s", oneOfTwoFailed.findings()).isEqualTo(Health.DEGRADED);
    Verdict asked = judge(rule.replace("lintResult: false", "hasResult: false").replace("  reason: lint failed\n", ""),
        "rules.example.com/v1", "RoutingRule");
    assertThat(asked.health()).as("%s", asked.findings()).isNotEqualTo(Health.DEGRADED);
  }

  /**
   * A state of standing still in the status while the spec asks for another is a change still to be made, not a pause
   * (VMware's VM Operator {@code spec.powerState: PoweredOn} beside {@code status.powerState: PoweredOff}; Hive's
   * {@code spec.powerState: Running} beside {@code Hibernating}). Asked for the pause, or asking nothing under that
   * name (a spec field of another name is another setting), it stays a pause.
   */
  @Test
  void aStandstillTheSpecDoesNotAskForIsNoPause() throws Exception {
    String machine = """
        apiVersion: compute.example.com/v1
        kind: GuestMachine
        metadata: {name: db-1, namespace: lab, generation: 3}
        spec: {powerState: PoweredOn, className: small}
        status:
          powerState: PoweredOff
          conditions:
          - {type: MachineCreated, status: "True", reason: Created, lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict unreached = judge(machine, "compute.example.com/v1", "GuestMachine");
    assertThat(unreached.health()).as("%s", unreached.findings()).isEqualTo(Health.PROGRESSING);
    Verdict asked = judge(machine.replace("powerState: PoweredOn", "powerState: PoweredOff"),
        "compute.example.com/v1", "GuestMachine");
    assertThat(asked.health()).as("%s", asked.findings()).isEqualTo(Health.SUSPENDED);
    Verdict unasked = judge(machine.replace("powerState: PoweredOn, ", ""), "compute.example.com/v1", "GuestMachine");
    assertThat(unasked.health()).as("%s", unasked.findings()).isEqualTo(Health.SUSPENDED);
    String pipe = """
        apiVersion: streams.example.org/v1
        kind: Relay
        metadata: {name: orders, namespace: shop, generation: 1}
        spec: {mode: RUNNING, source: a, target: b}
        status:
          state: STOPPED
          conditions:
          - {type: Synced, status: "True", lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict otherName = judge(pipe, "streams.example.org/v1", "Relay");
    assertThat(otherName.health()).as("%s", otherName.findings()).isEqualTo(Health.SUSPENDED);
    Verdict starting = judge(pipe.replace("mode: RUNNING", "state: Running"), "streams.example.org/v1", "Relay");
    assertThat(starting.health()).as("%s", starting.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A policy's report that it is in force, {@code enforced} or {@code enforcing} true, is the policy at work (held-out
   * round fifty-six: OPA Gatekeeper's per-pod {@code byPod[].enforced} of constraints and mutators; Cilium's per-node
   * {@code enforcing} of a CiliumNetworkPolicy). A report stamped with an older generation than the object's is of an
   * earlier spec; false says nothing.
   */
  @Test
  void aPolicyReportedInForceIsHealthyUnlessTheReportIsOfAnOlderGeneration() throws Exception {
    String rule = """
        apiVersion: netsec.example.com/v1
        kind: FirewallRule
        metadata: {name: deny-egress, namespace: apps, generation: 2}
        spec: {action: deny}
        status:
          reports:
          - {agent: agent-a, enforced: true, observedGeneration: 2}
          - {agent: agent-b, enforced: true, observedGeneration: 2}
        """;
    Verdict inForce = judge(rule, "netsec.example.com/v1", "FirewallRule");
    assertThat(inForce.health()).as("%s", inForce.findings()).isEqualTo(Health.HEALTHY);
    Verdict older = judge(rule.replace("observedGeneration: 2}", "observedGeneration: 1}"),
        "netsec.example.com/v1", "FirewallRule");
    assertThat(older.health()).as("%s", older.findings()).isEqualTo(Health.PROGRESSING);
    assertThat(older.findings()).extracting(Finding::message).anyMatch(m -> m.contains("generation 1 of 2"));
    Verdict notYet = judge(rule.replace("enforced: true", "enforced: false"), "netsec.example.com/v1", "FirewallRule");
    assertThat(notYet.health()).as("%s", notYet.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict perNode = judge(rule.replace("""
          reports:
          - {agent: agent-a, enforced: true, observedGeneration: 2}
          - {agent: agent-b, enforced: true, observedGeneration: 2}
        """, """
          nodes:
            node-a: {enforcing: true, localPolicyRevision: 7}
        """), "netsec.example.com/v1", "FirewallRule");
    assertThat(perNode.health()).as("%s", perNode.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A non-empty list named {@code errors}, of strings or of objects carrying a {@code message} or
   * {@code errorMessage}, is the failure the operator is stuck on (held-out round fifty-six: OPA Gatekeeper's
   * per-pod {@code errors} of a mutator whose schema conflicts; Config Sync's {@code source.errors}); empty, beside a
   * true readiness, or a count, it is not.
   */
  @Test
  void aListOfErrorsIsTheFailureUnlessEmptyOrGotPast() throws Exception {
    String quota = """
        apiVersion: limits.example.com/v1
        kind: QuotaPolicy
        metadata: {name: team-a, namespace: teams, generation: 1}
        spec: {cpu: "4"}
        status:
          phase: Active
          shards:
          - name: shard-0
            errors:
            - {code: parse_error, message: 'cannot parse quantity "4x"'}
        """;
    Verdict stuck = judge(quota, "limits.example.com/v1", "QuotaPolicy");
    assertThat(stuck.health()).as("%s", stuck.findings()).isEqualTo(Health.DEGRADED);
    Verdict asText = judge(quota.replace("- {code: parse_error, message: 'cannot parse quantity \"4x\"'}",
        "- cannot parse quantity"), "limits.example.com/v1", "QuotaPolicy");
    assertThat(asText.health()).as("%s", asText.findings()).isEqualTo(Health.DEGRADED);
    Verdict none = judge(quota.replace("""
            errors:
            - {code: parse_error, message: 'cannot parse quantity "4x"'}
        """, """
            errors: []
        """), "limits.example.com/v1", "QuotaPolicy");
    assertThat(none.health()).as("%s", none.findings()).isEqualTo(Health.HEALTHY);
    Verdict gotPast = judge(quota.replace("  - name: shard-0", "  - name: shard-0\n    ready: true"),
        "limits.example.com/v1", "QuotaPolicy");
    assertThat(gotPast.health()).as("%s", gotPast.findings()).isEqualTo(Health.HEALTHY);
    Verdict counted = judge(quota.replace("""
            errors:
            - {code: parse_error, message: 'cannot parse quantity "4x"'}
        """, """
            errors: 3
        """), "limits.example.com/v1", "QuotaPolicy");
    assertThat(counted.health()).as("%s", counted.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * A release waiting at its promotion gate is paused: the new version is ready and a person or a hook has to promote
   * it (held-out round sixty-two: the Kong Gateway Operator's {@code RolledOut=False AwaitingPromotion}; Flagger's
   * canary phase {@code WaitingPromotion}, "the canary promotion is paused"; Argo Rollouts' blue-green pause before
   * promotion). Promoting is work under way, a failed promotion a failure, and other waits stay waits.
   */
  @Test
  void aReleaseWaitingAtItsPromotionGateIsPaused() throws Exception {
    String train = """
        apiVersion: delivery.example.net/v1
        kind: ReleaseTrain
        metadata: {name: web, namespace: shop, generation: 4}
        spec: {gate: manual}
        status:
          conditions:
          - {type: Ready, status: "True", reason: Ready, observedGeneration: 4, lastTransitionTime: "2026-01-02T10:00:00Z"}
          stages:
            conditions:
            - {type: Released, status: "False", reason: WaitingForPromotion, observedGeneration: 4,
               lastTransitionTime: "2026-01-02T10:05:00Z"}
        """;
    Verdict gated = judge(train, "delivery.example.net/v1", "ReleaseTrain");
    assertThat(gated.health()).as("%s", gated.findings()).isEqualTo(Health.SUSPENDED);
    Verdict promoting = judge(train.replace("reason: WaitingForPromotion", "reason: PromotionInProgress"),
        "delivery.example.net/v1", "ReleaseTrain");
    assertThat(promoting.health()).as("%s", promoting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict failed = judge(train.replace("reason: WaitingForPromotion", "reason: PromotionFailed"),
        "delivery.example.net/v1", "ReleaseTrain");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    // At the gate but reporting a failure (in its message, or the reporter gave up: Error) is no pause.
    Verdict hookFailed = judge(train.replace("reason: WaitingForPromotion,", "reason: WaitingForPromotion, "
        + "message: \"promotion webhook failed: connection refused\","), "delivery.example.net/v1", "ReleaseTrain");
    assertThat(hookFailed.health()).as("%s", hookFailed.findings()).isEqualTo(Health.DEGRADED);
    Verdict gaveUp = judge(train.replace("reason: WaitingForPromotion,", "reason: WaitingForPromotion, severity: Error,"),
        "delivery.example.net/v1", "ReleaseTrain");
    assertThat(gaveUp.health()).as("%s", gaveUp.findings()).isEqualTo(Health.DEGRADED);
    Verdict otherWait = judge(train.replace("reason: WaitingForPromotion", "reason: WaitingForChange"),
        "delivery.example.net/v1", "ReleaseTrain");
    assertThat(otherWait.health()).as("%s", otherWait.findings()).isEqualTo(Health.PROGRESSING);
    String canary = """
        apiVersion: traffic.example.org/v2
        kind: TrafficShift
        metadata: {name: api, namespace: prod, generation: 2}
        spec: {steps: 5}
        status:
          phase: WaitingPromotion
          observedGeneration: 2
        """;
    Verdict phaseGated = judge(canary, "traffic.example.org/v2", "TrafficShift");
    assertThat(phaseGated.health()).as("%s", phaseGated.findings()).isEqualTo(Health.SUSPENDED);
    Verdict phasePromoting = judge(canary.replace("phase: WaitingPromotion", "phase: Promoting"),
        "traffic.example.org/v2", "TrafficShift");
    assertThat(phasePromoting.health()).as("%s", phasePromoting.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A Warning that waits for a fault to be remedied reports the fault: Cluster API's {@code WaitingForRemediation}
   * marks a Machine that failed its health check (its MachineHealthCheck controller, Metal3's and Hetzner's
   * remediation controllers). Other waits under a Warning stay waits.
   */
  @Test
  void aWaitForRemediationIsAFault() throws Exception {
    String slot = """
        apiVersion: fleet.example.io/v1alpha3
        kind: WorkerSlot
        metadata: {name: slot-7, namespace: racks, generation: 3}
        spec: {pool: gpu}
        status:
          phase: Provisioned
          observedGeneration: 3
          conditions:
          - {type: Ready, status: "False", severity: Warning, reason: WaitingForRemediation,
             message: "MachineHealthCheck failed", lastTransitionTime: "2026-01-02T10:00:00Z"}
          - {type: BootstrapReady, status: "True", lastTransitionTime: "2026-01-02T09:00:00Z"}
          - {type: OwnerRemediated, status: "False", severity: Warning, reason: WaitingForRemediation,
             message: "MachineHealthCheck failed", lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict remediation = judge(slot, "fleet.example.io/v1alpha3", "WorkerSlot");
    assertThat(remediation.health()).as("%s", remediation.findings()).isEqualTo(Health.DEGRADED);
    Verdict repair = judge(slot.replace("WaitingForRemediation", "AwaitingManualRepair"), "fleet.example.io/v1alpha3",
        "WorkerSlot");
    assertThat(repair.health()).as("%s", repair.findings()).isEqualTo(Health.DEGRADED);
    Verdict registration = judge(slot.replace("WaitingForRemediation", "WaitingForNodeRegistration")
        .replace("MachineHealthCheck failed", "Node has not registered yet"), "fleet.example.io/v1alpha3", "WorkerSlot");
    assertThat(registration.health()).as("%s", registration.findings()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void aWarningWhoseReasonNamesWhatItAwaitsIsThatWait() throws Exception {
    String gateway = """
        apiVersion: edge.example.net/v2
        kind: TunnelGateway
        metadata: {name: west, namespace: edge, generation: 2}
        spec: {network: corp-net}
        status:
          conditions:
          - type: Ready
            status: "False"
            severity: Warning
            reason: WaitingForNetwork
            message: Network "corp-net" cannot be found. Progress is blocked until the network is created.
            observedGeneration: 2
        """;
    Verdict waits = judge(gateway, "edge.example.net/v2", "TunnelGateway");
    assertThat(waits.health()).as("%s", waits.findings()).isEqualTo(Health.PROGRESSING);
    Verdict awaiting = judge(gateway.replace("WaitingForNetwork", "AwaitingPeerApproval"), "edge.example.net/v2",
        "TunnelGateway");
    assertThat(awaiting.health()).as("%s", awaiting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict gaveUp = judge(gateway.replace("severity: Warning", "severity: Error"), "edge.example.net/v2",
        "TunnelGateway");
    assertThat(gaveUp.health()).as("%s", gaveUp.findings()).isEqualTo(Health.DEGRADED);
    Verdict failedWait = judge(gateway.replace("WaitingForNetwork", "WaitingForNetworkFailed"), "edge.example.net/v2",
        "TunnelGateway");
    assertThat(failedWait.health()).as("%s", failedWait.findings()).isEqualTo(Health.DEGRADED);
    Verdict noWait = judge(gateway.replace("WaitingForNetwork", "NetworkLookupRefused"), "edge.example.net/v2",
        "TunnelGateway");
    assertThat(noWait.health()).as("%s", noWait.findings()).isEqualTo(Health.DEGRADED);
  }

  /**
   * The outcome of a run kept as Knative's {@code Succeeded} condition is a verdict when False, with or without a reason
   * (held-out round fifty-nine: kpack's Build whose pod ran out of disk, {@code Succeeded=False} and nothing else;
   * Tekton's runs and ResolutionRequest, Shipwright's BuildRun write the same condition). Unknown, or False with a
   * reason of work under way, the run goes on; True, it succeeded.
   */
  @Test
  void aFalseSucceededIsTheRunsVerdictEvenWithoutAReason() throws Exception {
    String export = """
        apiVersion: reports.example.com/v1
        kind: ReportExport
        metadata: {name: q3, namespace: finance, generation: 1}
        status:
          conditions:
          - {type: Succeeded, status: "False", lastTransitionTime: "2026-01-02T10:00:00Z"}
        """;
    Verdict ended = judge(export, "reports.example.com/v1", "ReportExport");
    assertThat(ended.health()).as("%s", ended.findings()).isEqualTo(Health.DEGRADED);
    Verdict running = judge(export.replace("status: \"False\"", "status: Unknown, reason: Running"),
        "reports.example.com/v1", "ReportExport");
    assertThat(running.health()).as("%s", running.findings()).isEqualTo(Health.PROGRESSING);
    Verdict waiting = judge(export.replace("status: \"False\"", "status: \"False\", reason: WaitingForWorker"),
        "reports.example.com/v1", "ReportExport");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict done = judge(export.replace("status: \"False\"", "status: \"True\""), "reports.example.com/v1",
        "ReportExport");
    assertThat(done.health()).as("%s", done.findings()).isEqualTo(Health.HEALTHY);
    Verdict readiness = judge(export.replace("type: Succeeded", "type: Ready"), "reports.example.com/v1",
        "ReportExport");
    assertThat(readiness.health()).as("%s", readiness.findings()).isEqualTo(Health.PROGRESSING);
  }

  /**
   * A status flag named {@code registered}, a boolean or a field typed as a condition status, says the object was
   * accepted by the system that runs it (held-out round fifty-nine: Shipwright's Build {@code registered: "True"};
   * NetApp's Astra Connector {@code natsSyncClient.registered}): true, it is in place; false, it waits.
   */
  @Test
  void aRegisteredFlagIsTheObjectAccepted() throws Exception {
    String recipe = """
        apiVersion: pack.example.com/v1
        kind: ImageRecipe
        metadata: {name: web, namespace: ci, generation: 1}
        spec: {strategy: buildkit}
        status:
          registered: "True"
        """;
    Verdict accepted = judge(recipe, "pack.example.com/v1", "ImageRecipe");
    assertThat(accepted.health()).as("%s", accepted.findings()).isEqualTo(Health.HEALTHY);
    Verdict asBoolean = judge(recipe.replace("registered: \"True\"", "registered: true"), "pack.example.com/v1",
        "ImageRecipe");
    assertThat(asBoolean.health()).as("%s", asBoolean.findings()).isEqualTo(Health.HEALTHY);
    Verdict notYet = judge(recipe.replace("registered: \"True\"", "registered: \"False\""), "pack.example.com/v1",
        "ImageRecipe");
    assertThat(notYet.health()).as("%s", notYet.findings()).isEqualTo(Health.PROGRESSING);
    Verdict otherName = judge(recipe.replace("registered: \"True\"", "recorded: \"True\""), "pack.example.com/v1",
        "ImageRecipe");
    assertThat(otherName.health()).as("%s", otherName.findings()).isNotEqualTo(Health.HEALTHY);
  }

  @Test
  void aCountNamedAsAnAllowanceIsNoCountOfUnavailableParts() throws Exception {
    String guard = """
        apiVersion: guard.example.io/v1
        kind: AvailabilityGuard
        metadata: {name: api, namespace: shop, generation: 1}
        spec: {maxUnavailable: 1}
        status:
          observedGeneration: 1
          unavailableAllowed: 1
          currentAvailable: 3
          desiredAvailable: 2
          totalReplicas: 3
        """;
    Verdict allowance = judge(guard, "guard.example.io/v1", "AvailabilityGuard");
    assertThat(allowance.health()).as("%s", allowance.findings()).isEqualTo(Health.HEALTHY);
    Verdict unavailable = judge(guard.replace("unavailableAllowed: 1", "unavailableMembers: 1"), "guard.example.io/v1",
        "AvailabilityGuard");
    assertThat(unavailable.health()).as("%s", unavailable.findings()).isEqualTo(Health.PROGRESSING);
    Verdict below = judge(guard.replace("currentAvailable: 3", "currentAvailable: 1"), "guard.example.io/v1",
        "AvailabilityGuard");
    assertThat(below.health()).as("%s", below.findings()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void aReadinessEndedByCompletionIsNoWait() throws Exception {
    String hold = """
        apiVersion: capacity.example.com/v1
        kind: CapacityHold
        metadata: {name: batch-slot, generation: 1}
        spec: {once: true}
        status:
          phase: Succeeded
          conditions:
          - {type: Placed, status: "True", reason: Placed, lastTransitionTime: "2026-01-02T10:00:00Z"}
          - {type: Ready, status: "False", reason: Succeeded, lastTransitionTime: "2026-01-02T10:05:00Z"}
        """;
    Verdict done = judge(hold, "capacity.example.com/v1", "CapacityHold");
    assertThat(done.health()).as("%s", done.findings()).isEqualTo(Health.HEALTHY);
    Verdict completed = judge(hold.replace("phase: Succeeded", "phase: Completed")
        .replace("reason: Succeeded", "reason: WorkerCompleted"), "capacity.example.com/v1", "CapacityHold");
    assertThat(completed.health()).as("%s", completed.findings()).isEqualTo(Health.HEALTHY);
    Verdict notDone = judge(hold.replace("phase: Succeeded", "phase: Pending"), "capacity.example.com/v1",
        "CapacityHold");
    assertThat(notDone.health()).as("%s", notDone.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict waiting = judge(hold.replace("reason: Succeeded", "reason: Unschedulable"), "capacity.example.com/v1",
        "CapacityHold");
    assertThat(waiting.health()).as("%s", waiting.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict failed = judge(hold.replace("reason: Succeeded", "reason: Expired"), "capacity.example.com/v1",
        "CapacityHold");
    assertThat(failed.health()).as("%s", failed.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict denied = judge(hold.replace("reason: Succeeded", "reason: StepNotCompleted"), "capacity.example.com/v1",
        "CapacityHold");
    assertThat(denied.health()).as("%s", denied.findings()).isNotEqualTo(Health.HEALTHY);
  }

  @Test
  void aCreationStepBesideTheStateTheStateFieldNamesIsDone() throws Exception {
    String node = """
        apiVersion: ledger.example.com/v1
        kind: NotaryNode
        metadata: {name: notary-a, generation: 1}
        spec: {replicas: 1}
        status:
          status: RUNNING
          conditions:
          - {type: DEPLOYED, status: "True", lastTransitionTime: null}
          - {type: PENDING, status: "True", lastTransitionTime: null}
          - {type: RUNNING, status: "True", lastTransitionTime: null}
        """;
    Verdict done = judge(node, "ledger.example.com/v1", "NotaryNode");
    assertThat(done.health()).as("%s", done.findings()).isEqualTo(Health.HEALTHY);
    Verdict lowerCase = judge(node.replace("status: RUNNING", "state: ready").replace("type: RUNNING", "type: ready")
        .replace("type: PENDING", "type: provisioning"), "ledger.example.com/v1", "NotaryNode");
    assertThat(lowerCase.health()).as("%s", lowerCase.findings()).isEqualTo(Health.HEALTHY);
    Verdict stillPending = judge(node.replace("status: RUNNING", "status: PENDING"), "ledger.example.com/v1",
        "NotaryNode");
    assertThat(stillPending.health()).as("%s", stillPending.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict noStateField = judge(node.replace("  status: RUNNING\n", ""), "ledger.example.com/v1", "NotaryNode");
    assertThat(noStateField.health()).as("%s", noStateField.findings()).isEqualTo(Health.PROGRESSING);
    Verdict failedBeside = judge(node.replace("type: DEPLOYED, status: \"True\"", "type: FAILED, status: \"True\""),
        "ledger.example.com/v1", "NotaryNode");
    assertThat(failedBeside.health()).as("%s", failedBeside.findings()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void aPolicySupersededByDesignIsNoWait() throws Exception {
    String quota = """
        apiVersion: traffic.example.com/v1
        kind: QuotaRule
        metadata: {name: checkout-quota, generation: 2}
        spec: {targetRef: {kind: Route, name: checkout}}
        status:
          observedGeneration: 2
          conditions:
          - {type: Accepted, status: "True", reason: Accepted, lastTransitionTime: "2026-01-02T10:00:00Z"}
          - {type: Applied, status: "False", reason: Overridden, lastTransitionTime: "2026-01-02T10:05:00Z"}
        """;
    Verdict superseded = judge(quota, "traffic.example.com/v1", "QuotaRule");
    assertThat(superseded.health()).as("%s", superseded.findings()).isEqualTo(Health.HEALTHY);
    Verdict byDefaults = judge(quota.replace("reason: Overridden", "reason: DefaultsOverridden"),
        "traffic.example.com/v1", "QuotaRule");
    assertThat(byDefaults.health()).as("%s", byDefaults.findings()).isEqualTo(Health.HEALTHY);
    Verdict rejected = judge(quota.replace("status: \"True\", reason: Accepted", "status: \"False\", reason: Invalid"),
        "traffic.example.com/v1", "QuotaRule");
    assertThat(rejected.health()).as("%s", rejected.findings()).isEqualTo(Health.DEGRADED);
    Verdict denied = judge(quota.replace("reason: Overridden", "reason: NotOverridden"), "traffic.example.com/v1",
        "QuotaRule");
    assertThat(denied.health()).as("%s", denied.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict pending = judge(quota.replace("reason: Overridden", "reason: Pending"), "traffic.example.com/v1",
        "QuotaRule");
    assertThat(pending.health()).as("%s", pending.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict failed = judge(quota.replace("reason: Overridden", "reason: OverrideFailed"), "traffic.example.com/v1",
        "QuotaRule");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void aFailureCountedZeroIsNoFailure() throws Exception {
    String collector = """
        apiVersion: telemetry.example.com/v1
        kind: MeshCollector
        metadata: {name: edge, generation: 3}
        spec: {mode: direct}
        status:
          conditions:
          - {type: Ready, status: "False", reason: Pending, message: "3 ready components, 0 with failure, 1 pending",
             lastTransitionTime: "2026-01-15T11:58:00Z"}
        """;
    Verdict waiting = judge(collector, "telemetry.example.com/v1", "MeshCollector");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict failing = judge(
        collector.replace("3 ready components, 0 with failure", "2 ready components, 1 with failure"),
        "telemetry.example.com/v1", "MeshCollector");
    assertThat(failing.health()).as("%s", failing.findings()).isEqualTo(Health.DEGRADED);
    Verdict otherZero = judge(collector.replace("3 ready components, 0 with failure, 1 pending", "0 ready, 3 failed"),
        "telemetry.example.com/v1", "MeshCollector");
    assertThat(otherZero.health()).as("%s", otherZero.findings()).isEqualTo(Health.DEGRADED);
    String run = collector.replace("reason: Pending, message: \"3 ready components, 0 with failure, 1 pending\"",
        "reason: Running, message: \"Steps Completed: 2 (Failed: 0, Cancelled 0), Incomplete: 1\"");
    Verdict running = judge(run, "telemetry.example.com/v1", "MeshCollector");
    assertThat(running.health()).as("%s", running.findings()).isEqualTo(Health.PROGRESSING);
    Verdict runFailing = judge(run.replace("(Failed: 0,", "(Failed: 2,"), "telemetry.example.com/v1", "MeshCollector");
    assertThat(runFailing.health()).as("%s", runFailing.findings()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void aDenialInTwoWordsIsAFailure() throws Exception {
    String shipper = """
        apiVersion: logs.example.com/v2
        kind: LogShipper
        metadata: {name: audit-shipper, generation: 1}
        spec: {serviceAccount: shipper}
        status:
          conditions:
          - {type: logs.example.com/Permitted, status: "False", reason: RoleBindingMissing,
             message: "service account shipper is not authorized to read audit logs",
             lastTransitionTime: "2026-01-15T11:00:00Z"}
        """;
    Verdict denied = judge(shipper, "logs.example.com/v2", "LogShipper");
    assertThat(denied.health()).as("%s", denied.findings()).isEqualTo(Health.DEGRADED);
    Verdict british = judge(shipper.replace("not authorized", "not authorised"), "logs.example.com/v2", "LogShipper");
    assertThat(british.health()).as("%s", british.findings()).isEqualTo(Health.DEGRADED);
    Verdict waiting = judge(shipper.replace("is not authorized to read audit logs", "waits for its role binding"),
        "logs.example.com/v2", "LogShipper");
    assertThat(waiting.health()).as("%s", waiting.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict granted = judge(
        shipper.replace("status: \"False\", reason: RoleBindingMissing", "status: \"True\", reason: Granted")
            .replace("is not authorized", "is authorized"), "logs.example.com/v2", "LogShipper");
    assertThat(granted.health()).as("%s", granted.findings()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void aFailedFlagQualifiedByItsStepIsAFailure() throws Exception {
    String vault = """
        apiVersion: vaults.example.org/v3
        kind: KeyStore
        metadata: {name: payments, namespace: fin, generation: 1}
        spec: {region: north}
        status:
          state: Active
          failedDeletion: true
        """;
    Verdict active = judge(vault, "vaults.example.org/v3", "KeyStore");
    assertThat(active.health()).as("%s", active.findings()).isEqualTo(Health.DEGRADED);
    Verdict alone = judge(vault.replace("  state: Active\n", "").replace("failedDeletion", "provisioningFailed"),
        "vaults.example.org/v3", "KeyStore");
    assertThat(alone.health()).as("%s", alone.findings()).isEqualTo(Health.DEGRADED);
    Verdict cleared = judge(vault.replace("failedDeletion: true", "failedDeletion: false")
        .replace("state: Active", "state: Succeeded"), "vaults.example.org/v3", "KeyStore");
    assertThat(cleared.health()).as("%s", cleared.findings()).isEqualTo(Health.HEALTHY);
    Verdict switched = judge(vault.replace("failedDeletion", "failedOver").replace("state: Active", "state: Ready"),
        "vaults.example.org/v3", "KeyStore");
    assertThat(switched.health()).as("%s", switched.findings()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void aReasonNamedAsAGoErrorValueIsAFailure() throws Exception {
    String link = """
        apiVersion: links.example.com/v1beta2
        kind: ChannelLink
        metadata: {name: billing-feed, namespace: ops, generation: 2}
        spec: {channel: billing, target: ledger}
        status:
          conditions:
          - type: RouteBound
            status: "False"
            reason: ErrBindRoute
            message: route table r-7 is shared with another link
            observedGeneration: 2
            lastTransitionTime: "2026-03-01T10:00:00Z"
        """;
    Verdict named = judge(link, "links.example.com/v1beta2", "ChannelLink");
    assertThat(named.health()).as("%s", named.findings()).isEqualTo(Health.DEGRADED);
    Verdict other = judge(link.replace("type: RouteBound", "type: Transport").replace("ErrBindRoute", "ErrOpenChannel"),
        "links.example.com/v1beta2", "ChannelLink");
    assertThat(other.health()).as("%s", other.findings()).isEqualTo(Health.DEGRADED);
    Verdict waiting = judge(link.replace("ErrBindRoute", "BindPending"), "links.example.com/v1beta2", "ChannelLink");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict otherWord = judge(link.replace("ErrBindRoute", "ErrataApplying"), "links.example.com/v1beta2",
        "ChannelLink");
    assertThat(otherWord.health()).as("%s", otherWord.findings()).isEqualTo(Health.PROGRESSING);
    Verdict bare = judge(link.replace("ErrBindRoute", "Err"), "links.example.com/v1beta2", "ChannelLink");
    assertThat(bare.health()).as("%s", bare.findings()).isNotEqualTo(Health.DEGRADED);
  }

  @Test
  void aCapabilityFlagSaysWhetherTheObjectCanActOnWhatItDrives() throws Exception {
    String scaler = """
        apiVersion: pools.example.io/v2
        kind: WorkerPoolScaler
        metadata: {name: render-farm, namespace: media, generation: 3}
        spec: {poolRef: render-farm, maxWorkers: 40}
        status:
          ableToResize: false
          currentWorkers: 0
          desiredWorkers: 0
        """;
    Verdict unable = judge(scaler, "pools.example.io/v2", "WorkerPoolScaler");
    assertThat(unable.health()).as("%s", unable.findings()).isEqualTo(Health.DEGRADED);
    Verdict able = judge(scaler.replace("ableToResize: false", "ableToResize: true")
        .replace("currentWorkers: 0", "currentWorkers: 12").replace("desiredWorkers: 0", "desiredWorkers: 12"),
        "pools.example.io/v2", "WorkerPoolScaler");
    assertThat(able.health()).as("%s", able.findings()).isEqualTo(Health.HEALTHY);
    Verdict negated = judge(scaler.replace("ableToResize: false", "unableToResize: false"),
        "pools.example.io/v2", "WorkerPoolScaler");
    assertThat(negated.health()).as("%s", negated.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict bare = judge(scaler.replace("ableToResize: false", "able: false"), "pools.example.io/v2",
        "WorkerPoolScaler");
    assertThat(bare.health()).as("%s", bare.findings()).isNotEqualTo(Health.DEGRADED);
  }

  @Test
  void aRoutingPeerSessionShortOfEstablishedIsReadByTheBgpStateMachine() throws Exception {
    String router = """
        apiVersion: fabric.example.net/v1
        kind: EdgeRouterReport
        metadata: {name: rack-7, generation: 1}
        spec: {router: rack-7}
        status:
          daemon: {state: Ready}
          sessions:
          - {peerAddress: 192.0.2.1, peerASN: 64512, sessionState: Established}
          - {peerAddress: 192.0.2.2, peerASN: 64512, sessionState: Active}
        """;
    Verdict down = judge(router, "fabric.example.net/v1", "EdgeRouterReport");
    assertThat(down.health()).as("%s", down.findings()).isEqualTo(Health.DEGRADED);
    Verdict idle = judge(router.replace("sessionState: Active", "sessionState: IDLE"), "fabric.example.net/v1",
        "EdgeRouterReport");
    assertThat(idle.health()).as("%s", idle.findings()).isEqualTo(Health.DEGRADED);
    Verdict settingUp = judge(router.replace("sessionState: Active", "sessionState: OpenConfirm"),
        "fabric.example.net/v1", "EdgeRouterReport");
    assertThat(settingUp.health()).as("%s", settingUp.findings()).isEqualTo(Health.PROGRESSING);
    Verdict up = judge(router.replace("sessionState: Active", "sessionState: Established"), "fabric.example.net/v1",
        "EdgeRouterReport");
    assertThat(up.health()).as("%s", up.findings()).isEqualTo(Health.HEALTHY);
    // Active without a peer named beside it is the healthy word it is elsewhere.
    Verdict notAPeer = judge(router.replace("peerAddress: 192.0.2.2, peerASN: 64512, sessionState: Active",
        "listener: api, state: Active"), "fabric.example.net/v1", "EdgeRouterReport");
    assertThat(notAPeer.health()).as("%s", notAPeer.findings()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void aSessionStatusNamedForBgpBesideItsPeerIsReadByTheBgpStateMachine() throws Exception {
    // One object per session, its state in a field that names BGP beside the bare peer (FRR-K8s' BGPSessionState:
    // status.bgpStatus holds FRR's state of the neighbour, status.peer its address).
    String session = """
        apiVersion: routing.example.net/v2
        kind: UplinkNeighbour
        metadata: {name: leaf-3-x7k2, namespace: fabric}
        spec: {}
        status: {bgpStatus: Active, bfdStatus: N/A, node: leaf-3, peer: 198.51.100.4, vrf: blue}
        """;
    Verdict down = judge(session, "routing.example.net/v2", "UplinkNeighbour");
    assertThat(down.health()).as("%s", down.findings()).isEqualTo(Health.DEGRADED);
    Verdict opening = judge(session.replace("bgpStatus: Active", "bgpStatus: OpenSent"), "routing.example.net/v2",
        "UplinkNeighbour");
    assertThat(opening.health()).as("%s", opening.findings()).isEqualTo(Health.PROGRESSING);
    Verdict up = judge(session.replace("bgpStatus: Active", "bgpStatus: Established"), "routing.example.net/v2",
        "UplinkNeighbour");
    assertThat(up.health()).as("%s", up.findings()).isEqualTo(Health.HEALTHY);
    // A bare peer beside an unqualified status is not a BGP session (a network peering whose status is active).
    Verdict peering = judge(session.replace("bgpStatus: Active, bfdStatus: N/A", "status: active"),
        "routing.example.net/v2", "UplinkNeighbour");
    assertThat(peering.health()).as("%s", peering.findings()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void aConditionNamedAsAStateSlotIsReadByTheStateWordWrittenInIt() throws Exception {
    String template = """
        apiVersion: catalog.example.org/v1
        kind: ModelRevision
        metadata: {name: fraud-scorer-v7, namespace: ml, generation: 2}
        spec: {modelRef: fraud-scorer}
        status:
          conditions:
          - {type: RevisionStatus, status: "True", reason: AVAILABLE, message: AVAILABLE}
        """;
    Verdict available = judge(template, "catalog.example.org/v1", "ModelRevision");
    assertThat(available.health()).as("%s", available.findings()).isEqualTo(Health.HEALTHY);
    Verdict failed = judge(template.replace("reason: AVAILABLE, message: AVAILABLE",
        "reason: FAILED, message: could not parse the model card"), "catalog.example.org/v1", "ModelRevision");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict worded = judge(template.replace("status: \"True\", reason: AVAILABLE, message: AVAILABLE",
        "status: Degraded, reason: DiskPressure"), "catalog.example.org/v1", "ModelRevision");
    assertThat(worded.health()).as("%s", worded.findings()).isEqualTo(Health.DEGRADED);
    // False or Unknown, the slot holds no state; a type that is not a slot is not read by its reason so.
    Verdict unknown = judge(template.replace("status: \"True\"", "status: Unknown"), "catalog.example.org/v1",
        "ModelRevision");
    assertThat(unknown.health()).as("%s", unknown.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict notSlot = judge(template.replace("type: RevisionStatus", "type: RevisionInfo")
        .replace("reason: AVAILABLE", "reason: FAILED"), "catalog.example.org/v1", "ModelRevision");
    assertThat(notSlot.health()).as("%s", notSlot.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict bare = judge(template.replace("type: RevisionStatus", "type: Status")
        .replace("reason: AVAILABLE", "reason: FAILED"), "catalog.example.org/v1", "ModelRevision");
    assertThat(bare.health()).as("%s", bare.findings()).isNotEqualTo(Health.DEGRADED);
  }

  @Test
  void aStatusKeptAsOneMessageIsReadByItsStateWord() throws Exception {
    String export = """
        apiVersion: exports.example.org/v1beta2
        kind: SnapshotExport
        metadata: {name: nightly-orders, namespace: warehouse, generation: 1}
        spec: {snapshot: orders-2026-01-02, target: archive-bucket}
        status:
          message: 'Export State: Failed'
          exportUUID: 5f0c2d7e-0000-4000-8000-000000000001
          jobId: 8841
        """;
    Verdict failed = judge(export, "exports.example.org/v1beta2", "SnapshotExport");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict done = judge(export.replace("Export State: Failed", "Export Status: Completed"),
        "exports.example.org/v1beta2", "SnapshotExport");
    assertThat(done.health()).as("%s", done.findings()).isEqualTo(Health.HEALTHY);
    Verdict word = judge(export.replace("'Export State: Failed'", "Healthy"), "exports.example.org/v1beta2",
        "SnapshotExport");
    assertThat(word.health()).as("%s", word.findings()).isEqualTo(Health.HEALTHY);
    Verdict prose = judge(export.replace("'Export State: Failed'", "'Completed the upload of 3 files'"),
        "exports.example.org/v1beta2", "SnapshotExport");
    assertThat(prose.health()).as("%s", prose.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict unlabelled = judge(export.replace("Export State: Failed", "Exported: Completed"),
        "exports.example.org/v1beta2", "SnapshotExport");
    assertThat(unlabelled.health()).as("%s", unlabelled.findings()).isNotEqualTo(Health.HEALTHY);
    String withCount = export.replace("'Export State: Failed'", "'Export State: Completed'")
        .replace("jobId: 8841", "jobId: 8841\n  bytesPending: 4096");
    Verdict besideCounts = judge(withCount, "exports.example.org/v1beta2", "SnapshotExport");
    assertThat(besideCounts.health()).as("%s", besideCounts.findings()).isNotEqualTo(Health.HEALTHY);
  }

  @Test
  void theStatusOwnRecordsOfFailuresAreAFailure() throws Exception {
    String warmup = """
        apiVersion: warm.example.net/v2
        kind: ArtifactWarmup
        metadata: {name: models, namespace: ml, generation: 1}
        spec: {artifacts: [registry.example/model:7]}
        status:
          startTime: "2026-01-02T10:00:00Z"
          completionTime: "2026-01-02T10:05:00Z"
          failures:
            registry.example/model:7:
            - {node: gpu-1, reason: Pending, message: Check if node is ready}
        """;
    Verdict failed = judge(warmup, "warm.example.net/v2", "ArtifactWarmup");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict listed = judge(warmup.replace("""
          failures:
            registry.example/model:7:
            - {node: gpu-1, reason: Pending, message: Check if node is ready}
        """, """
          failures:
          - {artifact: registry.example/model:7, node: gpu-1}
        """), "warm.example.net/v2", "ArtifactWarmup");
    assertThat(listed.health()).as("%s", listed.findings()).isEqualTo(Health.DEGRADED);
    Verdict retrying = judge(warmup.replace("  failures:", "  running: 2\n  failures:"), "warm.example.net/v2",
        "ArtifactWarmup");
    assertThat(retrying.health()).as("%s", retrying.findings()).isEqualTo(Health.PROGRESSING);
    Verdict none = judge(warmup.replace("""
          failures:
            registry.example/model:7:
            - {node: gpu-1, reason: Pending, message: Check if node is ready}
        """, """
          failures: {}
          phase: Succeeded
        """), "warm.example.net/v2", "ArtifactWarmup");
    assertThat(none.health()).as("%s", none.findings()).isEqualTo(Health.HEALTHY);
    Verdict aPartsReport = judge(warmup.replace("""
          failures:
            registry.example/model:7:
            - {node: gpu-1, reason: Pending, message: Check if node is ready}
        """, """
          phase: Succeeded
          reports:
          - step: smoke
            failures:
            - {id: suite/case, message: timed out, muted: true}
        """), "warm.example.net/v2", "ArtifactWarmup");
    assertThat(aPartsReport.health()).as("%s", aPartsReport.findings()).isEqualTo(Health.HEALTHY);
    // Beside a state of its own the records are history: the phase decides, as it does without them.
    String running = warmup.replace("  failures:", "  phase: Running\n  failures:");
    Verdict historyBesideAState = judge(running, "warm.example.net/v2", "ArtifactWarmup");
    Verdict phaseAlone = judge(running.replace("""
          failures:
            registry.example/model:7:
            - {node: gpu-1, reason: Pending, message: Check if node is ready}
        """, ""), "warm.example.net/v2", "ArtifactWarmup");
    assertThat(historyBesideAState.health()).as("%s", historyBesideAState.findings())
        .isEqualTo(phaseAlone.health()).isNotEqualTo(Health.DEGRADED);
  }

  @Test
  void aZeroThatBeginsAFractionAfterAFailureWordIsNoTally() throws Exception {
    // kube-scheduler's FailedScheduling message "0/3 nodes are available: ..." passed on after "error:" counts the
    // nodes available, not failures: the failure word before it stays.
    String queue = """
        apiVersion: batch.example.org/v1
        kind: TrainingQueue
        metadata: {name: nightly, generation: 1}
        status:
          conditions:
          - {type: Ready, status: "False", reason: Waiting,
             message: "error: 0/3 nodes are available: 3 node(s) had untolerated taint"}
        """;
    Verdict fraction = judge(queue, "batch.example.org/v1", "TrainingQueue");
    assertThat(fraction.health()).as("%s", fraction.findings()).isEqualTo(Health.DEGRADED);
    Verdict tally = judge(queue.replace("error: 0/3 nodes are available: 3 node(s) had untolerated taint",
        "3 queued, errors: 0"), "batch.example.org/v1", "TrainingQueue");
    assertThat(tally.health()).as("%s", tally.findings()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void aFailuresMapOfCountsIsATally() throws Exception {
    String mirror = """
        apiVersion: mirror.example.io/v1alpha1
        kind: RepoMirror
        metadata: {name: charts, generation: 1}
        status:
          lastSyncTime: "2026-01-15T11:00:00Z"
          failures: {total: 0, consecutive: 0}
        """;
    Verdict none = judge(mirror, "mirror.example.io/v1alpha1", "RepoMirror");
    assertThat(none.health()).as("%s", none.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict some = judge(mirror.replace("consecutive: 0", "consecutive: 4"), "mirror.example.io/v1alpha1",
        "RepoMirror");
    assertThat(some.health()).as("%s", some.findings()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void aLoadBalancerAddressPublishedIsTheStateReached() throws Exception {
    String gateway = """
        apiVersion: edge.example.com/v1
        kind: PublicEndpoint
        metadata: {name: shop-front, generation: 1}
        spec: {type: LoadBalancer, ports: [{port: 443}]}
        status:
          loadBalancer:
            ingress:
            - ip: 203.0.113.7
        """;
    Verdict published = judge(gateway, "edge.example.com/v1", "PublicEndpoint");
    assertThat(published.health()).as("%s", published.findings()).isEqualTo(Health.HEALTHY);
    Verdict byName = judge(gateway.replace("- ip: 203.0.113.7", "- hostname: lb-1.example.net"),
        "edge.example.com/v1", "PublicEndpoint");
    assertThat(byName.health()).as("%s", byName.findings()).isEqualTo(Health.HEALTHY);
    Verdict none = judge(gateway.replace("""
            ingress:
            - ip: 203.0.113.7
        """, "    ingress: []\n"), "edge.example.com/v1", "PublicEndpoint");
    assertThat(none.health()).as("%s", none.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict blank = judge(gateway.replace("- ip: 203.0.113.7", "- ports: [{port: 443, protocol: TCP}]"),
        "edge.example.com/v1", "PublicEndpoint");
    assertThat(blank.health()).as("%s", blank.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict failing = judge(gateway + """
          conditions:
          - {type: Programmed, status: "False", reason: Invalid, message: listener port taken}
        """, "edge.example.com/v1", "PublicEndpoint");
    assertThat(failing.health()).as("%s", failing.findings()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void aSeverityOnAFalseConditionOfAnyTypeSaysWhatTheFalseIs() throws Exception {
    String machine = """
        apiVersion: compute.example.com/v1
        kind: BareMetalHost
        metadata: {name: rack-4-node-2, generation: 1}
        spec: {online: true}
        status:
          conditions:
          - {type: Provisioned, status: "True", lastTransitionTime: "2026-01-02T10:00:00Z"}
          - {type: GuestAgent, status: "False", reason: AgentNotResponding, severity: Error,
             lastTransitionTime: "2026-01-02T10:05:00Z"}
        """;
    Verdict error = judge(machine, "compute.example.com/v1", "BareMetalHost");
    assertThat(error.health()).as("%s", error.findings()).isEqualTo(Health.DEGRADED);
    Verdict warning = judge(machine.replace("severity: Error", "severity: Warning"), "compute.example.com/v1",
        "BareMetalHost");
    assertThat(warning.health()).as("%s", warning.findings()).isEqualTo(Health.DEGRADED);
    Verdict info = judge(machine.replace("severity: Error", "severity: Info"), "compute.example.com/v1",
        "BareMetalHost");
    assertThat(info.health()).as("%s", info.findings()).isEqualTo(Health.PROGRESSING);
    Verdict without = judge(machine.replace(", severity: Error", ""), "compute.example.com/v1", "BareMetalHost");
    assertThat(without.health()).as("%s", without.findings()).isEqualTo(Health.HEALTHY);
    Verdict trueOne = judge(machine.replace("status: \"False\", reason: AgentNotResponding", "status: \"True\""),
        "compute.example.com/v1", "BareMetalHost");
    assertThat(trueOne.health()).as("%s", trueOne.findings()).isEqualTo(Health.HEALTHY);
  }

  /**
   * {@code Normal} is the good grade of a health kept as Kubernetes grades Events ({@code Normal}, {@code Warning}):
   * KubeSlice's slice and component health, the TiDB Operator's member phase (held-out round seventy-two). A part graded
   * {@code Warning} or {@code Error} beside it still fails the whole.
   */
  @Test
  void normalIsTheGoodGradeOfAHealth() throws Exception {
    String mesh = """
        apiVersion: overlay.example.net/v1beta2
        kind: TenantOverlay
        metadata: {name: blue, namespace: tenants, generation: 2}
        spec: {subnet: 10.9.0.0/16}
        status:
          overlayHealth:
            healthStatus: Normal
            parts:
            - {name: router, state: Normal}
            - {name: tunnel, state: Normal}
        """;
    Verdict normal = judge(mesh, "overlay.example.net/v1beta2", "TenantOverlay");
    assertThat(normal.health()).as("%s", normal.findings()).isEqualTo(Health.HEALTHY);
    Verdict warned = judge(mesh.replace("healthStatus: Normal", "healthStatus: Warning")
        .replace("{name: tunnel, state: Normal}", "{name: tunnel, state: Error}"), "overlay.example.net/v1beta2",
        "TenantOverlay");
    assertThat(warned.health()).as("%s", warned.findings()).isEqualTo(Health.DEGRADED);
    Verdict phase = judge(mesh.replace("healthStatus: Normal", "phase: Normal")
        .replace("{name: tunnel, state: Normal}", "{name: tunnel, state: Warning}"), "overlay.example.net/v1beta2",
        "TenantOverlay");
    assertThat(phase.health()).as("%s", phase.findings()).isEqualTo(Health.DEGRADED);
  }

  /**
   * Booleans named after the API server's health endpoints ({@code readyz}, {@code livez}, {@code healthz}) are a
   * readiness when true (Clusternet's ManagedCluster heartbeat, held-out round seventy-two); every probe false, a
   * liveness probe among them, the member's API server is down (Clusternet, KubeFed). Not when the hub lost its agent
   * and wrote false in their place: its Unknown readiness is what it knows. One ok probe is no failure.
   */
  @Test
  void anApiServerProbeThatAnsweredOkIsReady() throws Exception {
    String member = """
        apiVersion: fleet.example.io/v2
        kind: MemberCluster
        metadata: {name: edge-9, namespace: fleet-edge-9, generation: 1}
        spec: {syncMode: Pull}
        status:
          k8sVersion: v1.30.2
          lastObservedTime: "2026-01-15T11:59:00Z"
          livez: true
          readyz: true
        """;
    Verdict live = judge(member, "fleet.example.io/v2", "MemberCluster");
    assertThat(live.health()).as("%s", live.findings()).isEqualTo(Health.HEALTHY);
    Verdict older = judge(member.replace("livez: true\n  readyz: true", "healthz: true"), "fleet.example.io/v2",
        "MemberCluster");
    assertThat(older.health()).as("%s", older.findings()).isEqualTo(Health.HEALTHY);
    Verdict silent = judge(member.replace("livez: true\n  readyz: true", """
        livez: false
          readyz: false
          conditions:
          - {type: Ready, status: Unknown, reason: ClusterStatusUnknown,
             message: "Fleet agent stopped posting cluster status.", lastTransitionTime: "2026-01-15T11:40:00Z"}"""),
        "fleet.example.io/v2", "MemberCluster");
    assertThat(silent.health()).as("%s", silent.findings()).isEqualTo(Health.UNKNOWN);
    Verdict down = judge(member.replace("livez: true\n  readyz: true", "livez: false\n  readyz: false"),
        "fleet.example.io/v2", "MemberCluster");
    assertThat(down.health()).as("%s", down.findings()).isEqualTo(Health.DEGRADED);
    Verdict oldApiServer = judge(member.replace("livez: true\n  readyz: true", "healthz: true\n  livez: false"),
        "fleet.example.io/v2", "MemberCluster");
    assertThat(oldApiServer.health()).as("%s", oldApiServer.findings()).isEqualTo(Health.HEALTHY);
    Verdict notServingYet = judge(member.replace("livez: true\n  readyz: true", "readyz: false"),
        "fleet.example.io/v2", "MemberCluster");
    assertThat(notServingYet.health()).as("%s", notServingYet.findings()).isNotEqualTo(Health.DEGRADED);
  }

  /**
   * A judgement ({@code Healthy}, {@code Valid}) False under a generic reason, whose message says what is judged is
   * {@code not yet} there, is a verdict not given yet (the Cluster Inventory API's ClusterProfile reconciler, held-out
   * round seventy-two). Without those words, or with a failure said beside them, the False judgement stays a verdict.
   */
  @Test
  void aJudgementNotGivenYetIsAWait() throws Exception {
    String site = """
        apiVersion: inventory.example.dev/v1
        kind: SiteRecord
        metadata: {name: plant-4, namespace: sites, generation: 2}
        spec: {region: north}
        status:
          conditions:
          - {type: UplinkHealthy, status: "False", reason: UplinkNotReady, observedGeneration: 2,
             message: "uplink not yet reachable: gateway address is not yet assigned",
             lastTransitionTime: "2026-01-15T11:50:00Z"}
        """;
    Verdict waiting = judge(site, "inventory.example.dev/v1", "SiteRecord");
    assertThat(waiting.health()).as("%s", waiting.findings()).isEqualTo(Health.PROGRESSING);
    Verdict verdict = judge(site.replace("uplink not yet reachable: gateway address is not yet assigned",
        "uplink probe answered 503"), "inventory.example.dev/v1", "SiteRecord");
    assertThat(verdict.health()).as("%s", verdict.findings()).isEqualTo(Health.DEGRADED);
    Verdict failing = judge(site.replace("gateway address is not yet assigned", "token rejected by gateway"),
        "inventory.example.dev/v1", "SiteRecord");
    assertThat(failing.health()).as("%s", failing.findings()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void aDenialConditionIsARefusalNotAStateReached() throws Exception {
    String grant = """
        apiVersion: access.example.net/v1
        kind: AccessGrant
        metadata: {name: ops-break-glass, generation: 1}
        spec: {role: admin, requester: oncall}
        status:
          conditions:
          - type: Denied
            status: "True"
            reason: PolicyDeny
            message: This request was denied by the access policy.
        """;
    Verdict denied = judge(grant, "access.example.net/v1", "AccessGrant");
    assertThat(denied.health()).as("%s", denied.findings()).isEqualTo(Health.DEGRADED);
    Verdict qualified = judge(grant.replace("type: Denied", "type: RequestDenied"), "access.example.net/v1",
        "AccessGrant");
    assertThat(qualified.health()).as("%s", qualified.findings()).isEqualTo(Health.DEGRADED);
    Verdict notDenied = judge(grant.replace("status: \"True\"", "status: \"False\"")
        .replace("reason: PolicyDeny", "reason: AsExpected"), "access.example.net/v1", "AccessGrant");
    assertThat(notDenied.health()).as("%s", notDenied.findings()).isNotEqualTo(Health.DEGRADED);
    Verdict granted = judge(grant.replace("type: Denied", "type: Granted").replace("reason: PolicyDeny",
        "reason: PolicyAllow"), "access.example.net/v1", "AccessGrant");
    assertThat(granted.health()).as("%s", granted.findings()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void theLastErrorOfAnOperationKeptAsAVolumeErrorIsAFailure() throws Exception {
    String mount = """
        apiVersion: disks.example.com/v1
        kind: DiskMount
        metadata: {name: scratch-7, generation: 1}
        spec: {disk: scratch, host: worker-7}
        status:
          mounted: false
          mountError:
            message: 'rpc error: code = Internal desc = device busy'
            time: "2025-03-01T10:00:00Z"
        """;
    Verdict failed = judge(mount, "disks.example.com/v1", "DiskMount");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    Verdict unmount = judge(mount.replace("mountError", "unmountError"), "disks.example.com/v1", "DiskMount");
    assertThat(unmount.health()).as("%s", unmount.findings()).isEqualTo(Health.DEGRADED);
    Verdict history = judge(mount.replace("mountError", "lastMountError").replace("mounted: false", "ready: true"),
        "disks.example.com/v1", "DiskMount");
    assertThat(history.health()).as("%s", history.findings()).isEqualTo(Health.HEALTHY);
    Verdict pastIt = judge(mount.replace("mounted: false", "ready: true"), "disks.example.com/v1", "DiskMount");
    assertThat(pastIt.health()).as("%s", pastIt.findings()).isEqualTo(Health.HEALTHY);
    Verdict text = judge(mount.replace("""
          mountError:
            message: 'rpc error: code = Internal desc = device busy'
            time: "2025-03-01T10:00:00Z"
        """, "  mountError: \"\"\n").replace("mounted: false", "ready: true"), "disks.example.com/v1", "DiskMount");
    assertThat(text.health()).as("%s", text.findings()).isEqualTo(Health.HEALTHY);
  }

  private static Verdict judge(String yaml, String apiVersion, String kind) throws Exception {
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      Node only = blame.list(GroupKind.fromApiVersion(apiVersion, kind), "").get(0);
      return blame.verdict(only.ref()).orElseThrow();
    }
  }

  @ParameterizedTest(name = "{1} {2} -> {3}")
  @MethodSource("objects")
  void judgesByConvention(String apiVersion, String kind, String rest, Health expected) throws Exception {
    String yaml = "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x, namespace: ns, generation: 1}\n"
        + rest;
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      Node only = blame.list(GroupKind.fromApiVersion(apiVersion, kind), "").get(0);
      Verdict verdict = blame.verdict(only.ref()).orElseThrow();
      assertThat(verdict.health()).as("%s", verdict.findings()).isEqualTo(expected);
      if (expected != Health.HEALTHY) {
        assertThat(verdict.findings()).extracting(Finding::message).isNotEmpty();
        assertThat(verdict.findings().get(0).evidence()).isNotEmpty();
      }
    }
  }

  @Test
  void aFlagNamedWithAnAuxiliaryIsReadByItsWord() throws Exception {
    String store = """
        apiVersion: storage.example.com/v1
        kind: ShardStore
        metadata: {name: orders, generation: 2}
        spec: {shards: 4}
        status:
          activeMigration:
            operation: Shard rebalance
            step: Copying shard 3
            hasTimedOut: true
          lastMigration:
            operation: Shard rebalance
            step: Copying shard 2
        """;
    Verdict timedOut = judge(store, "storage.example.com/v1", "ShardStore");
    assertThat(timedOut.health()).as("%s", timedOut.findings()).isEqualTo(Health.DEGRADED);
    Verdict inTime = judge(store.replace("hasTimedOut: true", "hasTimedOut: false"), "storage.example.com/v1",
        "ShardStore");
    assertThat(inTime.health()).as("%s", inTime.findings()).isEqualTo(Health.PROGRESSING);
    Verdict bare = judge(store.replace("hasTimedOut: true", "timedOut: true"), "storage.example.com/v1", "ShardStore");
    assertThat(bare.health()).as("%s", bare.findings()).isEqualTo(Health.DEGRADED);
    Verdict history = judge(store.replace("activeMigration:", "previousMigration:"), "storage.example.com/v1",
        "ShardStore");
    assertThat(history.health()).as("%s", history.findings()).isNotEqualTo(Health.DEGRADED);
    String gateway = """
        apiVersion: edge.example.com/v1beta1
        kind: RelayPool
        metadata: {name: relays, generation: 1}
        spec: {size: 2}
        status:
          isHealthy: true
          isLeaderElected: true
        """;
    Verdict healthy = judge(gateway, "edge.example.com/v1beta1", "RelayPool");
    assertThat(healthy.health()).as("%s", healthy.findings()).isEqualTo(Health.HEALTHY);
    Verdict unhealthy = judge(gateway.replace("isHealthy: true", "isHealthy: false"), "edge.example.com/v1beta1",
        "RelayPool");
    assertThat(unhealthy.health()).as("%s", unhealthy.findings()).isEqualTo(Health.DEGRADED);
    Verdict nothing = judge(gateway.replace("isHealthy: true", "hasEndpoint: true"), "edge.example.com/v1beta1",
        "RelayPool");
    assertThat(nothing.health()).as("%s", nothing.findings()).isEqualTo(Health.PROGRESSING);
    Verdict notAuxiliary = judge(gateway.replace("isHealthy: true", "issuedHealthy: true"), "edge.example.com/v1beta1",
        "RelayPool");
    assertThat(notAuxiliary.health()).as("%s", notAuxiliary.findings()).isEqualTo(Health.PROGRESSING);
  }

  @Test
  void aReportersStateWrittenAsItsEnumNumberIsReadAsTheEnumsWord() throws Exception {
    String table = """
        apiVersion: routing.example.dev/v1
        kind: RouteTable
        metadata: {name: shop-routes, namespace: edge, generation: 4}
        spec: {routes: [{matchers: [{prefix: /shop}]}]}
        status:
          statuses:
            edge-system:
              reportedBy: router
              state: 2
              reason: "route /shop: upstream shop-v2 not found"
              subresourceStatuses:
                '*v1.Listener.edge-system.http':
                  reportedBy: listener
                  state: 1
        """;
    Verdict rejected = judge(table, "routing.example.dev/v1", "RouteTable");
    assertThat(rejected.health()).as("%s", rejected.findings()).isEqualTo(Health.DEGRADED);
    assertThat(rejected.findings().get(0).message()).as("the reporter's reason says why")
        .contains("Rejected (2)").contains("upstream shop-v2 not found");
    Verdict accepted = judge(table.replace("state: 2", "state: 1"), "routing.example.dev/v1", "RouteTable");
    assertThat(accepted.health()).as("%s", accepted.findings()).isEqualTo(Health.HEALTHY);
    Verdict warning = judge(table.replace("state: 2", "state: 3"), "routing.example.dev/v1", "RouteTable");
    assertThat(warning.health()).as("%s", warning.findings()).isEqualTo(Health.DEGRADED);
    Verdict pending = judge(table.replace("state: 2", "state: 0"), "routing.example.dev/v1", "RouteTable");
    assertThat(pending.health()).as("%s", pending.findings()).isEqualTo(Health.PROGRESSING);
    Verdict outOfRange = judge(table.replace("state: 2", "state: 7").replace("state: 1", "state: 7"),
        "routing.example.dev/v1", "RouteTable");
    assertThat(outOfRange.health()).as("%s", outOfRange.findings()).isNotEqualTo(Health.HEALTHY)
        .isNotEqualTo(Health.DEGRADED);
    Verdict noReporter = judge(table.replace("reportedBy: router", "owner: router")
        .replace("reportedBy: listener", "owner: listener").replace("state: 2", "state: 1"),
        "routing.example.dev/v1", "RouteTable");
    assertThat(noReporter.health()).as("a numeric state without its reporter is no enum we know: %s",
        noReporter.findings()).isNotEqualTo(Health.HEALTHY);
    Verdict protoNamed = judge(table.replace("reportedBy: router", "reported_by: router"), "routing.example.dev/v1",
        "RouteTable");
    assertThat(protoNamed.health()).as("the reporter by its proto field name: %s", protoNamed.findings())
        .isEqualTo(Health.DEGRADED);
    Verdict otherSnake = judge(table.replace("reportedBy: router", "reported_from: router")
        .replace("reportedBy: listener", "reported_from: listener").replace("state: 2", "state: 1"),
        "routing.example.dev/v1", "RouteTable");
    assertThat(otherSnake.health()).as("another snake_case field names no reporter: %s", otherSnake.findings())
        .isNotEqualTo(Health.HEALTHY);
  }

  @Test
  void aPartsStatusWordIsExplainedByTheMessageOrProseReasonBesideIt() throws Exception {
    String store = """
        apiVersion: stores.example.net/v1
        kind: DocumentStore
        metadata: {name: catalog, namespace: shop, generation: 2}
        spec: {replicas: 3}
        status:
          observedGeneration: 2
          components:
            indexer:
              state: Failed
              message: "volume data-indexer-0 is full"
            api:
              state: Running
        """;
    Verdict nested = judge(store, "stores.example.net/v1", "DocumentStore");
    assertThat(nested.health()).as("%s", nested.findings()).isEqualTo(Health.DEGRADED);
    assertThat(nested.findings().get(0).message()).contains("indexer.state is Failed: volume data-indexer-0 is full");
    Verdict prose = judge(store.replace("message:", "reason:"), "stores.example.net/v1", "DocumentStore");
    assertThat(prose.findings().get(0).message()).contains("Failed: volume data-indexer-0 is full");
    Verdict code = judge(store.replace("message: \"volume data-indexer-0 is full\"", "reason: DiskFull"),
        "stores.example.net/v1", "DocumentStore");
    assertThat(code.findings().get(0).message()).as("a CamelCase reason is a code, not an explanation")
        .doesNotContain("DiskFull");
    // A multi-line reason (an aggregated error: "1 error occurred:" then tab-indented items) is said on one line.
    Verdict listed = judge(store.replace("message: \"volume data-indexer-0 is full\"",
        "reason: \"1 error occurred:\\n\\t* volume data-indexer-0 is full\\n\\n\""), "stores.example.net/v1",
        "DocumentStore");
    assertThat(listed.findings().get(0).message())
        .contains("Failed: 1 error occurred: * volume data-indexer-0 is full").doesNotContain("\n").doesNotContain("\t");
  }

  @Test
  void aPartsExplanationIsNotRepeatedNorKeptBesideAHealthyWord() throws Exception {
    // The operator copies the failing part's message up to status.message: the summary says it once.
    String cache = """
        apiVersion: caches.example.org/v3
        kind: EdgeCache
        metadata: {name: assets, namespace: cdn, generation: 4}
        spec: {tiers: 2}
        status:
          observedGeneration: 4
          message: "tier hot-1 lost its volume"
          tiers:
          - {name: hot-1, phase: Failed, message: "tier hot-1 lost its volume"}
          - {name: cold-1, phase: Running}
        """;
    Verdict failed = judge(cache, "caches.example.org/v3", "EdgeCache");
    assertThat(failed.health()).as("%s", failed.findings()).isEqualTo(Health.DEGRADED);
    String summary = failed.message();
    assertThat(summary.indexOf("lost its volume")).as(summary).isEqualTo(summary.lastIndexOf("lost its volume"))
        .isNotNegative();
    // A healthy word says all there is: an old message kept beside it is not its explanation.
    Verdict recovered = judge(cache.replace("  message: \"tier hot-1 lost its volume\"\n", "")
        .replace("phase: Failed", "phase: Running"), "caches.example.org/v3", "EdgeCache");
    assertThat(recovered.health()).as("%s", recovered.findings()).isEqualTo(Health.HEALTHY);
    assertThat(recovered.message()).doesNotContain("lost its volume");
  }

  @Test
  void aFailedUndoingOperationIsNotClearedByTheStateItFailedToUndo() throws Exception {
    // A detach that fails leaves the volume attached: attached=true is the failure's state, not a state past it
    // (a VolumeAttachment stuck with attached: true and detachError, piraeusdatastore/linstor-csi#52).
    String binding = """
        apiVersion: disks.example.io/v1
        kind: DiskBinding
        metadata: {name: pv-orders-on-worker-5}
        spec: {disk: pv-orders, host: worker-5}
        status:
          attached: true
          detachError: {message: "rpc error: code = Internal desc = unpublish failed: 404 Not Found",
            time: "2026-11-02T12:59:20Z"}
        """;
    Verdict stuck = judge(binding, "disks.example.io/v1", "DiskBinding");
    assertThat(stuck.health()).as("%s", stuck.findings()).isEqualTo(Health.DEGRADED);
    // An attach that failed once and then succeeded is past its error.
    Verdict attachedSince = judge(binding.replace("detachError", "attachError"), "disks.example.io/v1",
        "DiskBinding");
    assertThat(attachedSince.health()).as("%s", attachedSince.findings()).isEqualTo(Health.HEALTHY);
  }
}
