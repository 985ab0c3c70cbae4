package dev.blame.cli;

import dev.blame.api.Activity;
import dev.blame.api.BlameTree;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The text of {@code -o tree}: the verdict, the culprits worst first, and the talk's two views, cause to
 * effect (the target and what it drives) and effect to cause (from each culprit back up to the target and on
 * to what drives it). Kept in one class so it can give way to the library's {@code BlameViews}.
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
    out.append(bold(target.display()))
        .append(target.isClusterScoped() ? "" : " -n " + target.namespace())
        .append(" is ").append(health(why.health())).append(" (").append(Documents.name(why.status())).append(")");
    if (!why.verdict().message().isEmpty()) {
      out.append(": ").append(why.verdict().message());
    }
    out.append('\n');
    why.revision().ifPresent(r -> out.append("Revision ").append(r.number()).append(" of ")
        .append(r.owner().display()).append('\n'));
    if (!why.found()) {
      return out.toString();
    }

    out.append('\n');
    if (why.culprits().isEmpty()) {
      out.append("Culprits: none.\n");
    } else {
      out.append(bold("Culprits, worst first:")).append('\n');
      for (Finding f : why.culprits()) {
        out.append("  ").append(health(f.health())).append(' ').append(f.subject().display())
            .append(f.container().map(c -> " [" + c + "]").orElse(""))
            .append(": ").append(f.reason()).append('\n');
        out.append("      ").append(f.message()).append(since(f.since(), why.at())).append('\n');
        for (Evidence e : f.evidence()) {
          out.append("      ").append(dim(e.path() + " = " + e.value())).append('\n');
        }
      }
    }

    out.append('\n').append(bold("Cause \u2192 effect:")).append('\n');
    List<String[]> rows = new ArrayList<>();
    causeToEffect(why.effects(), "", "", true, rows, why.at());
    appendRows(out, rows);

    out.append('\n').append(bold("Effect \u2192 cause:")).append('\n');
    rows = new ArrayList<>();
    Set<ObjectRef> seen = new LinkedHashSet<>();
    for (Finding culprit : why.culprits()) {
      if (!seen.add(culprit.subject())) {
        continue;
      }
      List<BlameTree> path = pathTo(why.effects(), culprit.subject());
      if (path.isEmpty()) {
        // A failing dependency: its place is in the causes tree.
        continue;
      }
      effectToCause(path, why, rows);
    }
    if (rows.isEmpty()) {
      effectToCause(List.of(why.causes()), why, rows);
    }
    appendRows(out, rows);
    return out.toString();
  }

  private void causeToEffect(BlameTree tree, String lead, String childLead, boolean root, List<String[]> rows,
      Instant now) {
    String label = tree.via().map(v -> forward(v) + " ").orElse("") + tree.ref().display();
    rows.add(new String[] {lead + label, state(tree), detail(tree)});
    List<String> extra = new ArrayList<>();
    for (Activity a : tree.verdict().activities()) {
      extra.add("\u2192 " + a);
    }
    for (EventRecord e : tree.events()) {
      extra.add(event(e, now));
    }
    boolean hasChildren = !tree.children().isEmpty();
    for (String line : extra) {
      rows.add(new String[] {childLead + (hasChildren ? "\u2502  " : "   ") + line});
    }
    if (tree.truncated()) {
      rows.add(new String[] {childLead + "   \u2026"});
    }
    List<BlameTree> children = tree.children();
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      causeToEffect(children.get(i), childLead + (last ? "\u2514\u2500 " : "\u251c\u2500 "),
          childLead + (last ? "   " : "\u2502  "), false, rows, now);
    }
  }

  /** From the culprit (last of the path) up to the target (first), then on through the target's causes. */
  private void effectToCause(List<BlameTree> path, Explanation why, List<String[]> rows) {
    String lead = "";
    String childLead = "";
    for (int i = path.size() - 1; i >= 0; i--) {
      BlameTree node = path.get(i);
      String via = i == path.size() - 1 ? "" : backward(path.get(i + 1).via().orElse(EdgeKind.OWNS)) + " ";
      rows.add(new String[] {lead + via + node.ref().display(), state(node), detail(node)});
      if (i > 0) {
        lead = childLead + "\u2514\u2500 ";
        childLead = childLead + "   ";
      }
    }
    upstreamChildren(why.causes(), childLead, rows);
  }

  private void upstreamChildren(BlameTree tree, String childLead, List<String[]> rows) {
    List<BlameTree> children = tree.children();
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      BlameTree child = children.get(i);
      String via = child.via().map(v -> backward(v) + " ").orElse("");
      rows.add(new String[] {childLead + (last ? "\u2514\u2500 " : "\u251c\u2500 ") + via + child.ref().display(),
          state(child), detail(child)});
      if (child.truncated()) {
        rows.add(new String[] {childLead + (last ? "   " : "\u2502  ") + "   \u2026"});
      }
      upstreamChildren(child, childLead + (last ? "   " : "\u2502  "), rows);
    }
  }

  private static List<BlameTree> pathTo(BlameTree tree, ObjectRef ref) {
    if (tree.ref().equals(ref)) {
      return new ArrayList<>(List.of(tree));
    }
    for (BlameTree child : tree.children()) {
      List<BlameTree> path = pathTo(child, ref);
      if (!path.isEmpty()) {
        path.add(0, tree);
        return path;
      }
    }
    return List.of();
  }

  /** Rows of three cells are aligned in columns; one-cell rows (events, activities) are not. */
  private void appendRows(StringBuilder out, List<String[]> rows) {
    int width = rows.stream().filter(r -> r.length == 3).mapToInt(r -> r[0].length()).max().orElse(0);
    int stateWidth = rows.stream().filter(r -> r.length == 3).mapToInt(r -> r[1].length()).max().orElse(0);
    for (String[] row : rows) {
      out.append("  ");
      if (row.length == 1) {
        out.append(dim(row[0]));
      } else {
        out.append(row[0]).append(" ".repeat(width - row[0].length() + 2));
        String detail = row[2];
        out.append(detail.isEmpty() ? colorState(row[1])
            : colorState(row[1]) + " ".repeat(stateWidth - row[1].length() + 2) + detail);
      }
      out.append('\n');
    }
  }

  private static String state(BlameTree tree) {
    return Documents.name(tree.verdict().health());
  }

  private static String detail(BlameTree tree) {
    Optional<Finding> worst = tree.verdict().worstFinding();
    if (worst.isPresent()) {
      Finding f = worst.get();
      return f.reason() + ": " + f.message();
    }
    return tree.verdict().message();
  }

  private static String event(EventRecord e, Instant now) {
    String count = e.count() > 1 ? " (x" + e.count() + ")" : "";
    String age = e.lastTime().or(e::firstTime).map(t -> " " + age(t, now) + " ago").orElse("");
    return e.type() + " " + e.reason() + age + count + ": " + e.message();
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

  /** How a parent relates to its child in the cause-to-effect view. */
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

  /** How a child relates to its parent in the effect-to-cause view. */
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
