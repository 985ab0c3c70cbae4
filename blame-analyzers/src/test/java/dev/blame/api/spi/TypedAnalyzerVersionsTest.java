package dev.blame.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Built-in kinds at earlier served versions are read as their v1 model; nothing else is converted. */
class TypedAnalyzerVersionsTest {

  private static GenericKubernetesResource object(String apiVersion, String kind, Map<String, Object> rest) {
    GenericKubernetesResource r = new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withNewMetadata().withName("consul").withNamespace("default").endMetadata().build();
    rest.forEach(r::setAdditionalProperty);
    return r;
  }

  @Test
  void anAppsV1beta1StatefulSetIsReadAsV1() {
    GenericKubernetesResource old = object("apps/v1beta1", "StatefulSet", Map.of(
        "spec", Map.of("replicas", 3, "serviceName", "consul"), "status", Map.of("replicas", 0)));
    StatefulSet sts = TypedAnalyzer.earlierVersion(old, StatefulSet.class).orElseThrow();
    assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
    assertThat(sts.getStatus().getReplicas()).isZero();
    assertThat(sts.getApiVersion()).isEqualTo("apps/v1beta1");
  }

  @Test
  void aBatchV1beta1CronJobIsReadAsV1() {
    GenericKubernetesResource old = object("batch/v1beta1", "CronJob", Map.of(
        "spec", Map.of("schedule", "*/5 * * * *"), "status", Map.of("lastScheduleTime", "2018-05-20T09:15:00Z")));
    assertThat(TypedAnalyzer.earlierVersion(old, CronJob.class)).hasValueSatisfying(c ->
        assertThat(c.getStatus().getLastScheduleTime()).isEqualTo("2018-05-20T09:15:00Z"));
  }

  @Test
  void anotherKindOrGroupOrAMalformedObjectIsNotConverted() {
    assertThat(TypedAnalyzer.earlierVersion(object("apps/v1beta1", "StatefulSet", Map.of()), Deployment.class))
        .isEmpty();
    // extensions/v1beta1 is another group: its analyzer is not selected for it, and it is not converted either.
    assertThat(TypedAnalyzer.earlierVersion(object("example.com/v1", "StatefulSet", Map.of()), StatefulSet.class))
        .isEmpty();
    assertThat(TypedAnalyzer.earlierVersion(object("apps/v1beta1", "StatefulSet",
        Map.of("spec", List.of("not", "a", "map"))), StatefulSet.class)).isEmpty();
  }

  /** A custom resource's model class (not fabric8's) is never converted: its versions may differ in anything. */
  public static final class Database extends GenericKubernetesResource {}

  @Test
  void aCustomResourceClassIsNotConverted() {
    assertThat(TypedAnalyzer.earlierVersion(object("db.example.com/v1alpha1", "Database", Map.of()), Database.class))
        .isEmpty();
  }
}
