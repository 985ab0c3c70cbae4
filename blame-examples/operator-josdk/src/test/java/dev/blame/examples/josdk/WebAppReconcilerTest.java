package dev.blame.examples.josdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java Operator SDK reconciler on the demo cluster (fabric8's mock server in CRUD mode with simulated
 * controllers and kubelet): a WebApp with an unpullable image gets a Ready=False condition naming the pod, fixing
 * the image makes it Ready; the status is written once per change of verdict; and every request the operator's
 * client makes is recorded: Deployments are listed and watched once (by the operator's event source, which feeds
 * blame), ReplicaSets, pods and Events once each by blame.
 */
class WebAppReconcilerTest {

  private static final String NS = "shop";

  private static DemoCluster cluster;
  private static ControllerSimulator simulator;

  @BeforeAll
  static void startCluster() {
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.builder(cluster.client()).tick(Duration.ofMillis(50)).start();
    cluster.client().apiextensions().v1().customResourceDefinitions().resource(WebApp.definition()).create();
    createNamespace(NS);
  }

  @AfterAll
  static void stopCluster() {
    simulator.close();
    cluster.close();
  }

  /** Every request the operator's client sends: "METHOD path?query". */
  static final class Requests implements Interceptor {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      sent.add(request.method() + " " + request.uri().getRawPath()
          + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()));
    }

    /** GETs of a path: LISTs (no watch parameter) or WATCHes. */
    Map<String, Integer> gets(boolean watch) {
      Map<String, Integer> counts = new TreeMap<>();
      for (String request : sent) {
        if (request.startsWith("GET ") && request.contains("watch=true") == watch) {
          counts.merge(request.substring(4).split("\\?", 2)[0], 1, Integer::sum);
        }
      }
      return counts;
    }

    long statusWrites(String name) {
      return sent.stream().filter(r -> !r.startsWith("GET ")
          && r.split("\\?", 2)[0].endsWith("/namespaces/" + NS + "/webapps/" + name + "/status")).count();
    }
  }

  @Test
  void explainsABrokenImageInTheReadyConditionReadingDeploymentsFromTheOperatorsEventSource() throws Exception {
    Requests requests = new Requests();
    withOperator(NS, requests, null, reconciler -> {
      var webapps = cluster.client().resources(WebApp.class).inNamespace(NS);
      webapps.resource(WebApp.of(NS, "web", "registry.invalid/web:1", 1)).create();

      Condition broken = eventually(Duration.ofSeconds(60), () -> ready(webapps.withName("web").get()),
          c -> c.isPresent() && "False".equals(c.get().getStatus())
              && "ImagePullBackOff".equals(c.get().getReason()), () -> state(reconciler, NS, "web")).orElseThrow();
      assertThat(broken.getMessage()).matches("pod web-[a-z0-9]+-[a-z0-9]{5} is ImagePullBackOff since revision 1");
      assertThat(broken.getObservedGeneration()).isEqualTo(1L);

      // The kubelet keeps backing off (an Event every 1.5 s, the pod's status rewritten): the verdict holds, and
      // the reconciler, run every 200 ms, writes nothing.
      long writesWhileBroken = requests.statusWrites("web");
      Thread.sleep(3_000);
      assertThat(requests.statusWrites("web")).as("status writes while the verdict held").isEqualTo(writesWhileBroken);

      WebApp fixed = webapps.withName("web").get();
      fixed.getSpec().setImage("nginx:1.25");
      webapps.resource(fixed).update();
      Condition ready = eventually(Duration.ofSeconds(60), () -> ready(webapps.withName("web").get()),
          c -> c.isPresent() && "True".equals(c.get().getStatus())
              && Long.valueOf(2).equals(c.get().getObservedGeneration()),
          () -> state(reconciler, NS, "web")).orElseThrow();
      assertThat(ready.getReason()).isEqualTo("Available");
      long writesWhenReady = requests.statusWrites("web");
      Thread.sleep(1_500);
      assertThat(requests.statusWrites("web")).as("status writes once Ready").isEqualTo(writesWhenReady);
      // A coarse guard against a write per reconcile (about 40 passes ran): each write is a verdict change or a
      // new generation (unpulled image, ErrImagePull, ImagePullBackOff, progressing, available...).
      assertThat(writesWhenReady).isBetween(2L, 12L);

      // Deployments: one LIST and one WATCH, the operator's event source's; blame made none. ReplicaSets, pods and
      // Events, which nothing in the operator watches: one LIST (paginated) and one WATCH each, blame's.
      Map<String, Integer> lists = requests.gets(false);
      Map<String, Integer> watches = requests.gets(true);
      String apps = "/apis/apps/v1/namespaces/" + NS;
      String core = "/api/v1/namespaces/" + NS;
      for (String path : List.of(apps + "/deployments", apps + "/replicasets", core + "/pods", core + "/events")) {
        assertThat(lists).as("LISTs of " + path).containsEntry(path, 1);
        assertThat(watches).as("WATCHes of " + path).containsEntry(path, 1);
      }
      assertThat(requests.sent).filteredOn(r -> r.startsWith("GET ") && r.contains("/deployments"))
          .as("no GET of a Deployment besides the event source's LIST and WATCH").hasSize(2);
      assertThat(requests.sent)
          .filteredOn(r -> r.contains("/replicasets") && r.startsWith("GET ") && !r.contains("watch"))
          .allMatch(r -> r.contains("limit=500"), "blame's LISTs are paginated");
    });
  }

  @Test
  void saysWhyReconcilingFailsOnceRetriesAreSpentAndRecoversWithoutAnEvent() throws Exception {
    String ns = "billing";
    createNamespace(ns);
    // The operator's writes of Deployments go to a port nothing listens on, until the test lets them through.
    AtomicBoolean refuse = new AtomicBoolean(true);
    Interceptor refuseDeploymentWrites = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (refuse.get() && !"GET".equals(request.method()) && request.uri().getRawPath().contains("/deployments")) {
          builder.uri(URI.create("http://127.0.0.1:1" + request.uri().getRawPath()));
        }
      }
    };
    GenericRetry quickRetry = new GenericRetry().setMaxAttempts(2).setInitialInterval(100);
    withOperator(ns, refuseDeploymentWrites, quickRetry, reconciler -> {
      var webapps = cluster.client().resources(WebApp.class).inNamespace(ns);
      webapps.resource(WebApp.of(ns, "api", "nginx:1.25", 1)).create();

      Condition failed = eventually(Duration.ofSeconds(60), () -> ready(webapps.withName("api").get()),
          c -> c.isPresent() && "ReconcileError".equals(c.get().getReason())).orElseThrow();
      assertThat(failed.getStatus()).isEqualTo("Unknown");
      assertThat(failed.getMessage()).startsWith("reconciling failed: ");
      assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("api").get()).isNull();

      // Nothing changes in the cluster when the writes are let through: only the reconcile asked for after the
      // failure can create the Deployment and make the WebApp Ready.
      refuse.set(false);
      Condition ready = eventually(Duration.ofSeconds(60), () -> ready(webapps.withName("api").get()),
          c -> c.isPresent() && "True".equals(c.get().getStatus())).orElseThrow();
      assertThat(ready.getReason()).isEqualTo("Available");
    });
  }

  @Test
  void leavesADeploymentItDoesNotControlAloneAndSaysSo() throws Exception {
    String ns = "stock";
    createNamespace(ns);
    // Somebody's own Deployment, of the name the WebApp's would have.
    cluster.client().apps().deployments().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.apps
        .DeploymentBuilder().withNewMetadata().withName("shelf").withLabels(Map.of("team", "stock")).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("team", "stock")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("team", "stock")).endMetadata().withNewSpec()
        .addNewContainer().withName("shelf").withImage("nginx:1.24").endContainer().endSpec().endTemplate()
        .endSpec().build()).create();
    withOperator(ns, null, null, reconciler -> {
      var webapps = cluster.client().resources(WebApp.class).inNamespace(ns);
      webapps.resource(WebApp.of(ns, "shelf", "nginx:1.25", 2)).create();

      Condition notOwned = eventually(Duration.ofSeconds(60), () -> ready(webapps.withName("shelf").get()),
          c -> c.isPresent() && "DeploymentNotOwned".equals(c.get().getReason()),
          () -> state(reconciler, ns, "shelf")).orElseThrow();
      assertThat(notOwned.getStatus()).isEqualTo("False");
      assertThat(notOwned.getMessage()).contains("shelf").contains("not controlled by this WebApp");
      Thread.sleep(1_000);
      var shelf = cluster.client().apps().deployments().inNamespace(ns).withName("shelf").get();
      assertThat(shelf.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.24");
      assertThat(shelf.getSpec().getReplicas()).isEqualTo(1);
      assertThat(shelf.getMetadata().getOwnerReferences()).isEmpty();
    });
  }

  private static void createNamespace(String name) {
    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata()
        .build()).create();
  }

  /** What a test does while the operator runs, with the reconciler registered. */
  interface WhileRunning {
    void run(WebAppReconciler reconciler) throws Exception;
  }

  /**
   * Runs the operator for one namespace on a client of its own, then stops it.
   *
   * @param interceptor sees (and may change) every request the operator's client sends, or null
   * @param retry replaces Java Operator SDK's default retry policy, or null
   */
  private static void withOperator(String namespace, Interceptor interceptor, GenericRetry retry, WhileRunning test)
      throws Exception {
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(cluster.config())
        .withHttpClientBuilderConsumer(b -> {
          if (interceptor != null) {
            b.addOrReplaceInterceptor("test", interceptor);
          }
        }).build();
        WebAppReconciler reconciler =
            new WebAppReconciler(client, namespace, Clock.systemUTC(), Duration.ofMillis(200))) {
      Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
      operator.register(reconciler, c -> {
        c.settingNamespace(namespace);
        if (retry != null) {
          c.withRetry(retry);
        }
      });
      operator.start();
      try {
        test.run(reconciler);
      } finally {
        operator.stop();
      }
    }
  }

  /**
   * Where the reconciler threads are, and what blame's graph and the cluster hold of a WebApp's Deployment: why a
   * condition did not come is then in the failure message. The threads first, and blame asked with a time limit: if
   * blame is what is stuck, the message still comes.
   */
  private static String state(WebAppReconciler reconciler, String namespace, String name) {
    StringBuilder state = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.getName().startsWith("ReconcilerExecutor")) {
        state.append("\n").append(thread.getName()).append(" ").append(thread.getState());
        for (StackTraceElement frame : stack) {
          state.append("\n  at ").append(frame);
        }
      }
    });
    ObjectRef ref = ObjectRef.of(GroupKind.DEPLOYMENT, namespace, name);
    try {
      state.append(CompletableFuture.supplyAsync(() -> "\nblame's node: " + reconciler.blame().node(ref)
              .map(n -> n.ref().display() + " generation " + n.generation()).orElse("none")
              + "\nblame's verdict: " + reconciler.blame().verdict(ref).map(Object::toString).orElse("none"))
          .get(5, TimeUnit.SECONDS));
    } catch (Exception e) {
      state.append("\nblame: ").append(e);
    }
    var deployment = cluster.client().apps().deployments().inNamespace(namespace).withName(name).get();
    state.append("\nthe cluster's Deployment: ").append(deployment == null ? "none"
        : "resourceVersion " + deployment.getMetadata().getResourceVersion() + ", generation "
            + deployment.getMetadata().getGeneration() + ", status " + deployment.getStatus());
    return state.toString();
  }

  private static Optional<Condition> ready(WebApp app) {
    return app == null || app.getStatus() == null ? Optional.empty() : app.getStatus().ready();
  }

  private static <T> T eventually(Duration timeout, Supplier<T> value, Predicate<T> ok) throws InterruptedException {
    return eventually(timeout, value, ok, () -> "");
  }

  /** As above; {@code state} tells, when the time is up, what the operator and blame hold. */
  private static <T> T eventually(Duration timeout, Supplier<T> value, Predicate<T> ok, Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = value.get();
    while (!ok.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + timeout + "; last: " + last + state.get());
      }
      Thread.sleep(50);
      last = value.get();
    }
    return last;
  }
}
