package dev.blame.testkit;

import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import java.util.List;

/**
 * Entry point of the domain assertions and of short object references, for one static import:
 *
 * <pre>{@code
 * import static dev.blame.testkit.BlameAssertions.*;
 *
 * assertThat(verdict).isWellFormedFor(deployment("shop", "web")).hasHealth(DEGRADED).hasStatus(FAILED)
 *     .hasFinding(CRASH_LOOP_BACK_OFF).withContainer("main").withEvidence("status.containerStatuses[main].state.waiting");
 * assertThat(explanation).hasCulprit(pod("shop", "web-1")).withReason(CRASH_LOOP_BACK_OFF);
 * }</pre>
 *
 * <p>References without a namespace are in {@code default}, as with kubectl without {@code -n}.
 */
public final class BlameAssertions {

  private BlameAssertions() {}

  public static VerdictAssert assertThat(Verdict verdict) {
    return new VerdictAssert(verdict);
  }

  public static ExplanationAssert assertThat(Explanation explanation) {
    return new ExplanationAssert(explanation);
  }

  /** One finding, to check with the same conditions as {@link VerdictAssert#hasFinding}. */
  public static FindingAssert assertThat(Finding finding) {
    return new FindingAssert(List.of(finding), List.of(finding), "");
  }

  public static ObjectRef pod(String namespace, String name) {
    return ObjectRef.of(GroupKind.POD, namespace, name);
  }

  public static ObjectRef pod(String name) {
    return pod("default", name);
  }

  public static ObjectRef deployment(String namespace, String name) {
    return ObjectRef.of(GroupKind.DEPLOYMENT, namespace, name);
  }

  public static ObjectRef deployment(String name) {
    return deployment("default", name);
  }

  public static ObjectRef replicaSet(String namespace, String name) {
    return ObjectRef.of(GroupKind.REPLICA_SET, namespace, name);
  }

  public static ObjectRef statefulSet(String namespace, String name) {
    return ObjectRef.of(GroupKind.STATEFUL_SET, namespace, name);
  }

  public static ObjectRef service(String namespace, String name) {
    return ObjectRef.of(GroupKind.SERVICE, namespace, name);
  }

  public static ObjectRef service(String name) {
    return service("default", name);
  }

  /**
   * kubectl-like text: {@code Kind[.group]/namespace/name}, {@code Kind[.group]/name} (namespace
   * {@code default}) or {@code Kind[.group]//name} (cluster-scoped), e.g. {@code Deployment.apps/shop/web}.
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static ObjectRef ref(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length == 2) {
      return ObjectRef.of(GroupKind.parse(parts[0]), "default", parts[1]);
    }
    if (parts.length == 3) {
      return ObjectRef.of(GroupKind.parse(parts[0]), parts[1], parts[2]);
    }
    throw new IllegalArgumentException(
        "expected Kind[.group]/namespace/name such as 'Deployment.apps/shop/web', got '" + text + "'");
  }

  static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    StringBuilder text = new StringBuilder();
    findings.forEach(f -> text.append("  ").append(f).append(" <- ").append(f.evidence()).append('\n'));
    return text.toString();
  }
}
