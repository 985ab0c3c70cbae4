package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class InformerStoreTest {

  private final InformerStore<Pod> pods = InformerStore.typed(Pod.class);

  private static Pod pod(String namespace, String name, String uid, String resourceVersion) {
    return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(uid)
        .withResourceVersion(resourceVersion).addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build();
  }

  private Pod put(Pod pod) {
    return pods.put(pods.getKey(pod), pod);
  }

  @Test
  void keepsWhatNamesTheObjectAndSharesItsStrings() {
    Pod pod = pod("shop", "web-1", "u-1", "42");
    assertThat(put(pod)).isNull();

    Pod kept = pods.get("shop/web-1");
    assertThat(ObjectRef.from(kept)).isEqualTo(ObjectRef.from(pod));
    assertThat(kept.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(kept.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(kept.getSpec()).isNull();
    // The object's own strings, not copies: the graph holds the same ones.
    assertThat(kept.getMetadata().getName()).isSameAs(pod.getMetadata().getName());
    assertThat(kept.getMetadata().getUid()).isSameAs(pod.getMetadata().getUid());
    assertThat(pods.keySet()).containsExactly("shop/web-1");
    assertThat(pods.size()).isEqualTo(1);
  }

  @Test
  void anUpdateReturnsThePreviousVersionAndKeepsOneRecord() {
    put(pod("shop", "web-1", "u-1", "42"));

    Pod before = put(pod("shop", "web-1", "u-1", "43"));

    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("43");
    assertThat(pods.size()).isEqualTo(1);
    // fabric8 skips an event whose resourceVersion equals the stored one: the same string must come back.
    assertThat(put(pod("shop", "web-1", "u-1", "43")).getMetadata().getResourceVersion()).isEqualTo("43");
  }

  @Test
  void aVersionSeenAgainKeepsTheStringsTheGraphHolds() {
    Pod first = pod("shop", "web-1", "u-1", "42");
    put(first);

    // A re-list returns the object again at the same version: fabric8 notifies nobody, so the graph keeps the
    // first object's strings, and so must the store.
    put(pod("shop", "web-1", "u-1", "42"));
    assertThat(pods.get("shop/web-1").getMetadata().getName()).isSameAs(first.getMetadata().getName());

    // A new version goes to the graph, which then holds the new object's strings.
    Pod second = pod("shop", "web-1", "u-1", "43");
    put(second);
    assertThat(pods.get("shop/web-1").getMetadata().getName()).isSameAs(second.getMetadata().getName());
  }

  @Test
  void aRecreatedObjectReplacesTheOldOne() {
    put(pod("shop", "web-1", "u-1", "42"));

    Pod before = put(pod("shop", "web-1", "u-2", "50"));

    assertThat(before.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(pods.get("shop/web-1").getMetadata().getUid()).isEqualTo("u-2");
    assertThat(pods.size()).isEqualTo(1);
  }

  @Test
  void resourceVersionsAreOpaque() {
    // Only a plain decimal is kept as a number; anything else comes back exactly as it was written.
    for (String version : new String[] {"0", "9223372036854775807", "007", "+5", "12a", "", "99999999999999999999"}) {
      put(pod("shop", "web-1", "u-1", version));
      assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).as(version).isEqualTo(version);
    }
    put(pod("shop", "web-2", "u-3", null));
    assertThat(pods.get("shop/web-2").getMetadata().getResourceVersion()).isNull();
  }

  @Test
  void removesAndListsWhatADeletionNames() {
    put(pod("shop", "web-1", "u-1", "1"));
    put(pod("shop", "web-2", "u-2", "2"));
    put(pod("other", "web-1", "u-3", "3"));

    assertThat(pods.keySet()).containsExactlyInAnyOrder("shop/web-1", "shop/web-2", "other/web-1");
    assertThat(pods.values()).extracting(p -> p.getMetadata().getUid()).containsExactlyInAnyOrder("u-1", "u-2", "u-3");
    Pod removed = pods.remove("shop/web-2");

    assertThat(removed.getMetadata().getUid()).isEqualTo("u-2");
    assertThat(pods.remove("shop/web-2")).isNull();
    assertThat(pods.get("shop/web-2")).isNull();
    assertThat(pods.keySet()).containsExactlyInAnyOrder("shop/web-1", "other/web-1");
  }

  @Test
  void clusterScopedObjectsAreKeyedByName() {
    InformerStore<Namespace> namespaces = InformerStore.typed(Namespace.class);
    Namespace shop = new NamespaceBuilder().withNewMetadata().withName("shop").withUid("u-9").withResourceVersion("5")
        .endMetadata().build();

    namespaces.put(namespaces.getKey(shop), shop);

    assertThat(namespaces.keySet()).containsExactly("shop");
    assertThat(ObjectRef.from(namespaces.get("shop"))).isEqualTo(ObjectRef.from(shop));
  }

  @Test
  void anEmptyNamespaceIsNoneAsInFabric8sKeys() {
    InformerStore<Namespace> namespaces = InformerStore.typed(Namespace.class);
    Namespace shop = new NamespaceBuilder().withNewMetadata().withName("shop").withNamespace("").withUid("u-9")
        .withResourceVersion("5").endMetadata().build();

    namespaces.put(namespaces.getKey(shop), shop);

    assertThat(namespaces.getKey(shop)).isEqualTo("shop");
    assertThat(namespaces.keySet()).containsExactly("shop");
    assertThat(namespaces.remove("shop")).isNotNull();
    assertThat(namespaces.size()).isZero();
  }

  @Test
  void genericResourcesGetTheirKindBack() {
    InformerStore<GenericKubernetesResource> store = InformerStore.generic("example.dev/v1", "Database");
    GenericKubernetesResource database = new GenericKubernetesResource();
    database.setApiVersion("example.dev/v1");
    database.setKind("Database");
    database.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace("shop")
        .withName("orders").withUid("u-2").withResourceVersion("7").build());
    database.setAdditionalProperty("spec", java.util.Map.of("size", "10Gi"));

    store.put(store.getKey(database), database);

    GenericKubernetesResource kept = store.get("shop/orders");
    assertThat(ObjectRef.from(kept)).isEqualTo(ObjectRef.from(database));
    assertThat(kept.getAdditionalProperties()).doesNotContainKey("spec");
  }

  @Test
  void agreesWithAMapThroughGrowthRemovalsAndShrinking() {
    // The table probes linearly and shifts back on removal: random puts and removes over few namespaces and many
    // names (collisions, wrap-arounds, growth and shrinking) must leave exactly what a map would hold.
    java.util.Random random = new java.util.Random(18);
    java.util.Map<String, String[]> expected = new java.util.HashMap<>();
    for (int step = 0; step < 60_000; step++) {
      String namespace = random.nextInt(5) == 0 ? null : "ns-" + random.nextInt(4);
      String name = "pod-" + random.nextInt(step < 30_000 ? 3_000 : 40);
      String key = namespace == null ? name : namespace + "/" + name;
      if (random.nextInt(3) == 0) {
        Pod removed = pods.remove(key);
        String[] was = expected.remove(key);
        assertThat(removed == null).as(key).isEqualTo(was == null);
        if (was != null) {
          assertThat(removed.getMetadata().getUid()).isEqualTo(was[0]);
          assertThat(removed.getMetadata().getResourceVersion()).isEqualTo(was[1]);
        }
      } else {
        String version = random.nextInt(10) == 0 ? "v" + step : Integer.toString(step);
        Pod before = put(pod(namespace, name, "u-" + step, version));
        String[] was = expected.put(key, new String[] {"u-" + step, version});
        assertThat(before == null).as(key).isEqualTo(was == null);
        if (was != null) {
          assertThat(before.getMetadata().getResourceVersion()).isEqualTo(was[1]);
        }
      }
    }
    assertThat(pods.size()).isEqualTo(expected.size());
    assertThat(pods.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (java.util.Map.Entry<String, String[]> e : expected.entrySet()) {
      Pod kept = pods.get(e.getKey());
      assertThat(kept.getMetadata().getUid()).isEqualTo(e.getValue()[0]);
      assertThat(kept.getMetadata().getResourceVersion()).isEqualTo(e.getValue()[1]);
    }
    expected.keySet().forEach(pods::remove);
    assertThat(pods.size()).isZero();
    assertThat(pods.values()).isEmpty();
  }

  @Test
  void aVersionThatIsNoNumberFollowsItsObject() {
    put(pod("shop", "web-1", "u-1", "abc"));
    put(pod("shop", "web-1", "u-1", "7"));
    assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("7");
    put(pod("shop", "web-1", "u-1", "def"));
    assertThat(pods.remove("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("def");
    put(pod("shop", "web-1", "u-2", "8"));
    assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("8");
    // The same text again is the same version: the strings the graph holds stay.
    Pod first = pod("shop", "web-2", "u-3", "x1");
    put(first);
    assertThat(put(pod("shop", "web-2", "u-3", "x1")).getMetadata().getResourceVersion()).isEqualTo("x1");
    assertThat(pods.get("shop/web-2").getMetadata().getName()).isSameAs(first.getMetadata().getName());
  }

  @Test
  void aReListThroughFabric8sCacheDeletesWhatVanishedAndDeliversWhatChanged() {
    // fabric8's own cache and processor over this store, as an informer runs them: the LIST, then a re-list after a
    // watch gap in which one pod vanished, one changed, one came and one stayed as it was.
    io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl<Pod> cache =
        new io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl<>();
    cache.setItemStore(pods);
    io.fabric8.kubernetes.client.informers.impl.cache.SharedProcessor<Pod> processor =
        new io.fabric8.kubernetes.client.informers.impl.cache.SharedProcessor<>(Runnable::run, "test");
    java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    processor.addProcessorListener(new io.fabric8.kubernetes.client.informers.ResourceEventHandler<Pod>() {
      @Override
      public void onAdd(Pod obj) {
        events.add("add " + obj.getMetadata().getName() + " " + obj.getMetadata().getResourceVersion());
      }

      @Override
      public void onUpdate(Pod oldObj, Pod newObj) {
        events.add("update " + newObj.getMetadata().getName() + " " + oldObj.getMetadata().getResourceVersion()
            + "->" + newObj.getMetadata().getResourceVersion());
      }

      @Override
      public void onDelete(Pod obj, boolean deletedFinalStateUnknown) {
        events.add("delete " + obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName() + " "
            + obj.getMetadata().getUid() + " " + deletedFinalStateUnknown);
      }
    }, 0, cache::list);
    io.fabric8.kubernetes.client.informers.impl.cache.ProcessorStore<Pod> store =
        new io.fabric8.kubernetes.client.informers.impl.cache.ProcessorStore<>(cache, processor);
    java.util.List<Pod> first = java.util.List.of(pod("shop", "a", "u-a", "1"), pod("shop", "b", "u-b", "2"),
        pod("shop", "c", "u-c", "3"));
    store.update(first);
    store.syncList(java.util.Set.of("shop/a", "shop/b", "shop/c"));
    assertThat(events).containsExactlyInAnyOrder("add a 1", "add b 2", "add c 3");
    events.clear();

    java.util.List<Pod> again = java.util.List.of(pod("shop", "a", "u-a", "1"), pod("shop", "b", "u-b", "5"),
        pod("shop", "d", "u-d", "6"));
    store.update(again);
    store.syncList(java.util.Set.of("shop/a", "shop/b", "shop/d"));

    assertThat(events).containsExactlyInAnyOrder("update b 2->5", "add d 6", "delete shop/c u-c true");
    assertThat(cache.listKeys()).containsExactlyInAnyOrder("shop/a", "shop/b", "shop/d");
    // A watch DELETED event names its object the same way.
    events.clear();
    store.delete(pod("shop", "a", "u-a", "7"));
    assertThat(events).containsExactly("delete shop/a u-a false");
  }

  @Test
  void handsOverEachObjectAsItComes() {
    // The store cannot give back whole objects after a list, so fabric8 must not defer the initial adds.
    assertThat(pods.isFullState()).isFalse();
  }
}
