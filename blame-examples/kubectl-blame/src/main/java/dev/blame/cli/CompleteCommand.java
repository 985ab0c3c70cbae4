package dev.blame.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl-blame __complete ARGS... CURRENT} (hidden): the candidates for the last word, one a line, then
 * {@code :DIRECTIVE}, as cobra programs answer. kubectl (1.26+) runs {@code kubectl_complete-blame ARGS... CURRENT}
 * for {@code kubectl blame <TAB>}; that script calls this. The zsh and fish scripts call it too. Candidates:
 * subcommands, options, option values picocli knows, and resource types where a type goes.
 */
@Command(name = "__complete", hidden = true, description = "Completion candidates, as cobra's __complete prints them.")
final class CompleteCommand implements Callable<Integer> {

  /** cobra's ShellCompDirectiveNoFileComp: do not fall back to file names. */
  static final int NO_FILE = 4;
  /** cobra's ShellCompDirectiveDefault: the shell may complete file names. */
  static final int DEFAULT = 0;

  static final List<String> TYPES = List.of("deployments", "statefulsets", "daemonsets", "replicasets", "pods",
      "jobs", "cronjobs", "services", "ingresses", "persistentvolumeclaims", "horizontalpodautoscalers",
      "poddisruptionbudgets", "configmaps", "nodes", "namespaces", "deploy", "sts", "ds", "rs", "po", "svc", "ing",
      "pvc", "hpa", "pdb", "cm", "cj");

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "ARG")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    List<String> words = args.isEmpty() ? List.of("") : args;
    String current = words.get(words.size() - 1);
    String previous = words.size() > 1 ? words.get(words.size() - 2) : "";
    List<CharSequence> found = new ArrayList<>();
    String[] line = words.toArray(String[]::new);
    AutoComplete.complete(spec.root(), line, line.length - 1, current.length(), current.length(), found);
    Set<String> candidates = new LinkedHashSet<>();
    for (CharSequence c : found) {
      String candidate = current + c;
      if (!candidate.startsWith("__") && !candidate.isBlank()) {
        candidates.add(candidate);
      }
    }
    boolean fileArg = previous.equals("-f") || previous.equals("--filename") || previous.equals("--kubeconfig")
        || previous.equals("--junit-report");
    if (!fileArg && !current.startsWith("-") && !previous.startsWith("-") && wantsType(words)) {
      TYPES.stream().filter(t -> t.startsWith(current)).forEach(candidates::add);
    }
    candidates.forEach(root.getOut()::println);
    root.getOut().println(":" + (fileArg ? DEFAULT : NO_FILE));
    root.getOut().flush();
    return ExitCode.OK;
  }

  /** A type goes here: no positional argument yet, in blame itself or in status and wait. */
  private static boolean wantsType(List<String> words) {
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < words.size() - 1; i++) {
      String w = words.get(i);
      if (w.startsWith("-")) {
        if (!w.contains("=") && takesValue(w)) {
          i++;
        }
        continue;
      }
      positional.add(w);
    }
    if (positional.isEmpty()) {
      return true;
    }
    return (positional.get(0).equals("status") || positional.get(0).equals("wait")) && positional.size() == 1;
  }

  private static boolean takesValue(String option) {
    return Set.of("-n", "--namespace", "-o", "--output", "-f", "--filename", "--context", "--kubeconfig", "-l",
        "--selector", "--now", "--request-timeout", "--timeout", "--grace", "--allowed-restarts", "--junit-report",
        "--port", "--write-kubeconfig").contains(option);
  }
}
