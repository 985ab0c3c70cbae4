package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * YAML 1.1 merge keys ({@code <<}), which kubectl reads (go-yaml) and snakeyaml-engine (YAML 1.2) does not: before,
 * {@code <<} was kept as a key, so a status written through one was read empty and annotations merged from labels
 * made the file "not match its schema", while kubectl applied both.
 */
class ManifestMergeKeysTest {

  @Test
  void mergeKeysAreReadAsKubectlReadsThem() {
    List<HasMetadata> objects = ManifestReader.read("merge.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          labels: &labels {app: web, tier: front}
          annotations:
            <<: *labels
            tier: own
        status:
          <<: [{phase: Failed, reason: Evicted}, {phase: Running, message: from the second}]
          reason: OwnWins
        """);
    Pod pod = (Pod) objects.get(0);
    assertThat(pod.getMetadata().getAnnotations()).isEqualTo(Map.of("app", "web", "tier", "own"));
    assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(pod.getStatus().getReason()).isEqualTo("OwnWins");
    assertThat(pod.getStatus().getMessage()).isEqualTo("from the second");
  }

  @Test
  void aQuotedMergeKeyIsAKeyAndAnchorsStayShared() {
    List<HasMetadata> objects = ManifestReader.read("merge.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: shop}
        data: {"<<": "text", base: x}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: d, namespace: shop, labels: &l {a: b}, annotations: {k: &b x}}
        data: {<<: [*l, *l], c: *b}
        """);
    assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) objects.get(0)).getData())
        .isEqualTo(Map.of("<<", "text", "base", "x"));
    assertThat(objects.get(1).getMetadata().getAnnotations()).isEqualTo(Map.of("k", "x"));
    assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) objects.get(1)).getData())
        .isEqualTo(Map.of("a", "b", "c", "x"));
    assertThat(objects.get(1).getMetadata().getLabels()).isEqualTo(Map.of("a", "b"));
  }
}
