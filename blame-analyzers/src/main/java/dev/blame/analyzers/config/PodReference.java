package dev.blame.analyzers.config;

import dev.blame.analyzers.custom.Unstructured;
import dev.blame.api.EdgeKind;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
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

  /** Every reference in the pod spec, one per (target, use, container). */
  static List<PodReference> of(String namespace, String podName, Unstructured pod) {
    Map<String, PodReference> refs = new LinkedHashMap<>();
    for (Unstructured v : pod.list("spec", "volumes")) {
      String path = "spec.volumes[" + v.string("name") + "]";
      volume(refs, namespace, GroupKind.CONFIG_MAP, v.string("configMap", "name"), path + ".configMap",
          v.bool("configMap", "optional"));
      volume(refs, namespace, GroupKind.SECRET, v.string("secret", "secretName"), path + ".secret",
          v.bool("secret", "optional"));
      String claim = v.string("persistentVolumeClaim", "claimName");
      if (v.has("ephemeral")) {
        claim = podName + "-" + v.string("name");
      }
      if (!claim.isEmpty()) {
        add(refs, new PodReference(EdgeKind.MOUNTS, ObjectRef.of(GroupKind.PERSISTENT_VOLUME_CLAIM, namespace, claim),
            path + (v.has("ephemeral") ? ".ephemeral" : ".persistentVolumeClaim"), Optional.empty(), false, Use.CLAIM));
      }
      for (Unstructured s : v.list("projected", "sources")) {
        volume(refs, namespace, GroupKind.CONFIG_MAP, s.string("configMap", "name"), path + ".projected.configMap",
            s.bool("configMap", "optional"));
        volume(refs, namespace, GroupKind.SECRET, s.string("secret", "name"), path + ".projected.secret",
            s.bool("secret", "optional"));
      }
    }
    for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (Unstructured c : pod.list("spec", list)) {
        Optional<String> container = Optional.of(c.string("name"));
        String base = "spec." + list + "[" + c.string("name") + "]";
        for (Unstructured e : c.list("env")) {
          String path = base + ".env[" + e.string("name") + "]";
          env(refs, namespace, GroupKind.CONFIG_MAP, e.child("valueFrom", "configMapKeyRef"), path, container);
          env(refs, namespace, GroupKind.SECRET, e.child("valueFrom", "secretKeyRef"), path, container);
        }
        for (Unstructured e : c.list("envFrom")) {
          env(refs, namespace, GroupKind.CONFIG_MAP, e.child("configMapRef"), base + ".envFrom.configMapRef", container);
          env(refs, namespace, GroupKind.SECRET, e.child("secretRef"), base + ".envFrom.secretRef", container);
        }
      }
    }
    for (Unstructured s : pod.list("spec", "imagePullSecrets")) {
      if (!s.string("name").isEmpty()) {
        add(refs, new PodReference(EdgeKind.REFERENCES, ObjectRef.of(GroupKind.SECRET, namespace, s.string("name")),
            "spec.imagePullSecrets", Optional.empty(), false, Use.PULL_SECRET));
      }
    }
    String sa = pod.string("spec", "serviceAccountName").isEmpty() ? pod.string("spec", "serviceAccount")
        : pod.string("spec", "serviceAccountName");
    if (!sa.isEmpty()) {
      add(refs, new PodReference(EdgeKind.REFERENCES, ObjectRef.of(GroupKind.SERVICE_ACCOUNT, namespace, sa),
          "spec.serviceAccountName", Optional.empty(), false, Use.SERVICE_ACCOUNT));
    }
    String node = pod.string("spec", "nodeName");
    if (!node.isEmpty()) {
      add(refs, new PodReference(EdgeKind.RUNS_ON, ObjectRef.of(GroupKind.NODE, "", node), "spec.nodeName",
          Optional.empty(), false, Use.NODE));
    }
    return new ArrayList<>(refs.values());
  }

  private static void volume(Map<String, PodReference> refs, String ns, GroupKind kind, String name, String path,
      boolean optional) {
    if (!name.isEmpty()) {
      add(refs, new PodReference(EdgeKind.MOUNTS, ObjectRef.of(kind, ns, name), path, Optional.empty(), optional,
          Use.VOLUME));
    }
  }

  private static void env(Map<String, PodReference> refs, String ns, GroupKind kind, Unstructured source,
      String path, Optional<String> container) {
    if (!source.string("name").isEmpty()) {
      add(refs, new PodReference(EdgeKind.REFERENCES, ObjectRef.of(kind, ns, source.string("name")), path, container,
          source.bool("optional"), Use.ENV));
    }
  }

  private static void add(Map<String, PodReference> refs, PodReference ref) {
    String key = ref.target() + "|" + ref.use() + "|" + ref.container().orElse("") + "|" + ref.optional();
    refs.putIfAbsent(key, ref);
  }
}
