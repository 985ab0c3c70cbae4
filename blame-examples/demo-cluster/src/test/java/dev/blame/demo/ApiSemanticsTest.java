package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API conventions kubectl relies on, checked over plain HTTP: list order and pagination ({@code limit}/
 * {@code continue}, {@code kubectl get --chunk-size}), watches that answer at once, and access reviews in protobuf
 * (kubectl 1.32's {@code auth can-i}).
 */
class ApiSemanticsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DemoCluster cluster;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static String url(String path) {
    return cluster.url().replaceAll("/$", "") + path;
  }

  private static JsonNode get(String path, int code, String accept) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(code);
    return JSON.readTree(response.body());
  }

  private static JsonNode get(String path) throws Exception {
    return get(path, 200, "application/json");
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
    return names;
  }

  private static void configMaps(String namespace, String... names) {
    cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(namespace).endMetadata().build()).createOr(r -> r.update());
    for (String name : names) {
      cluster.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
          .withName(name).endMetadata().addToData("k", name).build()).create();
    }
  }

  /**
   * A client that offers HTTP/2 over cleartext (the JDK's HttpClient does by default, with {@code Upgrade: h2c}) is
   * answered in HTTP/1.1, as Go's API server answers on plain HTTP: the upgrade left a LIST unanswered under load.
   */
  @Test
  void anOfferOfCleartextHttp2IsAnsweredInHttp1() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/namespaces")))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(http.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  private static JsonNode post(String path, String body, int code) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(code);
    return JSON.readTree(response.body());
  }

  /**
   * {@code metadata.generateName} is completed as the API server's SimpleNameGenerator completes it: {@code gen-}
   * became {@code gen--00000000-0000-0000-0000-000000001289} (the mock's uid). A server-side dry run of a create
   * answers the object as BeforeCreate fills it (name, uid, creationTimestamp, generation); they were missing.
   */
  @Test
  void generatedNamesAndDryRunCreatesLookLikeTheApiServers() throws Exception {
    String generated = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"%s\"}}";
    JsonNode created = post("/api/v1/namespaces/default/configmaps", generated.formatted("gen-"), 201);
    String name = created.path("metadata").path("name").asText();
    assertThat(name).matches("gen-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(get("/api/v1/namespaces/default/configmaps/" + name).path("metadata").path("generateName").asText())
        .isEqualTo("gen-");
    String longPrefix = "p".repeat(70);
    assertThat(post("/api/v1/namespaces/default/configmaps", generated.formatted(longPrefix), 201)
        .path("metadata").path("name").asText()).matches("p{58}[bcdfghjklmnpqrstvwxz2456789]{5}");

    JsonNode dry = post("/api/v1/namespaces/default/configmaps?dryRun=All", generated.formatted("dry-"), 201);
    String dryName = dry.path("metadata").path("name").asText();
    assertThat(dryName).matches("dry-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(dry.path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(dry.path("metadata").path("creationTimestamp").asText()).isNotEmpty();
    get("/api/v1/namespaces/default/configmaps/" + dryName, 404, "application/json");
    JsonNode dryJob = post("/apis/batch/v1/namespaces/default/jobs?dryRun=All", "{\"apiVersion\":\"batch/v1\","
        + "\"kind\":\"Job\",\"metadata\":{\"name\":\"dry-job\"},\"spec\":{\"template\":{\"spec\":{"
        + "\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}", 201);
    assertThat(dryJob.path("metadata").path("generation").asInt()).isEqualTo(1);
    assertThat(dryJob.path("spec").path("selector").path("matchLabels").path("batch.kubernetes.io/controller-uid")
        .asText()).as("the Job's generated selector names its uid").isEqualTo(dryJob.path("metadata").path("uid")
            .asText());
  }

  private static JsonNode patch(String path, String type, String body, int code) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", type)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PATCH %s: %s", path, response.body()).isEqualTo(code);
    return JSON.readTree(response.body());
  }

  private static JsonNode generation(JsonNode object) {
    return object.path("metadata").path("generation");
  }

  /**
   * {@code metadata.generation} as a 1.29 server keeps it: only kinds whose strategy sets it have one (not pods or
   * config maps, which had the mock's), and it grows when the desired state changes semantically: the
   * {@code creationTimestamp: null} kubectl 1.20 writes into a template, dropped by a typed client's round trip, bumped
   * it (a fresh Deployment read generation 2); a label or a status write does not bump it.
   */
  @Test
  void onlyKindsWithAGenerationGetOneAndOnlyDesiredStateBumpsIt() throws Exception {
    configMaps("generations");
    String ns = "/api/v1/namespaces/generations";
    JsonNode cm = post(ns + "/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
        + "\"plain\"},\"data\":{\"a\":\"1\"}}", 201);
    assertThat(generation(cm).isMissingNode()).as("created: %s", cm).isTrue();
    assertThat(generation(get(ns + "/configmaps/plain")).isMissingNode()).isTrue();
    assertThat(generation(patch(ns + "/configmaps/plain", "application/merge-patch+json",
        "{\"data\":{\"a\":\"2\"}}", 200)).isMissingNode()).isTrue();
    JsonNode applied = patch(ns + "/configmaps/applied?fieldManager=demo", "application/apply-patch+yaml",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"applied\"},\"data\":{\"a\":\"1\"}}",
        201);
    assertThat(generation(applied).isMissingNode()).as("created by apply: %s", applied).isTrue();
    JsonNode pod = post(ns + "/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}", 201);
    assertThat(generation(pod).isMissingNode()).as("created: %s", pod).isTrue();
    assertThat(generation(post(ns + "/pods?dryRun=All", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
        + "{\"name\":\"q\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}", 201))
        .isMissingNode()).isTrue();

    String apps = "/apis/apps/v1/namespaces/generations/replicasets";
    JsonNode rs = post(apps, "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"r\"},"
        + "\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"a\":\"r\"}},\"template\":{\"metadata\":{"
        + "\"creationTimestamp\":null,\"labels\":{\"a\":\"r\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
        + "\"image\":\"busybox\",\"resources\":{}}]}}}}", 201);
    assertThat(generation(rs).asInt()).isEqualTo(1);
    JsonNode stored = get(apps + "/r");
    ((ObjectNode) stored.path("spec").path("template").path("metadata"))
        .remove("creationTimestamp");
    ((ObjectNode) stored.path("metadata")).putObject("annotations")
        .put("note", "x");
    assertThat(generation(put(apps + "/r", stored.toString(), 200)).asInt())
        .as("a null dropped and an annotation added change no desired state").isEqualTo(1);
    assertThat(generation(patch(apps + "/r/status", "application/merge-patch+json",
        "{\"status\":{\"replicas\":0,\"observedGeneration\":1}}", 200)).asInt()).isEqualTo(1);
    assertThat(generation(patch(apps + "/r", "application/merge-patch+json", "{\"spec\":{\"replicas\":1}}", 200))
        .asInt()).isEqualTo(2);
    assertThat(generation(get(apps + "/r")).asInt()).isEqualTo(2);
  }

  /**
   * A field manager the API server refuses is refused (apimachinery's {@code ValidateFieldManager}: at most 128 bytes,
   * every character printable as Go's {@code unicode.IsPrint} says): before, the demo cluster recorded
   * {@code ?fieldManager=} as given, a line break and {@code ::error::}, a zero-width space, U+202E or 300 characters,
   * in managedFields, which blame then printed as "who did it". A printable look-alike (a Cyrillic {@code а}) is taken
   * and kept exactly, as a real server takes it; a User-Agent's product keeps only its printable characters.
   */
  @Test
  void fieldManagersTheApiServerRefusesAreRefused() throws Exception {
    configMaps("managers", "c");
    String path = "/api/v1/namespaces/managers/configmaps/c?fieldManager=";
    for (String manager : List.of("x\n::error::forged", "kubectl\u200b-edit", "web\u202eexe", "m".repeat(129),
        "\u0430".repeat(65))) {
      JsonNode refused = patch(path + URLEncoder.encode(manager, StandardCharsets.UTF_8),
          "application/merge-patch+json", "{\"data\":{\"k\":\"v\"}}", 422);
      assertThat(refused.path("message").asText()).as(manager)
          .startsWith("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: ");
    }
    assertThat(patch(path + URLEncoder.encode("x\n", StandardCharsets.UTF_8), "application/merge-patch+json",
        "{\"data\":{\"k\":\"v\"}}", 422).path("message").asText()).endsWith("invalid character U+000A (at position 1)");
    String lookalike = "kubectl-client-side-\u0430pply";
    JsonNode taken = patch(path + URLEncoder.encode(lookalike, StandardCharsets.UTF_8), "application/merge-patch+json",
        "{\"data\":{\"k\":\"w\"}}", 200);
    assertThat(taken.path("metadata").path("managedFields").findValuesAsText("manager")).contains(lookalike);
    HttpResponse<String> byAgent = http.send(HttpRequest.newBuilder(URI.create(url(
        "/api/v1/namespaces/managers/configmaps/c"))).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/merge-patch+json").header("User-Agent", "agent\tx/1.0")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"k\":\"z\"}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(byAgent.statusCode()).as(byAgent.body()).isEqualTo(200);
    assertThat(JSON.readTree(byAgent.body()).path("metadata").path("managedFields").findValuesAsText("manager"))
        .contains("agentx");
  }

  /**
   * A JSON patch whose {@code test} fails is the API server's generic 422 (no kind, no name, the library's error as
   * the cause; it named the object, so kubectl said "The ReplicaSet "r" is invalid"), and a patch carrying a stale
   * {@code metadata.resourceVersion} ({@code kubectl label --resource-version=1}) is a 409 Conflict (it was applied).
   */
  @Test
  void failingJsonPatchTestsAndStaleResourceVersionsAreRefused() throws Exception {
    configMaps("preconditions", "c");
    String path = "/api/v1/namespaces/preconditions/configmaps/c";
    JsonNode refused = patch(path, "application/json-patch+json",
        "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"other\"},"
        + "{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"z\"}]", 422);
    assertThat(refused.path("reason").asText()).isEqualTo("Invalid");
    assertThat(refused.path("message").asText()).isEqualTo("the server rejected our request due to an error in our "
        + "request");
    assertThat(refused.path("details").path("kind").asText("")).isEmpty();
    assertThat(refused.path("details").path("causes").get(0).path("reason").asText())
        .isEqualTo("UnexpectedServerResponse");
    assertThat(get(path).path("data").path("k").asText()).isEqualTo("c");
    patch(path, "application/json-patch+json", "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"c\"},"
        + "{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"z\"}]", 200);

    String current = get(path).path("metadata").path("resourceVersion").asText();
    JsonNode stale = patch(path, "application/merge-patch+json",
        "{\"metadata\":{\"resourceVersion\":\"1\",\"labels\":{\"l\":\"v\"}}}", 409);
    assertThat(stale.path("reason").asText()).isEqualTo("Conflict");
    assertThat(stale.path("message").asText()).isEqualTo("Operation cannot be fulfilled on configmaps \"c\": the "
        + "object has been modified; please apply your changes to the latest version and try again");
    assertThat(get(path).path("metadata").path("labels").has("l")).isFalse();
    patch(path, "application/strategic-merge-patch+json", "{\"metadata\":{\"resourceVersion\":\"" + current
        + "\",\"labels\":{\"l\":\"v\"}}}", 200);
    assertThat(get(path).path("metadata").path("labels").path("l").asText()).isEqualTo("v");
  }

  /**
   * A JSON patch that sets {@code metadata.resourceVersion} makes it a precondition, as the API server's registry does
   * for every patch type (kubernetes/kubernetes#15416): a stale one is a 409 and nothing changes (it was applied), the
   * current one applies. fabric8's {@code edit()} sends such a patch with the version it read.
   */
  @Test
  void aJsonPatchCarryingAStaleResourceVersionIsAConflict() throws Exception {
    configMaps("json-preconditions", "j");
    String path = "/api/v1/namespaces/json-preconditions/configmaps/j";
    String current = get(path).path("metadata").path("resourceVersion").asText();
    JsonNode stale = patch(path, "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"1\"},"
        + "{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"stale\"}]", 409);
    assertThat(stale.path("reason").asText()).isEqualTo("Conflict");
    assertThat(stale.path("message").asText()).isEqualTo("Operation cannot be fulfilled on configmaps \"j\": the "
        + "object has been modified; please apply your changes to the latest version and try again");
    assertThat(get(path).path("data").path("k").asText()).isEqualTo("j");
    patch(path, "application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\","
        + "\"value\":\"" + current + "\"},{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"fresh\"}]", 200);
    assertThat(get(path).path("data").path("k").asText()).isEqualTo("fresh");

    var resource = cluster.client().configMaps().inNamespace("json-preconditions").withName("j");
    var read = resource.get();
    resource.edit(c -> {
      c.getData().put("k", "other writer");
      return c;
    });
    var fromTheFirstRead = cluster.client().configMaps().inNamespace("json-preconditions").resource(read);
    assertThatThrownBy(() -> fromTheFirstRead.edit(c -> {
      c.getData().put("k", "lost update");
      return c;
    })).isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(Edits.retryingOnConflict(resource, c -> {
      c.getData().put("k", c.getData().get("k") + ", then mine");
      return c;
    }).getData()).containsEntry("k", "other writer, then mine");
  }

  private static String text(String path, int code) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(code);
    return response.body();
  }

  /**
   * {@code kubectl get --raw /metrics} answers Prometheus text with the API server's request counter, stored objects
   * and build info (it was a 404).
   */
  @Test
  void metricsCountRequestsAndStoredObjects() throws Exception {
    configMaps("metered", "m1", "m2");
    String before = text("/metrics", 200);
    text("/api/v1/namespaces/metered/configmaps", 200);
    text("/api/v1/namespaces/metered/configmaps/m1", 200);
    text("/api/v1/namespaces/metered/configmaps/absent", 404);
    text("/apis/apps/v1/deployments", 200);
    String metrics = text("/metrics", 200);
    assertThat(metrics).startsWith("# HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out "
        + "for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.\n"
        + "# TYPE apiserver_request_total counter\n");
    String core = "dry_run=\"\",group=\"\",resource=\"configmaps\",";
    for (String labels : List.of("code=\"200\",component=\"apiserver\"," + core + "scope=\"namespace\","
        + "subresource=\"\",verb=\"LIST\",version=\"v1\"", "code=\"200\",component=\"apiserver\"," + core + "scope=\"resource\","
        + "subresource=\"\",verb=\"GET\",version=\"v1\"", "code=\"404\",component=\"apiserver\"," + core
        + "scope=\"resource\",subresource=\"\",verb=\"GET\",version=\"v1\"", "code=\"200\",component=\"apiserver\","
        + "dry_run=\"\",group=\"apps\",resource=\"deployments\",scope=\"cluster\",subresource=\"\",verb=\"LIST\","
        + "version=\"v1\"")) {
      assertThat(requests(metrics, labels) - requests(before, labels)).as(labels).isEqualTo(1);
    }
    long configMaps = cluster.client().configMaps().inAnyNamespace().list().getItems().size();
    assertThat(metrics).contains("# TYPE apiserver_storage_objects gauge\n",
        "\napiserver_storage_objects{resource=\"configmaps\"} " + configMaps + "\n",
        "\napiserver_storage_objects{resource=\"namespaces\"} ",
        "\nkubernetes_build_info{build_date=\"2024-01-01T00:00:00Z\",compiler=\"gc\",");
  }

  private static long requests(String metrics, String labels) {
    return metrics.lines().filter(l -> l.startsWith("apiserver_request_total{" + labels + "} ")).findFirst()
        .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).orElse(0L);
  }

  /** {@code kubectl get --raw '/readyz?verbose'} lists the checks as kube-apiserver does (it printed "ok"). */
  @Test
  void healthEndpointsListTheirChecksWhenVerbose() throws Exception {
    assertThat(text("/readyz", 200)).isEqualTo("ok");
    assertThat(text("/readyz?verbose", 200)).startsWith("[+]ping ok\n[+]log ok\n[+]etcd ok\n")
        .endsWith("[+]shutdown ok\nreadyz check passed\n");
    assertThat(text("/livez?verbose&exclude=etcd", 200))
        .isEqualTo("[+]ping ok\n[+]log ok\n[+]etcd excluded: ok\nlivez check passed\n");
    assertThat(text("/healthz?verbose", 200)).endsWith("healthz check passed\n");
    assertThat(text("/readyz/ping", 200)).isEqualTo("ok");
    assertThat(text("/livez/etcd", 200)).isEqualTo("ok");
    text("/readyz/nothing", 404);
  }

  private static JsonNode put(String path, String body, int code) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isEqualTo(code);
    return JSON.readTree(response.body());
  }

  /**
   * The approval subresource of a CertificateSigningRequest ({@code kubectl certificate approve}) takes the conditions
   * and keeps the spec; the requestor is set on create (it was a 404, and no requestor).
   */
  @Test
  void aCertificateSigningRequestIsApprovedThroughItsSubresource() throws Exception {
    JsonNode created = post("/apis/certificates.k8s.io/v1/certificatesigningrequests", "{\"apiVersion\":"
        + "\"certificates.k8s.io/v1\",\"kind\":\"CertificateSigningRequest\",\"metadata\":{\"name\":\"carol\"},"
        + "\"spec\":{\"request\":\"cmVxdWVzdA==\",\"signerName\":\"example.com/s\",\"usages\":[\"client auth\"],"
        + "\"username\":\"mallory\"}}", 201);
    assertThat(created.path("spec").path("username").asText()).isEqualTo("demo-admin");
    ObjectNode approved = created.deepCopy();
    approved.with("spec").put("signerName", "example.com/changed");
    approved.with("status").putArray("conditions").addObject().put("type", "Approved").put("status", "True")
        .put("reason", "KubectlApprove").put("message", "This CSR was approved by kubectl certificate approve.");
    put("/apis/certificates.k8s.io/v1/certificatesigningrequests/carol/approval", approved.toString(), 200);
    JsonNode stored = get("/apis/certificates.k8s.io/v1/certificatesigningrequests/carol");
    assertThat(stored.path("status").path("conditions").get(0).path("reason").asText()).isEqualTo("KubectlApprove");
    assertThat(stored.path("spec").path("signerName").asText()).as("the spec is kept").isEqualTo("example.com/s");
    assertThat(get("/apis/certificates.k8s.io/v1/certificatesigningrequests/carol/approval").path("metadata")
        .path("name").asText()).isEqualTo("carol");
  }

  /** The API server lists in key order (namespace, then name), whatever the order of creation. */
  @Test
  void listsAreInNamespaceAndNameOrder() throws Exception {
    configMaps("order-b", "zeta", "alpha", "mid");
    configMaps("order-a", "solo");
    assertThat(names(get("/api/v1/namespaces/order-b/configmaps"))).containsExactly("alpha", "mid", "zeta");
    List<String> all = new ArrayList<>();
    get("/api/v1/configmaps").path("items").forEach(i -> all.add(i.path("metadata").path("namespace").asText() + "/"
        + i.path("metadata").path("name").asText()));
    assertThat(all).containsSubsequence("order-a/solo", "order-b/alpha", "order-b/mid", "order-b/zeta");
    assertThat(all).isSorted();
  }

  /**
   * {@code limit} answers that many items and a {@code continue} token for the rest ({@code kubectl get
   * --chunk-size=N}, and client-go's lists, which ask for 500 at a time); Tables carry the token too.
   */
  @Test
  void limitAndContinuePageThroughAList() throws Exception {
    configMaps("paging", "c5", "c1", "c4", "c2", "c3");
    JsonNode first = get("/api/v1/namespaces/paging/configmaps?limit=2");
    assertThat(names(first)).containsExactly("c1", "c2");
    String token = first.path("metadata").path("continue").asText();
    assertThat(token).isNotEmpty();
    assertThat(first.path("metadata").path("remainingItemCount").asLong()).isEqualTo(3);

    JsonNode second = get("/api/v1/namespaces/paging/configmaps?limit=2&continue="
        + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(names(second)).containsExactly("c3", "c4");
    JsonNode last = get("/api/v1/namespaces/paging/configmaps?limit=2&continue="
        + URLEncoder.encode(second.path("metadata").path("continue").asText(), StandardCharsets.UTF_8));
    assertThat(names(last)).containsExactly("c5");
    assertThat(last.path("metadata").has("continue")).isFalse();
    assertThat(names(get("/api/v1/namespaces/paging/configmaps?limit=5")).size()).isEqualTo(5);
    assertThat(get("/api/v1/namespaces/paging/configmaps?limit=5").path("metadata").has("continue")).isFalse();
    // with a selector the API server cannot know how many of the keys left would be kept: no remainingItemCount
    for (String selector : List.of("fieldSelector=metadata.name%21%3Dc1", "labelSelector=%21missing")) {
      JsonNode selected = get("/api/v1/namespaces/paging/configmaps?limit=1&" + selector);
      assertThat(names(selected)).as(selector).hasSize(1);
      assertThat(selected.path("metadata").path("continue").asText()).as(selector).isNotEmpty();
      assertThat(selected.path("metadata").has("remainingItemCount")).as(selector).isFalse();
    }

    JsonNode table = get("/api/v1/namespaces/paging/configmaps?limit=2", 200,
        "application/json;as=Table;v=v1;g=meta.k8s.io");
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("rows")).hasSize(2);
    assertThat(table.path("metadata").path("continue").asText()).isNotEmpty();

    assertThat(get("/api/v1/namespaces/paging/configmaps?limit=2&continue=not-a-token", 400, "application/json")
        .path("message").asText()).contains("continue");
  }

  /**
   * Once the store is compacted past the resourceVersion a list's first page was read at, its continue token has
   * expired: 410 {@code Expired} in kube-apiserver's words, with a token in {@code metadata.continue} that goes on
   * from the same key at the latest state (client-go's pager lists again in full; {@code kubectl get --chunk-size}
   * prints the error). It never expired: a token was good forever.
   */
  @Test
  void aContinueTokenExpiresOnceTheStoreIsCompactedPastIt() throws Exception {
    configMaps("expiry", "e1", "e2", "e3");
    String token = get("/api/v1/namespaces/expiry/configmaps?limit=1").path("metadata").path("continue").asText();
    String continued = "/api/v1/namespaces/expiry/configmaps?limit=1&continue="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
    cluster.compact();
    cluster.compact();
    assertThat(names(get(continued))).as("no write since the first page: its revision is still there")
        .containsExactly("e2");

    configMaps("expiry", "e4");
    cluster.compact();
    assertThat(names(get(continued))).as("compacted up to the revision before the write").containsExactly("e2");
    cluster.compact();
    JsonNode expired = get(continued, 410, "application/json");
    assertThat(expired.path("kind").asText()).isEqualTo("Status");
    assertThat(expired.path("reason").asText()).isEqualTo("Expired");
    assertThat(expired.path("code").asInt()).isEqualTo(410);
    assertThat(expired.path("message").asText()).startsWith("The provided continue parameter is too old to display "
        + "a consistent list result.").contains("use the continue token in this response");
    String inconsistent = expired.path("metadata").path("continue").asText();
    assertThat(inconsistent).isNotEmpty().isNotEqualTo(token);

    JsonNode rest = get("/api/v1/namespaces/expiry/configmaps?limit=2&continue="
        + URLEncoder.encode(inconsistent, StandardCharsets.UTF_8));
    assertThat(names(rest)).containsExactly("e2", "e3");
    cluster.compact();
    cluster.compact();
    assertThat(names(get("/api/v1/namespaces/expiry/configmaps?limit=2&continue="
        + URLEncoder.encode(inconsistent, StandardCharsets.UTF_8)))).as("the inconsistent token does not expire")
        .containsExactly("e2", "e3");
    JsonNode last = get("/api/v1/namespaces/expiry/configmaps?continue="
        + URLEncoder.encode(rest.path("metadata").path("continue").asText(), StandardCharsets.UTF_8));
    assertThat(names(last)).containsExactly("e4");
  }

  /**
   * A watch answers its headers at once, as the API server does, not with its first event: client-go's informers
   * (kubectl 1.32's {@code wait}) stop only after the watch request returned, and waited for the 5 s bookmark.
   */
  @Test
  void aWatchAnswersBeforeItsFirstEvent() throws Exception {
    configMaps("watching", "w1");
    String rv = get("/api/v1/namespaces/watching/configmaps").path("metadata").path("resourceVersion").asText();
    CompletableFuture<HttpResponse<InputStream>> response = http.sendAsync(HttpRequest.newBuilder(URI.create(
        url("/api/v1/namespaces/watching/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv)))
        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      HttpResponse<InputStream> answered = response.get(2, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      answered.body().close();
    } finally {
      response.cancel(true);
    }
  }

  /** kubectl 1.32 posts access reviews in protobuf ({@code auth can-i}, {@code auth can-i --list}, {@code whoami}). */
  @Test
  void accessReviewsInProtobufAreAnswered() throws Exception {
    byte[] attributes = concat(concat(field(1, bytes("default")), field(2, bytes("create"))),
        concat(field(3, bytes("apps")), field(5, bytes("deployments"))));
    byte[] review = field(2, field(1, attributes));
    JsonNode access = postProtobuf("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
        envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", review));
    assertThat(access.path("status").path("allowed").asBoolean()).isTrue();
    assertThat(access.path("spec").path("resourceAttributes").path("resource").asText()).isEqualTo("deployments");

    JsonNode rules = postProtobuf("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        envelope("authorization.k8s.io/v1", "SelfSubjectRulesReview", field(2, field(1, bytes("default")))));
    assertThat(rules.path("status").path("resourceRules")).hasSize(1);
    assertThat(rules.path("spec").path("namespace").asText()).isEqualTo("default");

    JsonNode whoami = postProtobuf("/apis/authentication.k8s.io/v1/selfsubjectreviews",
        envelope("authentication.k8s.io/v1", "SelfSubjectReview", new byte[0]));
    assertThat(whoami.path("status").path("userInfo").path("username").asText()).isEqualTo("demo-admin");
  }

  /**
   * {@code kubectl create token SA} (kubectl 1.24+, protobuf from 1.32): a TokenRequest answered with an unsigned
   * JWT naming the account, nothing stored; a missing account is a 404.
   */
  @Test
  void serviceAccountTokensAreIssued() throws Exception {
    byte[] spec = concat(field(1, bytes("api")), new byte[] {4 << 3, (byte) 0x90, 0x1c}); // expirationSeconds 3600
    JsonNode issued = postProtobuf("/api/v1/namespaces/default/serviceaccounts/default/token",
        envelope("authentication.k8s.io/v1", "TokenRequest", field(2, spec)));
    String token = issued.path("status").path("token").asText();
    assertThat(token.split("\\.")).hasSize(2);
    JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.path("sub").asText()).isEqualTo("system:serviceaccount:default:default");
    assertThat(claims.path("aud").get(0).asText()).isEqualTo("api");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    assertThat(issued.path("status").path("expirationTimestamp").asText()).isNotEmpty();

    HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(url(
        "/api/v1/namespaces/default/serviceaccounts/nobody/token"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"spec\":{}}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("serviceaccounts \\\"nobody\\\" not found");
  }

  /**
   * kubectl 1.32's {@code create ingress} and {@code autoscale} post their objects in protobuf: they were 415
   * ("the demo cluster decodes protobuf only for the kinds kubectl's create commands send").
   */
  @Test
  void ingressesAndAutoscalersInProtobufAreDecoded() throws Exception {
    configMaps("proto");
    byte[] backend = field(4, concat(field(1, bytes("svc")), field(2, new byte[] {2 << 3, 80})));
    byte[] path = concat(concat(field(1, bytes("/")), field(3, bytes("Prefix"))), field(2, backend));
    byte[] rule = concat(field(1, bytes("a.example")), field(2, field(1, field(1, path))));
    byte[] spec = concat(field(3, rule), field(4, bytes("nginx")));
    JsonNode ingress = postProtobuf("/apis/networking.k8s.io/v1/namespaces/proto/ingresses",
        envelope("networking.k8s.io/v1", "Ingress", concat(field(1, field(1, bytes("web"))), field(2, spec))));
    assertThat(ingress.path("kind").asText()).isEqualTo("Ingress");
    JsonNode stored = get("/apis/networking.k8s.io/v1/namespaces/proto/ingresses/web").path("spec");
    assertThat(stored.path("ingressClassName").asText()).isEqualTo("nginx");
    JsonNode rule0 = stored.path("rules").get(0);
    assertThat(rule0.path("host").asText()).isEqualTo("a.example");
    JsonNode path0 = rule0.path("http").path("paths").get(0);
    assertThat(path0.path("path").asText()).isEqualTo("/");
    assertThat(path0.path("pathType").asText()).isEqualTo("Prefix");
    assertThat(path0.path("backend").path("service").path("name").asText()).isEqualTo("svc");
    assertThat(path0.path("backend").path("service").path("port").path("number").asInt()).isEqualTo(80);

    byte[] target = concat(concat(field(1, bytes("Deployment")), field(2, bytes("d"))), field(3, bytes("apps/v1")));
    // No minReplicas, as kubectl autoscale without --min sends: the API server defaults it to 1 (it stayed unset,
    // kubectl describe hpa said "Min replicas: <unset>").
    byte[] hpaSpec = concat(field(1, target), new byte[] {3 << 3, 3, 4 << 3, 50});
    postProtobuf("/apis/autoscaling/v1/namespaces/proto/horizontalpodautoscalers",
        envelope("autoscaling/v1", "HorizontalPodAutoscaler", concat(field(1, field(1, bytes("d"))),
            field(2, hpaSpec))));
    JsonNode hpa = get("/apis/autoscaling/v2/namespaces/proto/horizontalpodautoscalers/d").path("spec");
    assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("d");
    assertThat(hpa.path("minReplicas").asInt()).isEqualTo(1);
    assertThat(hpa.path("maxReplicas").asInt()).isEqualTo(3);
    assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
    assertThat(hpa.path("metrics").get(0).path("resource").path("target").path("averageUtilization").asInt())
        .isEqualTo(50);
    assertThat(get("/apis/autoscaling/v1/namespaces/proto/horizontalpodautoscalers/d").path("spec")
        .path("minReplicas").asInt()).isEqualTo(1);
  }

  /**
   * kubectl 1.32's {@code create priorityclass high --value=1000 --description=hi} writes a protobuf PriorityClass:
   * created (it was a 415).
   */
  @Test
  void aPriorityClassInProtobufIsDecoded() throws Exception {
    byte[] value = {2 << 3, (byte) 0xe8, 0x07}; // 1000 as a varint
    JsonNode created = postProtobuf("/apis/scheduling.k8s.io/v1/priorityclasses", envelope("scheduling.k8s.io/v1",
        "PriorityClass", concat(concat(field(1, field(1, bytes("high"))), value), field(4, bytes("hi")))));
    assertThat(created.path("kind").asText()).isEqualTo("PriorityClass");
    JsonNode stored = get("/apis/scheduling.k8s.io/v1/priorityclasses/high");
    assertThat(stored.path("value").asInt()).isEqualTo(1000);
    assertThat(stored.path("description").asText()).isEqualTo("hi");
    assertThat(stored.has("globalDefault")).isFalse();
  }

  /**
   * kubectl 1.32's {@code debug POD --copy-to=C --share-processes} writes the copy in protobuf: the PodSpec's
   * scalar fields such as {@code shareProcessNamespace}, {@code hostname}, {@code priorityClassName} and
   * {@code enableServiceLinks} are kept, a pointer's {@code false} too (they were dropped).
   */
  @Test
  void aPodCopyInProtobufKeepsItsSpecFields() throws Exception {
    configMaps("copies");
    byte[] container = field(2, concat(field(1, bytes("c")), field(2, bytes("busybox"))));
    byte[] spec = concat(concat(concat(container, flag(27, true)), field(16, bytes("copy-host"))),
        concat(field(24, bytes("high")), concat(flag(30, false), flag(21, false))));
    postProtobuf("/api/v1/namespaces/copies/pods", envelope("v1", "Pod",
        concat(field(1, field(1, bytes("copy"))), field(2, spec))));
    JsonNode stored = get("/api/v1/namespaces/copies/pods/copy").path("spec");
    assertThat(stored.path("shareProcessNamespace").asBoolean()).isTrue();
    assertThat(stored.path("hostname").asText()).isEqualTo("copy-host");
    assertThat(stored.path("priorityClassName").asText()).isEqualTo("high");
    assertThat(stored.path("enableServiceLinks").isBoolean()).isTrue();
    assertThat(stored.path("enableServiceLinks").asBoolean()).isFalse();
    assertThat(stored.path("automountServiceAccountToken").isBoolean()).isTrue();
    assertThat(stored.path("automountServiceAccountToken").asBoolean()).isFalse();
  }

  /** A varint field (wire type 0) numbered 16 to 2047 holding a bool, as gogo-protobuf writes a set {@code *bool}. */
  private static byte[] flag(int number, boolean value) {
    int tag = number << 3;
    return new byte[] {(byte) (tag & 0x7f | 0x80), (byte) (tag >> 7), (byte) (value ? 1 : 0)};
  }

  /**
   * A workload whose selector does not match its template's labels is refused as the API server refuses it (it was
   * stored, and its controller made pods it could not select); an update that breaks the match too.
   */
  @Test
  void aWorkloadWhoseSelectorMissesItsTemplateIsInvalid() throws Exception {
    configMaps("selectors");
    String template = "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\",\"tier\":\"x\"}},"
        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
    JsonNode refused = post("/apis/apps/v1/namespaces/selectors/deployments", "{\"apiVersion\":\"apps/v1\","
        + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"selector\":{\"matchLabels\":"
        + "{\"app\":\"other\"}}," + template + "}}", 422);
    assertThat(refused.path("reason").asText()).isEqualTo("Invalid");
    assertThat(refused.path("message").asText()).isEqualTo("Deployment.apps \"web\" is invalid: "
        + "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\", \"tier\":\"x\"}: "
        + "`selector` does not match template `labels`");
    assertThat(refused.path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("spec.template.metadata.labels");
    post("/apis/apps/v1/namespaces/selectors/replicasets", "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
        + "\"metadata\":{\"name\":\"rs\"},\"spec\":{\"replicas\":0,\"selector\":{\"matchExpressions\":[{\"key\":"
        + "\"tier\",\"operator\":\"In\",\"values\":[\"x\",\"y\"]}]}," + template + "}}", 201);
    JsonNode broken = patch("/apis/apps/v1/namespaces/selectors/replicasets/rs", "application/merge-patch+json",
        "{\"spec\":{\"template\":{\"metadata\":{\"labels\":{\"tier\":\"z\"}}}}}", 422);
    assertThat(broken.path("message").asText()).startsWith("ReplicaSet.apps \"rs\" is invalid: "
        + "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\", \"tier\":\"z\"}");
  }

  private static JsonNode postProtobuf(String path, byte[] body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/vnd.kubernetes.protobuf")
        .header("Accept", "application/vnd.kubernetes.protobuf, */*")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  private static byte[] envelope(String apiVersion, String kind, byte[] raw) {
    return concat(new byte[] {'k', '8', 's', 0},
        concat(field(1, concat(field(1, bytes(apiVersion)), field(2, bytes(kind)))), field(2, raw)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A length-delimited protobuf field (numbers below 2048, lengths below 128 here). */
  private static byte[] field(int number, byte[] value) {
    int tag = number << 3 | 2;
    byte[] key = tag < 128 ? new byte[] {(byte) tag} : new byte[] {(byte) (tag & 0x7f | 0x80), (byte) (tag >> 7)};
    return concat(concat(key, new byte[] {(byte) value.length}), value);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * A name is percent-decoded from the path, as the API server decodes it: what a client escapes (UTF-8, a space, a
   * question mark) reaches the stored object, escaped in upper or lower case. The mock compared the escaped segment.
   */
  @Test
  void namesInThePathArePercentDecoded() throws Exception {
    String role = "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\","
        + "\"metadata\":{\"name\":\"café ro?le\"},\"rules\":[]}";
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url(
        "/apis/rbac.authorization.k8s.io/v1/clusterroles"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(role)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    for (String escaped : List.of("caf%C3%A9%20ro%3Fle", "caf%c3%a9%20ro%3fle")) {
      assertThat(get("/apis/rbac.authorization.k8s.io/v1/clusterroles/" + escaped).path("metadata").path("name")
          .asText()).isEqualTo("café ro?le");
    }
    JsonNode missing = get("/apis/rbac.authorization.k8s.io/v1/clusterroles/caf%C3%A9", 404, "application/json");
    assertThat(missing.path("message").asText()).isEqualTo("clusterroles.rbac.authorization.k8s.io \"café\" not found");
    HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(url(
        "/apis/rbac.authorization.k8s.io/v1/clusterroles/caf%C3%A9%20ro%3Fle"))).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    get("/apis/rbac.authorization.k8s.io/v1/clusterroles/caf%C3%A9%20ro%3Fle", 404, "application/json");
  }

  /** A name the API server's validation refuses is a 422 Invalid with the field's cause; it was stored. */
  @Test
  void anInvalidNameIsRefusedOnCreate() throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url(
        "/api/v1/namespaces/default/configmaps"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"metadata\":{\"name\":\"Caf\u00e9\"}}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    JsonNode status = JSON.readTree(created.body());
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.path("details").path("causes").get(0).path("field").asText()).isEqualTo("metadata.name");
    assertThat(status.path("message").asText()).startsWith("ConfigMap \"Café\" is invalid: metadata.name: Invalid "
        + "value: \"Café\": a lowercase RFC 1123 subdomain");
    get("/api/v1/namespaces/default/configmaps/Caf%C3%A9", 404, "application/json");
  }

  /**
   * A path below an object that is not one of its subresources is a 404, and a proxy path a 405 saying so: the mock
   * answered {@code get --raw /api/v1/nodes/N/proxy/metrics} (and any deeper path) with every stored object, Secrets
   * included.
   */
  @Test
  void deeperPathsAreNotTheWholeStore() throws Exception {
    configMaps("deep", "c1");
    for (String path : List.of("/api/v1/namespaces/deep/configmaps/c1/a/b", "/api/v1/a/b/c/d/e/f",
        "/apis/apps/v1/namespaces/deep/deployments/d/scale/x", "/api/v1/nodes/n/status/x")) {
      JsonNode answer = get(path, 404, "application/json");
      assertThat(answer.path("message").asText()).as(path)
          .isEqualTo("the server could not find the requested resource");
      assertThat(answer.has("items")).as(path).isFalse();
    }
    for (String path : List.of("/api/v1/nodes/demo-node/proxy/metrics", "/api/v1/nodes/demo-node/proxy",
        "/api/v1/namespaces/deep/services/web:80/proxy/", "/api/v1/namespaces/deep/pods/p/proxy/a/b")) {
      JsonNode answer = get(path, 405, "application/json");
      assertThat(answer.path("reason").asText()).as(path).isEqualTo("MethodNotAllowed");
      assertThat(answer.path("message").asText()).as(path).matches("(nodes|services|pods)/proxy is not supported by "
          + "the demo cluster .*");
    }
    assertThat(get("/apis/apps").path("kind").asText()).isEqualTo("APIGroup");
    assertThat(get("/apis/apps/v1").path("kind").asText()).isEqualTo("APIResourceList");
  }

  /**
   * A field selector on a label the kind does not convert is a 400 with the conversion's message, as kube-apiserver
   * answers it (pkg/apis/core/v1/conversion.go, batch/v1, apimachinery's DefaultMetaV1FieldSelectorConversion); lists
   * and watches of the labels a kind supports still select.
   */
  @Test
  void fieldSelectorsAreLimitedToTheKindsFieldLabels() throws Exception {
    configMaps("labels", "c1", "c2");
    String sel = "?fieldSelector=" + URLEncoder.encode("spec.foo=bar", StandardCharsets.UTF_8);
    assertThat(get("/api/v1/namespaces/labels/pods" + sel, 400, "application/json").path("message").asText())
        .isEqualTo("field label not supported: spec.foo");
    assertThat(get("/api/v1/nodes?fieldSelector=metadata.namespace%3Dx", 400, "application/json").path("message")
        .asText()).isEqualTo("field label not supported: metadata.namespace");
    assertThat(get("/apis/apps/v1/deployments?fieldSelector=status.readyReplicas%3D2", 400, "application/json")
        .path("message").asText()).isEqualTo("\"status.readyReplicas\" is not a known field selector: only "
        + "\"metadata.name\", \"metadata.namespace\"");
    assertThat(get("/api/v1/namespaces/labels/configmaps?fieldSelector=metadata.name%3Dc1,data.k%3Dc1", 400,
        "application/json").path("message").asText()).startsWith("\"data.k\" is not a known field selector");
    assertThat(get("/apis/batch/v1/jobs?fieldSelector=status.active%3D1", 400, "application/json").path("reason")
        .asText()).isEqualTo("BadRequest");
    assertThat(get("/api/v1/namespaces/labels/configmaps?watch=true&fieldSelector=data.k%3Dc1", 400,
        "application/json").path("message").asText()).startsWith("\"data.k\" is not a known field selector");

    assertThat(names(get("/api/v1/namespaces/labels/configmaps?fieldSelector=metadata.name%21%3Dc1")))
        .containsExactly("c2");
    assertThat(names(get("/apis/batch/v1/jobs?fieldSelector=status.successful%3D1"))).isEmpty();
    assertThat(names(get("/api/v1/namespaces?fieldSelector=status.phase%3DActive"))).contains("labels");
  }
}
