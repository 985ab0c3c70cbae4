package dev.blame.cli;

import dev.blame.api.Escape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * subcommands, options, option values picocli knows, resource types where a type goes, and object names where a
 * name goes ({@code deploy <TAB>}, {@code deploy/<TAB>}, {@code -n <TAB>}): those come from kubectl's own completion
 * ({@code kubectl __complete get TYPE ...}, kubectl 1.26+), with the namespace, context and kubeconfig given, so they
 * are what {@code kubectl get} would complete. kubectl is {@code $KUBECTL_BLAME_KUBECTL}, else {@code kubectl} on
 * PATH; when it is absent, slow (over {@value #KUBECTL_SECONDS} s) or fails, there are no names and nothing is
 * printed about it.
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

  /** How long kubectl may take to list names before completion goes on without them. */
  static final int KUBECTL_SECONDS = 5;

  /** The options passed on to kubectl when it completes names. */
  private static final Set<String> PASSED_ON = Set.of("-n", "--namespace", "--context", "--kubeconfig");

  private final Cli cli;

  @Spec
  CommandSpec spec;

  CompleteCommand(Cli cli) {
    this.cli = cli;
  }

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
    boolean optionValue = previous.startsWith("-") && !previous.contains("=") && takesValue(previous);
    boolean typePosition = wantsType(words);
    Set<String> candidates = new LinkedHashSet<>();
    for (CharSequence c : found) {
      String candidate = current + c;
      // Options only once a dash is typed, subcommands only where they can go (as kubectl completes).
      boolean fits = candidate.startsWith("-") ? current.startsWith("-")
          : optionValue || (typePosition && words.size() == 1 + firstPositional(words));
      if (!candidate.startsWith("__") && !candidate.isBlank() && fits) {
        candidates.add(candidate);
      }
    }
    boolean fileArg = previous.equals("-f") || previous.equals("--filename") || previous.equals("--kubeconfig")
        || previous.equals("--junit-report");
    if ((previous.equals("-n") || previous.equals("--namespace")) && !current.startsWith("-")) {
      // A namespace, as kubectl completes -n: its own list (with the context and kubeconfig given).
      List<String> query = new ArrayList<>(List.of("__complete", "get"));
      query.addAll(passedOn(words.subList(0, words.size() - 2)));
      query.add("namespaces");
      query.add(current);
      candidates.addAll(kubectlNames(query));
    }
    if (!fileArg && !current.startsWith("-") && !optionValue) {
      if (typePosition && !current.contains("/")) {
        TYPES.stream().filter(t -> t.startsWith(current)).forEach(candidates::add);
      } else {
        nameQuery(words).ifPresent(query -> candidates.addAll(kubectlNames(query)));
      }
    }
    candidates.forEach(root.getOut()::println);
    root.getOut().println(":" + (fileArg ? DEFAULT : NO_FILE));
    root.getOut().flush();
    return ExitCode.OK;
  }

  /**
   * The words of {@code kubectl __complete get ...} that complete the name being typed: the options passed on, then
   * {@code TYPE/PREFIX} (a slash typed where a type goes) or {@code TYPE PREFIX} (a word after the type).
   */
  private static Optional<List<String>> nameQuery(List<String> words) {
    List<String> options = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < words.size() - 1; i++) {
      String w = words.get(i);
      if (w.startsWith("-")) {
        String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
        boolean separate = !w.contains("=") && takesValue(w) && i + 1 < words.size() - 1;
        if (PASSED_ON.contains(name)) {
          options.add(w);
          if (separate) {
            options.add(words.get(i + 1));
          }
        }
        if (separate) {
          i++;
        }
        continue;
      }
      positional.add(w);
    }
    if (!positional.isEmpty() && (positional.get(0).equals("status") || positional.get(0).equals("wait"))) {
      positional.remove(0);
    }
    String current = words.get(words.size() - 1);
    if (positional.isEmpty() && !current.contains("/")) {
      return Optional.empty();
    }
    List<String> query = new ArrayList<>(List.of("__complete", "get"));
    query.addAll(options);
    if (positional.isEmpty()) {
      query.add(current);
    } else if (positional.stream().noneMatch(p -> p.contains("/"))) {
      query.add(positional.get(0));
      query.add(current);
    } else {
      return Optional.empty();
    }
    return Optional.of(query);
  }

  /** The options of {@code words} that kubectl is given when it completes namespaces (context, kubeconfig). */
  private static List<String> passedOn(List<String> words) {
    List<String> options = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
      if (PASSED_ON.contains(name) && !name.equals("-n") && !name.equals("--namespace")) {
        options.add(w);
        if (!w.contains("=") && i + 1 < words.size()) {
          options.add(words.get(++i));
        }
      }
    }
    return options;
  }

  /** The candidates kubectl prints for {@code query} (its directive line dropped); none when it cannot answer. */
  private List<String> kubectlNames(List<String> query) {
    List<String> command = new ArrayList<>();
    command.add(cli.env.getOrDefault("KUBECTL_BLAME_KUBECTL", "kubectl"));
    command.addAll(query);
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
        try {
          return p.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
          return new byte[0];
        }
      });
      if (!p.waitFor(KUBECTL_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      if (p.exitValue() != 0) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (String line : new String(out.get(KUBECTL_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        // Candidates are one word each; anything else (a directive, a message) is not one.
        if (!name.isEmpty() && !name.startsWith(":")
            && name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Escape.isUnsafe(c))) {
          names.add(name);
        }
      }
      return names;
    } catch (java.io.IOException | ExecutionException | TimeoutException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** The index of the first word that is no option nor option value: where a subcommand goes. */
  private static int firstPositional(List<String> words) {
    int i = 0;
    while (i < words.size() - 1 && words.get(i).startsWith("-")) {
      i += !words.get(i).contains("=") && takesValue(words.get(i)) ? 2 : 1;
    }
    return i;
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
