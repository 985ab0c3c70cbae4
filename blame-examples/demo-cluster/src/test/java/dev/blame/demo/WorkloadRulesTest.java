package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Job and DaemonSet controllers and the kubelet's rules for pods that do not restart, missing
 * ConfigMaps/Secrets, failing readiness probes and container logs; objects as `kubectl get -o yaml` shows them.
 */
class WorkloadRulesTest extends OnDemoCluster {

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T load(Class<T> type, String yaml) {
    return (T) client.getKubernetesSerialization().unmarshal(yaml, type);
  }

  private static List<Pod> podsOf(String label, String value) {
    return client.pods().inNamespace("default").withLabel(label, value).list().getItems();
  }

  private static List<String> events(String involvedName, String reason) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(involvedName) && e.getReason().equals(reason))
        .map(Event::getMessage).toList();
  }

  @Test
  void aJobRunsItsPodToCompletionAndTheLogsShowItsOutput() {
    client.resource(load(Job.class, """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: default}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: migrate
                image: busybox:1.36
                command: ["sh", "-c", "echo migrating; echo done"]
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> {
      Job job = client.batch().v1().jobs().inNamespace("default").withName("migrate").get();
      assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
      assertThat(job.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Complete");
        assertThat(c.getStatus()).isEqualTo("True");
      });
    });
    Pod pod = podsOf("job-name", "migrate").get(0);
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(client.pods().inNamespace("default").withName(pod.getMetadata().getName()).getLog())
        .isEqualTo("migrating\ndone\n");
  }

  @Test
  void aJobWhosePodsFailStopsAtItsBackoffLimit() {
    client.resource(load(Job.class, """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: broken, namespace: default}
        spec:
          backoffLimit: 1
          template:
            spec:
              restartPolicy: Never
              containers:
              - {name: c, image: busybox:1.36, command: ["sh", "-c", "exit 2"]}
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.batch().v1().jobs().inNamespace("default")
        .withName("broken").get().getStatus().getConditions()).anySatisfy(c -> {
          assertThat(c.getType()).isEqualTo("Failed");
          assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded");
        }));
    assertThat(podsOf("job-name", "broken")).hasSize(2)
        .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Failed"));
  }

  @Test
  void aDaemonSetRunsOnePodAndReplacesItOnATemplateChange() {
    client.resource(load(DaemonSet.class, """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: default}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: "fluent/fluent-bit:2.2"}]
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.apps().daemonSets().inNamespace("default")
        .withName("agent").get().getStatus().getNumberReady()).isEqualTo(1));
    String first = podsOf("app", "agent").get(0).getMetadata().getName();

    Edits.retryingOnConflict(client.apps().daemonSets().inNamespace("default").withName("agent"), ds -> {
      ds.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("fluent/fluent-bit:2.3");
      return ds;
    });
    Eventually.assertThat(TIMEOUT, () -> {
      List<Pod> pods = podsOf("app", "agent");
      assertThat(pods).singleElement().satisfies(p -> {
        assertThat(p.getMetadata().getName()).isNotEqualTo(first);
        assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("fluent/fluent-bit:2.3");
        assertThat(Kubelet.isReady(p)).isTrue();
      });
      DaemonSet ds = client.apps().daemonSets().inNamespace("default").withName("agent").get();
      assertThat(ds.getStatus().getUpdatedNumberScheduled()).isEqualTo(1);
      assertThat(ds.getStatus().getNumberReady()).isEqualTo(1);
    });
  }

  /**
   * The daemon set controller's pods tolerate the node conditions' taints and a cordon (they had the template's
   * tolerations only): after the template's own, in the controller's order, {@code network-unavailable} for a
   * host-network pod, and a template toleration equal to one of them is not repeated.
   */
  @Test
  void aDaemonSetsPodsTolerateTheNodeConditionTaints() {
    client.resource(load(DaemonSet.class, """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: netagent, namespace: default}
        spec:
          selector: {matchLabels: {app: netagent}}
          template:
            metadata: {labels: {app: netagent}}
            spec:
              hostNetwork: true
              tolerations:
              - {key: dedicated, operator: Equal, value: infra, effect: NoSchedule}
              - {key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}
              containers: [{name: agent, image: "cilium/cilium:v1.15"}]
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(podsOf("app", "netagent")).singleElement()
        .satisfies(p -> assertThat(p.getSpec().getTolerations()).extracting(t -> t.getKey() + ":" + t.getOperator()
            + ":" + t.getValue() + ":" + t.getEffect()).containsExactly(
                "dedicated:Equal:infra:NoSchedule",
                "node.kubernetes.io/unschedulable:Exists:null:NoSchedule",
                "node.kubernetes.io/not-ready:Exists:null:NoExecute",
                "node.kubernetes.io/unreachable:Exists:null:NoExecute",
                "node.kubernetes.io/disk-pressure:Exists:null:NoSchedule",
                "node.kubernetes.io/memory-pressure:Exists:null:NoSchedule",
                "node.kubernetes.io/pid-pressure:Exists:null:NoSchedule",
                "node.kubernetes.io/network-unavailable:Exists:null:NoSchedule")));
  }

  @Test
  void aMissingConfigMapVolumeKeepsThePodCreatingUntilItExists() {
    client.resource(load(Pod.class, """
        apiVersion: v1
        kind: Pod
        metadata: {name: needs-config, namespace: default, labels: {app: needs-config}}
        spec:
          containers:
          - name: app
            image: nginx:1.25
            volumeMounts: [{name: config, mountPath: /etc/app}]
          volumes:
          - name: config
            configMap: {name: app-config}
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(events("needs-config", "FailedMount"))
        .contains("MountVolume.SetUp failed for volume \"config\" : configmap \"app-config\" not found"));
    Eventually.assertThat(TIMEOUT, () -> {
      Pod waiting = client.pods().inNamespace("default").withName("needs-config").get();
      assertThat(waiting.getStatus().getContainerStatuses()).singleElement().satisfies(cs -> assertThat(cs
          .getState().getWaiting().getReason()).isEqualTo("ContainerCreating"));
      assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
    });

    client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("app-config").endMetadata().addToData("app.conf", "x=1").build()).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(Kubelet.isReady(client.pods().inNamespace("default")
        .withName("needs-config").get())).isTrue());
  }

  @Test
  void anEnvReferenceToAMissingSecretIsACreateContainerConfigError() {
    client.resource(load(Pod.class, """
        apiVersion: v1
        kind: Pod
        metadata: {name: needs-secret, namespace: default}
        spec:
          containers:
          - name: app
            image: nginx:1.25
            env:
            - name: PASSWORD
              valueFrom: {secretKeyRef: {name: db-credentials, key: password}}
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> {
      var state = client.pods().inNamespace("default").withName("needs-secret").get().getStatus()
          .getContainerStatuses().get(0).getState();
      assertThat(state.getWaiting().getReason()).isEqualTo("CreateContainerConfigError");
      assertThat(state.getWaiting().getMessage()).isEqualTo("secret \"db-credentials\" not found");
    });
    assertThat(events("needs-secret", "Failed")).contains("Error: secret \"db-credentials\" not found");
  }

  @Test
  void aReadinessProbeOnAPortNothingListensOnKeepsThePodUnready() {
    client.resource(load(Pod.class, """
        apiVersion: v1
        kind: Pod
        metadata: {name: unready, namespace: default}
        spec:
          containers:
          - name: web
            image: nginx:1.25
            ports: [{containerPort: 80}]
            readinessProbe:
              httpGet: {path: /healthz, port: 8080}
        """)).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(events("unready", "Unhealthy"))
        .anySatisfy(m -> assertThat(m).matches("Readiness probe failed: Get \"http://10\\.244\\.0\\.\\d+:8080/healthz\": "
            + "dial tcp 10\\.244\\.0\\.\\d+:8080: connect: connection refused")));
    Pod pod = client.pods().inNamespace("default").withName("unready").get();
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(Kubelet.isReady(pod)).isFalse();
    assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getRunning()).isNotNull();
  }
}
