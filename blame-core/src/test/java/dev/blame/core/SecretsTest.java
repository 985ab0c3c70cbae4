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

  /**
   * {@code kubectl apply} keeps the applied manifest, values included, in an annotation, and {@code --record} the
   * command line that may hold {@code --from-literal=password=...}: the metadata a server sends for a Secret
   * holds them, so they go as the data does. The keys stay, so who applied the Secret is still known.
   */
  @Test
  void annotationsThatCopyTheValuesAreEmptiedOnLoad() {
    String applied = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\","
        + "\"namespace\":\"shop\"},\"stringData\":{\"token\":\"plain-text-token-value\"},"
        + "\"data\":{\"password\":\"c3VwZXItc2VjcmV0LXZhbHVl\"}}";
    String dump = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: 'APPLIED'
            kubernetes.io/change-cause: "kubectl create secret generic db --from-literal=token=plain-text-token-value"
            kapp.k14s.io/original: '{"data":{"password":"c3VwZXItc2VjcmV0LXZhbHVl"}}'
            team: payments
        type: Opaque
        ---
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Secret
          metadata:
            name: other
            namespace: shop
            annotations: {kubectl.kubernetes.io/last-applied-configuration: 'APPLIED'}
          data: {password: c3VwZXItc2VjcmV0LXZhbHVl}
        """.replace("APPLIED", applied);
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).manifests("dump.yaml", dump).build()) {
      for (String name : new String[] {"db", "other"}) {
        Node node = blame.node(ObjectRef.of(GroupKind.SECRET, "shop", name)).orElseThrow();
        assertThat(node.annotations()).containsEntry("kubectl.kubernetes.io/last-applied-configuration", "");
        String everything = node.object() + " " + node.annotations() + " " + blame.findings().list();
        assertThat(everything).doesNotContain("c3VwZXItc2VjcmV0LXZhbHVl").doesNotContain("plain-text-token-value");
      }
      Node db = blame.node(ObjectRef.of(GroupKind.SECRET, "shop", "db")).orElseThrow();
      assertThat(db.annotations()).containsEntry("team", "payments").containsEntry("kubernetes.io/change-cause", "")
          .containsEntry("kapp.k14s.io/original", "");
    }
  }
}
