package dev.blame.analyzers.config;

import dev.blame.analyzers.support.AdmissionPlugins;
import dev.blame.analyzers.support.Times;
import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a pod needs besides itself: the ConfigMaps, Secrets and claims it mounts, the ConfigMaps and Secrets
 * its env reads, its image pull secrets, service account and node. Declares those links and reports the
 * ones that are missing (of observed kinds only) or failing. It runs next to the pod analyzer, whose verdict
 * the engine merges with this one, so it says nothing when nothing is wrong. Secrets are checked for existence
 * only; their data is never read.
 */
public final class PodReferencesAnalyzer implements Analyzer {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  public static final ReasonCode CONFIG_MAP_NOT_FOUND = ReasonCode.of("ConfigMapNotFound");
  public static final ReasonCode SECRET_NOT_FOUND = ReasonCode.of("SecretNotFound");
  public static final ReasonCode CLAIM_NOT_FOUND = ReasonCode.of("PersistentVolumeClaimNotFound");
  public static final ReasonCode CLAIM_NOT_BOUND = ReasonCode.of("PersistentVolumeClaimNotBound");
  public static final ReasonCode IMAGE_PULL_SECRET_NOT_FOUND = ReasonCode.of("ImagePullSecretNotFound");
  /** The same code the ServiceAccount admission plugin's refusal is named by ({@link AdmissionPlugins}). */
  public static final ReasonCode SERVICE_ACCOUNT_NOT_FOUND = AdmissionPlugins.SERVICE_ACCOUNT_NOT_FOUND;
  public static final ReasonCode NODE_NOT_FOUND = ReasonCode.of("NodeNotFound");
  public static final ReasonCode NODE_NOT_READY = ReasonCode.of("NodeNotReady");
  public static final ReasonCode NODE_PRESSURE = ReasonCode.of("NodePressure");
  /** A bound claim whose PersistentVolume only nodes the pod may not use can reach (its {@code nodeAffinity}). */
  public static final ReasonCode VOLUME_NODE_AFFINITY_CONFLICT = ReasonCode.of("VolumeNodeAffinityConflict");
  /** A ConfigMap or Secret volume of a pod stuck in ContainerCreating, whose kind is not observed. */
  public static final ReasonCode VOLUME_UNVERIFIED = ReasonCode.of("VolumeSourceNotObserved");

  /** How long a pod may wait in ContainerCreating before an unseen volume source is named: the kubelet's 30 s. */
  static final Duration MOUNT_GRACE = Duration.ofSeconds(30);

  private static final Set<String> PULL_ERRORS = Set.of("ErrImagePull", "ImagePullBackOff");

