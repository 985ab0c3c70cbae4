package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.EdgeKind;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Selector;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's indexes after random upserts and deletes equal the indexes of a store built from the objects left:
 * real-shaped pods, ReplicaSets, Services and ConfigMaps whose labels, owners, selectors and by-name links change
 * from one version to the next (and status-only updates, which keep the indexes), over few names so that objects
 * are replaced, deleted and recreated with new uids. Seeded, so a failure names the seed and the step.
 */
class GraphStoreIndexTest {

  private static final String[] NAMESPACES = {"shop", "pay", ""};
  private static final String[] APPS = {"web", "api", "db"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 19, 2026})
  void everyIndexEqualsARebuildAfterEveryStep(long seed) {
    Random random = new Random(seed);
    GraphStore store = new GraphStore();
    Map<ObjectRef, List<Link>> links = new HashMap<>();
    int uid = 0;
    for (int step = 0; step < 400; step++) {
      if (random.nextInt(5) == 0 && store.size() > 0) {
        List<Node> present = new ArrayList<>();
        store.entries().forEach(e -> present.add(e.node));
        Node gone = present.get(random.nextInt(present.size()));
        store.delete(gone.ref());
        links.remove(gone.ref().key());
      } else {
        Object[] object = object(random, uid++);
        Node node = (Node) object[0];
        @SuppressWarnings("unchecked")
        List<Link> nodeLinks = (List<Link>) object[1];
        store.upsert(node, nodeLinks);
        links.put(node.ref().key(), nodeLinks);
      }
      GraphStore rebuilt = new GraphStore();
      for (Entry e : store.entries()) {
        rebuilt.upsert(e.node, links.get(e.key));
      }
      assertThat(store.indexContents()).as("seed %d, step %d", seed, step).isEqualTo(rebuilt.indexContents());
      assertThat(store.size()).isEqualTo(rebuilt.size());
      for (Entry e : store.entries()) {
        assertThat(store.edgesFrom(e.key)).as("edges from %s, seed %d, step %d", e.key, seed, step)
            .isEqualTo(rebuilt.edgesFrom(e.key));
        assertThat(store.edgesTo(e.key)).as("edges to %s, seed %d, step %d", e.key, seed, step)
            .isEqualTo(rebuilt.edgesTo(e.key));
      }
    }
  }

  private static String rsUid(String namespace, String name) {
    return "rs-uid-" + namespace + "-" + name;
  }

  /** A random object of a few names, with the links its analyzer would declare. */
  private static Object[] object(Random random, int serial) {
    String ns = NAMESPACES[random.nextInt(2)];
    String app = APPS[random.nextInt(APPS.length)];
    String uid = "uid-" + serial;
    Map<String, String> labels = new HashMap<>();
    labels.put("app", app);
    if (random.nextBoolean()) {
      labels.put("tier", random.nextBoolean() ? "backend" : "frontend");
    }
    switch (random.nextInt(4)) {
      case 0 -> {
        String name = app + "-" + random.nextInt(3);
        String owner = app + "-rs" + random.nextInt(2);
        var pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).withUid(uid)
            .withLabels(labels).addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet")
            .withName(owner).withUid(random.nextBoolean() ? "" : random.nextBoolean() ? "stale" : rsUid(ns, owner))
            .withController(true)
            .endOwnerReference().endMetadata()
            .withNewSpec().addNewContainer().withName("main").withImage("registry.example.com/" + app + ":v1")
            .endContainer().addNewVolume().withName("config").withNewConfigMap().withName(app + "-config")
            .endConfigMap().endVolume().endSpec()
            .withNewStatus().withPhase(random.nextBoolean() ? "Running" : "Pending").endStatus().build();
        List<Link> links = List.of(Link.to(EdgeKind.MOUNTS, ObjectRef.of(GroupKind.CONFIG_MAP, ns, app + "-config")));
        return new Object[] {Node.of(pod), links};
      }
      case 1 -> {
        String name = app + "-rs" + random.nextInt(2);
        // Updated in place (its uid kept, the one its pods name) or deleted and recreated (a new uid).
        var rs = new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace(ns)
            .withUid(random.nextBoolean() ? uid : rsUid(ns, name)).withLabels(labels).endMetadata()
            .withNewSpec().withReplicas(random.nextInt(3)).withNewSelector().withMatchLabels(Map.of("app", app))
            .endSelector().endSpec().build();
        return new Object[] {Node.of(rs), List.of()};
      }
      case 2 -> {
        Map<String, String> selector = random.nextInt(4) == 0 ? Map.of()
            : random.nextBoolean() ? Map.of("app", app) : Map.of("app", app, "tier", "backend");
        var svc = new ServiceBuilder().withNewMetadata().withName("svc-" + random.nextInt(3)).withNamespace(ns)
            .withUid(uid).withLabels(labels).endMetadata().withNewSpec().withSelector(selector).endSpec().build();
        List<Link> links = selector.isEmpty() ? List.of()
            : List.of(Link.select(EdgeKind.SELECTS, GroupKind.POD, ns, Selector.of(selector)));
        return new Object[] {Node.of(svc), links};
      }
      default -> {
        var cm = new ConfigMapBuilder().withNewMetadata().withName(app + "-config").withNamespace(ns).withUid(uid)
            .withLabels(random.nextBoolean() ? labels : Map.of()).endMetadata().addToData("k", "v").build();
        return new Object[] {Node.of(cm), List.of()};
      }
    }
  }
}
