package dev.blame.examples.josdk;

import dev.blame.api.Blame;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReadyCondition;
import dev.blame.core.BlameEngine;
import dev.blame.core.Feed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each WebApp's Deployment as its spec says and writes blame's verdict of that Deployment into the WebApp's
 * {@code Ready} condition.
 *
 * <pre>{@code
 * WebAppReconciler reconciler = new WebAppReconciler(client, "shop", Clock.systemUTC(), Duration.ofSeconds(2));
 * Operator operator = new Operator(o -> o.withKubernetesClient(client));
 * operator.register(reconciler, c -> c.settingNamespace("shop"));
 * operator.start();
 * ...
 * operator.stop();
 * reconciler.close();
 * }</pre>
 *
 * <p><b>What it reads.</b> Java Operator SDK watches WebApps and, through {@link FeedingInformerEventSource},
 * Deployments; blame reads Deployments from that event source (a {@link Feed}), and ReplicaSets, pods and Events
 * with one LIST+WATCH each, the first time a reconcile asks about a Deployment.
 *
 * <p><b>What it writes, and when.</b> The Deployment when it is missing (a create) or its image or replicas differ
 * from the spec (a merge patch of its spec alone, which no status write of the controllers can conflict with); a
 * Deployment of that name that this WebApp does not control is left alone ({@code Ready=False},
 * {@code DeploymentNotOwned}).
 * The status only when the {@link ReadyCondition} differs from the one the WebApp holds in status, reason or
 * message ({@link ReadyCondition#sameVerdict}), or the WebApp's generation moved: one write per change of
 * verdict, none while a crash-looping pod's restart count grows. The transition time moves only when the status does. A
 * reconcile that keeps failing once Java Operator SDK's retries are spent sets {@code Ready=Unknown}, reason
 * {@code ReconcileError} (written when that failure is new), and is tried again after {@code recheck}, each time
 * with Java Operator SDK's whole retry schedule.
 *
 * <p>A pod's update does not change the Deployment, so no event triggers a reconcile when only blame's verdict
 * changes: each reconcile asks to be run again after {@code recheck}. Asking blame costs no request.
 */
public final class WebAppReconciler implements Reconciler<WebApp>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebAppReconciler.class);

  private final String namespace;
  private final Clock clock;
  private final Duration recheck;
  private final Feed<Deployment> deployments;
  private final Blame blame;
  private volatile FeedingInformerEventSource<Deployment, WebApp> source;

  /**
   * @param client the operator's client; blame reads through it and the caller closes it
   * @param namespace the namespace the operator manages (register the reconciler for it alone)
   * @param clock for blame's grace windows and the conditions' transition times
   * @param recheck how often a WebApp's verdict is read again without any event
   */
  public WebAppReconciler(KubernetesClient client, String namespace, Clock clock, Duration recheck) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recheck = Objects.requireNonNull(recheck, "recheck");
    // tag::feed[]
    // The event source does not exist yet: the feed reads its cache when a query first involves Deployments.
    this.deployments = Feed.of(Deployment.class, () -> source.cached());
    this.blame = BlameEngine.builder().client(client).namespace(namespace).clock(clock).feed(deployments).build();
    // end::feed[]
  }

  @Override
  public List<EventSource<?, WebApp>> prepareEventSources(EventSourceContext<WebApp> context) {
    // tag::source[]
    // The operator's one LIST+WATCH of Deployments: it triggers reconciles and feeds blame.
    source = new FeedingInformerEventSource<>(InformerEventSourceConfiguration.from(Deployment.class, WebApp.class)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(WebApp.class)).build(), context, deployments);
    // end::source[]
    return List.of(source);
  }

  @Override
  public UpdateControl<WebApp> reconcile(WebApp app, Context<WebApp> context) {
    String name = app.getMetadata().getName();
    Deployment desired = desired(app);
    Optional<Deployment> current = context.getSecondaryResource(Deployment.class);
    Optional<String> notOwned = Optional.empty();
    if (current.isEmpty()) {
      notOwned = create(context.getClient(), desired, app);
    } else if (!sameSpec(current.get(), desired)) {
      patchSpec(context.getClient(), desired);
    }

    ReadyCondition ready = notOwned.map(why -> new ReadyCondition("False", "DeploymentNotOwned", why, ""))
        .orElseGet(() -> ReadyCondition.of(blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, namespace, name))));
    long generation = Optional.ofNullable(app.getMetadata().getGeneration()).orElse(0L);
    Optional<Condition> held = Optional.ofNullable(app.getStatus()).flatMap(WebAppStatus::ready);
    if (held.isPresent() && ready.sameVerdict(readyOf(held.get()))
        && Objects.equals(held.get().getObservedGeneration(), generation)) {
      return UpdateControl.<WebApp>noUpdate().rescheduleAfter(recheck);
    }
    return UpdateControl.patchStatus(statusPatch(app, ready)).rescheduleAfter(recheck);
  }

  /**
   * The status patch that sets the {@code Ready} condition and the observed generation, other conditions kept; the
   * transition time moves only when the condition's status does.
   */
  private WebApp statusPatch(WebApp app, ReadyCondition ready) {
    long generation = Optional.ofNullable(app.getMetadata().getGeneration()).orElse(0L);
    WebAppStatus status = Optional.ofNullable(app.getStatus()).orElseGet(WebAppStatus::new);
    Optional<Condition> held = status.ready();
    String transition = held.filter(c -> ready.status().equals(c.getStatus()) && c.getLastTransitionTime() != null)
        .map(Condition::getLastTransitionTime)
        .orElse(DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    List<Condition> conditions = new ArrayList<>(status.getConditions());
    conditions.removeIf(c -> "Ready".equals(c.getType()));
    conditions.add(new ConditionBuilder().withType("Ready").withStatus(ready.status()).withReason(ready.reason())
        .withMessage(ready.message()).withObservedGeneration(generation).withLastTransitionTime(transition).build());
    WebAppStatus next = new WebAppStatus();
    next.setObservedGeneration(generation);
    next.setConditions(conditions);
    WebApp patch = new WebApp();
    patch.setMetadata(new ObjectMetaBuilder().withName(app.getMetadata().getName())
        .withNamespace(app.getMetadata().getNamespace()).build());
    patch.setStatus(next);
    return patch;
  }

  /**
   * Creates the Deployment. When one of that name exists already (the cache had not seen it yet), its spec is set if
   * this WebApp controls it; one that somebody else's is left alone, and what is returned says so.
   *
   * @return why the Deployment is not this WebApp's, or empty
   */
  private static Optional<String> create(KubernetesClient client, Deployment desired, WebApp app) {
    try {
      client.resource(desired).create();
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    String name = desired.getMetadata().getName();
    Deployment existing = client.apps().deployments().inNamespace(desired.getMetadata().getNamespace())
        .withName(name).get();
    boolean controlled = existing != null && existing.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && Objects.equals(o.getUid(), app.getMetadata().getUid()));
    if (existing != null && !controlled) {
      return Optional.of("Deployment " + name + " exists and is not controlled by this WebApp: it is left as it is");
    }
    patchSpec(client, desired);
    return Optional.empty();
  }

  /**
   * Sets the Deployment's spec with a JSON merge patch that carries no resourceVersion: the spec is this
   * operator's to set, whatever the controllers wrote to the status meanwhile, so the write never conflicts with
   * theirs (an update of the cached object would, each time the cache is a status write behind) and never
   * rewrites their status.
   */
  private static void patchSpec(KubernetesClient client, Deployment desired) {
    Deployment spec = new DeploymentBuilder().withNewMetadata().withName(desired.getMetadata().getName())
        .withNamespace(desired.getMetadata().getNamespace()).endMetadata().withSpec(desired.getSpec()).build();
    client.apps().deployments().inNamespace(desired.getMetadata().getNamespace())
        .withName(desired.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), spec);
  }

  /**
   * A reconcile that failed (the API server refused a write, blame could not read a kind): transient failures are
   * retried by Java Operator SDK as usual; once its retries are spent, the {@code Ready} condition says why
   * ({@code Unknown}, reason {@code ReconcileError}) and the WebApp is reconciled again after {@code recheck}
   * rather than only on its next event.
   */
  @Override
  public ErrorStatusUpdateControl<WebApp> updateErrorStatus(WebApp app, Context<WebApp> context, Exception e) {
    // The error carries the API server's text: inert on a terminal.
    LOG.warn("Reconciling WebApp {}/{} failed: {}", Escape.terminal(app.getMetadata().getNamespace()),
        Escape.terminal(app.getMetadata().getName()), Escape.terminal(e.toString()));
    boolean spent = context.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(true);
    if (!spent) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    ReadyCondition failed = new ReadyCondition("Unknown", "ReconcileError",
        "reconciling failed: " + abbreviate(String.valueOf(e.getMessage())), "");
    // Each recheck starts a new round of retries; the status is written when the failure changes, not per round.
    boolean held = Optional.ofNullable(app.getStatus()).flatMap(WebAppStatus::ready)
        .filter(c -> failed.sameVerdict(readyOf(c))).isPresent();
    return held ? ErrorStatusUpdateControl.<WebApp>noStatusUpdate().rescheduleAfter(recheck)
        : ErrorStatusUpdateControl.patchStatus(statusPatch(app, failed)).rescheduleAfter(recheck);
  }

  /** At most 1000 characters, never ending between the two halves of a surrogate pair (a lone half is no UTF-8). */
  static String abbreviate(String message) {
    if (message.length() <= 1_000) {
      return message;
    }
    int end = Character.isHighSurrogate(message.charAt(998)) ? 998 : 999;
    return message.substring(0, end) + "…";
  }

  /** The condition a status holds, as a {@link ReadyCondition} to compare with (its detail is not kept). */
  private static ReadyCondition readyOf(Condition condition) {
    return new ReadyCondition(String.valueOf(condition.getStatus()), String.valueOf(condition.getReason()),
        String.valueOf(condition.getMessage()), "");
  }

  /** The Deployment a WebApp asks for: its image, its replicas, owned by it. */
  static Deployment desired(WebApp app) {
    String name = app.getMetadata().getName();
    Map<String, String> labels = Map.of("app.kubernetes.io/name", name);
    int replicas = app.getSpec() == null || app.getSpec().getReplicas() == null ? 1 : app.getSpec().getReplicas();
    String image = app.getSpec() == null ? null : app.getSpec().getImage();
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(app.getMetadata().getNamespace())
        .withLabels(labels).addNewOwnerReference().withApiVersion(app.getApiVersion()).withKind(app.getKind())
        .withName(name).withUid(app.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
        .endOwnerReference().endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  private static boolean sameSpec(Deployment current, Deployment desired) {
    return current.getSpec() != null
        && Objects.equals(current.getSpec().getReplicas(), desired.getSpec().getReplicas())
        && current.getSpec().getTemplate() != null && current.getSpec().getTemplate().getSpec() != null
        && current.getSpec().getTemplate().getSpec().getContainers().size() == 1
        && Objects.equals(current.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
            desired.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
  }

  /** The blame graph; shared, do not close it. */
  public Blame blame() {
    return blame;
  }

  /** Closes the blame graph (its own watches); the event source stays the operator's. */
  @Override
  public void close() {
    blame.close();
  }
}
