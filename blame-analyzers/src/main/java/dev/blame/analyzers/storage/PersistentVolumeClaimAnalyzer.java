package dev.blame.analyzers.storage;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PersistentVolumeClaims: Bound is healthy, Lost is failed, Pending is progressing unless provisioning failed
 * or nothing can ever bind it (a missing StorageClass or PersistentVolume, no default StorageClass). Bound to
 * its PersistentVolume ({@code spec.volumeName}) and its StorageClass.
 */
public final class PersistentVolumeClaimAnalyzer implements Analyzer {

  public static final GroupKind STORAGE_CLASS = GroupKind.of("storage.k8s.io", "StorageClass");
  public static final ReasonCode CLAIM_LOST = ReasonCode.of("ClaimLost");
  public static final ReasonCode PROVISIONING_FAILED = ReasonCode.of("ProvisioningFailed");
  public static final ReasonCode STORAGE_CLASS_NOT_FOUND = ReasonCode.of("StorageClassNotFound");
  public static final ReasonCode NO_DEFAULT_STORAGE_CLASS = ReasonCode.of("NoDefaultStorageClass");
  public static final ReasonCode VOLUME_NOT_FOUND = ReasonCode.of("VolumeNotFound");
  public static final ReasonCode WAITING_FOR_FIRST_CONSUMER = ReasonCode.of("WaitForFirstConsumer");
  public static final ReasonCode PENDING = ReasonCode.of("Pending");
  /** The volume controller has waited the stuck window for an external provisioner that never answered. */
  public static final ReasonCode PROVISIONER_NOT_RESPONDING = ReasonCode.of("ProvisionerNotResponding");

  /**
   * The resize controller has grown the volume and waits for the kubelet to grow its file system: the
   * {@code FileSystemResizePending} condition (pkg/controller/volume/expand, {@code markForPendingNodeExpansion}).
   */
  public static final ReasonCode FILE_SYSTEM_RESIZE_PENDING = ReasonCode.of("FileSystemResizePending");

  /** How long a claim may stay Pending with no Event saying why before it counts as stuck. */
  static final Duration STUCK = Duration.ofMinutes(15);

