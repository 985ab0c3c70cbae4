package dev.blame.analyzers.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import dev.blame.core.BlameViews;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Built-in admission plugins are named as such in the effect -> cause view, from the marks they leave. The
 * messages and annotations are in the shapes the plugins write (kubernetes/kubernetes plugin/pkg/admission;
 * the PodSecurity message as captured in tektoncd/triggers#1477, the LimitRanger annotation as in `kubectl
 * describe` outputs posted in public threads).
 */
class AdmissionPluginsTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static Explanation explain(String yaml, ObjectRef ref) {
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      return blame.explain(ref);
    }
  }

  @Test
  void podSecurityRejectionNamesThePlugin() {
    Explanation why = explain("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: tekton-triggers-controller-7887549bc5
          namespace: tekton-pipelines
          creationTimestamp: "2026-11-22T11:30:00Z"
          generation: 1
        spec:
          replicas: 1
          selector: {matchLabels: {app: tekton-triggers-controller}}
          template:
            metadata: {labels: {app: tekton-triggers-controller}}
            spec:
              containers: [{name: tekton-triggers-controller, image: gcr.io/tekton-releases/controller:v0.20.0}]
        status:
          observedGeneration: 1
          replicas: 0
          conditions:
          - type: ReplicaFailure
            status: "True"
            reason: FailedCreate
            lastTransitionTime: "2026-11-22T11:30:01Z"
            message: 'pods "tekton-triggers-controller-7887549bc5-74px6" is forbidden: violates PodSecurity "restricted:latest": unrestricted capabilities (container "tekton-triggers-controller" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "tekton-triggers-controller" must set securityContext.runAsNonRoot=true)'
        """, ObjectRef.of(GroupKind.REPLICA_SET, "tekton-pipelines", "tekton-triggers-controller-7887549bc5"));
    String view = BlameViews.effectToCause(why);
    assertThat(view.lines().findFirst().orElseThrow())
        .contains("rejected by the PodSecurity admission plugin")
        .contains("\"restricted:latest\"");
    assertThat(view).doesNotContain("admission webhook");
  }

  @Test
  void aMemoryLimitSetByLimitRangerIsNamedNextToTheOomKill() {
    Explanation why = explain("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: nginx-app-d65f68dd5-x2x8k
          namespace: shop
          creationTimestamp: "2026-11-22T11:00:00Z"
          annotations:
            kubernetes.io/limit-ranger: 'LimitRanger plugin set: cpu, memory request for container nginx-app; cpu, memory limit for container nginx-app'
        spec:
          containers:
          - name: nginx-app
            image: nginx:1.25
            resources:
              limits: {cpu: 500m, memory: 128Mi}
              requests: {cpu: 100m, memory: 64Mi}
        status:
          phase: Running
          startTime: "2026-11-22T11:00:00Z"
          conditions:
          - {type: Ready, status: "False", lastTransitionTime: "2026-11-22T11:00:10Z"}
          containerStatuses:
          - name: nginx-app
            ready: false
            restartCount: 6
            state:
              waiting: {reason: CrashLoopBackOff, message: back-off 5m0s restarting failed container=nginx-app}
            lastState:
              terminated: {reason: OOMKilled, exitCode: 137, startedAt: "2026-11-22T11:50:00Z", finishedAt: "2026-11-22T11:50:20Z"}
        """, ObjectRef.of(GroupKind.POD, "shop", "nginx-app-d65f68dd5-x2x8k"));
    List<Finding> findings = why.verdict().findings();
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.reason().code()).isEqualTo("LimitRangeDefault");
      assertThat(f.message()).contains("LimitRanger admission plugin").contains("nginx-app");
    });
    assertThat(BlameViews.effectToCause(why)).contains("LimitRanger admission plugin");
  }

  @Test
  void aDefaultedStorageClassNamesDefaultStorageClass() {
    Explanation why = explain("""
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: standard
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: ebs.csi.aws.com
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
          namespace: shop
          creationTimestamp: "2026-11-22T11:00:00Z"
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"annotations":{},"name":"data","namespace":"shop"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"10Gi"}}}}'
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 10Gi}}
          storageClassName: standard
          volumeMode: Filesystem
        status:
          phase: Pending
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: data.1, namespace: shop}
        type: Warning
        reason: ProvisioningFailed
        message: 'failed to provision volume with StorageClass "standard": rpc error: code = InvalidArgument desc = Volume capabilities not supported'
        involvedObject: {kind: PersistentVolumeClaim, namespace: shop, name: data, apiVersion: v1}
        count: 14
        firstTimestamp: "2026-11-22T11:00:02Z"
        lastTimestamp: "2026-11-22T11:40:00Z"
        """, ObjectRef.of(GroupKind.PERSISTENT_VOLUME_CLAIM, "shop", "data"));
    String first = BlameViews.effectToCause(why).lines().findFirst().orElseThrow();
    assertThat(first).contains("provisioning failed").contains("DefaultStorageClass admission plugin");
  }

  @Test
  void shapes() {
    assertThat(AdmissionPlugins.rejectedBy("pods \"big\" is forbidden: maximum cpu usage per Container is 500m, but"
        + " limit is 1")).hasValueSatisfying(p -> assertThat(p).contains("LimitRanger").contains("maximum for cpu"));
    assertThat(AdmissionPlugins.rejectedBy("Error creating: pods \"web-1\" is forbidden: error looking up service"
        + " account shop/deployer: serviceaccount \"deployer\" not found"))
        .hasValueSatisfying(p -> assertThat(p).contains("ServiceAccount admission plugin").contains("shop/deployer"));
    assertThat(AdmissionPlugins.rejectedBy("exceeded quota: pod-quota")).isEmpty();
    assertThat(AdmissionPlugins.limitRangerSet(java.util.Map.of(AdmissionPlugins.LIMIT_RANGER_ANNOTATION,
        "LimitRanger plugin set: cpu request for container mongodb"), "mongodb")).containsExactly("cpu request");
  }
}
