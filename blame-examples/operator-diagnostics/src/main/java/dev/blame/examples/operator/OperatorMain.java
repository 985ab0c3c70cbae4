package dev.blame.examples.operator;

import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Edits;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the WebApp operator against an embedded demo cluster: a WebApp {@code shop/web} with the unpullable
 * image {@code registry.invalid/web:1}, then, once its status explains why, the image {@code nginx:1.25}.
 * Prints each status transition and exits when the WebApp is Ready (or after 60 s with status 1).
 * {@code --keep} keeps the cluster running afterwards and prints an {@code export KUBECONFIG=...} line, to
 * look at it with kubectl or kubectl-blame; Ctrl-C stops it.
 */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    boolean keep = args.length > 0 && args[0].equals("--keep");
    PrintStream out = System.out;
    try (DemoCluster cluster = DemoCluster.start();
         ControllerSimulator simulator = ControllerSimulator.start(cluster)) {
      KubernetesClient client = cluster.client();
      client.apiextensions().v1().customResourceDefinitions().resource(WebApp.definition()).create();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
          .create();
      CountDownLatch broken = new CountDownLatch(1);
      CountDownLatch ready = new CountDownLatch(1);
      try (WebAppOperator operator = WebAppOperator.builder(client).namespace("shop")
          .onTransition(t -> {
            out.println(t.app().display() + ": " + t.ready());
            if (!t.ready().isTrue() && t.ready().message().startsWith("pod ")) {
              broken.countDown();
            } else if (t.ready().isTrue()) {
              ready.countDown();
            }
          }).start()) {
        client.genericKubernetesResources(WebApp.CONTEXT).inNamespace("shop")
            .resource(WebApp.of("shop", "web", "registry.invalid/web:1", 1)).create();
        if (!broken.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the WebApp's status never named a culprit pod");
        }
        Thread.sleep(1500); // let the pull error settle into ImagePullBackOff
        out.println("fixing the image: nginx:1.25");
        var web = client.genericKubernetesResources(WebApp.CONTEXT).inNamespace("shop").withName("web");
        Edits.retryingOnConflict(web, app -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> spec = (Map<String, Object>) app.getAdditionalProperties().get("spec");
          spec.put("image", "nginx:1.25");
          return app;
        });
        if (!ready.await(30, TimeUnit.SECONDS)) {
          out.println("the WebApp did not become Ready in time");
          System.exit(1);
        }
        if (keep) {
          out.println("export KUBECONFIG=" + cluster.writeKubeconfig("shop"));
          Thread.sleep(Duration.ofDays(1).toMillis());
        }
      }
    }
  }
}
