package dev.blame.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock server's CRUD dispatcher with the gaps filled that matter for a believable cluster:
 * discovery documents, set-based label selectors, status subresources of built-in kinds, background
 * garbage collection of dependents, and two admission steps on pod creation (ResourceQuota pod count,
 * istio sidecar injection).
 */
final class DemoDispatcher extends KubernetesCrudDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDispatcher.class);
  @SuppressWarnings("deprecation") // the mock server itself works with this mapper
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private static final Pattern RESOURCE_PATH = Pattern.compile(
      "^/(?:api/(?<coreVersion>v1)|apis/(?<group>[^/]+)/(?<version>[^/]+))(?:/namespaces/(?<ns>[^/]+))?"
          + "/(?<plural>[^/]+)(?:/(?<name>[^/]+))?(?:/(?<sub>[^/]+))?$");
  private static final Pattern SCALE = Pattern.compile(
      "^(?<main>/apis/apps/v1/namespaces/(?<ns>[^/]+)/(?:deployments|replicasets|statefulsets)/(?<name>[^/]+))/scale$");
  private static final Pattern POD_COLLECTION = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)/pods$");
  private static final Pattern NAMESPACE_ITEM = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)$");
  private static final Pattern NAMESPACE_STATUS = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)/status$");

  static final String ISTIO_STATUS = "sidecar.istio.io/status";
  static final String ISTIO_PROXY_IMAGE = "docker.io/istio/proxyv2:1.20.3";

  private final Supplier<String> serverAddress;
  private final Object podAdmission = new Object();

  DemoDispatcher(Supplier<String> serverAddress) {
    this.serverAddress = serverAddress;
    installSelectorSupport();
  }

  private void installSelectorSupport() {
    try {
      Field field = CrudDispatcher.class.getDeclaredField("attributeExtractor");
      field.setAccessible(true);
      field.set(this, new SelectorAttributesExtractor((KubernetesAttributesExtractor) field.get(this)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot install set-based label selector support into the fabric8 mock "
          + "server (field CrudDispatcher.attributeExtractor); is kubernetes-server-mock 7.7.x on the classpath?",
          e);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    String bare = stripQuery(path);
    try {
      Matcher scale = SCALE.matcher(bare);
      if (scale.matches()) {
        return scale(request, scale);
      }
      switch (request.method()) {
        case GET -> {
          MockResponse meta = serveMeta(bare, request.getHeader("Accept"));
          if (meta != null) {
            return meta;
          }
          MockResponse answer = !isWatch(path) && path.contains("fieldSelector=")
              ? listWithFieldSelector(request, path) : super.dispatch(request);
          if (!isWatch(path)) {
            answer = withListKind(answer, bare);
          }
          if (!isWatch(path) && Tables.wanted(request.getHeader("Accept")) && answer.code() == 200) {
            return asTable(answer);
          }
          return answer;
        }
        case PUT -> {
          Matcher nsStatus = NAMESPACE_STATUS.matcher(bare);
          if (nsStatus.matches()) {
            return putNamespaceStatus(request, nsStatus.group("ns"));
          }
          return super.dispatch(request);
        }
        case POST -> {
          if (bare.equals("/api/v1/namespaces")) {
            return createNamespace(request);
          }
          Matcher pods = POD_COLLECTION.matcher(bare);
          if (pods.matches()) {
            return admitPod(request, pods.group("ns"));
          }
          return super.dispatch(request);
        }
        case DELETE -> {
          return deleteWithGarbageCollection(request, path);
        }
        default -> {
          return super.dispatch(request);
        }
      }
    } catch (IllegalArgumentException e) {
      return status(400, "BadRequest", e.getMessage(), null, null);
    }
  }

  private static boolean isWatch(String path) {
    return path.contains("watch=true") || path.contains("watch=1");
  }

  static String stripQuery(String path) {
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
  }

  // ---------------------------------------------------------------- discovery and other non-resource paths

  private MockResponse serveMeta(String bare, String accept) {
    if (bare.equals("/") || bare.isEmpty()) {
      return json(200, new RootPathsBuilder().addToPaths("/api", "/api/v1", "/apis", "/healthz", "/livez",
          "/readyz", "/version").build());
    }
    if (bare.equals("/version")) {
      return json(200, Map.of("major", "1", "minor", "29", "gitVersion", "v1.29.0-demo", "platform", "linux/amd64",
          "goVersion", "go1.21.5", "buildDate", "2024-01-01T00:00:00Z", "compiler", "gc", "gitTreeState", "clean",
          "gitCommit", "0000000000000000000000000000000000000000"));
    }
    if (bare.equals("/healthz") || bare.equals("/livez") || bare.equals("/readyz")) {
      return new MockResponse().setResponseCode(200).setBody("ok");
    }
    if (bare.equals("/openapi/v2")) {
      // An empty document: kubectl's client-side validation skips kinds the schema does not know.
      if (String.valueOf(accept).contains("protobuf")) {
        return new MockResponse().setResponseCode(200)
            .setHeader("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf")
            .setBody(new Buffer(new byte[0]));
      }
      return json(200, Map.of("swagger", "2.0", "info", Map.of("title", "Kubernetes", "version", "v1.29.0-demo"),
          "paths", Map.of(), "definitions", Map.of()));
    }
    if (bare.startsWith("/openapi")) {
      return status(404, "NotFound", "the server could not find the requested resource", null, null);
    }
    if (bare.equals("/api")) {
      return json(200, Discovery.coreVersions(serverAddress.get()));
    }
    if (bare.equals("/api/v1")) {
      return json(200, Discovery.resources("", "v1", crds()).orElseThrow());
    }
    if (bare.equals("/apis")) {
      return json(200, Discovery.groupList(crds()));
    }
    String[] parts = bare.split("/");
    if (parts.length == 3 && parts[1].equals("apis")) {
      return Discovery.group(parts[2], crds()).map(g -> json(200, g))
          .orElseGet(() -> status(404, "NotFound", "the server could not find the requested resource", null, null));
    }
    if (parts.length == 4 && parts[1].equals("apis")) {
      return Discovery.resources(parts[2], parts[3], crds()).map(r -> json(200, r))
          .orElseGet(() -> status(404, "NotFound", "the server could not find the requested resource", null, null));
    }
    return null;
  }

  // ---------------------------------------------------------------- status subresources of built-in kinds

  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    Matcher m = RESOURCE_PATH.matcher(stripQuery(path));
    if (m.matches()) {
      String group = m.group("coreVersion") != null ? "" : m.group("group");
      if (Discovery.hasStatusSubresource(group, m.group("plural"))) {
        return true;
      }
    }
    return super.isStatusSubresourceEnabledForResource(path);
  }

  // ---------------------------------------------------------------- list kinds

  /** The mock answers every list as kind "List"; typed clients (kubectl describe) want "PodList" etc. */
  private MockResponse withListKind(MockResponse answer, String bare) {
    if (answer.code() != 200) {
      return answer;
    }
    Matcher m = RESOURCE_PATH.matcher(bare);
    if (!m.matches() || m.group("name") != null) {
      return answer;
    }
    String group = m.group("coreVersion") != null ? "" : m.group("group");
    String version = m.group("coreVersion") != null ? "v1" : m.group("version");
    String plural = m.group("plural");
    String kind = Discovery.BUILT_IN.stream().filter(k -> k.group().equals(group) && k.plural().equals(plural))
        .map(Discovery.Kind::kind).findFirst().orElse(null);
    if (kind == null) {
      kind = crds().stream().filter(c -> c.path("spec").path("group").asText().equals(group)
          && c.path("spec").path("names").path("plural").asText().equals(plural))
          .map(c -> c.path("spec").path("names").path("kind").asText()).findFirst().orElse(null);
    }
    if (kind == null) {
      return answer;
    }
    try {
      JsonNode list = JSON.readTree(answer.getBody().getBytes());
      if (!list.isObject() || !"List".equals(list.path("kind").asText())) {
        return answer;
      }
      ((ObjectNode) list).put("kind", kind + "List");
      ((ObjectNode) list).put("apiVersion", group.isEmpty() ? version : group + "/" + version);
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(list.toString());
    } catch (java.io.IOException e) {
      return answer;
    }
  }

  // ---------------------------------------------------------------- field selectors on lists

  /**
   * The mock matches field selectors only on metadata.name/namespace; lists here evaluate any field path
   * ({@code involvedObject.uid}, {@code spec.nodeName}, {@code status.phase}, ...) with =, == and !=.
   */
  private MockResponse listWithFieldSelector(RecordedRequest request, String path) {
    int q = path.indexOf('?');
    List<String> rest = new ArrayList<>();
    String selector = "";
    for (String param : path.substring(q + 1).split("&")) {
      if (param.startsWith("fieldSelector=")) {
        selector = java.net.URLDecoder.decode(param.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
      } else {
        rest.add(param);
      }
    }
    String stripped = path.substring(0, q) + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
    MockResponse answer = super.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), stripped,
        request.getHeaders(), request.getBody()));
    if (answer.code() != 200 || selector.isBlank()) {
      return answer;
    }
    try {
      JsonNode list = JSON.readTree(answer.getBody().getBytes());
      if (!list.has("items")) {
        return answer;
      }
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode item : list.path("items")) {
        if (fieldsMatch(selector, item)) {
          kept.add(item);
        }
      }
      ((ObjectNode) list).set("items", kept);
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(list.toString());
    } catch (java.io.IOException e) {
      return answer;
    }
  }

  static boolean fieldsMatch(String selector, JsonNode item) {
    for (String requirement : selector.split(",")) {
      String r = requirement.trim();
      if (r.isEmpty()) {
        continue;
      }
      boolean negate = r.contains("!=");
      String[] kv = negate ? r.split("!=", 2) : r.split("==?", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("invalid field selector requirement \"" + r + "\"");
      }
      JsonNode node = item;
      for (String part : kv[0].trim().split("\\.")) {
        node = node.path(part);
      }
      String actual = node.isMissingNode() || node.isNull() ? "" : node.asText();
      if (actual.equals(kv[1].trim()) == negate) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- scale subresource

  /** GET, PUT and PATCH of {@code .../scale} as autoscaling/v1 Scale, applied to the main object's replicas. */
  private MockResponse scale(RecordedRequest request, Matcher m) {
    String main = m.group("main");
    JsonNode current = get(main);
    if (current == null) {
      return status(404, "NotFound", "not found: " + main, null, m.group("name"));
    }
    switch (request.method()) {
      case GET -> {
        return json(200, scaleOf(current));
      }
      case PUT, PATCH -> {
        JsonNode body;
        try {
          body = JSON.readTree(request.getBody().getBytes());
        } catch (java.io.IOException e) {
          return status(400, "BadRequest", "cannot decode Scale: " + e.getMessage(), null, null);
        }
        JsonNode replicas = body.path("spec").path("replicas");
        if (!replicas.isInt()) {
          return json(200, scaleOf(current));
        }
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("spec").put("replicas", replicas.asInt());
        io.fabric8.mockwebserver.http.Headers headers = request.getHeaders().newBuilder()
            .set("Content-Type", "application/merge-patch+json").build();
        MockResponse patched = super.dispatch(new RecordedRequest(request.getHttpVersion(),
            io.fabric8.mockwebserver.dsl.HttpMethod.PATCH, main, headers,
            new Buffer(patch.toString().getBytes(StandardCharsets.UTF_8))));
        if (patched.code() >= 300) {
          return patched;
        }
        return json(200, scaleOf(get(main)));
      }
      default -> {
        return status(405, "MethodNotAllowed", "the server does not allow this method on scale", null, null);
      }
    }
  }

  private static ObjectNode scaleOf(JsonNode object) {
    ObjectNode scale = JSON.createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (object.path("metadata").has(field)) {
        metadata.set(field, object.path("metadata").path(field));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    List<String> selector = new ArrayList<>();
    object.path("spec").path("selector").path("matchLabels").properties()
        .forEach(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
    scale.putObject("status").put("replicas", object.path("status").path("replicas").asInt(0))
        .put("selector", String.join(",", selector));
    return scale;
  }

  // ---------------------------------------------------------------- namespaces

  /** The mock parses /api/v1/namespaces/X/status as "objects of kind status in namespace X". */
  private MockResponse putNamespaceStatus(RecordedRequest request, String name) {
    JsonNode current = get("/api/v1/namespaces/" + name);
    if (current == null) {
      return status(404, "NotFound", "namespaces \"" + name + "\" not found", "namespaces", name);
    }
    try {
      JsonNode body = JSON.readTree(request.getBody().getBytes());
      ObjectNode updated = current.deepCopy();
      updated.set("status", body.path("status"));
      ((ObjectNode) updated.path("metadata")).put("resourceVersion",
          body.path("metadata").path("resourceVersion").asText(current.path("metadata").path("resourceVersion")
              .asText()));
      return super.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(),
          "/api/v1/namespaces/" + name, request.getHeaders(),
          new Buffer(updated.toString().getBytes(StandardCharsets.UTF_8))));
    } catch (java.io.IOException e) {
      return status(400, "BadRequest", "cannot decode namespace: " + e.getMessage(), "namespaces", name);
    }
  }

  /** Like the namespace lifecycle admission: a new namespace is Active. */
  private MockResponse createNamespace(RecordedRequest request) {
    try {
      ObjectNode ns = (ObjectNode) JSON.readTree(request.getBody().getBytes());
      ns.withObjectProperty("status").put("phase", "Active");
      ns.withObjectProperty("spec").withArray("finalizers").removeAll().add("kubernetes");
      String name = ns.path("metadata").path("name").asText();
      if (!name.isEmpty()) {
        ns.withObjectProperty("metadata").withObjectProperty("labels").put("kubernetes.io/metadata.name", name);
      }
      return super.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
          request.getHeaders(), new Buffer(ns.toString().getBytes(StandardCharsets.UTF_8))));
    } catch (java.io.IOException | ClassCastException e) {
      return status(400, "BadRequest", "cannot decode namespace: " + e.getMessage(), "namespaces", null);
    }
  }

  // ---------------------------------------------------------------- admission on pod creation

  private MockResponse admitPod(RecordedRequest request, String namespace) {
    byte[] body = request.getBody().getBytes();
    ObjectNode pod;
    try {
      pod = (ObjectNode) JSON.readTree(body);
    } catch (Exception e) {
      return status(400, "BadRequest", "cannot decode pod: " + e.getMessage(), "pods", null);
    }
    synchronized (podAdmission) {
      String name = pod.path("metadata").path("name").asText(pod.path("metadata").path("generateName").asText(""));
      String denied = quotaDenial(namespace, name);
      if (denied != null) {
        return status(403, "Forbidden", denied, "pods", name);
      }
      JsonNode ns = get("/api/v1/namespaces/" + namespace);
      if (ns != null && "enabled".equals(ns.path("metadata").path("labels").path("istio-injection").asText())) {
        injectIstio(pod);
      }
      byte[] admitted = pod.toString().getBytes(StandardCharsets.UTF_8);
      return super.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
          request.getHeaders(), new Buffer(admitted)));
    }
  }

  /** The quota admission message of the API server, or null when the pod fits every ResourceQuota. */
  private String quotaDenial(String namespace, String podName) {
    List<JsonNode> quotas = list("/api/v1/namespaces/" + namespace + "/resourcequotas");
    if (quotas.isEmpty()) {
      return null;
    }
    long used = list("/api/v1/namespaces/" + namespace + "/pods").stream()
        .filter(p -> !Set.of("Succeeded", "Failed").contains(p.path("status").path("phase").asText()))
        .count();
    for (JsonNode quota : quotas) {
      JsonNode hard = quota.path("spec").path("hard");
      String limit = hard.has("pods") ? hard.path("pods").asText() : hard.path("count/pods").asText(null);
      if (limit != null && used + 1 > Long.parseLong(limit)) {
        return String.format("pods \"%s\" is forbidden: exceeded quota: %s, requested: pods=1, used: pods=%d, "
            + "limited: pods=%s", podName, quota.path("metadata").path("name").asText(), used, limit);
      }
    }
    return null;
  }

  /** What istio's sidecar injector webhook does to a pod, reduced to the init container and annotation. */
  private static void injectIstio(ObjectNode pod) {
    ObjectNode metadata = pod.withObjectProperty("metadata");
    if (metadata.path("annotations").has(ISTIO_STATUS)
        || "false".equals(metadata.path("annotations").path("sidecar.istio.io/inject").asText())) {
      return;
    }
    metadata.withObjectProperty("annotations").put(ISTIO_STATUS, "{\"initContainers\":[\"istio-init\"],\"containers\":[],"
        + "\"volumes\":[\"istio-envoy\"],\"imagePullSecrets\":null,\"revision\":\"default\"}");
    ObjectNode spec = pod.withObjectProperty("spec");
    ArrayNode inits = spec.withArray("initContainers");
    ObjectNode init = JSON.createObjectNode();
    init.put("name", "istio-init");
    init.put("image", ISTIO_PROXY_IMAGE);
    ArrayNode args = init.putArray("args");
    for (String a : List.of("istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT", "-i",
        "*", "-x", "", "-b", "*", "-d", "15090,15021,15020")) {
      args.add(a);
    }
    ObjectNode resources = init.putObject("resources");
    resources.putObject("requests").put("cpu", "10m").put("memory", "40Mi");
    resources.putObject("limits").put("cpu", "2").put("memory", "1Gi");
    inits.insert(0, init);
  }

  // ---------------------------------------------------------------- garbage collection

  private MockResponse deleteWithGarbageCollection(RecordedRequest request, String path) {
    String body = request.getBody() == null ? "" : request.getBody().readUtf8();
    boolean orphan = path.contains("propagationPolicy=Orphan") || body.contains("\"Orphan\"")
        || path.contains("orphanDependents=true") || body.contains("\"orphanDependents\":true");
    Set<String> before = orphan ? Set.of() : uids();
    MockResponse response = handleDelete(path);
    if (response.code() < 300) {
      Matcher ns = NAMESPACE_ITEM.matcher(stripQuery(path));
      if (ns.matches() && get(stripQuery(path)) == null) {
        deleteNamespaceContents(ns.group("ns"));
      }
    }
    if (!orphan && response.code() < 300) {
      Set<String> gone = new HashSet<>(before);
      gone.removeAll(uids());
      collectGarbage(gone);
    }
    return response;
  }

  /** Background propagation: delete every object whose owners are all gone and one of them was just deleted. */
  private void collectGarbage(Set<String> deleted) {
    while (!deleted.isEmpty()) {
      Set<String> live = uids();
      Set<String> next = new HashSet<>();
      for (Map.Entry<AttributeSet, JsonNode> e : snapshot().entrySet()) {
        JsonNode owners = e.getValue().path("metadata").path("ownerReferences");
        boolean ownedByDeleted = false;
        boolean anyOwnerAlive = false;
        for (JsonNode owner : owners) {
          String uid = owner.path("uid").asText();
          ownedByDeleted |= deleted.contains(uid);
          anyOwnerAlive |= live.contains(uid);
        }
        if (ownedByDeleted && !anyOwnerAlive) {
          String objectPath = pathOf(e.getKey());
          if (objectPath != null) {
            LOG.debug("garbage collecting {}", objectPath);
            handleDelete(objectPath);
            next.add(e.getValue().path("metadata").path("uid").asText());
          }
        }
      }
      next.removeAll(uids());
      deleted = next;
    }
  }

  /** What the namespace controller does once a namespace is deleted: everything in it goes too. */
  private void deleteNamespaceContents(String namespace) {
    for (Map.Entry<AttributeSet, JsonNode> e : snapshot().entrySet()) {
      if (namespace.equals(e.getValue().path("metadata").path("namespace").asText(null))) {
        String objectPath = pathOf(e.getKey());
        if (objectPath != null) {
          handleDelete(objectPath);
        }
      }
    }
  }

  private static String pathOf(AttributeSet attributes) {
    String plural = value(attributes, KubernetesAttributesExtractor.PLURAL);
    String version = value(attributes, KubernetesAttributesExtractor.VERSION);
    String api = value(attributes, KubernetesAttributesExtractor.API);
    String namespace = value(attributes, KubernetesAttributesExtractor.NAMESPACE);
    String name = value(attributes, KubernetesAttributesExtractor.NAME);
    if (plural == null || version == null || name == null) {
      return null;
    }
    return (api == null ? "/api/" + version : "/apis/" + api + "/" + version)
        + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural + "/" + name;
  }

  private static String value(AttributeSet attributes, String key) {
    Attribute a = attributes.getAttribute(key);
    return a == null || a.getValues().isEmpty() ? null : a.getValues().get(0).toString();
  }

  // ---------------------------------------------------------------- store access

  private Map<AttributeSet, JsonNode> snapshot() {
    Map<AttributeSet, String> raw;
    synchronized (getMap()) {
      raw = new LinkedHashMap<>(getMap());
    }
    Map<AttributeSet, JsonNode> parsed = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      try {
        parsed.put(k, JSON.readTree(v));
      } catch (JsonProcessingException e) {
        LOG.warn("unparseable object in the mock store: {}", e.getMessage());
      }
    });
    return parsed;
  }

  private Set<String> uids() {
    Set<String> uids = new HashSet<>();
    snapshot().values().forEach(n -> uids.add(n.path("metadata").path("uid").asText()));
    return uids;
  }

  List<JsonNode> crds() {
    return list("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
  }

  private JsonNode get(String path) {
    MockResponse r = handleGet(path);
    if (r.code() != 200) {
      return null;
    }
    try {
      return JSON.readTree(r.getBody().getBytes());
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private List<JsonNode> list(String path) {
    JsonNode l = get(path);
    List<JsonNode> items = new ArrayList<>();
    if (l != null) {
      l.path("items").forEach(items::add);
    }
    return items;
  }

  // ---------------------------------------------------------------- responses

  private static MockResponse asTable(MockResponse answer) {
    try {
      JsonNode table = Tables.table(JSON.readTree(answer.getBody().getBytes()), java.time.Instant.now());
      return table == null ? answer : json(200, table);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.debug("cannot print a table: {}", e.toString());
      return answer;
    }
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(body));
  }

  static MockResponse status(int code, String reason, String message, String kind, String name) {
    StatusBuilder b = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
        .withMessage(message);
    if (kind != null) {
      b.withNewDetails().withKind(kind).withName(name).endDetails();
    }
    Status s = b.build();
    s.setApiVersion("v1");
    s.setKind("Status");
    return json(code, s);
  }
}
