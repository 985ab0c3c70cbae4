package dev.blame.examples.josdk;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The example custom resource {@code WebApp.example.dev/v1} (the same as the operator-diagnostics example's):
 * {@code spec.image} and {@code spec.replicas}; its operator runs the image as a Deployment named like the WebApp
 * and owned by it.
 */
@Group("example.dev")
@Version("v1")
public class WebApp extends CustomResource<WebAppSpec, WebAppStatus> implements Namespaced {

  /** A new WebApp, as a user would write it. */
  public static WebApp of(String namespace, String name, String image, int replicas) {
    WebApp app = new WebApp();
    app.getMetadata().setNamespace(namespace);
    app.getMetadata().setName(name);
    WebAppSpec spec = new WebAppSpec();
    spec.setImage(image);
    spec.setReplicas(replicas);
    app.setSpec(spec);
    return app;
  }

  /** The CustomResourceDefinition, with a status subresource (status is written only through it). */
  public static CustomResourceDefinition definition() {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName("webapps.example.dev").endMetadata()
        .withNewSpec().withGroup("example.dev").withScope("Namespaced").withNewNames().withKind("WebApp")
        .withListKind("WebAppList").withPlural("webapps").withSingular("webapp").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSubresources().withNewStatus().endStatus().endSubresources()
        .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
            .withXKubernetesPreserveUnknownFields(true).build()).endSchema()
        .endVersion().endSpec().build();
  }
}
