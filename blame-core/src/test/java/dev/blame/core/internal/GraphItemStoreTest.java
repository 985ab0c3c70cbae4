package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Node;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.fabric8.kubernetes.client.informers.impl.cache.ProcessorStore;
import io.fabric8.kubernetes.client.informers.impl.cache.SharedProcessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GraphItemStoreTest {

  /** The graph as the store sees it: what the handler applied, by key. */
  private static final class Graph implements ClusterPort.Held {
    final Map<String, ClusterPort.Kept> objects = new HashMap<>();

    @Override
    public ClusterPort.Kept get(String namespace, String name) {
      return objects.get(namespace == null ? name : namespace + "/" + name);
    }

    @Override
    public List<ClusterPort.Kept> all() {
      return new ArrayList<>(objects.values());
    }

    void upserted(HasMetadata object) {
      String namespace = object.getMetadata().getNamespace();
      objects.put(Cache.metaNamespaceKeyFunc(object), new ClusterPort.Kept(
          namespace == null || namespace.isEmpty() ? null : namespace, object.getMetadata().getName(),
          object.getMetadata().getUid(), object.getMetadata().getResourceVersion()));
    }

    void deleted(HasMetadata object) {
      objects.remove(Cache.metaNamespaceKeyFunc(object));
    }
  }

  private final Graph graph = new Graph();
  private final GraphItemStore<Pod> pods = GraphItemStore.typed(graph, Pod.class);

  private static Pod pod(String namespace, String name, String uid, String resourceVersion) {
    return new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withUid(uid)
        .withResourceVersion(resourceVersion).addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build();
  }

  private Pod put(Pod pod) {
    return pods.put(pods.getKey(pod), pod);
  }

  /** The handler, as {@link Fabric8ClusterPort} runs it: the graph applies, then the store is told. */
  private void added(Pod pod) {
    graph.upserted(pod);
    pods.applied(pod);
  }

  private void deleted(Pod pod) {
    graph.deleted(pod);
    pods.applied(pod);
  }

  @Test
  void answersFromTheGraphOnceItHasAppliedAndKeepsNothing() {
    Pod pod = pod("shop", "web-1", "u-1", "42");
    assertThat(put(pod)).isNull();
    added(pod);

    assertThat(pods.pendingKeys()).isEmpty();
    Pod kept = pods.get("shop/web-1");
    assertThat(kept.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(kept.getKind()).isEqualTo("Pod");
    assertThat(kept.getSpec()).isNull();
    assertThat(kept.getMetadata().getName()).isSameAs(pod.getMetadata().getName());
    assertThat(pods.keySet()).containsExactly("shop/web-1");
    assertThat(pods.size()).isEqualTo(1);
    // The graph lost it (say, a delete the store never saw): so does the store.
    graph.objects.clear();
    assertThat(pods.get("shop/web-1")).isNull();
    assertThat(pods.size()).isZero();
  }

  @Test
  void aPutIsSeenBeforeTheGraphHasAppliedIt() {
    Pod first = pod("shop", "web-1", "u-1", "42");
    Pod second = pod("shop", "web-1", "u-1", "43");
    assertThat(put(first)).isNull();
    // fabric8 stored it; the handler has not run: the store answers with it already.
    assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(pods.keySet()).containsExactly("shop/web-1");
    assertThat(put(second).getMetadata().getResourceVersion()).isEqualTo("42");

    added(first);
    // The graph has the first; fabric8 the second, still to be applied.
    assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("43");
    assertThat(pods.pendingKeys()).containsExactly("shop/web-1");
    added(second);
    assertThat(pods.pendingKeys()).isEmpty();
    assertThat(pods.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("43");
  }

  @Test
  void aDeleteThenAReAddBeforeTheHandlerRan() {
    Pod old = pod("shop", "web-1", "u-1", "42");
    put(old);
    added(old);

    Pod removed = pods.remove("shop/web-1");
    assertThat(removed.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(pods.get("shop/web-1")).isNull();
    assertThat(pods.keySet()).isEmpty();
    assertThat(pods.remove("shop/web-1")).isNull(); // nothing to notify
    Pod again = pod("shop", "web-1", "u-2", "50");
    assertThat(put(again)).isNull(); // an add, as fabric8 must see it

    // The watch's DELETED object, not the one remove returned: the store counts, it does not compare.
    deleted(pod("shop", "web-1", "u-1", "49"));
    assertThat(pods.get("shop/web-1").getMetadata().getUid()).isEqualTo("u-2");
    added(again);
    assertThat(pods.pendingKeys()).isEmpty();
    assertThat(pods.get("shop/web-1").getMetadata().getUid()).isEqualTo("u-2");
    assertThat(pods.size()).isEqualTo(1);
  }

  @Test
  void closedItLetsGoOfTheGraph() {
    Pod pod = pod("shop", "web-1", "u-1", "42");
    put(pod);
    added(pod);
    put(pod("shop", "web-2", "u-2", "43"));

    pods.detach();

    assertThat(pods.keySet()).isEmpty();
    assertThat(pods.pendingKeys()).isEmpty();
    assertThat(pods.get("shop/web-1")).isNull();
  }

  @Test
  void aVersionSeenAgainIsNotNotifiedAndLeavesNothingPending() {
    Pod first = pod("shop", "web-1", "u-1", "42");
    put(first);
    added(first);

    Pod before = put(pod("shop", "web-1", "u-1", "42"));

    // fabric8 compares the version strings and notifies nobody: nothing may wait for a handler that never runs.
    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(pods.pendingKeys()).isEmpty();
    assertThat(pods.get("shop/web-1").getMetadata().getName()).isSameAs(first.getMetadata().getName());
  }

  @Test
  void clusterScopedAndGenericObjects() {
    GraphItemStore<Namespace> namespaces = GraphItemStore.typed(graph, Namespace.class);
    Namespace shop = new NamespaceBuilder().withNewMetadata().withName("shop").withNamespace("").withUid("u-9")
        .withResourceVersion("5").endMetadata().build();
    namespaces.put(namespaces.getKey(shop), shop);
    assertThat(namespaces.keySet()).containsExactly("shop");
    graph.upserted(shop);
    namespaces.applied(shop);
    assertThat(namespaces.keySet()).containsExactly("shop");
    assertThat(namespaces.get("shop").getMetadata().getNamespace()).isNull();

    Graph databases = new Graph();
    GraphItemStore<GenericKubernetesResource> store = GraphItemStore.generic(databases, "example.dev/v1", "Database");
    GenericKubernetesResource database = new GenericKubernetesResource();
    database.setApiVersion("example.dev/v1");
    database.setKind("Database");
    database.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace("shop")
        .withName("orders").withUid("u-2").withResourceVersion("7").build());
    store.put(store.getKey(database), database);
    databases.upserted(database);
    store.applied(database);
    GenericKubernetesResource kept = store.get("shop/orders");
    assertThat(kept.getApiVersion()).isEqualTo("example.dev/v1");
    assertThat(kept.getKind()).isEqualTo("Database");
    assertThat(kept.getAdditionalProperties()).doesNotContainKey("spec");
  }

  /** fabric8's own cache and processor over the store, with a handler that runs only when the test says. */
  private final class Informer {
    final CacheImpl<Pod> cache = new CacheImpl<>();
    final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    final SharedProcessor<Pod> processor = new SharedProcessor<>(queued::add, "test");
    final ProcessorStore<Pod> store = new ProcessorStore<>(cache, processor);
    final List<String> events = new CopyOnWriteArrayList<>();

    Informer() {
      cache.setItemStore(pods);
      processor.addProcessorListener(new ResourceEventHandler<Pod>() {
        @Override
        public void onAdd(Pod obj) {
          events.add("add " + obj.getMetadata().getName() + " " + obj.getMetadata().getResourceVersion());
          added(obj);
        }

        @Override
        public void onUpdate(Pod oldObj, Pod newObj) {
          events.add("update " + newObj.getMetadata().getName() + " " + oldObj.getMetadata().getResourceVersion()
              + "->" + newObj.getMetadata().getResourceVersion());
          added(newObj);
        }

        @Override
        public void onDelete(Pod obj, boolean deletedFinalStateUnknown) {
          events.add("delete " + obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName() + " "
              + obj.getMetadata().getUid() + " " + deletedFinalStateUnknown);
          deleted(obj);
        }
      }, 0, cache::list);
    }

    /** Runs the handler for the next notification; false when none is queued. */
    boolean deliverOne() {
      Runnable next = queued.poll();
      if (next == null) {
        return false;
      }
      next.run();
      return true;
    }

    void deliverAll() {
      while (deliverOne()) {
        // next
      }
    }
  }

  @Test
  void aReListThroughFabric8sCacheDeletesWhatVanishedAndDeliversWhatChanged() {
    // As InformerStoreTest's, the store reading the graph: the LIST, then a re-list after a watch gap in which one
    // pod vanished, one changed, one came and one stayed as it was; the handler lagging behind each time.
    Informer informer = new Informer();
    informer.store.update(List.of(pod("shop", "a", "u-a", "1"), pod("shop", "b", "u-b", "2"),
        pod("shop", "c", "u-c", "3")));
    informer.store.syncList(Set.of("shop/a", "shop/b", "shop/c"));
    assertThat(informer.cache.listKeys()).containsExactlyInAnyOrder("shop/a", "shop/b", "shop/c");
    informer.deliverAll();
    assertThat(informer.events).containsExactlyInAnyOrder("add a 1", "add b 2", "add c 3");
    assertThat(graph.objects.keySet()).containsExactlyInAnyOrder("shop/a", "shop/b", "shop/c");
    informer.events.clear();

    informer.store.update(List.of(pod("shop", "a", "u-a", "1"), pod("shop", "b", "u-b", "5"),
        pod("shop", "d", "u-d", "6")));
    informer.store.syncList(Set.of("shop/a", "shop/b", "shop/d"));
    assertThat(informer.cache.listKeys()).containsExactlyInAnyOrder("shop/a", "shop/b", "shop/d");
    informer.deliverAll();

    assertThat(informer.events).containsExactlyInAnyOrder("update b 2->5", "add d 6", "delete shop/c u-c true");
    assertThat(graph.objects.keySet()).containsExactlyInAnyOrder("shop/a", "shop/b", "shop/d");
    assertThat(pods.pendingKeys()).isEmpty();
    informer.events.clear();
    informer.store.delete(pod("shop", "a", "u-a", "7"));
    informer.deliverAll();
    assertThat(informer.events).containsExactly("delete shop/a u-a false");
    assertThat(graph.objects.keySet()).containsExactlyInAnyOrder("shop/b", "shop/d");
  }

  @Test
  void agreesWithAMapWhileTheHandlerLags() {
    // Random watch events and re-lists through fabric8's cache, the handler running a random number of queued
    // notifications in between: at every step the store must answer what fabric8 stored (a map kept beside it),
    // and once the handler has caught up, the graph must hold exactly that and the overlay nothing.
    Informer informer = new Informer();
    Random random = new Random(18);
    Map<String, String[]> expected = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String namespace = random.nextInt(5) == 0 ? null : "ns-" + random.nextInt(3);
      String name = "pod-" + random.nextInt(step < 10_000 ? 400 : 30);
      String key = namespace == null ? name : namespace + "/" + name;
      int what = random.nextInt(100);
      if (what < 25) {
        String[] was = expected.remove(key);
        String[] gone = was == null ? new String[] {"u-x", "1"} : was;
        informer.store.delete(pod(namespace, name, gone[0], gone[1] + "0"));
      } else if (what == 25) {
        // A re-list: a few of the objects stored, at their versions or newer, and nothing else.
        Map<String, String[]> listed = new HashMap<>();
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
          if (random.nextInt(4) > 0) {
            listed.put(e.getKey(), random.nextBoolean() ? e.getValue() : new String[] {e.getValue()[0], "r" + step});
          }
        }
        List<Pod> items = new ArrayList<>();
        listed.forEach((k, v) -> {
          int slash = k.indexOf('/');
          items.add(slash < 0 ? pod(null, k, v[0], v[1]) : pod(k.substring(0, slash), k.substring(slash + 1), v[0],
              v[1]));
        });
        informer.store.update(items);
        informer.store.syncList(listed.keySet());
        expected.clear();
        expected.putAll(listed);
      } else {
        String version = random.nextInt(10) == 0 ? "v" + step : Integer.toString(step);
        String uid = random.nextInt(8) == 0 ? "u-" + step : "u-" + key;
        informer.store.update(pod(namespace, name, uid, version));
        expected.put(key, new String[] {uid, version});
      }
      for (int n = random.nextInt(4); n > 0; n--) {
        informer.deliverOne();
      }
      Pod kept = pods.get(key);
      assertThat(kept == null).as(key).isEqualTo(!expected.containsKey(key));
      if (kept != null) {
        assertThat(kept.getMetadata().getUid()).isEqualTo(expected.get(key)[0]);
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo(expected.get(key)[1]);
      }
      if (step % 1000 == 0) {
        assertThat(pods.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(pods.size()).isEqualTo(expected.size());
      }
    }
    informer.deliverAll();
    assertThat(pods.pendingKeys()).isEmpty();
    assertThat(graph.objects.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(pods.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, String[]> e : expected.entrySet()) {
      assertThat(graph.objects.get(e.getKey()).uid()).isEqualTo(e.getValue()[0]);
      assertThat(graph.objects.get(e.getKey()).resourceVersion()).isEqualTo(e.getValue()[1]);
    }
  }

  @Test
  void theGraphKeepsEachWatchedObjectsVersionAsWritten() {
    // Only a plain decimal near the first one is kept as a number; anything else comes back exactly as written.
    GraphStore store = new GraphStore();
    String[] versions = {"1000", "0", "9223372036854775807", "007", "+5", "12a", "", "99999999999999999999",
        "5000000000", "999", null};
    for (String version : versions) {
      store.upsert(Node.of(pod("shop", "web-1", "u-1", version)), List.of(), true, version);
      assertThat(store.watched(dev.blame.api.GroupKind.POD, "shop", "web-1").resourceVersion()).as(version)
          .isEqualTo(version);
    }
    store.upsert(Node.of(pod("shop", "web-2", "u-2", "x1")), List.of(), true, "x1");
    assertThat(store.watchedAll(dev.blame.api.GroupKind.POD, "shop"))
        .extracting(ClusterPort.Kept::name, ClusterPort.Kept::uid, ClusterPort.Kept::resourceVersion)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("web-1", "u-1", null),
            org.assertj.core.groups.Tuple.tuple("web-2", "u-2", "x1"));
    assertThat(store.watchedAll(dev.blame.api.GroupKind.POD, "other")).isEmpty();
    // Deleted and put back from a manifest: not the informer's.
    store.delete(dev.blame.api.ObjectRef.of(dev.blame.api.GroupKind.POD, "shop", "web-2"));
    store.upsert(Node.of(pod("shop", "web-2", "u-2", "x2")), List.of());
    assertThat(store.watched(dev.blame.api.GroupKind.POD, "shop", "web-2")).isNull();
    assertThat(store.watchedAll(dev.blame.api.GroupKind.POD, null)).hasSize(1);
  }
}
