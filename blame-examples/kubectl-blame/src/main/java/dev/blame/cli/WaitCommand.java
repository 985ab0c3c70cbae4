package dev.blame.cli;

import dev.blame.api.Blame;
import dev.blame.api.Escape;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Tolerance;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.WaitState;
import dev.blame.core.BlameEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl blame wait TYPE/NAME... | -f PATH}: waits for a rollout, returns the moment it is done and
 * fails the moment it is doomed, saying why. Exit codes: 0 complete, 1 failed, 2 timed out, 3 bad input.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Waits until every object is rolled out (exit 0), fails as soon as one is doomed, naming the "
        + "culprit, the reason, the revision change and the last events (exit 1), or gives up at --timeout "
        + "saying what is still pending (exit 2). Bad input, objects not found or an unreachable cluster: exit 3.",
        "", "With -f, waits for every object in the manifests (what `kubectl apply -f` just applied)."},
    footer = {"", "Examples:",
        "  kubectl apply -f k8s/ && kubectl blame wait -f k8s/ --timeout 5m",
        "  kubectl blame wait deploy/web sts/db -n shop --output json",
        "  kubectl blame wait -f k8s/ --junit-report wait.xml --grace 2m --allowed-restarts 3"})
final class WaitCommand implements Callable<Integer> {

  static final int COMPLETE = 0;
  static final int FAILED = 1;
  static final int TIMED_OUT = 2;

  /** Kinds in manifests that wait skips with a note: they are never read from the cluster. */
  static final Set<GroupKind> UNWATCHED = Set.of(GroupKind.SECRET);
  /** The longest --timeout or --grace: a year. */
  static final Duration LONGEST = Duration.ofDays(365);

  private final Cli cli;

