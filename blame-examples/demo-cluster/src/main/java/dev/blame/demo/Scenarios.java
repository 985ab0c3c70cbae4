package dev.blame.demo;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** What each {@link Scenario} creates and when it counts as settled. */
final class Scenarios {

  static final ResourceDefinitionContext WEBAPPS = new ResourceDefinitionContext.Builder().withGroup("example.dev")
      .withVersion("v1").withPlural("webapps").withKind("WebApp").withNamespaced(true).build();

  private Scenarios() {
  }

  static void play(Scenario scenario, KubernetesClient client, Duration timeout) {
    String ns = scenario.namespace();
    switch (scenario) {
      case TALK -> {
        namespace(client, ns, Map.of("istio-injection", "enabled"));
        client.apps().deployments().inNamespace(ns).resource(deployment(ns, "my-busybox", 2, "busybox:v2",
            List.of("sh", "-c", "echo serving; sleep 3600"))).create();
        await(() -> complete(client, ns, "my-busybox", 1), timeout, "revision 1 of my-busybox did not become ready");
        // As `kubectl edit` does it: the API server records the change under the field manager kubectl-edit.
        try (KubernetesClient editor = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
            new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration())
                .withUserAgent("kubectl-edit/v1.29.0 (linux/amd64)").build()).build()) {
          Edits.retryingOnConflict(editor.apps().deployments().inNamespace(ns).withName("my-busybox"), d -> {
            var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            c.setImage("busybox:v3");
            c.setCommand(List.of("sh", "-c", "exit 1"));
            return d;
          });
        }
      }
      case IMAGE_PULL_ERROR -> {
        namespace(client, ns, Map.of());
        client.apps().deployments().inNamespace(ns).resource(deployment(ns, "checkout", 1,
            "registry.example.invalid/shop/checkout:2.0.0", List.of())).create();
      }
      case UNSCHEDULABLE -> {
        namespace(client, ns, Map.of());
        Deployment d = deployment(ns, "analytics", 1, "ghcr.io/example/analytics:1.0", List.of());
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setResources(
            new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("16")).addToRequests("memory", new Quantity("1Gi")).build());
        client.apps().deployments().inNamespace(ns).resource(d).create();
      }
      case QUOTA -> {
        namespace(client, ns, Map.of());
        client.resourceQuotas().inNamespace(ns).resource(new ResourceQuotaBuilder().withNewMetadata()
            .withName("pod-quota").withNamespace(ns).endMetadata().withNewSpec()
            .addToHard("pods", new Quantity("2")).endSpec().build()).create();
        client.apps().deployments().inNamespace(ns).resource(deployment(ns, "web", 3, "nginx:1.25", List.of()))
            .create();
      }
      case CRASHLOOP_STATEFULSET -> {
        namespace(client, ns, Map.of());
        client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("db")
            .withNamespace(ns).endMetadata().withNewSpec().withClusterIP("None").addToSelector("app", "db")
            .addNewPort().withName("postgres").withPort(5432).endPort().endSpec().build()).create();
        StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(ns)
            .addToLabels("app", "db").endMetadata().withNewSpec().withReplicas(3).withServiceName("db")
            .withNewSelector().addToMatchLabels("app", "db").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata().withNewSpec()
            .addToContainers(new ContainerBuilder().withName("postgres").withImage("postgres:16")
                .withCommand("sh", "-c", "echo 'FATAL: data directory has invalid permissions'; exit 2")
                .addNewPort().withName("postgres").withContainerPort(5432).endPort().build())
            .endSpec().endTemplate().endSpec().build();
        client.apps().statefulSets().inNamespace(ns).resource(sts).create();
      }
      case SERVICE_SELECTS_NOTHING -> {
        namespace(client, ns, Map.of());
        client.apps().deployments().inNamespace(ns).resource(deployment(ns, "frontend", 2, "nginx:1.25",
            List.of())).create();
        client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("frontend")
            .withNamespace(ns).endMetadata().withNewSpec().withType("ClusterIP").withClusterIP("10.96.12.34")
            .addToSelector("app", "front-end").addNewPort().withName("http").withPort(80)
            .withTargetPort(new IntOrString(8080)).withProtocol("TCP").endPort().endSpec().build()).create();
      }
      case CUSTOM_RESOURCE_NOT_READY -> {
        namespace(client, ns, Map.of());
        client.apiextensions().v1().customResourceDefinitions().resource(webAppCrd()).createOr(
            io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        GenericKubernetesResource app = client.genericKubernetesResources(WEBAPPS).inNamespace(ns)
            .resource(new GenericKubernetesResourceBuilder().withApiVersion("example.dev/v1").withKind("WebApp")
                .withNewMetadata().withName("shop").withNamespace(ns).endMetadata()
                .addToAdditionalProperties("spec", Map.of("image", "registry.example.invalid/shop/backend:1.4.2",
                    "replicas", 1))
                .build()).create();
        Deployment backend = deployment(ns, "shop-backend", 1, "registry.example.invalid/shop/backend:1.4.2",
            List.of());
        backend.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("example.dev/v1")
            .withKind("WebApp").withName("shop").withUid(app.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build()));
        client.apps().deployments().inNamespace(ns).resource(backend).create();
        app.setAdditionalProperty("status", Map.of("observedGeneration", 1, "conditions", List.of(Map.of(
            "type", "Ready", "status", "False", "reason", "BackendUnavailable",
            "message", "Deployment shop-backend has 0/1 available replicas",
            "lastTransitionTime", EventRecorder.now(java.time.Clock.systemUTC()), "observedGeneration", 1))));
        client.genericKubernetesResources(WEBAPPS).inNamespace(ns).resource(app).updateStatus();
      }
      case HEALTHY_ROLLOUT -> {
        namespace(client, ns, Map.of());
        client.apps().deployments().inNamespace(ns).resource(deployment(ns, "api", 3, "nginx:1.25", List.of()))
            .create();
        await(() -> complete(client, ns, "api", 1), timeout, "revision 1 of api did not complete");
        Edits.retryingOnConflict(client.apps().deployments().inNamespace(ns).withName("api"), d -> {
          d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.26");
          return d;
        });
      }
      case EMPTY -> namespace(client, ns, Map.of());
      default -> throw new IllegalStateException(scenario.id());
    }
  }

  /** Null when settled, else what is missing. */
  static String settled(Scenario scenario, KubernetesClient client) {
    String ns = scenario.namespace();
    return switch (scenario) {
      case TALK -> {
        ReplicaSet rev2 = replicaSetOfRevision(client, ns, "my-busybox", 2);
        if (rev2 == null || replicaSetOfRevision(client, ns, "my-busybox", 1) == null) {
          yield "replica sets of revisions 1 and 2";
        }
        yield podsOf(client, ns, rev2).stream().anyMatch(p -> waitingReason(p, "CrashLoopBackOff")
            && p.getStatus().getContainerStatuses().get(0).getLastState().getTerminated() != null
            && p.getStatus().getContainerStatuses().get(0).getLastState().getTerminated().getExitCode() == 1)
            && hasEvent(client, ns, "BackOff") ? null : "a revision-2 pod in CrashLoopBackOff with exit code 1";
      }
      case IMAGE_PULL_ERROR -> podOfDeployment(client, ns, "checkout", "ImagePullBackOff");
      case UNSCHEDULABLE -> client.pods().inNamespace(ns).list().getItems().stream()
          .anyMatch(p -> p.getStatus() != null && p.getStatus().getConditions().stream()
              .anyMatch(c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason())))
          && hasEvent(client, ns, "FailedScheduling") ? null : "an Unschedulable pod and a FailedScheduling event";
      case QUOTA -> client.apps().replicaSets().inNamespace(ns).list().getItems().stream()
          .anyMatch(rs -> rs.getStatus() != null && rs.getStatus().getConditions().stream()
              .anyMatch(c -> "ReplicaFailure".equals(c.getType()) && "FailedCreate".equals(c.getReason())))
          && hasEvent(client, ns, "FailedCreate") ? null : "a ReplicaSet with ReplicaFailure FailedCreate";
      case CRASHLOOP_STATEFULSET -> {
        Pod db0 = client.pods().inNamespace(ns).withName("db-0").get();
        StatefulSet sts = client.apps().statefulSets().inNamespace(ns).withName("db").get();
        yield db0 != null && waitingReason(db0, "CrashLoopBackOff") && sts != null && sts.getStatus() != null
            && sts.getStatus().getUpdateRevision() != null ? null : "db-0 in CrashLoopBackOff";
      }
      case SERVICE_SELECTS_NOTHING -> {
        var ep = client.endpoints().inNamespace(ns).withName("frontend").get();
        yield complete(client, ns, "frontend", 1) == null && ep != null && ep.getSubsets().isEmpty() ? null
            : "frontend available and its Endpoints empty";
      }
      case CUSTOM_RESOURCE_NOT_READY -> {
        GenericKubernetesResource app = client.genericKubernetesResources(WEBAPPS).inNamespace(ns).withName("shop")
            .get();
        yield app != null && app.get("status") != null ? podOfDeployment(client, ns, "shop-backend",
            "ImagePullBackOff") : "WebApp shop with a status";
      }
      case HEALTHY_ROLLOUT -> complete(client, ns, "api", 2);
      case EMPTY -> client.namespaces().withName("default").get() != null ? null : "namespace default";
    };
  }

  // ---------------------------------------------------------------- helpers

  static CustomResourceDefinition webAppCrd() {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName("webapps.example.dev").endMetadata()
        .withNewSpec().withGroup("example.dev").withScope("Namespaced").withNewNames().withKind("WebApp")
        .withListKind("WebAppList").withPlural("webapps").withSingular("webapp").withShortNames("wa").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true).withNewSubresources().withNewStatus()
        .endStatus().endSubresources().withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder()
            .withType("object").withXKubernetesPreserveUnknownFields(true).build()).endSchema().endVersion()
        .endSpec().build();
  }

  private static void namespace(KubernetesClient client, String name, Map<String, String> labels) {
    var existing = client.namespaces().withName(name).get();
    if (existing == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
          .endMetadata().build()).create();
    } else if (!labels.isEmpty()) {
      Edits.retryingOnConflict(client.namespaces().withName(name), n -> {
        n.getMetadata().getLabels().putAll(labels);
        return n;
      });
    }
  }

  static Deployment deployment(String ns, String name, int replicas, String image, List<String> command) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name)
        .endMetadata().withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name)
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
        .addToContainers(new ContainerBuilder().withName(name.startsWith("my-") ? name.substring(3) : name)
            .withImage(image).withCommand(command.isEmpty() ? null : command).build())
        .endSpec().endTemplate().endSpec().build();
  }

  private static ReplicaSet replicaSetOfRevision(KubernetesClient client, String ns, String deployment,
      int revision) {
    return client.apps().replicaSets().inNamespace(ns).list().getItems().stream()
        .filter(rs -> rs.getMetadata().getName().startsWith(deployment + "-"))
        .filter(rs -> String.valueOf(revision).equals(rs.getMetadata().getAnnotations()
            .get(DeploymentController.REVISION)))
        .findFirst().orElse(null);
  }

  private static List<Pod> podsOf(KubernetesClient client, String ns, ReplicaSet rs) {
    return client.pods().inNamespace(ns).list().getItems().stream()
        .filter(p -> p.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> rs.getMetadata().getUid().equals(o.getUid())))
        .toList();
  }

  private static boolean waitingReason(Pod p, String reason) {
    return p.getStatus() != null && p.getStatus().getContainerStatuses().stream()
        .anyMatch(cs -> cs.getState() != null && cs.getState().getWaiting() != null
            && reason.equals(cs.getState().getWaiting().getReason()));
  }

  private static String podOfDeployment(KubernetesClient client, String ns, String deployment, String reason) {
    return client.pods().inNamespace(ns).list().getItems().stream()
        .anyMatch(p -> p.getMetadata().getName().startsWith(deployment + "-") && waitingReason(p, reason))
        ? null : "a pod of " + deployment + " waiting with " + reason;
  }

  private static boolean hasEvent(KubernetesClient client, String ns, String reason) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .anyMatch(e -> reason.equals(e.getReason()));
  }

  /** Null when the deployment's given revision is complete (all replicas updated and available). */
  static String complete(KubernetesClient client, String ns, String name, int revision) {
    Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
    if (d == null || d.getStatus() == null) {
      return "deployment " + name + " has no status";
    }
    int replicas = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
    // The controller may record the new revision before it writes the status for it: only a status that
    // has observed the current generation counts (the stale-status race a rollout wait must not fall for).
    boolean done = String.valueOf(revision).equals(d.getMetadata().getAnnotations()
        .get(DeploymentController.REVISION))
        && Objects.equals(d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration())
        && Objects.equals(d.getStatus().getUpdatedReplicas(), replicas)
        && Objects.equals(d.getStatus().getAvailableReplicas(), replicas)
        && Objects.equals(d.getStatus().getReplicas(), replicas)
        && d.getStatus().getConditions().stream().anyMatch(c -> "Progressing".equals(c.getType())
            && "NewReplicaSetAvailable".equals(c.getReason()));
    return done ? null : "deployment " + name + " revision " + revision + " is not complete";
  }

  /** Polls {@code missing} (null = done) every 50 ms until done or {@code timeout}. */
  static void await(Supplier<String> missing, Duration timeout, String failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      try {
        last = missing.get();
      } catch (RuntimeException e) {
        last = e.toString();
      }
      if (last == null) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure + " within " + timeout + ": still waiting for " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(failure + ": interrupted", e);
      }
    }
  }
}
