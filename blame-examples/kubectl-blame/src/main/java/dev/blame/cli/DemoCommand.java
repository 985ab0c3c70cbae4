package dev.blame.cli;

import dev.blame.api.Explanation;
import dev.blame.api.ObjectRef;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Scenario;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl blame demo [SCENARIO] [--serve]}: starts the embedded demo cluster (an API server on a loopback
 * port and the controller simulator), plays a scenario, and explains its interesting object through the live
 * source, as {@code kubectl blame TYPE/NAME} would on a real cluster; then shuts everything down. With
 * {@code --serve} it keeps the cluster up instead, for kubectl and other commands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Plays a scenario on an embedded demo cluster and explains it. Without a scenario, the "
        + "talk's: Deployment my-busybox edited from busybox:v2 to busybox:v3 running `sh -c \"exit 1\"` in a "
        + "namespace with Istio injection; its new pod crash-loops.",
        "",
        "With --serve the cluster and its simulated controllers keep running until interrupted; the first line "
        + "on stdout is `export KUBECONFIG=<path>`, for kubectl and `kubectl blame`."},
    footer = {"", "Examples:",
        "  kubectl blame demo",
        "  kubectl blame demo --list",
        "  kubectl blame demo quota -o json",
        "  kubectl blame demo empty --serve"})
final class DemoCommand implements Callable<Integer> {

  /** What each scenario is about: the object {@code demo SCENARIO} explains. */
  static final Map<Scenario, String[]> TARGETS = Map.of(
      Scenario.TALK, new String[] {"deploy", "my-busybox"},
      Scenario.IMAGE_PULL_ERROR, new String[] {"deploy", "checkout"},
      Scenario.UNSCHEDULABLE, new String[] {"deploy", "analytics"},
      Scenario.QUOTA, new String[] {"deploy", "web"},
      Scenario.CRASHLOOP_STATEFULSET, new String[] {"sts", "db"},
      Scenario.SERVICE_SELECTS_NOTHING, new String[] {"svc", "frontend"},
      Scenario.CUSTOM_RESOURCE_NOT_READY, new String[] {"webapp", "shop"},
      Scenario.HEALTHY_ROLLOUT, new String[] {"deploy", "api"});

  private final Cli cli;

  @Parameters(arity = "0..1", paramLabel = "SCENARIO", defaultValue = "talk",
      description = "The scenario (default: ${DEFAULT-VALUE}); --list shows them all.")
  String scenarioName;

  @Option(names = "--list", description = "List the scenarios, one per line, and exit.")
  boolean list;

