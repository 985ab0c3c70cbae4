package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

/** Secret values never enter the graph, so no query can print them. */
class SecretsTest {

  static final String DUMP = """
      apiVersion: v1
      kind: Secret
      metadata: {name: db, namespace: shop, labels: {app: db}}
      type: Opaque
      data:
        password: c3VwZXItc2VjcmV0LXZhbHVl
      stringData:
        token: plain-text-token-value
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: api, namespace: shop}
      spec:
        containers:
        - name: main
          image: api:1
          env:
          - name: PASSWORD
            valueFrom: {secretKeyRef: {name: db, key: password}}
      """;

  @Test
  void secretDataIsDroppedOnLoadAndNeverReachesAnswers() {
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).manifests("dump.yaml", DUMP).build()) {
      ObjectRef db = ObjectRef.of(GroupKind.SECRET, "shop", "db");
      Node node = blame.node(db).orElseThrow();
      Secret secret = node.as(Secret.class).orElseThrow();
      assertThat(secret.getData()).isNullOrEmpty();
      assertThat(secret.getStringData()).isNullOrEmpty();
      assertThat(secret.getType()).isEqualTo("Opaque");
      assertThat(node.labels()).containsEntry("app", "db");

      String everything = blame.explain(db) + " " + blame.explain(ObjectRef.of(GroupKind.POD, "shop", "api"))
          + " " + blame.findings().list() + " " + node.object();
      assertThat(everything).doesNotContain("c3VwZXItc2VjcmV0LXZhbHVl").doesNotContain("plain-text-token-value")
          .doesNotContain("super-secret-value");
    }
  }
}
