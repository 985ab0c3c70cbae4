package dev.blame.examples.operator;

import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example custom resource {@code WebApp.example.dev/v1}: {@code spec.image} and {@code spec.replicas}.
 * Its operator runs the image as a Deployment and puts a Service in front of it, both named like the WebApp,
 * both owned by it. Read as {@link GenericKubernetesResource}: the example needs no generated model classes.
 */
public final class WebApp {

  public static final String API_VERSION = "example.dev/v1";
  public static final GroupKind KIND = GroupKind.of("example.dev", "WebApp");
  public static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
      .withGroup("example.dev").withVersion("v1").withPlural("webapps").withKind("WebApp").withNamespaced(true)
      .build();

  private WebApp() {}

  /** The CustomResourceDefinition, with a status subresource (status is written only through it). */
  public static CustomResourceDefinition definition() {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName("webapps.example.dev").endMetadata()
        .withNewSpec().withGroup("example.dev").withScope("Namespaced").withNewNames().withKind("WebApp")
        .withListKind("WebAppList").withPlural("webapps").withSingular("webapp").withShortNames("wa").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSubresources().withNewStatus().endStatus().endSubresources()
        .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
            .withXKubernetesPreserveUnknownFields(true).build()).endSchema()
        .endVersion().endSpec().build();
  }

  /** A new WebApp, as a user would write it. */
  public static GenericKubernetesResource of(String namespace, String name, String image, int replicas) {
    return new GenericKubernetesResourceBuilder().withApiVersion(API_VERSION).withKind("WebApp")
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .addToAdditionalProperties("spec", Map.of("image", image, "replicas", replicas))
        .build();
  }

  /** {@code spec.image}, or empty when missing. */
  public static Optional<String> image(GenericKubernetesResource app) {
    return Optional.ofNullable(section(app, "spec").get("image")).map(String::valueOf).filter(s -> !s.isBlank());
  }

  /** {@code spec.replicas}; 1 when missing. */
  public static int replicas(GenericKubernetesResource app) {
    Object value = section(app, "spec").get("replicas");
    return value instanceof Number ? ((Number) value).intValue() : 1;
  }

  /** The {@code Ready} entry of {@code status.conditions}, if any. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> readyCondition(GenericKubernetesResource app) {
    Object conditions = section(app, "status").get("conditions");
    if (!(conditions instanceof List)) {
      return Optional.empty();
    }
    return ((List<Object>) conditions).stream().filter(Map.class::isInstance).map(c -> (Map<String, Object>) c)
        .filter(c -> "Ready".equals(c.get("type"))).findFirst();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(GenericKubernetesResource app, String name) {
    Object value = app.getAdditionalProperties().get(name);
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }
}
