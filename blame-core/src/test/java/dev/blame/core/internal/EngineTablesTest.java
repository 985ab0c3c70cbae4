package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compaction tables (strings, shared parts, pod siblings, links) belong to an engine: two engines in one JVM
 * share no kept value, and closing and dropping one leaves the other's graph and answers as they were. Inputs are
 * built afresh for each engine (new strings), so a shared table would show as the second engine holding the first
 * one's instances.
 */
class EngineTablesTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T08:10:00Z"), ZoneOffset.UTC);
  static final ObjectRef DEPLOYMENT = ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web");
  static final ObjectRef REPLICA_SET = ObjectRef.of(GroupKind.REPLICA_SET, "shop", "web-1");
  static final ObjectRef POD_A = ObjectRef.of(GroupKind.POD, "shop", "web-1-a");
  static final ObjectRef POD_B = ObjectRef.of(GroupKind.POD, "shop", "web-1-b");

  @Test
  void eachEngineSharesWithinItselfAndWithNoOther() {
    GraphEngine first = engine();
    GraphEngine second = engine();
    try (Blame a = new DefaultBlame(first, new ManifestSource(objects(), Set.of()));
        Blame b = new DefaultBlame(second, new ManifestSource(objects(), Set.of()))) {
      // Within one engine, what objects hold alike is held once: two pods of one template, and a ReplicaSet's
      // template with its Deployment's.
      assertThat(containers(first, POD_A)).isSameAs(containers(first, POD_B));
      assertThat(templateContainers(first, REPLICA_SET)).isSameAs(templateContainers(first, DEPLOYMENT));
      assertThat(image(first, POD_A)).isSameAs(image(first, POD_B));
      // Across engines, equal but never the same instance: no table is the JVM's.
      assertThat(containers(second, POD_A)).isEqualTo(containers(first, POD_A))
          .isNotSameAs(containers(first, POD_A));
      assertThat(templateContainers(second, DEPLOYMENT)).isNotSameAs(templateContainers(first, DEPLOYMENT));
      assertThat(image(second, POD_A)).isEqualTo(image(first, POD_A)).isNotSameAs(image(first, POD_A));
      assertThat(namespace(second, DEPLOYMENT)).isNotSameAs(namespace(first, DEPLOYMENT));
      assertThat(first.ingest()).isNotSameAs(second.ingest());
    }
  }

  @Test
  void closingAndDroppingOneEngineLeavesTheOtherAsItWas() throws InterruptedException {
    GraphEngine kept = engine();
    try (Blame survivor = new DefaultBlame(kept, new ManifestSource(objects(), Set.of()))) {
      Explanation before = survivor.explain(POD_B);
      List<Container> containers = containers(kept, POD_A);
      WeakReference<GraphEngine> dropped = closeAnother();
      for (int i = 0; i < 50 && dropped.get() != null; i++) {
        System.gc();
        Thread.sleep(20);
      }
      // An engine built after the other was closed (and collected, when the JVM did) starts with empty tables.
      try (Blame later = new DefaultBlame(engine(), new ManifestSource(objects(), Set.of()))) {
        assertThat(later.explain(POD_B)).isEqualTo(before);
      }
      assertThat(survivor.explain(POD_B)).isEqualTo(before);
      assertThat(containers(kept, POD_A)).isSameAs(containers).isSameAs(containers(kept, POD_B));
    }
  }

  private static WeakReference<GraphEngine> closeAnother() {
    GraphEngine other = engine();
    try (Blame blame = new DefaultBlame(other, new ManifestSource(objects(), Set.of()))) {
      assertThat(blame.verdict(POD_A)).isPresent();
    }
    return new WeakReference<>(other);
  }

  private static GraphEngine engine() {
    return new GraphEngine(AnalyzerRegistry.create(List.of(new WaitingContainersAnalyzer(), new ChildrenAnalyzer()),
        false, EngineTablesTest.class.getClassLoader()), CLOCK);
  }

  private static List<Container> containers(GraphEngine engine, ObjectRef pod) {
    return engine.read(view -> view.node(pod)).flatMap(n -> n.as(Pod.class)).orElseThrow().getSpec().getContainers();
  }

  private static String image(GraphEngine engine, ObjectRef pod) {
    return containers(engine, pod).get(0).getImage();
  }

  private static String namespace(GraphEngine engine, ObjectRef ref) {
    return engine.read(view -> view.node(ref)).orElseThrow().object().getMetadata().getNamespace();
  }

  private static List<Container> templateContainers(GraphEngine engine, ObjectRef ref) {
    HasMetadata object = engine.read(view -> view.node(ref)).orElseThrow().object();
    return object instanceof Deployment d ? d.getSpec().getTemplate().getSpec().getContainers()
        : ((ReplicaSet) object).getSpec().getTemplate().getSpec().getContainers();
  }

  /** A Deployment, its ReplicaSet and two pods, every string a new instance. */
  private static List<HasMetadata> objects() {
    Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(s("web")).withNamespace(s("shop"))
        .withUid(s("dep-uid")).endMetadata().withNewSpec().withReplicas(2).withNewTemplate().withNewMetadata()
        .withLabels(Map.of(s("app"), s("web"))).endMetadata().withNewSpec().addNewContainer().withName(s("main"))
        .withImage(s("ghcr.io/acme/web:1.4.2")).addNewPort().withName(s("http")).withContainerPort(8080).endPort()
        .endContainer().endSpec().endTemplate().endSpec().build();
    ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName(s("web-1")).withNamespace(s("shop"))
        .withUid(s("rs-uid")).addNewOwnerReference().withApiVersion(s("apps/v1")).withKind(s("Deployment"))
        .withName(s("web")).withUid(s("dep-uid")).withController(true).endOwnerReference().endMetadata()
        .withNewSpec().withReplicas(2).withNewTemplate().withNewMetadata()
        .withLabels(Map.of(s("app"), s("web"))).endMetadata().withNewSpec().addNewContainer().withName(s("main"))
        .withImage(s("ghcr.io/acme/web:1.4.2")).addNewPort().withName(s("http")).withContainerPort(8080).endPort()
        .endContainer().endSpec().endTemplate().endSpec().build();
    return List.of(deployment, rs, pod("web-1-a"), pod("web-1-b"));
  }

  private static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withName(s(name)).withNamespace(s("shop")).withUid(s(name + "-uid"))
        .withLabels(Map.of(s("app"), s("web"), s("pod-template-hash"), s("1"))).addNewOwnerReference()
        .withApiVersion(s("apps/v1")).withKind(s("ReplicaSet")).withName(s("web-1")).withUid(s("rs-uid"))
        .withController(true).endOwnerReference().endMetadata()
        .withNewSpec().addNewContainer().withName(s("main")).withImage(s("ghcr.io/acme/web:1.4.2")).addNewPort()
        .withName(s("http")).withContainerPort(8080).endPort().endContainer().endSpec()
        .withNewStatus().withPhase(s("Running")).addNewContainerStatus().withName(s("main")).withReady(true)
        .withImage(s("ghcr.io/acme/web:1.4.2")).withRestartCount(0).withNewState().withNewRunning()
        .withStartedAt(s("2026-11-02T08:01:00Z")).endRunning().endState().endContainerStatus().endStatus().build();
  }

  /** A string that is no other's instance. */
  private static String s(String text) {
    return new String(text.toCharArray());
  }
}
