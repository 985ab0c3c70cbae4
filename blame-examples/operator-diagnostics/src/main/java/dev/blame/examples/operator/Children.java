package dev.blame.examples.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a WebApp's Deployment and Service, and puts back the fields the operator owns (image, replicas,
 * selector, ports) when they differ. Reads fresh from the API and writes only what differs, so calling it
 * again with nothing changed costs two GETs and no write. Objects of the same name that the WebApp does not
 * own are left alone (the operator never adopts).
 */
final class Children {

  static final String CONTAINER = "web";
  static final int PORT = 8080;

  private final KubernetesClient client;

  Children(KubernetesClient client) {
    this.client = client;
  }

  /** Returns the number of writes made (0 when everything already matched). */
  int reconcile(GenericKubernetesResource app) {
    return deployment(app) + service(app);
  }

  private int deployment(GenericKubernetesResource app) {
    String ns = app.getMetadata().getNamespace();
    String name = app.getMetadata().getName();
    String image = WebApp.image(app).orElse(null);
    if (image == null) {
      return 0; // nothing to run; the verdict says the Deployment is missing
    }
    int replicas = WebApp.replicas(app);
    var resource = client.apps().deployments().inNamespace(ns).withName(name);
    Deployment current = resource.get();
    if (current == null) {
      return create(() -> client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
          .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels(name))
          .withOwnerReferences(owner(app)).endMetadata()
          .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels(name)).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(labels(name)).endMetadata().withNewSpec()
          .addNewContainer().withName(CONTAINER).withImage(image).addNewPort().withName("http")
          .withContainerPort(PORT).endPort().endContainer().endSpec().endTemplate().endSpec().build()).create());
    }
    if (!ownedBy(current, app)) {
      return 0;
    }
    var container = current.getSpec().getTemplate().getSpec().getContainers().get(0);
    if (Objects.equals(current.getSpec().getReplicas(), replicas) && image.equals(container.getImage())) {
      return 0;
    }
    resource.edit(d -> {
      d.getSpec().setReplicas(replicas);
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
      return d;
    });
    return 1;
  }

  private int service(GenericKubernetesResource app) {
    String ns = app.getMetadata().getNamespace();
    String name = app.getMetadata().getName();
    var resource = client.services().inNamespace(ns).withName(name);
    Service current = resource.get();
    if (current == null) {
      return create(() -> client.services().inNamespace(ns).resource(new ServiceBuilder()
          .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels(name))
          .withOwnerReferences(owner(app)).endMetadata()
          .withNewSpec().withSelector(labels(name)).addNewPort().withName("http").withPort(80)
          .withNewTargetPort(PORT).endPort().endSpec().build()).create());
    }
    if (!ownedBy(current, app) || labels(name).equals(current.getSpec().getSelector())) {
      return 0;
    }
    resource.edit(s -> {
      s.getSpec().setSelector(labels(name));
      return s;
    });
    return 1;
  }

  private static int create(Runnable create) {
    try {
      create.run();
      return 1;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return 0; // created meanwhile; the next pass compares it
      }
      throw e;
    }
  }

  static Map<String, String> labels(String name) {
    return Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/managed-by", "webapp-operator");
  }

  static List<OwnerReference> owner(GenericKubernetesResource app) {
    return List.of(new OwnerReferenceBuilder().withApiVersion(WebApp.API_VERSION).withKind("WebApp")
        .withName(app.getMetadata().getName()).withUid(app.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build());
  }

  private static boolean ownedBy(HasMetadata child, GenericKubernetesResource app) {
    return child.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Objects.equals(o.getUid(), app.getMetadata().getUid()));
  }
}
