package dev.blame.core.internal;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RolloutWait;
import dev.blame.api.RolloutWait.Mode;
import dev.blame.api.Verdict;
import dev.blame.api.WaitListener;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.WaitState;
import java.time.Duration;
import dev.blame.api.Node;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RolloutWait}: decides after every batch the engine applies, and re-analyzes the objects involved once
 * per {@link #TICK} so that verdicts that change with time alone (grace windows) are noticed. It never asks
 * the API server anything beyond what the source's watches deliver.
 */
final class Waiter implements RolloutWait {

  private static final Logger LOG = LoggerFactory.getLogger(Waiter.class);
  static final Duration TICK = Duration.ofSeconds(1);

  private final GraphEngine engine;
  private final Consumer<ObjectRef> prepare;
  private final boolean live;
  private final List<ObjectRef> refs;
  private final Duration timeout;
  private final WaitListener listener;
  private final Map<ObjectRef, Applied> applied;
  private final Mode mode;

  /** What an apply returned for one object: the graph must hold this uid at this generation or later. */
  private record Applied(String uid, long generation) {}

  Waiter(GraphEngine engine, Consumer<ObjectRef> prepare, boolean live, List<ObjectRef> refs) {
    this(engine, prepare, live, refs, Duration.ofMinutes(5), states -> {}, Map.of(), Mode.FAIL_FAST);
  }

  private Waiter(GraphEngine engine, Consumer<ObjectRef> prepare, boolean live, List<ObjectRef> refs,
      Duration timeout, WaitListener listener, Map<ObjectRef, Applied> applied, Mode mode) {
    this.mode = mode;
    this.engine = engine;
    this.prepare = prepare;
    this.live = live;
    this.refs = List.copyOf(refs);
    this.timeout = timeout;
    this.listener = listener;
    this.applied = Map.copyOf(applied);
  }

  @Override
  public RolloutWait applied(Collection<? extends HasMetadata> objects) {
    Map<ObjectRef, Applied> expected = new HashMap<>(applied);
    Set<ObjectRef> keys = new HashSet<>();
    refs.forEach(r -> keys.add(r.key()));
    for (HasMetadata object : objects) {
      ObjectRef given = ObjectRef.from(object).key();
      ObjectRef ref = keys.contains(given) ? given : !given.namespace().isEmpty() ? null
          // A manifest without a namespace: the caller defaulted it.
          : refs.stream().map(ObjectRef::key).filter(k -> k.groupKind().equals(given.groupKind())
              && k.name().equals(given.name())).findFirst().orElse(null);
      if (ref != null) {
        Long generation = object.getMetadata().getGeneration();
        expected.put(ref, new Applied(object.getMetadata().getUid(), generation == null ? 0 : generation));
      }
    }
    return new Waiter(engine, prepare, live, refs, timeout, listener, expected, mode);
  }

  @Override
  public RolloutWait timeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
    return new Waiter(engine, prepare, live, refs, timeout, listener, applied, mode);
  }

  @Override
  public RolloutWait onProgress(WaitListener listener) {
    return new Waiter(engine, prepare, live, refs, timeout, Objects.requireNonNull(listener, "listener"), applied,
        mode);
  }

  @Override
  public RolloutWait mode(Mode mode) {
    return new Waiter(engine, prepare, live, refs, timeout, listener, applied, Objects.requireNonNull(mode, "mode"));
  }

  @Override
  public WaitResult await() {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Object signal = new Object();
    long[] batches = {0};
    Runnable onBatch = () -> {
      synchronized (signal) {
        batches[0]++;
        signal.notifyAll();
      }
    };
    engine.addListener(onBatch);
    try {
      refs.forEach(prepare);
      List<WaitState> last = null;
      long seen = -1;
      long nextTick = System.nanoTime() + TICK.toNanos();
      while (true) {
        boolean tick = System.nanoTime() >= nextTick;
        // Deciding needs only the targets' verdicts, which every batch keeps current; a whole explanation (trees,
        // culprits, revision diff) is built only once a target is doomed or all are done. Built per batch under
        // the read lock, it held back the next batch, and so the decision, by hundreds of ms (issue 21).
        Snapshot snapshot = engine.readStore(store -> {
          List<WaitState> states = states(store);
          List<ObjectRef> involved = new ArrayList<>();
          if (tick && !decisive(states)) {
            refs.forEach(r -> involved.addAll(Explainer.effects(engine, store, r)));
          }
          return new Snapshot(states, null, involved, null);
        });
        if (decisive(snapshot.states)) {
          if (refs.size() == 1 && !snapshot.states.equals(last)) {
            // One target: nothing holds it, so its state is the verdict; say so before explaining it.
            last = snapshot.states;
            report(last);
          }
          snapshot = engine.readStore(this::snapshot);
        }
        if (!snapshot.states.equals(last)) {
          last = snapshot.states;
          report(last);
        }
        WaitOutcome outcome = snapshot.outcome(mode);
        long now = System.nanoTime();
        if (outcome != null || !live || now >= deadline) {
          if (snapshot.explanations == null) {
            snapshot = engine.readStore(this::snapshot);
          }
          return result(outcome != null ? outcome : WaitOutcome.TIMED_OUT, snapshot, start);
        }
        if (tick) {
          // Objects that appeared since may involve kinds not watched yet (a new pod's volume claim): watch
          // them before the next snapshot, which then judges with them in the graph.
          refs.forEach(prepare);
          engine.reanalyze(snapshot.involved);
          nextTick = now + TICK.toNanos();
          continue;
        }
        synchronized (signal) {
          if (batches[0] == seen) {
            long wait = Math.min(deadline, nextTick) - now;
            signal.wait(Math.max(1, wait / 1_000_000));
          }
          seen = batches[0];
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BlameException(BlameException.Kind.TIMEOUT, "waiting for " + refs + " was interrupted", e);
    } finally {
      engine.removeListener(onBatch);
    }
  }

  private void report(List<WaitState> states) {
    try {
      listener.progress(states);
    } catch (RuntimeException e) {
      LOG.warn("A wait listener failed; waiting goes on: {}", dev.blame.api.Escape.terminal(e.toString()));
      LOG.debug("A wait listener failed", Escape.throwable(e));
    }
  }

  private WaitResult result(WaitOutcome outcome, Snapshot snapshot, long start) {
    List<Finding> culprits = new ArrayList<>();
    List<Explanation> explanations = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      WaitState state = snapshot.states.get(i);
      boolean relevant = outcome == WaitOutcome.FAILED ? state.phase() == WaitState.Phase.DOOMED
          : state.phase() != WaitState.Phase.DONE;
      if (relevant) {
        Explanation why = snapshot.explanations.get(i);
        explanations.add(why);
        for (Finding f : why.culprits()) {
          if (!culprits.contains(f)) {
            culprits.add(f);
          }
        }
      }
    }
    // Worst first; within one health each explanation's own ranking (specific before generic) is kept.
    culprits.sort(java.util.Comparator.comparing(Finding::health).reversed());
    return WaitResult.builder()
        .outcome(outcome)
        .states(snapshot.states)
        .culprits(culprits)
        .explanations(explanations)
        .decidedAt(snapshot.at)
        .elapsed(Duration.ofNanos(System.nanoTime() - start))
        .build();
  }

  private Snapshot snapshot(GraphStore store) {
    java.time.Instant at = engine.clock().instant();
    List<WaitState> states = new ArrayList<>();
    List<Explanation> explanations = new ArrayList<>();
    Set<ObjectRef> involved = new LinkedHashSet<>();
    for (ObjectRef ref : refs) {
      Explanation why = Explainer.explain(engine, store, ref, at);
      explanations.add(why);
      why.effects().forEach(t -> t.node().ifPresent(n -> involved.add(t.ref())));
      states.add(state(ref, why.found(), why.target(), why.verdict(), store.node(ref.key()).orElse(null)));
    }
    return new Snapshot(holdDependents(states, explanations, mode), explanations, List.copyOf(involved), at);
  }

  /**
   * A doomed object is often degraded only because something else in the set is still rolling out: a Service
   * applied with its Deployment selects no pod yet, a custom resource is not Ready until its Deployment is.
   * Unless its failure is rooted in a workload (a Degraded culprit on a pod or a workload controller: a crash,
   * an image that cannot be pulled, a quota refusing pods), it is held pending while any other object is
   * pending or has failed outright, and is doomed only once everything else is settled.
   */
  private static List<WaitState> holdDependents(List<WaitState> states, List<Explanation> explanations, Mode mode) {
    boolean[] hard = new boolean[states.size()];
    boolean others = false;
    for (int i = 0; i < states.size(); i++) {
      hard[i] = hardFailure(states.get(i), explanations.get(i));
      // Settling all, a hard failure elsewhere does not hold the rest: they settle as what they are.
      others |= hard[i] && mode == Mode.FAIL_FAST || states.get(i).phase() == WaitState.Phase.PENDING;
    }
    if (!others) {
      return states;
    }
    List<WaitState> held = new ArrayList<>(states.size());
    for (int i = 0; i < states.size(); i++) {
      WaitState s = states.get(i);
      held.add(s.phase() == WaitState.Phase.DOOMED && !hard[i]
          ? WaitState.builder().from(s).phase(WaitState.Phase.PENDING)
              .message(s.message() + " (held: may recover once the rest has rolled out)").build()
          : s);
    }
    return held;
  }

  private static final Set<GroupKind> WORKLOADS = Set.of(GroupKind.POD, GroupKind.REPLICA_SET, GroupKind.DEPLOYMENT,
      GroupKind.STATEFUL_SET, GroupKind.DAEMON_SET, GroupKind.JOB, GroupKind.CRON_JOB);

  private static boolean hardFailure(WaitState s, Explanation why) {
    return s.phase() == WaitState.Phase.DOOMED && why.culprits().stream()
        .anyMatch(f -> f.health() == Health.DEGRADED && WORKLOADS.contains(f.subject().groupKind()));
  }

  /** The targets' states from their verdicts alone (no explanation): what every batch needs to decide. */
  private List<WaitState> states(GraphStore store) {
    List<WaitState> states = new ArrayList<>(refs.size());
    for (ObjectRef ref : refs) {
      Optional<Entry> entry = store.entry(ref);
      states.add(state(ref, entry.isPresent(), entry.map(e -> e.node.ref()).orElse(ref),
          entry.map(e -> Explainer.verdict(engine, store, e)).orElse(null), entry.map(e -> e.node).orElse(null)));
    }
    return states;
  }

  /** Whether these states may end the wait: one is doomed (perhaps held, which takes the culprits), or all done. */
  private static boolean decisive(List<WaitState> states) {
    return states.stream().anyMatch(s -> s.phase() == WaitState.Phase.DOOMED)
        || states.stream().allMatch(s -> s.phase() == WaitState.Phase.DONE);
  }

  private WaitState state(ObjectRef ref, boolean found, ObjectRef target, Verdict verdict, Node node) {
    var state = WaitState.builder().ref(target);
    if (!found) {
      return state.phase(WaitState.Phase.PENDING).message(ref.display() + " does not exist yet").build();
    }
    Applied expected = applied.get(ref.key());
    if (expected != null && node != null && (expected.uid() != null && !expected.uid().equals(node.metadata().getUid())
        || node.generation() < expected.generation())) {
      // The graph still holds the object as it was before the apply: its status says nothing about it.
      return state.phase(WaitState.Phase.PENDING).verdict(verdict).message("Waiting to observe the applied "
          + ref.display() + " (generation " + expected.generation() + ")").build();
    }
    state.verdict(verdict).message(verdict.message());
    if (verdict.health() == Health.DEGRADED || verdict.status() == ReconcileStatus.FAILED) {
      return state.phase(WaitState.Phase.DOOMED).build();
    }
    boolean settled = verdict.health() == Health.HEALTHY || verdict.health() == Health.SUSPENDED;
    return state.phase(settled && verdict.status() == ReconcileStatus.CURRENT
        ? WaitState.Phase.DONE : WaitState.Phase.PENDING).build();
  }

  private record Snapshot(List<WaitState> states, List<Explanation> explanations, List<ObjectRef> involved,
      java.time.Instant at) {
    WaitOutcome outcome(Mode mode) {
      if (states.stream().allMatch(s -> s.phase() == WaitState.Phase.DONE)) {
        return WaitOutcome.COMPLETE;
      }
      boolean doomed = states.stream().anyMatch(s -> s.phase() == WaitState.Phase.DOOMED);
      if (mode == Mode.SETTLE_ALL && states.stream().anyMatch(s -> s.phase() == WaitState.Phase.PENDING)) {
        return null;
      }
      return doomed ? WaitOutcome.FAILED : null;
    }
  }

}
