package dev.blame.cli;

import dev.blame.api.BlameTree;
import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameViews;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of {@code -o tree}: the target's verdict, then the library's two views of the talk
 * ({@link BlameViews#causeToEffect} and {@link BlameViews#effectToCause}), then what those views leave out: the
 * culprits' reason codes and evidence, worst first, and the objects around the target as a tree with each one's
 * verdict and the Events that matter about it.
 */
final class TreeRenderer {

  private static final String RESET = "\u001b[0m";

  private final boolean color;

  TreeRenderer(boolean color) {
    this.color = color;
  }

  String render(Explanation why) {
    StringBuilder out = new StringBuilder();
    ObjectRef target = why.target();
    out.append(bold(Escape.terminal(target.display())))
        .append(target.isClusterScoped() ? "" : " -n " + Escape.terminal(target.namespace()))
        .append(" is ").append(health(why.health())).append(" (").append(Documents.name(why.status())).append(")");
    if (!why.verdict().message().isEmpty()) {
      out.append(": ").append(Escape.terminal(why.verdict().message()));
    }
    out.append('\n');
    if (!why.found()) {
      return out.toString();
    }

    out.append('\n').append(bold("Cause \u2192 effect:")).append('\n');
    out.append(BlameViews.causeToEffect(why));
    out.append('\n').append(bold("Effect \u2192 cause:")).append('\n');
    out.append(BlameViews.effectToCause(why));

    if (!why.culprits().isEmpty()) {
      out.append('\n').append(bold("Culprits, worst first:")).append('\n');
      for (Finding f : why.culprits()) {
        out.append("  ").append(health(f.health())).append(' ').append(Escape.terminal(f.subject().display()))
            .append(Escape.terminal(f.container().map(c -> " [" + c + "]").orElse("")))
            .append(": ").append(Escape.identity(f.reason().code())).append(since(f.since(), why.at())).append('\n');
        for (Evidence e : f.evidence()) {
          out.append("      ").append(dim(Escape.terminal(e.path() + " = " + e.value()))).append('\n');
        }
      }
    }

    out.append('\n').append(bold("Objects:")).append('\n');
    List<String[]> rows = new ArrayList<>();
    downstream(why.effects(), "", "", rows, why.at());
    upstream(why.causes(), "", rows, why.at());
    appendRows(out, rows);
    return out.toString();
  }

  /** The target and what it drives, each with its verdict and Events. */
  private void downstream(BlameTree tree, String lead, String childLead, List<String[]> rows, Instant now) {
    String label = tree.via().map(v -> forward(v) + " ").orElse("") + tree.ref().display();
    rows.add(new String[] {lead + label, state(tree), detail(tree)});
    List<BlameTree> children = tree.children();
    String bar = children.isEmpty() ? "   " : "\u2502  ";
    for (EventRecord e : events(tree)) {
      rows.add(new String[] {childLead + bar + event(e, now)});
    }
    if (tree.truncated()) {
      rows.add(new String[] {childLead + "   \u2026"});
    }
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      downstream(children.get(i), childLead + (last ? "\u2514\u2500 " : "\u251c\u2500 "),
          childLead + (last ? "   " : "\u2502  "), rows, now);
    }
  }

  /** What drives or feeds the target (its owners, the objects it mounts or references), upward. */
  private void upstream(BlameTree tree, String childLead, List<String[]> rows, Instant now) {
    List<BlameTree> children = tree.children();
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      BlameTree child = children.get(i);
      String via = child.via().map(v -> backward(v) + " ").orElse("");
      rows.add(new String[] {childLead + (last ? "\u2514\u2500 " : "\u251c\u2500 ") + via + child.ref().display(),
          state(child), detail(child)});
      String next = childLead + (last ? "   " : "\u2502  ");
      for (EventRecord e : events(child)) {
        rows.add(new String[] {next + (child.children().isEmpty() ? "   " : "\u2502  ") + event(e, now)});
      }
      if (child.truncated()) {
        rows.add(new String[] {next + "   \u2026"});
      }
      upstream(child, next, rows, now);
    }
  }

  /** Rows of three cells are aligned in columns; one-cell rows (events) are not. */
  private void appendRows(StringBuilder out, List<String[]> raw) {
    // Every cell holds cluster text (names, messages, Events): one line each, no control sequences.
    List<String[]> rows = raw.stream().map(r -> java.util.Arrays.stream(r).map(Escape::terminal)
        .toArray(String[]::new)).toList();
    int width = rows.stream().filter(r -> r.length == 3).mapToInt(r -> Escape.terminalWidth(r[0])).max().orElse(0);
    int stateWidth = rows.stream().filter(r -> r.length == 3).mapToInt(r -> Escape.terminalWidth(r[1])).max().orElse(0);
    for (String[] row : rows) {
      out.append("  ");
      if (row.length == 1) {
        out.append(dim(row[0]));
      } else {
        out.append(row[0]).append(" ".repeat(width - Escape.terminalWidth(row[0]) + 2));
        String detail = row[2];
        out.append(detail.isEmpty() ? colorState(row[1])
            : colorState(row[1]) + " ".repeat(stateWidth - Escape.terminalWidth(row[1]) + 2) + detail);
      }
      out.append('\n');
    }
  }

  /**
   * The Events worth reading next to a verdict: every Warning, and the controllers' Normal ones; a pod's Normal
   * Events (Scheduled, Pulling, Pulled, Created, Started) are routine and left to {@code kubectl describe}.
   */
  private static List<EventRecord> events(BlameTree tree) {
    boolean pod = tree.ref().groupKind().equals(GroupKind.POD);
    return tree.events().stream().filter(e -> !(pod && "Normal".equals(e.type()))).toList();
  }

  private static String state(BlameTree tree) {
    return Documents.name(tree.verdict().health());
  }

  private static String detail(BlameTree tree) {
    Optional<Finding> worst = tree.verdict().worstFinding();
    if (worst.isPresent()) {
      Finding f = worst.get();
      return Escape.identity(f.reason().code()) + ": " + f.message();
    }
    return tree.verdict().message();
  }

  private static String event(EventRecord e, Instant now) {
    String count = e.count() > 1 ? " (x" + e.count() + ")" : "";
    String age = e.lastTime().or(e::firstTime).map(t -> " " + age(t, now) + " ago").orElse("");
    return e.type() + " " + Escape.identity(e.reason()) + age + count + ": " + e.message();
  }

  private static String since(Optional<Instant> since, Instant now) {
    return since.map(t -> " (for " + age(t, now) + ")").orElse("");
  }

  /** kubectl's short ages: 5s, 3m, 2h, 4d. */
  static String age(Instant time, Instant now) {
    Duration d = Duration.between(time, now);
    if (d.isNegative()) {
      return "0s";
    }
    long s = d.getSeconds();
    if (s < 120) {
      return s + "s";
    }
    if (s < 2 * 3600) {
      return s / 60 + "m";
    }
    if (s < 48 * 3600) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }

  /** How a parent relates to its child, downstream. */
  private static String forward(EdgeKind kind) {
    switch (kind) {
      case OWNS: return "owns";
      case SELECTS: return "selects";
      case ROUTES_TO: return "routes to";
      case SCALES: return "scales";
      case MOUNTS: return "mounted by";
      case REFERENCES: return "referenced by";
      case BOUND_TO: return "bound by";
      case RUNS_ON: return "runs";
      case INJECTED_BY: return "injected into";
      case REVISION_OF: return "holds the revision of";
      default: return kind.label();
    }
  }

  /** How a child relates to its parent, upstream. */
  private static String backward(EdgeKind kind) {
    switch (kind) {
      case OWNS: return "owned by";
      case SELECTS: return "selected by";
      case ROUTES_TO: return "routed to by";
      case SCALES: return "scaled by";
      case MOUNTS: return "mounts";
      case REFERENCES: return "references";
      case BOUND_TO: return "bound to";
      case RUNS_ON: return "runs on";
      case INJECTED_BY: return "injected by";
      case REVISION_OF: return "revision of";
      default: return kind.label();
    }
  }

  private String health(Health health) {
    return colorState(Documents.name(health));
  }

  private String colorState(String state) {
    if (!color) {
      return state;
    }
    String code;
    switch (state) {
      case "Healthy": code = "32"; break;
      case "Progressing": code = "33"; break;
      case "Suspended": code = "36"; break;
      case "Unknown": code = "35"; break;
      default: code = "31"; break;
    }
    return "\u001b[" + code + "m" + state + RESET;
  }

  private String bold(String text) {
    return color ? "\u001b[1m" + text + RESET : text;
  }

  private String dim(String text) {
    return color ? "\u001b[2m" + text + RESET : text;
  }
}
