package dev.blame.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl blame demo [SCENARIO] [--serve]}: starts the embedded demo cluster (an API server on a loopback
 * port and the controller simulator), plays a scenario, and explains its interesting object through the live
 * source, as {@code kubectl blame TYPE/NAME} would on a real cluster; then shuts everything down. With
 * {@code --serve} it keeps the cluster up instead, for kubectl and other commands.
 *
 * <p>The options only: {@link DemoRun} does the work, so that building the command line (for any command) loads
 * none of the demo cluster's classes (picocli reads this class' methods, and their signatures would load them).
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
    return new DemoRun(cli, this).call();
  }
}
