package dev.blame.cli;

import dev.blame.api.AnalyzerInfo;
import dev.blame.api.Blame;
import dev.blame.api.Escape;
import dev.blame.core.BlameEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubectl blame analyzers}: the analyzers in use, in the order they run, and where they come from. */
@Command(name = "analyzers", mixinStandardHelpOptions = true,
    description = {"Lists the analyzers in use, in the order they run: id, kinds, origin (registered in code "
        + "or discovered on the class path) and the jar they were loaded from."})
final class AnalyzersCommand implements Callable<Integer> {

  private final Cli cli;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "tree",
      description = "tree (a table), json or yaml (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Mixin
  HealthRuleOptions rules = new HealthRuleOptions();

  AnalyzersCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (output == OutputFormat.DOT || output == OutputFormat.MERMAID) {
      throw new CliException("analyzers prints tree, json or yaml, not " + output);
    }
    BlameEngine.Builder builder = BlameEngine.builder().manifests("none", "");
    cli.engine.accept(builder);
    rules.apply(builder, null, cli.cwd);
    List<AnalyzerInfo> analyzers;
    try (Blame blame = builder.build()) {
      analyzers = blame.analyzers();
    }
    if (output == OutputFormat.JSON || output == OutputFormat.YAML) {
      List<Object> rows = new ArrayList<>();
      analyzers.forEach(a -> rows.add(Documents.analyzer(a)));
      Documents.write(rows, output, cli.out);
      return ExitCode.OK;
    }
    if (analyzers.isEmpty()) {
      cli.out.println("No analyzers found: every object will be judged Unknown (NoAnalyzer).");
    } else {
      Table table = new Table("ID", "KINDS", "ORIGIN", "LOCATION");
      for (AnalyzerInfo a : analyzers) {
        // The kinds a rule file names are who a rule is for: a Cyrillic "Widgеt" shows its U+0435 as an escape.
        table.add(a.id(), Escape.identity(a.kinds()), Documents.name(a.origin()), a.location());
      }
      cli.out.print(table);
    }
    cli.out.flush();
    return ExitCode.OK;
  }
}
