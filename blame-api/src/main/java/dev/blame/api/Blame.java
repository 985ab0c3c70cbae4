package dev.blame.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query side of kubectl-blame: a graph of Kubernetes objects, judged by analyzers, that answers "why".
 * Obtain one from {@code dev.blame.core.BlameEngine}:
 *
 * <pre>{@code
 * try (Blame blame = BlameEngine.builder().client(kubernetesClient).namespace("shop").build()) {
 *   Explanation why = blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web"));
 *   why.culprits().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p><b>Consistency.</b> Every call sees one consistent state of the graph: updates arriving from a live
 * cluster are applied between calls, never half-way through one. Results are immutable.
 *
 * <p><b>Live reads.</b> Over a live cluster, a call watches what it needs the first time it needs it, and
 * returns once those watches have listed their objects: a call about one object (explain, node, verdict,
 * edges, waitFor) the kinds that object's explanation involves, {@link #list} its kind, {@link #findings()} and
 * {@link #kinds()} every kind some analyzer handles or reads. So a first call may take a few LISTs longer,
 * later calls read only the graph, and nothing is polled.
 *
 * <p><b>Thread-safety.</b> Implementations are safe for use by many threads.
 *
 * <p><b>Errors.</b> Problems with one object are data: a finding with {@link Health#UNKNOWN} and a reason.
 * Only infrastructure failures throw, as a {@link BlameException} naming the request.
 */
public interface Blame extends AutoCloseable {

  /**
   * Explains one object: its verdict, causes, effects, findings and culprits. An object that does not exist
   * gives an explanation with {@link Explanation#found()} false.
   *
   * @throws BlameException when a live source cannot reach the cluster to start watching the object's kind
   */
  Explanation explain(ObjectRef ref);

  /** The object, if it is in the graph. */
  Optional<Node> node(ObjectRef ref);

  /** The object's verdict, if it is in the graph. */
  Optional<Verdict> verdict(ObjectRef ref);

  /** Resolved edges from and to the object, sorted. */
  List<Edge> edges(ObjectRef ref);

  /** Objects of one kind, in one namespace or, with {@code ""} or null, in all; sorted. */
  List<Node> list(GroupKind kind, String namespace);

  /**
   * A wait for these objects to roll out; see {@link RolloutWait}. A live source watches their kinds; an
   * offline graph decides at once from what it holds.
   */
  RolloutWait waitFor(java.util.Collection<ObjectRef> refs);

  /** A fluent query over the findings of the whole graph. */
  FindingQuery findings();

  /** The kinds of the objects in the graph, sorted. */
  Set<GroupKind> kinds();

  /** The analyzers in use, in the order they run. */
  List<AnalyzerInfo> analyzers();

  /** Stops any watches; idempotent. Queries after close throw {@link IllegalStateException}. */
  @Override
  void close();
}
