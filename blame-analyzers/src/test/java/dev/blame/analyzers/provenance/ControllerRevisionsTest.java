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
      - apiVersion: apps/v1
        kind: ControllerRevision
        metadata:
          name: agent-6c5d
          namespace: ops
          creationTimestamp: "2026-11-01T00:00:00Z"
          labels: {controller.kubernetes.io/hash: 6c5d}
          ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: ds-1, controller: true}]
        revision: 1
        data:
          spec:
            template:
              $patch: replace
              metadata: {labels: {app: agent}}
              spec:
                containers:
                - name: agent
                  image: node-exporter:1.8.1
                  ports: [{containerPort: 9100, hostPort: 9100, protocol: TCP}]
      - apiVersion: apps/v1
        kind: ControllerRevision
        metadata:
          name: agent-7f9a
          namespace: ops
          creationTimestamp: "2026-11-22T08:00:01Z"
          labels: {controller.kubernetes.io/hash: 7f9a}
          ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: ds-1, controller: true}]
        revision: 2
        data:
          spec:
            template:
              $patch: replace
              metadata: {labels: {app: agent}}
              spec:
                containers:
                - name: agent
                  image: node-exporter:1.8.2
                  ports: [{containerPort: 9100, hostPort: 9101, protocol: TCP}]
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
