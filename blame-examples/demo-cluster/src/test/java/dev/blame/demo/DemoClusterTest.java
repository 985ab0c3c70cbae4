package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoClusterTest {

  private static DemoCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void servesDiscoveryForBuiltInGroups() {
    assertThat(client.getApiGroups().getGroups()).extracting(APIGroup::getName)
        .contains("apps", "batch", "networking.k8s.io", "discovery.k8s.io", "events.k8s.io", "autoscaling", "policy",
            "apiextensions.k8s.io", "storage.k8s.io");
    assertThat(client.getApiResources("apps/v1").getResources()).extracting(APIResource::getName)
        .contains("deployments", "replicasets", "statefulsets", "daemonsets", "controllerrevisions");
    assertThat(client.getApiResources("v1").getResources()).extracting(APIResource::getName)
        .contains("pods", "services", "events", "namespaces", "nodes", "resourcequotas", "endpoints", "limitranges");
    assertThat(client.getApiResources("apps/v1").getResources()).filteredOn(r -> r.getName().endsWith("/scale"))
        .extracting(APIResource::getName, APIResource::getGroup, APIResource::getKind).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("deployments/scale", "autoscaling", "Scale"),
            org.assertj.core.groups.Tuple.tuple("replicasets/scale", "autoscaling", "Scale"),
            org.assertj.core.groups.Tuple.tuple("statefulsets/scale", "autoscaling", "Scale"));
    assertThat(client.getApiResources("rbac.authorization.k8s.io/v1").getResources()).extracting(APIResource::getName)
        .contains("roles", "rolebindings", "clusterroles", "clusterrolebindings");
    assertThat(client.getApiResources("admissionregistration.k8s.io/v1").getResources())
        .extracting(APIResource::getName, APIResource::getNamespaced)
        .contains(org.assertj.core.groups.Tuple.tuple("mutatingwebhookconfigurations", false));
    assertThat(client.getApiGroup("apps").getPreferredVersion().getGroupVersion()).isEqualTo("apps/v1");
    assertThat(client.getApiResources("example.invalid/v1")).isNull();
  }

  /**
   * kubectl prints the Status the server sends: an object that is not there and one that already is are
   * {@code NotFound} and {@code AlreadyExists} with the API server's wording and details, not the mock's empty 404 or
   * its 409 of reason Invalid (which kubectl printed as "the server could not find the requested resource" and
   * "The Deployment "" is invalid").
   */
  @Test
  void errorsAreStatusesInTheApiServersWords() throws Exception {
    client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("taken")
        .endMetadata().build()).create();

    com.fasterxml.jackson.databind.JsonNode missing = http("GET", "/apis/apps/v1/namespaces/default/deployments/nope",
        null, 404);
    assertThat(missing.path("kind").asText()).isEqualTo("Status");
    assertThat(missing.path("reason").asText()).isEqualTo("NotFound");
    assertThat(missing.path("message").asText()).isEqualTo("deployments.apps \"nope\" not found");
    assertThat(missing.path("details").path("name").asText()).isEqualTo("nope");
    assertThat(missing.path("details").path("kind").asText()).isEqualTo("deployments");
    assertThat(missing.path("details").path("group").asText()).isEqualTo("apps");
    assertThat(http("DELETE", "/api/v1/namespaces/default/pods/nope", null, 404).path("message").asText())
        .isEqualTo("pods \"nope\" not found");

    com.fasterxml.jackson.databind.JsonNode taken = http("POST", "/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"taken\"}}", 409);
    assertThat(taken.path("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(taken.path("message").asText()).isEqualTo("configmaps \"taken\" already exists");
    assertThat(http("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
        + "\"metadata\":{\"name\":\"default\"}}", 409).path("message").asText())
        .isEqualTo("namespaces \"default\" already exists");
  }

  /**
   * An HPA made through autoscaling/v1 ({@code kubectl autoscale}) is the same object through v2 (what {@code kubectl
   * get hpa} and blame read), and one made through v2 reads back through v1 with its other metrics in the annotation.
   */
  @Test
  void anHpaIsOneObjectThroughBothVersions() throws Exception {
    http("POST", "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers", "{\"apiVersion\":"
        + "\"autoscaling/v1\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"web\"},\"spec\":"
        + "{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"},"
        + "\"minReplicas\":1,\"maxReplicas\":3,\"targetCPUUtilizationPercentage\":80}}", 201);
    com.fasterxml.jackson.databind.JsonNode v2 = http("GET",
        "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", null, 200).path("items").path(0);
    assertThat(v2.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(v2.path("spec").path("metrics").path(0).path("resource").path("target").path("averageUtilization")
        .asInt()).isEqualTo(80);
    assertThat(v2.path("spec").has("targetCPUUtilizationPercentage")).isFalse();
    com.fasterxml.jackson.databind.JsonNode v1 = http("GET",
        "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web", null, 200);
    assertThat(v1.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(v1.path("spec").path("targetCPUUtilizationPercentage").asInt()).isEqualTo(80);
    assertThat(v1.path("spec").has("metrics")).isFalse();

    http("POST", "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", "{\"apiVersion\":"
        + "\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"api\"},\"spec\":"
        + "{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"api\"},"
        + "\"maxReplicas\":5,\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":"
        + "{\"type\":\"Utilization\",\"averageUtilization\":70}}}]}}", 201);
    com.fasterxml.jackson.databind.JsonNode api = http("GET",
        "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/api", null, 200);
    assertThat(api.path("spec").has("targetCPUUtilizationPercentage")).isFalse();
    assertThat(api.path("metadata").path("annotations").path("autoscaling.alpha.kubernetes.io/metrics").asText())
        .contains("\"memory\"");
    assertThat(http("GET", "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers", null, 200)
        .path("items")).hasSize(2);
    http("DELETE", "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web", null, 200);
    assertThat(http("GET", "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", null, 200)
        .path("items")).hasSize(1);
  }

  /** {@code kubectl auth can-i} and {@code auth whoami}: everything is allowed, and nothing is stored. */
  @Test
  void accessReviewsAllowEverythingAndStoreNothing() throws Exception {
    com.fasterxml.jackson.databind.JsonNode review = http("POST",
        "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", "{\"apiVersion\":\"authorization.k8s.io/v1\","
            + "\"kind\":\"SelfSubjectAccessReview\",\"spec\":{\"resourceAttributes\":{\"verb\":\"list\","
            + "\"resource\":\"pods\"}}}", 201);
    assertThat(review.path("status").path("allowed").asBoolean()).isTrue();
    assertThat(review.path("spec").path("resourceAttributes").path("verb").asText()).isEqualTo("list");
    assertThat(http("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}", 201)
        .path("status").path("userInfo").path("username").asText()).isNotEmpty();
    assertThat(http("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        "{\"spec\":{\"namespace\":\"default\"}}", 201).path("status").path("resourceRules")).hasSize(1);
    assertThat(http("GET", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", null, 200).path("items"))
        .isEmpty();
  }

  /**
   * What the API server does not serve is a 404: a path outside the API (the mock answered a GET with every stored
   * object), a group/version it no longer serves (kubectl 1.20's {@code create cronjob} posts batch/v1beta1, which the
   * mock stored out of sight of batch/v1), a subresource discovery does not list.
   */
  @Test
  void unservedPathsAreNotFoundAndStoreNothing() throws Exception {
    assertThat(http("GET", "/foo", null, 404).path("message").asText())
        .isEqualTo("the server could not find the requested resource");
    http("POST", "/apis/batch/v1beta1/namespaces/default/cronjobs", "{\"apiVersion\":\"batch/v1beta1\","
        + "\"kind\":\"CronJob\",\"metadata\":{\"name\":\"old\"},\"spec\":{\"schedule\":\"@daily\"}}", 404);
    http("POST", "/apis/example.invalid/v1/namespaces/default/things", "{\"metadata\":{\"name\":\"t\"}}", 404);
    http("GET", "/api/v1/namespaces/default/pods/p/nosuchsub", null, 404);
    http("GET", "/api/v1/namespaces/default/configmaps/c/status", null, 404);
    assertThat(http("GET", "/apis/batch/v1/namespaces/default/cronjobs", null, 200).path("items")).isEmpty();
    // served by every API server, and listed by blame
    assertThat(http("GET", "/apis/apiregistration.k8s.io/v1/apiservices", null, 200).path("items")).isEmpty();
    assertThat(client.getApiResources("v1").getResources()).extracting(APIResource::getName, APIResource::getKind)
        .contains(org.assertj.core.groups.Tuple.tuple("pods/eviction", "Eviction"));
  }

  /** {@code kubectl delete --dry-run=server} and {@code drain --dry-run=server}: answered, nothing deleted. */
  @Test
  void deleteAndEvictionWithDryRunDeleteNothing() throws Exception {
    client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("kept")
        .endMetadata().build()).create();
    assertThat(http("DELETE", "/api/v1/namespaces/default/configmaps/kept?dryRun=All", null, 200)
        .path("metadata").path("name").asText()).isEqualTo("kept");
    http("DELETE", "/api/v1/namespaces/default/configmaps/kept", "{\"kind\":\"DeleteOptions\","
        + "\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}", 200);
    http("DELETE", "/api/v1/namespaces/default/configmaps/absent?dryRun=All", null, 404);
    assertThat(client.configMaps().inNamespace("default").withName("kept").get()).isNotNull();

    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("evicted")
        .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
        .build()).create();
    String eviction = "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"evicted\","
        + "\"namespace\":\"default\"}%s}";
    assertThat(http("POST", "/api/v1/namespaces/default/pods/evicted/eviction",
        eviction.formatted(",\"deleteOptions\":{\"dryRun\":[\"All\"]}"), 201).path("status").asText())
        .isEqualTo("Success");
    assertThat(client.pods().inNamespace("default").withName("evicted").get()).isNotNull();
    http("POST", "/api/v1/namespaces/default/pods/evicted/eviction", eviction.formatted(""), 201);
    assertThat(client.pods().inNamespace("default").withName("evicted").get()).isNull();
    http("POST", "/api/v1/namespaces/default/pods/evicted/eviction", eviction.formatted(""), 404);
  }

  /**
   * The eviction subresource consults the pod's PodDisruptionBudget as kube-apiserver does
   * ({@code pkg/registry/core/pod/storage/eviction.go}): it deleted every pod it was asked to, so a drain that a real
   * cluster holds back with "Cannot evict pod as it would violate the pod's disruption budget." went through.
   */
  @Test
  void evictionsSpendTheDisruptionsABudgetAllows() throws Exception {
    for (String name : List.of("guarded-a", "guarded-b", "guarded-c")) {
      client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name)
          .addToLabels("app", "guarded").endMetadata().withNewSpec().addNewContainer().withName("c")
          .withImage("nginx").endContainer().endSpec().build()).create();
      http("PUT", "/api/v1/namespaces/default/pods/" + name + "/status", client.getKubernetesSerialization()
          .asJson(new PodBuilder(client.pods().inNamespace("default").withName(name).get()).withNewStatus()
              .withPhase("Running").addNewCondition().withType("Ready").withStatus(name.endsWith("c") ? "False"
                  : "True").endCondition().endStatus().build()), 200);
    }
    String budget = "{\"apiVersion\":\"policy/v1\",\"kind\":\"PodDisruptionBudget\",\"metadata\":{\"name\":\"%s\","
        + "\"namespace\":\"default\"},\"spec\":{\"minAvailable\":1,\"selector\":{\"matchLabels\":"
        + "{\"app\":\"guarded\"}}}}";
    http("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", budget.formatted("guard"), 201);
    String eviction = "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"%s\","
        + "\"namespace\":\"default\"}}";

    com.fasterxml.jackson.databind.JsonNode unprocessed = http("POST",
        "/api/v1/namespaces/default/pods/guarded-a/eviction", eviction.formatted("guarded-a"), 429);
    assertThat(unprocessed.path("details").path("causes").get(0).path("message").asText())
        .isEqualTo("The disruption budget guard is still being processed by the server.");
    assertThat(unprocessed.path("details").path("retryAfterSeconds").asInt()).isEqualTo(10);

    com.fasterxml.jackson.databind.JsonNode pdb = http("GET",
        "/apis/policy/v1/namespaces/default/poddisruptionbudgets/guard", null, 200);
    ((com.fasterxml.jackson.databind.node.ObjectNode) pdb).putObject("status").put("observedGeneration", 1)
        .put("disruptionsAllowed", 1).put("currentHealthy", 2).put("desiredHealthy", 1).put("expectedPods", 3);
    http("PUT", "/apis/policy/v1/namespaces/default/poddisruptionbudgets/guard/status", pdb.toString(), 200);

    http("POST", "/api/v1/namespaces/default/pods/guarded-a/eviction?dryRun=All", eviction.formatted("guarded-a"),
        201);
    assertThat(http("GET", "/apis/policy/v1/namespaces/default/poddisruptionbudgets/guard", null, 200)
        .path("status").path("disruptionsAllowed").asInt()).as("a dry run spends nothing").isEqualTo(1);

    http("POST", "/api/v1/namespaces/default/pods/guarded-a/eviction", eviction.formatted("guarded-a"), 201);
    assertThat(client.pods().inNamespace("default").withName("guarded-a").get()).isNull();
    com.fasterxml.jackson.databind.JsonNode spent = http("GET",
        "/apis/policy/v1/namespaces/default/poddisruptionbudgets/guard", null, 200).path("status");
    assertThat(spent.path("disruptionsAllowed").asInt()).isZero();
    assertThat(spent.path("disruptedPods").has("guarded-a")).isTrue();
    assertThat(spent.path("conditions").get(0).path("reason").asText()).isEqualTo("InsufficientPods");

    com.fasterxml.jackson.databind.JsonNode refused = http("POST",
        "/api/v1/namespaces/default/pods/guarded-b/eviction", eviction.formatted("guarded-b"), 429);
    assertThat(refused.path("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(refused.path("message").asText())
        .isEqualTo("Cannot evict pod as it would violate the pod's disruption budget.");
    assertThat(refused.path("details").path("causes").get(0).path("reason").asText()).isEqualTo("DisruptionBudget");
    assertThat(refused.path("details").path("causes").get(0).path("message").asText())
        .isEqualTo("The disruption budget guard needs 1 healthy pods and has 2 currently");
    assertThat(client.pods().inNamespace("default").withName("guarded-b").get()).isNotNull();

    // an unready pod while the budget has its healthy pods: evicted without spending a disruption
    http("POST", "/api/v1/namespaces/default/pods/guarded-c/eviction", eviction.formatted("guarded-c"), 201);
    assertThat(client.pods().inNamespace("default").withName("guarded-c").get()).isNull();

    http("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", budget.formatted("guard-too"), 201);
    com.fasterxml.jackson.databind.JsonNode two = http("POST",
        "/api/v1/namespaces/default/pods/guarded-b/eviction", eviction.formatted("guarded-b"), 500);
    assertThat(two.path("message").asText()).isEqualTo("This pod has more than one PodDisruptionBudget, which the "
        + "eviction subresource does not support.");
    client.pods().inNamespace("default").withName("guarded-b").delete();
  }

  /** The Job strategy's generateSelector: without it every pod of the namespace matched the Job. */
  @Test
  void aJobGetsItsGeneratedSelectorAndLabels() {
    io.fabric8.kubernetes.api.model.batch.v1.Job job = client.batch().v1().jobs().inNamespace("default")
        .resource(new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder().withNewMetadata().withName("once")
            .endMetadata().withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer()
            .withName("c").withImage("busybox").withCommand("echo", "hi").endContainer().endSpec().endTemplate()
            .endSpec().build()).create();
    String uid = job.getMetadata().getUid();
    assertThat(job.getSpec().getSelector().getMatchLabels())
        .containsExactly(Map.entry("batch.kubernetes.io/controller-uid", uid));
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(Map.of(
        "batch.kubernetes.io/controller-uid", uid, "controller-uid", uid, "batch.kubernetes.io/job-name", "once",
        "job-name", "once"));
    assertThat(job.getMetadata().getLabels()).containsEntry("job-name", "once").containsEntry("controller-uid", uid);
    assertThat(client.batch().v1().jobs().inNamespace("default").withName("once").get().getSpec().getSelector()
        .getMatchLabels()).containsEntry("batch.kubernetes.io/controller-uid", uid);
  }

  /** The Service storage allocates a ClusterIP (kept by updates) and node ports; headless stays headless. */
  @Test
  void servicesGetAClusterIpAndNodePorts() {
    io.fabric8.kubernetes.api.model.Service svc = client.services().inNamespace("default").resource(
        new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("np").endMetadata()
            .withNewSpec().withType("NodePort").addToSelector("app", "np").addNewPort().withPort(80).endPort()
            .endSpec().build()).create();
    String ip = svc.getSpec().getClusterIP();
    assertThat(ip).startsWith("10.96.");
    assertThat(svc.getSpec().getClusterIPs()).containsExactly(ip);
    Integer nodePort = svc.getSpec().getPorts().get(0).getNodePort();
    assertThat(nodePort).isBetween(30000, 32767);
    svc.getSpec().setClusterIP(null);
    svc.getSpec().setClusterIPs(null);
    svc.getSpec().getPorts().get(0).setNodePort(null);
    io.fabric8.kubernetes.api.model.Service updated = client.resource(svc).update();
    assertThat(updated.getSpec().getClusterIP()).isEqualTo(ip);
    assertThat(updated.getSpec().getPorts().get(0).getNodePort()).isEqualTo(nodePort);
    io.fabric8.kubernetes.api.model.Service headless = client.services().inNamespace("default").resource(
        new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("headless").endMetadata()
            .withNewSpec().withClusterIP("None").addToSelector("app", "h").endSpec().build()).create();
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
  }

  /** propagationPolicy Orphan: the dependents stay, without their ownerReferences to the deleted owner. */
  @Test
  void orphanedDependentsLoseTheirOwnerReference() throws Exception {
    ConfigMap owner = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("owner").endMetadata().build()).create();
    client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("dependent").addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("owner")
        .withUid(owner.getMetadata().getUid()).endOwnerReference().endMetadata().build()).create();
    http("DELETE", "/api/v1/namespaces/default/configmaps/owner", "{\"kind\":\"DeleteOptions\",\"apiVersion\":"
        + "\"v1\",\"propagationPolicy\":\"Orphan\"}", 200);
    ConfigMap dependent = client.configMaps().inNamespace("default").withName("dependent").get();
    assertThat(dependent).isNotNull();
    assertThat(dependent.getMetadata().getOwnerReferences()).isEmpty();
  }

  private static ConfigMap configMap(String name, ConfigMap owner, String... finalizers) {
    ConfigMapBuilder b = new ConfigMapBuilder().withNewMetadata().withName(name).addToFinalizers(finalizers)
        .endMetadata();
    if (owner != null) {
      b.editMetadata().addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap")
          .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withBlockOwnerDeletion(true)
          .endOwnerReference().endMetadata();
    }
    return client.configMaps().inNamespace("default").resource(b.build()).create();
  }

  private static ConfigMap configMap(String name) {
    return client.configMaps().inNamespace("default").withName(name).get();
  }

  /**
   * Removing the last finalizer of an object being deleted deletes it: the API server answers the object (the mock
   * answered an empty body, kubectl printed "error: unexpected end of JSON input") and the garbage collector then
   * deletes its dependents (they stayed, owned by an object that no longer existed).
   */
  @Test
  void removingTheLastFinalizerDeletesTheObjectAndItsDependents() throws Exception {
    ConfigMap owner = configMap("held", null, "example.com/hold");
    configMap("held-dependent", owner);
    http("DELETE", "/api/v1/namespaces/default/configmaps/held", null, 200);
    assertThat(configMap("held").getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(configMap("held-dependent")).as("background: waits for its owner").isNotNull();

    com.fasterxml.jackson.databind.JsonNode answer = http("PATCH", "/api/v1/namespaces/default/configmaps/held",
        "{\"metadata\":{\"finalizers\":null}}", 200, "application/merge-patch+json");
    assertThat(answer.path("metadata").path("name").asText()).isEqualTo("held");
    assertThat(answer.path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
    assertThat(configMap("held")).isNull();
    assertThat(configMap("held-dependent")).isNull();

    ConfigMap other = configMap("held-json", null, "example.com/hold");
    http("DELETE", "/api/v1/namespaces/default/configmaps/held-json", null, 200);
    assertThat(http("PATCH", "/api/v1/namespaces/default/configmaps/held-json",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]", 200, "application/json-patch+json")
        .path("metadata").path("uid").asText()).isEqualTo(other.getMetadata().getUid());
    assertThat(configMap("held-json")).isNull();
  }

  /**
   * {@code kubectl delete --cascade=foreground} of an owner its finalizers keep: the dependents are deleted at once (the
   * garbage collector's foregroundDeletion), the owner stays until its own finalizers go. They stayed.
   */
  @Test
  void foregroundDeletionDeletesTheDependentsOfAHeldOwner() throws Exception {
    ConfigMap owner = configMap("fg-owner", null, "example.com/hold");
    ConfigMap child = configMap("fg-child", owner);
    configMap("fg-grandchild", child);
    http("DELETE", "/api/v1/namespaces/default/configmaps/fg-owner", "{\"kind\":\"DeleteOptions\",\"apiVersion\":"
        + "\"v1\",\"propagationPolicy\":\"Foreground\"}", 200);
    assertThat(configMap("fg-child")).isNull();
    assertThat(configMap("fg-grandchild")).isNull();
    assertThat(configMap("fg-owner").getMetadata().getFinalizers()).containsExactly("example.com/hold");

    ConfigMap orphaning = configMap("or-owner", null, "example.com/hold");
    configMap("or-child", orphaning);
    http("DELETE", "/api/v1/namespaces/default/configmaps/or-owner?propagationPolicy=Orphan", null, 200);
    assertThat(configMap("or-child").getMetadata().getOwnerReferences()).as("orphaned at once").isEmpty();
    http("PATCH", "/api/v1/namespaces/default/configmaps/or-owner", "{\"metadata\":{\"finalizers\":[]}}", 200,
        "application/merge-patch+json");
    assertThat(configMap("or-owner")).isNull();
    assertThat(configMap("or-child")).as("an orphan outlives its former owner").isNotNull();
  }

  /**
   * A stale resourceVersion is a 409 Conflict in the API server's words (the mock's reason Invalid made kubectl print
   * {@code The ConfigMap "" is invalid}).
   */
  @Test
  void staleWritesAreConflicts() throws Exception {
    ConfigMap first = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("contended").endMetadata().addToData("a", "1").build()).create();
    String stale = first.getMetadata().getResourceVersion();
    client.configMaps().inNamespace("default").withName("contended").edit(c -> {
      c.getData().put("a", "2");
      return c;
    });
    com.fasterxml.jackson.databind.JsonNode conflict = http("PUT", "/api/v1/namespaces/default/configmaps/contended",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"contended\",\"resourceVersion\":\""
            + stale + "\"},\"data\":{\"a\":\"3\"}}", 409);
    assertThat(conflict.path("reason").asText()).isEqualTo("Conflict");
    assertThat(conflict.path("message").asText()).isEqualTo("Operation cannot be fulfilled on configmaps "
        + "\"contended\": the object has been modified; please apply your changes to the latest version and try again");
    assertThat(conflict.path("details").path("name").asText()).isEqualTo("contended");
    assertThat(client.configMaps().inNamespace("default").withName("contended").get().getData())
        .containsEntry("a", "2");
    String current = client.configMaps().inNamespace("default").withName("contended").get().getMetadata()
        .getResourceVersion();
    http("PATCH", "/api/v1/namespaces/default/configmaps/contended", "{\"metadata\":{\"resourceVersion\":\""
        + current + "\"},\"data\":{\"a\":\"5\"}}", 200, "application/merge-patch+json");
  }

  /**
   * kubectl 1.32's typed clients write protobuf ({@code kubectl create configmap}): the body is decoded (CI's kubectl
   * 1.20 writes JSON, so this is built by hand: envelope {@code k8s\0}, runtime.Unknown{typeMeta, raw}).
   */
  @Test
  void protobufBodiesOfKnownKindsAreDecoded() throws Exception {
    byte[] meta = field(1, "made-by-protobuf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] labels = field(11, concat(field(1, bytes("app")), field(2, bytes("pb"))));
    byte[] entry = field(2, concat(field(1, bytes("key")), field(2, bytes("value"))));
    byte[] configMap = concat(field(1, concat(meta, labels)), entry);
    byte[] unknown = concat(field(1, concat(field(1, bytes("v1")), field(2, bytes("ConfigMap")))), field(2, configMap));
    byte[] body = concat(new byte[] {'k', '8', 's', 0}, unknown);
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.url().replaceAll("/$", "")
            + "/api/v1/namespaces/default/configmaps")).header("Content-Type", "application/vnd.kubernetes.protobuf")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    ConfigMap stored = client.configMaps().inNamespace("default").withName("made-by-protobuf").get();
    assertThat(stored.getData()).containsExactly(Map.entry("key", "value"));
    assertThat(stored.getMetadata().getLabels()).containsExactly(Map.entry("app", "pb"));

    byte[] unknownKind = concat(new byte[] {'k', '8', 's', 0}, field(1, concat(field(1, bytes("v1")),
        field(2, bytes("Binding")))));
    java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.url().replaceAll("/$", "")
            + "/api/v1/namespaces/default/configmaps")).header("Content-Type", "application/vnd.kubernetes.protobuf")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(unknownKind)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(415);
  }

  /**
   * The field tables follow upstream generated.proto, including Go's inlined fields: {@code Volume.volumeSource}
   * (field 2) is a message in protobuf but inlined in JSON ({@code kubectl debug node/N}'s hostPath volume), and
   * {@code kubectl create clusterrole --aggregation-rule} sends {@code ClusterRole.aggregationRule} (field 3).
   */
  @Test
  void protobufInlinedVolumeSourceAndAggregationRuleAreDecoded() {
    byte[] volume = concat(field(1, bytes("host-root")), field(2, field(1, field(1, bytes("/")))));
    byte[] pod = concat(field(1, field(1, bytes("node-debugger"))), field(2, field(1, volume)));
    com.fasterxml.jackson.databind.JsonNode decoded = ProtobufBodies.toJson(envelope("v1", "Pod", pod));
    assertThat(decoded.at("/spec/volumes/0/name").asText()).isEqualTo("host-root");
    assertThat(decoded.at("/spec/volumes/0/hostPath/path").asText()).isEqualTo("/");
    assertThat(decoded.at("/spec/volumes/0").has("volumeSource")).isFalse();

    byte[] selector = field(1, concat(field(1, bytes("aggregate")), field(2, bytes("true"))));
    byte[] role = concat(field(1, field(1, bytes("monitoring"))), field(3, field(1, selector)));
    decoded = ProtobufBodies.toJson(envelope("rbac.authorization.k8s.io/v1", "ClusterRole", role));
    assertThat(decoded.at("/aggregationRule/clusterRoleSelectors/0/matchLabels/aggregate").asText())
        .isEqualTo("true");
  }

  private static byte[] envelope(String apiVersion, String kind, byte[] raw) {
    return concat(new byte[] {'k', '8', 's', 0},
        concat(field(1, concat(field(1, bytes(apiVersion)), field(2, bytes(kind)))), field(2, raw)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A length-delimited protobuf field (lengths below 128 here). */
  private static byte[] field(int number, byte[] value) {
    return concat(new byte[] {(byte) (number << 3 | 2), (byte) value.length}, value);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static com.fasterxml.jackson.databind.JsonNode http(String method, String path, String body, int code)
      throws Exception {
    return http(method, path, body, code, "application/json");
  }

  private static com.fasterxml.jackson.databind.JsonNode http(String method, String path, String body, int code,
      String contentType)
      throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(cluster.url().replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", contentType)
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(code);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }

  /**
   * A controller acting on a stale cache may create a dependent of an owner that was just deleted (the simulator's
   * Deployment controller did: its ReplicaSet outlived the Deployment). The garbage collector deletes it; an owner
   * never seen here is left dangling, as scenarios may show one on purpose.
   */
  @Test
  void aDependentCreatedAfterItsOwnerWasDeletedIsCollected() {
    ConfigMap owner = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("gc-owner").withNamespace("default").endMetadata().build()).create();
    client.configMaps().inNamespace("default").withName("gc-owner").delete();
    Eventually.assertThat(Duration.ofSeconds(10), () ->
        assertThat(client.configMaps().inNamespace("default").withName("gc-owner").get()).isNull());

    client.configMaps().inNamespace("default").resource(dependent("gc-late", owner.getMetadata().getUid())).create();
    client.configMaps().inNamespace("default").resource(dependent("gc-dangling", "never-seen-uid")).create();

    assertThat(client.configMaps().inNamespace("default").withName("gc-late").get()).isNull();
    assertThat(client.configMaps().inNamespace("default").withName("gc-dangling").get()).isNotNull();
  }

  private static ConfigMap dependent(String name, String ownerUid) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default")
        .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("gc-owner").withUid(ownerUid)
        .endOwnerReference().endMetadata().build();
  }

  @Test
  void crdShowsUpInDiscoveryAndItsResourcesAreCrudable() {
    CustomResourceDefinition crd = Scenarios.webAppCrd();
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();

    assertThat(client.getApiGroups().getGroups()).extracting(APIGroup::getName).contains("example.dev");
    assertThat(client.getApiResources("example.dev/v1").getResources())
        .anySatisfy(r -> {
          assertThat(r.getName()).isEqualTo("webapps");
          assertThat(r.getKind()).isEqualTo("WebApp");
          assertThat(r.getNamespaced()).isTrue();
        });

    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup("example.dev")
        .withVersion("v1").withPlural("webapps").withKind("WebApp").withNamespaced(true).build();
    GenericKubernetesResource app = new GenericKubernetesResourceBuilder().withApiVersion("example.dev/v1")
        .withKind("WebApp").withNewMetadata().withName("crud").withNamespace("default").endMetadata()
        .addToAdditionalProperties("spec", Map.of("replicas", 1)).build();
    client.genericKubernetesResources(context).inNamespace("default").resource(app).create();
    assertThat(client.genericKubernetesResources(context).inNamespace("default").list().getItems())
        .extracting(r -> r.getMetadata().getName()).contains("crud");
    client.genericKubernetesResources(context).inNamespace("default").withName("crud")
        .edit(r -> {
          r.setAdditionalProperty("spec", Map.of("replicas", 2));
          return r;
        });
    assertThat(client.genericKubernetesResources(context).inNamespace("default").withName("crud").get()
        .<Integer>get("spec", "replicas")).isEqualTo(2);
    client.genericKubernetesResources(context).inNamespace("default").withName("crud").delete();
    assertThat(client.genericKubernetesResources(context).inNamespace("default").withName("crud").get()).isNull();

    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).delete();
    assertThat(client.getApiGroups().getGroups()).extracting(APIGroup::getName).doesNotContain("example.dev");
  }

  @Test
  void setBasedSelectorsFilterListsLikeTheApiServer() {
    String ns = "selectors";
    for (String[] p : List.of(new String[] {"a", "prod"}, new String[] {"b", "staging"}, new String[] {"c", "dev"},
        new String[] {"d", null})) {
      PodBuilder b = new PodBuilder().withNewMetadata().withName(p[0]).withNamespace(ns).endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec();
      if (p[1] != null) {
        b.editMetadata().addToLabels("env", p[1]).endMetadata();
      }
      client.pods().inNamespace(ns).resource(b.build()).create();
    }
    assertThat(names(client.pods().inNamespace(ns).withLabelIn("env", "prod", "staging").list().getItems()))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(names(client.pods().inNamespace(ns).withLabelNotIn("env", "prod", "staging").list().getItems()))
        .containsExactlyInAnyOrder("c", "d");
    assertThat(names(client.pods().inNamespace(ns).withoutLabel("env").list().getItems())).containsExactly("d");
    assertThat(names(client.pods().inNamespace(ns).withLabel("env").list().getItems()))
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(names(client.pods().inNamespace(ns).withLabelSelector(new LabelSelectorBuilder()
        .addNewMatchExpression().withKey("env").withOperator("In").withValues("dev", "prod").endMatchExpression()
        .addNewMatchExpression().withKey("env").withOperator("Exists").endMatchExpression().build())
        .list().getItems())).containsExactlyInAnyOrder("a", "c");
    assertThat(names(client.pods().inNamespace(ns).withLabels(Map.of("env", "dev")).list().getItems()))
        .containsExactly("c");
  }

  @Test
  @SuppressWarnings("try")
  void setBasedSelectorsFilterWatches() {
    String ns = "watch-selectors";
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch ignored = client.pods().inNamespace(ns).withLabelIn("tier", "web", "api").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        seen.add(action + " " + pod.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      for (String[] p : List.of(new String[] {"db", "db"}, new String[] {"web", "web"}, new String[] {"api", "api"})) {
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(p[0]).withNamespace(ns)
            .addToLabels("tier", p[1]).endMetadata().build()).create();
      }
      Eventually.assertThat(Duration.ofSeconds(10), () -> assertThat(seen).containsExactlyInAnyOrder("ADDED web", "ADDED api"));
    }
  }

  @Test
  void listsCarryTheirKindAndFieldSelectorsWorkOnTheKindsFieldLabels() {
    String ns = "fields";
    Pod a = client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("a").endMetadata()
        .withNewSpec().withNodeName("n1").endSpec().build()).create();
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("b").endMetadata()
        .withNewSpec().withNodeName("n2").endSpec().build()).create();
    client.v1().events().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata()
        .withName("a.1").endMetadata().withNewInvolvedObject().withKind("Pod").withName("a").withNamespace(ns)
        .withUid(a.getMetadata().getUid()).endInvolvedObject().withReason("Test").build()).create();

    assertThat(names(client.pods().inNamespace(ns).withField("spec.nodeName", "n2").list().getItems()))
        .containsExactly("b");
    assertThat(names(client.pods().inNamespace(ns).withoutField("spec.nodeName", "n2").list().getItems()))
        .containsExactly("a");
    assertThat(names(client.v1().events().inNamespace(ns).withField("involvedObject.uid", a.getMetadata().getUid())
        .list().getItems())).containsExactly("a.1");
    assertThat(client.pods().inNamespace(ns).list().getKind()).isEqualTo("PodList");
    assertThat(client.apps().deployments().inNamespace(ns).list().getKind()).isEqualTo("DeploymentList");
  }

  @Test
  void deletingAnOwnerCollectsItsDependentsInTheBackground() {
    String ns = "gc";
    ConfigMap owner = client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("owner").endMetadata().build()).create();
    ConfigMap child = client.configMaps().inNamespace(ns).resource(ownedBy(owner, "child")).create();
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("grandchild")
        .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("child")
        .withUid(child.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata().build())
        .create();
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("unrelated")
        .endMetadata().build()).create();

    client.configMaps().inNamespace(ns).withName("owner").delete();

    assertThat(names(client.configMaps().inNamespace(ns).list().getItems())).containsExactly("unrelated");
    assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void deletingANamespaceDeletesWhatIsInIt() {
    client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName("doomed").endMetadata().build()).create();
    assertThat(client.namespaces().withName("doomed").get().getStatus().getPhase()).isEqualTo("Active");
    client.configMaps().inNamespace("doomed").resource(new ConfigMapBuilder().withNewMetadata().withName("x")
        .endMetadata().build()).create();
    client.configMaps().inNamespace("kept").resource(new ConfigMapBuilder().withNewMetadata().withName("y")
        .endMetadata().build()).create();

    client.namespaces().withName("doomed").delete();

    assertThat(client.configMaps().inNamespace("doomed").list().getItems()).isEmpty();
    assertThat(names(client.configMaps().inNamespace("kept").list().getItems())).containsExactly("y");
  }

  @Test
  void orphanPropagationKeepsDependents() {
    String ns = "gc-orphan";
    ConfigMap owner = client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("owner").endMetadata().build()).create();
    client.configMaps().inNamespace(ns).resource(ownedBy(owner, "child")).create();

    client.configMaps().inNamespace(ns).withName("owner")
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.ORPHAN).delete();

    assertThat(names(client.configMaps().inNamespace(ns).list().getItems())).containsExactly("child");
  }

  private static ConfigMap ownedBy(ConfigMap owner, String name) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).addNewOwnerReference().withApiVersion("v1")
        .withKind("ConfigMap").withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).endOwnerReference().endMetadata().build();
  }

  static List<String> names(List<? extends HasMetadata> items) {
    return items.stream().map(i -> i.getMetadata().getName()).toList();
  }
}
