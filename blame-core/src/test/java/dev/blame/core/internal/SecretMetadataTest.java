package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** What the Secrets client decodes: never the values, whether the server sends metadata or whole Secrets. */
class SecretMetadataTest {

  static final String CANARY = "Y2FuYXJ5LXZhbHVlLTQ0Mw==";
  static final String PLAIN = "canary-plain-443";

  static final String WHOLE = """
      {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson",
       "metadata":{"name":"pull","namespace":"shop","uid":"u-1","labels":{"app":"web"}},
       "data":{".dockerconfigjson":"%s"},"stringData":{"token":"%s"}}
      """.formatted(CANARY, PLAIN);

  final KubernetesSerialization serialization = new KubernetesSerialization(SecretMetadata.dataBlind(), true);

  @Test
  void aWholeSecretDecodesWithoutItsValuesWhicheverTypeItIsReadAs() {
    Secret typed = serialization.unmarshal(WHOLE, Secret.class);
    assertThat(typed.getData()).isNullOrEmpty();
    assertThat(typed.getStringData()).isNullOrEmpty();
    assertThat(typed.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    GenericKubernetesResource generic = serialization.unmarshal(WHOLE, GenericKubernetesResource.class);
    assertThat(generic.getAdditionalProperties()).doesNotContainKeys("data", "stringData");
    // A watch event's object is decoded by kind: a typed Secret.
    WatchEvent event = serialization.unmarshal("{\"type\":\"ADDED\",\"object\":" + WHOLE + "}", WatchEvent.class);
    Object object = event.getObject();
    for (Object decoded : new Object[] {typed, generic, object}) {
      assertThat(serialization.asJson(decoded)).doesNotContain(CANARY).doesNotContain(PLAIN);
      assertThat(decoded.toString()).doesNotContain(CANARY).doesNotContain(PLAIN);
    }
  }

  @Test
  void theOrdinaryMapperWouldKeepThem() {
    // Guards the test above: it fails for the right reason if the mix-in stops applying.
    Secret typed = new KubernetesSerialization().unmarshal(WHOLE, Secret.class);
    assertThat(typed.getData()).containsValue(CANARY);
  }

  @Test
  void partialObjectMetadataBecomesAv1SecretWithItsMetadata() {
    PartialObjectMetadata meta = serialization.unmarshal("""
        {"apiVersion":"meta.k8s.io/v1","kind":"PartialObjectMetadata",
         "metadata":{"name":"db","namespace":"shop","uid":"u-2","labels":{"app":"db"}}}
        """, PartialObjectMetadata.class);
    HasMetadata secret = SecretMetadata.normalize(meta);
    assertThat(secret.getApiVersion()).isEqualTo("v1");
    assertThat(secret.getKind()).isEqualTo(GroupKind.SECRET.kind());
    assertThat(secret.getMetadata().getName()).isEqualTo("db");
    assertThat(secret.getMetadata().getLabels()).containsEntry("app", "db");

    HasMetadata fromWhole = SecretMetadata.normalize(serialization.unmarshal(WHOLE, GenericKubernetesResource.class));
    assertThat(((GenericKubernetesResource) fromWhole).getAdditionalProperties())
        .containsEntry("type", "kubernetes.io/dockerconfigjson").doesNotContainKeys("data", "stringData");
  }

  @Test
  void theAnnotationsThatHoldTheValuesComeEmptiedFromTheServersMetadata() {
    PartialObjectMetadata meta = serialization.unmarshal("""
        {"apiVersion":"meta.k8s.io/v1","kind":"PartialObjectMetadata",
         "metadata":{"name":"db","namespace":"shop","annotations":{"owner":"team-a",
           "example.com/dsn":"postgres://app:%s@db/shop", "kubernetes.io/service-account.name":"builder",
           "kubectl.kubernetes.io/last-applied-configuration":"{\\"data\\":{\\"password\\":\\"%s\\"}}"}}}
        """.formatted(PLAIN, CANARY), PartialObjectMetadata.class);
    HasMetadata secret = SecretMetadata.normalize(meta);
    // Every value but the few known to be metadata: any annotation may copy a value.
    assertThat(secret.getMetadata().getAnnotations()).containsEntry("owner", "")
        .containsEntry("example.com/dsn", "").containsEntry("kubernetes.io/service-account.name", "builder")
        .containsEntry("kubectl.kubernetes.io/last-applied-configuration", "");
    assertThat(serialization.asJson(secret)).doesNotContain(PLAIN);
    assertThat(serialization.asJson(secret)).doesNotContain(CANARY);
    // The server's object is not changed: it is the caller's.
    assertThat(meta.getMetadata().getAnnotations().get("kubectl.kubernetes.io/last-applied-configuration"))
        .contains(CANARY);
  }
}
