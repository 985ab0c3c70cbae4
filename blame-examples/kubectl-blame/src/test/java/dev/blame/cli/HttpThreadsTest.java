package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where the CLI's HTTP client binds JSON (issue 20: "no JSON binding on the HTTP client's event loop"). The CLI
 * uses fabric8's JDK client. A LIST body is decoded on the thread that completes the response, one of the
 * client's executor threads (a cached pool: a long decode takes a thread of its own, never one serving another
 * request); a watch event is decoded on the fabric8 client's own executor. Neither runs on the JDK client's one
 * I/O thread ({@code HttpClient-N-SelectorManager}), which every connection shares, nor on an event loop. If a
 * fabric8 or JDK update moved decoding there, a large LIST would stall every other request: this test fails.
 */
@Timeout(120)
class HttpThreadsTest {

  @Test
  void podsAreDecodedOffTheClientsIoThread() throws Exception {
    assertThat(HttpClientUtils.getHttpClientFactory()).as("the CLI's HTTP client").isInstanceOf(JdkHttpClientFactory.class);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    ObjectMapper mapper = new ObjectMapper();
    SimpleModule recorder = new SimpleModule();
    recorder.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
          JsonDeserializer<?> deserializer) {
        if (bean.getBeanClass() != Pod.class) {
          return deserializer;
        }
        return new DelegatingDeserializer(deserializer) {
          @Override
          protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return delegate;
          }

          @Override
          public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            threads.add(Thread.currentThread().getName());
            return super.deserialize(parser, context);
          }
        };
      }
    });
    mapper.registerModule(recorder);
    try (DemoCluster cluster = DemoCluster.start();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(cluster.client().getConfiguration())
            .withKubernetesSerialization(new KubernetesSerialization(mapper, true)).build()) {
      cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("threads")
          .endMetadata().build()).create();
      for (int i = 0; i < 3; i++) {
        cluster.client().pods().inNamespace("threads").resource(pod("listed-" + i)).create();
      }
      assertThat(client.pods().inNamespace("threads").list().getItems()).hasSize(3);
      try (SharedIndexInformer<Pod> informer = client.pods().inNamespace("threads").inform()) {
        cluster.client().pods().inNamespace("threads").resource(pod("watched")).create();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (informer.getStore().getByKey("threads/watched") == null && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(informer.getStore().getByKey("threads/watched")).as("the watch event").isNotNull();
      }
    }
    assertThat(threads).as("threads that decoded pods").isNotEmpty()
        .noneMatch(name -> name.contains("SelectorManager") || name.contains("eventloop")
            || name.contains("event-loop"));
  }

  private static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().addNewContainer()
        .withName("c").withImage("busybox:1").endContainer().endSpec().build();
  }
}