  @Option(names = "--serve", description = "Keep the cluster and the simulator running until interrupted; "
      + "print `export KUBECONFIG=<path>` first.")
  boolean serve;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "The loopback port of the API server (default: a free one).")
  int port;

  @Option(names = "--write-kubeconfig", paramLabel = "FILE",
      description = "With --serve: where to write the kubeconfig (default: a temporary file).")
  Path kubeconfigFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "tree",
      description = "tree, json, yaml, dot or mermaid (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long the scenario may take to settle (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  DemoCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (list) {
      for (Scenario s : Scenario.values()) {
        cli.out.println(String.format(Locale.ROOT, "%-26s %s", s.id(), summary(s)));
      }
      cli.out.flush();
      return ExitCode.OK;
    }
    Scenario scenario = scenario(scenarioName);
    if (!serve && !TARGETS.containsKey(scenario)) {
      throw new CliException("scenario \"" + scenario.id() + "\" has nothing to explain; serve it with "
          + "'kubectl blame demo " + scenario.id() + " --serve' and create objects with kubectl");
    }
    if (port < 0 || port > 65535) {
      throw new CliException("--port " + port + ": not a port number");
    }
    Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
    DemoCluster cluster = start();
    ControllerSimulator simulator = null;
    try {
      simulator = ControllerSimulator.start(cluster);
      return serve ? serve(cluster, simulator, scenario, timeout) : explain(cluster, simulator, scenario, timeout);
    } finally {
      if (simulator != null) {
        simulator.close();
      }
      cluster.close();
    }
  }

  private DemoCluster start() {
    try {
      return DemoCluster.start(port);
    } catch (IllegalStateException e) {
      throw new CliException(Errors.oneLine(e), e);
    }
  }

  /** Plays the scenario, freezes the cluster once it has settled, and explains its object live. */
  private int explain(DemoCluster cluster, ControllerSimulator simulator, Scenario scenario, Duration timeout) {
    play(cluster, scenario, timeout);
    awaitCrashLoops(cluster.client(), scenario, timeout);
    // Settled is the interesting moment: stop the controllers so that the answer describes it.
    simulator.close();
    String[] target = TARGETS.get(scenario);
    try (Session session = Session.live(cli, cluster.newClient(), scenario.namespace())) {
      ResourceType type = session.resolver().resolve(target[0]);
      ObjectRef ref = session.target(type, target[1]);
      Explanation why = session.blame(false, List.of(type.kind)).explain(ref);
      if (!why.found()) {
        throw new CliException("the demo scenario " + scenario.id() + " has no " + type.qualifiedPlural() + " \""
            + target[1] + "\"" + session.where(ref));
      }
      BlameCli.print(cli, why, output, session.resolver());
      return ExitCode.OK;
    }
  }

  /** Prints the kubeconfig line, plays the scenario, then waits until interrupted (Ctrl-C). */
  private int serve(DemoCluster cluster, ControllerSimulator simulator, Scenario scenario, Duration timeout)
      throws InterruptedException {
    Path kubeconfig = kubeconfigFile == null ? cluster.writeKubeconfig(scenario.namespace())
        : cluster.writeKubeconfig(kubeconfigFile, scenario.namespace());
    cli.out.println("export KUBECONFIG=" + kubeconfig);
    cli.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      simulator.close();
      cluster.close();
      stopped.countDown();
    }, "kubectl-blame-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      play(cluster, scenario, timeout);
      String[] target = TARGETS.get(scenario);
      cli.err.println("# demo cluster " + cluster.url() + ", scenario " + scenario.id() + ": " + scenario.description()
          + (target == null ? "" : "; try: kubectl blame " + target[0] + "/" + target[1] + " -n " + scenario.namespace())
          + "; Ctrl-C stops it");
      cli.err.flush();
      stopped.await();
      return ExitCode.OK;
    } catch (InterruptedException e) {
      // Stopped by whoever runs us in-process (tests): shut down like Ctrl-C, then answer normally.
      return ExitCode.OK;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook is running.
      }
    }
  }

  private void play(DemoCluster cluster, Scenario scenario, Duration timeout) {
    try {
      scenario.play(cluster.client(), timeout);
      scenario.awaitSettled(cluster.client(), timeout);
    } catch (RuntimeException e) {
      throw new CliException("the demo scenario " + scenario.id() + " did not play out: " + Errors.oneLine(e), e);
    }
  }

  /**
   * A container that crashed once may still be starting up; one that crashed twice is crash-looping (the
   * analyzers' rule, like a person's). Waits until every crashed container has restarted twice and is waiting
   * in its back-off, so that the answer does not depend on the moment it is asked.
   */
  private static void awaitCrashLoops(KubernetesClient client, Scenario scenario, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!crashLoopsSteady(client.pods().inNamespace(scenario.namespace()).list().getItems())) {
      if (System.nanoTime() > deadline) {
        throw new CliException("the demo scenario " + scenario.id() + " did not play out within " + timeout
            + ": a crashing container has not restarted twice");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("the demo scenario " + scenario.id() + " was interrupted", e);
      }
    }
  }

  static boolean crashLoopsSteady(List<Pod> pods) {
    for (Pod pod : pods) {
      if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
        continue;
      }
      for (ContainerStatus c : pod.getStatus().getContainerStatuses()) {
        int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
        boolean backOff = c.getState() != null && c.getState().getWaiting() != null
            && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason());
        if (restarts > 0 && (restarts < 2 || !backOff)) {
          return false;
        }
      }
    }
    return true;
  }

  static Scenario scenario(String name) {
    try {
      return Scenario.byId(name);
    } catch (IllegalArgumentException e) {
      throw new CliException(Errors.oneLine(e) + "; 'kubectl blame demo --list' describes them", e);
    }
  }

  private static String summary(Scenario s) {
    String[] target = TARGETS.get(s);
    return s.description() + (target == null ? "" : " (" + target[0] + "/" + target[1] + " -n " + s.namespace() + ")");
  }
}
