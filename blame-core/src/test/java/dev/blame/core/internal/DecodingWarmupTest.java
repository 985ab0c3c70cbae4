package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodingWarmupTest {

  static String talk() throws IOException {
    try (InputStream in = DecodingWarmupTest.class.getResourceAsStream("/scenarios/talk.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void findsTheKindsOfAKubectlListDumpAndNotTheListNorManagedFieldsVersions() throws IOException {
    List<String> kinds = DecodingWarmup.kinds(talk()).stream().map(k -> k[0] + " " + k[1]).toList();
    // Owner references name kinds too (at one indentation): warming them up is as useful.
    assertThat(kinds).contains("apps/v1 Deployment", "apps/v1 ReplicaSet", "v1 Pod", "v1 Event")
        .doesNotContain("v1 List").doesNotHaveDuplicates();
  }

  @Test
  void pairsKeysAtOneIndentationInMultiDocumentYamlWithQuotesAndAnyKeyOrder() {
    String text = """
        kind: "Service"
        metadata: {name: a}
        apiVersion: 'v1'
        ---
        apiVersion: batch/v1
        metadata:
          name: b
          ownerReferences:
          - kind: CronJob
            apiVersion: batch/v1
            name: c
        kind: Job
        ---
        apiVersion: example.dev/v1alpha1
        kind: Widget
        """;
    List<String> kinds = DecodingWarmup.kinds(text).stream().map(k -> k[0] + " " + k[1]).toList();
    assertThat(kinds).containsExactly("v1 Service", "batch/v1 CronJob", "batch/v1 Job", "example.dev/v1alpha1 Widget");
  }

  @Test
  void aLargeReadDecodesTheSameObjectsWhateverTheWarmupGuesses() throws IOException {
    // Past the size where the warm-up starts, with a kind fabric8 does not know and one with a bad apiVersion:
    // the reading thread decodes every object itself.
    String talk = talk();
    StringBuilder text = new StringBuilder();
    int copies = DecodingWarmup.MIN_CHARS / talk.length() + 2;
    for (int i = 0; i < copies; i++) {
      text.append(talk).append("\n---\n");
    }
    text.append("apiVersion: example.dev/v1\nkind: Widget\nmetadata: {name: w, namespace: demo}\n---\n");
    text.append("apiVersion: nonsense/v0\nkind: Pod\nmetadata: {name: p, namespace: demo}\n");
    assertThat(text.length()).isGreaterThan(DecodingWarmup.MIN_CHARS);
    List<HasMetadata> small = ManifestReader.read("talk.yaml", talk);
    List<HasMetadata> large = ManifestReader.read("large.yaml", text.toString());
    assertThat(large).hasSize(small.size() * copies + 2);
    assertThat(large.subList(0, small.size())).isEqualTo(small);
    assertThat(large.get(large.size() - 2).getKind()).isEqualTo("Widget");
  }
}
