package dev.blame.cli;

import dev.blame.api.BlameTree;
import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -o dot} and {@code -o mermaid}: the cause and effect graph around the target. Every edge is drawn
 * the way it reads ({@code Deployment owns ReplicaSet}, {@code Pod mounts ConfigMap}); dependency edges are
 * dashed. Nodes are coloured by health and culprits are outlined.
 */
final class GraphRenderer {

  private record Edge(ObjectRef from, EdgeKind kind, ObjectRef to) {}

  private final Map<ObjectRef, BlameTree> nodes = new LinkedHashMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();
  private final Set<ObjectRef> culprits = new LinkedHashSet<>();
  private final ObjectRef target;

  GraphRenderer(Explanation why) {
    this.target = why.target().key();
    why.culprits().forEach(f -> culprits.add(f.subject().key()));
    collect(why.causes(), false);
    collect(why.effects(), true);
  }

  private void collect(BlameTree tree, boolean downstream) {
    nodes.putIfAbsent(tree.ref().key(), tree);
    for (BlameTree child : tree.children()) {
      EdgeKind kind = child.via().orElse(EdgeKind.OWNS);
      ObjectRef parent = tree.ref().key();
      ObjectRef me = child.ref().key();
      // Effects: the parent is upstream. Causes: the child is. The upstream end is `from` for control edges.
      ObjectRef up = downstream ? parent : me;
      ObjectRef down = downstream ? me : parent;
      edges.add(kind.fromIsUpstream() ? new Edge(up, kind, down) : new Edge(down, kind, up));
      collect(child, downstream);
    }
  }

  String dot() {
    StringBuilder out = new StringBuilder("digraph blame {\n");
    out.append("  rankdir=LR;\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (BlameTree node : nodes.values()) {
      ObjectRef ref = node.ref().key();
      out.append("  ").append(quote(id(ref))).append(" [label=")
          .append('"').append(Escape.dotContent(ref.kind())).append("\\n").append(Escape.dotContent(ref.name()))
          .append("\\n").append(Documents.name(node.verdict().health())).append('"')
          .append(", fillcolor=").append(quote(fill(node.verdict().health())));
      if (culprits.contains(ref)) {
        out.append(", color=\"#cc0000\", penwidth=2");
      }
      if (ref.equals(target)) {
        out.append(", peripheries=2");
      }
      out.append("];\n");
    }
    for (Edge e : edges) {
      out.append("  ").append(quote(id(e.from))).append(" -> ").append(quote(id(e.to)))
          .append(" [label=").append(quote(e.kind.label()))
          .append(e.kind.fromIsUpstream() ? "" : ", style=dashed").append("];\n");
    }
    return out.append("}\n").toString();
  }

  String mermaid() {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    List<ObjectRef> order = new ArrayList<>(nodes.keySet());
    for (BlameTree node : nodes.values()) {
      ObjectRef ref = node.ref().key();
      String health = Documents.name(node.verdict().health());
      out.append("  n").append(order.indexOf(ref)).append("[\"").append(Escape.mermaid(ref.kind())).append(' ')
          .append(Escape.mermaid(ref.name())).append("<br/>").append(health).append("\"]:::")
          .append(health.toLowerCase(java.util.Locale.ROOT)).append('\n');
    }
    for (Edge e : edges) {
      out.append("  n").append(order.indexOf(e.from))
          .append(e.kind.fromIsUpstream() ? " -- " : " -. ").append(e.kind.label())
          .append(e.kind.fromIsUpstream() ? " --> " : " .-> ").append('n').append(order.indexOf(e.to)).append('\n');
    }
    for (Health h : Health.values()) {
      out.append("  classDef ").append(Documents.name(h).toLowerCase(java.util.Locale.ROOT))
          .append(" fill:").append(fill(h)).append('\n');
    }
    int index = order.indexOf(target);
    if (index >= 0) {
      out.append("  style n").append(index).append(" stroke-width:3px\n");
    }
    for (ObjectRef culprit : culprits) {
      int i = order.indexOf(culprit);
      if (i >= 0 && i != index) {
        out.append("  style n").append(i).append(" stroke:#cc0000,stroke-width:2px\n");
      }
    }
    return out.toString();
  }

  private static String id(ObjectRef ref) {
    return ref.groupKind() + "/" + (ref.isClusterScoped() ? "" : ref.namespace() + "/") + ref.name();
  }

  private static String quote(String text) {
    return Escape.dot(text);
  }

  private static String fill(Health health) {
    switch (health) {
      case HEALTHY: return "#d9ead3";
      case SUSPENDED: return "#d0e0e3";
      case PROGRESSING: return "#fff2cc";
      case UNKNOWN: return "#eeeeee";
      case MISSING: return "#f4cccc";
      case DEGRADED: default: return "#ea9999";
    }
  }
}