  @Override
  public String id() {
    return "blame.PersistentVolumeClaim";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.PERSISTENT_VOLUME_CLAIM);
  }

  /** {@return what it reads and links to (linksTo is Analyzer's default): its PersistentVolume and StorageClass} */
  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.PERSISTENT_VOLUME, STORAGE_CLASS);
  }

  @Override
  public List<Link> links(Node node) {
    Unstructured u = Unstructured.of(node.object());
    List<Link> links = new ArrayList<>();
    String volume = u.string("spec", "volumeName");
    if (!volume.isEmpty()) {
      links.add(Link.to(EdgeKind.BOUND_TO, ObjectRef.of(GroupKind.PERSISTENT_VOLUME, "", volume), "spec.volumeName"));
    }
    String storageClass = storageClass(u);
    if (!storageClass.isEmpty()) {
      links.add(Link.to(EdgeKind.BOUND_TO, ObjectRef.of(STORAGE_CLASS, "", storageClass), classField(u)));
    }
    return links;
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    Unstructured u = Unstructured.of(ctx.node().object());
    GraphView graph = ctx.graph();
    String phase = u.string("status", "phase");
    String volume = u.string("spec", "volumeName");
    Optional<Condition> resize = Condition.find(u.conditions(), "FileSystemResizePending").filter(Condition::isTrue);
    if (resize.isPresent() && (phase.isEmpty() || "Bound".equals(phase))) {
      return resizePending(ctx, u, resize.get());
    }
    if ("Bound".equals(phase)) {
      List<Finding> resizeFailed = ResizeFailure.findings(ctx, u);
      return resizeFailed.isEmpty() ? Judgement.healthy("Bound" + (volume.isEmpty() ? "" : " to " + volume))
          : Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", resizeFailed);
    }
    if ("Lost".equals(phase)) {
      return Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", List.of(finding(ref, Health.DEGRADED, CLAIM_LOST,
          "claim lost its PersistentVolume " + volume + "; the data is no longer reachable", "status.phase", phase)));
    }
    List<Finding> findings = new ArrayList<>();
    Optional<EventRecord> failed = ctx.events().stream()
        .filter(e -> e.isWarning() && e.reason().equals("ProvisioningFailed")).findFirst();
    String storageClass = storageClass(u);
    // A class named by the beta annotation was the claim's own choice: the admission plugin sets no annotation.
    Optional<String> defaulted = betaClass(u).isEmpty() ? defaultedClass(ctx.node(), graph, storageClass)
        : Optional.empty();
    failed.ifPresent(e -> findings.add(Finding.builder().subject(ref).health(Health.DEGRADED)
        .reason(PROVISIONING_FAILED).message("provisioning failed: " + e.message() + defaulted.orElse(""))
        .addEvidence(Evidence.event(e)).addEvidence(Evidence.field("status.phase", phase)).build()));
    boolean classKeyPresent = u.has("spec", "storageClassName") || !storageClass.isEmpty();
    if (!volume.isEmpty() && graph.observes(GroupKind.PERSISTENT_VOLUME)
        && graph.node(ObjectRef.of(GroupKind.PERSISTENT_VOLUME, "", volume)).isEmpty()) {
      findings.add(finding(ref, Health.DEGRADED, VOLUME_NOT_FOUND,
          "PersistentVolume " + volume + " named in spec.volumeName does not exist", "spec.volumeName", volume));
    } else if (volume.isEmpty() && graph.observes(STORAGE_CLASS)) {
      if (!storageClass.isEmpty() && graph.node(ObjectRef.of(STORAGE_CLASS, "", storageClass)).isEmpty()) {
        findings.add(finding(ref, Health.DEGRADED, STORAGE_CLASS_NOT_FOUND, "StorageClass " + storageClass
            + " does not exist; nothing will provision this claim", classField(u), storageClass));
      } else if (!classKeyPresent && noDefaultClass(graph) && noAvailableVolume(graph)) {
        findings.add(finding(ref, Health.DEGRADED, NO_DEFAULT_STORAGE_CLASS,
            "no storageClassName and no default StorageClass: nothing will provision this claim (no class is"
                + " annotated " + AdmissionPlugins.DEFAULT_CLASS_ANNOTATION + "=true for the DefaultStorageClass"
                + " admission plugin to set)",
            "spec.storageClassName", "<unset>"));
      }
    } else if (volume.isEmpty()) {
      Optional<Finding> said = controllerSays(ctx, ref, failed, storageClass, classKeyPresent);
      if (said.isPresent()) {
        // The specific cause replaces the generic ProvisioningFailed that carries the same Event.
        findings.removeIf(f -> f.reason().equals(PROVISIONING_FAILED));
        findings.add(said.get());
      }
    }
    if (findings.isEmpty()) {
      Optional<EventRecord> wait = ctx.events().stream()
          .filter(e -> e.reason().equals("WaitForFirstConsumer")).findFirst();
      Judgement events = new Judgement(ref);
      WarningEvents.explain(ctx.events(), ctx.tolerance().stuckOr(WarningEvents.STUCK), Set.of(), events);
      Optional<Finding> silent = silentProvisioner(ctx, ref);
      if (!events.findings().isEmpty()) {
        findings.addAll(events.findings());
      } else if (silent.isPresent()) {
        findings.add(silent.get());
      } else if (wait.isPresent()) {
        boolean used = !graph.sources(ref, EdgeKind.MOUNTS).isEmpty();
        findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(WAITING_FOR_FIRST_CONSUMER)
            .message("binding waits for a pod that uses it to be scheduled"
                + (used || !graph.observes(GroupKind.POD) ? "" : "; no pod mounts it"))
            .addEvidence(Evidence.event(wait.get())).build());
      } else {
        Optional<Instant> since = ctx.node().createdAt();
        Optional<Instant> until = WarningEvents.seenUntil(ctx.events());
        boolean stuck = WarningEvents.lastedAtLeast(since, until, ctx.tolerance().stuckOr(STUCK));
        findings.add(Finding.builder().subject(ref).health(stuck ? Health.DEGRADED : Health.PROGRESSING)
            .reason(PENDING).message("claim is " + (phase.isEmpty() ? "not yet bound" : phase)
                + (stuck ? " for at least " + WarningEvents.human(Duration.between(since.get(), until.get())) : ""))
            .since(since).addEvidence(Evidence.field("status.phase", phase.isEmpty() ? "<unset>" : phase)).build());
      }
    }
    return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", findings);
  }

  /**
   * A claim whose volume the resize controller has expanded while its file system has not grown yet: the controller
   * writes {@code FileSystemResizePending=True} ("Waiting for user to (re-)start a pod to finish file system resize of
   * volume on node.") once the storage side is done, on a bound claim only, and the kubelet clears it when it grows
   * the file system of a pod's mount (at once for a volume mounted online; at the next mount otherwise). The claim is
   * usable at its old size meanwhile: PROGRESSING while the condition is younger than the stuck window, DEGRADED once
   * it has stood longer (by its own lastTransitionTime), since then no kubelet is growing it: no pod mounts the
   * volume, or the node's expansion fails, and someone has to act.
   */
  private Verdict resizePending(AnalysisContext ctx, Unstructured u, Condition resize) {
    String requested = u.string("spec", "resources", "requests", "storage");
    String capacity = u.string("status", "capacity", "storage");
    // A wait whose start is not written is not known to be stuck: it stays a wait.
    boolean young = resize.since().isEmpty()
        || Times.withinGrace(ctx.now(), resize.since(), ctx.tolerance().stuckOr(STUCK));
    String sizes = requested.isEmpty() || capacity.isEmpty() ? "" : " (" + capacity + " of " + requested + ")";
    String message = "file system resize waits for the kubelet" + sizes
        + (young ? "" : " for at least " + WarningEvents.human(Duration.between(resize.since().get(), ctx.now()))
            + ": no pod mounting the volume has grown it")
        + (resize.message().isEmpty() ? "" : ": " + resize.message());
    Finding finding = Finding.builder().subject(ctx.node().ref()).health(young ? Health.PROGRESSING : Health.DEGRADED)
        .reason(FILE_SYSTEM_RESIZE_PENDING).message(message).since(resize.since()).addEvidence(resize.evidence())
        .build();
    return young ? Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", List.of(finding))
        : Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", List.of(finding));
  }

  /** The Events an external provisioner records about a claim it works on (sig-storage-lib-external-provisioner). */
  private static final Set<String> PROVISIONER_EVENTS = Set.of("Provisioning", "ProvisioningSucceeded",
      "ProvisioningFailed");

  /**
   * A claim whose class names an external provisioner: the persistentvolume-controller records
   * {@code ExternalProvisioning} ("waiting for a volume to be created, either by external provisioner "x" ...") on
   * every sync while it waits, and the provisioner, once it takes the claim, records {@code Provisioning} ("External
   * provisioner is provisioning volume for claim ..."), then {@code ProvisioningSucceeded} or a Warning
   * {@code ProvisioningFailed}. The volume controller's Events lasting the stuck window with none from the provisioner
   * in view: the provisioner is not running, not registered under that name, or not handling the claim. DEGRADED;
   * younger, or with the provisioner's own Events in view, the claim only waits.
   */
  private static Optional<Finding> silentProvisioner(AnalysisContext ctx, ObjectRef ref) {
    if (ctx.events().stream().anyMatch(e -> PROVISIONER_EVENTS.contains(e.reason()))) {
      return Optional.empty();
    }
    return EventRecord.fold(ctx.events().stream().filter(e -> e.reason().equals("ExternalProvisioning")).toList())
        .stream().filter(e -> WarningEvents.lastedAtLeast(e.firstTime().or(e::lastTime), e.lastTime(),
            ctx.tolerance().stuckOr(WarningEvents.STUCK)))
        .findFirst()
        .map(e -> Finding.builder().subject(ref).health(Health.DEGRADED).reason(PROVISIONER_NOT_RESPONDING)
            .message("no external provisioner has taken the claim: " + e.message().strip()
                + (e.count() > 1 ? " (x" + e.count() + ")" : "") + " for "
                + WarningEvents.human(Duration.between(e.firstTime().or(e::lastTime).get(),
                    e.lastTime().get())))
            .since(e.firstTime().or(e::lastTime)).addEvidence(Evidence.event(e)).build());
  }

  /** The annotation that named a claim's class before {@code spec.storageClassName}; still honoured. */
  static final String BETA_CLASS = "volume.beta.kubernetes.io/storage-class";

  /** A class name as the API accepts one (a DNS-1123 subdomain); an annotation's value is free text until checked. */
  private static final Pattern CLASS_NAME = Pattern.compile(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * The claim's class as Kubernetes reads it ({@code GetPersistentVolumeClaimClass}): the beta annotation older claims
   * carry first, when it holds a valid name, then {@code spec.storageClassName}.
   */
  static String storageClass(Unstructured u) {
    String annotated = betaClass(u);
    return annotated.isEmpty() ? u.string("spec", "storageClassName") : annotated;
  }

  private static String betaClass(Unstructured u) {
    String value = u.stringMap("metadata", "annotations").getOrDefault(BETA_CLASS, "");
    return value.length() <= 253 && CLASS_NAME.matcher(value).matches() ? value : "";
  }

  /** Where the claim names its class. */
  static String classField(Unstructured u) {
    return betaClass(u).isEmpty() ? "spec.storageClassName" : "metadata.annotations[" + BETA_CLASS + "]";
  }

  /** The volume controller's words for a class that does not exist: {@code storageclass.storage.k8s.io "x" not found}. */
  private static final String CLASS_NOT_FOUND = "storageclass.storage.k8s.io \"%s\" not found";
  /** Its words for a claim that names no class where no default class exists and no volume fits. */
  private static final String NO_CLASS_SET = "no storage class is set";

  /**
   * Where StorageClasses are not in view (a capture without them, or a caller not allowed to list them), the volume
   * controller's Events say what the classes would: a {@code ProvisioningFailed} Warning naming the claim's class as
   * not found, or a {@code FailedBinding} (a Normal Event) "no persistent volumes available for this claim and no
   * storage class is set" for a claim that names none.
   */
  private static Optional<Finding> controllerSays(AnalysisContext ctx, ObjectRef ref, Optional<EventRecord> failed,
      String storageClass, boolean classKeyPresent) {
    if (!storageClass.isEmpty()) {
      // Only the latest ProvisioningFailed: an older one is from before the class was created.
      String notFound = String.format(CLASS_NOT_FOUND, storageClass);
      return failed.filter(e -> e.message().contains(notFound))
          .map(e -> Finding.builder().subject(ref).health(Health.DEGRADED).reason(STORAGE_CLASS_NOT_FOUND)
              .message("StorageClass " + storageClass + " does not exist; nothing will provision this claim")
              .addEvidence(Evidence.field(classField(Unstructured.of(ctx.node().object())), storageClass))
              .addEvidence(Evidence.event(e))
              .build());
    }
    if (classKeyPresent) {
      return Optional.empty();
    }
    // The controller records FailedBinding as a Normal Event: it keeps retrying.
    return ctx.events().stream().filter(e -> e.reason().equals("FailedBinding")
            && e.message().contains(NO_CLASS_SET)).findFirst()
        .map(e -> Finding.builder().subject(ref).health(Health.DEGRADED).reason(NO_DEFAULT_STORAGE_CLASS)
            .message("no storageClassName and no default StorageClass: nothing will provision this claim, and no"
                + " PersistentVolume fits it")
            .addEvidence(Evidence.field("spec.storageClassName", "<unset>")).addEvidence(Evidence.event(e)).build());
  }

  /**
   * When the claim's class is the default one and the claim as applied named none, the DefaultStorageClass
   * admission plugin set it: " (storageClassName fast was set by ...)". Without the applied configuration the
   * claim may have named it itself, and the sentence says so.
   */
  private static Optional<String> defaultedClass(Node claim, GraphView graph, String storageClass) {
    if (storageClass.isEmpty() || graph.node(ObjectRef.of(STORAGE_CLASS, "", storageClass))
        .filter(c -> "true".equals(c.annotations().get(AdmissionPlugins.DEFAULT_CLASS_ANNOTATION))).isEmpty()) {
      return Optional.empty();
    }
    String applied = claim.annotations().get("kubectl.kubernetes.io/last-applied-configuration");
    if (applied != null && !applied.contains("\"storageClassName\"")) {
      return Optional.of(" (storageClassName " + storageClass + " was set by the DefaultStorageClass admission"
          + " plugin: the claim as applied names no class, and " + storageClass + " is the default one)");
    }
    return applied == null ? Optional.of(" (" + storageClass + " is the default StorageClass: if the claim named"
        + " none, the DefaultStorageClass admission plugin set it)") : Optional.empty();
  }

  private static boolean noDefaultClass(GraphView graph) {
    return graph.list(STORAGE_CLASS, "").stream().noneMatch(c -> "true".equals(
        c.annotations().get(AdmissionPlugins.DEFAULT_CLASS_ANNOTATION)));
  }

  private static boolean noAvailableVolume(GraphView graph) {
    return !graph.observes(GroupKind.PERSISTENT_VOLUME) || graph.list(GroupKind.PERSISTENT_VOLUME, "").stream()
        .noneMatch(pv -> "Available".equals(Unstructured.of(pv.object()).string("status", "phase")));
  }

  static Finding finding(ObjectRef ref, Health health, ReasonCode reason, String message, String path, String value) {
    return Finding.builder().subject(ref).health(health).reason(reason).message(message)
        .addEvidence(Evidence.field(path, value)).build();
  }
}
