package dev.blame.core.internal;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The pod the graph keeps: a fabric8 {@link Pod} with only the fields analyzers and views read, and whatever
 * pods of one template share held once.
 *
 * <p>A cluster has far more pods than anything else (150,000 at the scalability limit), and a decoded pod
 * retains ~36 KB. Kept: metadata (name, namespace, uid, labels, annotations, ownerReferences, timestamps,
 * generation, finalizers); spec containers (name, image, env, envFrom, ports, probes), init and ephemeral
 * containers, volumes, imagePullSecrets, service account, node and restart policy; status phase, reason,
 * message, start time, conditions and container statuses (without container and image ids). Dropped:
 * managedFields, resources, tolerations, affinity, IPs and the like. Containers, volumes, labels, annotations,
 * owner references and common strings are interned: fabric8's model classes compare by value, and the pods of
 * one ReplicaSet carry equal ones. Empty collections are the shared immutable ones, including the
 * {@code additionalProperties} map fabric8 allocates for every object.
 *
 * <p>The result is read-only, like every object in the graph.
 */
final class SlimPods {

  private static final Map<String, Object> NONE = Collections.emptyMap();
  private static final Interner<Object> SHARED = Interners.newWeakInterner();

  /** The pod spec fields kept; {@link JsonManifests} skips the others while reading. */
  static final java.util.Set<String> SPEC_FIELDS = java.util.Set.of("containers", "initContainers",
      "ephemeralContainers", "volumes", "imagePullSecrets", "serviceAccountName", "serviceAccount", "nodeName",
      "restartPolicy");
  /** The container fields kept (init and regular containers). */
  static final java.util.Set<String> CONTAINER_FIELDS = java.util.Set.of("name", "image", "env", "envFrom", "ports",
      "readinessProbe", "startupProbe");
  /** Pod status fields dropped. */
  static final java.util.Set<String> STATUS_DROPPED = java.util.Set.of("hostIP", "hostIPs", "podIP", "podIPs",
      "qosClass", "nominatedNodeName", "allocatedResources", "resources", "resourceClaimStatuses", "volumeHealth");

  private SlimPods() {}

  static Pod of(Pod pod) {
    Pod slim = new Pod();
    slim.setAdditionalProperties(NONE);
    slim.setApiVersion(intern(pod.getApiVersion()));
    slim.setKind(intern(pod.getKind()));
    slim.setMetadata(metadata(pod.getMetadata()));
    slim.setSpec(pod.getSpec() == null ? null : spec(pod.getSpec()));
    slim.setStatus(pod.getStatus() == null ? null : status(pod.getStatus()));
    return slim;
  }

  private static ObjectMeta metadata(ObjectMeta meta) {
    if (meta == null) {
      return null;
    }
    ObjectMeta slim = new ObjectMeta();
    slim.setAdditionalProperties(NONE);
    slim.setAnnotations(empty(meta.getAnnotations()) ? Collections.emptyMap() : intern(meta.getAnnotations()));
    slim.setManagedFields(List.of());
    slim.setName(meta.getName());
    slim.setNamespace(intern(meta.getNamespace()));
    slim.setUid(meta.getUid());
    slim.setGenerateName(null);
    slim.setCreationTimestamp(meta.getCreationTimestamp());
    slim.setDeletionTimestamp(meta.getDeletionTimestamp());
    slim.setDeletionGracePeriodSeconds(meta.getDeletionGracePeriodSeconds());
    slim.setGeneration(meta.getGeneration());
    slim.setLabels(empty(meta.getLabels()) ? Collections.emptyMap() : intern(meta.getLabels()));
    slim.setFinalizers(empty(meta.getFinalizers()) ? List.of() : intern(List.copyOf(meta.getFinalizers())));
    List<OwnerReference> owners = meta.getOwnerReferences();
    if (empty(owners)) {
      slim.setOwnerReferences(List.of());
    } else {
      List<OwnerReference> shared = new ArrayList<>(owners.size());
      for (OwnerReference owner : owners) {
        owner.setAdditionalProperties(NONE);
        shared.add(intern(owner));
      }
      slim.setOwnerReferences(intern(List.copyOf(shared)));
    }
    return slim;
  }

  private static PodSpec spec(PodSpec spec) {
    PodSpec slim = new PodSpec();
    slim.setAdditionalProperties(NONE);
    slim.setContainers(containers(spec.getContainers()));
    slim.setInitContainers(containers(spec.getInitContainers()));
    slim.setEphemeralContainers(empty(spec.getEphemeralContainers()) ? List.of() : spec.getEphemeralContainers());
    slim.setVolumes(volumes(spec.getVolumes()));
    slim.setImagePullSecrets(empty(spec.getImagePullSecrets()) ? List.of() : intern(List.copyOf(spec.getImagePullSecrets())));
    slim.setServiceAccountName(intern(spec.getServiceAccountName()));
    slim.setServiceAccount(intern(spec.getServiceAccount()));
    slim.setNodeName(intern(spec.getNodeName()));
    slim.setRestartPolicy(intern(spec.getRestartPolicy()));
    slim.setEvictionResponders(List.of());
    slim.setHostAliases(List.of());
    slim.setReadinessGates(List.of());
    slim.setResourceClaims(List.of());
    slim.setSchedulingGates(List.of());
    slim.setTolerations(List.of());
    slim.setTopologySpreadConstraints(List.of());
    slim.setNodeSelector(Collections.emptyMap());
    slim.setOverhead(Collections.emptyMap());
    return slim;
  }

