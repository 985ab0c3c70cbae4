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
      assertThat(db.annotations()).containsEntry("team", "").containsEntry("kubernetes.io/change-cause", "")
          .containsEntry("kapp.k14s.io/original", "");
    }
  }

  /**
   * Any annotation may copy a value (a chart's connection string next to the password, another tool's copy of the
   * manifest): a Secret keeps the values of a short list of metadata annotations only, and every other key with an
   * empty value. Before, only three known keys were emptied and {@code example.com/dsn} kept the password.
   */
  @Test
  void everyAnnotationValueButAFewKnownMetadataIsEmptiedOnLoad() {
    String dump = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: shop
          annotations:
            example.com/dsn: "postgres://app:plain-text-token-value@db:5432/shop"
            pulumi.com/original: '{"data":{"password":"c3VwZXItc2VjcmV0LXZhbHVl"}}'
            kubernetes.io/service-account.name: builder
            kubernetes.io/service-account.uid: 6f1c2a0e-0000-4000-8000-000000000001
            meta.helm.sh/release-name: shop
            meta.helm.sh/release-namespace: shop
            argocd.argoproj.io/tracking-id: "shop:/Secret:shop/db"
        type: kubernetes.io/service-account-token
        data: {token: c3VwZXItc2VjcmV0LXZhbHVl}
        """;
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).manifests("dump.yaml", dump).build()) {
      Node db = blame.node(ObjectRef.of(GroupKind.SECRET, "shop", "db")).orElseThrow();
      assertThat(db.annotations()).containsEntry("example.com/dsn", "").containsEntry("pulumi.com/original", "")
          .containsEntry("kubernetes.io/service-account.name", "builder")
          .containsEntry("kubernetes.io/service-account.uid", "6f1c2a0e-0000-4000-8000-000000000001")
          .containsEntry("meta.helm.sh/release-name", "shop").containsEntry("meta.helm.sh/release-namespace", "shop")
          .containsEntry("argocd.argoproj.io/tracking-id", "shop:/Secret:shop/db");
      String everything = db.object() + " " + db.annotations() + " " + blame.findings().list()
          + " " + blame.explain(db.ref());
      assertThat(everything).doesNotContain("c3VwZXItc2VjcmV0LXZhbHVl").doesNotContain("plain-text-token-value");
    }
  }
}
