package dev.blame.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl-blame completion}: a bash (and zsh, via bashcompinit) completion script, from picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Prints a completion script for bash and zsh (zsh: run `autoload -U +X bashcompinit && "
        + "bashcompinit` first).", "", "  source <(kubectl-blame completion)"})
final class CompletionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    root.getOut().print(AutoComplete.bash(spec.root().name(), root));
    root.getOut().flush();
    return ExitCode.OK;
  }
}