  private static List<Container> containers(List<Container> containers) {
    if (empty(containers)) {
      return List.of();
    }
    List<Container> slim = new ArrayList<>(containers.size());
    for (Container c : containers) {
      Container s = new Container();
      s.setAdditionalProperties(NONE);
      s.setName(c.getName());
      s.setImage(c.getImage());
      s.setEnv(empty(c.getEnv()) ? List.of() : c.getEnv());
      s.setEnvFrom(empty(c.getEnvFrom()) ? List.of() : c.getEnvFrom());
      s.setPorts(empty(c.getPorts()) ? List.of() : c.getPorts());
      s.setReadinessProbe(c.getReadinessProbe());
      s.setStartupProbe(c.getStartupProbe());
      s.setArgs(List.of());
      s.setCommand(List.of());
      s.setResizePolicy(List.of());
      s.setRestartPolicyRules(List.of());
      s.setVolumeDevices(List.of());
      s.setVolumeMounts(List.of());
      slim.add(intern(s));
    }
    return intern(List.copyOf(slim));
  }

  private static List<Volume> volumes(List<Volume> volumes) {
    if (empty(volumes)) {
      return List.of();
    }
    List<Volume> slim = new ArrayList<>(volumes.size());
    boolean shared = true;
    for (Volume v : volumes) {
      v.setAdditionalProperties(NONE);
      if (v.getProjected() != null) {
        // The service account token volume: named per pod (kube-api-access-xxxxx), its sources shared.
        v.setProjected(intern(v.getProjected()));
        slim.add(v);
        shared = false;
      } else {
        slim.add(intern(v));
      }
    }
    return shared ? intern(List.copyOf(slim)) : List.copyOf(slim);
  }

  private static PodStatus status(PodStatus status) {
    status.setAdditionalProperties(NONE);
    status.setAllocatedResources(Collections.emptyMap());
    status.setHostIP(null);
    status.setHostIPs(List.of());
    status.setPodIP(null);
    status.setPodIPs(List.of());
    status.setQosClass(null);
    status.setNominatedNodeName(null);
    status.setResources(null);
    status.setResourceClaimStatuses(List.of());
    status.setNodeAllocatableResourceClaimStatuses(List.of());
    status.setVolumeHealth(List.of());
    status.setPhase(intern(status.getPhase()));
    status.setReason(intern(status.getReason()));
    if (empty(status.getConditions())) {
      status.setConditions(List.of());
    } else {
      List<PodCondition> conditions = new ArrayList<>(status.getConditions().size());
      for (PodCondition c : status.getConditions()) {
        c.setAdditionalProperties(NONE);
        c.setLastProbeTime(null);
        c.setType(intern(c.getType()));
        c.setStatus(intern(c.getStatus()));
        c.setReason(intern(c.getReason()));
        c.setMessage(intern(c.getMessage()));
        c.setLastTransitionTime(intern(c.getLastTransitionTime()));
        conditions.add(intern(c));
      }
      status.setConditions(List.copyOf(conditions));
    }
    status.setContainerStatuses(containerStatuses(status.getContainerStatuses()));
    status.setInitContainerStatuses(containerStatuses(status.getInitContainerStatuses()));
    status.setEphemeralContainerStatuses(containerStatuses(status.getEphemeralContainerStatuses()));
    return status;
  }

  private static List<ContainerStatus> containerStatuses(List<ContainerStatus> statuses) {
    if (empty(statuses)) {
      return List.of();
    }
    List<ContainerStatus> slim = new ArrayList<>(statuses.size());
    for (ContainerStatus s : statuses) {
      s.setAdditionalProperties(NONE);
      s.setContainerID(null);
      s.setImageID(null);
      s.setAllocatedResources(Collections.emptyMap());
      s.setAllocatedResourcesStatus(List.of());
      s.setResources(null);
      s.setUser(null);
      s.setVolumeMounts(List.of());
      s.setName(intern(s.getName()));
      s.setImage(intern(s.getImage()));
      s.setState(state(s.getState()));
      s.setLastState(state(s.getLastState()));
      slim.add(s);
    }
    return List.copyOf(slim);
  }

  private static ContainerState state(ContainerState state) {
    if (state == null) {
      return null;
    }
    state.setAdditionalProperties(NONE);
    if (state.getRunning() != null) {
      state.getRunning().setAdditionalProperties(NONE);
    }
    if (state.getWaiting() != null) {
      state.getWaiting().setAdditionalProperties(NONE);
      state.getWaiting().setReason(intern(state.getWaiting().getReason()));
    }
    if (state.getTerminated() != null) {
      state.getTerminated().setAdditionalProperties(NONE);
      state.getTerminated().setContainerID(null);
      state.getTerminated().setReason(intern(state.getTerminated().getReason()));
    }
    return state.getRunning() == null && state.getWaiting() == null && state.getTerminated() == null
        ? intern(state) : state;
  }

  private static boolean empty(java.util.Collection<?> c) {
    return c == null || c.isEmpty();
  }

  private static boolean empty(Map<?, ?> m) {
    return m == null || m.isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T> T intern(T value) {
    return value == null ? null : (T) SHARED.intern(value);
  }
}
