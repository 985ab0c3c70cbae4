package dev.blame.analyzers.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.ChangedBy;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.api.TimelineEntry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which revision, what changed, who changed it, what was injected and when, through the public API. */
class RevisionAttributionTest {

  static Explanation explain(String scenario, String now, GroupKind kind, String ns, String name) throws Exception {
    return BlameViewsGoldenTest.explain(scenario, now, ObjectRef.of(kind, ns, name));
  }

  static Map<String, Optional<String>> managers(RevisionDiff diff) {
    return diff.changes().stream().collect(Collectors.toMap(RevisionChange::path,
        c -> c.changedBy().map(ChangedBy::manager)));
  }

  @Test
  void eachChangedFieldIsAttributedToTheManagerThatLastSetIt() throws Exception {
    RevisionDiff diff = explain("image-typo", "2026-11-22T10:05:00Z", GroupKind.POD, "shop", "web-7f8c9d6b5-k2v9t")
        .revisionDiff().orElseThrow();

    assertThat(diff.revision().number()).isEqualTo(5);
    assertThat(diff.revision().owner()).isEqualTo(ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web"));
    assertThat(diff.revision().hash()).contains("7f8c9d6b5");
    assertThat(diff.previous().orElseThrow().number()).isEqualTo(4);
    assertThat(managers(diff)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "spec.template.spec.containers[web].image", Optional.of("kubectl-set"),
        "spec.template.spec.containers[web].resources.limits.memory", Optional.of("kubectl-edit")));
    assertThat(diff.changes()).extracting(RevisionChange::description).containsExactly(
        "container web: image nginx:1.27.0 \u2192 ngnix:1.27.1",
        "container web: resources.limits.memory 128Mi \u2192 256Mi");
    // The newest of them is the revision's author; helm, which owns the rest of the template, is not.
    assertThat(diff.changedBy()).hasValueSatisfying(by -> {
      assertThat(by.manager()).isEqualTo("kubectl-edit");
      assertThat(by.operation()).isEqualTo("Update");
      assertThat(by.time()).contains(Instant.parse("2026-11-22T10:01:30Z"));
    });
    assertThat(diff.time()).contains(Instant.parse("2026-11-22T10:01:30Z"));
    assertThat(diff.evidenceMissing()).isEmpty();
    assertThat(diff.attributions()).containsExactly(
        "Helm release shop/web revision 7 (meta.helm.sh/release-name, Secret sh.helm.release.v1.web.v7),"
            + " chart web-1.4.2");
  }

  @Test
  void theTalksEditIsKubectlEditNotTheOriginalApply() throws Exception {
    Explanation why = explain("talk", "2026-11-22T12:00:15Z", GroupKind.DEPLOYMENT, "demo", "my-busybox");
    RevisionDiff diff = why.revisionDiff().orElseThrow();

    assertThat(managers(diff)).containsOnlyKeys(
        "spec.template.spec.containers[main].command", "spec.template.spec.containers[main].image")
        .allSatisfy((path, manager) -> assertThat(manager).contains("kubectl-edit"));
    assertThat(diff.changes()).extracting(RevisionChange::description).containsExactly(
        "container main: command [sh -c sleep 3600] \u2192 [sh -c exit 1]",
        "container main: image busybox:v2 \u2192 busybox:v3");
    assertThat(why.revision()).contains(diff.revision());
  }

  @Test
  void withoutManagedFieldsTheEvidenceIsSaidToBeMissing() throws Exception {
    RevisionDiff diff = explain("statefulset-partition", "2026-11-22T14:10:00Z", GroupKind.STATEFUL_SET, "data", "db")
        .revisionDiff().orElseThrow();

    assertThat(diff.revision().number()).isEqualTo(2);
    assertThat(diff.revision().holder()).contains(ObjectRef.of(GroupKind.CONTROLLER_REVISION, "data", "db-7c9f8d6b5"));
    assertThat(diff.changedBy()).isEmpty();
    assertThat(diff.changes()).allSatisfy(c -> assertThat(c.changedBy()).isEmpty());
    assertThat(diff.evidenceMissing()).hasValueSatisfying(
        m -> assertThat(m).contains("metadata.managedFields is absent on StatefulSet db"));
    // Time falls back to when the ControllerRevision was made, not a guess.
    assertThat(diff.time()).contains(Instant.parse("2026-11-22T14:05:00Z"));
    assertThat(diff.changes()).extracting(RevisionChange::path).containsExactly(
        "spec.template.spec.containers[postgres].env[PGTUNE]",
        "spec.template.spec.containers[postgres].image",
        "spec.template.spec.containers[postgres].resources.limits.memory");
  }

  @Test
  void aPodOfTheOldPartitionBelongsToTheOldRevision() throws Exception {
    RevisionDiff diff = explain("statefulset-partition", "2026-11-22T14:10:00Z", GroupKind.POD, "data", "db-0")
        .revisionDiff().orElseThrow();

    assertThat(diff.revision().number()).isEqualTo(1);
    assertThat(diff.previous()).isEmpty();
    assertThat(diff.changes()).isEmpty();
  }

