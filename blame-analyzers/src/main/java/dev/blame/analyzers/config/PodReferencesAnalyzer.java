package dev.blame.analyzers.config;

import dev.blame.analyzers.support.AdmissionPlugins;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
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
          findings.add(AbsentReferences.missing(ctx, pod, r));
        } else if (!r.optional() && r.use() == PodReference.Use.VOLUME) {
          AbsentReferences.unverifiedVolume(ctx, pod, r).ifPresent(findings::add);
        } else if (r.use() == PodReference.Use.CLAIM && "Pending".equals(phase)) {
          ClaimScheduling.unobservedClaim(ctx, pod, r).ifPresent(findings::add);
        }
      } else if (r.use() == PodReference.Use.NODE) {
        findings.addAll(NodeConditions.check(ctx.node().ref(), pod, target.get(), evicted, ctx.now()));
      } else if (r.use() == PodReference.Use.CLAIM && "Pending".equals(phase)) {
        ClaimScheduling.claimNotBound(ctx, r, target.get())
            .or(() -> ClaimScheduling.volumeNodeAffinity(ctx, status, target.get())).ifPresent(findings::add);
      }
    }
    if ("Pending".equals(phase) || phase.isEmpty()) {
      ClaimScheduling.volumeConflictNotInView(ctx, pod, status).ifPresent(findings::add);
    }
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, "", findings);
  }

  /** 3d, 5h, 12m, 45s: the largest whole unit. */
  static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 86_400 ? s / 86_400 + "d" : s >= 3600 ? s / 3600 + "h" : s >= 60 ? s / 60 + "m" : s + "s";
  }
}