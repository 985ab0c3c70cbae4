package dev.blame.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code serve SCENARIO [--port N] [--kubeconfig FILE]}: starts a {@link DemoCluster} with a
 * {@link ControllerSimulator}, plays the scenario, prints {@code export KUBECONFIG=<path>} as its first
 * line of standard output, then runs until killed.
 */
public final class DemoMain {

  private DemoMain() {
  }

  public static void main(String[] args) throws Exception {
    quietLogging();
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * With slf4j-simple on the class path: warnings and errors to stderr, and none of fabric8's informer errors
   * (with stack traces) when a client's watch breaks as the cluster stops. Settings given with -D win.
   */
  static void quietLogging() {
    java.util.Map<String, String> defaults = java.util.Map.of(
        "org.slf4j.simpleLogger.defaultLogLevel", "warn",
        "org.slf4j.simpleLogger.logFile", "System.err",
        "org.slf4j.simpleLogger.log.io.fabric8", "off");
    defaults.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (args.length < 2 || !args[0].equals("serve")) {
      err.println("usage: serve SCENARIO [--port N] [--kubeconfig FILE]");
      err.println("scenarios: " + Arrays.stream(Scenario.values()).map(Scenario::id)
          .collect(Collectors.joining(", ")));
      return 2;
    }
    Scenario scenario;
    try {
      scenario = Scenario.byId(args[1]);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    int port = 0;
    Path kubeconfig = null;
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--kubeconfig") && i + 1 < args.length) {
        kubeconfig = Path.of(args[++i]);
      } else {
        err.println("unknown option " + args[i]);
        return 2;
      }
    }
    DemoCluster cluster = DemoCluster.start(port);
    ControllerSimulator simulator = ControllerSimulator.start(cluster);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      cluster.close();
      stopped.countDown();
    }, "demo-cluster-shutdown"));
    Path path = kubeconfig == null ? cluster.writeKubeconfig(scenario.namespace())
        : cluster.writeKubeconfig(kubeconfig, scenario.namespace());
    out.println("export KUBECONFIG=" + path);
    out.flush();
    try {
      scenario.play(cluster.client(), Duration.ofSeconds(60));
      scenario.awaitSettled(cluster.client(), Duration.ofSeconds(60));
      err.println("# scenario " + scenario.id() + " settled: " + scenario.description() + " (namespace "
          + scenario.namespace() + ", API " + cluster.url() + "); Ctrl-C stops the cluster");
    } catch (RuntimeException e) {
      err.println("# scenario " + scenario.id() + " failed: " + e.getMessage());
    }
    stopped.await();
    return 0;
  }
}