  @Test
  void aRollbackIsRecognisedAndARemovedFieldIsNotPinnedOnAnyone() throws Exception {
    RevisionDiff diff = explain("rollback", "2026-11-22T09:00:40Z", GroupKind.DEPLOYMENT, "shop", "api")
        .revisionDiff().orElseThrow();

    assertThat(diff.rollback()).isTrue();
    assertThat(diff.history()).containsExactly(4L);
    assertThat(diff.revision().number()).isEqualTo(6);
    assertThat(diff.previous().orElseThrow().number()).isEqualTo(5);
    assertThat(managers(diff)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "spec.template.spec.containers[api].env[FEATURE_X]", Optional.empty(),
        "spec.template.spec.containers[api].image", Optional.of("kubectl-rollout")));
    assertThat(diff.attributions()).containsExactly("Argo CD application shop-api (argocd.argoproj.io/tracking-id)");
  }

  @Test
  void aRolloutRestartIsRestartOnly() throws Exception {
    RevisionDiff diff = explain("restart", "2026-11-22T08:30:20Z", GroupKind.DEPLOYMENT, "cache", "cache")
        .revisionDiff().orElseThrow();

    assertThat(diff.restartOnly()).isTrue();
    assertThat(diff.rollback()).isFalse();
    assertThat(diff.pending()).as("revision 3 holds the spec's template").isFalse();
    assertThat(diff.changes()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("spec.template.metadata.annotations[kubectl.kubernetes.io/restartedAt]");
      assertThat(c.field()).isEqualTo("annotation kubectl.kubernetes.io/restartedAt");
      assertThat(c.changedBy().map(ChangedBy::manager)).contains("kubectl-rollout");
    });
  }

  @Test
  void anEditNoRevisionHoldsYetIsPendingAndAttributedToItsWriter() throws Exception {
    Explanation why = explain("paused", "2026-11-23T09:12:30Z", GroupKind.DEPLOYMENT, "cache", "cache");
    RevisionDiff diff = why.revisionDiff().orElseThrow();

    // Revision 2 is the newest ReplicaSet, but the spec holds kubectl-set's image: that edit is what was asked
    // about, compared with revision 2, and numbered as the next revision.
    assertThat(diff.pending()).isTrue();
    assertThat(diff.revision().number()).isEqualTo(3);
    assertThat(diff.revision().holder()).isEmpty();
    assertThat(diff.previous().orElseThrow().number()).isEqualTo(2);
    assertThat(diff.changes()).extracting(RevisionChange::description)
        .containsExactly("container redis: image redis:7.4 \u2192 redis:8.0");
    assertThat(diff.changedBy()).hasValueSatisfying(by -> {
      assertThat(by.manager()).isEqualTo("kubectl-set");
      assertThat(by.time()).contains(Instant.parse("2026-11-23T09:12:00Z"));
    });
    assertThat(diff.evidenceMissing()).isEmpty();
    assertThat(why.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.EDITED).singleElement()
        .satisfies(e -> assertThat(e.what()).isEqualTo("Edited by kubectl-set, not rolled out yet"));
  }

  @Test
  void aPodOfThePausedDeploymentStillBelongsToItsRevision() throws Exception {
    RevisionDiff diff = explain("paused", "2026-11-23T09:12:30Z", GroupKind.POD, "cache", "cache-84b7d9c6f5-7lq2d")
        .revisionDiff().orElseThrow();

    assertThat(diff.pending()).isFalse();
    assertThat(diff.revision().number()).isEqualTo(2);
    assertThat(diff.changedBy()).as("managedFields name the writer of the spec, not of revision 2").isEmpty();
  }

  @Test
  void istioInjectionsAreAttributedWithTheirRevisionAndWebhook() throws Exception {
    Explanation why = explain("istio", "2026-11-22T16:02:00Z", GroupKind.DEPLOYMENT, "bookinfo", "reviews");

    assertThat(why.injections()).filteredOn(i -> i.part() != Injection.Part.VOLUME)
        .extracting(Injection::toString).containsExactly(
            "Container [istio-proxy] of Pod reviews-6b8d9f7c4d-tq9wz injected by Istio sidecar injector revision 1-24",
            "Init container [istio-init] of Pod reviews-6b8d9f7c4d-tq9wz injected by Istio sidecar injector revision 1-24");
    assertThat(why.injections()).filteredOn(i -> i.part() == Injection.Part.VOLUME)
        .extracting(Injection::name, Injection::injectedBy).contains(
            org.assertj.core.groups.Tuple.tuple("istio-envoy", Optional.of("Istio sidecar injector")),
            org.assertj.core.groups.Tuple.tuple("kube-api-access-8dq2x", Optional.of("ServiceAccount admission plugin")));
    assertThat(why.injections().get(0).evidence()).anySatisfy(e ->
        assertThat(e.source()).contains(ObjectRef.of(GroupKind.of("admissionregistration.k8s.io",
            "MutatingWebhookConfiguration"), "", "istio-sidecar-injector-1-24")));
    assertThat(why.revisionDiff().orElseThrow().previous()).isEmpty();
  }

  @Test
  void aStatefulSetsClaimVolumesAreItsOwnNotInjected() throws Exception {
    Explanation why = explain("statefulset-partition", "2026-11-22T14:10:00Z", GroupKind.POD, "data", "db-2");

    // The StatefulSet controller adds a volume per volumeClaimTemplates entry; admission only the token.
    assertThat(why.injections()).extracting(Injection::part, Injection::name, Injection::injectedBy).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Injection.Part.VOLUME, "kube-api-access-22222",
            Optional.of("ServiceAccount admission plugin")));
  }

  @Test
  void theTimelineIsOrderedAndStartsTheRolloutAtTheEdit() throws Exception {
    Explanation why = explain("talk", "2026-11-22T12:00:15Z", GroupKind.DEPLOYMENT, "demo", "my-busybox");

    assertThat(why.timeline()).isSorted();
    assertThat(why.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.EDITED).singleElement()
        .satisfies(e -> {
          assertThat(e.time()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
          assertThat(e.what()).isEqualTo("Edited by kubectl-edit, making revision 10");
        });
    assertThat(why.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.CONTAINER_TERMINATED)
        .extracting(TimelineEntry::what)
        .contains("Container [main] terminated with exit code 1 (Error)");
  }
}
