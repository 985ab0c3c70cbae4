package dev.blame.examples.operator;

import dev.blame.api.Blame;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebApp operator: keeps each WebApp's Deployment and Service in place and writes blame's explanation of
 * them into the WebApp's {@code Ready} condition, with an Event, whenever that explanation changes.
 *
 * <pre>{@code
 * try (WebAppOperator operator = WebAppOperator.builder(client).namespace("shop").start()) {
 *   ... // runs until closed
 * }
 * }</pre>
 *
 * <p><b>What it reads.</b> One informer of its own, on WebApps (to react to spec changes at once). Everything
 * else comes from a {@link Blame} built on the same client, which watches WebApps, Deployments, ReplicaSets,
 * Pods, Services and Events of the namespace and keeps them judged in memory. Every {@code resync} the
 * operator asks that graph about each WebApp again (no API request), because the graph may apply a pod's
 * update after the WebApp event that prompted a pass, and because a grace window can run out with no update.
 *
 * <p><b>What it writes, and when.</b> Children only when they are missing or differ from the spec (checked
 * with a fresh GET when the WebApp's generation changes, or, at most every {@link #DRIFT_CHECK}, when the
 * verdict says a child is missing or outdated). Status only when the {@link ReadyCondition} differs from the
 * one last written (or, after a restart, from the one in the WebApp's status): at most one write per verdict
 * change, none while the verdict holds however many pod updates or Events arrive. An Event accompanies each
 * status write that changes the condition.
 *
 * <p><b>Threads.</b> All reconciling happens on one thread, so a WebApp is never reconciled twice at once.
 * A failing pass is logged, kept in {@link #errors()} and passed to {@code onError} listeners; the next pass
 * retries (a 409 Conflict from a stale read is retried silently).
 */
public final class WebAppOperator implements AutoCloseable {

  /** How often the children are compared to the spec again when the verdict says they drifted. */
  public static final Duration DRIFT_CHECK = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(WebAppOperator.class);

  private final String namespace;
  private final Clock clock;
  private final Blame blame;
  private final Children children;
  private final StatusWriter writer;
  private final List<Consumer<Transition>> listeners;
  private final List<Consumer<Exception>> errorListeners;
  private final ScheduledExecutorService worker;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Map<String, ReadyCondition> written = new ConcurrentHashMap<>();
  private final Map<String, Long> childrenGeneration = new ConcurrentHashMap<>();
  private final Map<String, Instant> childrenCheckedAt = new ConcurrentHashMap<>();
  private final List<Exception> errors = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<GenericKubernetesResource> informer;

  /** One status write: the WebApp, the condition written, and the one it replaced (empty for the first). */
  public record Transition(ObjectRef app, ReadyCondition ready, Optional<ReadyCondition> previous) {}

  private WebAppOperator(Builder b) {
    this.namespace = b.namespace != null ? b.namespace
        : Objects.requireNonNullElse(b.client.getNamespace(), "default");
    this.clock = b.clock;
    this.listeners = List.copyOf(b.listeners);
    this.errorListeners = List.copyOf(b.errorListeners);
    this.children = new Children(b.client);
    this.writer = new StatusWriter(b.client);
    this.blame = BlameEngine.builder().client(b.client).namespace(namespace).clock(clock)
        .addAnalyzer(new WebAppAnalyzer())
        .observe(WebApp.KIND, GroupKind.DEPLOYMENT, GroupKind.SERVICE)
        .build();
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "webapp-operator");
      t.setDaemon(true);
      return t;
    });
    try {
      this.informer = b.client.genericKubernetesResources(WebApp.CONTEXT).inNamespace(namespace)
          .inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource app) {
              enqueue(app.getMetadata().getName());
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
              enqueue(after.getMetadata().getName());
            }

            @Override
            public void onDelete(GenericKubernetesResource app, boolean unknownFinalState) {
              String uid = app.getMetadata().getUid();
              worker.execute(() -> forget(uid));
            }
          }, 0);
    } catch (RuntimeException e) {
      worker.shutdownNow();
      blame.close();
      throw e;
    }
    long every = b.resync.toMillis();
    worker.scheduleWithFixedDelay(this::enqueueAll, every, every, TimeUnit.MILLISECONDS);
  }

  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /** Configures an operator. Not thread-safe; start once. */
  public static final class Builder {
    private final KubernetesClient client;
    private String namespace;
    private Clock clock = Clock.systemUTC();
    private Duration resync = Duration.ofMillis(500);
    private final List<Consumer<Transition>> listeners = new ArrayList<>();
    private final List<Consumer<Exception>> errorListeners = new ArrayList<>();

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The namespace whose WebApps to manage; the client's namespace by default. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** The clock for transition times, Event timestamps and blame's grace windows. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How often every WebApp's verdict is re-read from the in-memory graph; 500 ms by default. */
    public Builder resync(Duration resync) {
      if (resync.isNegative() || resync.isZero()) {
        throw new IllegalArgumentException("resync must be positive, got " + resync);
      }
      this.resync = resync;
      return this;
    }

    /** Called on the operator thread after each status write; keep it quick. */
    public Builder onTransition(Consumer<Transition> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Called on the operator thread when a pass fails (it is retried on the next one). */
    public Builder onError(Consumer<Exception> listener) {
      errorListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Starts watching; returns once blame's initial LISTs are in. The WebApp CRD must be installed.
     *
     * @throws dev.blame.api.BlameException when the cluster cannot be read
     */
    public WebAppOperator start() {
      return new WebAppOperator(this);
    }
  }

  /** The blame graph the operator reads; shared, do not close it. */
  public Blame blame() {
    return blame;
  }

  /** The namespace the operator manages. */
  public String namespace() {
    return namespace;
  }

  /** Failures of past passes, oldest first. */
  public List<Exception> errors() {
    return List.copyOf(errors);
  }

  private void enqueueAll() {
    informer.getStore().list().forEach(app -> enqueue(app.getMetadata().getName()));
  }

  private void enqueue(String name) {
    if (pending.add(name)) {
      try {
        worker.execute(() -> {
          pending.remove(name);
          reconcileSafely(name);
        });
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        pending.remove(name);
      }
    }
  }

  private void reconcileSafely(String name) {
    try {
      reconcile(name);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        LOG.debug("WebApp {}: conflict, retrying on the next pass: {}", subject(name), Escape.terminal(e.getMessage()));
        return;
      }
      failed(name, e);
    } catch (RuntimeException e) {
      failed(name, e);
    }
  }

  private void failed(String name, RuntimeException e) {
    LOG.warn("WebApp {}: reconcile failed, retrying on the next pass: {}", subject(name),
        Escape.terminal(e.toString()));
    errors.add(e);
    for (Consumer<Exception> listener : errorListeners) {
      try {
        listener.accept(e);
      } catch (RuntimeException ignored) {
        LOG.warn("an onError listener failed: {}", Escape.terminal(ignored.toString()));
        LOG.debug("an onError listener failed", Escape.throwable(ignored));
      }
    }
  }

  /**
   * {@code namespace/name} for a log line: the name is the cluster's text (a server that does not validate names
   * may hold a bidi override or a control in one), the namespace the kubeconfig's; escaped as a terminal needs.
   */
  private String subject(String name) {
    return Escape.terminal(namespace + "/" + name);
  }

  private void reconcile(String name) {
    GenericKubernetesResource app = informer.getStore().getByKey(namespace + "/" + name);
    if (app == null || app.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String uid = app.getMetadata().getUid();
    long generation = Optional.ofNullable(app.getMetadata().getGeneration()).orElse(0L);
    ObjectRef ref = ObjectRef.of(WebApp.KIND, namespace, name);
    Instant now = clock.instant();
    Explanation why = blame.explain(ref);

    boolean drifted = why.findings().stream().map(Finding::reason)
        .anyMatch(r -> r.equals(WebAppAnalyzer.CHILD_MISSING) || r.equals(WebAppAnalyzer.CHILD_OUTDATED));
    Instant checked = childrenCheckedAt.get(uid);
    if (!Objects.equals(childrenGeneration.get(uid), generation)
        || drifted && (checked == null || !now.isBefore(checked.plus(DRIFT_CHECK)))) {
      int writes = children.reconcile(app);
      childrenGeneration.put(uid, generation);
      childrenCheckedAt.put(uid, now);
      if (writes > 0) {
        LOG.info("WebApp {}: {} child write(s) for generation {}", subject(name), writes, generation);
      }
    }

    if (!why.found()) {
      return; // the graph has not seen this WebApp yet; a later pass will
    }
    long judged = blame.node(ref).map(Node::generation).orElse(generation);
    ReadyCondition next = ReadyCondition.from(why, judged);
    Optional<ReadyCondition> previous = Optional.ofNullable(written.get(uid)).or(() -> ReadyCondition.read(app));
    if (previous.isPresent() && next.sameAs(previous.get())) {
      return;
    }
    writer.writeStatus(app, next, now);
    written.put(uid, next);
    // The message quotes the cluster (a WebApp's image, a child's condition): one log line, no control sequence.
    LOG.info("WebApp {}: {}", subject(name), Escape.terminal(next.toString()));
    if (previous.isEmpty() || !next.sameVerdict(previous.get())) {
      writer.event(app, next, now);
    }
    Transition transition = new Transition(ref, next, previous);
    for (Consumer<Transition> listener : listeners) {
      try {
        listener.accept(transition);
      } catch (RuntimeException e) {
        LOG.warn("an onTransition listener failed: {}", Escape.terminal(e.toString()));
        LOG.debug("an onTransition listener failed", Escape.throwable(e));
      }
    }
  }

  private void forget(String uid) {
    written.remove(uid);
    childrenGeneration.remove(uid);
    childrenCheckedAt.remove(uid);
  }

  /** Stops the informer, the worker and the blame graph; idempotent. The client stays open. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    informer.close();
    blame.close();
  }
}
