package dev.blame.analyzers.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.ChangedBy;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.core.BlameEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Revisions held in ControllerRevisions (a DaemonSet here), and managedFields keyed by composite keys. */
class ControllerRevisionsTest {

  /** A ControllerRevision of DaemonSet ops/agent: its template, with one container and its host port. */
  static String revision(String hash, String created, int number, String image, int hostPort) {
    return """
        - apiVersion: apps/v1
          kind: ControllerRevision
          metadata:
            name: agent-%1$s
            namespace: ops
            creationTimestamp: "%2$s"
            labels: {controller.kubernetes.io/hash: %1$s}
            ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: ds-1, controller: true}]
          revision: %3$d
          data:
            spec:
              template:
                $patch: replace
                metadata: {labels: {app: agent}}
                spec:
                  containers:
                  - name: agent
                    image: %4$s
                    ports: [{containerPort: 9100, hostPort: %5$d, protocol: TCP}]
        """.formatted(hash, created, number, image, hostPort);
  }

  static final String DUMP = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: ops
          uid: ds-1
          managedFields:
          - manager: kubectl
            operation: Apply
            apiVersion: apps/v1
            time: "2026-11-22T07:00:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:spec:
                f:template:
                  f:spec:
                    f:containers:
                      k:{"name":"agent"}:
                        .: {}
                        f:name: {}
                        f:ports:
                          k:{"containerPort":9100,"protocol":"TCP"}: {.: {}, f:containerPort: {}, f:hostPort: {}}
          - manager: argocd-controller
            operation: Update
            apiVersion: apps/v1
            time: "2026-11-22T08:00:00Z"
            fieldsType: FieldsV1
            fieldsV1:
              f:spec:
                f:template:
                  f:spec:
                    f:containers:
                      k:{"name":"agent"}: {f:image: {}}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers:
              - name: agent
                image: node-exporter:1.8.2
                ports: [{containerPort: 9100, hostPort: 9101, protocol: TCP}]
      """
      + revision("6c5d", "2026-11-01T00:00:00Z", 1, "node-exporter:1.8.1", 9100)
      + revision("7f9a", "2026-11-22T08:00:01Z", 2, "node-exporter:1.8.2", 9101)
      + """
      - apiVersion: v1
        kind: Pod
        metadata:
          name: agent-x1
          namespace: ops
          labels: {app: agent, controller-revision-hash: 7f9a}
          ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: ds-1, controller: true}]
        spec:
          containers: [{name: agent, image: node-exporter:1.8.2}]
      """;

  static RevisionDiff diff(ObjectRef target) throws Exception {
    try (Blame blame = BlameEngine.builder().clock(Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC))
        .manifests("dump", DUMP).build()) {
      return blame.explain(target).revisionDiff().orElseThrow();
    }
  }

  @Test
  void daemonSetRevisionsComeFromControllerRevisionsAndEachFieldFromItsManager() throws Exception {
    RevisionDiff diff = diff(ObjectRef.of(GroupKind.DAEMON_SET, "ops", "agent"));

    assertThat(diff.revision().number()).isEqualTo(2);
    assertThat(diff.revision().hash()).contains("7f9a");
    assertThat(diff.previous().orElseThrow().number()).isEqualTo(1);
    assertThat(diff.changes()).extracting(RevisionChange::path, c -> c.changedBy().map(ChangedBy::manager).orElse("?"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spec.template.spec.containers[agent].image", "argocd-controller"),
            org.assertj.core.groups.Tuple.tuple("spec.template.spec.containers[agent].ports[9100].hostPort", "kubectl"));
    assertThat(diff.changedBy().map(ChangedBy::manager)).contains("argocd-controller");
    assertThat(diff.rollback()).isFalse();
    assertThat(diff.evidenceMissing()).isEmpty();
  }

  @Test
  void aPodsRevisionIsTheOneItsControllerRevisionHashNames() throws Exception {
    RevisionDiff diff = diff(ObjectRef.of(GroupKind.POD, "ops", "agent-x1"));

    assertThat(diff.revision().holder()).contains(ObjectRef.of(GroupKind.CONTROLLER_REVISION, "ops", "agent-7f9a"));
    // The template's "$patch: replace" directive is no change.
    assertThat(diff.changes()).extracting(RevisionChange::path).noneMatch(p -> p.contains("$patch"));
  }
}
