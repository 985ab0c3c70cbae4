import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The reproduction of "a LIST with no answer" (docs/performance.md): ROUNDS rounds, each a new fabric8 client (the
 * JDK HTTP client, as the CLI's) sending 13 LISTs of namespace bench at once, as a one-shot blame of a Deployment
 * does; a LIST that has no answer after 35 s is reported, with every thread's stack after 5 s.
 *
 *   java -cp target/kubectl-blame.jar src/bench/ListStress.java http://127.0.0.1:PORT 150 [h1]
 *
 * against {@code kubectl-blame demo empty --serve} with a Deployment in namespace bench; "h1" sets fabric8's
 * http2Disable (HTTP/1.1, no h2c upgrade offered). Run it on a loaded machine (load 14-27 when it was found).
 */
public class ListStress {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int rounds = Integer.parseInt(args[1]);
    boolean http1 = args.length > 2 && args[2].equals("h1");
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    int unanswered = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      long[] done = new long[13];
      Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace("bench")
          .withRequestTimeout(30_000).withConnectionTimeout(10_000).withRequestRetryBackoffLimit(0)
          .withHttp2Disable(http1).withOauthToken("demo").build();
      try (KubernetesClient c = new KubernetesClientBuilder().withConfig(config).build()) {
        List<Callable<Integer>> lists = List.of(
            () -> c.apps().deployments().inNamespace("bench").list().getItems().size(),
            () -> c.apps().replicaSets().inNamespace("bench").list().getItems().size(),
            () -> c.pods().inNamespace("bench").list().getItems().size(),
            () -> c.v1().events().inNamespace("bench").list().getItems().size(),
            () -> c.services().inNamespace("bench").list().getItems().size(),
            () -> c.configMaps().inNamespace("bench").list().getItems().size(),
            () -> c.serviceAccounts().inNamespace("bench").list().getItems().size(),
            () -> c.persistentVolumeClaims().inNamespace("bench").list().getItems().size(),
            () -> c.nodes().list().getItems().size(),
            () -> c.resourceQuotas().inNamespace("bench").list().getItems().size(),
            () -> c.policy().v1().podDisruptionBudget().inNamespace("bench").list().getItems().size(),
            () -> c.autoscaling().v2().horizontalPodAutoscalers().inNamespace("bench").list().getItems().size(),
            () -> c.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems().size());
        List<Future<Integer>> answers = new ArrayList<>();
        for (int k = 0; k < lists.size(); k++) {
          int index = k;
          Callable<Integer> list = lists.get(k);
          answers.add(pool.submit(() -> {
            try {
              return list.call();
            } finally {
              done[index] = (System.nanoTime() - t0) / 1_000_000;
            }
          }));
        }
        boolean dumped = false;
        while (!dumped && answers.stream().anyMatch(f -> !f.isDone())) {
          Thread.sleep(100);
          if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(5)) {
            dumped = true;
            StringBuilder dump = new StringBuilder("=== round " + r + ": LISTs pending after 5 s; threads:\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
              dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
              for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
              }
            });
            System.out.println(dump);
          }
        }
        for (int k = 0; k < answers.size(); k++) {
          try {
            answers.get(k).get(35, TimeUnit.SECONDS);
          } catch (Exception e) {
            unanswered++;
            System.out.println("round " + r + " list " + k + " failed: " + e);
          }
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > 3000) {
        System.out.println("round " + r + " slow: " + ms + " ms; each LIST done at " + Arrays.toString(done));
      }
    }
    System.out.println("done: " + rounds + " rounds, " + unanswered + " LISTs unanswered");
  }
}
