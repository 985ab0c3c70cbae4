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
}
