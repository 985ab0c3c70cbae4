package dev.blame.cli;

import java.util.Locale;

/** {@code -o/--output}: what the answer looks like. */
enum OutputFormat {
  TREE,
  JSON,
  YAML,
  DOT,
  MERMAID;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
