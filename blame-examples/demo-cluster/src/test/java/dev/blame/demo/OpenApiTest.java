package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI documents: the protobuf v2 document is what gnostic decodes (read back here by field
 * number), the v3 documents are self-contained, and every object the simulator writes (scenarios, a Job, a
 * DaemonSet, a CronJob's Job) has no field the document does not know, so kubectl's client-side validation of
 * {@code edit} and {@code apply -f} of {@code get -o yaml} output passes.
 */
class OpenApiTest extends OnDemoCluster {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(client.getMasterUrl().toString().replaceAll("/$", "")
        + path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<UnknownFieldSet> messages(UnknownFieldSet set, int field) throws Exception {
    List<UnknownFieldSet> out = new ArrayList<>();
    UnknownFieldSet.Field f = set.getField(field);
    if (f != null) {
      for (ByteString bytes : f.getLengthDelimitedList()) {
        out.add(UnknownFieldSet.parseFrom(bytes));
      }
    }
    return out;
  }

  private static String string(UnknownFieldSet set, int field) {
    UnknownFieldSet.Field f = set.getField(field);
    return f == null || f.getLengthDelimitedList().isEmpty() ? "" : f.getLengthDelimitedList().get(0)
        .toStringUtf8();
  }

  @Test
  void theProtobufDocumentHasDefinitionsAndDryRunOnEveryPatch() throws Exception {
    HttpResponse<byte[]> response = get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
    assertThat(response.statusCode()).isEqualTo(200);
    // Go's mime.ParseMediaType refuses '@': the server answers with the dotted spelling, as kube-apiserver does
    assertThat(response.headers().firstValue("Content-Type")).contains(
        "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
    UnknownFieldSet doc = UnknownFieldSet.parseFrom(response.body());
    assertThat(string(doc, 1)).isEqualTo("2.0");
    Map<String, UnknownFieldSet> definitions = new HashMap<>();
    for (UnknownFieldSet named : messages(messages(doc, 9).get(0), 1)) {
      definitions.put(string(named, 1), messages(named, 2).get(0));
    }
    JsonNode json = OpenApi.get().v2();
    assertThat(definitions.keySet()).containsExactlyInAnyOrderElementsOf(() -> json.path("definitions").fieldNames());
    UnknownFieldSet deployment = definitions.get("io.k8s.api.apps.v1.Deployment");
    assertThat(string(deployment, 4)).startsWith("Deployment enables declarative updates");
    List<String> extensions = new ArrayList<>();
    for (UnknownFieldSet ext : messages(deployment, 31)) {
      extensions.add(string(ext, 1) + "=" + string(messages(ext, 2).get(0), 2));
    }
    assertThat(extensions).containsExactly(
        "x-kubernetes-group-version-kind=[{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}]");
    // PodSpec.containers keeps its patch strategy and merge key (client-side apply computes patches from them)
    UnknownFieldSet containers = messages(definitions.get("io.k8s.api.core.v1.PodSpec"), 25).stream()
        .flatMap(p -> {
          try {
            return messages(p, 1).stream();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).filter(n -> string(n, 1).equals("containers")).findFirst().orElseThrow();
    List<String> containerExtensions = new ArrayList<>();
    for (UnknownFieldSet ext : messages(messages(containers, 2).get(0), 31)) {
      containerExtensions.add(string(ext, 1) + "=" + string(messages(ext, 2).get(0), 2));
    }
    assertThat(containerExtensions).contains("x-kubernetes-patch-merge-key=name", "x-kubernetes-patch-strategy=merge");

    // every path's PATCH names its kind and takes dryRun as a query parameter (kubectl 1.20's diff checks it)
    List<UnknownFieldSet> paths = messages(messages(doc, 8).get(0), 2);
    assertThat(paths).hasSize(json.path("paths").size());
    for (UnknownFieldSet path : paths) {
      UnknownFieldSet patch = messages(messages(path, 2).get(0), 8).get(0);
      assertThat(messages(patch, 13)).anySatisfy(ext -> assertThat(string(ext, 1))
          .isEqualTo("x-kubernetes-group-version-kind"));
      List<String> queryNames = new ArrayList<>();
      for (UnknownFieldSet item : messages(patch, 8)) {
        for (UnknownFieldSet nonBody : messages(messages(item, 1).get(0), 2)) {
          for (UnknownFieldSet query : messages(nonBody, 3)) {
            queryNames.add(string(query, 4));
          }
        }
      }
      assertThat(queryNames).as(string(path, 1)).contains("dryRun", "fieldManager");
    }
  }

  @Test
  void v3ListsGroupVersionsWhoseDocumentsResolveEveryReference() throws Exception {
    JsonNode index = DemoDispatcher.JSON.readTree(get("/openapi/v3", "application/json").body());
    assertThat(index.path("paths").has("api/v1")).isTrue();
    assertThat(index.path("paths").has("apis/apps/v1")).isTrue();
    String url = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
    assertThat(url).startsWith("/openapi/v3/apis/apps/v1?hash=");
    JsonNode doc = DemoDispatcher.JSON.readTree(get(url, "application/json").body());
    assertThat(doc.path("openapi").asText()).isEqualTo("3.0.0");
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(schemas.path("io.k8s.api.apps.v1.Deployment").path("x-kubernetes-group-version-kind").get(0)
        .path("kind").asText()).isEqualTo("Deployment");
    TreeSet<String> missing = new TreeSet<>();
    doc.findValuesAsText("$ref").forEach(ref -> {
      assertThat(ref).startsWith("#/components/schemas/");
      if (!schemas.has(ref.substring("#/components/schemas/".length()))) {
        missing.add(ref);
      }
    });
    assertThat(missing).isEmpty();
    JsonNode patch = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
    assertThat(patch.path("requestBody").path("content").has("application/strategic-merge-patch+json")).isTrue();
    assertThat(patch.path("parameters").findValuesAsText("name")).contains("dryRun", "fieldManager", "force");
    assertThat(get("/openapi/v3/apis/example.dev/v1", "application/json").statusCode()).isEqualTo(404);
  }

  @Test
  void everyObjectTheClusterWritesHasOnlyFieldsTheDocumentKnows() {
    for (Scenario s : List.of(Scenario.TALK, Scenario.CRASHLOOP_STATEFULSET, Scenario.QUOTA,
        Scenario.SERVICE_SELECTS_NOTHING)) {
      s.play(client, TIMEOUT);
      s.awaitSettled(client, TIMEOUT);
    }
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, namespace: default}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox:1.36, command: ["sh", "-c", "echo done"]}]
        """, Job.class)).create();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: default}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: c, image: busybox:1.36, command: ["sh", "-c", "sleep 3600"]}]
        """, io.fabric8.kubernetes.api.model.apps.DaemonSet.class)).create();
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.batch().v1().jobs().inNamespace("default")
        .withName("once").get().getStatus().getSucceeded()).isEqualTo(1));
    Eventually.assertThat(TIMEOUT, () -> assertThat(client.apps().daemonSets().inNamespace("default")
        .withName("agent").get().getStatus().getNumberReady()).isEqualTo(1));

    JsonNode v2 = OpenApi.get().v2();
    Map<String, String> byKind = new HashMap<>();
    v2.path("definitions").properties().forEach(d -> d.getValue().path("x-kubernetes-group-version-kind")
        .forEach(g -> byKind.put(g.path("group").asText() + "/" + g.path("version").asText() + "/"
            + g.path("kind").asText(), d.getKey())));
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(client.pods().inAnyNamespace().list().getItems());
    objects.addAll(client.apps().deployments().inAnyNamespace().list().getItems());
    objects.addAll(client.apps().replicaSets().inAnyNamespace().list().getItems());
    objects.addAll(client.apps().statefulSets().inAnyNamespace().list().getItems());
    objects.addAll(client.apps().daemonSets().inAnyNamespace().list().getItems());
    objects.addAll(client.apps().controllerRevisions().inAnyNamespace().list().getItems());
    objects.addAll(client.batch().v1().jobs().inAnyNamespace().list().getItems());
    objects.addAll(client.services().inAnyNamespace().list().getItems());
    objects.addAll(client.endpoints().inAnyNamespace().list().getItems());
    objects.addAll(client.v1().events().inAnyNamespace().list().getItems());
    objects.addAll(client.namespaces().list().getItems());
    objects.addAll(client.nodes().list().getItems());
    objects.addAll(client.resourceQuotas().inAnyNamespace().list().getItems());
    objects.addAll(client.discovery().v1().endpointSlices().inAnyNamespace().list().getItems());
    TreeSet<String> unknown = new TreeSet<>();
    for (HasMetadata o : objects) {
      JsonNode json = DemoDispatcher.JSON.valueToTree(o);
      String[] gv = o.getApiVersion().contains("/") ? o.getApiVersion().split("/") : new String[] {"", o.getApiVersion()};
      String definition = byKind.get(gv[0] + "/" + gv[1] + "/" + o.getKind());
      assertThat(definition).as(o.getKind()).isNotNull();
      unknownFields(v2, definition, json, o.getKind(), unknown);
    }
    assertThat(unknown).as("fields the cluster writes that its OpenAPI document does not know").isEmpty();
  }

  /**
   * Kinds newer than 1.20's document (batch/v1 CronJob, policy/v1 PodDisruptionBudget, discovery.k8s.io/v1
   * EndpointSlice, autoscaling/v2 HorizontalPodAutoscaler) are in it with their definitions from a later Kubernetes swagger.json and an item path whose
   * PATCH takes dryRun (kubectl 1.20's diff looks for it; explain reads the definitions, 1.27+ through /openapi/v3).
   */
  @Test
  void kindsNewerThan120HaveTheirDefinitionsAndItemPaths() throws Exception {
    JsonNode v2 = OpenApi.get().v2();
    Map<String, String> paths = Map.of(
        "io.k8s.api.batch.v1.CronJob", "/apis/batch/v1/namespaces/{namespace}/cronjobs/{name}",
        "io.k8s.api.policy.v1.PodDisruptionBudget",
        "/apis/policy/v1/namespaces/{namespace}/poddisruptionbudgets/{name}",
        "io.k8s.api.discovery.v1.EndpointSlice",
        "/apis/discovery.k8s.io/v1/namespaces/{namespace}/endpointslices/{name}",
        "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
        "/apis/autoscaling/v2/namespaces/{namespace}/horizontalpodautoscalers/{name}");
    paths.forEach((definition, path) -> {
      String kind = definition.substring(definition.lastIndexOf('.') + 1);
      assertThat(v2.path("definitions").path(definition).path("x-kubernetes-group-version-kind").get(0)
          .path("kind").asText()).isEqualTo(kind);
      JsonNode patch = v2.path("paths").path(path).path("patch");
      assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo(kind);
      assertThat(patch.path("operationId").asText()).startsWith("patch").endsWith("Namespaced" + kind);
      assertThat(patch.path("parameters").findValuesAsText("name")).contains("dryRun", "fieldManager");
      assertThat(v2.path("paths").path(path).path("get").path("responses").path("200").path("schema")
          .path("$ref").asText()).isEqualTo("#/definitions/" + definition);
    });
    assertThat(v2.path("definitions").path("io.k8s.api.batch.v1.CronJobSpec").path("required"))
        .extracting(JsonNode::asText).containsExactly("schedule", "jobTemplate");

    JsonNode index = DemoDispatcher.JSON.readTree(get("/openapi/v3", "application/json").body());
    for (String gv : List.of("apis/batch/v1", "apis/policy/v1", "apis/discovery.k8s.io/v1", "apis/autoscaling/v2")) {
      String url = index.path("paths").path(gv).path("serverRelativeURL").asText();
      assertThat(url).as(gv).startsWith("/openapi/v3/" + gv + "?hash=");
      JsonNode schemas = DemoDispatcher.JSON.readTree(get(url, "application/json").body()).path("components")
          .path("schemas");
      assertThat(schemas.fieldNames()).toIterable().anySatisfy(n -> assertThat(n).isIn(paths.keySet()));
    }
  }

  /** Collects {@code path: field (definition)} for every object field not among the schema's properties. */
  /**
   * kubectl 1.20 reads custom resources' schemas from /openapi/v2 (explain, client-side validation), where kube-apiserver
   * merges each served CRD version converted to Swagger 2.0 (apiextensions-apiserver's ToStructuralOpenAPIV2 and
   * builder): the document had none, so 1.20 said "couldn't find resource".
   */
  @Test
  void customResourcesAreMergedIntoV2AsTheApiServerConvertsThem() throws Exception {
    JsonNode crd = DemoDispatcher.JSON.readTree("""
        {"spec": {"group": "example.dev", "scope": "Cluster",
          "names": {"kind": "Gadget", "listKind": "GadgetList", "plural": "gadgets"},
          "versions": [
            {"name": "v1alpha1", "served": false},
            {"name": "v1", "served": true, "schema": {"openAPIV3Schema": {"type": "object", "properties": {
              "spec": {"type": "object", "required": ["size", "note"], "properties": {
                "size": {"x-kubernetes-int-or-string": true, "anyOf": [{"type": "integer"}, {"type": "string"}]},
                "note": {"type": "string", "nullable": true},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                  "properties": {"a": {"type": "string"}}},
                "tags": {"type": "array", "x-kubernetes-preserve-unknown-fields": true, "items": {"type": "string"}},
                "template": {"type": "object", "x-kubernetes-embedded-resource": true,
                  "properties": {"spec": {"type": "object"}}}}}}}}},
            {"name": "v2", "served": true, "schema": {"openAPIV3Schema": {"type": "object",
              "x-kubernetes-preserve-unknown-fields": true}}}]}}""");
    com.fasterxml.jackson.databind.node.ObjectNode definitions = DemoDispatcher.JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode paths = DemoDispatcher.JSON.createObjectNode();
    OpenApi.get().customResourceDefinitionsV2(List.of(crd), definitions, paths);

    assertThat(definitions.fieldNames()).toIterable().containsExactlyInAnyOrder("dev.example.v1.Gadget",
        "dev.example.v1.GadgetList", "dev.example.v2.Gadget", "dev.example.v2.GadgetList");
    JsonNode v1 = definitions.path("dev.example.v1.Gadget");
    assertThat(v1.path("x-kubernetes-group-version-kind").get(0).toString())
        .isEqualTo("{\"group\":\"example.dev\",\"kind\":\"Gadget\",\"version\":\"v1\"}");
    assertThat(v1.path("properties").path("metadata").path("$ref").asText())
        .isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(v1.path("properties").path("apiVersion").path("type").asText()).isEqualTo("string");
    JsonNode spec = v1.path("properties").path("spec");
    assertThat(spec.path("properties").path("size").has("anyOf")).as("junctors dropped").isFalse();
    assertThat(spec.path("properties").path("note").has("type")).as("nullable: untyped").isFalse();
    assertThat(spec.path("properties").path("note").has("nullable")).isFalse();
    assertThat(spec.path("required").toString()).as("a nullable field is not required").isEqualTo("[\"size\"]");
    assertThat(spec.path("properties").path("extra").has("properties")).isFalse();
    assertThat(spec.path("properties").path("extra").has("type")).isFalse();
    assertThat(spec.path("properties").path("tags").has("type")).as("an array without items").isFalse();
    JsonNode template = spec.path("properties").path("template");
    assertThat(template.path("properties").fieldNames()).toIterable()
        .contains("apiVersion", "kind", "metadata", "spec");
    assertThat(template.path("required").toString()).isEqualTo("[\"kind\",\"apiVersion\"]");
    assertThat(definitions.path("dev.example.v2.Gadget").toString()).as("a root preserving unknown fields")
        .isEqualTo("{\"type\":\"object\",\"x-kubernetes-group-version-kind\":[{\"group\":\"example.dev\","
            + "\"kind\":\"Gadget\",\"version\":\"v2\"}]}");
    assertThat(definitions.path("dev.example.v1.GadgetList").path("properties").path("items").path("items")
        .path("$ref").asText()).isEqualTo("#/definitions/dev.example.v1.Gadget");

    JsonNode patch = paths.path("/apis/example.dev/v1/gadgets/{name}").path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Gadget");
    assertThat(patch.path("parameters").toString()).contains("\"dryRun\"");
    assertThat(patch.path("consumes").toString()).doesNotContain("strategic");
    assertThat(paths.path("/apis/example.dev/v1/gadgets/{name}").path("parameters").toString())
        .doesNotContain("\"namespace\"");
    assertThat(paths.path("/apis/example.dev/v1/gadgets/{name}").path("put").path("parameters").toString())
        .contains("#/definitions/dev.example.v1.Gadget");
  }

  private static void unknownFields(JsonNode doc, String definition, JsonNode value, String path,
      TreeSet<String> out) {
    JsonNode schema = doc.path("definitions").path(definition);
    walk(doc, schema, value, path, out);
  }

  private static void walk(JsonNode doc, JsonNode schema, JsonNode value, String path, TreeSet<String> out) {
    Optional<String> ref = Optional.ofNullable(schema.get("$ref")).map(JsonNode::asText);
    if (ref.isPresent()) {
      walk(doc, doc.path("definitions").path(ref.get().substring("#/definitions/".length())), value, path, out);
      return;
    }
    if (value.isObject() && schema.has("properties")) {
      value.properties().forEach(e -> {
        JsonNode property = schema.path("properties").get(e.getKey());
        if (property == null) {
          out.add(path + "." + e.getKey());
        } else {
          walk(doc, property, e.getValue(), path + "." + e.getKey(), out);
        }
      });
    } else if (value.isObject() && schema.has("additionalProperties")) {
      value.properties().forEach(e -> walk(doc, schema.get("additionalProperties"), e.getValue(), path + "[*]", out));
    } else if (value.isArray() && schema.has("items")) {
      value.forEach(v -> walk(doc, schema.get("items"), v, path + "[]", out));
    }
  }
}
