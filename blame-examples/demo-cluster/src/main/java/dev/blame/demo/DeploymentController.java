package dev.blame.demo;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deployment -> ReplicaSets, after pkg/controller/deployment (sync.go, rolling.go, progress.go), reduced
 * to RollingUpdate and Recreate without pausing or rollback requests.
 */
final class DeploymentController {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String HASH_LABEL = "pod-template-hash";
  private static final String COMPONENT = "deployment-controller";

  private final ControllerSimulator sim;

  DeploymentController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (Deployment d : sim.deployments.list()) {
      if (d.getMetadata().getDeletionTimestamp() == null) {
        sync(d);
      }
    }
  }

  static int revision(ReplicaSet rs) {
    try {
      return Integer.parseInt(rs.getMetadata().getAnnotations().getOrDefault(REVISION, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void sync(Deployment d) {
    String hash = Hashes.templateHash(d.getSpec().getTemplate());
    sim.adopt(sim.replicaSets, d, d.getSpec().getSelector());
    List<ReplicaSet> owned = new ArrayList<>(sim.replicaSets.ownedBy(d.getMetadata().getUid()));
    owned.sort(Comparator.comparingInt(DeploymentController::revision));
    int maxRevision = owned.stream().mapToInt(DeploymentController::revision).max().orElse(0);
    ReplicaSet newRs = owned.stream().filter(rs -> hash.equals(rs.getMetadata().getLabels().get(HASH_LABEL)))
        .findFirst().orElse(null);
    int desired = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
    if (Boolean.TRUE.equals(d.getSpec().getPaused()) && !owned.isEmpty()) {
      // A paused Deployment makes no new ReplicaSet and rolls nothing (the controller's sync without rollout): a
      // template edit waits for `kubectl rollout resume`; only the replica count is kept on the newest one.
      ReplicaSet newest = newRs != null ? newRs : owned.get(owned.size() - 1);
      if (owned.size() == 1) {
        scale(d, newest, desired);
      }
      updateStatus(d, sim.replicaSets.ownedBy(d.getMetadata().getUid()),
          newRs == null ? null : newRs.getMetadata().getName(), desired, false);
      return;
    }
    boolean created = false;
    if (newRs == null) {
      newRs = createReplicaSet(d, hash, maxRevision + 1, owned.isEmpty() ? desired : 0);
      owned.add(newRs);
      created = true;
    } else if (revision(newRs) < maxRevision) {
      // A template that matches an old ReplicaSet again (a rollback): that one becomes the newest revision.
      // The old number goes to revision-history, as SetNewReplicaSetAnnotations does (deployment/util).
      Map<String, String> rsAnnotations = newRs.getMetadata().getAnnotations();
      String old = rsAnnotations.get(REVISION);
      String history = rsAnnotations.get(REVISION_HISTORY);
      rsAnnotations.put(REVISION_HISTORY, history == null || history.isEmpty() ? old : history + "," + old);
      rsAnnotations.put(REVISION, String.valueOf(maxRevision + 1));
      newRs = sim.update(sim.replicaSets, newRs);
    }
    String revision = String.valueOf(revision(newRs));
    if (!revision.equals(annotations(d).get(REVISION))) {
      d.getMetadata().setAnnotations(new HashMap<>(annotations(d)));
      d.getMetadata().getAnnotations().put(REVISION, revision);
      d = sim.update(sim.deployments, d);
    }
    ReplicaSet finalNew = newRs;
    List<ReplicaSet> old = owned.stream().filter(rs -> !rs.getMetadata().getUid().equals(finalNew.getMetadata()
        .getUid())).toList();
    boolean recreate = d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
    if (!created) {
      if (recreate) {
        recreate(d, newRs, old, desired);
      } else {
        rollingUpdate(d, newRs, old, desired);
      }
    }
    updateStatus(d, sim.replicaSets.ownedBy(d.getMetadata().getUid()), newRs.getMetadata().getName(), desired,
        created);
  }

  private static Map<String, String> annotations(Deployment d) {
    return d.getMetadata().getAnnotations() == null ? Map.of() : d.getMetadata().getAnnotations();
  }

  private ReplicaSet createReplicaSet(Deployment d, String hash, int revision, int replicas) {
    String name = d.getMetadata().getName() + "-" + hash;
    PodTemplateSpec template = new PodTemplateSpecBuilder(d.getSpec().getTemplate()).editOrNewMetadata()
        .addToLabels(HASH_LABEL, hash).endMetadata().build();
    ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName(name)
        .withNamespace(d.getMetadata().getNamespace()).withLabels(template.getMetadata().getLabels())
        .addToAnnotations(REVISION, String.valueOf(revision))
        .addToAnnotations("deployment.kubernetes.io/desired-replicas",
            String.valueOf(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1)))
        .addToAnnotations("deployment.kubernetes.io/max-replicas",
            String.valueOf(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1) + maxSurge(d)))
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
            .withName(d.getMetadata().getName()).withUid(d.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata()
        .withNewSpec().withReplicas(replicas).withMinReadySeconds(d.getSpec().getMinReadySeconds())
        .withSelector(new LabelSelectorBuilder(d.getSpec().getSelector()).addToMatchLabels(HASH_LABEL, hash).build())
        .withTemplate(template).endSpec().build();
    ReplicaSet createdRs = sim.create(sim.replicaSets, rs);
    if (replicas > 0) {
      sim.events.normal(d, COMPONENT, "ScalingReplicaSet", "Scaled up replica set " + name + " to " + replicas);
    }
    return createdRs;
  }

  private static int resolve(IntOrString value, int total, boolean roundUp, String fallback) {
    IntOrString v = value == null ? new IntOrString(fallback) : value;
    if (v.getIntVal() != null) {
      return v.getIntVal();
    }
    String s = v.getStrVal();
    if (s.endsWith("%")) {
      double pct = Integer.parseInt(s.substring(0, s.length() - 1)) * total / 100.0;
      return (int) (roundUp ? Math.ceil(pct) : Math.floor(pct));
    }
    return Integer.parseInt(s);
  }

  private static int maxSurge(Deployment d) {
    int desired = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
    var ru = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
    return resolve(ru == null ? null : ru.getMaxSurge(), desired, true, "25%");
  }

  private static int maxUnavailable(Deployment d) {
    int desired = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
    var ru = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
    int surge = maxSurge(d);
    int unavailable = resolve(ru == null ? null : ru.getMaxUnavailable(), desired, false, "25%");
    return surge == 0 && unavailable == 0 ? 1 : Math.min(unavailable, desired);
  }

  private static int spec(ReplicaSet rs) {
    return Optional.ofNullable(rs.getSpec().getReplicas()).orElse(0);
  }

  private static int available(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : Optional.ofNullable(rs.getStatus().getAvailableReplicas()).orElse(0);
  }

  private static int ready(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : Optional.ofNullable(rs.getStatus().getReadyReplicas()).orElse(0);
  }

  private static int current(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : Optional.ofNullable(rs.getStatus().getReplicas()).orElse(0);
  }

  private void scale(Deployment d, ReplicaSet rs, int replicas) {
    int from = spec(rs);
    if (from == replicas) {
      return;
    }
    rs.getSpec().setReplicas(replicas);
    rs.getMetadata().getAnnotations().put("deployment.kubernetes.io/desired-replicas",
        String.valueOf(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1)));
    sim.update(sim.replicaSets, rs);
    sim.events.normal(d, COMPONENT, "ScalingReplicaSet", "Scaled " + (replicas > from ? "up" : "down")
        + " replica set " + rs.getMetadata().getName() + " to " + replicas + (replicas > from ? "" : " from " + from));
  }

  private void recreate(Deployment d, ReplicaSet newRs, List<ReplicaSet> old, int desired) {
    boolean oldRunning = false;
    for (ReplicaSet rs : old) {
      if (spec(rs) > 0) {
        scale(d, rs, 0);
      }
      oldRunning |= current(rs) > 0;
    }
    if (!oldRunning) {
      scale(d, newRs, desired);
    }
  }

  private void rollingUpdate(Deployment d, ReplicaSet newRs, List<ReplicaSet> old, int desired) {
    int surge = maxSurge(d);
    int oldTotal = old.stream().mapToInt(DeploymentController::spec).sum();
    int newSpec = spec(newRs);
    if (newSpec < desired) {
      int allowed = desired + surge - (oldTotal + newSpec);
      if (allowed > 0) {
        scale(d, newRs, Math.min(desired, newSpec + allowed));
        newSpec = spec(newRs);
      }
    } else if (newSpec > desired) {
      scale(d, newRs, desired);
      newSpec = desired;
    }
    if (old.isEmpty()) {
      return;
    }
    int minAvailable = desired - maxUnavailable(d);
    int allPods = oldTotal + newSpec;
    int newUnavailable = Math.max(0, newSpec - available(newRs));
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    // First remove old replicas that are not available anyway (cleanupUnhealthyReplicas) ...
    for (ReplicaSet rs : old) {
      if (maxScaledDown <= 0) {
        break;
      }
      int unhealthy = spec(rs) - available(rs);
      if (unhealthy > 0) {
        int down = Math.min(maxScaledDown, unhealthy);
        scale(d, rs, spec(rs) - down);
        maxScaledDown -= down;
      }
    }
    // ... then available ones while enough pods stay available (scaleDownOldReplicaSetsForRollingUpdate).
    int availableTotal = available(newRs) + old.stream().mapToInt(DeploymentController::available).sum();
    int canRemove = Math.min(availableTotal - minAvailable, maxScaledDown);
    for (ReplicaSet rs : old) {
      if (canRemove <= 0) {
        break;
      }
      int down = Math.min(canRemove, spec(rs));
      if (down > 0) {
        scale(d, rs, spec(rs) - down);
        canRemove -= down;
      }
    }
  }

  private void updateStatus(Deployment d, List<ReplicaSet> owned, String newRsName, int desired,
      boolean createdNewRs) {
    ReplicaSet newRs = owned.stream().filter(rs -> rs.getMetadata().getName().equals(newRsName)).findFirst()
        .orElse(null);
    int replicas = owned.stream().mapToInt(DeploymentController::current).sum();
    int updated = newRs == null ? 0 : current(newRs);
    int ready = owned.stream().mapToInt(DeploymentController::ready).sum();
    int available = owned.stream().mapToInt(DeploymentController::available).sum();
    int specTotal = owned.stream().mapToInt(DeploymentController::spec).sum();
    DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    String now = sim.now();
    List<DeploymentCondition> conditions = new ArrayList<>();

    boolean minAvailable = available >= desired - maxUnavailable(d);
    conditions.add(condition(old, "Available", minAvailable ? "True" : "False",
        minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        minAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
        now, false));

    DeploymentCondition progressing = find(old, "Progressing");
    boolean complete = newRsName != null && updated == desired && replicas == desired && available == desired
        && specTotal == desired;
    boolean progressed = createdNewRs || old.getUpdatedReplicas() == null
        || updated > nz(old.getUpdatedReplicas()) || available > nz(old.getAvailableReplicas())
        || ready > nz(old.getReadyReplicas()) || replicas < nz(old.getReplicas()) && updated == desired;
    Integer deadline = d.getSpec().getProgressDeadlineSeconds() == null ? 600
        : d.getSpec().getProgressDeadlineSeconds();
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      conditions.add(condition(old, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now, false));
    } else if (progressing != null && "DeploymentPaused".equals(progressing.getReason()) && !createdNewRs
        && !complete) {
      conditions.add(condition(old, "Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", now,
          false));
    } else if (complete) {
      conditions.add(condition(old, "Progressing", "True", "NewReplicaSetAvailable",
          "ReplicaSet \"" + newRsName + "\" has successfully progressed.", now, true));
    } else if (createdNewRs) {
      conditions.add(condition(old, "Progressing", "True", "NewReplicaSetCreated",
          "Created new replica set \"" + newRsName + "\"", now, true));
    } else if (progressing != null && "ProgressDeadlineExceeded".equals(progressing.getReason())
        && progressing.getMessage() != null && progressing.getMessage().contains("\"" + newRsName + "\"")) {
      conditions.add(progressing);
    } else if (progressed || progressing == null) {
      conditions.add(condition(old, "Progressing", "True", "ReplicaSetUpdated",
          "ReplicaSet \"" + newRsName + "\" is progressing.", now, true));
    } else if (deadline != null && progressing.getLastUpdateTime() != null
        && Duration.between(Instant.parse(progressing.getLastUpdateTime()), Instant.parse(now)).getSeconds()
            > deadline) {
      // Measured at the reconcile's one instant, the one the condition records: a second read of the clock could be
      // past the deadline while the condition's transition time (now) is not.
      conditions.add(condition(old, "Progressing", "False", "ProgressDeadlineExceeded",
          "ReplicaSet \"" + newRsName + "\" has timed out progressing.", now, true));
      sim.events.warning(d, COMPONENT, "ProgressDeadlineExceeded",
          "Deployment \"" + d.getMetadata().getName() + "\" has timed out progressing.");
    } else {
      conditions.add(progressing);
    }

    owned.stream().filter(rs -> rs.getStatus() != null).flatMap(rs -> rs.getStatus().getConditions().stream())
        .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())).findFirst()
        .ifPresent((ReplicaSetCondition c) -> conditions.add(condition(old, "ReplicaFailure", "True", c.getReason(),
            c.getMessage(), now, false)));

    DeploymentStatus status = new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(replicas).withUpdatedReplicas(updated).withReadyReplicas(ready)
        .withAvailableReplicas(available).withUnavailableReplicas(Math.max(0, specTotal - available) == 0 ? null
            : Math.max(0, specTotal - available))
        .withConditions(conditions).build();
    if (!status.equals(d.getStatus())) {
      d.setStatus(status);
      sim.updateStatus(sim.deployments, d);
    }
  }

  private static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  private static DeploymentCondition find(DeploymentStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** A condition that keeps its transition time while its status holds, like SetDeploymentCondition. */
  private static DeploymentCondition condition(DeploymentStatus old, String type, String status, String reason,
      String message, String now, boolean touchUpdateTime) {
    DeploymentCondition previous = find(old, type);
    boolean same = previous != null && Objects.equals(previous.getStatus(), status);
    boolean unchanged = same && Objects.equals(previous.getReason(), reason)
        && Objects.equals(previous.getMessage(), message);
    String updateTime = unchanged && !touchUpdateTime ? previous.getLastUpdateTime() : now;
    if (unchanged && touchUpdateTime && "ReplicaSetUpdated".equals(reason)) {
      updateTime = now;
    } else if (unchanged) {
      updateTime = previous.getLastUpdateTime();
    }
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withLastUpdateTime(updateTime)
        .withLastTransitionTime(same ? previous.getLastTransitionTime() : now).build();
  }
}
