package dev.blame.cli;

import dev.blame.api.Blame;
import dev.blame.api.Escape;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubectl blame status [TYPE[/NAME]...]}: health and reconcile status of every object, one a line. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Health and reconcile status of every object given (-f) or in the namespace, or of the "
        + "objects named. Events are not listed: they are evidence, attached to what they are about."})
final class StatusCommand implements Callable<Integer> {

  private final Cli cli;

  @Mixin
  SourceOptions source = new SourceOptions();

  @Mixin
  SelectionOptions scope = new SelectionOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "tree",
      description = "tree (a table), json or yaml (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Parameters(arity = "0..*", paramLabel = "TYPE[/NAME]",
      description = "Only these types or objects, e.g. deploy, pods, deploy/web.")
  List<String> selection = new ArrayList<>();

  StatusCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (output == OutputFormat.DOT || output == OutputFormat.MERMAID) {
      throw new CliException("status prints tree, json or yaml, not " + output);
    }
    scope.checkNamespace(source.namespace);
    try (Session session = Session.open(cli, source).oneShot()) {
      ResourceResolver resolver = session.offline() ? session.resolver() : null;
      if (resolver == null) {
        resolver = session.resolver();
      }
      Set<GroupKind> kinds = new LinkedHashSet<>();
      Map<GroupKind, ResourceType> types = new TreeMap<>();
      List<String[]> named = new ArrayList<>();
      for (String item : selection) {
        int slash = item.indexOf('/');
        ResourceType type = resolver.resolve(slash < 0 ? item : item.substring(0, slash));
        kinds.add(type.kind);
        types.put(type.kind, type);
        if (slash >= 0) {
          named.add(new String[] {item.substring(slash + 1)});
          named.get(named.size() - 1)[0] = item.substring(slash + 1);
        }
      }
      Blame blame = session.blame(scope.allNamespaces, kinds);
      List<ObjectRef> refs = new ArrayList<>();
      if (selection.isEmpty()) {
        for (GroupKind kind : blame.kinds()) {
          if (!isEvent(kind)) {
            refs.addAll(list(blame, session, kind));
          }
        }
        if (refs.isEmpty()) {
          // Nothing in view may be nothing there, or nothing readable: a refused list of pods says so (exit 3)
          // rather than "No objects found."
          list(blame, session, GroupKind.POD);
        }
      } else {
        for (String item : selection) {
          int slash = item.indexOf('/');
          ResourceType type = resolver.resolve(slash < 0 ? item : item.substring(0, slash));
          if (slash < 0) {
            refs.addAll(list(blame, session, type.kind));
          } else {
            ObjectRef ref = session.target(type, item.substring(slash + 1));
            if (blame.node(ref).isEmpty()) {
              Session.failIfUnreadable(blame.explain(ref));
              throw new CliException(type.qualifiedPlural() + " \"" + ref.name() + "\" not found" + session.where(ref));
            }
            refs.add(ref);
          }
        }
      }
      if (scope.selector != null) {
        LabelSelector labels = LabelSelector.parse(scope.selector);
        refs.removeIf(ref -> blame.node(ref).map(n -> !labels.matches(n.labels())).orElse(true));
      }
      List<ObjectRef> sorted = new ArrayList<>(new java.util.TreeSet<>(refs));
      print(blame, sorted, resolver);
      return ExitCode.OK;
    }
  }

  private List<ObjectRef> list(Blame blame, Session session, GroupKind kind) {
    String namespace = scope.allNamespaces ? "" : session.namespace();
    List<ObjectRef> refs = new ArrayList<>();
    for (Node node : blame.list(kind, namespace == null ? "" : namespace)) {
      refs.add(node.ref());
    }
    return refs;
  }

  private void print(Blame blame, List<ObjectRef> refs, ResourceResolver resolver) {
    Documents documents = new Documents(resolver);
    if (output == OutputFormat.JSON || output == OutputFormat.YAML) {
      List<Object> rows = new ArrayList<>();
      for (ObjectRef ref : refs) {
        rows.add(documents.status(ref, verdict(blame, ref)));
      }
      Documents.write(rows, output, cli.out);
      return;
    }
    if (refs.isEmpty()) {
      cli.out.println("No objects found.");
      cli.out.flush();
      return;
    }
    Table table = new Table("NAMESPACE", "NAME", "HEALTH", "STATUS", "REASON", "MESSAGE");
    for (ObjectRef ref : refs) {
      Map<String, Object> row = documents.status(ref, verdict(blame, ref));
      table.add(ref.namespace(), ref.groupKind().toLowerString() + "/" + ref.name(), (String) row.get("health"),
          (String) row.get("status"), Escape.identity((String) row.get("reason")), (String) row.get("message"));
    }
    cli.out.print(table);
    cli.out.flush();
  }

  private static Verdict verdict(Blame blame, ObjectRef ref) {
    return blame.verdict(ref).orElseGet(() -> blame.explain(ref).verdict());
  }

  private static boolean isEvent(GroupKind kind) {
    return kind.equals(GroupKind.EVENT) || kind.equals(GroupKind.EVENTS_V1_EVENT);
  }
}
