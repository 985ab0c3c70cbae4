package dev.blame.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.analyzers.custom.OperatorFolds;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Custom resources of operators outside the Argo CD training corpus (src/test/resources/heldout-crs, see its
 * README), each with the verdict a human gives from the operator's documentation and the public source of its
 * status. Each runs through all analyzers of this module, one object alone, as in
 * {@link ArgoCdCrdConformanceTest}. No rule was written for these cases: they measure how the conventions
 * carry to operators they were not learned from. Agreement is reported per operator in
 * target/heldout-crs-agreement.txt; the run fails below {@link #FLOOR}, or when more objects than
 * {@link #FALSE_HEALTHY_CEILING} are called HEALTHY where the human says they are not (the costly miss).
 */
class HeldOutCrsTest {

  /**
   * The agreement reached, honestly; raise it when the conventions improve, never by tuning to a case. Round six
   * (issue 14) measured 126 of 136 with the rules of 815f239 (102 of the 104 earlier cases, 24 of round six's 32);
   * conventions learned afterwards from its misses bring it to 133 (so round six no longer measures held-out).
   * Round seven (20 objects of 7 operators none of the earlier rounds nor the training set hold) measured 10 of 20
   * with the rules of b768aca, no rule changed: 143 of 156; the same with the rules of c3cd013, written before the
   * round was seen (10 of 20). Conventions learned afterwards from its misses bring it to 148 (15 of 20; those cases
   * no longer measure held-out).
   * Round eight (25 objects of 7 operators none of the earlier rounds nor the training set hold) measured 23 of 25
   * with the rules of main 0aea7bd, no rule changed: 171 of 181. A convention learned afterwards from its false
   * HEALTHY (a status boolean named by a suspension word, {@code hibernated}, is a suspension flag) brings it to 172
   * (that case no longer measures held-out). {@code Processed} read as a done word (Velero's requests) brings it to
   * 173: round four's Java Operator SDK sample ({@code state: PROCESSED}) no longer measures held-out.
   * Round nine (25 objects of 7 operators none of the earlier rounds nor the training set hold, chosen for complex
   * statuses: counters, per-component states, per-ancestor conditions, conditions bad when True) measured 18 of 25
   * with the rules of bc50066 (main when this round was branched), no rule changed: 190 of 206. Main d7ca394 (which
   * adds {@code Processed} as a done word, fixing a round-four case) measures the same 18 of 25 and 191 of 206.
   * Conventions learned afterwards from its misses ({@code spec.disabled} as a pause flag, {@code Sleeping} as a
   * suspension word, a namespace field's value never a status word) bring it to 192 (the disabled Cilium pool no
   * longer measures held-out).
   * Round ten (23 objects of 6 operators none of the earlier rounds nor the training set hold, a platform team's mix:
   * Percona Operator for MongoDB, Kyma lifecycle-manager, KubeDB, Istio VirtualService status, OT-CONTAINER-KIT
   * redis-operator, NATS NACK) measured 19 of 23 with the rules of 359a4fa (main when this round was branched; main
   * b50e6ee changes no analyzer), no rule changed: 211 of 229. The spec's suspension words read as pause flags
   * afterwards ({@code spec.halted}, as {@code spec.disabled}) bring it to 212 (the halted KubeDB Postgres no longer
   * measures held-out).
   * Round eleven (25 objects of 6 operators none of the earlier rounds nor the training set hold, a platform team's
   * mix: Karpenter's AWS provider EC2NodeClass, Tekton Triggers EventListener, Couchbase CouchbaseCluster, Grafana
   * Tempo Operator TempoStack, Dragonfly, cert-manager trust-manager Bundle) measured 22 of 25 with the rules of
   * e6111f7 (main when this round was branched), no rule changed: 234 of 254. Reading a step participle qualified by
   * the parts it was done to as a step ({@code ResourcesCreated}) brings it to 235 (the Dragonfly case no longer
   * measures held-out).
   * Round twelve (25 objects of 8 data, storage, security and networking operators none of the earlier rounds nor
   * the training set hold: OpenEBS Mayastor DiskPool, Antrea, Emissary Host, Vault Secrets Operator, Consul, etcd-io
   * etcd-operator, CoreOS etcd-operator, Stork) measured 21 of 25 with the rules of e05b6ee (main when this round was
   * branched), no rule changed: 256 of 279.
   * Round thirteen (25 objects of 7 operators none of the earlier rounds nor the training set hold, ML/data
   * pipelines, CI/CD and platform: Kubeflow Trainer v2 TrainJob, Seldon Core 2 Model, Cluster API Provider AWS,
   * Tekton Operator, Stackable Airflow and Spark, OpenFunction) measured 22 of 25 with the rules of e05b6ee (main when
   * this round was branched), no rule changed: 257 of 279.
   * Both rounds beside each other: 278 of 304. Reading a pause word qualified by what it pauses
   * ({@code ReconciliationPaused}) as a pause brings it to 279 (the Stackable AirflowCluster no longer measures
   * held-out).
   * Round fourteen (20 objects of 7 operators none of the earlier rounds nor the training set hold, real captures
   * only: OpenShift ClusterOperators and ClusterVersion, the image registry operator, the machine API, the SR-IOV
   * network operator, Rancher provisioning, the OpenStack operators, the KubeVirt HCO) measured 19 of 20 with the
   * rules of b8a80e5 (main when this round was branched), no rule changed: 298 of 324.
   * Round fifteen (27 objects of 7 operators none of the earlier rounds nor the training set hold, built on other
   * frameworks than controller-runtime or multi-cluster: KubeFed KubeFedCluster, Infinispan, ActiveMQ Artemis,
   * Debezium Server (Quarkus), Kroxylicious and the Strimzi Access Operator (Java Operator SDK), the Helm-based NGINX
   * Ingress Operator) measured 19 of 27 with the rules of b8a80e5 (main when this round was branched), no rule
   * changed: 298 of 331. Reading negated abilities and participles ({@code Irreconcilable}, {@code Unresolved}),
   * {@code Malformed} and {@code Offline} as failures brings it to 302 (the cases they fixed no longer measure
   * held-out).
   * Both rounds beside each other, with those rules: 321 of 351.
   * Round sixteen (27 objects of 9 operators none of the earlier rounds nor the training set hold, Rust (kube-rs)
   * and Python (kopf) operators, edge/IoT, and stopped, paused and failed states: the Dask operator, the Bottlerocket
   * update operator, the Tembo operator, KubeEdge NodeUpgradeJob, Shifu EdgeDevice, the Percona PostgreSQL, Server
   * for MySQL and dbaas operators, the Terraform controller) measured 21 of 27 with the rules of 36c76d6 (main when
   * this round was branched), no rule changed: 342 of 378. Reading {@code spec.stop(ped)} as a pause flag, and a pause
   * flag over a generation lag, brings it to 344 (the two Tembo and tf-controller cases no longer measure held-out).
   * Round seventeen (24 objects of 7 operators none of the earlier rounds nor the training set hold, a platform
   * team's everyday operators: Upbound's upjet providers for AWS and Azure, the Sail operator, K8up, the Tailscale
   * operator, the Harbor operator, the Grafana k6 operator) measured 22 of 24 with the rules of ec77a21 (main when
   * this round was branched), no rule changed: 366 of 402. Reading {@code stage} as a phase, and a run's False
   * {@code …Running} as no wait by itself, brings it to 367 (the k6 case no longer measures held-out).
   * Round eighteen (20 objects of 6 operators none of the earlier rounds nor the training set hold: Liqo, Fission,
   * Kasten K10, Crossplane's provider-helm and provider-kubernetes, the Stackable Trino operator) measured 17 of 20
   * with the rules of ae3f5bc (main when this round was branched), no rule changed: 384 of 422. Reading Action and
   * Build kinds, and fields named for an execution (buildStatus), as runs brings it to 386 (those two cases no
   * longer measure held-out).
   * Round nineteen (15 objects: the Porter operator's Installation and AgentAction, and Cluster API infrastructure
   * machines of providers not held out before: vSphere, Docker, Azure) measured 13 of 15 with the rules of 9ce2459
   * (main when this round was branched), no rule changed: 399 of 437.
   * Round twenty (24 objects of 7 operators none of the earlier rounds nor the training set hold: Pinniped, the NVIDIA
   * network operator, Quay, StackGres, the Open Liberty and WebSphere Liberty operators, the AWS Private CA issuer)
   * measured 19 of 24 with the rules of c01d25c (main when this round was branched), no rule changed: 418 of 461.
   * Four conventions learned afterwards from its misses (docs/status-vocabulary.md, "Learned afterwards from round
   * twenty"), so those four cases no longer measure held-out: 422 of 461.
   * Round twenty-one (20 objects of 5 operators none of the earlier rounds nor the training set hold: the Cluster API
   * Operator, MOCO, Cluster API Provider OpenStack, Forklift/MTV, the CockroachDB operator), an end-state check of
   * the rules of 1f7c2d5, measured 17 of 20 with no rule changed: 439 of 481. Three conventions learned from its misses
   * afterwards (an action condition newer than readiness, a type that says "not", a one-word-qualified stop
   * annotation), so those cases no longer measure held-out: 442 of 481. Three conventions learned afterwards from
   * three of the seven false HEALTHY left (a False condition that says its object is stopped, a shutdown condition, a
   * run's Ready that sums up nothing), so the Debezium Server, the Infinispan and the K8up Backup no longer measure
   * held-out: 445 of 481.
   * Round twenty-two (23 objects of 5 operators none of the earlier rounds nor the training set hold: Vitess, Pixie
   * Vizier, the Temporal operator, Skupper v2, SpinKube's spin-operator) measured 20 of 23 with the rules of 1c44c83
   * (main when this round was branched), no rule changed; with the three conventions above, the whole set reads
   * 465 of 504. Two conventions learned afterwards from its misses (Disconnected as a failure word in a phase; a
   * field typed as ConditionStatus read as a boolean), so the Vizier disconnected and the VitessShard healthy no
   * longer measure held-out: 467 of 504. Counters against the count wanted (desiredX beside readyX, learned from the
   * VitessKeyspace afterwards): 469 of 504.
   * Round twenty-three (20 objects of 5 operators none of the earlier rounds nor the training set hold: Kubermatic,
   * the OCI Service Operator, the Oracle Database Operator, the Apache Druid operator, the Backstage operator)
   * measured 12 of 20 with the rules of c0f4354 (main when this round was branched), no rule changed: 479 of 524;
   * 481 with the counters above. Three conventions learned from its misses afterwards (spec.pause; a False condition of
   * an unplaced type with a failed reason; a progress condition older than a good one): 484 of 524.
   * Round twenty-four (19 objects of 5 operators: Portworx, the Teleport operator, Kube-OVN, the CoreOS Vault
   * operator, Apicurio Registry), an end-state check of the rules of be69505, measured 13 of 19 blind with no rule
   * changed and no false HEALTHY: 497 of 543. A reason's failure word taken back ({@code NoError}) is no failure
   * (from a review of the rules, which also fixes Teleport's SuccessfullyReconciled): 498 of 543. Quorum-loss words
   * in a phase and "refusing" as a failure word, learned from its misses afterwards: 500 of 543.
   * Round twenty-five (22 objects of 5 operators: the Splunk Operator, the SPIRE Controller Manager, TopoLVM, LVMS,
   * the Piraeus Operator) measured 14 of 22 blind with the rules of 5b1060d: 514 of 565. A ready ratio in a field
   * named by the parts it counts (no change in agreement) and counts of failures ({@code …Failures}), learned from its
   * misses afterwards: 516 of 565. A recorded start and no end make a run whatever the kind (round nineteen's Porter
   * Installation in {@code phase: Running}): 517 of 565.
   * Round twenty-six (25 objects of 6 operators: the multicluster engine, the ACM hub, the Compliance Operator, OADP,
   * NooBaa, OpenShift Service Mesh 2; 7 of them pasted captures) measured 21 of 25 blind with the rules of eade804:
   * 538 of 590. Non-compliance as a failure word and a True {@code Progressing} whose reason says deployed as over,
   * learned from its misses afterwards: 540 of 590.
   * Round twenty-seven (23 objects of 5 operators: Carvel kapp-controller, Agones, Knative Eventing, Fluid, Harvester)
   * measured 21 of 23 blind with the rules of 5d46af9: 561 of 613. A good state word qualified by {@code Partial}
   * ({@code PartialReady}, {@code PartialSuccess}) read as DEGRADED, learned from its misses afterwards: 562 of 613.
   * Round twenty-eight (20 objects, no invented status value: prometheus-operator Alertmanager, CloudNativePG Backup,
   * ECK Elasticsearch, Strimzi KafkaRebalance) measured 18 of 20 blind with the rules of a845787, no false HEALTHY:
   * 580 of 633. {@code Stalled} as a failure word in a phase (ECK's phase; the kstatus {@code Stalled} condition),
   * learned from its misses afterwards: 581 of 633.
   * Round twenty-nine (22 objects, no invented status value: MongoDB Community, Milvus, NiFiKop, k8ssandra Medusa,
   * StarRocks) measured 17 of 22 blind with the rules of 64a0b29, no false HEALTHY: 598 of 655. A list of failed parts
   * ({@code failed}, {@code failedInstances}) and a run's end time alone read as its good end, learned from its misses
   * afterwards: 600 of 655.
   * Round thirty (24 objects, no invented status value: k3k, the Rancher backup operator, Bank-Vaults, HyperShift,
   * MetalLB ConfigurationState, the sigstore policy-controller) measured 15 of 24 blind with the rules of 64a0b29:
   * 596 of 657. Irregular participles ({@code Found}) as states reached and outcome fields read as phases, learned
   * from its misses afterwards: 600 of 657. Both rounds merged (their rules apart): 619 of 679.
   * Round thirty-one (24 objects, no invented status value: DevWorkspace Operator, Eclipse Che, Prow, Nuclio,
   * Cartographer) measured 22 of 24 blind with the rules of 202e6b3: 622 of 679. The object's own {@code reason}, one
   * CamelCase word of failure, read as a failure, learned from its misses afterwards: 623 of 679. With round thirty
   * merged: 642 of 703.
   * Round thirty-two (20 objects, real captures only: HwameiStor, OpenEBS cStor and ZFS LocalPV, CSI-Addons, the Intel
   * device plugins operator, Soperator) measured 15 of 20 blind with the rules of eaf39aa: 634 of 699. The DaemonSet's
   * counters copied into an operator's status, learned from its misses afterwards: 635 of 699. With rounds
   * thirty and thirty-one merged: 658 of 723.
   * Round thirty-three (15 objects, no invented status value: YDB, Bitpoke mysql-operator, ob-operator, RadonDB MySQL)
   * measured 12 of 15 blind with the rules of e728f56: 670 of 738. A conditions list that repeats a type read as a
   * history, by its latest entry, learned from its misses afterwards: 671 of 738.
   * Round thirty-six (21 objects, no invented status value: the Kepler operator, Argo Events Sensor and EventSource,
   * Kubeflow ScheduledWorkflow and Notebook) measured 14 of 21 blind with the rules of 8c0d5a7, no false HEALTHY:
   * 685 of 759. A core {@code ContainerState} copied into a status, waiting on a reason the container does not get out
   * of by itself ({@code ImagePullBackOff}), read as a failure, learned from its misses afterwards: 686 of 759.
   * Round thirty-four (20 objects, no invented status value: OpenKruise, OLM's InstallPlan, ClusterServiceVersion and
   * CatalogSource, GKE ManagedCertificate, the OpenShift ingress and network operators' configs) measured 17 of 20
   * blind with the rules of 8c0d5a7, no false Healthy: 688 of 758. Replica counters all met read HEALTHY, and a
   * CamelCase word that starts with a failure read as one whatever negation follows, learned from its misses
   * afterwards: 690 of 758.
   * Round thirty-five (21 objects, no invented status value: cert-manager ACME Order and Challenge, Argo CD Image
   * Updater, Capsule sops-operator, 3scale APIManager and Product) measured 15 of 21 blind with the rules of 8c0d5a7:
   * 686 of 759. A single {@code status.condition} read as a list of one, and a bad-when-True condition written False
   * while its reason (or, without one, its message) says failure read as that failure, learned from its misses
   * afterwards (the sops-operator fixtures' impossible {@code observedGeneration: 0} removed): 690 of 759.
   * With rounds thirty-four, thirty-five and thirty-six merged: 724 of 800.
   * Round thirty-seven (23 objects, no invented status value: Argo Workflows Workflow, Argo CD Application, Flux
   * HelmRelease and Receiver, Config Sync RootSync and RepoSync) measured 20 of 23 blind with the rules of 7789d81, no
   * false HEALTHY: 744 of 823. A suspend step of a workflow engine that has not finished (a part {@code type: Suspend}
   * in {@code phase: Running}) read as the run suspended, learned from its misses afterwards: 745 of 823.
   * Round thirty-eight (19 objects, no invented status value: Dell CSM, Doppler, Infisical, Bitwarden sm-operator,
   * Secrets Store CSI, COSI) measured 14 of 19 blind with the rules of 7789d81: 738 of 819, no new false HEALTHY.
   * Three conventions learned from its misses ({@code <noun>Ready} booleans, {@code attached}/{@code mounted}, a type
   * led by {@code Successful}): 743 of 819.
   * With rounds thirty-seven and thirty-eight merged: 764 of 842.
   * Round thirty-nine (16 objects, AI/ML serving: NIM operator, KubeRay RayService, KubeAI) measured 13 of 16 blind
   * with the rules of b5c17ac: 777 of 858, one new false HEALTHY (see the ceiling). Two conventions learned from its
   * misses (a phrase led by {@code Wait}, a bare {@code ready} count against {@code all}/{@code total}/{@code size}):
   * 779 of 858.
   * Round forty (15 objects, cert-manager's Certificate, CertificateRequest, Issuer, ClusterIssuer and Cloudflare's
   * OriginIssuer) measured 13 of 15 blind with the rules of f7eeb17: 792 of 873, no new false HEALTHY. A convention
   * learned from its misses ({@code status.notAfter} passed: expired, cert-manager and the ACK ACM controller): 793.
   * Round forty-two (16 objects, gateway/ingress controllers and SLO operators: Kong operator, Gateway API Inference
   * Extension, NGINX Gateway Fabric, Sloth, Pyrra, external-dns) measured 11 of 16 blind with the rules of f7eeb17:
   * 790 of 874, no new false HEALTHY. Two conventions learned from its misses (an entry of schema-default conditions
   * beside a controller's report, a status of {@code observedGeneration} alone caught up): 792 of 874.
   * Both merged: 806 of 889.
   * Round forty-one (16 objects, groups Argo CD has health checks for: Karmada work.karmada.io, upjet providers,
   * Config Connector iam, Crossplane XRD) measured 11 of 16 blind with the rules of f7eeb17: 790 of 874, two new false
   * HEALTHY (see the ceiling). A convention learned from its misses ({@code unavailable<Noun>} above zero): 790 of
   * 874, one false HEALTHY fewer.
   * The three merged: 817 of 905.
   * Round forty-four (14 objects, CI/CD operators: Knative IMC, knative-gcp Channel, Tekton CustomRun, ApprovalTask,
   * Jenkins, summerwind RunnerDeployment) measured 11 of 14 blind with the rules of d6bb1b83: 828 of 919, no new false
   * HEALTHY. Two conventions learned from its misses ({@code TimedOut} in one word a failure, {@code approved} a state
   * reached): 830 of 919.
   * Round forty-three (14 objects, edge/IoT and messaging operators: OpenYurt, Solace PubSub+, Function Mesh) measured
   * 9 of 14 blind with the rules of d6bb1b83: 826 of 919, no new false HEALTHY. Two conventions learned from its misses
   * (parts split into ready and unready counts or lists; a pause label as a pause annotation): 828 of 919.
   * Both merged: 841 of 933.
   * Round forty-five (13 objects, storage/backup operators: TrilioVault, DirectPV, SnapScheduler, Longhorn
   * EngineImage) measured 11 of 13 blind with the rules of fcf78bf1: 852 of 946, no new false HEALTHY. A convention
   * learned from its misses (a loss named in a False condition's reason or message is a failure): 853 of 946.
   * Round forty-six (12 objects, security, policy and secrets operators: Istio's AuthorizationPolicy, vault-config-
   * operator, Hydra Maester, Kyverno's UpdateRequest, PolicyReport, Trivy) measured 9 of 12 blind with the rules of
   * fcf78bf1: 850 of 945, no new false HEALTHY. Two conventions learned from its misses (the later of two outcome
   * conditions; a record keeps no status): 852 of 945.
   * Both merged: 864 of 958.
   * Round forty-seven (12 objects, database and data-platform operators: kube-arangodb's ArangoBackup, GreptimeDB,
   * ECK's ApmServer and Kibana) measured 12 of 12 blind with the rules of 521d63b7: 876 of 970, no new false HEALTHY.
   * Round forty-eight (11 objects: NodeMaintenance, SelfNodeRemediation, FenceAgentsRemediation, SUC Plan) measured
   * 9 of 11 blind with the rules of 521d63b7: 873 of 969. A convention learned from its misses (a bare
   * {@code progress} or a {@code <step>Progress} percentage below 100 is a run under way): 874 of 969.
   * Both merged: 886 of 981.
   * Round forty-nine (14 objects, KubeVirt's snapshot, clone and export groups and the Cluster Network Addons Operator)
   * measured 13 of 14 blind with the rules of 856bc246: 899 of 995, no new false HEALTHY. A convention learned from
   * its miss (a False action condition whose reason says what the work needs does not exist is a failure): 900 of 995.
   * Round fifty (16 objects: ECK's Agent, EnterpriseSearch, ElasticMapsServer, StackConfigPolicy and
   * ElasticsearchAutoscaler, Apigee hybrid, the Astra Connector) measured 14 of 16 blind with the rules of 856bc246:
   * 900 of 997, no new false HEALTHY. A convention learned from its misses (a step that failed, then its cause after a
   * colon or semicolon, is a failure however long): 901 of 997.
   * Round fifty-one (15 objects, messaging and streaming: Strimzi's KafkaMirrorMaker2, KafkaMirrorMaker, KafkaTopic,
   * KafkaBridge, KafkaConnector, KafkaNodePool; the Aiven operator; StreamNative's Pulsar Resources Operator) measured
   * 10 of 15 blind with the rules of 856bc246: 896 of 996, three new false HEALTHY. Three conventions learned from its
   * misses (a failure stamped with the current generation outranks a lagging observedGeneration; a pause word as the
   * spec's desired state; powered off a suspension word): 899 of 996.
   * Round fifty-two (16 objects, database operators: Spotahome's RedisFailover, K8ssandraCluster, Reaper, CassandraTask,
   * AtlasDeployment) measured 13 of 16 blind with the rules of 856bc246: 899 of 997, one new false HEALTHY. Two
   * conventions learned from its misses ({@code NotHealthy} is a failure word; a status shaped as a Job's with pods
   * active and no end is a run under way): 902 of 997.
   * Round fifty-three (16 objects, networking and gateways: Linkerd policy, APISIX ingress, AWS LB Controller, F5 CIS,
   * Kuma) measured 14 of 16 blind with the rules of 856bc246: 900 of 997, one new false HEALTHY.
   * Both merged: 916 of 1013.
   * Merged with round forty-nine: 930 of 1027.
   * Merged with round fifty-one: 943 of 1042.
   * Merged with round fifty: 958 of 1058.
   * Round fifty-four (19 objects, observability pipelines and monitoring: observability-operator's MonitoringStack,
   * the Logging operator's ClusterFlow and ClusterOutput, Splunk's ClusterManager, LicenseManager and Standalone, the
   * Kaasops Vector Operator's pipelines, the Coralogix operator) measured 11 of 19 blind with the rules of ea35e238:
   * 954 of 1061, no new false HEALTHY. Two conventions learned from its misses (a False readiness whose reason names it
   * degraded is a failure; a check's outcome kept as a boolean is its verdict): 958 of 1061.
   * Round fifty-five (16 objects, AI/ML serving and training: Volcano PodGroup and Queue, NVIDIADriver, KAITO Workspace)
   * measured 11 of 16 blind with the rules of ea35e238: 954 of 1058, no new false HEALTHY.
   * Afterwards, a reason naming a shortage of capacity read as a wait: 955 of 1058.
   * Merged with round fifty-five: 970 of 1074.
   * Merged with round fifty-four: 985 of 1093.
   * Round fifty-eight (14 objects, storage: Longhorn Backup/BackupTarget, VolumeGroupSnapshot, SeaweedFS Bucket,
   * JuiceFS Sync) measured 13 of 14 blind with the rules of 62f82611: 971 of 1072, no new false HEALTHY.
   * Merged with round fifty-eight: 998 of 1107.
   * Round fifty-six (13 objects, security and runtime policy: Gatekeeper's constraints and mutators, StackRox's Central
   * and SecuredCluster, approver-policy's CertificateRequestPolicy) measured 9 of 13 blind with the rules of ea35e238:
   * 952 of 1055, no new false HEALTHY. Two conventions learned from its misses (a policy reported in force,
   * {@code enforced}/{@code enforcing} true, unless the report is of an older generation; a non-empty list named
   * {@code errors} is the failure): 956 of 1055.
   * Merged with round fifty-six: 1011 of 1120.
   * Round fifty-seven (14 objects, platform and multi-cluster: Kratix, Cluster API bootstrap/runtime/ipam, Rancher
   * management) measured 12 of 14 blind with the rules of 62f82611: 970 of 1072, no new false HEALTHY.
   * Merged with round fifty-seven: 1023 of 1134.
   * Round sixty-one (15 objects, data platforms: Apache Doris DorisCluster and DorisDisaggregatedCluster, ArangoDB
   * ArangoDeployment, ClickHouse Inc. KeeperCluster and ClickHouseCluster, the Kubebuilder/operator-sdk Memcached
   * operators) measured 14 of 15 blind with the rules of 25dc6366: 1037 of 1149, one new false HEALTHY.
   * Round sixty-two (16 objects, API gateways and certificate issuers: Kong Gateway Operator, step-issuer,
   * google-cas-issuer, Gloo VirtualService, Envoy AI Gateway, Tyk Operator) measured 15 of 16 blind with the rules of
   * 25dc6366: 1038 of 1150, no new false HEALTHY. A convention learned from its miss (a release waiting at its
   * promotion gate is paused): 1039 of 1150.
   * Merged with round sixty-two: 1053 of 1165.
   * Round sixty (15 objects, cloud-provider resource operators: Config Connector's storage, pubsub and compute groups,
   * Azure Service Operator's resources, managedidentity, storage and dbforpostgresql groups, the Upbound providers'
   * s3, iam and network groups, the IBM Cloud Operator) measured 14 of 15 blind with the rules of 25dc6366: 1037 of
   * 1149, no new false HEALTHY. Afterwards, a Warning severity whose reason is led by Waiting/Awaiting read as that
   * wait (Cluster API's WaitingForAvailableMachines, ASO's WaitingForOwner): 1038 of 1149.
   * Merged with round sixty: 1068 of 1180.
   * Round fifty-nine (15 objects, CI/CD and developer platforms: the GitLab Operator and Runner, Knative's networking
   * Ingress and Certificate, kpack's Build, Tekton's ResolutionRequest, Shipwright's Build) measured 10 of 15 blind with
   * the rules of 25dc6366: 1033 of 1149, no new false HEALTHY. Two conventions learned from its misses ({@code Succeeded}
   * False is a run's verdict with or without a reason; a {@code registered} flag is the object accepted): 1035 of 1149.
   * Merged with round fifty-nine: 1080 of 1195.
   * Round sixty-three (17 objects, serverless, eventing and workflow engines: SonataFlow's SonataFlow, SonataFlowPlatform
   * and SonataFlowBuild, kro's ResourceGraphDefinition and an instance kind, KEDA's ScaledJob, TriggerMesh's
   * AWSSNSSource) measured 16 of 17 blind with the rules of 698c3a6b: 1084 of 1197, no new false HEALTHY.
   * Merged with round sixty-three: 1096 of 1212.
   * Round sixty-four (15 objects, Kubernetes SIG projects, scheduling and edge: MCS ServiceExport, Network Policy API
   * AdminNetworkPolicy and BaselineAdminNetworkPolicy, Scheduler Plugins PodGroup, Koordinator Reservation, OpenKruise
   * PodUnavailableBudget) measured 11 of 15 blind with the rules of 698c3a6b: 1079 of 1195, no new false HEALTHY.
   * Afterwards, a count named as an allowance (unavailableAllowed) is no count of unavailable parts, and a readiness
   * ended by completion (Ready=False PodCompleted/Succeeded) is no wait: 1081 of 1195.
   * Merged with round sixty-four: 1109 of 1227.
   * Round sixty-five (14 objects, API access, rate limiting and identity: Kuadrant's Kuadrant, RateLimitPolicy and
   * AuthPolicy, Authorino's AuthConfig, the Authorino Operator's Authorino, the legacy Keycloak operator's Keycloak and
   * KeycloakRealm) measured 9 of 14 blind with the rules of 95eb008b: 1118 of 1241, no new false HEALTHY.
   * Afterwards, a False condition whose reason is Overridden (a policy superseded by design: Kuadrant's
   * Enforced=False Overridden, kgateway's Attached=False Overridden) says nothing: 1119 of 1241.
   * Round sixty-six (10 objects, telco and cluster networking: Cilium's CiliumBGPClusterConfig, OVN-Kubernetes'
   * UserDefinedNetwork, ClusterUserDefinedNetwork and EgressFirewall) measured 6 of 10 blind with the rules of 95eb008b:
   * 1115 of 1237, no new false HEALTHY.
   * Merged with round sixty-six: 1125 of 1251.
   * Round seventy (13 objects, observability pipelines: the Cluster Logging Operator's ClusterLogForwarder, NetObserv's
   * FlowCollector, Instana's InstanaAgent, the Fluent Operator's Fluentd, ClusterFluentdConfig and FluentdConfig)
   * measured 10 of 13 blind with the rules of 326969cd: 1135 of 1264, one new false HEALTHY.
   * Afterwards, a failure counted zero in a tally message (NetObserv's "0 with failure", Tekton's "Failed: 0") is no
   * failure word, and "not authorized" is a denial as "unauthorized" is: 1137 of 1264.
   * Round sixty-nine (16 objects, Java middleware, messaging and ledgers: Camel K's KameletBinding, Kamelet and Build,
   * Strimzi's KafkaConnect, Confluent's Connect, the WildFly Operator's WildFlyServer, the HLF operator's FabricPeer and
   * FabricCA, ShardingSphere's ComputeNode) measured 14 of 16 blind with the rules of 326969cd: 1139 of 1267, no new
   * false HEALTHY. Afterwards, a True creation step (PENDING) beside the True lifecycle condition the object's state
   * field names (the HLF operator's RUNNING under status: RUNNING; Percona's ready under state: ready) is a step done:
   * 1140 of 1267.
   * Merged with round sixty-nine: 1152 of 1280.
   * Round sixty-eight (16 objects, node hardware and image distribution: kube-fledged's ImageCache, the NVIDIA DRA
   * driver's ComputeDomain, Kernel Module Management's Module and PreflightValidation, the AMD GPU Operator's
   * DeviceConfig) measured 15 of 16 blind with the rules of 326969cd: 1140 of 1267, no new false HEALTHY.
   * Afterwards, the status' own records of failures (a non-empty failures list or map beside no state of its own)
   * are a failure: 1141 of 1267.
   * Merged with round sixty-eight: 1168 of 1296.
   * Round sixty-seven (16 objects, virtualisation and VMware: VM Operator's VirtualMachine and VirtualMachineService,
   * the TanzuKubernetesCluster, KubeVirt's SSP and VirtualMachinePool) measured 13 of 16 blind with the rules of
   * 326969cd: 1138 of 1267.
   * Afterwards, a False condition carrying a Cluster API severity is read by it whatever its type
   * (VirtualMachineTools=False severity Error), and an address published in status.loadBalancer.ingress (Kubernetes'
   * LoadBalancerStatus: VM Operator's VirtualMachineService, Contour's HTTPProxy) is the state reached: 1140 of 1267.
   * Merged with round sixty-seven: 1183 of 1312.
   * Round seventy-one (13 objects, databases not held: the valkey-io operator's ValkeyCluster, the M3DB operator's
   * M3DBCluster, Kubegres) measured 10 of 13 blind with the rules of d7d0d1b5: 1147 of 1277, no new false HEALTHY.
   * Afterwards, a flag named with an auxiliary is read by its word (isHealthy as healthy) and a time-out flag is a
   * failure (Kubegres' hasTimedOut): 1148 of 1277.
   * Merged with round seventy-one: 1194 of 1325.
   * Round seventy-two (16 objects, multi-cluster and application platforms: Clusternet's ManagedCluster,
   * ClusterRegistrationRequest, Description and HelmRelease, KubeSlice's WorkerSliceConfig, the Cluster Inventory API's
   * ClusterProfile) measured 12 of 16 blind with the rules of a1eabf82: 1149 of 1280, no new false HEALTHY.
   * Afterwards, Normal is the good grade of a health (Kubernetes' Event types; KubeSlice, the TiDB Operator), an API
   * server probe flag (readyz, livez, healthz) that answered ok is a readiness and all of them failing a member down
   * (Clusternet; KubeFed), and a False judgement whose message says "not yet" is a wait: 1153 of 1280.
   * Merged with round seventy-two: 1210 of 1341.
   * Round seventy-three (13 objects, ML pipelines and serving: KubeRay's RayJob, Katib's Trial, the MPI Operator's
   * MPIJob, the training operator's PyTorchJob) measured 12 of 13 blind with the rules of 7b7871ba: 1206 of 1338.
   * Afterwards, a status that records when its work started and not when it ended (no active count, no readiness) is
   * a run under way, its Running=True the way to the outcome (Katib's Trial): 1207 of 1338.
   * Merged with round seventy-three: 1223 of 1354.
   * Round seventy-four (16 objects, infrastructure-as-code and test runners: CAAPH's HelmChartProxy and
   * HelmReleaseProxy, the HCP Terraform operator's Workspace and Module, Azure Service Operator v1, Testkube's
   * TestWorkflowExecution) measured 12 of 16 blind with the rules of fd6b98e9: 1195 of 1328, one new false HEALTHY.
   * Afterwards, failed qualified by the step that failed (ASO v1's failedProvisioning: true; the AWX AnsibleJob's bare
   * failed) is a failure flag as failed is: 1197 of 1328.
   * Merged with round seventy-four: 1237 of 1370.
   * Round seventy-five (12 objects, security: Sealed Secrets' SealedSecret, the sops-secrets-operator's SopsSecret,
   * Kyverno's GeneratingPolicy and ValidatingPolicy, the Falco operator's Falco) measured 6 of 12 blind with the rules
   * of e77c5b26: 1243 of 1382, no new false HEALTHY.
   * Round seventy-seven (15 objects, DNS and certificates beyond cert-manager: Gardener's DNSEntry and DNSProvider,
   * its cert-management Certificate and Issuer, its Extension, Hive's ClusterClaim) measured 13 of 15 blind with the
   * rules of e77c5b26: 1250 of 1385, no new false HEALTHY.
   * Merged with round seventy-seven: 1256 of 1397.
   * Round seventy-six (16 objects, edge, IoT and gaming: Fleet's Bundle and BundleDeployment, the K3s helm-controller's
   * HelmChart, OpenKruiseGame's GameServer and GameServerSet, Agones' FleetAutoscaler and GameServerAllocation) measured
   * 12 of 16 blind with the rules of e77c5b26: 1249 of 1386, no new false HEALTHY.
   * Afterwards, a capability flag ableTo<Verb> (the HPA's AbleToScale kept as a boolean; Agones' FleetAutoscaler
   * ableToScale) is good when true and bad when false: 1251 of 1386.
   * Merged with round seventy-six: 1270 of 1413.
   * Round seventy-nine (17 objects, security and policy operators: the Security Profiles Operator's SeccompProfile,
   * SelinuxProfile, RawSelinuxProfile, SecurityProfileNodeStatus and SecurityProfilesOperatorDaemon, KubeArmor's
   * KubeArmorPolicy and KubeArmorConfig, Ratify's CertificateStore and Verifier) measured 13 of 17 blind with the rules
   * of 930ac544: 1283 of 1430, no new false HEALTHY.
   * Afterwards, Not OK is the failed verdict OK names (KubeArmor's policy status; the Test Anything Protocol's not ok),
   * as NotHealthy is: 1284 of 1430.
   * Round eighty-three (13 objects, networking: the AWS Gateway API controller's TargetGroupPolicy, AccessLogPolicy,
   * VpcAssociationPolicy and ServiceNetwork, Calico's CalicoNodeStatus, Spiderpool's SpiderCoordinator) measured 9 of
   * 13 blind with the rules of 930ac544: 1279 of 1426, two new false HEALTHY.
   * Afterwards, a routing peer's session state is read by the BGP state machine (RFC 4271; Calico's CalicoNodeStatus,
   * Cilium's CiliumBGPNodeConfig): Idle and Active down, Connect, OpenSent and OpenConfirm being set up: 1280 of 1426.
   * Merged with round seventy-nine: 1294 of 1443.
   * Round seventy-eight (16 objects, built-in Kubernetes API kinds no analyzer names: CertificateSigningRequest,
   * VolumeAttachment, StorageVersionMigration, FlowSchema, ValidatingAdmissionPolicy, ResourceClaim) measured 7 of 16
   * blind with the rules of 930ac544: 1277 of 1429, one new false HEALTHY.
   * Afterwards, Denied is a refusal, not a state reached (the CSR's and cert-manager's CertificateRequest's
   * Denied=True), and the last error of an operation kept as a VolumeError ({message, time}) under a name of the
   * operation and Error (the VolumeAttachment's attachError, detachError) is a failure: 1279 of 1429.
   * Merged with round seventy-eight: 1303 of 1459.
   * Round eighty (16 objects, build and delivery platforms: OpenShift's Build and ImageStream, Kargo's Stage, Kubeflow
   * Pipelines' PipelineVersion, the KFP operator's Pipeline) measured 14 of 16 blind with the rules of 930ac544: 1284 of
   * 1429, no new false HEALTHY.
   * Afterwards, a condition whose type names a status or a state (PipelineVersionStatus, RuntimeState) is a slot whose
   * reason, or whose worded status, is the state: 1285 of 1429.
   * Merged with round eighty: 1318 of 1475.
   * Round eighty-one (16 objects, databases: KubeDB's Redis, MongoDB and MariaDB OpsRequests, MatrixOne's
   * MatrixOneCluster and LogSet, the Yugabyte operator's YBUniverse and Backup, KAAP's ZooKeeper, BookKeeper and Broker)
   * measured 14 of 16 blind with the rules of 930ac544: 1284 of 1429, no new false HEALTHY.
   * Afterwards, a status kept as one message (nothing beside it but identifiers) is read by its state word, alone or
   * after a State/Status/Phase label (the Yugabyte operator's Backup "Backup State: Failed"; round seventy-five's
   * SopsSecret "Healthy"): 1287 of 1429.
   * Merged with round eighty-one: 1335 of 1491.
   * Round eighty-two (16 objects, observability operators: Google Managed Prometheus' PodMonitoring,
   * ClusterPodMonitoring, Rules, ClusterRules and GlobalRules, Odigos' Destination, CollectorsGroup,
   * InstrumentationInstance and InstrumentationConfig, the Thanos operator's ThanosQuery, ThanosCompact and
   * ThanosStore) measured 15 of 16 blind with the rules of 930ac544: 1285 of 1429, no new false HEALTHY.
   * Afterwards, a reason named as a Go error value (Err and a capitalised word: the kubelet's ErrImagePull,
   * cert-manager's ErrGetKeyPair, Odigos' ErrConfigDestination) is a failure word: 1286 of 1429.
   * Merged with round eighty-two: 1351 of 1507.
   * Round eighty-four (16 objects, LLM and model-serving operators: the vLLM production stack's VLLMRuntime and
   * LoraAdapter, AIBrix's ModelAdapter, the Ollama Operator's Model, BentoML Yatai's BentoDeployment, NVIDIA Dynamo's
   * DynamoGraphDeployment) measured 15 of 16 blind with the rules of 84ca3633: 1299 of 1446, no new false HEALTHY.
   * Afterwards, Loaded is the state of a model its server has loaded (KServe's ModelState; the vLLM production stack's
   * LoraAdapter): 1300 of 1446.
   * Merged with round eighty-four: 1367 of 1523.
   * Round eighty-six (14 objects, messaging and streaming operators: the EMQX operator's Rebalance, EmqxBroker and
   * EmqxEnterprise, the Redpanda operator's Broker and RedpandaBrokerPool, arkmq-org's BrokerApp) measured 11 of 14
   * blind with the rules of 84ca3633: 1295 of 1444, two new false HEALTHY (see FALSE_HEALTHY_CEILING).
   * Afterwards, a field named after the Secret kind holds a Secret's name, no status word (Strimzi's KafkaUser
   * status.secret, arkmq-org's BrokerApp status.service.secret): 1296 of 1444.
   * Merged with round eighty-six: 1379 of 1537.
   * Round eighty-five (15 objects, OS, node and bare-metal lifecycle operators: k0s Autopilot's Plan, Rancher
   * Elemental's MachineInventory, MachineRegistration and SeedImage, Kairos osbuilder's OSArtifact) measured 11 of 15
   * blind with the rules of 84ca3633: 1295 of 1445, one new false HEALTHY.
   * Afterwards, a part reported missing (one entry of a list of parts: k0s Autopilot's SignalMissingNode) is a part
   * lost, DEGRADED, not the object missing: 1296 of 1445.
   * Merged with round eighty-five: 1391 of 1552.
   * Round eighty-seven (14 objects, solo.io resources other than the training set's four gloo.solo.io kinds: Gloo
   * Edge's VirtualService, Gateway, RouteTable and VirtualHostOption, Gloo Enterprise's AuthConfig, the rate limiter's
   * RateLimitConfig, GraphQLApi, Gloo Mesh's TrafficPolicy and VirtualMesh, Service Mesh Hub's VirtualMesh) measured
   * 11 of 14 blind with the rules of afd4cb19: 1362 of 1521, one new false HEALTHY (see FALSE_HEALTHY_CEILING).
   * Afterwards, solo-kit's reporter may be named by its proto field name (reported_by, as the proto3 JSON mapping
   * allows), so the enum number beside it is read: 1363 of 1521.
   * Merged with round eighty-seven: 1403 of 1566.
   * Afterwards, the readiness named for the object's own kind ({@code <Kind>Ready}: Seldon's ModelReady, Elemental's
   * SeedImageReady) keeps its wait beside a True Ready (round eighty-five's SeedImage building): 1392 of 1552.
   * Merged with the own-kind readiness rule (fh1): 1404 of 1566.
   * Round eighty-eight (14 objects, API gateways and API management: the Gravitee Kubernetes Operator's ApiDefinition,
   * ApiV4Definition and Application, kgateway's TrafficPolicy and ListenerPolicy, its agentgateway AgentgatewayPolicy)
   * measured 13 of 14 blind with the rules of 444ae5d1: 1404 of 1566, one new false HEALTHY (see FALSE_HEALTHY_CEILING).
   * Afterwards, a True good condition whose reason is a good word qualified by Partial (kgateway's Accepted=True
   * PartiallyValid; the form of Fluid's PartialReady and Stork's PartialSuccess) is DEGRADED: 1405 of 1566.
   * Merged with round eighty-eight: 1418 of 1580.
   * Round eighty-nine (16 objects, virtual clusters and multi-tenancy platforms: kcp's Workspace and APIBinding,
   * kube-bind's ClusterBinding, APIServiceExport and APIServiceExportRequest, Loft's VirtualClusterInstance, Kubeflow's
   * Profile) measured 15 of 16 blind with the rules of 444ae5d1: 1406 of 1568, no new false HEALTHY.
   * Merged with round eighty-nine: 1433 of 1596.
   * Round ninety (11 objects, CI/CD runners: Pipelines-as-Code's Repository, Lighthouse's LighthouseJob, Jenkins X's
   * PipelineActivity) measured 5 of 11 blind with the rules of d0d40867: 1438 of 1607, no new false HEALTHY.
   * Round ninety-one (12 objects, chaos engineering: Chaos Mesh's Workflow, StatusCheck, NetworkChaos and StressChaos,
   * LitmusChaos's ChaosEngine, ChaosBlade's ChaosBlade) measured 9 of 12 blind with the rules of d0d40867: 1442 of 1608,
   * one new false HEALTHY (see FALSE_HEALTHY_CEILING). Afterwards the entry of a list named for runs
   * (experiments[].status Running) is a run on its way: 1443 of 1608.
   * Merged with round ninety-one: 1448 of 1619.
   */
  static final int FLOOR = 1448;
  /**
   * Objects we call HEALTHY that are not. None in rounds one to four; round five (issue 14) brought one, a Litmus
   * ChaosResult whose nested phase is Completed but whose verdict is Stopped (aborted), since fixed by the rule
   * that a stop word in an outcome field is a failure of the run (so that case no longer measures held-out).
   * Round six brought one again: an HNC HierarchyConfiguration whose only condition is {@code ActivitiesHalted=True}
   * (reason ParentMissing) was called HEALTHY; since fixed by reading a halt as an involuntary stop, bad when True
   * (so that case no longer measures held-out either).
   * Round seven brings three, all runs under way read as done: a Kanister ActionSet {@code state: running} and a
   * Stash RestoreSession {@code phase: Running} (Running is a healthy word for long-running things; only the kind
   * says it must finish), and a VolSync ReplicationDestination whose only condition is {@code Reconciled=True}
   * while its first sync runs ({@code lastSyncStartTime} with no {@code lastSyncTime}). All three were fixed
   * afterwards by conventions learned from them (a run's percentage below 100, Session kinds as runs, the latest
   * of repeated runs started and not ended; docs/status-vocabulary.md), so those cases no longer measure held-out.
   * Round eight brings one: a Gardener Shoot hibernated on request ({@code spec.hibernation.enabled: true},
   * {@code status.hibernated: true}, last operation Succeeded) is called HEALTHY with no finding; a status boolean
   * {@code hibernated} is not among the suspension booleans ({@code paused}, {@code suspended}). The ceiling is 1 so
   * the run reports it instead of failing. Fixed afterwards by reading the status booleans {@code hibernated} and
   * {@code hibernating} as suspension flags, as {@code paused} and {@code suspended} are (the words were already
   * suspension words in phases and condition types), so that case no longer measures held-out.
   * Round nine brings none: six of its seven misses fall back to PROGRESSING (three Healthy, two Suspended, one
   * Degraded: a Kamaji TenantControlPlane in NotReady) and one wait is called DEGRADED (a KamajiControlPlane whose
   * False readiness has reason Failed while its message says the control plane is still provisioning); no object
   * is called HEALTHY that is not (README, "Round nine").
   * Round ten brings none: three of its four misses fall back to PROGRESSING (two Istio VirtualServices whose
   * analysis messages of level Error and Warning are not read, a NATS NACK Stream whose failed update is hidden by a
   * stale observedGeneration) and one suspension is called DEGRADED (a KubeDB Postgres halted on request,
   * {@code Halted=True}); no object is called HEALTHY that is not (README, "Round ten").
   * Round eleven brings one: a Dragonfly in {@code phase: ResourcesCreated} (the operator's step before
   * replication is configured, followed by {@code Ready}) is called HEALTHY with no finding; {@code created} is a
   * done word, and a participle qualified by the part it was done to ({@code Resources}) is read as the bare word.
   * Fixed afterwards by reading a step participle ({@code created}, {@code scheduled}, {@code initialized},
   * {@code synced}, {@code submitted}) qualified by other words as a step on the way, as it is in condition types;
   * alone it stays the object's state (Rook's {@code state: Created}).
   * Round twelve brings none: its four misses, all Healthy, fall back to PROGRESSING (a Consul ServiceDefaults whose
   * only condition is {@code Synced=True}, an Antrea ClusterNetworkPolicy in {@code phase: Realized}, a Vault Secrets
   * Operator VaultConnection with {@code valid: true}, a VaultStaticSecret with {@code lastGeneration} equal to its
   * generation); no object is called HEALTHY that is not (README, "Round twelve").
   * Round thirteen brings two, both called HEALTHY with no finding: a Stackable AirflowCluster paused on request
   * ({@code ReconciliationPaused=True}, {@code spec.clusterOperation.reconciliationPaused: true}; the condition type
   * is not read as a pause and the flag is nested under {@code clusterOperation}), and a Stackable SparkApplication
   * in {@code phase: Running} (the driver pod's phase; a batch run under way, read as a long-running healthy word, as
   * Argo CD itself reads the Kubeflow Spark operator's {@code RUNNING} in the training set). See the README, "Round
   * thirteen". The AirflowCluster was fixed afterwards by reading a qualified pause word as a pause; the
   * SparkApplication remains.
   * Round fourteen brings none: its one miss, an image registry Config whose {@code Progressing=True} has reason
   * {@code Error} (the storage change cannot be applied), is called PROGRESSING. The one false HEALTHY overall is
   * still round thirteen's SparkApplication. See the README, "Round fourteen".
   * Round fifteen brings four, all called HEALTHY with no finding: a KubeFedCluster whose only condition is
   * {@code ConfigMalformed=True} (a bad adjective not among the failure words), an Infinispan gracefully shut down on
   * request ({@code GracefulShutdown=True}, {@code spec.replicas: 0}; its {@code operand.phase: Running} is a
   * placeholder of ours), a Debezium Server stopped on request ({@code Ready=True}, {@code Running=False} "Server ...
   * is stopped") and an NGINX Ingress Operator NginxIngress (Helm-based operator-sdk) with {@code Irreconcilable=True}
   * reason ReconcileError beside {@code Deployed=True}. See the README, "Round fifteen". With the SparkApplication: 5.
   * The KubeFedCluster and the NginxIngress were fixed afterwards by reading negated abilities and {@code Malformed}
   * as failures; three remain (the SparkApplication, the Infinispan, the Debezium Server).
   * Round sixteen brings two, both called HEALTHY with no finding: two KubeEdge NodeUpgradeJobs in
   * {@code state: completed} whose per-node {@code history.result} is {@code upgrade_failed_rollback_success} (the
   * upgrade failed, the node was rolled back) and {@code upgrade_failed_rollback_failed} (the rollback failed too);
   * the aggregate done word is read, the per-node outcome (a snake_case compound two levels down) is not. See the
   * README, "Round sixteen". With the three before: 5.
   * Round seventeen brings one, called HEALTHY with no finding: a K8up Backup whose {@code Ready=True} (K8up's
   * Ready is a stage: dependent resources created) stands beside {@code PreBackupPodsReady=False} reason
   * {@code Waiting} (the backup waits for its pre-backup pods and has not started); the False sub-readiness is not
   * read against the True Ready. See the README, "Round seventeen". With the five before: 6.
   * Round eighteen brings two, both called HEALTHY with no finding: a Fission Package in {@code buildstatus: running}
   * (the package is being built) and a Kasten K10 BackupAction in {@code state: Running} (the backup is executing);
   * {@code running} is read as the long-running healthy word, not as a run under way, in a field that names an
   * activity ({@code buildstatus}) and on a kind named as an action. See the README, "Round eighteen". With the six
   * before: 8. Both were fixed afterwards by reading those as runs: 6.
   * Round nineteen brings one, called HEALTHY with no finding: a Porter Installation in {@code phase: Running}
   * with {@code Scheduled} and {@code Started} True and no {@code Completed} (the agent job running the bundle action
   * is active); {@code Running} is read as the healthy word on a kind not named as a run. See the README, "Round
   * nineteen". With the six before: 7.
   * Round twenty brings three, all called HEALTHY with no finding: a StackGres SGBackup in {@code process.status:
   * Running} (the backup job runs; the kind is not read as a run and the field sits under {@code process}), a StackGres
   * SGCluster paused by the annotation {@code stackgres.io/reconciliation-pause: "true"} (not read as a pause), and an
   * Open Liberty OpenLibertyDump with only {@code Started=True} (the dump command runs; no {@code Completed} yet). See
   * the README, "Round twenty". With the seven before: 10. The conventions learned afterwards from round twenty (an
   * acronym before a run's word, {@code Started} as a step, a pause annotation) bring it back to 7.
   * Round twenty-one brings one, called HEALTHY with no finding: a Forklift Plan with {@code Executing=True} beside
   * {@code Ready=True} and a {@code migration.started} with no {@code completed} (the migration runs); {@code
   * Executing} is not read as a run under way. See the README, "Round twenty-one". With the seven before: 8. Read
   * since as work that began after the object was last ready (docs/status-vocabulary.md): 7.
   * Three of those seven were fixed afterwards (docs/status-vocabulary.md, "Learned afterwards from the false HEALTHY
   * left"): the Debezium Server stopped ({@code Running=False}, "Server ... is stopped"), the Infinispan shut down
   * ({@code GracefulShutdown=True}) and the K8up Backup waiting for its pre-backup pods (a run's {@code Ready} sums up
   * nothing): 4.
   * Round twenty-two brings one, called HEALTHY with no finding: a Pixie Vizier in {@code vizierPhase: Disconnected}
   * (reason {@code CloudConnectorMissing}) beside {@code reconciliationPhase: Ready}; {@code Disconnected} is a failure
   * word in condition types but not in phases, so the unread phase is passed over and the reconciler's Ready decides.
   * See the README, "Round twenty-two". With the four before: 5. Fixed afterwards ({@code disconnected} is a failure
   * word wherever a status word stands): 4.
   * Round twenty-three brings two, both called HEALTHY with no finding: a Kubermatic Cluster with {@code spec.pause:
   * true} (a pause flag spelled as the bare verb, not among the spec's pause words) and an OCI Service Operator Stream
   * whose only condition is {@code Failed} with status {@code "False"} (the operator writes its failure that way). See
   * the README, "Round twenty-three". With the four before: 6.
   * Fixed afterwards: the Kubermatic Cluster ({@code spec.pause} read as a pause flag): 5.
   * Round twenty-five brings one, called HEALTHY with no finding: a Piraeus LinstorCluster with its conditions True
   * and {@code satellites: 2/3} (a ready ratio in a field not named {@code ready} or {@code …replicas}). See the
   * README, "Round twenty-five". With the five before: 6. Fixed afterwards (the ratio read in a field named by the
   * parts it counts): 5.
   * Then round nineteen's Porter Installation ({@code Started=True} and no end: a run, so {@code Running} is on the
   * way): 4.
   * Round twenty-six brings one, called HEALTHY with no finding: a Compliance Operator ComplianceSuite in
   * {@code phase: DONE} with {@code result: NON-COMPLIANT} beside {@code Ready=True Done} (the negated word read as a
   * phrase that says nothing). See the README, "Round twenty-six". With the four before: 5. Fixed afterwards
   * ({@code noncompliant} a failure word): 4.
   * Round twenty-seven brings one, called HEALTHY with no finding: a Fluid AlluxioRuntime with
   * {@code workerPhase: PartialReady} (2 of 3 workers ready; the phrase read by its word {@code Ready}). See the README,
   * "Round twenty-seven". With the four before: 5. Fixed afterwards (a good word qualified by {@code Partial} is
   * DEGRADED): 4.
   * Round thirty brings one, called HEALTHY with no finding: a HyperShift HostedCluster whose only False condition is
   * {@code PlatformCredentialsFound} (reason {@code PlatformCredentialsNotFound}), beside two True validations (an
   * irregular participle, {@code Found}, is not read as a state reached). See the README, "Round thirty". With the
   * four before: 5. Fixed afterwards (an irregular participle names a state reached as an {@code -ed} one does): 4.
   * Round thirty-one brings one, called HEALTHY with no finding: an Eclipse Che CheCluster in {@code chePhase: Active}
   * with {@code reason: InstallOrUpdateFailed} (a status-level reason not read). See the README, "Round thirty-one".
   * With the four before: 5. Fixed afterwards (the object's own {@code reason} read when it says failed): 4.
   * Round thirty-two brings one, called HEALTHY with no finding: an OpenEBS CStorPoolInstance in phase {@code ONLINE}
   * with {@code healthyReplicas: 1} of {@code provisionedReplicas: 2}. See the README, "Round thirty-two". With the
   * four before: 5. Fixed afterwards (a count of healthy parts below the count of all of them is PROGRESSING): 4.
   * Round thirty-three brings one, called HEALTHY with no finding: an ob-operator OBCluster in {@code status: add obzone}
   * (an operation under way, named by its verb) beside zones all {@code running}. See the README, "Round thirty-three".
   * With the four before: 5.
   * Round thirty-five brings one, called HEALTHY with no finding: a cert-manager ACME Order in {@code state: ready}
   * (a transient state: its challenges passed, finalization follows). See the README, "Round thirty-five". With the
   * five before: 6. Fixed afterwards (a failure kept in a False bad-when-True condition is one): the OCI Stream of
   * round twenty-three: 5.
   * Round thirty-nine brings one, called HEALTHY with no finding: a KubeRay RayService in
   * {@code serviceStatus: WaitForServeDeploymentReady} (read by its last word, {@code Ready}). See the README,
   * "Round thirty-nine". With the five before: 6. Fixed afterwards (a phrase led by {@code Wait} is awaited): 5.
   * Round forty-one brings two, called HEALTHY with no finding: a Karmada ResourceBinding whose members report
   * {@code health: Healthy} beside {@code unavailableReplicas} equal to {@code replicas}, and one whose
   * {@code schedulerObservedGeneration} is below {@code metadata.generation}. See the README, "Round forty-one". With
   * the five before: 7. Fixed afterwards for the first (a count of unavailable parts above zero is work under way): 6.
   * Round forty-eight brings one, called HEALTHY with no finding: a NodeMaintenance in {@code phase: Running} with
   * {@code drainProgress: 40} and pods pending eviction. See the README, "Round forty-eight". With the six before: 7.
   * Fixed afterwards (a {@code <step>Progress} percentage below 100 is a run under way): 6.
   * Round forty-nine brings none (measured blind with the rules of 856bc246): 6.
   * Round fifty-two brings one, called HEALTHY with no finding: a cass-operator CassandraTask under way
   * ({@code Running=True}, {@code active: 1}, no completion time), measured blind with the rules of 856bc246. See the
   * README, "Round fifty-two". With the six before: 7. Fixed afterwards (a status shaped as a Job's with pods active
   * and no end time is a run under way): 6.
   * Round fifty-three brings one, measured blind with the rules of 856bc246, called HEALTHY with no finding: a Kuma
   * MeshService whose proxies are all connected but none healthy ({@code healthy: 0} omitted, {@code spec.state:
   * Unavailable}). See the README, "Round fifty-three". With the six before (after round fifty-two): 7.
   * Round fifty-one brings three, called HEALTHY with no finding, measured blind with the rules of 856bc246: a Strimzi
   * KafkaConnector whose connector and tasks are {@code PAUSED} under Ready True, an Aiven PostgreSQL in
   * {@code state: POWEROFF} (powered off on purpose), and an Aiven Kafka whose update failed ({@code Error}, status
   * Unknown, beside the earlier {@code Running=True}). See the README, "Round fifty-one". With the seven before
   * (after rounds forty-nine, fifty-two, fifty-three): 10.
   * Fixed afterwards for the first two (a pause word as the spec's desired state; powered off a suspension word): 8.
   * Round fifty-four brings none (measured blind with the rules of ea35e238): 8.
   * Round fifty-five brings none, measured blind with the rules of ea35e238: 8.
   * Round fifty-eight brings none (measured blind with the rules of 62f82611): 8.
   * Round fifty-nine brings none (measured blind with the rules of 25dc6366): 8.
   * Round sixty brings none (measured blind with the rules of 25dc6366): 8.
   * Round sixty-one brings one, measured blind with the rules of 25dc6366, called HEALTHY with no finding: an
   * ArangoDeployment {@code Running} and {@code UpToDate} whose {@code SecretsChanged=True} stops the operator from
   * touching it until the secrets are restored. See the README, "Round sixty-one". With the eight before: 9.
   * Round sixty-two brings none (measured blind with the rules of 25dc6366): 9.
   * Round sixty-three brings none (measured blind with the rules of 698c3a6b): 9.
   * Round sixty-four brings none (measured blind with the rules of 698c3a6b): 9.
   * Round seventy brings one, measured blind with the rules of 326969cd, called HEALTHY with no finding: a Fluent
   * Operator Fluentd whose {@code state} stays {@code active} while its {@code messages} say part of its configs are
   * invalid and left out of the running configuration. See the README, "Round seventy". With the nine before: 10.
   * Round sixty-nine brings none (measured blind with the rules of 326969cd): 9.
   * Round sixty-eight brings none (measured blind with the rules of 326969cd): 9.
   * Round sixty-seven brings two, measured blind with the rules of 326969cd, both VM Operator VirtualMachines
   * called HEALTHY with no finding: one whose VirtualMachineTools=False carries severity Error (VMware Tools not
   * running in the guest), one whose GuestCustomization=False GuestCustomizationRunning says the customization is
   * still running. See the README, "Round sixty-seven". With the nine before: 11.
   * Afterwards the first is DEGRADED by its severity (a Cluster API severity read on a False condition of any type):
   * 10.
   * Merged with rounds sixty-seven to seventy: the nine before, round seventy's Fluentd and round sixty-seven's
   * VirtualMachine whose guest customization is still running: 11.
   * Round seventy-one brings none (measured blind with the rules of d7d0d1b5): with the merged rounds above, 11.
   * Round seventy-two brings none (measured blind with the rules of a1eabf82): with the merged rounds above, 11.
   * Round seventy-three brings one, measured blind with the rules of 7b7871ba, called HEALTHY with no finding: a
   * Katib Trial with {@code Created=True} and {@code Running=True TrialRunning}, its job still running. See the
   * README, "Round seventy-three". With the eleven before: 12.
   * Afterwards it is PROGRESSING by its start time with no end (a run under way, rule started:run): 11.
   * Round seventy-four brings one, measured blind with the rules of fd6b98e9, called HEALTHY with no finding: an Azure
   * Service Operator v1 Eventhub whose Azure state is Active while failedProvisioning is true (its secret is owned by
   * another hub). See the README, "Round seventy-four". With the eleven before: 12.
   * Afterwards it is DEGRADED by its flag (failed qualified by its step, FailedStepFlags): 11, the same eleven.
   * Round seventy-five brings none (measured blind with the rules of e77c5b26): 11, the same eleven.
   * Round seventy-seven brings none (measured blind with the rules of e77c5b26): 11, the same eleven.
   * Round seventy-six brings none (measured blind with the rules of e77c5b26): 11, the same eleven.
   * Round seventy-nine brings none (measured blind with the rules of 930ac544): 11, the same eleven.
   * Round eighty-three brings two, measured blind with the rules of 930ac544, both Calico CalicoNodeStatus objects
   * called HEALTHY with no finding: one whose BIRD agents are Ready while one of three BGP peers is OpenSent
   * (numberNotEstablishedV4: 1), one whose only peer is in BGP state Active (not established; the word reads as a
   * healthy state). See the README, "Round eighty-three". With the eleven before: 13.
   * Afterwards the first is PROGRESSING (a session being set up) and the second DEGRADED (a session down) by the BGP
   * state of the peer (PeeringSessions): 11, the same eleven as before the round.
   * Round seventy-eight brings one, measured blind with the rules of 930ac544, called HEALTHY with no finding: a
   * CertificateSigningRequest with {@code Denied=True KubectlDeny} (the past participle read as a state reached). See
   * the README, "Round seventy-eight". With the eleven before: 12.
   * Afterwards it is DEGRADED by Denied as a negative condition type: 11, the same eleven.
   * Round eighty brings none (measured blind with the rules of 930ac544): 11, the same eleven.
   * Round eighty-one brings none (measured blind with the rules of 930ac544): 11, the same eleven.
   * Round eighty-two brings none (measured blind with the rules of 930ac544): 11, the same eleven.
   * Round eighty-four brings none (measured blind with the rules of 84ca3633): 11, the same eleven.
   * Round eighty-six brings two, measured blind with the rules of 84ca3633, called HEALTHY with no finding: two Redpanda
   * Brokers whose Ready (pod health) is True while their roll-up Stable is False, one with BrokerRegistered=False
   * IdentityChanged (its data did not survive), one with ConfigSynced=False Outdated and Quiesced=False
   * StillReconciling. See the README, "Round eighty-six". With the eleven before: 13. Not learned afterwards: only
   * Redpanda was found keeping a Ready narrower than a sibling roll-up (README, "Not kept").
   * Round eighty-five brings one, measured blind with the rules of 84ca3633, called HEALTHY with no finding: an
   * Elemental SeedImage whose Ready=True says only that its child resources were created while SeedImageReady=False
   * SeedImageBuildOngoing says the image is still being built. See the README, "Round eighty-five". With the eleven
   * before: 12. Afterwards still 12: the one rule learned from the round does not touch it (README, "Not kept").
   * Round eighty-seven brings one, measured blind with the rules of afd4cb19: a Gloo rate limiter RateLimitConfig whose
   * per-namespace status reads ACCEPTED for generation 1 while the object is at generation 3 (the observedGeneration
   * kept inside a reporter's entry is not read): 12.
   * Merged, the rounds to eighty-seven: 15, the eleven standing, Elemental's SeedImage, two Redpanda Brokers and this
   * RateLimitConfig.
   * Merged, all rounds: 14. Afterwards the SeedImage is PROGRESSING (a False readiness named for the object's own kind,
   * {@code SeedImageReady}, waits beside a True Ready; docs/status-vocabulary.md, "Summary"): 13. The two Redpanda
   * Brokers and the VirtualMachine (no Ready at all: its GuestCustomization reason Running is a state word) remain.
   * Round eighty-eight brings one, measured blind with the rules of 444ae5d1, called HEALTHY with no finding: an
   * agentgateway policy whose Accepted=True carries the reason PartiallyValid (part of the policy did not translate, its
   * route answers 500). See the README, "Round eighty-eight". With the fourteen before: 15.
   * Afterwards it is DEGRADED by its partial reason under a True condition: 14, the same fourteen as before the round.
   * Round eighty-nine brings none (measured blind with the rules of 444ae5d1): 14, the same fourteen.
   * Round ninety brings none (measured blind with the rules of d0d40867): 14, the same fourteen.
   * Round ninety-one brings one, measured blind with the rules of d0d40867, called HEALTHY with no finding: a Litmus
   * ChaosEngine whose engineStatus is initialized and whose one experiment is Running with the verdict Awaited (chaos
   * in progress, no result yet). See the README, "Round ninety-one". With the fourteen before: 15.
   * Afterwards its experiment's Running is read as a run under way (an entry of a list named for runs): 14, the same
   * fourteen as before the round.
   */
  static final int FALSE_HEALTHY_CEILING = 14;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, int[]> BY_OPERATOR = new TreeMap<>();
  /** Agreement per gathering round ({@code set} in cases.json): each round was measured before any rule changed. */
  private static final Map<String, int[]> BY_SET = new TreeMap<>();
  /** Agreement per round and per expected verdict, to see which classes a round misses. */
  private static final Map<String, int[]> BY_SET_VERDICT = new TreeMap<>();
  private static final List<String> MISSES = new ArrayList<>();
  private static final List<String> FALSE_HEALTHY = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> heldOutOperators() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/heldout-crs").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : JSON.readTree(root.resolve("cases.json").toFile())) {
      Path file = root.resolve(c.get("file").asText());
      Health expected = Health.valueOf(c.get("expected").asText().toUpperCase(Locale.ROOT));
      assertThat(c.get("source").asText()).as("%s names its source", file).startsWith("https://");
      String set = c.path("set").asText("first");
      tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + expected, () -> judge(file, expected, set)));
    }
    return tests.stream();
  }

  /**
   * Every object file has exactly one case and every case one file, and no case repeats a key: a merge that loses an
   * entry's closing brace leaves valid JSON whose duplicate keys silently drop a case.
   */
  @Test
  void everyObjectHasExactlyOneCase() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/heldout-crs").toURI());
    ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    List<String> named = new ArrayList<>();
    for (JsonNode c : strict.readTree(root.resolve("cases.json").toFile())) {
      named.add(c.get("file").asText());
    }
    try (Stream<Path> files = Files.list(root)) {
      List<String> objects = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).toList();
      assertThat(named).as("cases.json names each object once").doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(objects);
    }
  }

  private static void judge(Path file, Health expected, String set) throws IOException {
    String yaml = Files.readString(file);
    JsonNode object = YAML.readTree(yaml);
    GroupKind kind = GroupKind.fromApiVersion(object.get("apiVersion").asText(), object.get("kind").asText());
    Verdict verdict;
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(ArgoCdCrdConformanceTest.NOW, ZoneOffset.UTC))
        .manifests(file.getFileName().toString(), yaml).build()) {
      Node only = blame.list(kind, "").get(0);
      verdict = blame.verdict(only.ref()).orElseThrow();
    }
    boolean agree = verdict.health() == expected;
    synchronized (BY_OPERATOR) {
      int[] counts = BY_OPERATOR.computeIfAbsent(OperatorFolds.operator(kind.group()), o -> new int[2]);
      counts[0]++;
      counts[1] += agree ? 1 : 0;
      int[] inSet = BY_SET.computeIfAbsent(set, s -> new int[2]);
      inSet[0]++;
      inSet[1] += agree ? 1 : 0;
      int[] inClass = BY_SET_VERDICT.computeIfAbsent(set + " " + expected, s -> new int[2]);
      inClass[0]++;
      inClass[1] += agree ? 1 : 0;
      if (!agree) {
        MISSES.add(file.getFileName() + ": " + expected + " -> " + verdict.health() + "  "
            + verdict.findings().stream().map(f -> f.reason() + ": " + f.message()).toList());
      }
    }
    if (verdict.health() != Health.HEALTHY) {
      assertThat(verdict.findings()).as("%s: a verdict other than HEALTHY says why", file).isNotEmpty();
    }
    if (expected != Health.HEALTHY && verdict.health() == Health.HEALTHY) {
      synchronized (BY_OPERATOR) {
        FALSE_HEALTHY.add(file.getFileName() + " (" + expected + ")");
      }
    }
  }

  @AfterAll
  static void report() throws IOException {
    int total = BY_OPERATOR.values().stream().mapToInt(c -> c[0]).sum();
    int agree = BY_OPERATOR.values().stream().mapToInt(c -> c[1]).sum();
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Held-out operators: %d of %d agree (%.1f%%), %d operators%n", agree, total, 100.0 * agree / Math.max(1, total),
        BY_OPERATOR.size()));
    BY_SET.forEach((s, c) -> text.append(String.format(Locale.ROOT, "  set %-20s %2d of %2d%n", s, c[1], c[0])));
    BY_SET_VERDICT.forEach((s, c) -> text.append(String.format(Locale.ROOT, "  set %-20s %2d of %2d%n", s, c[1], c[0])));
    BY_OPERATOR.forEach((o, c) -> text.append(String.format(Locale.ROOT, "  %-24s %2d of %2d%n", o, c[1], c[0])));
    text.append("Called HEALTHY but not: ").append(FALSE_HEALTHY).append('\n');
    text.append("Misses (expected -> ours):\n");
    MISSES.stream().sorted().forEach(m -> text.append("  ").append(m).append('\n'));
    System.out.print(text);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("heldout-crs-agreement.txt"), text);
    }
    assertThat(agree).as("agreement on held-out operators fell below the floor").isGreaterThanOrEqualTo(FLOOR);
    assertThat(FALSE_HEALTHY).as("objects called HEALTHY that are not").hasSizeLessThanOrEqualTo(FALSE_HEALTHY_CEILING);
  }
}
