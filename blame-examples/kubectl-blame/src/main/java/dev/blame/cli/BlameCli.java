package dev.blame.cli;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
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
    sortOptions = false,
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

  @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
      description = "Blame every object of the type whose labels match, e.g. -l app=web,tier!=cache.")
  String selector;

  @Option(names = {"-A", "--all-namespaces"},
      description = "With a type and -l (or a type alone): look in every namespace.")
  boolean allNamespaces;

  @Parameters(arity = "0..*", paramLabel = "TYPE[/NAME]",
      description = "The objects: deploy/web, deployment web puller, deploy/web sts/db, webapp/shop (a custom "
          + "resource); a type alone (with -l or not) blames every object of that type.")
  List<String> objectArgs = new ArrayList<>();

  BlameCli(Cli cli) {
    this.cli = cli;
  }

  /** Runs the CLI with these arguments; returns the exit code. Never exits, never throws. */
  static int run(Cli cli, String... given) {
    CommandLine commandLine = commandLine(cli, Arrays.asList(given).contains("--verbose"), needsSubcommands(given));
    String[] args = subcommandFirst(commandLine, given);
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

  /**
   * Options may come before the subcommand, as kubectl's global flags do ({@code kubectl blame --kubeconfig K
   * status}): picocli would give them to the top command and run the subcommand without them, so the subcommand's
   * name is moved to the front and the options go to it. A subcommand that does not take one of them refuses it by
   * name; nothing is dropped. An option's value spelled like a subcommand ({@code -n status}) stays a value.
   */
  static String[] subcommandFirst(CommandLine commandLine, String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        return args;
      }
      if (arg.startsWith("-")) {
        CommandLine.Model.OptionSpec option = commandLine.getCommandSpec()
            .findOption(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        if (option != null && !arg.contains("=") && option.arity().max() > 0) {
          i++;
        }
        continue;
      }
      if (i > 0 && commandLine.getSubcommands().containsKey(arg)) {
        String[] reordered = new String[args.length];
        reordered[0] = arg;
        System.arraycopy(args, 0, reordered, 1, i);
        System.arraycopy(args, i + 1, reordered, i + 1, args.length - i - 1);
        return reordered;
      }
      return args;
    }
    return args;
  }

  /** The subcommands' names: an argument list naming none of them (nor asking for help) runs the blame itself. */
  static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("status", "demo", "analyzers", "wait",
      "completion", "__complete", "__train");

  /**
   * Whether the command line must know the subcommands: picocli reads each one's annotations by reflection when
   * it is added, a cost a plain {@code kubectl blame deploy/web} need not pay. Any argument spelled like a
   * subcommand (even as an option's value: {@code -n status}) or asking for help or completion keeps them all, so
   * that parsing is exactly what it is with them.
   */
  static boolean needsSubcommands(String... args) {
    for (String arg : args) {
      if (SUBCOMMANDS.contains(arg) || arg.equals("-h") || arg.equals("--help") || arg.startsWith("-h")
          || arg.equals("help")) {
        return true;
      }
    }
    return false;
  }

  static CommandLine commandLine(Cli cli, boolean verbose) {
    return commandLine(cli, verbose, true);
  }

  static CommandLine commandLine(Cli cli, boolean verbose, boolean subcommands) {
    CommandLine commandLine = new CommandLine(new BlameCli(cli));
    commandLine.setCommandName(cli.command);
    if (subcommands) {
      commandLine.addSubcommand("status", new StatusCommand(cli));
      commandLine.addSubcommand("demo", new DemoCommand(cli));
      commandLine.addSubcommand("analyzers", new AnalyzersCommand(cli));
      commandLine.addSubcommand("wait", new WaitCommand(cli));
      commandLine.addSubcommand("completion", new CompletionCommand());
      commandLine.addSubcommand("__complete", new CompleteCommand(cli));
      // Completion gets the words as typed, options included.
      commandLine.getSubcommands().get("__complete").setUnmatchedOptionsArePositionalParams(true);
      commandLine.addSubcommand("__train", new TrainCommand(cli));
    }
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
      } else if ((e instanceof BlameException || e instanceof KubernetesClientException)
          && BodyCap.reason(e).isPresent()) {
        cli.err.println("error: " + BodyCap.reason(e).get());
      } else if (e instanceof BlameException) {
        cli.err.println("error: " + Errors.describe((BlameException) e));
      } else if (e instanceof KubernetesClientException) {
        cli.err.println("error: cannot reach the cluster: " + Errors.meaning(e).orElseGet(() -> Errors.oneLine(e))
            + Errors.REACH_HINT);
      } else {
        cli.err.println("error: internal error: " + Errors.oneLine(e) + " (a bug: run with --verbose for the stack "
            + "trace and report it)");
        // wait's 1 and 2 mean "the rollout failed" and "timed out": a bug must not read as either.
        code = cl.getCommand() instanceof WaitCommand ? ExitCode.ERROR : ExitCode.INTERNAL;
      }
      if (verbose) {
        // The trace's messages quote the server and the files; printed encoded as the error line is.
        Escape.throwable(e).printStackTrace(cli.err);
      }
      return code;
    });
    return commandLine;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<Targets.Target> targets = Targets.parse(objectArgs, "kubectl blame deploy/web deploy/puller");
    if (targets.isEmpty()) {
      throw new CliException("you must name the object to blame, e.g. '" + cli.command + " deploy/web', or a type "
          + "and a selector, e.g. '" + cli.command + " deploy -l app=web' (see '" + cli.command + " --help')");
    }
    LabelSelector labels = selector == null ? null : LabelSelector.parse(selector);
    boolean named = targets.stream().anyMatch(t -> !t.names().isEmpty());
    if (named && labels != null) {
      throw new CliException("-l/--selector selects objects of a type; it cannot be used with names ("
          + String.join(" ", objectArgs) + ")");
    }
    if (named && allNamespaces) {
      throw new CliException("-A looks in every namespace, where a name is not unique; give -n NAMESPACE with "
          + "names, or a type and -l SELECTOR with -A");
    }
    if (allNamespaces && source.namespace != null) {
      throw new CliException("-A and -n cannot be used together");
    }
    if (watch && source.offline()) {
      throw new CliException("--watch follows a live cluster; it cannot be used with -f");
    }
    try (Session session = Session.open(cli, source)) {
      if (!watch) {
        session.oneShotObjects();
      }
      List<ResourceType> types = new ArrayList<>();
      for (Targets.Target target : targets) {
        types.add(resolve(session, target, objectArgs.size() == 1 && !objectArgs.get(0).contains("/")));
      }
      Blame blame = session.blame(allNamespaces, types.stream().map(t -> t.kind).toList());
      List<ObjectRef> refs = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        ResourceType type = types.get(i);
        if (targets.get(i).names().isEmpty()) {
          String ns = allNamespaces ? "" : session.namespace() == null ? "" : session.namespace();
          for (Node node : blame.list(type.kind, ns)) {
            if (labels == null || labels.matches(node.labels())) {
              refs.add(node.ref().key());
            }
          }
        } else {
          for (String name : targets.get(i).names()) {
            ObjectRef ref = session.target(type, name);
            if (blame.node(ref).isEmpty()) {
              Session.failIfUnreadable(blame.explain(ref));
              throw new CliException(type.qualifiedPlural() + " \"" + name + "\" not found" + session.where(ref));
            }
            refs.add(ref);
          }
        }
      }
      refs = List.copyOf(new LinkedHashSet<>(refs));
      if (refs.isEmpty()) {
        String where = allNamespaces ? "" : session.namespace() == null ? "" : " in namespace \"" + session.namespace() + "\"";
        throw new CliException("no " + types.stream().map(t -> t.qualifiedPlural()).distinct()
            .collect(java.util.stream.Collectors.joining(", ")) + where
            + (labels == null ? "" : " match -l " + labels) + (session.offline() ? " in the given manifests" : ""));
      }
      boolean list = named ? refs.size() > 1 : true;
      if ((output == OutputFormat.DOT || output == OutputFormat.MERMAID) && refs.size() > 1) {
        throw new CliException(output.name().toLowerCase(java.util.Locale.ROOT) + " draws one object's graph; "
            + refs.size() + " are selected: name one");
      }
      if (!watch) {
        List<Explanation> answers = new ArrayList<>();
        for (ObjectRef ref : refs) {
          answers.add(blame.explain(ref));
        }
        print(cli, answers, list, output, session.resolver());
        return ExitCode.OK;
      }
      return new Watcher(cli, session, refs, list, output, watchIntervalMillis).run();
    }
  }

  /**
   * The type a target names. A lone argument that is no type is most likely a name typed without its type: say
   * so rather than "no such type".
   */
  private ResourceType resolve(Session session, Targets.Target target, boolean lone) {
    try {
      return session.resolver().resolve(target.type());
    } catch (CliException e) {
      if (lone && selector == null) {
        throw new CliException("\"" + target.type() + "\" is not a resource type; to blame an object, give its "
            + "type too: TYPE/NAME or TYPE NAME, e.g. '" + cli.command + " deploy/" + target.type() + "'", e);
      }
      throw e;
    }
  }

  /** Prints explanations: one as its own document, several (or a selection) as a list. */
  static void print(Cli cli, List<Explanation> answers, boolean list, OutputFormat format, ResourceResolver resolver) {
    if (!list && answers.size() == 1) {
      print(cli, answers.get(0), format, resolver);
      return;
    }
    switch (format) {
      case JSON:
      case YAML:
        Documents documents = new Documents(resolver);
        Documents.write(Documents.list(answers.stream().map(documents::blame).toList()), format, cli.out);
        break;
      default:
        for (int i = 0; i < answers.size(); i++) {
          if (i > 0) {
            cli.out.println();
          }
          print(cli, answers.get(i), format, resolver);
        }
    }
    cli.out.flush();
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
      return new String[] {Main.version()};
    }
  }
}
