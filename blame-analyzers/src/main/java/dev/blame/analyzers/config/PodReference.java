package dev.blame.analyzers.config;

import dev.blame.api.EdgeKind;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object a pod's spec names, with where and how: a volume, an env source, an image pull secret, the
 * service account or the node. Read from the pod alone.
 */
record PodReference(EdgeKind edge, ObjectRef target, String path, Optional<String> container, boolean optional,
    Use use) {

  enum Use { VOLUME, CLAIM, ENV, PULL_SECRET, SERVICE_ACCOUNT, NODE }

  /** Every reference in the pod spec, one per (target, use, container). Reads the typed pod: no copy. */
  static List<PodReference> of(String namespace, String podName, Pod pod) {
    Map<String, PodReference> refs = new LinkedHashMap<>();
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    for (Volume v : nonNull(spec.getVolumes())) {
      String path = "spec.volumes[" + text(v.getName()) + "]";
      if (v.getConfigMap() != null) {
        volume(refs, namespace, GroupKind.CONFIG_MAP, text(v.getConfigMap().getName()), path + ".configMap",
            Boolean.TRUE.equals(v.getConfigMap().getOptional()));
      }
      if (v.getSecret() != null) {
        volume(refs, namespace, GroupKind.SECRET, text(v.getSecret().getSecretName()), path + ".secret",
            Boolean.TRUE.equals(v.getSecret().getOptional()));
      }
      String claim = v.getPersistentVolumeClaim() == null ? "" : text(v.getPersistentVolumeClaim().getClaimName());
      if (v.getEphemeral() != null) {
        claim = podName + "-" + text(v.getName());
      }
      if (!claim.isEmpty()) {
        add(refs, new PodReference(EdgeKind.MOUNTS, ObjectRef.of(GroupKind.PERSISTENT_VOLUME_CLAIM, namespace, claim),
            path + (v.getEphemeral() != null ? ".ephemeral" : ".persistentVolumeClaim"), Optional.empty(), false,
            Use.CLAIM));
      }
      if (v.getProjected() != null) {
        for (VolumeProjection s : nonNull(v.getProjected().getSources())) {
          if (s.getConfigMap() != null) {
            volume(refs, namespace, GroupKind.CONFIG_MAP, text(s.getConfigMap().getName()),
                path + ".projected.configMap", Boolean.TRUE.equals(s.getConfigMap().getOptional()));
          }
          if (s.getSecret() != null) {
            volume(refs, namespace, GroupKind.SECRET, text(s.getSecret().getName()), path + ".projected.secret",
                Boolean.TRUE.equals(s.getSecret().getOptional()));
          }
        }
      }
    }
    containers(refs, namespace, "initContainers", nonNull(spec.getInitContainers()).stream()
        .map(c -> new ContainerRefs(c.getName(), c.getEnv(), c.getEnvFrom())).toList());
    containers(refs, namespace, "containers", nonNull(spec.getContainers()).stream()
        .map(c -> new ContainerRefs(c.getName(), c.getEnv(), c.getEnvFrom())).toList());
    containers(refs, namespace, "ephemeralContainers", nonNull(spec.getEphemeralContainers()).stream()
        .map(c -> new ContainerRefs(c.getName(), c.getEnv(), c.getEnvFrom())).toList());
    for (LocalObjectReference s : nonNull(spec.getImagePullSecrets())) {
      if (!text(s.getName()).isEmpty()) {
        add(refs, new PodReference(EdgeKind.REFERENCES, ObjectRef.of(GroupKind.SECRET, namespace, s.getName()),
            "spec.imagePullSecrets", Optional.empty(), false, Use.PULL_SECRET));
      }
    }
    String sa = text(spec.getServiceAccountName()).isEmpty() ? text(spec.getServiceAccount())
        : text(spec.getServiceAccountName());
    if (!sa.isEmpty()) {
      add(refs, new PodReference(EdgeKind.REFERENCES, ObjectRef.of(GroupKind.SERVICE_ACCOUNT, namespace, sa),
          "spec.serviceAccountName", Optional.empty(), false, Use.SERVICE_ACCOUNT));
    }
    String node = text(spec.getNodeName());
    if (!node.isEmpty()) {
      add(refs, new PodReference(EdgeKind.RUNS_ON, ObjectRef.of(GroupKind.NODE, "", node), "spec.nodeName",
          Optional.empty(), false, Use.NODE));
    }
    return new ArrayList<>(refs.values());
  }

  /** What init, regular and ephemeral containers share: a name, env and envFrom. */
  private record ContainerRefs(String name, List<EnvVar> env, List<EnvFromSource> envFrom) {}

  private static void containers(Map<String, PodReference> refs, String namespace, String list,
      List<ContainerRefs> containers) {
    for (ContainerRefs c : containers) {
      Optional<String> container = Optional.of(text(c.name()));
      String base = "spec." + list + "[" + text(c.name()) + "]";
      for (EnvVar e : nonNull(c.env())) {
        if (e.getValueFrom() == null) {
          continue;
        }
        String path = base + ".env[" + text(e.getName()) + "]";
        ConfigMapKeySelector cm = e.getValueFrom().getConfigMapKeyRef();
        if (cm != null) {
          env(refs, namespace, GroupKind.CONFIG_MAP, text(cm.getName()), Boolean.TRUE.equals(cm.getOptional()), path,
              container);
        }
        SecretKeySelector secret = e.getValueFrom().getSecretKeyRef();
        if (secret != null) {
          env(refs, namespace, GroupKind.SECRET, text(secret.getName()), Boolean.TRUE.equals(secret.getOptional()),
              path, container);
        }
      }
      for (EnvFromSource e : nonNull(c.envFrom())) {
        if (e.getConfigMapRef() != null) {
          env(refs, namespace, GroupKind.CONFIG_MAP, text(e.getConfigMapRef().getName()),
              Boolean.TRUE.equals(e.getConfigMapRef().getOptional()), base + ".envFrom.configMapRef", container);
        }
        if (e.getSecretRef() != null) {
          env(refs, namespace, GroupKind.SECRET, text(e.getSecretRef().getName()),
              Boolean.TRUE.equals(e.getSecretRef().getOptional()), base + ".envFrom.secretRef", container);
        }
      }
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void volume(Map<String, PodReference> refs, String ns, GroupKind kind, String name, String path,
      boolean optional) {
    if (!name.isEmpty()) {
      add(refs, new PodReference(EdgeKind.MOUNTS, ObjectRef.of(kind, ns, name), path, Optional.empty(), optional,
          Use.VOLUME));
    }
  }

  private static void env(Map<String, PodReference> refs, String ns, GroupKind kind, String name, boolean optional,
      String path, Optional<String> container) {
    if (!name.isEmpty()) {
      add(refs, new PodReference(EdgeKind.REFERENCES, ObjectRef.of(kind, ns, name), path, container, optional,
          Use.ENV));
    }
  }

  private static void add(Map<String, PodReference> refs, PodReference ref) {
    String key = ref.target() + "|" + ref.use() + "|" + ref.container().orElse("") + "|" + ref.optional();
    refs.putIfAbsent(key, ref);
  }

  /** The pod volume this reference comes from ({@code spec.volumes[NAME]...}); empty for env, secrets and the rest. */
  Optional<String> volume() {
    if (!path.startsWith(VOLUMES) || path.indexOf(']') < 0) {
      return Optional.empty();
    }
    return Optional.of(path.substring(VOLUMES.length(), path.indexOf(']')));
  }

  private static final String VOLUMES = "spec.volumes[";
}
