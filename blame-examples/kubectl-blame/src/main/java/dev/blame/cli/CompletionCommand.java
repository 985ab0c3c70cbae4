package dev.blame.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl-blame completion [bash|zsh|fish]}: a completion script. Bash gets picocli's; zsh and fish ask
 * {@code kubectl-blame __complete} (cobra's protocol, {@link CompleteCommand}), which is also what kubectl runs
 * through the {@code kubectl_complete-blame} script for {@code kubectl blame <TAB>}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Prints a completion script for bash (default), zsh or fish.", "",
        "  source <(kubectl-blame completion bash)",
        "  kubectl-blame completion zsh > \"${fpath[1]}/_kubectl-blame\"",
        "  kubectl-blame completion fish > ~/.config/fish/completions/kubectl-blame.fish", "",
        "For `kubectl blame <TAB>`, put kubectl_complete-blame (shipped beside the launcher) on PATH: kubectl 1.26+ "
            + "runs it."})
final class CompletionCommand implements Callable<Integer> {

  static final String NAME = "kubectl-blame";

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
      description = "bash, zsh or fish (default: ${DEFAULT-VALUE}).")
  String shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script = switch (shell.toLowerCase(Locale.ROOT)) {
      case "bash" -> AutoComplete.bash(NAME, root);
      case "zsh" -> zsh();
      case "fish" -> fish();
      default -> throw new CliException("completion: \"" + shell + "\" is not a shell this knows; give bash, zsh "
          + "or fish");
    };
    root.getOut().print(script);
    root.getOut().flush();
    return ExitCode.OK;
  }

  private static String zsh() {
    return """
        #compdef kubectl-blame
        # zsh completion for kubectl-blame: asks `kubectl-blame __complete WORDS... CURRENT`.
        _kubectl-blame() {
          local -a out candidates
          local directive
          out=("${(@f)$(kubectl-blame __complete "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
          directive=${out[-1]#:}
          candidates=("${(@)out[1,-2]}")
          if (( ${#candidates} )); then
            compadd -- "${candidates[@]}"
          elif (( ! (directive & 4) )); then
            _files
          fi
        }
        compdef _kubectl-blame kubectl-blame
        """;
  }

  private static String fish() {
    return """
        # fish completion for kubectl-blame: asks `kubectl-blame __complete WORDS... CURRENT`.
        function __kubectl_blame_complete
            set -l words (commandline -opc)
            set -e words[1]
            kubectl-blame __complete $words (commandline -ct) 2>/dev/null | string match -v -r '^:'
        end
        complete -c kubectl-blame -f -a '(__kubectl_blame_complete)'
        """;
  }
}
