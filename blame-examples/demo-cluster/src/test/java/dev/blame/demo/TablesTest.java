package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-side printing kubectl shows: the columns of `kubectl get` for each kind, as the API server has them. */
class TablesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private static List<String> header(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> {
      if (c.path("priority").asInt() == 0) {
        names.add(c.path("name").asText());
      }
    });
    return names;
  }

  private static List<String> row(JsonNode table, int index) {
    List<String> cells = new ArrayList<>();
    JsonNode defs = table.path("columnDefinitions");
    JsonNode row = table.path("rows").path(index).path("cells");
    for (int i = 0; i < defs.size(); i++) {
      if (defs.path(i).path("priority").asInt() == 0) {
        cells.add(row.path(i).asText());
      }
    }
    return cells;
  }

  @Test
  void aJobShowsItsStatusCompletionsAndDuration() throws Exception {
    JsonNode job = YAML.readTree("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: shop, creationTimestamp: "2026-11-22T11:58:00Z"}
        spec: {completions: 1, backoffLimit: 2, template: {spec: {containers: [{name: m, image: migrate:1}]}}}
        status:
          startTime: "2026-11-22T11:58:00Z"
          failed: 3
          conditions:
          - {type: Failed, status: "True", reason: BackoffLimitExceeded}
        """);
    JsonNode table = Tables.table(job, NOW);

    assertThat(header(table)).containsExactly("Name", "Status", "Completions", "Duration", "Age");
    assertThat(row(table, 0)).containsExactly("migrate", "Failed", "0/1", "2m", "2m");
  }

  /** A Scale ({@code kubectl get deploy x --subresource=scale}) has printScale's columns; it had NAME and AGE. */
  @Test
  void aScaleShowsDesiredAndAvailable() throws Exception {
    JsonNode scale = YAML.readTree("""
        apiVersion: autoscaling/v1
        kind: Scale
        metadata: {name: web, namespace: shop, creationTimestamp: "2026-11-22T11:58:00Z"}
        spec: {replicas: 3}
        status: {replicas: 2, selector: app=web}
        """);
    JsonNode table = Tables.table(scale, NOW);

    assertThat(header(table)).containsExactly("Name", "Desired", "Available", "Age");
    assertThat(row(table, 0)).containsExactly("web", "3", "2", "2m");
  }

  /**
   * Role bindings, priority classes, webhook configurations and leases have their printers' columns (they had NAME and
   * CREATED AT, or NAME and AGE).
   */
  @Test
  void bindingsPriorityClassesWebhooksAndLeasesHaveTheirColumns() throws Exception {
    JsonNode binding = Tables.table(YAML.readTree("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: rb, namespace: shop, creationTimestamp: "2026-11-22T11:58:00Z"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {kind: User, apiGroup: rbac.authorization.k8s.io, name: alice}
        - {kind: ServiceAccount, name: default, namespace: shop}
        - {kind: User, apiGroup: rbac.authorization.k8s.io, name: bob}
        """), NOW);
    assertThat(header(binding)).containsExactly("Name", "Role", "Age");
    assertThat(row(binding, 0)).containsExactly("rb", "ClusterRole/view", "2m");
    assertThat(wideHeader(binding)).containsExactly("Name", "Role", "Age", "Users", "Groups", "ServiceAccounts");
    assertThat(wideRow(binding, 0)).containsExactly("rb", "ClusterRole/view", "2m", "alice, bob", "", "shop/default");

    JsonNode priority = Tables.table(YAML.readTree("""
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high, creationTimestamp: "2026-11-22T11:58:00Z"}
        value: 1000
        """), NOW);
    assertThat(header(priority)).containsExactly("Name", "Value", "Global-Default", "Age");
    assertThat(row(priority, 0)).containsExactly("high", "1000", "false", "2m");

    JsonNode webhooks = Tables.table(YAML.readTree("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: policy, creationTimestamp: "2026-11-22T11:58:00Z"}
        webhooks: [{name: a.example.dev}, {name: b.example.dev}]
        """), NOW);
    assertThat(row(webhooks, 0)).containsExactly("policy", "2", "2m");

    JsonNode lease = Tables.table(YAML.readTree("""
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata: {name: demo-node, namespace: kube-node-lease, creationTimestamp: "2026-11-22T11:58:00Z"}
        spec: {holderIdentity: demo-node}
        """), NOW);
    assertThat(header(lease)).containsExactly("Name", "Holder", "Age");
    assertThat(row(lease, 0)).containsExactly("demo-node", "demo-node", "2m");
  }

  /** A work-queue Job (parallelism, no completions) shows {@code 0/1 of 3}, as printJob. */
  @Test
  void aWorkQueueJobShowsItsParallelism() throws Exception {
    JsonNode job = YAML.readTree("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: queue, namespace: shop, creationTimestamp: "2026-11-22T11:59:00Z"}
        spec: {parallelism: 3, template: {spec: {containers: [{name: w, image: worker:1}]}}}
        status: {startTime: "2026-11-22T11:59:00Z", active: 3}
        """);

    assertThat(row(Tables.table(job, NOW), 0)).containsExactly("queue", "Running", "0/1 of 3", "60s", "60s");
  }

  /** {@code kubectl get nodes -o wide} shows the priority-1 columns: addresses, OS image, kernel, runtime. */
  @Test
  void aNodeHasItsWideColumns() throws Exception {
    JsonNode node = YAML.readTree("""
        apiVersion: v1
        kind: Node
        metadata: {name: demo-node, creationTimestamp: "2026-11-22T11:00:00Z",
          labels: {node-role.kubernetes.io/control-plane: ""}}
        status:
          conditions: [{type: Ready, status: "True"}]
          addresses: [{type: InternalIP, address: 10.0.0.10}, {type: Hostname, address: demo-node}]
          nodeInfo: {kubeletVersion: v1.29.0, osImage: Debian GNU/Linux 12 (bookworm), kernelVersion: 6.1.0-demo,
            containerRuntimeVersion: containerd://1.7.11}
        """);
    JsonNode table = Tables.table(node, NOW);

    List<String> wide = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> wide.add(c.path("name").asText()));
    assertThat(wide).containsExactly("Name", "Status", "Roles", "Age", "Version", "Internal-IP", "External-IP",
        "OS-Image", "Kernel-Version", "Container-Runtime");
    List<String> cells = new ArrayList<>();
    table.path("rows").path(0).path("cells").forEach(c -> cells.add(c.asText()));
    assertThat(cells).containsExactly("demo-node", "Ready", "control-plane", "60m", "v1.29.0", "10.0.0.10", "<none>",
        "Debian GNU/Linux 12 (bookworm)", "6.1.0-demo", "containerd://1.7.11");
  }

  /** {@code kubectl get endpointslices}: address type, ports and up to three addresses, as kubectl's printer. */
  @Test
  void anEndpointSliceShowsItsPortsAndAddresses() throws Exception {
    JsonNode list = YAML.readTree("""
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSliceList
        items:
        - apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata: {name: web-abcde, namespace: shop, creationTimestamp: "2026-11-22T11:59:00Z"}
          addressType: IPv4
          ports: [{name: "", port: 8080, protocol: TCP}]
          endpoints:
          - addresses: [10.244.0.5]
          - addresses: [10.244.0.6]
          - addresses: [10.244.0.7]
          - addresses: [10.244.0.8]
        - apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata: {name: empty-fghij, namespace: shop, creationTimestamp: "2026-11-22T11:59:00Z"}
          addressType: IPv4
        """);
    JsonNode table = Tables.table(list, NOW);

    assertThat(header(table)).containsExactly("Name", "AddressType", "Ports", "Endpoints", "Age");
    assertThat(row(table, 0)).containsExactly("web-abcde", "IPv4", "8080",
        "10.244.0.5,10.244.0.6,10.244.0.7 + 1 more...", "60s");
    assertThat(row(table, 1)).containsExactly("empty-fghij", "IPv4", "<unset>", "<unset>", "60s");
  }

  @Test
  void aPendingClaimShowsItsClassAndNoVolume() throws Exception {
    JsonNode list = YAML.readTree("""
        apiVersion: v1
        kind: PersistentVolumeClaimList
        items:
        - apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data, namespace: shop, creationTimestamp: "2026-11-22T11:00:00Z"}
          spec: {accessModes: [ReadWriteOnce], storageClassName: fast, resources: {requests: {storage: 1Gi}}}
          status: {phase: Pending}
        - apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: logs, namespace: shop, creationTimestamp: "2026-11-22T11:00:00Z"}
          spec: {accessModes: [ReadWriteMany], storageClassName: nfs, volumeName: pv-1}
          status: {phase: Bound, accessModes: [ReadWriteMany], capacity: {storage: 5Gi}}
        """);
    JsonNode table = Tables.table(list, NOW);

    assertThat(header(table)).containsExactly("Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass",
        "VolumeAttributesClass", "Age");
    assertThat(row(table, 0)).containsExactly("data", "Pending", "", "", "", "fast", "<unset>", "60m");
    assertThat(row(table, 1)).containsExactly("logs", "Bound", "pv-1", "5Gi", "RWX", "nfs", "<unset>", "60m");
  }

  @Test
  void configMapsAndSecretsCountTheirKeysNeverShowThem() throws Exception {
    JsonNode secret = YAML.readTree("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop, creationTimestamp: "2026-11-22T11:59:00Z"}
        type: kubernetes.io/basic-auth
        data: {username: YWRtaW4=, password: czNjcjN0}
        """);
    JsonNode table = Tables.table(secret, NOW);

    assertThat(row(table, 0)).containsExactly("db", "kubernetes.io/basic-auth", "2", "60s");
    assertThat(table.toString()).doesNotContain("czNjcjN0");
  }

  private static List<String> wideHeader(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private static List<String> wideRow(JsonNode table, int index) {
    List<String> cells = new ArrayList<>();
    table.path("rows").path(index).path("cells").forEach(c -> cells.add(c.asText()));
    return cells;
  }

  /**
   * {@code kubectl get pods}' RESTARTS says when the last restart was (printPod since Kubernetes 1.22): the latest
   * {@code lastState.terminated.finishedAt}; while the pod initializes, the init containers' restarts count.
   */
  @Test
  void restartsSayHowLongAgoTheLastContainerTerminated() throws Exception {
    JsonNode list = YAML.readTree("""
        apiVersion: v1
        kind: PodList
        items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: crashing, namespace: shop, creationTimestamp: "2026-11-22T11:50:00Z"}
          spec:
            initContainers: [{name: init, image: init:1}]
            containers: [{name: app, image: app:2}, {name: proxy, image: proxy:1}]
          status:
            phase: Running
            conditions: [{type: Initialized, status: "True"}]
            initContainerStatuses:
            - name: init
              ready: true
              restartCount: 0
              state: {terminated: {exitCode: 0, reason: Completed, finishedAt: "2026-11-22T11:50:05Z"}}
            containerStatuses:
            - name: app
              restartCount: 4
              state: {waiting: {reason: CrashLoopBackOff}}
              lastState: {terminated: {exitCode: 1, reason: Error, finishedAt: "2026-11-22T11:59:48Z"}}
            - name: proxy
              ready: true
              restartCount: 1
              state: {running: {startedAt: "2026-11-22T11:52:00Z"}}
              lastState: {terminated: {exitCode: 137, reason: OOMKilled, finishedAt: "2026-11-22T11:51:59Z"}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: steady, namespace: shop, creationTimestamp: "2026-11-22T11:50:00Z"}
          spec: {containers: [{name: app, image: app:1}]}
          status:
            phase: Running
            containerStatuses:
            - {name: app, ready: true, restartCount: 0, state: {running: {startedAt: "2026-11-22T11:50:02Z"}}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: initializing, namespace: shop, creationTimestamp: "2026-11-22T11:00:00Z"}
          spec:
            initContainers: [{name: migrate, image: migrate:1}]
            containers: [{name: app, image: app:1}]
          status:
            phase: Pending
            conditions: [{type: Initialized, status: "False"}]
            initContainerStatuses:
            - name: migrate
              restartCount: 3
              state: {waiting: {reason: CrashLoopBackOff}}
              lastState: {terminated: {exitCode: 2, reason: Error, finishedAt: "2026-11-22T11:57:00Z"}}
            containerStatuses:
            - {name: app, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
        """);
    JsonNode table = Tables.table(list, NOW);

    assertThat(row(table, 0)).containsExactly("crashing", "1/2", "CrashLoopBackOff", "5 (12s ago)", "10m");
    assertThat(row(table, 1)).containsExactly("steady", "1/1", "Running", "0", "10m");
    assertThat(row(table, 2)).containsExactly("initializing", "0/1", "Init:CrashLoopBackOff", "3 (3m ago)", "60m");
  }

  /** A sidecar (an init container with {@code restartPolicy: Always}) counts in READY once started and ready. */
  @Test
  void aStartedSidecarCountsAsAReadyContainer() throws Exception {
    JsonNode pod = YAML.readTree("""
        apiVersion: v1
        kind: Pod
        metadata: {name: meshed, namespace: shop, creationTimestamp: "2026-11-22T11:59:00Z"}
        spec:
          initContainers: [{name: proxy, image: proxy:1, restartPolicy: Always}]
          containers: [{name: app, image: app:1}]
        status:
          phase: Running
          conditions: [{type: Initialized, status: "True"}, {type: Ready, status: "True"}]
          initContainerStatuses:
          - {name: proxy, ready: true, started: true, restartCount: 0, state: {running: {startedAt: "2026-11-22T11:59:01Z"}}}
          containerStatuses:
          - {name: app, ready: true, started: true, restartCount: 0, state: {running: {startedAt: "2026-11-22T11:59:02Z"}}}
        """);

    assertThat(row(Tables.table(pod, NOW), 0)).containsExactly("meshed", "2/2", "Running", "0", "60s");
  }

  /**
   * {@code kubectl get events -o wide} shows printEvent's priority-1 columns: the container the event is about, its
   * source (component, host), when it was first seen and how often.
   */
  @Test
  void eventsHaveTheirWideColumns() throws Exception {
    JsonNode list = YAML.readTree("""
        apiVersion: v1
        kind: EventList
        items:
        - apiVersion: v1
          kind: Event
          metadata: {name: web-1.17f0a1b2c3d4e5f6, namespace: shop}
          involvedObject: {kind: Pod, name: web-1, namespace: shop, fieldPath: "spec.containers{app}"}
          reason: BackOff
          type: Warning
          message: "Back-off restarting failed container app in pod web-1_shop(uid)\n"
          source: {component: kubelet, host: demo-node}
          firstTimestamp: "2026-11-22T11:50:00Z"
          lastTimestamp: "2026-11-22T11:59:30Z"
          count: 7
        - apiVersion: v1
          kind: Event
          metadata: {name: web.17f0a1b2c3d4e5f7, namespace: shop}
          involvedObject: {kind: Deployment, name: web, namespace: shop}
          reason: ScalingReplicaSet
          type: Normal
          message: Scaled up replica set web-5d4f to 1
          reportingComponent: deployment-controller
          eventTime: "2026-11-22T11:58:00.000000Z"
        """);
    JsonNode table = Tables.table(list, NOW);

    assertThat(header(table)).containsExactly("Last Seen", "Type", "Reason", "Object", "Message");
    assertThat(wideHeader(table)).containsExactly("Last Seen", "Type", "Reason", "Object", "Subobject", "Source",
        "Message", "First Seen", "Count", "Name");
    assertThat(wideRow(table, 0)).containsExactly("30s", "Warning", "BackOff", "pod/web-1", "spec.containers{app}",
        "kubelet, demo-node", "Back-off restarting failed container app in pod web-1_shop(uid)", "10m", "7",
        "web-1.17f0a1b2c3d4e5f6");
    assertThat(wideRow(table, 1)).containsExactly("2m", "Normal", "ScalingReplicaSet", "deployment/web", "",
        "deployment-controller", "Scaled up replica set web-5d4f to 1", "2m", "1", "web.17f0a1b2c3d4e5f7");
  }

  /** {@code kubectl get cronjobs -o wide}: the job template's containers, images and selector. */
  @Test
  void aCronJobHasItsWideColumns() throws Exception {
    JsonNode cronJob = YAML.readTree("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: shop, creationTimestamp: "2026-11-22T11:00:00Z"}
        spec:
          schedule: "0 2 * * *"
          jobTemplate:
            spec:
              template:
                spec: {containers: [{name: backup, image: "backup:3"}, {name: upload, image: "rclone:1"}]}
        """);
    JsonNode table = Tables.table(cronJob, NOW);

    assertThat(wideHeader(table)).containsExactly("Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule",
        "Age", "Containers", "Images", "Selector");
    assertThat(wideRow(table, 0)).containsExactly("nightly", "0 2 * * *", "<none>", "False", "0", "<none>", "60m",
        "backup,upload", "backup:3,rclone:1", "<none>");
  }
}
