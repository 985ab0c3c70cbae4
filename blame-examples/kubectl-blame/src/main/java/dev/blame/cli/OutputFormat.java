package dev.blame.cli;

import java.util.Locale;

/** {@code -o/--output}: what the answer looks like. */
enum OutputFormat {
  TREE,
  JSON,
  YAML,
  DOT,
  MERMAID;

  /** Reads {@code -o} case-insensitively, naming the choices when the value is not one. */
  static OutputFormat parse(String text) {
    for (OutputFormat format : values()) {
      if (format.name().equalsIgnoreCase(text.trim())) {
        return format;
      }
    }
    throw new picocli.CommandLine.TypeConversionException(
        "expected one of tree, json, yaml, dot, mermaid but was '" + text + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
