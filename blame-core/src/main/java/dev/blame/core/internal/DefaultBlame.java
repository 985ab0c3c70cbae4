package dev.blame.core.internal;

import dev.blame.api.AnalyzerInfo;
import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.Edge;
import dev.blame.api.Explanation;
import dev.blame.api.FindingQuery;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.RolloutWait;
import dev.blame.api.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Blame} over a {@link GraphEngine} fed by one {@link Source}. Every query first has the source
 * prepare what it reads: a query about one object the kinds that object involves, a namespace-wide query
 * (findings, kinds) every kind, a listing its kind; a live source then watches what it did not yet.
 */
public final class DefaultBlame implements Blame {

  private final GraphEngine engine;
  private final Source source;
  private volatile boolean closed;

  /** Starts the source; on failure closes it and rethrows, leaving nothing running. */
  public DefaultBlame(GraphEngine engine, Source source) {
    this.engine = engine;
    this.source = source;
    try {
      source.start(engine);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  @Override
  public Explanation explain(ObjectRef ref) {
    prepare(ref);
    return engine.readStore(store -> Explainer.explain(engine, store, ref, engine.clock().instant()));
  }

  @Override
  public Optional<Node> node(ObjectRef ref) {
    prepare(ref);
    return engine.read(view -> view.node(ref));
  }

  @Override
  public Optional<Verdict> verdict(ObjectRef ref) {
    prepare(ref);
    return engine.read(view -> view.verdict(ref));
  }

  @Override
  public List<Edge> edges(ObjectRef ref) {
    prepare(ref);
    return engine.read(view -> {
      List<Edge> edges = new ArrayList<>(view.edgesFrom(ref));
      edges.addAll(view.edgesTo(ref));
      return List.copyOf(new TreeSet<>(edges));
    });
  }

  @Override
  public List<Node> list(GroupKind kind, String namespace) {
    open();
    if (namespace != null && !namespace.isEmpty()) {
      covered(kind, namespace, () -> kind + " in namespace " + dev.blame.api.Escape.terminal(namespace));
    }
    // Nodes, not verdicts: the kind alone is enough; a verdict asked for afterwards prepares its object.
    source.prepareKind(kind);
    // A kind the cluster refused to list is no empty list: the caller would tell its user "nothing found".
    engine.readStore(store -> store.unreadableReason(kind)).filter(why -> why.reason().equals(ReasonCode.FORBIDDEN))
        .ifPresent(why -> {
          throw new BlameException(BlameException.Kind.FORBIDDEN, kind + ": " + why.message());
        });
    return engine.readStore(store ->
        namespace == null || namespace.isEmpty() ? store.listAll(kind) : store.list(kind, namespace));
  }

  @Override
  public RolloutWait waitFor(Collection<ObjectRef> refs) {
    open();
    if (refs.isEmpty()) {
      throw new IllegalArgumentException("nothing to wait for: give at least one object");
    }
    refs.forEach(this::covered);
    return new Waiter(engine, source::prepare, source.isLive(), List.copyOf(refs));
  }

  @Override
  public FindingQuery findings() {
    open();
    source.prepareAll();
    return new Findings(engine);
  }

  @Override
  public Set<GroupKind> kinds() {
    open();
    source.prepareAll();
    return engine.readStore(GraphStore::kinds);
  }

  @Override
  public List<AnalyzerInfo> analyzers() {
    return engine.registry().infos();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      source.close();
    }
  }

  /**
   * A live graph that watches one namespace cannot tell about another: answering MISSING there (or waiting
   * until the deadline) would be a lie, so the query fails and says which namespace is watched.
   */
  private void covered(ObjectRef ref) {
    Objects.requireNonNull(ref, "ref");
    covered(ref.groupKind(), ref.namespace(),
        () -> ref.kind() + " " + dev.blame.api.Escape.terminal(ref.namespace() + "/" + ref.name()));
  }

  private void covered(GroupKind kind, String namespace, java.util.function.Supplier<String> what) {
    Optional<String> watched = source.onlyNamespace();
    if (watched.isPresent() && !namespace.isEmpty() && !watched.get().equals(namespace)) {
      String asked = dev.blame.api.Escape.terminal(namespace);
      throw new BlameException(BlameException.Kind.BAD_INPUT, what.get() + ": namespace " + asked
          + " is not watched by this Blame, which reads namespace " + dev.blame.api.Escape.terminal(watched.get())
          + " only; build one with namespace(\"" + asked + "\") or allNamespaces()");
    }
  }

  /** Open, {@code ref} in what this Blame covers (not null), and its kind read from the source. */
  private void prepare(ObjectRef ref) {
    open();
    covered(ref);
    source.prepare(ref);
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("this Blame is closed");
    }
  }
}
