package dev.blame.cli;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code kubectl blame TYPE NAME} or {@code kubectl blame TYPE/NAME}: the verdict on one object, its culprits
 * worst first, and its cause and effect trees.
 */
@Command(name = "kubectl-blame", mixinStandardHelpOptions = true, versionProvider = BlameCli.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Explains why a Kubernetes object is failing: its verdict, the culprits worst first, and "
        + "what causes what.", "",
        "Live, it reads the cluster of the current kubeconfig context; with -f it reads manifests "
        + "(e.g. a `kubectl get -o yaml` dump) and contacts no cluster."},
    footer = {"", "Examples:",
        "  kubectl blame deploy/web -n shop",
        "  kubectl blame deployment web -o json",
        "  kubectl get deploy,rs,pods,events -n shop -o yaml | kubectl blame -f - deploy/web",
        "  kubectl blame status -n shop",
        "", "Exit codes: 0 answered; 3 bad input, object or type not found, or cluster unreachable."})
final class BlameCli implements Callable<Integer> {

  final Cli cli;

  @Mixin
  SourceOptions source = new SourceOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "tree",
      description = "tree, json, yaml, dot or mermaid (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--watch", description = "Live: redraw as the rollout progresses, until interrupted.")
  boolean watch;

  @Option(names = "--watch-interval", hidden = true, defaultValue = "1000")
  long watchIntervalMillis;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On errors, print the stack trace too.")
  boolean verbose;

  @Parameters(arity = "0..2", paramLabel = "TYPE[/NAME] [NAME]",
      description = "The object: deploy/web, deployment web, sts.apps/db, webapp/shop (a custom resource).")
  List<String> objectArgs = new ArrayList<>();

  BlameCli(Cli cli) {
    this.cli = cli;
  }

  /** Runs the CLI with these arguments; returns the exit code. Never exits, never throws. */
  static int run(Cli cli, String... args) {
    CommandLine commandLine = commandLine(cli, Arrays.asList(args).contains("--verbose"));
    int code;
    try {
      code = commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      // What picocli lets through (an Error such as OutOfMemoryError or StackOverflowError): one line, exit 3.
      cli.err.println("error: internal error: " + Escape.terminal(e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      code = ExitCode.ERROR;
    }
    cli.out.flush();
    cli.err.flush();
    return code;
  }

  static CommandLine commandLine(Cli cli, boolean verbose) {
    CommandLine commandLine = new CommandLine(new BlameCli(cli));
    commandLine.addSubcommand("status", new StatusCommand(cli));
    commandLine.addSubcommand("demo", new DemoCommand(cli));
    commandLine.addSubcommand("analyzers", new AnalyzersCommand(cli));
    commandLine.addSubcommand("wait", new WaitCommand(cli));
    commandLine.addSubcommand("completion", new CompletionCommand());
    commandLine.registerConverter(OutputFormat.class, OutputFormat::parse);
    // `-n demo` is a namespace, not the demo subcommand.
    commandLine.setAllowSubcommandsAsOptionParameters(true);
    commandLine.setOut(cli.out);
    commandLine.setErr(cli.err);
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
        cli.color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    commandLine.setParameterExceptionHandler((e, args) -> {
      cli.err.println("error: " + Errors.oneLine(e));
      String name = e.getCommandLine().getCommandSpec().qualifiedName().replace("kubectl-blame", "kubectl blame");
      cli.err.println("See '" + name + " --help' for usage.");
      return ExitCode.ERROR;
    });
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
      int code = ExitCode.ERROR;
      if (e instanceof CliException) {
        cli.err.println("error: " + Errors.oneLine(e));
      } else if (BodyCap.breach().isPresent() && (e instanceof BlameException || e instanceof KubernetesClientException)) {
        cli.err.println("error: " + BodyCap.breach().get());
      } else if (e instanceof BlameException) {
        cli.err.println("error: " + Errors.describe((BlameException) e));
      } else if (e instanceof KubernetesClientException) {
        cli.err.println("error: cannot reach the cluster: " + Errors.oneLine(e));
      } else {
        cli.err.println("error: internal error: " + Escape.terminal(String.valueOf(e))
            + " (run with --verbose for the stack trace)");
        // wait's 1 and 2 mean "the rollout failed" and "timed out": a bug must not read as either.
        code = cl.getCommand() instanceof WaitCommand ? ExitCode.ERROR : ExitCode.INTERNAL;
      }
      if (verbose) {
        e.printStackTrace(cli.err);
      }
      return code;
    });
    return commandLine;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (objectArgs.isEmpty()) {
      throw new CliException("you must name the object to blame, e.g. 'kubectl blame deploy/web' "
          + "(see 'kubectl blame --help')");
    }
    String type;
    String name;
    if (objectArgs.size() == 1) {
      String arg = objectArgs.get(0);
      int slash = arg.indexOf('/');
      if (slash < 0) {
        throw new CliException("\"" + arg + "\" names a type but no object; use TYPE/NAME or TYPE NAME, "
            + "e.g. 'kubectl blame deploy/web'");
      }
      type = arg.substring(0, slash);
      name = arg.substring(slash + 1);
    } else {
      type = objectArgs.get(0);
      name = objectArgs.get(1);
      if (type.contains("/")) {
        throw new CliException("there is a name in \"" + type + "\" and another, \"" + name
            + "\"; use TYPE/NAME or TYPE NAME");
      }
    }
    if (name.isEmpty() || name.contains("/")) {
      throw new CliException("\"" + name + "\" is not an object name; use TYPE/NAME, e.g. deploy/web");
    }
    if (watch && source.offline()) {
      throw new CliException("--watch follows a live cluster; it cannot be used with -f");
    }
    try (Session session = Session.open(cli, source)) {
      ResourceType resourceType = session.resolver().resolve(type);
      ObjectRef ref = session.target(resourceType, name);
      Explanation why = session.blame(false, List.of(resourceType.kind)).explain(ref);
      if (!why.found()) {
        Session.failIfUnreadable(why);
        throw new CliException(resourceType.qualifiedPlural() + " \"" + name + "\" not found" + session.where(ref));
      }
      if (!watch) {
        print(cli, why, output, session.resolver());
        return ExitCode.OK;
      }
      return watch(session, ref, resourceType);
    }
  }

  private int watch(Session session, ObjectRef ref, ResourceType type) throws InterruptedException {
    String last = null;
    while (!Thread.currentThread().isInterrupted()) {
      Explanation why = session.blame().explain(ref);
      java.io.StringWriter text = new java.io.StringWriter();
      java.io.PrintWriter writer = new java.io.PrintWriter(text);
      if (why.found()) {
        print(new Cli(writer, cli.err, cli.in, cli.env, cli.color, cli.engine), why, output, session.resolver());
      } else {
        writer.println(type.qualifiedPlural() + " \"" + ref.name() + "\" not found" + session.where(ref));
      }
      writer.flush();
      String now = text.toString();
      if (!now.equals(last)) {
        if (cli.color) {
          cli.out.print("\u001b[H\u001b[2J");
        } else if (last != null) {
          cli.out.println("---");
        }
        cli.out.print(now);
        cli.out.flush();
        last = now;
      }
      Thread.sleep(watchIntervalMillis);
    }
    return ExitCode.OK;
  }

  /** Prints an explanation in the chosen format. */
  static void print(Cli cli, Explanation why, OutputFormat format, ResourceResolver resolver) {
    switch (format) {
      case JSON:
      case YAML:
        Documents.write(new Documents(resolver).blame(why), format, cli.out);
        break;
      case DOT:
        cli.out.print(new GraphRenderer(why).dot());
        break;
      case MERMAID:
        cli.out.print(new GraphRenderer(why).mermaid());
        break;
      case TREE:
      default:
        cli.out.print(new TreeRenderer(cli.color).render(why));
        break;
    }
    cli.out.flush();
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = BlameCli.class.getPackage().getImplementationVersion();
      return new String[] {"kubectl-blame " + (version == null ? "(development build)" : version)};
    }
  }
}
