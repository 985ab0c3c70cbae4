package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Traps of a live Blame: a namespace it does not watch is an error that says so, not MISSING; a server that is
 * not there is UNREACHABLE before the request timeout, naming the server.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class ScopeAndReachabilityTest {

  KubernetesMockServer server;
  KubernetesClient client;

  private void createPod(String namespace, String name) {
    client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
        .build()).create();
  }

  private Blame blame(String namespace) {
    BlameEngine.Builder builder = BlameEngine.builder().client(client).discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(Duration.ofSeconds(20));
    return (namespace == null ? builder.allNamespaces() : builder.namespace(namespace)).build();
  }

  @Test
  void aQueryOnANamespaceTheBlameDoesNotWatchFailsAndSaysWhichItWatches() {
    createPod("other", "elsewhere");
    ObjectRef elsewhere = ObjectRef.of(GroupKind.POD, "other", "elsewhere");
    try (Blame blame = blame("default")) {
      List<ThrowingCallable> queries = List.of(
          () -> blame.explain(elsewhere),
          () -> blame.node(elsewhere),
          () -> blame.verdict(elsewhere),
          () -> blame.edges(elsewhere),
          () -> blame.waitFor(List.of(elsewhere)),
          () -> blame.list(GroupKind.POD, "other"));
      for (int i = 0; i < queries.size(); i++) {
        assertThatThrownBy(queries.get(i))
            .isInstanceOf(BlameException.class)
            .satisfies(e -> assertThat(((BlameException) e).kind()).isEqualTo(BlameException.Kind.BAD_INPUT))
            .hasMessageContaining(i < queries.size() - 1 ? "Pod other/elsewhere: " : "Pod in namespace other: ")
            .hasMessageContaining("namespace other is not watched")
            .hasMessageContaining("reads namespace default only");
      }
      // Its own namespace, all namespaces and cluster-scoped objects are answered.
      assertThat(blame.node(ObjectRef.of(GroupKind.POD, "default", "absent"))).isEmpty();
      assertThat(blame.list(GroupKind.POD, "")).isEmpty();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("other").endMetadata().build())
          .create();
      assertThat(blame.node(ObjectRef.of(GroupKind.NAMESPACE, "", "other"))).isPresent();
    }
    try (Blame blame = blame(null)) {
      assertThat(blame.node(elsewhere)).isPresent();
    }
  }

  @Test
  void anUnreachableServerIsUnreachableBeforeTheRequestTimeoutNamingTheServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there now
    }
    String url = "http://127.0.0.1:" + port;
    Duration requestTimeout = Duration.ofSeconds(20);
    try (KubernetesClient dead = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl(url).withNamespace("default").build()).build()) {
      // A built-in kind (no discovery) and a custom one (discovery first).
      for (GroupKind kind : List.of(GroupKind.DEPLOYMENT, GroupKind.of("example.dev", "Database"))) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
          try (Blame blame = BlameEngine.builder().client(dead).discoverAnalyzers(false)
              .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(requestTimeout).build()) {
            blame.list(kind, "default");
          }
        })
            .isInstanceOf(BlameException.class)
            .satisfies(e -> assertThat(((BlameException) e).kind()).as(e.getMessage())
                .isEqualTo(BlameException.Kind.UNREACHABLE))
            .hasMessageContaining("127.0.0.1:" + port)
            .hasMessageContaining("cannot connect")
            .hasMessageNotContaining(". in namespace")
            // fabric8's "Operation: [list]  for kind: [...]  with name: [null] ..." repeats what the request says
            .hasMessageNotContaining("Operation:").hasMessageNotContaining("[null]");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(kind.toString()).isLessThan(requestTimeout);
      }
    }
  }

  @Test
  void coreKindsAreNamedWithoutATrailingDot() {
    server.expect().get().withPath("/api/v1/namespaces/demo/events?limit=500").andReturn(500, "").always();
    assertThatThrownBy(() -> {
      try (Blame blame = BlameEngine.builder().client(client).namespace("demo").discoverAnalyzers(false)
          .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(Duration.ofSeconds(3)).build()) {
        blame.explain(ObjectRef.of(GroupKind.POD, "demo", "p"));
      }
    })
        .isInstanceOf(BlameException.class)
        .hasMessageContaining("LIST+WATCH events in namespace demo at " + client.getMasterUrl());
  }
}
