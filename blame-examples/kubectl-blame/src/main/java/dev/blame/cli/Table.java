package dev.blame.cli;

import dev.blame.api.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's plain tables: upper-case headers, columns separated by three spaces, no trailing blanks. Columns are
 * aligned by the columns a terminal gives the text ({@link Escape#terminalWidth}): wide CJK and emoji count two.
 */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    rows.add(headers);
  }

  /** A row; each cell is cluster text made one line without control sequences ({@link Escape#terminal}). */
  Table add(String... cells) {
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = Escape.terminal(cells[i]);
    }
    rows.add(safe);
    return this;
  }

  @Override
  public String toString() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], Escape.terminalWidth(row[i]));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - Escape.terminalWidth(row[i]) + 3));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
