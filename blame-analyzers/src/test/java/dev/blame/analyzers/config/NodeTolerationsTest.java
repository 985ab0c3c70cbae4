package dev.blame.analyzers.config;

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
import org.junit.jupiter.api.Test;

/**
 * A pod on a node that is not Ready is told when it leaves the node, checked against its own tolerations (the graph
 * keeps them): the DefaultTolerationSeconds admission plugin's 300 s ones, its own, a DaemonSet pod's unlimited
 * ones, none that match, or none listed. The manifests are in the shapes a cluster returns: the node as the node
 * lifecycle controller leaves it (Ready Unknown "Kubelet stopped posting node status.", the unreachable taints with
 * {@code timeAdded}, as in kubernetes/kubernetes#119967 and kubernetes-sigs/kubespray#9989), the plugin's tolerations
 * as in the pod YAML of tektoncd/pipeline#10152, a DaemonSet pod's as the DaemonSet controller adds them.
 */
class NodeTolerationsTest {

  /** Two minutes after the node was tainted unreachable. */
  static final Instant NOW = Instant.parse("2026-11-22T12:02:00Z");

  static final String NODE = """
      apiVersion: v1
      kind: Node
      metadata:
        name: worker-2
        labels: {kubernetes.io/hostname: worker-2}
      spec:
        taints:
        - {key: node.kubernetes.io/unreachable, effect: NoSchedule, timeAdded: "2026-11-22T12:00:00Z"}
        - {key: node.kubernetes.io/unreachable, effect: NoExecute, timeAdded: "2026-11-22T12:00:00Z"}
      status:
        conditions:
        - {type: MemoryPressure, status: Unknown, reason: NodeStatusUnknown, message: Kubelet stopped posting node status., lastHeartbeatTime: "2026-11-22T11:58:57Z", lastTransitionTime: "2026-11-22T11:59:50Z"}
        - {type: Ready, status: Unknown, reason: NodeStatusUnknown, message: Kubelet stopped posting node status., lastHeartbeatTime: "2026-11-22T11:58:57Z", lastTransitionTime: "2026-11-22T11:59:50Z"}
      """;

  static String pod(String tolerations) {
    return """
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-7c9f8d6b5-q2x7z
          namespace: shop
          creationTimestamp: "2026-11-22T10:00:00Z"
        spec:
          nodeName: worker-2
          containers:
          - {name: web, image: nginx:1.25}
        %s
        status:
          phase: Running
          startTime: "2026-11-22T10:00:00Z"
          conditions:
          - {type: Ready, status: "False", lastTransitionTime: "2026-11-22T11:59:50Z"}
          containerStatuses:
          - name: web
            ready: false
            restartCount: 0
            state:
              running: {startedAt: "2026-11-22T10:00:05Z"}
        """.formatted(tolerations.indent(2));
  }

  static Explanation explain(String yaml) {
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).manifests("t", yaml).build()) {
      return blame.explain(ObjectRef.of(GroupKind.POD, "shop", "web-7c9f8d6b5-q2x7z"));
    }
  }

  static Finding nodeFinding(Explanation why) {
    return why.verdict().findings().stream().filter(f -> f.reason().code().equals("NodeNotReady")).findFirst()
        .orElseThrow(() -> new AssertionError("no NodeNotReady finding in " + why.verdict().findings()));
  }

  @Test
  void theAdmissionPluginsTolerationsEvictThePod300SecondsAfterTheTaint() {
    Explanation why = explain(NODE + pod("""
        tolerations:
        - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300}
        - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300}
        """));
    assertThat(nodeFinding(why).message())
        .contains("node.kubernetes.io/unreachable:NoExecute for 300 s")
        .contains("DefaultTolerationSeconds admission plugin")
        .contains("evicts it at 2026-11-22T12:05:00Z (in 3m)");
    // The node is the cause (first line of effect -> cause); the pod's own line (cause -> effect) says when it leaves.
    String view = BlameViews.effectToCause(why);
    assertThat(view.lines().findFirst().orElseThrow()).contains("Node worker-2").contains("unreachable");
    assertThat(BlameViews.causeToEffect(why)).contains("evicts it at 2026-11-22T12:05:00Z");
  }

  @Test
  void itsOwnShorterTolerationHasRunOut() {
    Explanation why = explain(NODE + pod("""
        tolerations:
        - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 30}
        """));
    assertThat(nodeFinding(why).message())
        .contains("for 30 s (its own toleration)")
        .contains("evicts it at 2026-11-22T12:00:30Z (1m ago)")
        .doesNotContain("DefaultTolerationSeconds");
  }

  @Test
  void aDaemonSetPodsUnlimitedTolerationKeepsItBound() {
    Explanation why = explain(NODE + pod("""
        tolerations:
        - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists}
        - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists}
        - {effect: NoSchedule, key: node.kubernetes.io/disk-pressure, operator: Exists}
        """));
    assertThat(nodeFinding(why).message()).contains("without a limit").contains("is not evicted");
  }

  @Test
  void aPodThatToleratesEverythingStays() {
    Explanation why = explain(NODE + pod("""
        tolerations:
        - {operator: Exists}
        """));
    assertThat(nodeFinding(why).message()).contains("without a limit").contains("is not evicted");
  }

  @Test
  void tolerationsThatDoNotMatchTheTaintEvictAtOnce() {
    Explanation why = explain(NODE + pod("""
        tolerations:
        - {effect: NoSchedule, key: dedicated, operator: Equal, value: gpu}
        - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300}
        """));
    assertThat(nodeFinding(why).message()).contains("does not tolerate node.kubernetes.io/unreachable:NoExecute")
        .contains("evicts it at once");
  }

  /** A hand-written file with an empty list item: the null element tolerates nothing and breaks nothing. */
  @Test
  void anEmptyListItemIsIgnored() {
    Explanation why = explain(NODE + pod("""
        tolerations:
        -
        - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300}
        """));
    assertThat(nodeFinding(why).message()).contains("node.kubernetes.io/unreachable:NoExecute for 300 s");
  }

  @Test
  void aCaptureWithoutTolerationsIsNotCheckedButSaysTheDefault() {
    Explanation why = explain(NODE + pod(""));
    assertThat(nodeFinding(why).message()).contains("evicted 300 s after").contains("not checked")
        .contains("lists no tolerations");
  }

  @Test
  void withoutTaintsTheReadyConditionDecidesTheKeyAndTheStart() {
    String node = NODE.replace("""
          taints:
          - {key: node.kubernetes.io/unreachable, effect: NoSchedule, timeAdded: "2026-11-22T12:00:00Z"}
          - {key: node.kubernetes.io/unreachable, effect: NoExecute, timeAdded: "2026-11-22T12:00:00Z"}
        """, "  taints: []\n").replace("status: Unknown, reason: NodeStatusUnknown", "status: \"False\", reason: KubeletNotReady");
    Explanation why = explain(node + pod("""
        tolerations:
        - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300}
        - {effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300}
        """));
    assertThat(nodeFinding(why).message()).contains("node.kubernetes.io/not-ready:NoExecute for 300 s")
        .contains("evicts it at 2026-11-22T12:04:50Z");
  }
}
