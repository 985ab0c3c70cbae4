package dev.blame.core.internal;

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
import java.lang.ref.WeakReference;
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
 * containers, volumes, imagePullSecrets, service account, node, restart policy, tolerations and readiness gates; status phase, reason,
 * message, start time, conditions and container statuses (without container and image ids); managedFields as
 * {@link Ingest#managedFields} keeps them for every object. Dropped: resources, affinity, IPs and the like.
 *
 * <p>Containers, volumes, labels, annotations, owner references and common strings are held once: fabric8's
 * model classes compare by value, and the pods of one template carry equal ones. A pod first compares its parts
 * with the last pod of its template (same controller uid and template hash), which is cheap; only a pod of a
 * template not seen recently has them shared through {@link Compact}, with the rest of the graph. Conditions are shared with that
 * sibling's when equal, never interned cluster-wide (their timestamps are nearly unique in a real cluster);
 * equal timestamps within a pod are held once. Empty collections are the shared immutable ones, including the
 * {@code additionalProperties} map fabric8 allocates for every object.
 *
 * <p>The result is read-only, like every object in the graph.
 */
final class SlimPods {

  private static final Map<String, Object> NONE = Collections.emptyMap();

  /** The pod spec fields kept; {@link JsonManifests} skips the others while reading. */
  static final java.util.Set<String> SPEC_FIELDS = java.util.Set.of("containers", "initContainers",
      "ephemeralContainers", "volumes", "imagePullSecrets", "serviceAccountName", "serviceAccount", "nodeName",
      "restartPolicy", "tolerations", "readinessGates");
  /** The container fields kept (init and regular containers). */
  static final java.util.Set<String> CONTAINER_FIELDS = java.util.Set.of("name", "image", "env", "envFrom", "ports",
      "readinessProbe", "startupProbe");
  /** Pod status fields dropped. */
  static final java.util.Set<String> STATUS_DROPPED = java.util.Set.of("hostIP", "hostIPs", "podIP", "podIPs",
      "qosClass", "nominatedNodeName", "allocatedResources", "resources", "resourceClaimStatuses", "volumeHealth");

  /**
   * The last pod slimmed per template (controller uid and template hash), whose parts the next pod of that
   * template compares its own with: siblings have equal ones, and comparing with one pod is much cheaper than
   * walking them into {@link Compact}'s table, which holds the parts of every template in the cluster. Bounded;
   * a pod whose template is not here goes through {@link Compact}.
   */
  private static final int TEMPLATES = 4_096;
  private final Map<String, WeakReference<Pod>> siblings = Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WeakReference<Pod>> eldest) {
          return size() > TEMPLATES;
        }
      });

  private final Ingest ingest;
  private final Compact compact;

  /** With the tables of one engine's ingest: its {@link Compact} and its managedFields rule. */
  SlimPods(Ingest ingest, Compact compact) {
    this.ingest = ingest;
    this.compact = compact;
  }

  Pod of(Pod pod) {
    dropNullItems(pod);
    String template = template(pod);
    WeakReference<Pod> last = template == null ? null : siblings.get(template);
    Pod sibling = last == null ? null : last.get();
    Times times = new Times(sibling);
    Pod slim = new Pod();
    slim.setAdditionalProperties(NONE);
    slim.setApiVersion(intern(pod.getApiVersion()));
    slim.setKind(intern(pod.getKind()));
    slim.setMetadata(metadata(pod.getMetadata(), sibling == null ? null : sibling.getMetadata(), times));
    slim.setSpec(pod.getSpec() == null ? null : spec(pod.getSpec(), sibling == null ? null : sibling.getSpec()));
    slim.setStatus(pod.getStatus() == null ? null
        : status(pod.getStatus(), sibling == null ? null : sibling.getStatus(), times));
    if (template != null) {
      siblings.put(template, new WeakReference<>(slim));
    }
    return slim;
  }

  /**
   * A file may hold an empty list item ({@code imagePullSecrets: [null]}, a stray {@code -}); the API server never
   * sends one. It says nothing, so it is dropped, as the list items this class reads are dereferenced.
   */
  private static void dropNullItems(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    if (meta != null) {
      meta.setFinalizers(present(meta.getFinalizers()));
      meta.setOwnerReferences(present(meta.getOwnerReferences()));
    }
    PodSpec spec = pod.getSpec();
    if (spec != null) {
      spec.setContainers(present(spec.getContainers()));
      spec.setInitContainers(present(spec.getInitContainers()));
      spec.setEphemeralContainers(present(spec.getEphemeralContainers()));
      spec.setVolumes(present(spec.getVolumes()));
      spec.setImagePullSecrets(present(spec.getImagePullSecrets()));
      spec.setTolerations(present(spec.getTolerations()));
    }
    PodStatus status = pod.getStatus();
    if (status != null) {
      status.setConditions(present(status.getConditions()));
      status.setContainerStatuses(present(status.getContainerStatuses()));
      status.setInitContainerStatuses(present(status.getInitContainerStatuses()));
      status.setEphemeralContainerStatuses(present(status.getEphemeralContainerStatuses()));
    }
  }

  private static <T> List<T> present(List<T> list) {
    if (list == null || list.stream().noneMatch(java.util.Objects::isNull)) {
      return list;
    }
    List<T> kept = new ArrayList<>(list.size());
    list.stream().filter(java.util.Objects::nonNull).forEach(kept::add);
    return kept;
  }

  /** The pod's controller uid and template hash; null when it has none. */
  private static String template(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    if (meta == null || meta.getLabels() == null || meta.getOwnerReferences() == null) {
      return null;
    }
    String hash = meta.getLabels().get("pod-template-hash");
    if (hash == null) {
      hash = meta.getLabels().get("controller-revision-hash");
    }
    for (OwnerReference owner : meta.getOwnerReferences()) {
      if (owner != null && Boolean.TRUE.equals(owner.getController()) && owner.getUid() != null) {
        return hash == null ? owner.getUid() : owner.getUid() + "/" + hash;
      }
    }
    return null;
  }

  /** The sibling's part when equal to this one, else this one held once. */
  private <T> T share(T value, T sibling) {
    if (value == null) {
      return null;
    }
    return sibling != null && (sibling == value || sibling.equals(value)) ? sibling : intern(value);
  }

  private ObjectMeta metadata(ObjectMeta meta, ObjectMeta sibling, Times times) {
    if (meta == null) {
      return null;
    }
    ObjectMeta slim = new ObjectMeta();
    slim.setAdditionalProperties(NONE);
    slim.setAnnotations(empty(meta.getAnnotations()) ? Collections.emptyMap()
        : share(meta.getAnnotations(), sibling == null ? null : sibling.getAnnotations()));
    slim.setManagedFields(ingest.managedFields(meta.getManagedFields(), sibling == null ? null : sibling.getManagedFields()));
    slim.setName(meta.getName());
    slim.setNamespace(intern(meta.getNamespace()));
    slim.setUid(meta.getUid());
    slim.setGenerateName(null);
    slim.setCreationTimestamp(times.of(meta.getCreationTimestamp()));
    slim.setDeletionTimestamp(times.of(meta.getDeletionTimestamp()));
    slim.setDeletionGracePeriodSeconds(meta.getDeletionGracePeriodSeconds());
    slim.setGeneration(meta.getGeneration());
    slim.setLabels(empty(meta.getLabels()) ? Collections.emptyMap()
        : share(meta.getLabels(), sibling == null ? null : sibling.getLabels()));
    slim.setFinalizers(empty(meta.getFinalizers()) ? List.of() : intern(List.copyOf(meta.getFinalizers())));
    List<OwnerReference> owners = meta.getOwnerReferences();
    if (empty(owners)) {
      slim.setOwnerReferences(List.of());
    } else if (sibling != null && equalOwners(owners, sibling.getOwnerReferences())) {
      slim.setOwnerReferences(sibling.getOwnerReferences());
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

  private PodSpec spec(PodSpec spec, PodSpec sibling) {
    PodSpec slim = new PodSpec();
    slim.setAdditionalProperties(NONE);
    slim.setContainers(containers(spec.getContainers(), sibling == null ? null : sibling.getContainers()));
    slim.setInitContainers(containers(spec.getInitContainers(), sibling == null ? null : sibling.getInitContainers()));
    slim.setEphemeralContainers(empty(spec.getEphemeralContainers()) ? List.of() : spec.getEphemeralContainers());
    slim.setVolumes(volumes(spec.getVolumes(), sibling == null ? null : sibling.getVolumes()));
    slim.setImagePullSecrets(empty(spec.getImagePullSecrets()) ? List.of()
        : share(List.copyOf(spec.getImagePullSecrets()), sibling == null ? null : sibling.getImagePullSecrets()));
    slim.setServiceAccountName(intern(spec.getServiceAccountName()));
    slim.setServiceAccount(intern(spec.getServiceAccount()));
    slim.setNodeName(intern(spec.getNodeName()));
    slim.setRestartPolicy(intern(spec.getRestartPolicy()));
    slim.setEvictionResponders(List.of());
    slim.setHostAliases(List.of());
    // Readiness gates: whether a pod whose Ready condition is not in view is ready as its containers say (rarely set).
    slim.setReadinessGates(empty(spec.getReadinessGates()) ? List.of() : List.copyOf(spec.getReadinessGates()));
    slim.setResourceClaims(List.of());
    slim.setSchedulingGates(List.of());
    // Tolerations: how long a pod stays on a NotReady or unreachable node (DefaultTolerationSeconds' 300 s or its own).
    // A null element (an empty `- ` in a hand-written file) is dropped: it tolerates nothing.
    slim.setTolerations(empty(spec.getTolerations()) ? List.of() : share(
        spec.getTolerations().stream().filter(java.util.Objects::nonNull).toList(),
        sibling == null ? null : sibling.getTolerations()));
    slim.setTopologySpreadConstraints(List.of());
    slim.setNodeSelector(Collections.emptyMap());
    slim.setOverhead(Collections.emptyMap());
    return slim;
  }

  private List<Container> containers(List<Container> containers, List<Container> sibling) {
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
      slim.add(s);
    }
    List<Container> copy = List.copyOf(slim);
    if (sibling != null && sibling.equals(copy)) {
      return sibling;
    }
    return intern(copy);
  }

  private List<Volume> volumes(List<Volume> volumes, List<Volume> sibling) {
    if (empty(volumes)) {
      return List.of();
    }
    List<Volume> slim = new ArrayList<>(volumes.size());
    boolean shared = true;
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      Volume same = sibling != null && sibling.size() == volumes.size() ? sibling.get(i) : null;
      v.setAdditionalProperties(NONE);
      if (v.getProjected() != null) {
        // The service account token volume: named per pod (kube-api-access-xxxxx), its sources shared.
        v.setProjected(share(v.getProjected(), same == null ? null : same.getProjected()));
        slim.add(v);
        shared = false;
      } else {
        slim.add(share(v, same));
      }
    }
    return shared ? share(List.copyOf(slim), sibling) : List.copyOf(slim);
  }

  private PodStatus status(PodStatus status, PodStatus sibling, Times times) {
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
    status.setStartTime(times.of(status.getStartTime()));
    status.setPhase(intern(status.getPhase()));
    status.setReason(intern(status.getReason()));
    if (empty(status.getConditions())) {
      status.setConditions(List.of());
    } else {
      // Conditions carry timestamps: shared with a sibling's when equal (pods started together), not interned.
      List<PodCondition> theirs = sibling == null ? List.of() : sibling.getConditions();
      List<PodCondition> conditions = new ArrayList<>(status.getConditions().size());
      for (PodCondition c : status.getConditions()) {
        c.setAdditionalProperties(NONE);
        c.setLastProbeTime(null);
        PodCondition same = null;
        for (PodCondition t : theirs) {
          if (t.equals(c)) {
            same = t;
            break;
          }
        }
        if (same == null) {
          c.setLastTransitionTime(times.of(c.getLastTransitionTime()));
          c.setType(intern(c.getType()));
          c.setStatus(intern(c.getStatus()));
          c.setReason(intern(c.getReason()));
          c.setMessage(intern(c.getMessage()));
        }
        conditions.add(same == null ? c : same);
      }
      List<PodCondition> copy = List.copyOf(conditions);
      status.setConditions(copy.equals(theirs) ? theirs : copy);
    }
    status.setContainerStatuses(containerStatuses(status.getContainerStatuses(), times));
    status.setInitContainerStatuses(containerStatuses(status.getInitContainerStatuses(), times));
    status.setEphemeralContainerStatuses(containerStatuses(status.getEphemeralContainerStatuses(), times));
    return status;
  }

  private List<ContainerStatus> containerStatuses(List<ContainerStatus> statuses, Times times) {
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
      s.setState(state(s.getState(), times));
      s.setLastState(state(s.getLastState(), times));
      slim.add(s);
    }
    return List.copyOf(slim);
  }

  private ContainerState state(ContainerState state, Times times) {
    if (state == null) {
      return null;
    }
    state.setAdditionalProperties(NONE);
    if (state.getRunning() != null) {
      state.getRunning().setAdditionalProperties(NONE);
      state.getRunning().setStartedAt(times.of(state.getRunning().getStartedAt()));
    }
    if (state.getWaiting() != null) {
      state.getWaiting().setAdditionalProperties(NONE);
      state.getWaiting().setReason(intern(state.getWaiting().getReason()));
    }
    if (state.getTerminated() != null) {
      state.getTerminated().setAdditionalProperties(NONE);
      state.getTerminated().setContainerID(null);
      state.getTerminated().setStartedAt(times.of(state.getTerminated().getStartedAt()));
      state.getTerminated().setFinishedAt(times.of(state.getTerminated().getFinishedAt()));
      state.getTerminated().setReason(intern(state.getTerminated().getReason()));
    }
    return state.getRunning() == null && state.getWaiting() == null && state.getTerminated() == null
        ? intern(state) : state;
  }

  /**
   * The timestamps of one pod, held once each: a pod's creation, scheduling and start often fall in one
   * second, and so do its readiness conditions; a sibling created or started in the same second shares them.
   */
  private static final class Times {
    private final String[] seen = new String[8];
    private int count;

    Times(Pod sibling) {
      if (sibling != null && sibling.getMetadata() != null) {
        of(sibling.getMetadata().getCreationTimestamp());
      }
      if (sibling != null && sibling.getStatus() != null) {
        of(sibling.getStatus().getStartTime());
      }
    }

    String of(String time) {
      if (time == null) {
        return null;
      }
      for (int i = 0; i < count; i++) {
        if (seen[i].equals(time)) {
          return seen[i];
        }
      }
      if (count < seen.length) {
        seen[count++] = time;
      }
      return time;
    }
  }

  private static boolean equalOwners(List<OwnerReference> owners, List<OwnerReference> sibling) {
    if (sibling == null || sibling.size() != owners.size()) {
      return false;
    }
    for (int i = 0; i < owners.size(); i++) {
      OwnerReference o = owners.get(i);
      if (o == null) {
        return false;
      }
      o.setAdditionalProperties(NONE);
      if (!o.equals(sibling.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean empty(java.util.Collection<?> c) {
    return c == null || c.isEmpty();
  }

  private static boolean empty(Map<?, ?> m) {
    return m == null || m.isEmpty();
  }

  /** The part held once for the whole graph (see {@link Compact}); its strings too. */
  private <T> T intern(T value) {
    return value == null ? null : compact.part(value);
  }
}
