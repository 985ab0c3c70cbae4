package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class Fabric8ClusterPortTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final String POD = """
      {"apiVersion": "v1", "kind": "Pod",
       "metadata": {"name": "web-1", "namespace": "shop", "uid": "u-1", "resourceVersion": "42",
                    "labels": {"app": "web"}, "annotations": {"big": "x"}},
       "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]},
       "status": {"phase": "Running"}}""";

  private static final String DATABASE = """
      {"apiVersion": "example.dev/v1", "kind": "Database",
       "metadata": {"name": "orders", "namespace": "shop", "uid": "u-2", "resourceVersion": "7"},
       "spec": {"size": "10Gi"}, "status": {"conditions": [{"type": "Ready", "status": "False"}]}}""";

  @Test
  void informersKeepOnlyWhatNamesADeletionTypedKinds() {
    Pod pod = SERIALIZATION.unmarshal(POD, Pod.class);

    HasMetadata kept = roundTrip(Pod.class, pod);

    assertThat(ObjectRef.from(kept)).isEqualTo(ObjectRef.from(pod));
    assertThat(kept.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(kept.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(kept.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(((Pod) kept).getSpec()).isNull();
    assertThat(((Pod) kept).getStatus()).isNull();
  }

  @Test
  void informersKeepOnlyWhatNamesADeletionCustomResources() {
    GenericKubernetesResource database = SERIALIZATION.unmarshal(DATABASE, GenericKubernetesResource.class);

    HasMetadata kept = roundTrip(GenericKubernetesResource.class, database);

    // A generic resource has no kind of its own: the store must keep it, or the deletion names nothing.
    assertThat(ObjectRef.from(kept)).isEqualTo(ObjectRef.from(database));
    assertThat(kept.getMetadata().getUid()).isEqualTo("u-2");
    assertThat(((GenericKubernetesResource) kept).getAdditionalProperties()).doesNotContainKeys("spec", "status");
  }

  private static <T extends HasMetadata> T roundTrip(Class<T> type, T object) {
    ItemStore<T> store = Fabric8ClusterPort.itemStore(type, object.getApiVersion(), object.getKind());
    String key = store.getKey(object);
    store.put(key, object);
    assertThat(store.keySet()).containsExactly(key);
    return store.get(key);
  }
}
