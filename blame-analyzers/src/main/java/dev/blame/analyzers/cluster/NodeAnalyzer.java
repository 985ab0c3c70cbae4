package dev.blame.analyzers.cluster;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nodes. {@code Ready} {@code Unknown} means the kubelet stopped posting status (the node lifecycle controller
 * writes {@code NodeStatusUnknown} after {@code node-monitor-grace-period}, 40 s by default, and taints the node
 * {@code node.kubernetes.io/unreachable}); {@code False} means the kubelet reports itself not ready (taint
 * {@code node.kubernetes.io/not-ready}). Either is DEGRADED: the pods there are not running as far as the control
 * plane knows, and are evicted once their toleration (300 s by default) runs out. A pressure condition
 * ({@code MemoryPressure}, {@code DiskPressure}, {@code PIDPressure}) or {@code NetworkUnavailable} that is True
 * is DEGRADED too: the kubelet evicts pods, or the node has no route. An unreachable or not-ready taint while
 * {@code Ready} is True is the controller catching up (PROGRESSING); {@code spec.unschedulable} (cordoned) is
 * SUSPENDED: nothing new lands there, the pods already there keep running.
 */
public final class NodeAnalyzer implements Analyzer {

  public static final ReasonCode NODE_STATUS_UNKNOWN = ReasonCode.of("NodeStatusUnknown");
  public static final ReasonCode NODE_NOT_READY = ReasonCode.of("NodeNotReady");
  public static final ReasonCode NODE_PRESSURE = ReasonCode.of("NodePressure");
  public static final ReasonCode NETWORK_UNAVAILABLE = ReasonCode.of("NodeNetworkUnavailable");
  public static final ReasonCode NODE_TAINTED = ReasonCode.of("NodeTainted");
  public static final ReasonCode CORDONED = ReasonCode.of("NodeCordoned");
  public static final ReasonCode NO_READY_CONDITION = ReasonCode.of("NodeReadyNotReported");

  /** The taints the node lifecycle controller sets from the Ready condition. */
  static final List<String> CONDITION_TAINTS = List.of("node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready");

  @Override
  public String id() {
    return "blame.Node";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.NODE);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Node node = ctx.node();
    ObjectRef ref = node.ref();
    Unstructured u = Unstructured.of(node.object());
    List<Condition> conditions = u.conditions();
    List<Finding> findings = new ArrayList<>();
    Optional<Evidence> taints = taints(u);
    Optional<Condition> ready = Condition.find(conditions, "Ready");
    if (ready.isEmpty()) {
      findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(NO_READY_CONDITION)
          .message("the kubelet has not reported a Ready condition yet")
          .addEvidence(Evidence.field("status.conditions", conditions.isEmpty() ? "<none>" : "no Ready")).build());
    } else if (!ready.get().isTrue()) {
      boolean unknown = !ready.get().isFalse();
      var b = Finding.builder().subject(ref).health(Health.DEGRADED)
          .reason(unknown ? NODE_STATUS_UNKNOWN : NODE_NOT_READY)
          .message((unknown ? "Node is unreachable: Ready is " + ready.get().status() + " ("
              : "Node is not Ready (") + ready.get().describe()
              + "): its pods are not running as far as the control plane knows, and are evicted once their"
              + " tolerations expire")
          .addEvidence(ready.get().evidence()).since(ready.get().since());
      taints.ifPresent(b::addEvidence);
      findings.add(b.build());
    } else if (taints.isPresent()) {
      findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(NODE_TAINTED)
          .message("Node is Ready but still carries the node lifecycle controller's taints").addEvidence(taints.get())
          .build());
    }
    for (String type : List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable")) {
      Condition.find(conditions, type).filter(Condition::isTrue).ifPresent(c -> findings.add(Finding.builder()
          .subject(ref).health(Health.DEGRADED)
          .reason(type.equals("NetworkUnavailable") ? NETWORK_UNAVAILABLE : NODE_PRESSURE)
          .message(type.equals("NetworkUnavailable") ? "Node network is unavailable (" + c.describe() + ")"
              : "Node reports " + type + ": the kubelet evicts pods to reclaim it (" + c.describe() + ")")
          .addEvidence(c.evidence()).since(c.since()).build()));
    }
    if (u.bool("spec", "unschedulable")) {
      findings.add(Finding.builder().subject(ref).health(Health.SUSPENDED).reason(CORDONED)
          .message("Node is cordoned: no new pod is scheduled here; the pods already here keep running")
          .addEvidence(Evidence.field("spec.unschedulable", "true")).build());
    }
    String capacity = u.string("status", "nodeInfo", "kubeletVersion");
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT,
        findings.isEmpty() ? "Ready" + (capacity.isEmpty() ? "" : " (kubelet " + capacity + ")") : "", findings);
  }

  /** The unreachable and not-ready taints, as one evidence item, when the node carries any. */
  private static Optional<Evidence> taints(Unstructured u) {
    List<String> found = new ArrayList<>();
    for (Unstructured t : u.list("spec", "taints")) {
      if (CONDITION_TAINTS.contains(t.string("key"))) {
        found.add(t.string("key") + ":" + t.string("effect"));
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(Evidence.field("spec.taints", String.join(", ", found)));
  }
}
