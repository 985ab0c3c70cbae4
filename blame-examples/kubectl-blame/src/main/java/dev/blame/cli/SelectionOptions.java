package dev.blame.cli;

import picocli.CommandLine.Option;

/**
 * {@code -l/--selector} and {@code -A/--all-namespaces} as {@code kubectl get} and {@code kubectl wait} take them,
 * on the commands that select objects of a type ({@code status}, {@code wait}).
 */
final class SelectionOptions {

  @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
      description = "Only the objects of the types given whose labels match, e.g. -l app=web,tier!=cache.")
  String selector;

  @Option(names = {"-A", "--all-namespaces"},
      description = "In every namespace; not with -n.")
  boolean allNamespaces;

  /** Refuses {@code -A} with {@code -n}, as kubectl does. */
  void checkNamespace(String namespace) {
    if (allNamespaces && namespace != null) {
      throw new CliException("-A and -n cannot be used together");
    }
  }
}
