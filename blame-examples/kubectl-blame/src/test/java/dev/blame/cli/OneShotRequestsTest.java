package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.core.testing.WebRollout;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a one-shot {@code kubectl blame} asks the API server, counted on fabric8's mock server in CRUD mode: one
 * paginated LIST per kind it involves, no WATCH, nothing else, and nothing once it has answered. {@code --watch}
 * still watches.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class OneShotRequestsTest {

  static final String NS = "shop";

  KubernetesMockServer server;
  KubernetesClient client;

  private static final String CANARY = "canary-one-shot-s3cr3t";

  @TempDir
  Path dir;

  Path kubeconfig;

  @BeforeEach
  void createObjects() throws Exception {
    WebRollout.create(client, NS, true);
    // A Secret the one-shot LIST reads as metadata only; the mock server sends it whole, data included.
    client.secrets().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
        .withNewMetadata().withName("db").endMetadata()
        .addToData("password", java.util.Base64.getEncoder().encodeToString(CANARY.getBytes()))
        .build()).create();
    kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), NS);
    requests();
  }

  @Test
  void aOneShotBlameListsEachInvolvedKindOnceAndWatchesNothing() throws Exception {
    Run run = Run.withBuiltInAnalyzers("deploy/web", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"CrashLoopBackOff\"");
    String encoded = java.util.Base64.getEncoder().encodeToString(CANARY.getBytes());
    assertThat(run.out() + run.err()).doesNotContain(CANARY).doesNotContain(encoded);
    Run secret = Run.withBuiltInAnalyzers("secret/db", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(secret.code()).as(secret.toString()).isZero();
    assertThat(secret.out()).contains("\"db\"");
    assertThat(secret.out() + secret.err()).doesNotContain(CANARY).doesNotContain(encoded);
    requests();
    run = Run.withBuiltInAnalyzers("deploy/web", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();

    List<String> requests = requests();
    Map<String, Integer> lists = new TreeMap<>();
    List<String> others = new ArrayList<>();
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      String path = parts[1].split("\\?", 2)[0];
      if (parts[0].equals("GET") && parts[1].contains("limit=500") && !parts[1].contains("watch=")) {
        lists.merge(path, 1, Integer::sum);
      } else {
        others.add(request);
      }
    }
    assertThat(others).as("no WATCH, no discovery, no other request: %s", requests).isEmpty();
    assertThat(lists.values()).as("each kind listed once: %s", lists).allMatch(n -> n == 1);
    // The kinds the Deployment's explanation involves, in its namespace (Nodes and admission webhooks are
    // cluster-scoped); Secrets once, as metadata (SecretMetadata), their data never in any output.
    assertThat(lists).containsKeys("/apis/apps/v1/namespaces/shop/deployments",
        "/apis/apps/v1/namespaces/shop/replicasets", "/api/v1/namespaces/shop/pods",
        "/api/v1/namespaces/shop/events");
    assertThat(lists.keySet()).allMatch(p -> p.contains("/namespaces/shop/") || !p.contains("/namespaces/"))
        .contains("/api/v1/namespaces/shop/secrets");
    // Only what a Deployment involves: no workload kind it does not own, nor their revisions.
    assertThat(lists.keySet()).noneMatch(p -> p.matches(".*/(statefulsets|daemonsets|jobs|cronjobs|controllerrevisions)"));
  }

  @Test
  void aCatchAllAnalyzerThatDeclaresNoReadsStillJudgesTheDeploymentByItsChildren() throws Exception {
    // The test analyzers: pods by their waiting containers, everything else as its worst owned child (declaring no
    // reads, as a plug-in's catch-all may). One-shot lists only the involved kinds, which include what the
    // Deployment controller creates (ReplicaSets) and then what theirs does (Pods).
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Deployment web -n shop is Degraded");
    List<String> paths = requests().stream().map(r -> r.split(" ", 2)[1].split("\\?", 2)[0]).toList();
    assertThat(paths).contains("/apis/apps/v1/namespaces/shop/replicasets", "/api/v1/namespaces/shop/pods")
        .doesNotHaveDuplicates()
        .noneMatch(p -> p.matches(".*/(statefulsets|daemonsets|jobs|cronjobs|controllerrevisions|services)"));
  }

  @Test
  void watchStillWatches() throws Exception {
    // --watch follows the cluster: its kinds are watched, until interrupted (as Ctrl-C stops it).
    Thread runner = new Thread(() -> Run.withBuiltInAnalyzers("deploy/web", "--kubeconfig", kubeconfig.toString(),
        "--watch", "--watch-interval", "100"), "watch-test");
    runner.start();
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (seen.stream().noneMatch(r -> r.contains("/namespaces/shop/pods") && r.contains("watch=true"))
        && System.nanoTime() < deadline) {
      seen.addAll(requests());
    }
    runner.interrupt();
    runner.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(runner.isAlive()).isFalse();
    assertThat(seen).anyMatch(r -> r.contains("/namespaces/shop/pods") && r.contains("watch=true"));
  }

  private List<String> requests() throws InterruptedException {
    List<String> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    return requests;
  }

}
