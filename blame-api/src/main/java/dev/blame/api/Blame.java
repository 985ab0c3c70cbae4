package dev.blame.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.LinkedHashSet;
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
   * @param ref the object; version and uid are ignored
   * @return the explanation, never null
   * @throws BlameException of kind BAD_INPUT when the object is in a namespace a live Blame does not watch,
   *     or another kind when a live source cannot reach the cluster to start watching the kinds involved
   */
  Explanation explain(ObjectRef ref);

  /**
   * {@return the object, or empty when the graph does not hold it}.
   *
   * @param ref the object
   * @throws BlameException as {@link #explain}
   */
  Optional<Node> node(ObjectRef ref);

  /**
   * {@return the object's verdict, or empty when the graph does not hold it}.
   *
   * @param ref the object
   * @throws BlameException as {@link #explain}
   */
  Optional<Verdict> verdict(ObjectRef ref);

  /**
   * {@return the resolved edges from and to the object, sorted; empty when it has none or is not in the graph}.
   *
   * @param ref the object
   * @throws BlameException as {@link #explain}
   */
  List<Edge> edges(ObjectRef ref);

  /**
   * {@return the objects of one kind, sorted by namespace and name}. A live source watches the kind first.
   *
   * @param kind the kind
   * @param namespace one namespace, or {@code ""} or null for every namespace the Blame reads
   * @throws BlameException of kind BAD_INPUT when a live Blame does not watch that namespace, or another kind
   *     when the kind cannot be watched
   */
  List<Node> list(GroupKind kind, String namespace);

  /**
   * A wait for these objects to roll out; see {@link RolloutWait}. A live source watches their kinds; an
   * offline graph decides at once from what it holds. After an apply, prefer {@link #waitForApplied}.
   *
   * @param refs the objects, at least one
   * @return a wait, configured further and run with {@link RolloutWait#await()}
   * @throws IllegalArgumentException when {@code refs} is empty
   * @throws BlameException of kind BAD_INPUT when an object is in a namespace a live Blame does not watch
   */
  RolloutWait waitFor(Collection<ObjectRef> refs);

  /**
   * The safe wait after an apply, in one call: waits for the objects the apply returned, and treats each as
   * pending until the graph holds it in the applied uid and generation ({@link RolloutWait#applied}), so an old
   * object's stale "Ready" cannot complete the wait. Give the objects as the API server returned them (from
   * create, replace, patch or server-side apply), not the manifests that were sent: those carry no uid.
   *
   * <pre>{@code
   * List<HasMetadata> applied = client.resourceList(manifests).inNamespace("shop").createOrReplace();
   * WaitResult result = blame.waitForApplied(applied).timeout(Duration.ofMinutes(5)).await();
   * }</pre>
   *
   * @param applied the objects as applied, each with its kind, name, namespace (when namespaced) and uid
   * @return a wait for them, configured further like any {@link RolloutWait}
   * @throws IllegalArgumentException when {@code applied} is empty, or an object has no kind, name or uid
   * @throws BlameException of kind BAD_INPUT when an object is in a namespace this Blame does not watch
   */
  default RolloutWait waitForApplied(
      Collection<? extends HasMetadata> applied) {
    Set<ObjectRef> refs = new LinkedHashSet<>();
    for (HasMetadata object : applied) {
      ObjectRef ref = ObjectRef.from(object).key();
      String uid = object.getMetadata().getUid();
      if (uid == null || uid.isEmpty()) {
        throw new IllegalArgumentException(Escape.terminal(ref.kind() + " "
            + (ref.namespace().isEmpty() ? "" : ref.namespace() + "/") + ref.name()) + " has no metadata.uid: give the objects as the API"
            + " server returned them from the apply, not the manifests that were sent");
      }
      refs.add(ref);
    }
    return waitFor(List.copyOf(refs)).applied(applied);
  }

  /**
   * {@return a fluent query over the findings of the whole graph}. A live source first watches every kind some
   * analyzer handles or reads.
   *
   * @throws BlameException when a live source cannot watch those kinds
   */
  FindingQuery findings();

  /**
   * {@return the kinds of the objects in the graph, sorted}. A live source first watches every kind some
   * analyzer handles or reads.
   *
   * @throws BlameException when a live source cannot watch those kinds
   */
  Set<GroupKind> kinds();

  /** {@return the analyzers in use, in the order they run}. Answered without touching the cluster. */
  List<AnalyzerInfo> analyzers();

  /** Stops any watches; idempotent. Queries after close throw {@link IllegalStateException}. */
  @Override
  void close();
}
