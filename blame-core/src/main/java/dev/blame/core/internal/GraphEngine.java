package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.Tolerance;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph engine: applies changes to the {@link GraphStore} and re-analyzes only what they touch.
 *
 * <p>One writer at a time applies a batch of changes and runs the analyses under the write lock; queries run
 * under the read lock, so each sees the graph between two batches, never half-way through one.
 *
 * <p>Re-analysis order: an object is analyzed after the targets of its outgoing edges (children before
 * owners, pods before the Services selecting them). When an object's verdict changes, or the object changes
 * without changing its relations (a status update), the objects that point at it are analyzed again if what
 * their analyzers read of it changed ({@link Analyzer#readsOf}; all of it unless they say otherwise). Each
 * object is analyzed at most {@link #MAX_PASSES} times per batch, so ownership cycles cannot loop.
 */
public final class GraphEngine {

  private static final Logger LOG = LoggerFactory.getLogger(GraphEngine.class);
  static final int MAX_PASSES = 4;
  static final int MAX_OWNER_DEPTH = 64;
  /** Pods of one template declare equal links (to their ConfigMap, service account, ...): kept once. */
  private final WeakInterner<Link> linkInterner = new WeakInterner<>();

  private final GraphStore store = new GraphStore();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final AnalyzerRegistry registry;
  private final Clock clock;
  private final Tolerance tolerance;
  private final Ingest ingest;
  private final StoreView view = new StoreView();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long analyses;
  /** What {@link #applySnapshot} touched, for {@link #analyzePending}. Guarded by the write lock. */
  private final Set<ObjectRef> pending = new LinkedHashSet<>();

  public GraphEngine(AnalyzerRegistry registry, Clock clock) {
    this(registry, clock, Tolerance.defaults());
  }

  public GraphEngine(AnalyzerRegistry registry, Clock clock, Tolerance tolerance) {
    this(registry, clock, tolerance, new Ingest());
  }

  /**
   * @param ingest how objects read become graph changes; the engine's own, sharing no table with another
   *     engine's (two engines in one JVM are independent: closing or dropping one leaves the other as it was)
   */
  public GraphEngine(AnalyzerRegistry registry, Clock clock, Tolerance tolerance, Ingest ingest) {
    this.registry = registry;
    this.clock = clock;
    this.tolerance = tolerance;
    this.ingest = Objects.requireNonNull(ingest, "ingest");
  }

  /** {@return how sources turn the objects they read into this engine's changes, with its own tables} */
  public Ingest ingest() {
    return ingest;
  }

  /** The slack analyzers give transient states. */
  public Tolerance tolerance() {
    return tolerance;
  }

  public AnalyzerRegistry registry() {
    return registry;
  }

  public Clock clock() {
    return clock;
  }

  /** A change to apply: an object added or replaced, an object removed, an Event added or removed. */
  public interface Change {
    static Change upsert(Node node) {
      return new Upsert(node, false, null);
    }

    /**
     * The change as a watch delivered it: an upsert also records the object's {@code resourceVersion}, which the
     * informer's store reads back ({@code GraphItemStore}); any other change is returned as it is.
     */
    static Change watched(Change change, String resourceVersion) {
      return change instanceof Upsert upsert ? new Upsert(upsert.node(), true, resourceVersion) : change;
    }

    static Change delete(ObjectRef ref) {
      return new Delete(ref);
    }

    static Change event(EventRecord event) {
      return new PutEvent(event);
    }

    static Change deleteEvent(ObjectRef eventRef) {
      return new DeleteEvent(eventRef);
    }
  }

  /** {@code watched}: delivered by a watch, at {@code resourceVersion} (null when it had none). */
  record Upsert(Node node, boolean watched, String resourceVersion) implements Change {}

  record Delete(ObjectRef ref) implements Change {}

  record PutEvent(EventRecord event) implements Change {}

  record DeleteEvent(ObjectRef ref) implements Change {}

  /**
   * Marks kinds as observed: an absent object of such a kind does not exist. A live source calls it once a
   * kind's initial LIST is in the graph; objects whose verdicts depend on whether the kind is observed (those
   * whose analyzers read or link to it, and those naming an owner of that kind) are analyzed again, so that a
   * kind watched after them, on demand, leaves no stale verdict.
   */
  public void observe(Collection<GroupKind> kinds) {
    analyzeThenNotify(() -> markObserved(kinds));
  }

  /** Analyzes what {@code dirty} names (taken under the write lock), then tells the listeners if it named any. */
  private void analyzeThenNotify(Supplier<Set<ObjectRef>> dirty) {
    boolean changed;
    lock.writeLock().lock();
    try {
      Set<ObjectRef> refs = dirty.get();
      changed = !refs.isEmpty();
      analyze(refs);
    } finally {
      lock.writeLock().unlock();
    }
    if (changed) {
      notifyListeners();
    }
  }

  /** Marks the kinds observed; what must be analyzed again for it. Under the write lock. */
  private Set<ObjectRef> markObserved(Collection<GroupKind> kinds) {
    Set<ObjectRef> dirty = new LinkedHashSet<>();
    for (GroupKind kind : kinds) {
      if (store.observes(kind)) {
        continue;
      }
      store.observe(kind);
      if (store.size() > 0) {
        for (GroupKind reader : registry.readersOf(kind)) {
          dirty.addAll(store.keysOf(reader));
        }
        dirty.addAll(store.ownedBy(kind));
      }
    }
    return dirty;
  }

  /**
   * Records that a kind cannot be read (access forbidden, say). Objects of that kind referenced from the
   * graph show the reason instead of "not found", and objects whose analyzers read the kind carry an UNKNOWN
   * finding saying their verdict may be incomplete; they are re-analyzed now.
   */
  public void unreadable(GroupKind kind, ReasonCode reason, String message) {
    lock.writeLock().lock();
    try {
      store.unreadable(kind, new GraphStore.Unreadable(reason, message));
      Set<ObjectRef> dirty = new LinkedHashSet<>();
      for (GroupKind reader : registry.readersOf(kind)) {
        dirty.addAll(store.keysOf(reader));
      }
      analyze(dirty);
    } finally {
      lock.writeLock().unlock();
    }
    notifyListeners();
  }

  /**
   * Applies a snapshot (a round of one-shot LISTs) and marks its kinds observed, without analyzing: what it touches
   * waits for {@link #analyzePending}, so that a query's rounds of LISTs are analyzed once, each object with every
   * kind of every round in the graph, rather than once per kind's batch, again per {@link #observe} and again per
   * round. A change that cannot be applied is skipped (logged), as a watch skips one bad object. Until then the
   * touched objects keep their verdicts (none, when new): call {@link #analyzePending} before any query reads them.
   */
  public void applySnapshot(List<? extends Change> changes, Collection<GroupKind> kinds) {
    lock.writeLock().lock();
    try {
      for (Change change : changes) {
        try {
          pending.addAll(applyOne(change));
        } catch (RuntimeException e) {
          LOG.warn("Could not apply {}: {}", Escape.terminal(String.valueOf(subject(change))),
              Escape.terminal(Escape.withoutCredentials(e.toString())));
        }
      }
      pending.addAll(markObserved(kinds));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Analyzes what the snapshots applied since the last call touched (and whoever consumes a changed verdict). */
  public void analyzePending() {
    analyzeThenNotify(() -> {
      Set<ObjectRef> dirty = new LinkedHashSet<>(pending);
      pending.clear();
      return dirty;
    });
  }

  private static ObjectRef subject(Change change) {
    if (change instanceof Upsert upsert) {
      return upsert.node().ref();
    }
    if (change instanceof Delete delete) {
      return delete.ref();
    }
    return change instanceof PutEvent put ? put.event().ref() : ((DeleteEvent) change).ref();
  }

  /** Applies a batch atomically and re-analyzes what it touches. */
  public void apply(List<? extends Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      Set<ObjectRef> dirty = new LinkedHashSet<>();
      for (Change change : changes) {
        dirty.addAll(applyOne(change));
      }
      analyze(dirty);
    } finally {
      lock.writeLock().unlock();
    }
    notifyListeners();
  }

  private void notifyListeners() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.warn("A graph listener failed; it stays registered: {}", Escape.terminal(e.toString()));
        LOG.debug("A graph listener failed", Escape.throwable(e));
      }
    }
  }

  /** Called after every applied batch, outside the lock. */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  /**
   * Analyzes these objects again (and whoever consumes a verdict that changes), for verdicts that change
   * with time alone: a grace window that runs out.
   */
  public void reanalyze(Collection<ObjectRef> refs) {
    lock.writeLock().lock();
    try {
      Set<ObjectRef> keys = new LinkedHashSet<>();
      for (ObjectRef ref : refs) {
        if (store.entry(ref).isPresent()) {
          keys.add(ref.key());
        }
      }
      analyze(keys);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Set<ObjectRef> applyOne(Change change) {
    if (change instanceof Upsert) {
      Upsert upsert = (Upsert) change;
      Node node = upsert.node();
      Entry existing = store.entry(node.ref()).orElse(null);
      List<Link> links = existing != null && sameLinks(existing.node, node) ? existing.links : links(node);
      return store.upsert(node, links, upsert.watched(), upsert.resourceVersion());
    } else if (change instanceof Delete) {
      return store.delete(((Delete) change).ref());
    } else if (change instanceof PutEvent) {
      return store.putEvent(((PutEvent) change).event());
    } else {
      return store.deleteEvent(((DeleteEvent) change).ref());
    }
  }

  /**
   * Whether every analyzer of the kind says its links read nothing that differs between the two versions
   * ({@link Analyzer#linksOf}), so that those the graph holds are the new version's too.
   */
  private boolean sameLinks(Node before, Node after) {
    List<Analyzer> analyzers = registry.analyzersFor(after.ref().groupKind());
    if (analyzers.isEmpty()) {
      return false;
    }
    for (Analyzer analyzer : analyzers) {
      try {
        Optional<?> was = analyzer.linksOf(before);
        Optional<?> is = analyzer.linksOf(after);
        if (was.isEmpty() || is.isEmpty() || !was.equals(is)) {
          return false;
        }
      } catch (RuntimeException | StackOverflowError e) {
        return false;
      }
    }
    return true;
  }

  private List<Link> links(Node node) {
    List<Link> links = new ArrayList<>();
    for (Analyzer analyzer : registry.analyzersFor(node.ref().groupKind())) {
      try {
        List<Link> declared = analyzer.links(node);
        if (declared != null) {
          for (Link link : declared) {
            links.add(linkInterner.intern(link));
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        LOG.warn("Analyzer {} failed to link {}: {}", analyzer.id(), Escape.terminal(node.ref().toString()),
            Escape.terminal(e.toString()));
      }
    }
    return links;
  }

  /** Re-analyzes the dirty objects, targets before sources, then whoever consumes a changed verdict. */
  private void analyze(Set<ObjectRef> dirty) {
    Map<ObjectRef, Integer> passes = new HashMap<>();
    Set<ObjectRef> round = dirty;
    while (!round.isEmpty()) {
      Set<ObjectRef> next = new LinkedHashSet<>();
      List<ObjectRef> order = targetsFirst(round);
      Set<ObjectRef> done = new HashSet<>();
      for (ObjectRef key : order) {
        Optional<Entry> found = store.entry(key);
        int pass = passes.merge(key, 1, Integer::sum);
        if (found.isEmpty() || pass > MAX_PASSES) {
          continue;
        }
        Entry entry = found.get();
        Verdict before = entry.verdict;
        Node beforeNode = entry.analyzedNode;
        Verdict after = verdictOf(entry);
        if (!after.equals(before)) {
          store.setVerdict(key, after);
        }
        entry.analyzedNode = entry.node;
        done.add(key);
        if (beforeNode != entry.node || entry.verdict != before) {
          for (ObjectRef consumer : store.consumers(key)) {
            // Consumers later in this round will see the new verdict anyway.
            if ((done.contains(consumer) || !round.contains(consumer)) && !next.contains(consumer)
                && readChanged(consumer, beforeNode, before, entry.node, after)) {
              next.add(consumer);
            }
          }
        }
      }
      round = next;
    }
  }

  /**
   * Whether what the consumer's analyzers read of a target differs between two analyzed versions of it (object
   * and verdict). Unknown before (never analyzed), an analyzer that reads all of it, or one that fails to say:
   * it differs.
   */
  private boolean readChanged(ObjectRef consumer, Node beforeNode, Verdict before, Node afterNode, Verdict after) {
    if (beforeNode == null || before == null) {
      return true;
    }
    List<Analyzer> analyzers = registry.analyzersFor(consumer.groupKind());
    if (analyzers.isEmpty()) {
      return true;
    }
    for (Analyzer analyzer : analyzers) {
      try {
        Optional<?> was = analyzer.readsOf(beforeNode, before);
        Optional<?> is = analyzer.readsOf(afterNode, after);
        if (was.isEmpty() || is.isEmpty() || !was.equals(is)) {
          return true;
        }
      } catch (RuntimeException | StackOverflowError e) {
        return true;
      }
    }
    return false;
  }

  /**
   * Orders the keys so that each comes after those its outgoing edges point to: a reverse post-order over
   * "is consumed by" restricted to the keys, cycles cut where met. It walks consumers rather than
   * dependencies: an object has few consumers (its owner, the Service selecting it) where an owner or a
   * Service has many targets, and most batches make only one or two objects dirty.
   */
  private List<ObjectRef> targetsFirst(Set<ObjectRef> keys) {
    if (keys.size() < 2) {
      return new ArrayList<>(keys);
    }
    List<ObjectRef> starts = new ArrayList<>(keys);
    List<ObjectRef> order = new ArrayList<>(keys.size());
    Set<ObjectRef> visited = new HashSet<>();
    // Started from the last key and reversed at the end, so that unrelated keys keep their order.
    for (int i = starts.size() - 1; i >= 0; i--) {
      ObjectRef start = starts.get(i);
      if (!visited.add(start)) {
        continue;
      }
      Deque<Iterator<ObjectRef>> stack = new ArrayDeque<>();
      Deque<ObjectRef> path = new ArrayDeque<>();
      stack.push(store.consumers(start).iterator());
      path.push(start);
      while (!stack.isEmpty()) {
        Iterator<ObjectRef> it = stack.peek();
        if (it.hasNext()) {
          ObjectRef next = it.next();
          if (keys.contains(next) && visited.add(next)) {
            stack.push(store.consumers(next).iterator());
            path.push(next);
          }
        } else {
          stack.pop();
          order.add(path.pop());
        }
      }
    }
    Collections.reverse(order);
    return order;
  }

  private Verdict verdictOf(Entry entry) {
    analyses++;
    Node node = entry.node;
    List<Analyzer> analyzers = registry.analyzersFor(node.ref().groupKind());
    List<Verdict> verdicts = new ArrayList<>(analyzers.size());
    Instant now = clock.instant();
    Context context = new Context(node, now);
    for (Analyzer analyzer : analyzers) {
      verdicts.add(run(analyzer, context));
    }
    if (analyzers.isEmpty()) {
      verdicts.add(Verdict.unknown(node.ref(), ReasonCode.NO_ANALYZER,
          "no analyzer handles kind " + node.ref().groupKind()));
    }
    List<Finding> engineFindings = ownerFindings(entry);
    engineFindings.addAll(unreadableFindings(node, analyzers));
    return Verdicts.merge(node.ref(), verdicts, engineFindings);
  }

  /** An analyzer that reads a kind the source cannot read judges with part of the picture missing. */
  private List<Finding> unreadableFindings(Node node, List<Analyzer> analyzers) {
    Set<GroupKind> missing = new TreeSet<>();
    for (Analyzer analyzer : analyzers) {
      for (GroupKind read : analyzer.reads()) {
        if (store.unreadableReason(read).isPresent()) {
          missing.add(read);
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (GroupKind kind : missing) {
      GraphStore.Unreadable why = store.unreadableReason(kind).orElseThrow();
      findings.add(Finding.builder()
          .subject(node.ref())
          .health(Health.UNKNOWN)
          .reason(why.reason())
          .message(why.message() + "; this verdict may be incomplete")
          .addEvidence(Evidence.field("access to " + kind, why.message()))
          .build());
    }
    return findings;
  }

  private volatile boolean strictReads;
  private volatile boolean envValues;

  /**
   * Whether explanations' revision diffs show literal env values ({@code value: hunter2}) instead of their short
   * hash ({@code value sha256:1a2b3c4d}); off by default, since such values are often passwords.
   */
  public void showEnvValues(boolean show) {
    this.envValues = show;
  }

  /** See {@link #showEnvValues(boolean)}. */
  public boolean showEnvValues() {
    return envValues;
  }

  /**
   * Whether an analyzer that reads a kind it does not declare in {@link Analyzer#reads()} fails (its verdict
   * UNKNOWN, naming the kind): such an analyzer is right offline, where every kind of the dump is in the graph,
   * and silently wrong live, where only declared kinds are watched. Off by default; the testkit turns it on.
   */
  public void strictReads(boolean strict) {
    this.strictReads = strict;
  }

  private Verdict run(Analyzer analyzer, Context context) {
    try {
      Verdict verdict = analyzer.analyze(strictReads ? new StrictContext(context, analyzer) : context);
      if (verdict == null) {
        return Verdict.unknown(context.node.ref(), ReasonCode.ANALYZER_FAILED,
            "analyzer " + analyzer.id() + " returned no verdict");
      }
      return verdict;
    } catch (RuntimeException | StackOverflowError e) {
      // One line at WARN (a CLI prints it on stderr, where a stack trace has no place); the trace at DEBUG.
      LOG.warn("Analyzer {} failed on {}: {}", analyzer.id(), Escape.terminal(context.node.ref().toString()),
          Escape.terminal(e.toString()));
      LOG.debug("Analyzer {} failed", analyzer.id(), Escape.throwable(e));
      return Verdict.unknown(context.node.ref(), ReasonCode.ANALYZER_FAILED,
          "analyzer " + analyzer.id() + " failed: " + e);
    }
  }

  /** What the engine itself knows: dangling owners of observed kinds, and ownership cycles. */
  private List<Finding> ownerFindings(Entry entry) {
    List<Finding> findings = new ArrayList<>();
    ObjectRef self = entry.node.ref();
    for (Entry.ResolvedOwner resolved : store.resolvedOwners(entry)) {
      Entry.OwnerLink owner = resolved.link();
      ObjectRef ownerRef = resolved.key();
      if (!resolved.present() && store.observes(ownerRef.groupKind())) {
        findings.add(Finding.builder()
            .subject(self)
            .health(Health.PROGRESSING)
            .reason(ReasonCode.OWNER_NOT_FOUND)
            .message("owner " + ownerRef.display() + " does not exist"
                + (owner.uid() == null ? "" : " (uid " + owner.uid() + ")")
                + "; the garbage collector will delete this object unless it is adopted")
            .addEvidence(Evidence.field("metadata.ownerReferences[" + ownerRef.display() + "]",
                owner.uid() == null ? ownerRef.toString() : owner.uid()))
            .build());
      }
    }
    if (!entry.owners.isEmpty()) {
      store.ownerCycle(entry, this::ownerCycle).ifPresent(cycle -> findings.add(Finding.builder()
          .subject(self)
          .health(Health.UNKNOWN)
          .reason(ReasonCode.OWNER_CYCLE)
          .message("ownerReferences form a cycle: " + cycle + "; ownership cannot be resolved")
          .addEvidence(Evidence.field("metadata.ownerReferences", cycle))
          .build()));
    }
    return findings;
  }

  private Optional<String> ownerCycle(Entry start) {
    Map<ObjectRef, ObjectRef> parentOf = new HashMap<>();
    Deque<ObjectRef> queue = new ArrayDeque<>();
    queue.add(start.key);
    parentOf.put(start.key, start.key);
    int visited = 0;
    while (!queue.isEmpty() && visited++ < MAX_OWNER_DEPTH) {
      ObjectRef key = queue.poll();
      Entry entry = store.entry(key).orElse(null);
      if (entry == null) {
        continue;
      }
      for (Entry.ResolvedOwner owner : store.resolvedOwners(entry)) {
        ObjectRef ownerKey = owner.key();
        if (ownerKey.equals(start.key)) {
          List<String> names = new ArrayList<>();
          for (ObjectRef k = key; !k.equals(start.key); k = parentOf.get(k)) {
            names.add(k.display());
          }
          names.add(start.key.display());
          Collections.reverse(names);
          names.add(start.key.display());
          return Optional.of(String.join(" -> ", names));
        }
        if (owner.present() && !parentOf.containsKey(ownerKey)) {
          parentOf.put(ownerKey, key);
          queue.add(ownerKey);
        }
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- reads

  /** Runs a read under the read lock: every read in it sees one state of the graph. */
  public <T> T read(Function<GraphView, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(view);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The analyzers' read-only view of the store; valid only under the lock (as in {@link #readStore}). */
  GraphView view() {
    return view;
  }

  /** Runs a read with the engine's internal view, for the explainer. */
  <T> T readStore(Function<GraphStore, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(store);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * What the graph holds of one watch's objects (a kind, in one namespace or all), read under the read lock: the
   * informer's store answers from it ({@link GraphItemStore}). Only objects a watch delivered count.
   */
  ClusterPort.Held held(GroupKind kind, String namespace) {
    return new ClusterPort.Held() {
      @Override
      public ClusterPort.Kept get(String objectNamespace, String name) {
        if (namespace != null && !namespace.equals(objectNamespace)) {
          return null;
        }
        return readStore(s -> s.watched(kind, objectNamespace, name));
      }

      @Override
      public List<ClusterPort.Kept> all() {
        return readStore(s -> s.watchedAll(kind, namespace));
      }
    };
  }

  /** How many single-object analyses ran so far: what incremental re-analysis saves shows here. */
  public long analysisCount() {
    lock.readLock().lock();
    try {
      return analyses;
    } finally {
      lock.readLock().unlock();
    }
  }

  private final class Context implements AnalysisContext {
    private final Node node;
    private final Instant now;

    Context(Node node, Instant now) {
      this.node = node;
      this.now = now;
    }

    @Override
    public Node node() {
      return node;
    }

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public GraphView graph() {
      return view;
    }

    @Override
    public Tolerance tolerance() {
      return tolerance;
    }
  }

  /** An analyzer read a kind it did not declare, in strict mode. */
  static final class UndeclaredRead extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UndeclaredRead(String message) {
      super(message);
    }
  }

  /** The context of one analyzer in strict mode: its graph reads are checked against what it declares. */
  private final class StrictContext implements AnalysisContext {
    private final Context context;
    private final Analyzer analyzer;
    private final Set<GroupKind> allowed;

    StrictContext(Context context, Analyzer analyzer) {
      this.context = context;
      this.analyzer = analyzer;
      // What a live source watches for a query about this object whatever the analyzer declares (see
      // InvolvedKinds): its own kind, Events, and the kinds its owner references name.
      Set<GroupKind> kinds = new HashSet<>(analyzer.reads());
      kinds.add(context.node().ref().groupKind());
      kinds.add(GroupKind.EVENT);
      kinds.add(GroupKind.EVENTS_V1_EVENT);
      for (OwnerReference owner : context.node().ownerReferences()) {
        if (owner != null && owner.getApiVersion() != null && owner.getKind() != null) {
          try {
            kinds.add(GroupKind.fromApiVersion(owner.getApiVersion(), owner.getKind()));
          } catch (IllegalArgumentException e) {
            // A malformed owner reference names no kind.
          }
        }
      }
      this.allowed = kinds;
      // A catch-all analyzer may read the children of an object of a kind nobody declares: live, an object
      // owning such children has every declared kind watched.
      this.anyChildren = analyzer.kinds().wildcard();
    }

    private final boolean anyChildren;

    @Override
    public Node node() {
      return context.node();
    }

    @Override
    public Instant now() {
      return context.now();
    }

    @Override
    public Tolerance tolerance() {
      return context.tolerance();
    }

    @Override
    public GraphView graph() {
      return new StrictView(context.graph(), this);
    }

    GroupKind check(GroupKind kind, String how) {
      if (kind != null && !allowed.contains(kind)) {
        throw new UndeclaredRead("strict reads: analyzer " + analyzer.id() + " read " + kind + " (" + how
            + ") but does not declare it in reads(); live, a source watches only declared kinds, so this verdict"
            + " would be judged without them");
      }
      return kind;
    }

    <T extends Node> Optional<T> checked(Optional<T> node, String how) {
      node.ifPresent(n -> check(n.ref().groupKind(), how));
      return node;
    }

    List<Node> checked(List<Node> nodes, String how) {
      nodes.forEach(n -> check(n.ref().groupKind(), how));
      return nodes;
    }
  }

  /** A view that reports reads of undeclared kinds to its {@link StrictContext}. */
  private static final class StrictView implements GraphView {
    private final GraphView view;
    private final StrictContext strict;

    StrictView(GraphView view, StrictContext strict) {
      this.view = view;
      this.strict = strict;
    }

    @Override
    public Optional<Node> node(ObjectRef ref) {
      strict.check(ref.groupKind(), "node");
      return view.node(ref);
    }

    @Override
    public Optional<Node> nodeByUid(String uid) {
      return strict.checked(view.nodeByUid(uid), "nodeByUid");
    }

    @Override
    public List<Edge> edgesFrom(ObjectRef ref) {
      return view.edgesFrom(ref);
    }

    @Override
    public List<Edge> edgesTo(ObjectRef ref) {
      return view.edgesTo(ref);
    }

    @Override
    public List<Node> targets(ObjectRef from, EdgeKind kind) {
      List<Node> nodes = view.targets(from, kind);
      return kind == EdgeKind.OWNS && strict.anyChildren ? nodes : strict.checked(nodes, "targets " + kind);
    }

    @Override
    public List<Node> sources(ObjectRef to, EdgeKind kind) {
      List<Node> nodes = view.sources(to, kind);
      return kind == EdgeKind.OWNS && strict.anyChildren ? nodes : strict.checked(nodes, "sources " + kind);
    }

    @Override
    public List<EventRecord> events(ObjectRef ref) {
      return view.events(ref);
    }

    @Override
    public Optional<Verdict> verdict(ObjectRef ref) {
      // A catch-all analyzer judges owned children of any kind by their verdicts (see anyChildren).
      if (!strict.anyChildren) {
        strict.check(ref.groupKind(), "verdict");
      }
      return view.verdict(ref);
    }

    @Override
    public List<Node> list(GroupKind kind, String namespace) {
      strict.check(kind, "list");
      return view.list(kind, namespace);
    }

    @Override
    public boolean observes(GroupKind kind) {
      return view.observes(kind);
    }

    @Override
    public JsonNode tree(Node node) {
      return view.tree(node);
    }
  }

  /** The analyzers' and callers' read-only view; only valid under a lock. */
  private final class StoreView implements GraphView {
    @Override
    public Optional<Node> node(ObjectRef ref) {
      return store.node(ref);
    }

    @Override
    public Optional<Node> nodeByUid(String uid) {
      return store.nodeByUid(uid);
    }

    @Override
    public List<Edge> edgesFrom(ObjectRef ref) {
      return store.edgesFrom(ref);
    }

    @Override
    public List<Edge> edgesTo(ObjectRef ref) {
      return store.edgesTo(ref);
    }

    @Override
    public List<Node> targets(ObjectRef from, EdgeKind kind) {
      return store.targetNodes(from, kind);
    }

    @Override
    public List<Node> sources(ObjectRef to, EdgeKind kind) {
      List<Node> nodes = new ArrayList<>();
      for (Edge edge : store.edgesTo(to, EnumSet.of(kind))) {
        store.node(edge.from()).ifPresent(nodes::add);
      }
      return nodes;
    }

    @Override
    public List<EventRecord> events(ObjectRef ref) {
      return store.events(ref);
    }

    @Override
    public Optional<Verdict> verdict(ObjectRef ref) {
      return store.verdict(ref);
    }

    @Override
    public List<Node> list(GroupKind kind, String namespace) {
      return store.list(kind, namespace);
    }

    @Override
    public boolean observes(GroupKind kind) {
      return store.observes(kind);
    }

    @Override
    public JsonNode tree(Node node) {
      return Json.tree(node.object());
    }
  }
}
