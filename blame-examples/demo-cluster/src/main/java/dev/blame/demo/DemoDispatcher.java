package dev.blame.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Escape;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
  static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Pattern RESOURCE_PATH = Pattern.compile(
      "^/(?:api/(?<coreVersion>v1)|apis/(?<group>[^/]+)/(?<version>[^/]+))(?:/namespaces/(?<ns>[^/]+))?"
          + "/(?<plural>[^/]+)(?:/(?<name>[^/]+))?(?:/(?<sub>[^/]+))?$");
  private static final Pattern SCALE = Pattern.compile(
      "^(?<main>/apis/apps/v1/namespaces/(?<ns>[^/]+)/(?:deployments|replicasets|statefulsets)/(?<name>[^/]+))/scale$");
  private static final Pattern CSR_APPROVAL = Pattern.compile(
      "^(/apis/certificates\\.k8s\\.io/v1/certificatesigningrequests/[^/?]+)/approval(\\?.*)?$");
  /** The proxy subresources, with or without a path after them ({@code nodes/N/proxy/metrics}, {@code .../proxy/}). */
  private static final Pattern PROXY_PATH = Pattern.compile(
      "^/api/v1/(?:namespaces/[^/]+/)?(?<plural>pods|services|nodes)/[^/]+/proxy(?:/.*)?$");
  /** {@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/GROUP}, {@code /apis/GROUP/VERSION}. */
  private static final Pattern DISCOVERY_PATH = Pattern.compile("^/(?:api(?:/v1)?|apis(?:/[^/]+){0,2})/?$");
  private static final Pattern POD_COLLECTION = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)/pods$");
  private static final Pattern NAMESPACE_ITEM = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)$");
  private static final Pattern NAMESPACE_STATUS = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)/status$");

  static final String ISTIO_STATUS = "sidecar.istio.io/status";
  static final String ISTIO_PROXY_IMAGE = "docker.io/istio/proxyv2:1.20.3";

  /** Set while {@link #write} stores an object it completed itself (status included). */
  private static final ThreadLocal<Boolean> RAW_WRITE = new ThreadLocal<>();

  private final Supplier<String> serverAddress;
  private final Watches watches = new Watches();
  private final Metrics metrics = new Metrics();
  private final Object podAdmission = new Object();

  DemoDispatcher(Supplier<String> serverAddress) {
    this.serverAddress = serverAddress;
    installSelectorSupport();
  }

  private void installSelectorSupport() {
    try {
      Field field = CrudDispatcher.class.getDeclaredField("attributeExtractor");
      field.setAccessible(true);
      SelectorAttributesExtractor extractor = new SelectorAttributesExtractor(
          (KubernetesAttributesExtractor) field.get(this));
      field.set(this, extractor);
      // the same extractor keys the stored objects for the create, update and patch handlers (getKey)
      Field keys = KubernetesCrudDispatcher.class.getDeclaredField("kubernetesAttributesExtractor");
      keys.setAccessible(true);
      keys.set(this, extractor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot install set-based label selector support into the fabric8 mock "
          + "server (fields CrudDispatcher.attributeExtractor, KubernetesCrudDispatcher.kubernetesAttributesExtractor);"
          + " is kubernetes-server-mock 7.7.x on the classpath?", e);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String bare = stripQuery(request.getPath());
    if (ProtobufBodies.isProtobuf(request.getHeader("Content-Type"))) {
      // kubectl 1.32's typed clients (create deployment/configmap/job/..., drain, debug node/N) write protobuf
      ObjectNode decoded = ProtobufBodies.toJson(request.getBody() == null ? new byte[0]
          : request.getBody().getBytes());
      if (decoded == null) {
        return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted "
            + "media types include: application/json, application/yaml (the demo cluster decodes protobuf only for "
            + "the kinds kubectl's create commands send)", null, null);
      }
      return dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
          request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
          new Buffer(decoded.toString().getBytes(StandardCharsets.UTF_8))));
    }
    if (HpaVersions.isV1(request.getPath())) {
      return servedAsV1(request);
    }
    MockResponse review = review(request, bare);
    if (review != null) {
      return review;
    }
    MockResponse unserved = unserved(request, bare);
    if (unserved != null) {
      return unserved;
    }
    Optional<String> refused = request.method() == HttpMethod.GET
        ? refusedFieldSelector(Target.parse(bare), param(request.getPath(), "fieldSelector"))
        : Optional.empty();
    if (refused.isPresent()) {
      return status(400, "BadRequest", refused.get(), null, null);
    }
    // The body is read before routing: the mock's CRUD handling consumes it.
    String posted = request.method() == HttpMethod.POST ? nameIn(request) : null;
    MockResponse routed = route(request);
    return asKubernetesStatus(request, Target.parse(bare), posted,
        request.method() == HttpMethod.POST || routed.code() == 201 ? asCreated(routed) : routed);
  }

  /** The subresources of pods answered here though discovery does not list them (405, see {@link #route}). */
  private static final Set<String> UNSUPPORTED_POD_SUBRESOURCES =
      Set.of("exec", "attach", "portforward", "proxy", "ephemeralcontainers");

  /**
   * A 404 for what the API server does not serve: a path outside the API and discovery, a group/version, resource
   * or subresource discovery does not list (say batch/v1beta1 CronJobs, which kubectl 1.20 creates and a 1.29 server
   * no longer serves). The mock would otherwise answer a GET with every stored object and store whatever is posted.
   */
  private MockResponse unserved(RecordedRequest request, String bare) {
    String notFound = "the server could not find the requested resource";
    if (!bare.equals("/api") && !bare.startsWith("/api/") && !bare.equals("/apis") && !bare.startsWith("/apis/")) {
      return request.method() == HttpMethod.GET && (serveMeta(bare, request.getHeader("Accept")) != null
          || HealthChecks.answer(bare, null) != null) ? null : status(404, "NotFound", notFound, null, null);
    }
    Matcher proxy = PROXY_PATH.matcher(bare);
    if (proxy.matches() && !proxy.group("plural").equals("pods")) {
      return status(405, "MethodNotAllowed", proxy.group("plural") + "/proxy is not supported by the demo cluster "
          + "(it has no kubelet or service endpoints to proxy to)", proxy.group("plural"), null);
    }
    if (proxy.matches()) {
      return status(405, "MethodNotAllowed", "pods/proxy is not supported by the demo cluster (its containers do not "
          + "run)", "pods", null);
    }
    Target t = Target.parse(bare);
    if (t == null && !DISCOVERY_PATH.matcher(bare).matches()) {
      return status(404, "NotFound", notFound, null, null); // the mock would list every stored object
    }
    if (t == null || HpaVersions.isV1(bare)) {
      return null; // discovery (serveMeta answers or 404s it)
    }
    if (bare.startsWith("/apis/authorization.k8s.io/v1/") || bare.startsWith("/apis/authentication.k8s.io/v1/")) {
      return null; // the access reviews (review answers their creates; nothing is stored)
    }
    if (t.plural().equals("namespaces") && t.group().isEmpty() && (t.sub() == null
        || Set.of("status", "finalize").contains(t.sub()))) {
      return null;
    }
    if (t.plural().equals("pods") && t.group().isEmpty() && UNSUPPORTED_POD_SUBRESOURCES.contains(
        String.valueOf(t.sub()))) {
      return null;
    }
    Optional<APIResourceList> served = Discovery.resources(t.group(), t.version(),
        crds());
    String resource = t.sub() == null ? t.plural() : t.plural() + "/" + t.sub();
    if (served.isPresent() && (t.sub() == null || t.name() != null) && served.get().getResources().stream()
        .anyMatch(r -> r.getName().equals(resource))) {
      return null;
    }
    return status(404, "NotFound", notFound, null, null);
  }

  /**
   * The API server's 400 message when {@code selector} names a field label the listed resource does not support
   * ({@link FieldLabels}); empty for an item path or a supported selector.
   */
  Optional<String> refusedFieldSelector(Target t, String selector) {
    if (t == null || t.name() != null || selector == null || selector.isBlank()) {
      return Optional.empty();
    }
    Optional<JsonNode> crd = crds().stream().filter(c -> c.path("spec").path("group").asText().equals(t.group())
        && c.path("spec").path("names").path("plural").asText().equals(t.plural())).findFirst();
    boolean namespaced = crd.map(c -> !"Cluster".equals(c.path("spec").path("scope").asText())).orElse(true);
    return FieldLabels.refused(t.group(), t.plural(), crd.isPresent(), namespaced, selector);
  }

  /** An autoscaling/v1 HPA request, served from the v2 store with the bodies converted ({@link HpaVersions}). */
  private MockResponse servedAsV1(RecordedRequest request) {
    Buffer body = request.getBody();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    if (bytes.length > 0 && (request.method() == HttpMethod.POST || request.method() == HttpMethod.PUT)
        && contentType.contains("json")) {
      try {
        bytes = JSON.writeValueAsBytes(HpaVersions.toV2(JSON, JSON.readTree(bytes)));
      } catch (IOException e) {
        return status(400, "BadRequest", "the body is not JSON", "horizontalpodautoscalers", null);
      }
    }
    MockResponse answer = dispatch(new RecordedRequest(request.getHttpVersion(), request.method(),
        HpaVersions.toV2Path(request.getPath()), request.getHeaders(), new Buffer(bytes)));
    if (answer.getBody() == null || answer.code() >= 300) {
      return answer;
    }
    try {
      JsonNode v2 = JSON.readTree(text(answer.getBody()));
      if (v2 == null || "Table".equals(v2.path("kind").asText())) {
        return answer;
      }
      return json(answer.code(), HpaVersions.toV1(JSON, v2));
    } catch (JsonProcessingException e) {
      return answer;
    }
  }

  private MockResponse route(RecordedRequest request) {
    Matcher approval = CSR_APPROVAL.matcher(request.getPath());
    if (approval.matches()) {
      // The approval subresource (csrApprovalStrategy) keeps spec and metadata and takes status.conditions: a status
      // write of the CertificateSigningRequest (`kubectl certificate approve/deny`).
      request = new RecordedRequest(request.getHttpVersion(), request.method(), approval.group(1) + "/status"
          + (approval.group(2) == null ? "" : approval.group(2)), request.getHeaders(), request.getBody());
    }
    String path = request.getPath();
    String bare = stripQuery(path);
    try {
      Matcher scale = SCALE.matcher(bare);
      if (scale.matches()) {
        return scale(request, scale);
      }
      Target target = Target.parse(bare);
      if (target != null && target.sub() == null && target.name() != null && request.method() == HttpMethod.PATCH
          && target.plural().equals("namespaces")) {
        target = null; // namespaces keep the mock's patch handling
      }
      if (target != null && isWrite(request, target)) {
        MockResponse written = write(request, target);
        if (request.method() == HttpMethod.POST && written.code() < 300) {
          collectIfOwnersDeleted(target, written);
        }
        return written;
      }
      if (target != null && target.plural().equals("pods") && "eviction".equals(target.sub())) {
        return evict(request, target);
      }
      if (target != null && target.plural().equals("pods") && UNSUPPORTED_POD_SUBRESOURCES
          .contains(String.valueOf(target.sub()))) {
        return status(405, "MethodNotAllowed", "pods/" + target.sub() + " is not supported by the demo cluster "
            + "(its containers do not run)", "pods", target.name());
      }
      if (target != null && target.plural().equals("serviceaccounts") && "token".equals(target.sub())
          && request.method() == HttpMethod.POST) {
        return token(request, target);
      }
      if (target != null && "log".equals(target.sub()) && request.method() == HttpMethod.GET) {
        return podLog(target, path);
      }
      switch (request.method()) {
        case GET -> {
          int query = path.indexOf('?');
          MockResponse meta = HealthChecks.answer(bare, query < 0 ? null : path.substring(query + 1));
          meta = meta != null ? meta : serveMeta(bare, request.getHeader("Accept"));
          if (meta != null) {
            return meta;
          }
          MockResponse answer = !isWatch(path) && path.contains("fieldSelector=")
              ? listWithFieldSelector(request, path) : super.dispatch(request);
          if (!isWatch(path)) {
            answer = paged(withListKind(answer, bare), path);
          }
          if (!isWatch(path) && Tables.wanted(request.getHeader("Accept")) && answer.code() == 200) {
            return asTable(answer, path.contains("includeObject=Object"));
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

  /**
   * The errors kubectl reads, in the API server's words: the mock answers a missing object with an empty 404 and an
   * existing one with a 409 of reason {@code Invalid}, which kubectl prints as "the server could not find the
   * requested resource" and "The Deployment "" is invalid". The API server says {@code pods "web" not found}
   * (NotFound) and {@code deployments.apps "web" already exists} (AlreadyExists), with details kubectl uses.
   */
  private static MockResponse asKubernetesStatus(RecordedRequest request, Target target, String posted,
      MockResponse response) {
    if (target == null || (response.code() != 404 && response.code() != 409)) {
      return response;
    }
    String resource = target.plural() + (target.group().isEmpty() ? "" : "." + target.group());
    if (response.code() == 404 && target.name() != null && !isStatusWithReason(response, "NotFound")) {
      return statusOf(404, "NotFound", resource + " \"" + target.name() + "\" not found", target, target.name());
    }
    if (response.code() == 409 && target.name() != null && (request.method() == HttpMethod.PUT
        || request.method() == HttpMethod.PATCH) && !isStatusWithReason(response, "Conflict")) {
      // the mock's stale-resourceVersion answer (reason Invalid, which kubectl prints as `The X "" is invalid`)
      return statusOf(409, "Conflict", "Operation cannot be fulfilled on " + resource + " \"" + target.name()
          + "\": the object has been modified; please apply your changes to the latest version and try again",
          target, target.name());
    }
    if (response.code() == 409 && request.method() == HttpMethod.POST && target.name() == null
        && isStatusWithReason(response, "Invalid")) {
      if (posted != null) {
        return statusOf(409, "AlreadyExists", resource + " \"" + posted + "\" already exists", target, posted);
      }
    }
    return response;
  }

  private static boolean isStatusWithReason(MockResponse response, String reason) {
    try {
      JsonNode body = JSON.readTree(text(response.getBody()));
      return body != null && "Status".equals(body.path("kind").asText()) && reason.equals(body.path("reason").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String nameIn(RecordedRequest request) {
    try {
      JsonNode body = JSON.readTree(text(request.getBody()));
      String name = body == null ? "" : body.path("metadata").path("name").asText("");
      return name.isEmpty() ? null : name;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * The access reviews {@code kubectl auth can-i} and {@code kubectl auth whoami} create: the demo cluster has no
   * authorization, so everything is allowed, and whoever asks is its administrator. Nothing is stored.
   */
  private static MockResponse review(RecordedRequest request, String bare) {
    if (request.method() != HttpMethod.POST) {
      return null;
    }
    String kind = switch (bare) {
      case "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews" -> "SelfSubjectAccessReview";
      case "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews" -> "SelfSubjectRulesReview";
      case "/apis/authentication.k8s.io/v1/selfsubjectreviews" -> "SelfSubjectReview";
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    ObjectNode review;
    try {
      JsonNode body = JSON.readTree(text(request.getBody()));
      review = body instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return status(400, "BadRequest", "the body of a " + kind + " is not JSON", null, null);
    }
    review.put("kind", kind);
    ObjectNode status = review.putObject("status");
    switch (kind) {
      case "SelfSubjectAccessReview" -> status.put("allowed", true)
          .put("reason", "the demo cluster has no authorization: everything is allowed");
      case "SelfSubjectRulesReview" -> {
        status.putArray("resourceRules").addObject().<ObjectNode>set("verbs", JSON.createArrayNode().add("*"))
            .<ObjectNode>set("apiGroups", JSON.createArrayNode().add("*"))
            .set("resources", JSON.createArrayNode().add("*"));
        status.putArray("nonResourceRules").addObject().<ObjectNode>set("verbs", JSON.createArrayNode().add("*"))
            .set("nonResourceURLs", JSON.createArrayNode().add("*"));
        status.put("incomplete", false);
      }
      default -> status.putObject("userInfo").put("username", "demo-admin")
          .set("groups", JSON.createArrayNode().add("system:masters").add("system:authenticated"));
    }
    return json(201, review);
  }

  /**
   * {@code kubectl create token SA}: a TokenRequest answered with a token, not stored. The demo cluster does not
   * authenticate, so the token is an unsigned JWT ({@code alg: none}) with the claims a real one carries (issuer,
   * subject {@code system:serviceaccount:NS:SA}, audiences, expiry), for whoever wants to decode it.
   */
  private MockResponse token(RecordedRequest request, Target t) {
    JsonNode account = get(t.item(t.name()));
    if (account == null) {
      return statusOf(404, "NotFound", "serviceaccounts \"" + t.name() + "\" not found", t, t.name());
    }
    ObjectNode review;
    try {
      JsonNode body = JSON.readTree(text(request.getBody()));
      review = body instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      return status(400, "BadRequest", "the body of a TokenRequest is not JSON", null, null);
    }
    long seconds = review.path("spec").path("expirationSeconds").asLong(3600);
    if (seconds < 600) {
      return status(422, "Invalid", "TokenRequest.authentication.k8s.io \"" + t.name() + "\" is invalid: "
          + "spec.expirationSeconds: Invalid value: " + seconds + ": may not specify a duration less than 10 minutes",
          "serviceaccounts", t.name());
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ArrayNode audiences = review.path("spec").path("audiences").isArray() && !review.path("spec").path("audiences")
        .isEmpty() ? (ArrayNode) review.path("spec").path("audiences") : JSON.createArrayNode()
        .add("https://kubernetes.default.svc.cluster.local");
    ObjectNode claims = JSON.createObjectNode().put("iss", "https://kubernetes.default.svc.cluster.local")
        .put("sub", "system:serviceaccount:" + t.namespace() + ":" + t.name())
        .put("iat", now.getEpochSecond()).put("exp", now.getEpochSecond() + seconds);
    claims.set("aud", audiences);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jwt = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    review.put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest");
    review.withObjectProperty("metadata").put("name", t.name()).put("namespace", t.namespace())
        .put("creationTimestamp", now.toString());
    review.withObjectProperty("spec").put("expirationSeconds", seconds).set("audiences", audiences);
    review.putObject("status").put("token", jwt).put("expirationTimestamp", now.plusSeconds(seconds).toString());
    return json(201, review);
  }

  private static boolean isWatch(String path) {
    return path.contains("watch=true") || path.contains("watch=1");
  }

  static String stripQuery(String path) {
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
  }

  // ---------------------------------------------------------------- writes: patches, apply, defaulting, managedFields

  /** A resource path taken apart; {@code group} is "" for the core group. */
  record Target(String group, String version, String namespace, String plural, String name, String sub) {

    static Target parse(String bare) {
      Matcher m = RESOURCE_PATH.matcher(bare);
      if (!m.matches()) {
        return null;
      }
      String group = m.group("coreVersion") != null ? "" : m.group("group");
      String version = m.group("coreVersion") != null ? "v1" : m.group("version");
      if (group.isEmpty() && m.group("ns") != null && m.group("name") == null
          && Set.of("status", "finalize").contains(m.group("plural"))) {
        return new Target(group, version, null, "namespaces", PathNames.decode(m.group("ns")), m.group("plural"));
      }
      return new Target(group, version, PathNames.decode(m.group("ns")), m.group("plural"),
          PathNames.decode(m.group("name")), m.group("sub"));
    }

    String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    String collection() {
      return (group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version)
          + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
    }

    /** The object's path, its name escaped as client-go escapes it ({@link PathNames}). */
    String item(String objectName) {
      return collection() + "/" + PathNames.escape(objectName);
    }
  }

  private static boolean isWrite(RecordedRequest request, Target t) {
    boolean mainOrStatus = t.sub() == null || t.sub().equals("status");
    return switch (request.method()) {
      case POST -> t.name() == null && t.sub() == null && !t.plural().equals("namespaces");
      case PUT -> t.name() != null && mainOrStatus && !(t.plural().equals("namespaces") && t.sub() != null);
      case PATCH -> t.name() != null && mainOrStatus;
      default -> false;
    };
  }

  /** The kind served at {@code t} and whether it has a status subresource, or null when nothing is served there. */
  Map.Entry<String, Boolean> kindOf(Target t) {
    for (Discovery.Kind k : Discovery.BUILT_IN) {
      if (k.group().equals(t.group()) && k.plural().equals(t.plural())) {
        return Map.entry(k.kind(), k.hasStatus());
      }
    }
    for (JsonNode crd : crds()) {
      JsonNode spec = crd.path("spec");
      if (spec.path("group").asText().equals(t.group()) && spec.path("names").path("plural").asText()
          .equals(t.plural())) {
        boolean status = false;
        for (JsonNode v : spec.path("versions")) {
          status |= v.path("name").asText().equals(t.version()) && v.path("subresources").has("status");
        }
        return Map.entry(spec.path("names").path("kind").asText(), status);
      }
    }
    return null;
  }

  private static String param(String path, String name) {
    int q = path.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String p : path.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      String key = eq < 0 ? p : p.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The field manager of a write: {@code ?fieldManager=}, else the User-Agent up to its first slash. */
  static String manager(RecordedRequest request) {
    String explicit = param(request.getPath(), "fieldManager");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    String agent = request.getHeader("User-Agent");
    String product = agent == null ? "" : ManagerNames.fromUserAgent(agent).trim();
    return product.isEmpty() ? "unknown" : product;
  }

  /**
   * Every create, update and patch of a served kind: computes the new object (JSON merge, JSON and strategic
   * merge patches, server-side apply), applies defaults and records managedFields, then stores it through the
   * mock (or, with {@code ?dryRun=All}, only answers it).
   */
  private MockResponse write(RecordedRequest request, Target t) {
    // A patch applies to the latest version, as the API server's GuaranteedUpdate retries it: a concurrent write
    // (a controller's status update) between reading and storing is not the client's conflict.
    for (int attempt = 1; ; attempt++) {
      MockResponse response = writeOnce(request, t);
      if (response.code() != 409 || request.method() != HttpMethod.PATCH || attempt == 5
          || text(request.getBody()).contains("\"resourceVersion\"")
          || text(response.getBody()).contains("Apply failed")) {
        return response;
      }
    }
  }

  /** The API server's SimpleNameGenerator: at most 58 characters of the prefix and 5 random alphanumerics. */
  private static final String NAME_CHARACTERS = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A create with {@code metadata.generateName} and no name gets its name as the API server makes it
   * ({@code names.SimpleNameGenerator}): {@code gen-} became {@code gen-x7k2q}; the mock made {@code gen--<uid>}.
   */
  static void generateName(ObjectNode object) {
    JsonNode meta = object.path("metadata");
    if (!(meta instanceof ObjectNode m) || !m.path("name").asText("").isEmpty()
        || m.path("generateName").asText("").isEmpty()) {
      return;
    }
    String base = m.path("generateName").asText();
    StringBuilder name = new StringBuilder(base.length() > 58 ? base.substring(0, 58) : base);
    for (int i = 0; i < 5; i++) {
      name.append(NAME_CHARACTERS.charAt(RANDOM.nextInt(NAME_CHARACTERS.length())));
    }
    m.put("name", name.toString());
  }

  private static String text(Buffer body) {
    return body == null ? "" : new String(body.getBytes(), StandardCharsets.UTF_8);
  }

  private MockResponse writeOnce(RecordedRequest request, Target t) {
    Map.Entry<String, Boolean> kind = kindOf(t);
    if (kind == null) {
      return super.dispatch(request);
    }
    String path = request.getPath();
    String manager = manager(request);
    Optional<String> refusal = ManagerNames.refusal(param(path, "fieldManager"));
    if (refusal.isPresent()) {
      String options = request.method() == HttpMethod.POST ? "CreateOptions"
          : request.method() == HttpMethod.PUT ? "UpdateOptions" : "PatchOptions";
      return status(422, "Invalid", options + ".meta.k8s.io \"\" is invalid: fieldManager: " + refusal.get(), null,
          null);
    }
    boolean dryRun = "All".equals(param(path, "dryRun"));
    boolean status = "status".equals(t.sub());
    boolean statusIsSubresource = kind.getValue();
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    boolean apply = request.method() == HttpMethod.PATCH && contentType.startsWith("application/apply-patch");
    JsonNode body;
    try {
      byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
      body = apply ? YAML.readTree(bytes) : JSON.readTree(bytes);
    } catch (IOException e) {
      return status(400, "BadRequest", "the request body cannot be decoded: " + e.getMessage(), null, null);
    }
    if (body == null || body.isMissingNode()) {
      return status(400, "BadRequest", "the request body is empty", null, null);
    }
    if (request.method() == HttpMethod.POST && t.name() == null && body.isObject()) {
      generateName((ObjectNode) body);
    }
    String name = t.name() != null ? t.name() : body.path("metadata").path("name").asText("");
    JsonNode current = name.isEmpty() ? null : get(t.item(name));
    ObjectNode result;
    String verb = request.method() == HttpMethod.POST ? "create" : "update";
    switch (request.method()) {
      case POST -> {
        if (current != null || !body.isObject()) {
          return super.dispatch(request);
        }
        result = (ObjectNode) body.deepCopy();
      }
      case PUT -> {
        if (current == null || !body.isObject()) {
          return super.dispatch(request);
        }
        result = (ObjectNode) body.deepCopy();
      }
      default -> {
        if (current == null && !apply) {
          return status(404, "NotFound", t.plural() + " \"" + name + "\" not found", t.plural(), name);
        }
        try {
          if (apply) {
            if (!body.isObject()) {
              return status(400, "BadRequest", "an apply configuration must be an object", null, null);
            }
            if (param(path, "fieldManager") == null) {
              return status(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                  + "is required for apply patch", null, null);
            }
            result = current == null ? (ObjectNode) body.deepCopy() : applied(current, body, manager);
            verb = current == null ? "create" : "update";
          } else if (contentType.startsWith("application/json-patch+json")) {
            try {
              result = (ObjectNode) Patches.jsonPatch(current, body);
            } catch (IllegalArgumentException e) {
              return rejectedPatch(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
          } else if (contentType.startsWith("application/merge-patch+json")) {
            result = (ObjectNode) Patches.mergePatch(current, body);
          } else if (contentType.startsWith("application/strategic-merge-patch+json")) {
            if (kind.getKey() != null && !t.group().isEmpty() && Discovery.BUILT_IN.stream()
                .noneMatch(k -> k.group().equals(t.group()) && k.plural().equals(t.plural()))) {
              return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                  + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                  + "application/apply-patch+yaml", null, null);
            }
            result = (ObjectNode) Patches.strategicMerge(current, body);
          } else {
            return status(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json", null, null);
          }
        } catch (IllegalArgumentException | ClassCastException e) {
          return status(422, "Invalid", String.valueOf(e.getMessage()), kind.getKey(), name);
        }
      }
    }
    String precondition = result.path("metadata").path("resourceVersion").asText("");
    if (request.method() == HttpMethod.PATCH && current != null && !precondition.isEmpty()
        && !precondition.equals(current.path("metadata").path("resourceVersion").asText(""))) {
      // A patch of any type that sets metadata.resourceVersion (`kubectl label --resource-version=N`, fabric8's
      // edit()) makes it a precondition of the update, as any write carrying one: the registry's Update refuses an
      // object whose version is not the stored one (kubernetes/kubernetes#15416, #15420).
      String resource = t.plural() + (t.group().isEmpty() ? "" : "." + t.group());
      return statusOf(409, "Conflict", "Operation cannot be fulfilled on " + resource + " \"" + name
          + "\": the object has been modified; please apply your changes to the latest version and try again", t, name);
    }
    if (current == null && !name.isEmpty()) {
      Optional<String> invalid = ObjectNames.invalid(kind.getKey(), name);
      if (invalid.isPresent()) {
        return invalidName(kind.getKey(), name, invalid.get());
      }
    }
    Optional<String> mismatch = status ? Optional.empty()
        : SelectorValidation.mismatch(t.group(), kind.getKey(), result);
    if (mismatch.isPresent()) {
      return invalidField(kind.getKey(), t.group(), name, "spec.template.metadata.labels", mismatch.get());
    }
    ObjectNode meta = result.withObjectProperty("metadata");
    if (current != null) {
      if (!meta.has("resourceVersion") || request.method() == HttpMethod.PATCH) {
        meta.set("resourceVersion", current.path("metadata").path("resourceVersion"));
      }
      for (String f : List.of("uid", "creationTimestamp", "generation")) {
        if (current.path("metadata").has(f)) {
          meta.set(f, current.path("metadata").get(f));
        }
      }
    }
    if (!result.has("apiVersion")) {
      result.put("apiVersion", t.apiVersion());
    }
    if (!result.has("kind")) {
      result.put("kind", kind.getKey());
    }
    if (status) {
      ObjectNode whole = current.deepCopy();
      whole.set("status", result.path("status").isMissingNode() ? JSON.createObjectNode() : result.get("status"));
      whole.withObjectProperty("metadata").set("managedFields", meta.get("managedFields"));
      result = whole;
      meta = result.withObjectProperty("metadata");
    } else if (statusIsSubresource) {
      if (current != null && current.has("status")) {
        result.set("status", current.get("status"));
      } else if (current == null && kind.getKey().equals("PersistentVolumeClaim")) {
        // The API server creates a claim Pending (PrepareForCreate); a provisioner or binder moves it on.
        result.set("status", JSON.createObjectNode().put("phase", "Pending"));
      } else {
        result.remove("status");
      }
    }
    if (!status) {
      Defaults.apply(kind.getKey(), result);
    }
    if (verb.equals("create") && kind.getKey().equals("CertificateSigningRequest")) {
      // csrStrategy.PrepareForCreate: the requestor is the caller (the demo's one user, as `auth whoami` says)
      ObjectNode spec = result.withObjectProperty("spec");
      spec.put("username", "demo-admin");
      spec.set("groups", JSON.createArrayNode().add("system:masters").add("system:authenticated"));
    }
    if (!status && kind.getKey().equals("Service") && t.group().isEmpty()) {
      allocateServiceAddresses(result, current);
    }
    boolean jobSelector = verb.equals("create") && !status && kind.getKey().equals("Job") && t.group().equals("batch")
        && generateJobSelector(result);
    ArrayNode stored = current != null && current.path("metadata").path("managedFields").isArray()
        ? (ArrayNode) current.path("metadata").path("managedFields") : JSON.createArrayNode();
    JsonNode requested = meta.get("managedFields");
    // A client may set managedFields only on the object it read last: a status write, or a write carrying a stale
    // or no resourceVersion (a controller's copy from before someone else's patch), keeps the stored entries, as
    // the API server resets metadata on status writes.
    boolean fresh = current == null || meta.path("resourceVersion").asText("")
        .equals(current.path("metadata").path("resourceVersion").asText(""));
    ArrayNode base = !status && fresh && requested instanceof ArrayNode r && !r.isEmpty() && !r.equals(stored)
        ? r : stored;
    Instant now = Instant.now();
    String sub = status ? "status" : "";
    ArrayNode managed;
    if (apply) {
      List<FieldManagers.Conflict> conflicts = new ArrayList<>();
      managed = FieldManagers.apply(base, current, body, manager, sub, statusIsSubresource, t.apiVersion(), now,
          conflicts);
      if (!conflicts.isEmpty() && !"true".equals(param(path, "force"))) {
        return conflict(conflicts, t, kind.getKey(), name);
      }
    } else {
      managed = FieldManagers.update(base, current, result, manager, sub, statusIsSubresource, t.apiVersion(), now);
    }
    if (managed.isEmpty()) {
      meta.remove("managedFields");
    } else {
      meta.set("managedFields", managed);
    }
    if (dryRun) {
      if (verb.equals("create")) {
        // what BeforeCreate fills in before the storage is skipped: the answer looks like the object to be
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        Generations.created(result);
      }
      if (jobSelector) {
        result = withJobUid(result, meta.path("uid").asText());
      }
      return json(verb.equals("create") ? 201 : 200, result);
    }
    byte[] bytes = result.toString().getBytes(StandardCharsets.UTF_8);
    Headers headers = request.getHeaders().newBuilder()
        .set("Content-Type", "application/json").build();
    // The object is complete (status kept or replaced above): the mock must store it as it is.
    MockResponse updated;
    RAW_WRITE.set(Boolean.TRUE);
    try {
      if (verb.equals("create")) {
        RecordedRequest create = new RecordedRequest(request.getHttpVersion(), HttpMethod.POST, t.collection(),
            headers, new Buffer(bytes));
        Matcher pods = POD_COLLECTION.matcher(t.collection());
        MockResponse created = pods.matches() ? admitPod(create, pods.group("ns")) : super.dispatch(create);
        return jobSelector && created.code() == 201 ? storeJobUid(request, t, created) : created;
      }
      updated = super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT, t.item(name), headers,
          new Buffer(bytes)));
    } finally {
      RAW_WRITE.remove();
    }
    return collectFinalized(t, name, result, updated);
  }

  private final AtomicInteger serviceIps = new AtomicInteger(
      10);
  private final AtomicInteger nodePorts = new AtomicInteger();

  /**
   * What the Service REST storage allocates: a ClusterIP from 10.96.0.0/12 (not for ExternalName, nor headless
   * {@code clusterIP: None}), {@code clusterIPs}, and a node port in 30000-32767 for each port of a NodePort or
   * LoadBalancer Service; an update without them keeps the allocated ones (kubectl shows CLUSTER-IP {@code <none>}
   * only for a headless Service).
   */
  private void allocateServiceAddresses(ObjectNode service, JsonNode current) {
    if (!(service.get("spec") instanceof ObjectNode spec)) {
      return;
    }
    String type = spec.path("type").asText("ClusterIP");
    JsonNode old = current == null ? JSON.createObjectNode() : current.path("spec");
    if (type.equals("ExternalName")) {
      return;
    }
    if (spec.path("clusterIP").asText("").isEmpty()) {
      if (!old.path("clusterIP").asText("").isEmpty()) {
        spec.set("clusterIP", old.get("clusterIP"));
      } else {
        int n = serviceIps.getAndIncrement();
        spec.put("clusterIP", "10.96." + (n / 254 % 256) + "." + (n % 254 + 1));
      }
    }
    if (!spec.path("clusterIPs").isArray() || spec.path("clusterIPs").isEmpty()) {
      spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
    }
    if (type.equals("NodePort") || type.equals("LoadBalancer")) {
      JsonNode oldPorts = old.path("ports");
      for (JsonNode p : spec.path("ports")) {
        if (p instanceof ObjectNode port && !port.has("nodePort")) {
          for (JsonNode o : oldPorts) {
            if (o.path("port").equals(port.path("port")) && o.has("nodePort")) {
              port.set("nodePort", o.get("nodePort"));
            }
          }
          if (!port.has("nodePort")) {
            port.put("nodePort", 30000 + nodePorts.getAndIncrement() % 2768);
          }
        }
      }
    }
  }

  private static final String PENDING_UID = "pending-uid";

  /**
   * The Job strategy's {@code generateSelector} (unless {@code spec.manualSelector}): the template gets the labels
   * {@code job-name}, {@code batch.kubernetes.io/job-name}, {@code controller-uid} and
   * {@code batch.kubernetes.io/controller-uid} (those not set), the selector matches
   * {@code batch.kubernetes.io/controller-uid}. The uid is known once the object is stored: {@link #PENDING_UID}
   * until then. Without it every pod of the namespace matches the Job ({@code kubectl logs job/x}, describe).
   */
  private static boolean generateJobSelector(ObjectNode job) {
    if (!(job.get("spec") instanceof ObjectNode spec) || spec.path("manualSelector").asBoolean(false)) {
      return false;
    }
    String name = job.path("metadata").path("name").asText("");
    ObjectNode labels = spec.withObjectProperty("template").withObjectProperty("metadata")
        .withObjectProperty("labels");
    ObjectNode given = labels.deepCopy();
    for (String key : List.of("batch.kubernetes.io/job-name", "job-name")) {
      if (!labels.has(key) && !name.isEmpty()) {
        labels.put(key, name);
      }
    }
    for (String key : List.of("batch.kubernetes.io/controller-uid", "controller-uid")) {
      if (!labels.has(key)) {
        labels.put(key, PENDING_UID);
      }
    }
    ObjectNode matchLabels = spec.withObjectProperty("selector").withObjectProperty("matchLabels");
    if (!matchLabels.has("batch.kubernetes.io/controller-uid")) {
      matchLabels.put("batch.kubernetes.io/controller-uid", PENDING_UID);
    }
    // SetDefaults_Job: a Job without labels takes its template's (the generated ones too, once read back).
    ObjectNode meta = job.withObjectProperty("metadata");
    if (!(meta.get("labels") instanceof ObjectNode own) || own.isEmpty()) {
      meta.set("labels", given.isEmpty() ? labels.deepCopy() : given);
    }
    return true;
  }

  private static ObjectNode withJobUid(ObjectNode job, String uid) {
    ObjectNode spec = (ObjectNode) job.path("spec");
    List<ObjectNode> maps = List.of(spec.withObjectProperty("template").withObjectProperty("metadata")
        .withObjectProperty("labels"), spec.withObjectProperty("selector").withObjectProperty("matchLabels"),
        job.withObjectProperty("metadata").withObjectProperty("labels"));
    for (ObjectNode map : maps) {
      for (String key : List.of("batch.kubernetes.io/controller-uid", "controller-uid")) {
        if (PENDING_UID.equals(map.path(key).asText())) {
          map.put(key, uid);
        }
      }
    }
    return job;
  }

  /** The created Job with its uid in the generated selector and labels, stored again (RAW_WRITE is set). */
  private MockResponse storeJobUid(RecordedRequest request, Target t, MockResponse created) {
    try {
      ObjectNode job = (ObjectNode) JSON.readTree(created.getBody().getBytes());
      withJobUid(job, job.path("metadata").path("uid").asText());
      Headers headers = request.getHeaders().newBuilder()
          .set("Content-Type", "application/json").build();
      MockResponse updated = super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT,
          t.item(job.path("metadata").path("name").asText()), headers,
          new Buffer(job.toString().getBytes(StandardCharsets.UTF_8))));
      return updated.code() == 200 ? updated.setResponseCode(201) : created;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot store the generated selector of a created Job", Escape.throwable(e));
      return created;
    }
  }

  /**
   * Server-side apply onto an existing object: fields the manager applied before and leaves out now are removed
   * (unless another manager owns them too), then the configuration is merged in with the lists' merge keys.
   */
  private static ObjectNode applied(JsonNode current, JsonNode config, String manager) {
    ObjectNode result = current.deepCopy();
    ArrayNode managed = current.path("metadata").path("managedFields").isArray()
        ? (ArrayNode) current.path("metadata").path("managedFields") : JSON.createArrayNode();
    Set<String> now = FieldManagers.fields(config, "", false).keySet();
    for (String field : FieldManagers.appliedBy(managed, manager)) {
      if (!now.contains(field) && !FieldManagers.ownedByOthers(managed, manager, field)) {
        FieldManagers.remove(result, field);
      }
    }
    return (ObjectNode) Patches.strategicMerge(result, config);
  }

  private static MockResponse conflict(List<FieldManagers.Conflict> conflicts, Target t, String kind, String name) {
    StringBuilder message = new StringBuilder("Apply failed with ").append(conflicts.size())
        .append(conflicts.size() == 1 ? " conflict:" : " conflicts:");
    ArrayNode causes = JSON.createArrayNode();
    for (FieldManagers.Conflict c : conflicts) {
      String field = FieldManagers.describe(c.field());
      message.append(conflicts.size() == 1 ? " " : "\n").append("conflict with \"").append(c.manager())
          .append("\" using ").append(t.apiVersion()).append(": ").append(field);
      causes.addObject().put("reason", "FieldManagerConflict").put("message", "conflict with \"" + c.manager()
          + "\" using " + t.apiVersion()).put("field", field);
    }
    ObjectNode s = JSON.createObjectNode();
    s.put("kind", "Status").put("apiVersion", "v1").put("status", "Failure").put("message", message.toString())
        .put("reason", "Conflict").put("code", 409);
    s.putObject("details").put("name", name).put("group", t.group()).put("kind", t.plural()).set("causes", causes);
    s.putObject("metadata");
    return json(409, s);
  }

  // ---------------------------------------------------------------- container logs

  /**
   * {@code GET .../pods/NAME/log}: what the simulated container printed ({@link Kubelet#output}); 400 with the
   * API server's message while the container has not started, 404 for an unknown pod or container.
   */
  private MockResponse podLog(Target t, String path) {
    JsonNode pod = get(t.item(t.name()));
    if (pod == null) {
      return status(404, "NotFound", "pods \"" + t.name() + "\" not found", "pods", t.name());
    }
    String container = param(path, "container");
    List<String> names = new ArrayList<>();
    pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
    List<String> all = new ArrayList<>();
    pod.path("spec").path("initContainers").forEach(c -> all.add(c.path("name").asText()));
    all.addAll(names);
    if (container == null || container.isEmpty()) {
      if (names.size() != 1) {
        return status(400, "BadRequest", "a container name must be specified for pod " + t.name()
            + ", choose one of: " + names, null, null);
      }
      container = names.get(0);
    }
    if (!all.contains(container)) {
      return status(400, "BadRequest", "container " + container + " is not valid for pod " + t.name(), null, null);
    }
    boolean previous = "true".equals(param(path, "previous"));
    JsonNode spec = null;
    for (String list : List.of("initContainers", "containers")) {
      for (JsonNode c : pod.path("spec").path(list)) {
        if (c.path("name").asText().equals(container)) {
          spec = c;
        }
      }
    }
    JsonNode state = null;
    for (String list : List.of("initContainerStatuses", "containerStatuses")) {
      for (JsonNode cs : pod.path("status").path(list)) {
        if (cs.path("name").asText().equals(container)) {
          state = cs;
        }
      }
    }
    boolean started = state != null && (state.path("state").has("running") || state.path("state").has("terminated")
        || state.path("lastState").has("terminated"));
    if (previous && (state == null || !state.path("lastState").has("terminated"))) {
      return status(400, "BadRequest", "previous terminated container \"" + container + "\" in pod \"" + t.name()
          + "\" not found", null, null);
    }
    if (!started) {
      String reason = state == null ? "ContainerCreating"
          : state.path("state").path("waiting").path("reason").asText("ContainerCreating");
      return status(400, "BadRequest", "container \"" + container + "\" in pod \"" + t.name()
          + "\" is waiting to start: " + reason, null, null);
    }
    String log = PodLogs.render(Kubelet.output(spec), PodLogs.startedAt(state, previous), p -> param(path, p),
        Instant.now());
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(log);
  }

  /**
   * The container a {@code .../pods/NAME/log} request reads ({@code container=}, else the pod's only one), or null
   * when there is no such pod or the choice is ambiguous.
   */
  String logContainer(Target t, String path) {
    JsonNode pod = get(t.item(t.name()));
    String container = param(path, "container");
    if (pod == null || container != null && !container.isEmpty()) {
      return pod == null ? null : container;
    }
    JsonNode containers = pod.path("spec").path("containers");
    return containers.size() == 1 ? containers.get(0).path("name").asText() : null;
  }

  /** The stored pod a target names, or null. */
  JsonNode pod(Target t) {
    return get(t.item(t.name()));
  }

  // ---------------------------------------------------------------- discovery and other non-resource paths

  private MockResponse serveMeta(String bare, String accept) {
    if (bare.equals("/") || bare.isEmpty()) {
      return json(200, new RootPathsBuilder().addToPaths("/api", "/api/v1", "/apis", "/healthz", "/livez",
          "/metrics", "/readyz", "/version").build());
    }
    if (bare.equals("/metrics")) {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type",
          "text/plain; version=0.0.4; charset=utf-8").setBody(metrics.render(storedObjects()));
    }
    if (bare.equals("/version")) {
      return json(200, Map.of("major", "1", "minor", "29", "gitVersion", "v1.29.0-demo", "platform", "linux/amd64",
          "goVersion", "go1.21.5", "buildDate", "2024-01-01T00:00:00Z", "compiler", "gc", "gitTreeState", "clean",
          "gitCommit", "0000000000000000000000000000000000000000"));
    }
    if (bare.equals("/openapi/v2")) {
      // Kubernetes 1.20's document trimmed to the served kinds (OpenApi) with the CRDs' schemas merged in;
      // protobuf for kubectl up to 1.2x.
      if (String.valueOf(accept).contains("protobuf")) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", OpenApi.PROTOBUF)
            .setBody(new Buffer(OpenApi.get().v2Protobuf(crds())));
      }
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(new Buffer(OpenApi.get().v2Json(crds())));
    }
    if (bare.equals("/openapi/v3")) {
      return json(200, OpenApi.get().v3Index(crds()));
    }
    if (bare.startsWith("/openapi/v3/")) {
      return OpenApi.get().v3(bare.substring("/openapi/v3/".length()), crds())
          .map(doc -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
              .setBody(new Buffer(doc)))
          .orElseGet(() -> status(404, "NotFound", "the server could not find the requested resource", null, null));
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
    if (Boolean.TRUE.equals(RAW_WRITE.get())) {
      return false;
    }
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
      ((ObjectNode) list).withObjectProperty("metadata").put("resourceVersion",
          String.valueOf(watches.lastResourceVersion()));
      ((ObjectNode) list).put("apiVersion", group.isEmpty() ? version : group + "/" + version);
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(list.toString());
    } catch (IOException e) {
      return answer;
    }
  }

  /** A list in key order, one page of it when {@code limit}/{@code continue} ask ({@link Pages}). */
  private MockResponse paged(MockResponse answer, String path) {
    if (answer.code() != 200 || answer.getBody() == null) {
      return answer;
    }
    JsonNode list;
    try {
      list = JSON.readTree(answer.getBody().getBytes());
    } catch (IOException e) {
      return answer;
    }
    if (!(list instanceof ObjectNode o) || !list.path("items").isArray()) {
      return answer;
    }
    try {
      boolean selective = !Optional.ofNullable(param(path, "labelSelector")).orElse("").isBlank()
          || !Optional.ofNullable(param(path, "fieldSelector")).orElse("").isBlank();
      Pages.page(o, param(path, "limit"), param(path, "continue"), watches.compactedRevision(), !selective);
    } catch (Pages.Expired e) {
      ObjectNode s = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
      s.putObject("metadata").put("continue", e.inconsistentContinue());
      s.put("status", "Failure").put("message", e.getMessage()).put("reason", "Expired").put("code", 410);
      return new MockResponse().setResponseCode(410).setHeader("Content-Type", "application/json")
          .setBody(s.toString());
    }
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(o.toString());
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
        selector = URLDecoder.decode(param.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
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
    } catch (IOException e) {
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
      for (String part : FieldLabels.pathOf(kv[0].trim()).split("\\.")) {
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
        MockResponse answer = json(200, scaleOf(current));
        return Tables.wanted(request.getHeader("Accept")) ? asTable(answer, false) : answer;
      }
      case PUT, PATCH -> {
        JsonNode body;
        try {
          body = JSON.readTree(request.getBody().getBytes());
        } catch (IOException e) {
          return status(400, "BadRequest", "cannot decode Scale: " + e.getMessage(), null, null);
        }
        JsonNode replicas = body.path("spec").path("replicas");
        if (!replicas.isInt()) {
          return json(200, scaleOf(current));
        }
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("spec").put("replicas", replicas.asInt());
        Headers headers = request.getHeaders().newBuilder()
            .set("Content-Type", "application/merge-patch+json").build();
        MockResponse patched = super.dispatch(new RecordedRequest(request.getHttpVersion(),
            HttpMethod.PATCH, main, headers,
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
    } catch (IOException e) {
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
      MockResponse created = super.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(),
          request.getPath(), request.getHeaders(), new Buffer(ns.toString().getBytes(StandardCharsets.UTF_8))));
      if (created.code() < 300 && !name.isEmpty()) {
        // The service account controller gives every namespace its "default" ServiceAccount.
        ObjectNode account = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ServiceAccount");
        account.putObject("metadata").put("name", "default").put("namespace", name);
        super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.POST,
            "/api/v1/namespaces/" + name + "/serviceaccounts", request.getHeaders(),
            new Buffer(account.toString().getBytes(StandardCharsets.UTF_8))));
      }
      return created;
    } catch (IOException | ClassCastException e) {
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
    if ("All".equals(param(path, "dryRun")) || body.replace(" ", "").contains("\"dryRun\":[\"All\"]")) {
      // kubectl delete/drain --dry-run=server: answer what would be deleted, delete nothing.
      String bare = stripQuery(path);
      Target t = Target.parse(bare);
      if (t != null && t.name() == null) {
        return super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, path,
            request.getHeaders(), new Buffer(new byte[0])));
      }
      JsonNode current = get(bare);
      return current == null ? handleGet(bare) : json(200, current);
    }
    Set<String> before = uids();
    MockResponse response = handleDelete(path);
    if (response.code() < 300) {
      Matcher ns = NAMESPACE_ITEM.matcher(stripQuery(path));
      if (ns.matches() && get(stripQuery(path)) == null) {
        deleteNamespaceContents(ns.group("ns"));
      }
    }
    if (response.code() < 300) {
      Set<String> gone = new HashSet<>(before);
      gone.removeAll(uids());
      deletedUids.addAll(gone);
      // An owner that its finalizers keep (deletionTimestamp set): foreground propagation deletes its dependents now
      // (the garbage collector's foregroundDeletion finalizer, gone again once they are), orphaning orphans them now
      // (the orphan finalizer); background propagation waits until the owner is gone (see collectFinalized).
      Set<String> held = new HashSet<>();
      JsonNode remaining = Target.parse(stripQuery(path)) == null ? null : get(stripQuery(path));
      if (remaining != null && remaining.path("metadata").hasNonNull("deletionTimestamp")) {
        held.add(remaining.path("metadata").path("uid").asText());
      }
      boolean foreground = "Foreground".equals(param(path, "propagationPolicy"))
          || body.replace(" ", "").contains("\"propagationPolicy\":\"Foreground\"");
      if (!orphan) {
        collectGarbage(gone);
        if (foreground && !held.isEmpty()) {
          collectGarbage(held, held);
        }
      } else {
        gone.addAll(held);
        orphanDependents(request, gone);
      }
    }
    return response;
  }

  /**
   * An update that removed the last finalizer of an object being deleted: the API server deletes it and answers the
   * object as it was last (the mock answered an empty body: kubectl said "unexpected end of JSON input"); the garbage
   * collector then deletes its dependents (background propagation).
   */
  private MockResponse collectFinalized(Target t, String name, ObjectNode written, MockResponse response) {
    if (response.code() >= 300 || !written.path("metadata").hasNonNull("deletionTimestamp")
        || written.path("metadata").path("finalizers").size() > 0 || get(t.item(name)) != null) {
      return response;
    }
    String uid = written.path("metadata").path("uid").asText();
    deletedUids.add(uid);
    collectGarbage(new HashSet<>(Set.of(uid)));
    return response.getBody() != null && response.getBody().size() > 0 ? response : json(200, written);
  }

  /**
   * {@code POST .../pods/NAME/eviction} ({@code kubectl drain}): the pod's PodDisruptionBudget is consulted as the API
   * server consults it ({@link Evictions}): a refusal is answered (429 naming the budget, which drain retries), an
   * eviction that spends a disruption writes the budget's status first; then the pod is deleted (dependents as a
   * DELETE would), or with {@code dryRun} only found; 201 with a Success Status as the API server.
   */
  private MockResponse evict(RecordedRequest request, Target t) {
    if (request.method() != HttpMethod.POST) {
      return status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
          "pods", t.name());
    }
    String podPath = "/api/v1/namespaces/" + t.namespace() + "/pods/" + t.name();
    String body = text(request.getBody()).replace(" ", "");
    boolean dryRun = "All".equals(param(request.getPath(), "dryRun")) || body.contains("\"dryRun\":[\"All\"]");
    synchronized (evictions) {
      JsonNode pod = get(podPath);
      if (pod == null) {
        return status(404, "NotFound", "pods \"" + t.name() + "\" not found", "pods", t.name());
      }
      Evictions.Decision decision = Evictions.decide(pod,
          list("/apis/policy/v1/namespaces/" + t.namespace() + "/poddisruptionbudgets"), Instant.now());
      if (!decision.isAllowed()) {
        return json(decision.code(), decision.refusal());
      }
      if (!dryRun && decision.spentBudget() != null) {
        JsonNode spent = decision.spentBudget();
        String budgetPath = "/apis/policy/v1/namespaces/" + t.namespace() + "/poddisruptionbudgets/"
            + spent.path("metadata").path("name").asText();
        RAW_WRITE.set(Boolean.TRUE);
        try {
          MockResponse written = super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT,
              budgetPath, request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
              new Buffer(spent.toString().getBytes(StandardCharsets.UTF_8))));
          if (written.code() >= 300) {
            return written;
          }
        } finally {
          RAW_WRITE.remove();
        }
      }
      if (!dryRun) {
        MockResponse deleted = deleteWithGarbageCollection(new RecordedRequest(request.getHttpVersion(),
            HttpMethod.DELETE, podPath, request.getHeaders(), new Buffer(new byte[0])), podPath);
        if (deleted.code() >= 300) {
          return deleted;
        }
      }
    }
    ObjectNode s = JSON.createObjectNode();
    s.put("kind", "Status").put("apiVersion", "v1").put("status", "Success").put("code", 201);
    s.putObject("metadata");
    return json(201, s);
  }

  /** One eviction at a time: two that each saw one disruption left must not both spend it. */
  private final Object evictions = new Object();

  /**
   * The orphan finalizer: dependents of a deleted owner lose their ownerReferences to it (the next controller may
   * adopt them), as the garbage collector does for {@code propagationPolicy: Orphan}.
   */
  private void orphanDependents(RecordedRequest request, Set<String> gone) {
    for (Map.Entry<AttributeSet, JsonNode> e : snapshot().entrySet()) {
      JsonNode owners = e.getValue().path("metadata").path("ownerReferences");
      if (!owners.isArray() || owners.isEmpty()) {
        continue;
      }
      ArrayNode kept = JSON.createArrayNode();
      owners.forEach(o -> {
        if (!gone.contains(o.path("uid").asText())) {
          kept.add(o);
        }
      });
      String objectPath = pathOf(e.getKey());
      if (kept.size() == owners.size() || objectPath == null) {
        continue;
      }
      ObjectNode updated = e.getValue().deepCopy();
      if (kept.isEmpty()) {
        updated.withObjectProperty("metadata").remove("ownerReferences");
      } else {
        updated.withObjectProperty("metadata").set("ownerReferences", kept);
      }
      RAW_WRITE.set(Boolean.TRUE);
      try {
        Headers headers = request.getHeaders().newBuilder()
            .set("Content-Type", "application/json").build();
        super.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT, objectPath, headers,
            new Buffer(updated.toString().getBytes(StandardCharsets.UTF_8))));
      } finally {
        RAW_WRITE.remove();
      }
    }
  }

  /** The uids of every object deleted so far: an owner known to be gone (never reused, as uids are not). */
  private final Set<String> deletedUids = ConcurrentHashMap.newKeySet();

  /**
   * A create that names only owners already deleted: a controller acting on a stale cache (its owner's deletion
   * raced with its write). The garbage collector deletes such a dependent; so does this one, at once. Owners that
   * were never seen here are left alone (tests and scenarios may show a dangling owner on purpose).
   */
  private void collectIfOwnersDeleted(Target target, MockResponse created) {
    try {
      JsonNode object = JSON.readTree(created.getBody() == null ? new byte[0] : created.getBody().getBytes());
      JsonNode owners = object.path("metadata").path("ownerReferences");
      if (!owners.isArray() || owners.isEmpty()) {
        return;
      }
      for (JsonNode owner : owners) {
        if (!deletedUids.contains(owner.path("uid").asText())) {
          return;
        }
      }
      String name = object.path("metadata").path("name").asText("");
      if (!name.isEmpty() && handleDelete(target.item(name)).code() < 300) {
        LOG.debug("garbage collecting {} (its owners were deleted before it was created)",
            Escape.terminal(target.item(name)));
        String uid = object.path("metadata").path("uid").asText();
        deletedUids.add(uid);
        collectGarbage(new HashSet<>(Set.of(uid)));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot read a created object to check its owners", Escape.throwable(e));
    }
  }

  /** Background propagation: delete every object whose owners are all gone and one of them was just deleted. */
  private void collectGarbage(Set<String> deleted) {
    collectGarbage(deleted, Set.of());
  }

  /**
   * Like {@link #collectGarbage(Set)}, with {@code deleting} owners that still exist (held by finalizers) counted as
   * gone: foreground propagation deletes the dependents of an owner that is being deleted.
   */
  private void collectGarbage(Set<String> deleted, Set<String> deleting) {
    while (!deleted.isEmpty()) {
      Set<String> live = uids();
      live.removeAll(deleting);
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
            LOG.debug("garbage collecting {}", Escape.terminal(objectPath));
            handleDelete(objectPath);
            next.add(e.getValue().path("metadata").path("uid").asText());
          }
        }
      }
      next.removeAll(uids());
      deletedUids.addAll(next);
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
        + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural + "/" + PathNames.escape(name);
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
        LOG.warn("unparseable object in the mock store: {}", Escape.terminal(e.getMessage()));
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
    } catch (IOException e) {
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


  // ---------------------------------------------------------------- watch history

  Metrics metrics() {
    return metrics;
  }

  /** The stored objects per resource as {@code apiserver_storage_objects} names them ({@code deployments.apps}). */
  private Map<String, Long> storedObjects() {
    Map<String, Long> counts = new HashMap<>();
    synchronized (getMap()) {
      for (AttributeSet attributes : getMap().keySet()) {
        String plural = value(attributes, KubernetesAttributesExtractor.PLURAL);
        String api = value(attributes, KubernetesAttributesExtractor.API);
        if (plural != null) {
          counts.merge(api == null ? plural : plural + "." + api, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  Watches watches() {
    return watches;
  }

  /** Every stored object under a collection path (all namespaces for a cluster-wide one). */
  List<JsonNode> listAll(String collection) {
    return list(collection);
  }

  /** The mock's, except that an object without a generation keeps none (the mock failed on it). */
  @Override
  public void preserveMetadata(JsonNode currentResource, JsonNode updatedResource) {
    JsonNode current = currentResource.path("metadata");
    ObjectNode updated = (ObjectNode) updatedResource.get("metadata");
    updated.put("namespace", current.path("namespace").asText(null));
    for (String field : List.of("uid", "creationTimestamp", "resourceVersion")) {
      updated.put(field, current.path(field).asText());
    }
    if (current.has("generation")) {
      updated.set("generation", current.get("generation").deepCopy());
    }
  }

  /** The API server's rule ({@link Generations}), not the mock's byte-wise one. */
  @Override
  public void touchGeneration(JsonNode currentResource, JsonNode updatedResource) {
    Generations.updated(currentResource, updatedResource);
  }

  /** Every change to the store goes through here: recorded for watches over chunked HTTP. */
  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    String existing = oldAttributes == null ? null : getMap().get(oldAttributes);
    if (existing == null && newState != null) {
      newState = createdState(newState);
    }
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (Objects.equals(existing, newState)) {
      return;
    }
    try {
      if (newState == null) {
        if (existing != null) {
          ObjectNode gone = (ObjectNode) JSON.readTree(existing);
          long rv = requestResourceVersion();
          gone.withObjectProperty("metadata").put("resourceVersion", String.valueOf(rv));
          watches.publish("DELETED", gone, rv);
        }
      } else {
        ObjectNode now = (ObjectNode) JSON.readTree(newState);
        watches.publish(existing == null ? "ADDED" : "MODIFIED", now, Watches.rv(now));
      }
    } catch (JsonProcessingException | ClassCastException e) {
      LOG.warn("cannot record a watch event for {}: {}", Escape.terminal(path), Escape.terminal(e.toString()));
    }
  }

  /** A created object as stored: the mock gives every kind generation 1, the API server only some. */
  private static String createdState(String state) {
    try {
      JsonNode created = JSON.readTree(state);
      if (created.path("metadata").has("generation") && !Generations.tracked(created)) {
        Generations.created(created);
        return created.toString();
      }
    } catch (JsonProcessingException e) {
      LOG.debug("cannot read a created object: {}", Escape.terminal(e.toString()));
    }
    return state;
  }

  /**
   * The answer to a create (a POST, or a server-side apply that created), as stored ({@link #createdState}); the mock
   * answers what it had before storing.
   */
  private static MockResponse asCreated(MockResponse answer) {
    if (answer.code() != 201 && answer.code() != 200 || answer.getBody() == null) {
      return answer;
    }
    String body = text(answer.getBody());
    String stored = createdState(body);
    return stored.equals(body) ? answer : answer.setBody(stored);
  }

  static String statusJson(int code, String reason, String message) {
    Status s = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
        .build();
    s.setApiVersion("v1");
    s.setKind("Status");
    return Serialization.asJson(s);
  }

  // ---------------------------------------------------------------- responses

  private static MockResponse asTable(MockResponse answer, boolean includeObject) {
    try {
      JsonNode table = Tables.table(JSON.readTree(answer.getBody().getBytes()), Instant.now(),
          includeObject);
      return table == null ? answer : json(200, table);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot print a table: {}", Escape.terminal(e.toString()));
      return answer;
    }
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(body));
  }

  /** A failure Status whose details name the resource as the API server does: {@code kind} plural, {@code group}. */
  private static MockResponse statusOf(int code, String reason, String message, Target target, String name) {
    StatusBuilder b = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
        .withMessage(message);
    b.withNewDetails().withKind(target.plural()).withGroup(target.group().isEmpty() ? null : target.group())
        .withName(name).endDetails();
    Status s = b.build();
    s.setApiVersion("v1");
    s.setKind("Status");
    return json(code, s);
  }

  /** The API server's 422 for a name its validation refuses; kubectl prints "The KIND "NAME" is invalid: ...". */
  private static MockResponse invalidName(String kind, String name, String why) {
    String cause = "Invalid value: " + JSON.getNodeFactory().textNode(name) + ": " + why;
    ObjectNode s = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure").put("message", kind + " \"" + name + "\" is invalid: metadata.name: " + cause)
        .put("reason", "Invalid");
    s.putObject("details").put("name", name).put("kind", kind).putArray("causes").addObject()
        .put("reason", "FieldValueInvalid").put("message", cause).put("field", "metadata.name");
    s.put("code", 422);
    return json(422, s);
  }

  /** A 422 {@code Invalid} with one field error ({@code errors.NewInvalid}: the kind qualified by its group). */
  private static MockResponse invalidField(String kind, String group, String name, String field, String cause) {
    ObjectNode s = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure").put("message", kind + (group.isEmpty() ? "" : "." + group) + " \"" + name
        + "\" is invalid: " + field + ": " + cause).put("reason", "Invalid");
    ObjectNode details = s.putObject("details").put("name", name);
    if (!group.isEmpty()) {
      details.put("group", group);
    }
    details.put("kind", kind).putArray("causes").addObject().put("reason", "FieldValueInvalid").put("message", cause)
        .put("field", field);
    s.put("code", 422);
    return json(422, s);
  }

  /**
   * A JSON patch whose operation fails (a {@code test} that does not hold, a path that is not there): the API server's
   * {@code NewGenericServerResponse(422, ...)} in {@code jsonPatcher.applyJSPatch}, a 422 {@code Invalid} naming no
   * kind and no object, the patch library's error as the one cause, so kubectl prints "The request is invalid".
   */
  private static MockResponse rejectedPatch(String why) {
    Status s = new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
        .withMessage("the server rejected our request due to an error in our request")
        .withNewDetails().addNewCause().withReason("UnexpectedServerResponse").withMessage(why).endCause()
        .endDetails().build();
    s.setApiVersion("v1");
    s.setKind("Status");
    return json(422, s);
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
