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
import java.util.concurrent.CountDownLatch;

/** What {@code kubectl blame demo} does: starts the embedded demo cluster, plays a scenario, explains or serves it. */
final class DemoRun {

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
  private final String scenarioName;
  private final boolean list;
  private final boolean serve;
  private final int port;
  private final Path kubeconfigFile;
  private final OutputFormat output;
  private final int timeoutSeconds;

  DemoRun(Cli cli, DemoCommand options) {
    this.cli = cli;
    this.scenarioName = options.scenarioName;
    this.list = options.list;
    this.serve = options.serve;
    this.port = options.port;
    this.kubeconfigFile = options.kubeconfigFile;
    this.output = options.output;
    this.timeoutSeconds = options.timeoutSeconds;
  }

  Integer call() throws InterruptedException {
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
    try (Session session = Session.live(cli, cluster.newClient(), scenario.namespace()).oneShotObjects()) {
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