  @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
      description = "Wait for every object in these manifests (file or directory). Repeatable.")
  List<Path> filenames = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "The namespace; the context's by default. Manifests without a namespace get it.")
  String namespace;

  @Option(names = "--context", paramLabel = "CONTEXT", description = "The kubeconfig context to use.")
  String context;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "The kubeconfig file; $KUBECONFIG or ~/.kube/config by default.")
  String kubeconfig;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
      description = "Give up after this long: 300s, 5m, 1h30m, or seconds (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--grace", paramLabel = "DURATION",
      description = "Slack for transient states (image pull errors, crashes, Unschedulable) before they fail "
          + "the wait; 0s fails on the first sign. Default: each rule's own window (30s, 15s for scheduling).")
  String grace;

  @Option(names = "--allowed-restarts", paramLabel = "N", defaultValue = "1",
      description = "Restarts a crashing container may have within the grace and still recover "
          + "(default: ${DEFAULT-VALUE}).")
  int allowedRestarts;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}). json prints one document at the end.")
  String output;

  @Option(names = "--junit-report", paramLabel = "FILE",
      description = "Also write a JUnit XML report, one testcase per object.")
  Path junitReport;

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long one request or initial list may take (default: ${DEFAULT-VALUE}).")
  int requestTimeoutSeconds;

  @Mixin
  HealthRuleOptions rules = new HealthRuleOptions();

  @Mixin
  SelectionOptions scope = new SelectionOptions();

  @Option(names = Inputs.FLAG, paramLabel = "SIZE",
      description = "Refuse a manifest file or an API response larger than this: 256Mi by default; e.g. 1Gi.")
  String maxInputBytes;

  @Option(names = "--show-env-values",
      description = "Show literal env values in the revision change and its recorded kubectl command (change-cause)"
          + " as they are, not as a short hash.")
  boolean showEnvValues;

  @Parameters(arity = "0..*", paramLabel = "TYPE[/NAME]",
      description = "The objects to wait for: deploy/web sts/db, deploy web api, or a type with -l; or give -f.")
  List<String> objects = new ArrayList<>();

  WaitCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    long start = System.nanoTime();
    scope.checkNamespace(namespace);
    if (objects.isEmpty() && filenames.isEmpty()) {
      throw new CliException("name the objects to wait for (TYPE/NAME...) or give manifests with -f");
    }
    boolean json = switch (output.toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "text" -> false;
      default -> throw new CliException("wait prints text or json, not " + output);
    };
    Duration deadline = parseDuration("--timeout", timeout);
    var tolerance = Tolerance.builder().allowedRestarts(allowedRestarts);
    if (grace != null) {
      tolerance.grace(parseDuration("--grace", grace));
    }
    if (allowedRestarts < 0) {
      throw new CliException("--allowed-restarts must not be negative");
    }
    Tolerance slack = tolerance.build();
    Cli withSlack = new Cli(cli.out, cli.err, cli.in, cli.env, cli.color, builder -> {
      cli.engine.accept(builder);
      builder.tolerance(slack);
    });
    SourceOptions source = new SourceOptions();
    source.namespace = namespace;
    source.context = context;
    source.kubeconfig = kubeconfig;
    source.requestTimeoutSeconds = requestTimeoutSeconds;
    source.rules = rules;
    source.maxInputBytes = maxInputBytes;
    source.showEnvValues = showEnvValues;
    try (Session session = Session.open(withSlack, source)) {
      List<ObjectRef> refs = new ArrayList<>();
      Set<GroupKind> kinds = new LinkedHashSet<>();
      long cap = maxInputBytes == null ? BlameEngine.MAX_INPUT_BYTES : Inputs.parseSize(maxInputBytes);
      for (Path file : filenames) {
        for (ObjectRef ref : BlameEngine.refsOf(session.namespace(), Inputs.read(cli, file.toString(), cap))) {
          if (UNWATCHED.contains(ref.groupKind())) {
            // Never read (their values would be): a Secret applied with the rest is not something to wait for.
            cli.err.println("note: not waiting for " + Escape.terminal(ref.groupKind().toLowerString() + "/"
                + ref.name()) + ": Secrets are never read");
          } else {
            refs.add(ref);
          }
        }
      }
      LabelSelector labels = scope.selector == null ? null : LabelSelector.parse(scope.selector);
      List<ResourceType> selected = new ArrayList<>();
      for (Targets.Target target : Targets.parse(objects, "kubectl blame wait deploy/web sts/db")) {
        ResourceType type = session.resolver().resolve(target.type());
        if (target.names().isEmpty()) {
          if (labels == null) {
            throw new CliException("wait needs names or -l for \"" + target.type() + "\": e.g. 'kubectl blame wait "
                + target.type() + "/NAME' or 'kubectl blame wait " + target.type() + " -l app=web'");
          }
          selected.add(type);
          kinds.add(type.kind);
        } else if (labels != null) {
          throw new CliException("-l/--selector selects objects of a type; it cannot be used with names");
        } else if (scope.allNamespaces) {
          throw new CliException("-A looks in every namespace; give -n NAMESPACE with names, or a type and -l");
        }
        for (String name : target.names()) {
          refs.add(session.target(type, name));
        }
      }
      if (labels != null && selected.isEmpty()) {
        throw new CliException("-l/--selector needs a type to select, e.g. 'kubectl blame wait deploy -l app=web'");
      }
      refs.forEach(r -> kinds.add(r.groupKind()));
      // Manifests that name their namespace are applied there: wait there, -n or not (a conflict is refused as
      // kubectl apply refuses it); objects in several namespaces are watched across namespaces.
      Set<String> spaces = new LinkedHashSet<>();
      refs.forEach(r -> spaces.add(r.namespace()));
      spaces.remove("");
      boolean everywhere = scope.allNamespaces;
      if (namespace != null) {
        for (String ns : spaces) {
          if (!ns.equals(namespace)) {
            throw new CliException("the namespace of a manifest, \"" + Escape.terminal(ns) + "\", does not match -n "
                + Escape.terminal(namespace) + ": give -n " + Escape.terminal(ns) + ", or no -n");
          }
        }
      } else if (spaces.size() == 1 && selected.isEmpty()) {
        session.namespace(spaces.iterator().next());
      } else if (spaces.size() > 1) {
        everywhere = true;
      }
      Blame blame = session.blame(everywhere, kinds);
      for (ResourceType type : selected) {
        String ns = everywhere || session.namespace() == null ? "" : session.namespace();
        for (dev.blame.api.Node node : blame.list(type.kind, ns)) {
          if (labels.matches(node.labels())) {
            refs.add(node.ref().key());
          }
        }
      }
      if (refs.isEmpty()) {
        throw new CliException("nothing to wait for: no " + String.join(", ", selected.stream()
            .map(ResourceType::qualifiedPlural).toList()) + " match -l " + scope.selector
            + (scope.allNamespaces ? "" : " in namespace \"" + session.namespace() + "\""));
      }
      refs = List.copyOf(new LinkedHashSet<>(refs));
      for (ObjectRef ref : refs) {
        if (blame.node(ref).isEmpty()) {
          Session.failIfUnreadable(blame.explain(ref));
          throw new CliException(ref.groupKind().toLowerString() + " \"" + ref.name() + "\" not found"
              + session.where(ref));
        }
      }
      WaitView view = new WaitView(cli, json, start);
      boolean github = "true".equals(cli.env.get("GITHUB_ACTIONS"));
      // GitHub Actions: the progress and the verdict quote the cluster, so workflow commands are off while they
      // print (GitHub's stop-commands, with a token nobody can guess), and on again for our own annotations.
      String resume = github && !json ? "blame-" + java.util.UUID.randomUUID() : null;
      if (resume != null) {
        cli.out.println("::stop-commands::" + resume);
      }
      WaitResult result = blame.waitFor(refs).timeout(deadline).onProgress(view::progress).await();
      view.result(result, deadline);
      if (junitReport != null) {
        JunitReport.write(junitReport, result);
      }
      if (resume != null) {
        cli.out.println("::" + resume + "::");
      }
      if (github) {
        view.annotations(result, deadline);
      }
      cli.out.flush();
      return result.outcome() == WaitOutcome.COMPLETE ? COMPLETE
          : result.outcome() == WaitOutcome.FAILED ? FAILED : TIMED_OUT;
    }
  }

  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

  /** Go-style durations as kubectl takes them: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}; a bare number is seconds. */
  static Duration parseDuration(String flag, String text) {
    String t = text.trim();
    Matcher m = DURATION.matcher(t);
    if (!t.matches("\\d+") && (t.isEmpty() || !m.matches())) {
      throw new CliException(flag + " \"" + text + "\" is not a duration such as 90s, 5m or 1h30m");
    }
    Duration d = Duration.ZERO;
    try {
      if (t.matches("\\d+")) {
        d = Duration.ofSeconds(Long.parseLong(t));
      } else {
        d = m.group(1) == null ? d : d.plusHours(Long.parseLong(m.group(1)));
        d = m.group(2) == null ? d : d.plusMinutes(Long.parseLong(m.group(2)));
        d = m.group(3) == null ? d : d.plusSeconds(Long.parseLong(m.group(3)));
        d = m.group(4) == null ? d : d.plusMillis(Long.parseLong(m.group(4)));
      }
    } catch (NumberFormatException | ArithmeticException e) {
      d = null;
    }
    if (d == null || d.compareTo(LONGEST) > 0) {
      throw new CliException(flag + " \"" + text + "\" is out of range: at most 8760h (a year)");
    }
    return d;
  }

  static String display(WaitState state) {
    return state.ref().groupKind().toLowerString() + "/" + state.ref().name();
  }
}