  @Override
  public String id() {
    return "blame.PodReferences";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.CONFIG_MAP, GroupKind.SECRET, GroupKind.PERSISTENT_VOLUME_CLAIM,
        GroupKind.SERVICE_ACCOUNT, GroupKind.NODE);
  }

  /** The kinds its links point to: what the pod mounts and references, and its node. */
  @Override
  public Set<GroupKind> linksTo() {
    return reads();
  }

  @Override
  public List<Link> links(Node node) {
    Map<String, Link> links = new LinkedHashMap<>();
    for (PodReference r : references(node)) {
      links.putIfAbsent(r.edge() + "|" + r.target(), Link.to(r.edge(), r.target(), r.path()));
    }
    return new ArrayList<>(links.values());
  }

  /** Links come from the pod's spec alone (and its namespace): a status update keeps them. */
  @Override
  public Optional<?> linksOf(Node node) {
    return Optional.ofNullable(typed(node).getSpec());
  }

  private static List<PodReference> references(Node node) {
    return PodReference.of(node.ref().namespace(), node.ref().name(), typed(node));
  }

  /** The pod as fabric8's typed model; a pod read as a generic resource is converted (copied) once. */
  static Pod typed(Node node) {
    return node.as(Pod.class).orElseGet(() -> SERIALIZATION.convertValue(node.object(), Pod.class));
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Pod pod = typed(ctx.node());
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String phase = status.getPhase() == null ? "" : status.getPhase();
    boolean evicted = "Evicted".equals(status.getReason());
    if (("Succeeded".equals(phase) || "Failed".equals(phase)) && !evicted) {
      return Judgement.healthy("");
    }
    GraphView graph = ctx.graph();
    List<Finding> findings = new ArrayList<>();
    for (PodReference r : PodReference.of(ctx.node().ref().namespace(), ctx.node().ref().name(), pod)) {
      Optional<Node> target = graph.node(r.target());
      if (target.isEmpty()) {
        if (!r.optional() && graph.observes(r.target().groupKind())) {
          findings.add(missing(ctx, pod, r));
        } else if (!r.optional() && r.use() == PodReference.Use.VOLUME) {
          unverifiedVolume(ctx, pod, r).ifPresent(findings::add);
        } else if (r.use() == PodReference.Use.CLAIM && "Pending".equals(phase)) {
          unobservedClaim(ctx, pod, r).ifPresent(findings::add);
        }
      } else if (r.use() == PodReference.Use.NODE) {
        findings.addAll(NodeConditions.check(ctx.node().ref(), pod, target.get(), evicted, ctx.now()));
      } else if (r.use() == PodReference.Use.CLAIM && "Pending".equals(phase)) {
        claimNotBound(ctx, r, target.get()).or(() -> volumeNodeAffinity(ctx, status, target.get()))
            .ifPresent(findings::add);
      }
    }
    if ("Pending".equals(phase) || phase.isEmpty()) {
      volumeConflictNotInView(ctx, pod, status).ifPresent(findings::add);
    }
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, "", findings);
  }

  /** The scheduler's window before a pod it cannot place counts as unschedulable (kstatus' 15 s, as for pods). */
  static final Duration SCHEDULING_GRACE = Duration.ofSeconds(15);

  /**
   * The scheduler's VolumeBinding filter says a bound volume of the pod is pinned to other nodes ({@code node(s) had
   * volume node affinity conflict}, ErrReasonNodeConflict in pkg/scheduler/framework/plugins/volumebinding) while
   * none of the pod's claims is in view (a capture of the pod and its Events, or of a pod whose volumes were trimmed):
   * the scheduler's words name the cause that {@link #volumeNodeAffinity} names from the claim. Its word is the
   * {@code PodScheduled} condition when there is one, else its latest {@code FailedScheduling} Event; DEGRADED past
   * the scheduler's window, as the pod's {@code Unschedulable} is.
   */
  private static Optional<Finding> volumeConflictNotInView(AnalysisContext ctx, Pod pod, PodStatus status) {
    boolean claimInView = PodReference.of(ctx.node().ref().namespace(), ctx.node().ref().name(), pod).stream()
        .anyMatch(r -> r.use() == PodReference.Use.CLAIM && ctx.graph().node(r.target()).isPresent());
    if (claimInView) {
      return Optional.empty();
    }
    Optional<io.fabric8.kubernetes.api.model.PodCondition> scheduled = Optional.ofNullable(status.getConditions())
        .orElse(List.of()).stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
    boolean bound = pod.getSpec() != null && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty();
    Optional<Evidence> said = scheduled.isPresent()
        ? scheduled.filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null
            && c.getMessage().contains(VOLUME_CONFLICT)).map(c -> Evidence.builder().kind(Evidence.Kind.FIELD)
                .path("status.conditions[PodScheduled]").value(c.getMessage()).source(ctx.node().ref()).build())
        : bound ? Optional.empty()
        : WarningEvents.latestFailedScheduling(ctx.events()).filter(e -> e.message().contains(VOLUME_CONFLICT))
            .map(Evidence::event);
    boolean young = Times.withinGrace(ctx.now(), ctx.node().createdAt(), ctx.tolerance().graceOr(SCHEDULING_GRACE));
    return said.map(evidence -> Finding.builder().subject(ctx.node().ref())
        .health(young ? Health.PROGRESSING : Health.DEGRADED).reason(VOLUME_NODE_AFFINITY_CONFLICT)
        .addEvidence(evidence)
        .message("pod cannot be scheduled where its volume is: a bound PersistentVolume of the pod is pinned to other"
            + " nodes (scheduler: node(s) had " + VOLUME_CONFLICT + "; the claim is not in view)").build());
  }

  private static final String VOLUME_CONFLICT = "volume node affinity conflict";

  /** Whether any container (init or regular) of the pod has run: running or terminated, now or before. */
  private static boolean started(Pod pod) {
    return java.util.stream.Stream.concat(statuses(pod, true).stream(), statuses(pod, false).stream())
        .anyMatch(c -> c.getState() != null
        && (c.getState().getRunning() != null || c.getState().getTerminated() != null)
        || c.getLastState() != null && c.getLastState().getTerminated() != null);
  }

  private static Finding missing(AnalysisContext ctx, Pod pod, PodReference r) {
    ObjectRef ref = ctx.node().ref();
    String what = r.target().display();
    var b = Finding.builder().subject(ref).container(r.container()).health(Health.DEGRADED)
        .addEvidence(Evidence.field(r.path(), r.target().name()));
    switch (r.use()) {
      case VOLUME -> {
        b.reason(r.target().groupKind().equals(GroupKind.SECRET) ? SECRET_NOT_FOUND : CONFIG_MAP_NOT_FOUND)
            .message(what + " mounted at " + r.path() + " does not exist: the kubelet cannot mount the volume"
                + " (FailedMount) and the pod stays in ContainerCreating");
        events(ctx, "FailedMount", r.target().name()).forEach(e -> b.addEvidence(Evidence.event(e)));
      }
      case ENV -> {
        b.reason(r.target().groupKind().equals(GroupKind.SECRET) ? SECRET_NOT_FOUND : CONFIG_MAP_NOT_FOUND)
            .message(what + " read by " + r.path() + " does not exist: the kubelet cannot create container ["
                + r.container().orElse("") + "] (CreateContainerConfigError)");
        waiting(pod, r.container().orElse(""), Set.of("CreateContainerConfigError")).ifPresent(b::addEvidence);
        events(ctx, "Failed", r.target().name()).forEach(e -> b.addEvidence(Evidence.event(e)));
      }
      case CLAIM -> {
        b.reason(CLAIM_NOT_FOUND).message(what + " does not exist: the pod cannot be scheduled until it does");
        events(ctx, "FailedScheduling", r.target().name()).forEach(e -> b.addEvidence(Evidence.event(e)));
      }
      case PULL_SECRET -> {
        List<Evidence> pullErrors = statuses(pod, false).stream()
            .map(c -> waiting(pod, c.getName(), PULL_ERRORS)).flatMap(Optional::stream).toList();
        b.reason(IMAGE_PULL_SECRET_NOT_FOUND).addAllEvidence(pullErrors)
            .health(pullErrors.isEmpty() ? Health.HEALTHY : Health.DEGRADED)
            .message("image pull secret " + r.target().name() + " does not exist"
                + (pullErrors.isEmpty() ? "; images are pulled without credentials"
                    : ": the registry refuses the anonymous pull (ImagePullBackOff)"));
      }
      case SERVICE_ACCOUNT -> b.reason(SERVICE_ACCOUNT_NOT_FOUND).message(what
          + " does not exist: its token cannot be mounted, and new pods using it are rejected at admission");
      default -> b.reason(NODE_NOT_FOUND).message(what + " the pod was bound to no longer exists; the pod is"
          + " lost and will be garbage-collected");
    }
    return b.build();
  }

  /**
   * A ConfigMap or Secret volume whose kind the graph does not observe (a dump without them; Secrets, which a live
   * source does not read): the kubelet's {@code FailedMount} Event naming it as not found is the evidence when it
   * was captured (DEGRADED); without one, a pod still waiting in {@code ContainerCreating} past the grace window
   * names the volume as the likely cause (UNKNOWN: nothing says it exists or not).
   */
  private static Optional<Finding> unverifiedVolume(AnalysisContext ctx, Pod pod, PodReference r) {
    if (started(pod)) {
      // The kubelet mounts every volume before it starts the first container: a started container proves the
      // volume was mounted, so a FailedMount "not found" Event is from before the object was created.
      return Optional.empty();
    }
    boolean secret = r.target().groupKind().equals(GroupKind.SECRET);
    String what = r.target().display();
    String notFound = (secret ? "secret" : "configmap") + " \"" + r.target().name() + "\" not found";
    // Older kubelets say the resource in the plural: secrets "x" not found.
    String pluralNotFound = notFound.replaceFirst(" ", "s ");
    List<EventRecord> mountFailures = ctx.events().stream().filter(e -> e.reason().equals("FailedMount")
        && (e.message().toLowerCase(java.util.Locale.ROOT).contains(notFound)
            || e.message().toLowerCase(java.util.Locale.ROOT).contains(pluralNotFound))).limit(2).toList();
    var b = Finding.builder().subject(ctx.node().ref()).addEvidence(Evidence.field(r.path(), r.target().name()));
    if (!mountFailures.isEmpty()) {
      mountFailures.forEach(e -> b.addEvidence(Evidence.event(e)));
      return Optional.of(b.health(Health.DEGRADED).reason(secret ? SECRET_NOT_FOUND : CONFIG_MAP_NOT_FOUND)
          .message(what + " mounted at " + r.path() + " does not exist: the kubelet cannot mount the volume"
              + " (FailedMount) and the pod stays in ContainerCreating").build());
    }
    Optional<Instant> since = Optional.ofNullable(pod.getStatus()).map(PodStatus::getConditions).orElse(List.of())
        .stream().filter(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> Node.parseTime(c.getLastTransitionTime())).flatMap(Optional::stream).findFirst()
        .or(() -> ctx.node().createdAt());
    Optional<Evidence> creating = statuses(pod, true).stream().map(ContainerStatus::getName)
        .map(c -> waiting(pod, c, Set.of("ContainerCreating", "PodInitializing"))).flatMap(Optional::stream).findFirst()
        .or(() -> statuses(pod, false).stream().map(ContainerStatus::getName)
            .map(c -> waiting(pod, c, Set.of("ContainerCreating"))).flatMap(Optional::stream).findFirst());
    if (creating.isEmpty() || Times.withinGrace(ctx.now(), since, ctx.tolerance().graceOr(MOUNT_GRACE))) {
      return Optional.empty();
    }
    String age = since.map(t -> " for " + human(Duration.between(t, ctx.now()))).orElse("");
    return Optional.of(b.addEvidence(creating.get()).since(since).health(Health.UNKNOWN).reason(VOLUME_UNVERIFIED)
        .message("pod waits in ContainerCreating" + age + " and mounts " + what + " at " + r.path() + ", which is not"
            + " in view (" + r.target().groupKind().kind() + "s are not observed): a " + r.target().groupKind().kind()
            + " that does not exist keeps the pod there").build());
  }

  /**
   * A claim whose kind the graph does not observe (a capture without PersistentVolumeClaims): the scheduler's
   * {@code FailedScheduling} Event naming it as not found ({@code persistentvolumeclaim "x" not found}) is the
   * evidence that it does not exist, the same cause as a claim observed missing. One saying the pod's claims are not
   * bound ({@code pod has unbound immediate PersistentVolumeClaims}; older schedulers leave out "immediate"), in an
   * Event or in the {@code PodScheduled} condition, names no claim: each of the pod's claims not in view is then the
   * one waiting (the claims in view are judged by their phase). Without either nothing is said.
   */
  private static Optional<Finding> unobservedClaim(AnalysisContext ctx, Pod pod, PodReference r) {
    String notFound = "persistentvolumeclaim \"" + r.target().name() + "\" not found";
    List<EventRecord> failures = ctx.events().stream().filter(e -> e.reason().equals("FailedScheduling")
        && e.message().toLowerCase(java.util.Locale.ROOT).contains(notFound)).limit(2).toList();
    if (failures.isEmpty()) {
      return unboundClaim(ctx, pod, r);
    }
    var b = Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED).reason(CLAIM_NOT_FOUND)
        .addEvidence(Evidence.field(r.path(), r.target().name()))
        .message(r.target().display() + " does not exist: the pod cannot be scheduled until it does");
    failures.forEach(e -> b.addEvidence(Evidence.event(e)));
    return Optional.of(b.build());
  }

  /** The scheduler's words for claims that are not bound: "pod has unbound [immediate] PersistentVolumeClaims". */
  private static final java.util.regex.Pattern UNBOUND_CLAIMS = java.util.regex.Pattern.compile(
      "unbound (immediate )?persistentvolumeclaims", java.util.regex.Pattern.CASE_INSENSITIVE);

  private static Optional<Finding> unboundClaim(AnalysisContext ctx, Pod pod, PodReference r) {
    // The PodScheduled condition, when there is one, is the scheduler's current word; its latest Event otherwise.
    Optional<io.fabric8.kubernetes.api.model.PodCondition> scheduled = Optional.ofNullable(pod.getStatus())
        .map(PodStatus::getConditions).orElse(List.of()).stream()
        .filter(c -> "PodScheduled".equals(c.getType())).findFirst();
    Optional<Evidence> said = scheduled.isPresent()
        ? scheduled.filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null
            && UNBOUND_CLAIMS.matcher(c.getMessage()).find()).map(c -> Evidence.builder().kind(Evidence.Kind.FIELD)
                .path("status.conditions[PodScheduled]").value(c.getMessage()).source(ctx.node().ref()).build())
        : WarningEvents.latestFailedScheduling(ctx.events())
            .filter(e -> UNBOUND_CLAIMS.matcher(e.message()).find()).map(Evidence::event);
    return said.map(evidence -> Finding.builder().subject(ctx.node().ref()).health(Health.PROGRESSING)
        .reason(CLAIM_NOT_BOUND).addEvidence(Evidence.field(r.path(), r.target().name())).addEvidence(evidence)
        .message("pod waits for " + r.target().display() + " (not in view): the scheduler says the pod's claims are"
            + " not bound, so it cannot be placed until a volume is provisioned or bound for it").build());
  }

  private static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 86_400 ? s / 86_400 + "d" : s >= 3600 ? s / 3600 + "h" : s >= 60 ? s / 60 + "m" : s + "s";
  }

  /**
   * A pod the scheduler cannot place because a bound claim's PersistentVolume is pinned to nodes the pod may not
   * use: the scheduler says {@code node(s) had volume node affinity conflict}. The volume will not move and the
   * claim stays bound to it, so this fails at once. The PV itself is not read (a cluster-scoped LIST for every pod
   * query): its name comes from the claim's {@code spec.volumeName}.
   */
  private static Optional<Finding> volumeNodeAffinity(AnalysisContext ctx, PodStatus status, Node claim) {
    Optional<io.fabric8.kubernetes.api.model.PodCondition> scheduled = Optional.ofNullable(status.getConditions())
        .orElse(List.of()).stream().filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
            && c.getMessage() != null && c.getMessage().contains("volume node affinity conflict")).findFirst();
    String volumeName = Unstructured.of(claim.object()).string("spec", "volumeName");
    if (scheduled.isEmpty() || volumeName.isEmpty()) {
      return Optional.empty();
    }
    ObjectRef pv = ObjectRef.of(GroupKind.PERSISTENT_VOLUME, "", volumeName);
    return Optional.of(Finding.builder().subject(ctx.node().ref()).health(Health.DEGRADED)
        .reason(VOLUME_NODE_AFFINITY_CONFLICT)
        .message("pod cannot be scheduled: its claim " + claim.ref().name() + " is bound to " + pv.display()
            + ", whose spec.nodeAffinity excludes every node the pod may run on; the claim will not leave that"
            + " volume (scheduler: " + scheduled.get().getMessage().strip() + ")")
        .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("status.conditions[PodScheduled]")
            .value(scheduled.get().getMessage()).source(ctx.node().ref()).build())
        .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("spec.volumeName").value(volumeName)
            .source(claim.ref()).build())
        .build());
  }

  private static Optional<Finding> claimNotBound(AnalysisContext ctx, PodReference r, Node claim) {
    if ("Bound".equals(Unstructured.of(claim.object()).string("status", "phase"))) {
      return Optional.empty();
    }
    Optional<Verdict> verdict = ctx.graph().verdict(claim.ref());
    Health health = verdict.map(Verdict::health).filter(h -> h == Health.DEGRADED).orElse(Health.PROGRESSING);
    String why = verdict.flatMap(Verdict::worstFinding).map(Finding::message).orElse("not bound yet");
    return Optional.of(Finding.builder().subject(ctx.node().ref()).health(health).reason(CLAIM_NOT_BOUND)
        .message("pod waits for " + claim.ref().display() + ": " + why)
        .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("status.phase")
            .value(Unstructured.of(claim.object()).string("status", "phase")).source(claim.ref()).build())
        .build());
  }

  private static List<EventRecord> events(AnalysisContext ctx, String reason, String name) {
    return ctx.events().stream().filter(e -> e.reason().equals(reason) && e.message().contains("\"" + name + "\""))
        .limit(2).toList();
  }

  private static Optional<Evidence> waiting(Pod pod, String container, Set<String> reasons) {
    for (boolean init : List.of(true, false)) {
      for (ContainerStatus c : statuses(pod, init)) {
        ContainerStateWaiting waiting = c.getState() == null ? null : c.getState().getWaiting();
        String reason = waiting == null || waiting.getReason() == null ? "" : waiting.getReason();
        if (container.equals(c.getName()) && reasons.contains(reason)) {
          return Optional.of(Evidence.field("status." + (init ? "initContainerStatuses" : "containerStatuses")
              + "[" + container + "].state.waiting",
              reason + ": " + (waiting.getMessage() == null ? "" : waiting.getMessage())));
        }
      }
    }
    return Optional.empty();
  }

  private static List<ContainerStatus> statuses(Pod pod, boolean init) {
    List<ContainerStatus> list = pod.getStatus() == null ? null
        : init ? pod.getStatus().getInitContainerStatuses() : pod.getStatus().getContainerStatuses();
    return list == null ? List.of() : list;
  }

  /** Node conditions that explain a pod on it. */
  static final class NodeConditions {
    private NodeConditions() {}

    static List<Finding> check(ObjectRef pod, Pod typed, Node node, boolean evicted, Instant now) {
      List<Finding> findings = new ArrayList<>();
      List<Condition> conditions = Unstructured.of(node.object()).conditions();
      Condition.find(conditions, "Ready").filter(c -> !c.isTrue()).ifPresent(c -> {
        Finding f = finding(pod, node, c, Health.DEGRADED, NODE_NOT_READY, node.ref().display() + " is not Ready ("
            + c.describe() + "): its pods are not running as far as the control plane knows; "
            + eviction(typed, node, c, now));
        findings.add(f);
      });
      for (String type : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
        Condition.find(conditions, type).filter(Condition::isTrue).ifPresent(c -> findings.add(
            finding(pod, node, c, evicted ? Health.DEGRADED : Health.HEALTHY, NODE_PRESSURE,
                node.ref().display() + " reports " + type + (evicted ? ": the kubelet evicted this pod"
                    : ": the kubelet may evict pods") + " (" + c.describe() + ")")));
      }
      return findings;
    }

    /**
     * When the pod leaves a node that is not Ready, checked against its tolerations: the node lifecycle controller
     * taints the node {@code node.kubernetes.io/not-ready:NoExecute} (Ready False) or {@code unreachable} (Ready
     * Unknown), and the taint manager evicts every pod that does not tolerate the taint, at once, or once its
     * {@code tolerationSeconds} have run from the taint's {@code timeAdded} (the Ready transition when the capture
     * has no taint). The DefaultTolerationSeconds admission plugin gives every pod without its own a 300 s one.
     */
    static String eviction(Pod pod, Node node, Condition ready, Instant now) {
      String key = ready.isFalse() ? "node.kubernetes.io/not-ready" : "node.kubernetes.io/unreachable";
      Optional<Instant> tainted = Optional.empty();
      for (Unstructured t : Unstructured.of(node.object()).list("spec", "taints")) {
        if (dev.blame.analyzers.support.AdmissionPlugins.NODE_CONDITION_TAINTS.contains(t.string("key")) && "NoExecute".equals(t.string("effect"))) {
          key = t.string("key");
          tainted = Node.parseTime(t.string("timeAdded"));
          break;
        }
      }
      Optional<Instant> from = tainted.or(ready::since);
      var stay = dev.blame.analyzers.support.AdmissionPlugins.stay(pod, key);
      if (!stay.listed()) {
        return "unless the pod tolerates " + key + " itself, it is evicted "
            + dev.blame.analyzers.support.AdmissionPlugins.DEFAULT_TOLERATION_SECONDS + " s after (the toleration the"
            + " DefaultTolerationSeconds admission plugin adds; not checked: " + stay.why().replaceFirst("^the pod ", "it ")
            + ")";
      }
      if (stay.tolerated().isEmpty()) {
        return stay.why() + ": it stays bound to the node and is not evicted; it runs again only when the node is back";
      }
      long seconds = stay.tolerated().get();
      if (from.isEmpty()) {
        return stay.why() + (seconds == 0 ? ": the taint manager evicts it at once"
            : ": the taint manager evicts it " + seconds + " s after the node is tainted");
      }
      Instant at = from.get().plusSeconds(seconds);
      String when = at.isAfter(now) ? "in " + human(Duration.between(now, at)) : human(Duration.between(at, now)) + " ago";
      return stay.why() + (seconds == 0 ? ": the taint manager evicts it at once (" + at + ", " + when + ")"
          : ": the taint manager evicts it at " + at + " (" + when + ")");
    }

    private static Finding finding(ObjectRef pod, Node node, Condition c, Health health, ReasonCode reason,
        String message) {
      return Finding.builder().subject(pod).health(health).reason(reason).message(message)
          .addEvidence(Evidence.builder().from(c.evidence()).source(node.ref()).build())
          .since(c.since()).build();
    }
  }
}
