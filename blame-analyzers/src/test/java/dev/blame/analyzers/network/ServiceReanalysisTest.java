package dev.blame.analyzers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import dev.blame.core.internal.AnalyzerRegistry;
import dev.blame.core.internal.DefaultBlame;
import dev.blame.core.internal.GraphEngine;
import dev.blame.core.internal.ManifestSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Service is analyzed again when a selected pod changes what it reads of it (readiness, ports, labels, why
 * a not-ready pod is not ready), and only then; its verdict is always the one a fresh graph gives.
 */
class ServiceReanalysisTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
  static final ObjectRef SERVICE = ObjectRef.of(GroupKind.SERVICE, "shop", "web");

  private final List<HasMetadata> objects = new ArrayList<>();
  private Blame blame;
  private GraphEngine engine;

  @BeforeEach
  void setUp() {
    objects.add(new ReplicaSetBuilder().withNewMetadata().withName("web-1").withNamespace("shop").withUid("rs-uid")
        .withGeneration(1L).endMetadata().withNewSpec().withReplicas(3).endSpec().withNewStatus().withReplicas(3)
        .withReadyReplicas(3).withAvailableReplicas(3).withObservedGeneration(1L).endStatus().build());
    objects.add(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
        .withNewSpec().withSelector(Map.of("app", "web")).addNewPort().withPort(80).withNewTargetPort("http")
        .endPort().endSpec().build());
    for (int i = 0; i < 3; i++) {
      objects.add(pod("web-1-" + i, "http", true, 0));
    }
    // The engine built by hand, as BlameEngine builds it, to apply watch events to it one by one.
    engine = new GraphEngine(AnalyzerRegistry.create(List.of(), List.of(), true, true,
        ServiceReanalysisTest.class.getClassLoader()), CLOCK);
    blame = new DefaultBlame(engine, new ManifestSource(List.copyOf(objects), Set.of()));
  }

  @AfterEach
  void tearDown() {
    blame.close();
  }

  static Pod pod(String name, String portName, boolean ready, int restarts) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").withUid(name + "-uid")
        .withLabels(Map.of("app", "web")).withCreationTimestamp("2026-11-02T08:00:00Z")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-1").withUid("rs-uid")
        .withController(true).endOwnerReference().endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("web:1").addNewPort().withName(portName)
        .withContainerPort(8080).endPort().endContainer().endSpec()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
        .withReason(ready ? null : "ContainersNotReady").withMessage(ready ? null : "containers with unready status: [main]")
        .withLastTransitionTime("2026-11-02T08:01:00Z").endCondition().endStatus();
    if (ready) {
      b.editStatus().addNewContainerStatus().withName("main").withReady(true).withRestartCount(restarts)
          .withNewState().withNewRunning().withStartedAt("2026-11-02T08:01:00Z").endRunning().endState()
          .endContainerStatus().endStatus();
    } else {
      b.editStatus().addNewContainerStatus().withName("main").withReady(false).withRestartCount(restarts)
          .withNewState().withNewWaiting().withReason("CrashLoopBackOff").withMessage("back-off 5m0s")
          .endWaiting().endState().endContainerStatus().endStatus();
    }
    return b.build();
  }

  /** Applies one watch event; returns how many objects were analyzed, the Service's verdict checked fresh. */
  private long apply(Pod pod) {
    objects.removeIf(o -> o.getMetadata().getName().equals(pod.getMetadata().getName()));
    objects.add(pod);
    long before = engine.analysisCount();
    engine.apply(List.of(engine.ingest().change(pod)));
    long analyzed = engine.analysisCount() - before;
    try (Blame fresh = BlameEngine.builder().clock(CLOCK).objects(objects).build()) {
      assertThat(service(blame)).as("incremental verdict equals a fresh graph's").isEqualTo(service(fresh));
    }
    return analyzed;
  }

  private static Verdict service(Blame blame) {
    return blame.verdict(SERVICE).orElseThrow();
  }

  @Test
  void aRestartOfAReadyPodReanalyzesThePodAndItsReplicaSetNotTheService() {
    // Pod and ReplicaSet; the Service reads readiness and ports, which did not change.
    assertThat(apply(pod("web-1-0", "http", true, 1))).isEqualTo(2);
    assertThat(apply(pod("web-1-0", "http", true, 2))).isEqualTo(2);
  }

  @Test
  void readinessPortsAndLabelsReanalyzeTheService() {
    assertThat(apply(pod("web-1-0", "http", false, 1))).isEqualTo(3);
    assertThat(service(blame).findings()).extracting(Finding::reason)
        .containsExactly(ServiceAnalyzer.PODS_NOT_READY);

    // Ports: the Service checks its targetPort against the ports its pods declare.
    assertThat(apply(pod("web-1-1", "web", true, 0))).isEqualTo(3);

    Pod relabelled = new PodBuilder(pod("web-1-2", "http", true, 0)).editMetadata()
        .withLabels(Map.of("app", "web", "tier", "front")).endMetadata().build();
    assertThat(apply(relabelled)).isEqualTo(3);
  }

  @Test
  void whyANotReadyPodIsNotReadyReanalyzesTheService() {
    apply(pod("web-1-0", "http", false, 1));
    // The Service's finding quotes the pod's verdict, which counts restarts.
    assertThat(apply(pod("web-1-0", "http", false, 2))).isEqualTo(3);
  }

  @Test
  void aStatusUpdateOfAnOwnerReanalyzesItsChildren() {
    // A rollback gives an existing ReplicaSet a new revision number; its pods read their revision from it.
    HasMetadata rs = new ReplicaSetBuilder((io.fabric8.kubernetes.api.model.apps.ReplicaSet) objects.get(0))
        .editMetadata().addToAnnotations("deployment.kubernetes.io/revision", "3").endMetadata().build();
    objects.set(0, rs);
    engine.apply(List.of(engine.ingest().change(rs)));
    ObjectRef pod = ObjectRef.of(GroupKind.POD, "shop", "web-1-0");
    try (Blame fresh = BlameEngine.builder().clock(CLOCK).objects(objects).build()) {
      Verdict expected = fresh.verdict(pod).orElseThrow();
      assertThat(engine.read(view -> view.verdict(pod)).orElseThrow()).isEqualTo(expected);
      assertThat(expected.revision()).hasValueSatisfying(r -> assertThat(r.number()).isEqualTo(3));
    }
  }

  @Test
  void theNotReadyEvidenceIsThePodsReadyCondition() {
    apply(pod("web-1-0", "http", false, 1));
    Evidence evidence = service(blame).findings().get(0).evidence().get(0);
    assertThat(evidence.path()).isEqualTo("status.conditions[Ready]");
    assertThat(evidence.kind()).isEqualTo(Evidence.Kind.CONDITION);
    assertThat(evidence.value()).contains("False").contains("ContainersNotReady");
    assertThat(evidence.source()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("web-1-0"));
  }
}
