package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The OpenAPI documents the demo cluster serves: Kubernetes 1.20's own {@code swagger.json}, trimmed to the kinds
 * the cluster serves (openapi/SOURCE.md), as {@code /openapi/v2} in JSON and in gnostic's protobuf
 * ({@code openapi_v2.Document}, which kubectl up to 1.2x reads for {@code explain}, validation and the dry-run
 * check of {@code diff}), and as {@code /openapi/v3}: an index of group-versions and, per group-version, an
 * OpenAPI 3.0 document converted from the v2 one (kubectl 1.27+ {@code explain}). Immutable, thread-safe.
 */
final class OpenApi {

  /** The Content-Type the API server answers (kubectl asks for "...spec.v2@v1.0+protobuf", which Go's mime refuses). */
  static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
  private static final String DEFINITIONS = "#/definitions/";
  private static final String SCHEMAS = "#/components/schemas/";

  private final JsonNode v2;
  private final byte[] v2Json;
  private volatile byte[] v2Protobuf;
  private final Map<String, byte[]> v3 = new ConcurrentHashMap<>();
  private final Map<String, String> v3Hashes = new TreeMap<>();

  private OpenApi(JsonNode v2) {
    this.v2 = v2;
    this.v2Json = v2.toString().getBytes(StandardCharsets.UTF_8);
    for (String gv : groupVersions()) {
      v3Hashes.put(gv, sha512(v3Document(gv).toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static final class Holder {
    static final OpenApi INSTANCE = load();
  }

  /** The shipped document (loaded once). */
  static OpenApi get() {
    return Holder.INSTANCE;
  }

  private static OpenApi load() {
    try (InputStream in = OpenApi.class.getResourceAsStream("openapi-v2.json.gz")) {
      if (in == null) {
        throw new IllegalStateException("openapi-v2.json.gz is missing from the demo cluster's class path");
      }
      return new OpenApi(DemoDispatcher.JSON.readTree(new GZIPInputStream(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo cluster's OpenAPI document", e);
    }
  }

  JsonNode v2() {
    return v2;
  }

  byte[] v2Json() {
    return v2Json;
  }

  byte[] v2Protobuf() {
    byte[] bytes = v2Protobuf;
    if (bytes == null) {
      bytes = Proto.document(v2);
      v2Protobuf = bytes;
    }
    return bytes;
  }

  /** The v2 document with the custom resources of one set of CRDs merged in (JSON, protobuf made on demand). */
  private record WithCustomResources(String key, JsonNode doc, byte[] json, byte[][] protobuf) {
  }

  private volatile WithCustomResources withCustomResources;

  /** {@code /openapi/v2} in JSON with each served CRD version merged in ({@link #customResourceDefinitionsV2}). */
  byte[] v2Json(List<JsonNode> crds) {
    return crds.isEmpty() ? v2Json : merged(crds).json();
  }

  /** {@code /openapi/v2} in gnostic's protobuf with each served CRD version merged in. */
  byte[] v2Protobuf(List<JsonNode> crds) {
    if (crds.isEmpty()) {
      return v2Protobuf();
    }
    WithCustomResources merged = merged(crds);
    synchronized (merged.protobuf()) {
      if (merged.protobuf()[0] == null) {
        merged.protobuf()[0] = Proto.document(merged.doc());
      }
      return merged.protobuf()[0];
    }
  }

  private WithCustomResources merged(List<JsonNode> crds) {
    StringBuilder specs = new StringBuilder();
    crds.forEach(crd -> specs.append(crd.path("spec")).append('\n'));
    String key = sha512(specs.toString().getBytes(StandardCharsets.UTF_8));
    WithCustomResources current = withCustomResources;
    if (current != null && current.key().equals(key)) {
      return current;
    }
    ObjectNode doc = v2.deepCopy();
    ObjectNode definitions = (ObjectNode) doc.path("definitions");
    ObjectNode paths = (ObjectNode) doc.path("paths");
    customResourceDefinitionsV2(crds, definitions, paths);
    current = new WithCustomResources(key, doc, doc.toString().getBytes(StandardCharsets.UTF_8), new byte[1][]);
    withCustomResources = current;
    return current;
  }

  /**
   * What kube-apiserver merges into {@code /openapi/v2} for each served version of each CRD (apiextensions-apiserver's
   * {@code controller/openapi/builder} with {@code V2: true}): the definition {@code <reversed group>.<version>.<Kind>}
   * is the declared schema converted to what Swagger 2.0 and kubectl can take ({@link #toV2}), with {@code metadata}
   * (ObjectMeta), {@code apiVersion} and {@code kind} added, the fields of embedded resources likewise, and
   * {@code x-kubernetes-group-version-kind}; a version without a schema, or whose root preserves unknown fields, is
   * only {@code type: object} (kubectl would otherwise refuse every field it does not list). Plus {@code <ListKind>}
   * and the item path (made from the Job's, as in {@link #customResourcePath}; its PATCH lists {@code dryRun}, which
   * kubectl 1.20's {@code diff} looks for).
   */
  void customResourceDefinitionsV2(List<JsonNode> crds, ObjectNode definitions, ObjectNode paths) {
    JsonNode pod = v2.path("definitions").path("io.k8s.api.core.v1.Pod").path("properties");
    for (JsonNode crd : crds) {
      JsonNode spec = crd.path("spec");
      String group = spec.path("group").asText();
      String kind = spec.path("names").path("kind").asText();
      String listKind = spec.path("names").path("listKind").asText(kind + "List");
      String plural = spec.path("names").path("plural").asText();
      for (JsonNode version : spec.path("versions")) {
        if (!version.path("served").asBoolean(false) || group.isEmpty() || kind.isEmpty()) {
          continue;
        }
        String v = version.path("name").asText();
        String name = reversed(group) + "." + v + "." + kind;
        JsonNode declared = version.path("schema").path("openAPIV3Schema");
        ObjectNode object;
        if (!declared.isObject() || declared.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
            || spec.path("preserveUnknownFields").asBoolean(false)) {
          object = DemoDispatcher.JSON.createObjectNode().put("type", "object");
        } else {
          object = toV2(declared.deepCopy());
          ObjectNode properties = object.withObjectProperty("properties");
          properties.set("metadata", metadataRef("ObjectMeta", pod.path("metadata")));
          properties.set("apiVersion", pod.path("apiVersion").deepCopy());
          properties.set("kind", pod.path("kind").deepCopy());
          embedded(object, pod);
        }
        object.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("kind", kind)
            .put("version", v);
        definitions.set(name, object);

        ObjectNode list = DemoDispatcher.JSON.createObjectNode();
        list.put("description", listKind + " is a list of " + kind);
        list.putArray("required").add("items");
        ObjectNode listProperties = list.putObject("properties");
        listProperties.set("apiVersion", pod.path("apiVersion").deepCopy());
        ObjectNode items = listProperties.putObject("items");
        items.put("description", "List of " + plural + ". More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md");
        items.put("type", "array").putObject("items").put("$ref", DEFINITIONS + name);
        listProperties.set("kind", pod.path("kind").deepCopy());
        listProperties.set("metadata", metadataRef("ListMeta", DemoDispatcher.JSON.createObjectNode().put(
            "description", "Standard list metadata. More info: "
                + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")));
        list.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("kind", listKind)
            .put("version", v);
        definitions.set(reversed(group) + "." + v + "." + listKind, list);

        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        String item = "/apis/" + group + "/" + v + (namespaced ? "/namespaces/{namespace}/" : "/") + plural
            + "/{name}";
        paths.set(item, customResourcePathV2(name, kind, group, v, namespaced));
      }
    }
  }

  private static ObjectNode metadataRef(String type, JsonNode described) {
    ObjectNode ref = DemoDispatcher.JSON.createObjectNode();
    ref.put("$ref", DEFINITIONS + "io.k8s.apimachinery.pkg.apis.meta.v1." + type);
    if (described.hasNonNull("description")) {
      ref.put("description", described.path("description").asText());
    }
    return ref;
  }

  /** The Job's v2 item path with the custom resource's definition and kind (the namespace parameter only if namespaced). */
  private JsonNode customResourcePathV2(String definition, String kind, String group, String version,
      boolean namespaced) {
    String text = v2.path("paths").path("/apis/batch/v1/namespaces/{namespace}/jobs/{name}").toString()
        .replace(DEFINITIONS + "io.k8s.api.batch.v1.Job\"", DEFINITIONS + definition + "\"");
    try {
      ObjectNode item = (ObjectNode) DemoDispatcher.JSON.readTree(text);
      if (!namespaced && item.get("parameters") instanceof ArrayNode parameters) {
        for (int i = parameters.size() - 1; i >= 0; i--) {
          if ("namespace".equals(parameters.get(i).path("name").asText())) {
            parameters.remove(i);
          }
        }
      }
      item.forEach(operation -> {
        if (operation instanceof ObjectNode op && op.has("x-kubernetes-group-version-kind")) {
          op.putObject("x-kubernetes-group-version-kind").put("group", group).put("kind", kind)
              .put("version", version);
          if ("patch".equals(op.path("x-kubernetes-action").asText()) && op.get("consumes") instanceof ArrayNode c) {
            // a custom resource takes no strategic merge patch
            for (int i = c.size() - 1; i >= 0; i--) {
              if (c.get(i).asText().contains("strategic")) {
                c.remove(i);
              }
            }
          }
        }
      });
      return item;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * ToStructuralOpenAPIV2 (apiextensions-apiserver {@code controller/openapi/v2}), each schema before the ones it
   * holds: allOf, oneOf, anyOf and not dropped; a nullable schema loses its type, items and properties (and its name in
   * the parent's required, as does every field when additionalProperties are nullable); a schema preserving unknown
   * fields loses items and properties, and its type if that was object; an array without items loses its type.
   */
  static ObjectNode toV2(ObjectNode s) {
    for (String junctor : new String[] {"allOf", "oneOf", "anyOf", "not"}) {
      s.remove(junctor);
    }
    if (s.path("nullable").asBoolean(false)) {
      s.remove(List.of("type", "items", "properties"));
    }
    s.remove("nullable");
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (preserve) {
      s.remove(List.of("items", "properties"));
    }
    if ("array".equals(s.path("type").asText()) && !s.has("items")) {
      s.remove("type");
    }
    if (preserve && "object".equals(s.path("type").asText())) {
      s.remove("type");
    }
    if (s.get("required") instanceof ArrayNode required && s.get("properties") instanceof ObjectNode properties) {
      for (int i = required.size() - 1; i >= 0; i--) {
        if (properties.path(required.get(i).asText()).path("nullable").asBoolean(false)) {
          required.remove(i);
        }
      }
    }
    if (s.path("additionalProperties").path("nullable").asBoolean(false)) {
      s.remove("required");
    }
    if (s.get("required") instanceof ArrayNode required && required.isEmpty()) {
      s.remove("required");
    }
    if (s.get("properties") instanceof ObjectNode properties) {
      properties.forEach(p -> {
        if (p instanceof ObjectNode o) {
          toV2(o);
        }
      });
    }
    if (s.get("items") instanceof ObjectNode items) {
      toV2(items);
    }
    if (s.get("additionalProperties") instanceof ObjectNode additional) {
      toV2(additional);
    }
    return s;
  }

  /**
   * addEmbeddedProperties: a schema marked {@code x-kubernetes-embedded-resource} gets apiVersion, kind (required)
   * and metadata, unless it preserves unknown fields (kubectl would then refuse the fields it does not list).
   */
  private static void embedded(ObjectNode s, JsonNode pod) {
    if (s.get("properties") instanceof ObjectNode properties) {
      properties.forEach(p -> {
        if (p instanceof ObjectNode o) {
          embedded(o, pod);
        }
      });
    }
    if (s.get("items") instanceof ObjectNode items) {
      embedded(items, pod);
    }
    if (s.get("additionalProperties") instanceof ObjectNode additional) {
      embedded(additional, pod);
    }
    if (s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        || !s.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      return;
    }
    ObjectNode properties = s.withObjectProperty("properties");
    properties.set("apiVersion", pod.path("apiVersion").deepCopy());
    properties.set("kind", pod.path("kind").deepCopy());
    properties.set("metadata", metadataRef("ObjectMeta", pod.path("metadata")));
    ArrayNode required = s.withArrayProperty("required");
    for (String field : new String[] {"kind", "apiVersion"}) {
      boolean has = false;
      for (JsonNode r : required) {
        has |= r.asText().equals(field);
      }
      if (!has) {
        required.add(field);
      }
    }
  }

  /** {@code /openapi/v3}: each group-version's path with a content hash, as the API server lists them. */
  ObjectNode v3Index() {
    ObjectNode root = DemoDispatcher.JSON.createObjectNode();
    ObjectNode paths = root.putObject("paths");
    v3Hashes.forEach((gv, hash) -> paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv + "?hash="
        + hash));
    return root;
  }

  /** {@code /openapi/v3/api/v1}, {@code /openapi/v3/apis/apps/v1}: empty for a group-version not in the document. */
  Optional<byte[]> v3(String groupVersionPath) {
    if (!v3Hashes.containsKey(groupVersionPath)) {
      return Optional.empty();
    }
    return Optional.of(v3.computeIfAbsent(groupVersionPath, gv -> v3Document(gv).toString()
        .getBytes(StandardCharsets.UTF_8)));
  }

  /** The index with each served version of each custom resource definition added, as the API server adds them. */
  ObjectNode v3Index(List<JsonNode> crds) {
    ObjectNode root = v3Index();
    ObjectNode paths = (ObjectNode) root.get("paths");
    customResourceDocuments(crds).forEach((gv, doc) -> paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/"
        + gv + "?hash=" + sha512(doc.toString().getBytes(StandardCharsets.UTF_8))));
    return root;
  }

  /** A group-version's document: a custom resource's ({@link #customResourceDocuments}) or the shipped one's. */
  Optional<byte[]> v3(String groupVersionPath, List<JsonNode> crds) {
    ObjectNode custom = customResourceDocuments(crds).get(groupVersionPath);
    return custom != null ? Optional.of(custom.toString().getBytes(StandardCharsets.UTF_8)) : v3(groupVersionPath);
  }

  /**
   * {@code apis/GROUP/VERSION} of each served version of each CRD: the version's {@code openAPIV3Schema} as declared,
   * with {@code apiVersion}, {@code kind} and {@code metadata} (ObjectMeta) added and
   * {@code x-kubernetes-group-version-kind}, named {@code <reversed group>.<version>.<Kind>} as the API server names
   * it, and its {@code <Kind>List}; plus the meta schemas they reach. No paths (kubectl explain reads the schemas).
   */
  Map<String, ObjectNode> customResourceDocuments(List<JsonNode> crds) {
    Map<String, ObjectNode> docs = new TreeMap<>();
    for (JsonNode crd : crds) {
      JsonNode spec = crd.path("spec");
      String group = spec.path("group").asText();
      String kind = spec.path("names").path("kind").asText();
      String listKind = spec.path("names").path("listKind").asText(kind + "List");
      for (JsonNode version : spec.path("versions")) {
        if (!version.path("served").asBoolean(false) || group.isEmpty() || kind.isEmpty()) {
          continue;
        }
        String v = version.path("name").asText();
        ObjectNode doc = docs.computeIfAbsent("apis/" + group + "/" + v, gv -> {
          ObjectNode d = DemoDispatcher.JSON.createObjectNode();
          d.put("openapi", "3.0.0");
          d.putObject("info").put("title", "Kubernetes CRD Swagger").put("version", "v0.1.0");
          d.putObject("paths");
          d.putObject("components").putObject("schemas");
          return d;
        });
        ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
        String prefix = reversed(group) + "." + v + ".";
        JsonNode declared = version.path("schema").path("openAPIV3Schema");
        ObjectNode object = declared.isObject() ? (ObjectNode) declared.deepCopy()
            : DemoDispatcher.JSON.createObjectNode();
        object.put("type", object.path("type").asText("object"));
        ObjectNode properties = object.withObjectProperty("properties");
        typeMeta(properties);
        properties.putObject("metadata").put("$ref", SCHEMAS + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        object.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("kind", kind)
            .put("version", v);
        schemas.set(prefix + kind, object);
        ObjectNode list = DemoDispatcher.JSON.createObjectNode();
        list.put("description", listKind + " is a list of " + kind).put("type", "object");
        list.putArray("required").add("items");
        ObjectNode listProperties = list.putObject("properties");
        typeMeta(listProperties);
        listProperties.putObject("items").put("type", "array").putObject("items").put("$ref", SCHEMAS + prefix + kind);
        listProperties.putObject("metadata").put("$ref", SCHEMAS + "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta");
        list.putArray("x-kubernetes-group-version-kind").addObject().put("group", group).put("kind", listKind)
            .put("version", v);
        schemas.set(prefix + listKind, list);
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        String base = "/apis/" + group + "/" + v + (namespaced ? "/namespaces/{namespace}/" : "/")
            + spec.path("names").path("plural").asText();
        ObjectNode paths = (ObjectNode) doc.path("paths");
        paths.set(base, customResourcePath("/apis/batch/v1/namespaces/{namespace}/jobs", prefix, kind, listKind,
            group, v));
        paths.set(base + "/{name}", customResourcePath("/apis/batch/v1/namespaces/{namespace}/jobs/{name}", prefix,
            kind, listKind, group, v));
      }
    }
    for (ObjectNode doc : docs.values()) {
      ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
      Set<String> reached = new HashSet<>(Set.of("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
          "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"));
      withDefinitionsReached(reached);
      new TreeMap<>(Map.copyOf(reached.stream().collect(Collectors.toMap(n -> n,
          n -> v2.path("definitions").path(n))))).forEach((name, schema) -> schemas.set(name,
              rewriteRefs(schema.deepCopy())));
    }
    return docs;
  }

  /**
   * A custom resource's path item, made from the Job's as the API server builds every resource's from one template:
   * kubectl explain finds the kind through the {@code x-kubernetes-group-version-kind} of the path's operations.
   */
  private JsonNode customResourcePath(String jobPath, String prefix, String kind, String listKind, String group,
      String version) {
    String text = pathItem(v2.path("paths").path(jobPath)).toString()
        .replace(SCHEMAS + "io.k8s.api.batch.v1.JobList\"", SCHEMAS + prefix + listKind + "\"")
        .replace(SCHEMAS + "io.k8s.api.batch.v1.Job\"", SCHEMAS + prefix + kind + "\"");
    try {
      JsonNode item = DemoDispatcher.JSON.readTree(text);
      item.forEach(operation -> {
        if (operation instanceof ObjectNode op && op.has("x-kubernetes-group-version-kind")) {
          op.putObject("x-kubernetes-group-version-kind").put("group", group).put("kind", kind)
              .put("version", version);
        }
      });
      return item;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code apiVersion} and {@code kind} with the descriptions every kind's schema has (taken from Pod's). */
  private void typeMeta(ObjectNode properties) {
    JsonNode pod = v2.path("definitions").path("io.k8s.api.core.v1.Pod").path("properties");
    for (String field : new String[] {"apiVersion", "kind"}) {
      properties.putObject(field).put("description", pod.path(field).path("description").asText())
          .put("type", "string");
    }
  }

  private static String reversed(String group) {
    List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
    Collections.reverse(parts);
    return String.join(".", parts);
  }

  /** "api/v1", "apis/apps/v1", ... of the paths in the v2 document. */
  private Set<String> groupVersions() {
    Set<String> out = new TreeSet<>();
    v2.path("paths").fieldNames().forEachRemaining(p -> out.add(groupVersionOf(p)));
    return out;
  }

  private static String groupVersionOf(String path) {
    String[] parts = path.split("/");
    return parts[1].equals("api") ? "api/" + parts[2] : "apis/" + parts[2] + "/" + parts[3];
  }

  /** An OpenAPI 3.0 document with the group-version's paths and the schemas they reach (refs rewritten). */
  private ObjectNode v3Document(String groupVersion) {
    ObjectNode doc = DemoDispatcher.JSON.createObjectNode();
    doc.put("openapi", "3.0.0");
    doc.set("info", v2.path("info").deepCopy());
    ObjectNode paths = doc.putObject("paths");
    Set<String> reached = new HashSet<>();
    v2.path("paths").properties().forEach(e -> {
      if (groupVersionOf(e.getKey()).equals(groupVersion)) {
        paths.set(e.getKey(), pathItem(e.getValue()));
        refs(e.getValue(), reached);
      }
    });
    withDefinitionsReached(reached);
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    new TreeMap<String, JsonNode>() {
      {
        reached.forEach(name -> put(name, v2.path("definitions").path(name)));
      }
    }.forEach((name, schema) -> schemas.set(name, rewriteRefs(schema.deepCopy())));
    return doc;
  }

  /** Adds to {@code reached} every definition the v2 document reaches from those already in it, transitively. */
  private void withDefinitionsReached(Set<String> reached) {
    ArrayDeque<String> todo = new ArrayDeque<>(reached);
    while (!todo.isEmpty()) {
      Set<String> found = new HashSet<>();
      refs(v2.path("definitions").path(todo.pop()), found);
      for (String f : found) {
        if (reached.add(f)) {
          todo.add(f);
        }
      }
    }
  }

  private static void refs(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("$ref") && e.getValue().asText().startsWith(DEFINITIONS)) {
          out.add(e.getValue().asText().substring(DEFINITIONS.length()));
        } else {
          refs(e.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> refs(n, out));
    }
  }

  private static JsonNode rewriteRefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asText().startsWith(DEFINITIONS)) {
        object.put("$ref", SCHEMAS + ref.asText().substring(DEFINITIONS.length()));
      }
      object.properties().forEach(e -> rewriteRefs(e.getValue()));
    } else if (node instanceof ArrayNode array) {
      array.forEach(OpenApi::rewriteRefs);
    }
    return node;
  }

  /** A v2 path item as v3: parameters with schemas, the body as requestBody, responses with content. */
  private static ObjectNode pathItem(JsonNode item) {
    ObjectNode out = DemoDispatcher.JSON.createObjectNode();
    item.properties().forEach(e -> {
      if (e.getKey().equals("parameters")) {
        out.set("parameters", parameters(e.getValue()));
      } else if (e.getValue().isObject()) {
        out.set(e.getKey(), operation(e.getValue()));
      } else {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return out;
  }

  private static ObjectNode operation(JsonNode op) {
    ObjectNode out = DemoDispatcher.JSON.createObjectNode();
    op.properties().forEach(e -> {
      switch (e.getKey()) {
        case "parameters" -> {
          out.set("parameters", parameters(e.getValue()));
          for (JsonNode p : e.getValue()) {
            if (p.path("in").asText().equals("body")) {
              ObjectNode content = out.putObject("requestBody").putObject("content");
              for (JsonNode type : op.path("consumes").isMissingNode() ? DemoDispatcher.JSON.createArrayNode()
                  .add("*/*") : op.path("consumes")) {
                content.putObject(type.asText()).set("schema", rewriteRefs(p.path("schema").deepCopy()));
              }
              out.with("requestBody").put("required", p.path("required").asBoolean());
            }
          }
        }
        case "responses" -> {
          ObjectNode responses = out.putObject("responses");
          e.getValue().properties().forEach(r -> {
            ObjectNode response = responses.putObject(r.getKey());
            response.put("description", r.getValue().path("description").asText());
            if (r.getValue().has("schema")) {
              ObjectNode content = response.putObject("content");
              for (JsonNode type : op.path("produces")) {
                content.putObject(type.asText()).set("schema", rewriteRefs(r.getValue().get("schema").deepCopy()));
              }
            }
          });
        }
        case "consumes", "produces", "schemes" -> { }
        default -> out.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return out;
  }

  private static ArrayNode parameters(JsonNode parameters) {
    ArrayNode out = DemoDispatcher.JSON.createArrayNode();
    for (JsonNode p : parameters) {
      if (p.path("in").asText().equals("body")) {
        continue;
      }
      ObjectNode param = out.addObject();
      ObjectNode schema = DemoDispatcher.JSON.createObjectNode();
      p.properties().forEach(e -> {
        switch (e.getKey()) {
          case "name", "in", "description", "required" -> param.set(e.getKey(), e.getValue());
          default -> schema.set(e.getKey(), e.getValue());
        }
      });
      param.set("schema", schema);
    }
    return out;
  }

  private static String sha512(byte[] bytes) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes))
          .substring(0, 128);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * gnostic's {@code openapi_v2.Document} (github.com/googleapis/gnostic, openapiv2/OpenAPIv2.proto), for the
   * parts of a Kubernetes document: info, paths (operations, parameters, responses) and definitions. Vendor
   * extensions carry their value as YAML (JSON is YAML), as gnostic does.
   */
  static final class Proto {

    private Proto() {
    }

    static byte[] document(JsonNode doc) {
      Message m = new Message();
      m.string(1, doc.path("swagger").asText("2.0"));
      Message info = new Message();
      info.string(1, doc.path("info").path("title").asText());
      info.string(2, doc.path("info").path("version").asText());
      m.message(2, info);
      Message paths = new Message();
      doc.path("paths").properties().forEach(e -> paths.message(2, named(e.getKey(), pathItem(e.getValue()))));
      m.message(8, paths);
      Message definitions = new Message();
      doc.path("definitions").properties().forEach(e -> definitions.message(1, named(e.getKey(),
          schema(e.getValue()))));
      m.message(9, definitions);
      return m.bytes();
    }

    private static Message named(String name, Message value) {
      Message m = new Message();
      m.string(1, name);
      m.message(2, value);
      return m;
    }

    private static Message pathItem(JsonNode item) {
      Message m = new Message();
      Map<String, Integer> fields = Map.of("get", 2, "put", 3, "post", 4, "delete", 5, "options", 6, "head", 7,
          "patch", 8);
      item.properties().forEach(e -> {
        if (fields.containsKey(e.getKey())) {
          m.message(fields.get(e.getKey()), operation(e.getValue()));
        } else if (e.getKey().equals("parameters")) {
          e.getValue().forEach(p -> m.message(9, parametersItem(p)));
        } else if (e.getKey().startsWith("x-")) {
          m.message(10, namedAny(e.getKey(), e.getValue()));
        }
      });
      return m;
    }

    private static Message operation(JsonNode op) {
      Message m = new Message();
      op.path("tags").forEach(t -> m.string(1, t.asText()));
      m.string(3, op.path("description").asText(null));
      m.string(5, op.path("operationId").asText(null));
      op.path("produces").forEach(t -> m.string(6, t.asText()));
      op.path("consumes").forEach(t -> m.string(7, t.asText()));
      op.path("parameters").forEach(p -> m.message(8, parametersItem(p)));
      Message responses = new Message();
      op.path("responses").properties().forEach(r -> {
        Message response = new Message();
        response.string(1, r.getValue().path("description").asText());
        if (r.getValue().has("schema")) {
          Message item = new Message();
          item.message(1, schema(r.getValue().get("schema")));
          response.message(2, item);
        }
        Message value = new Message();
        value.message(1, response);
        responses.message(1, named(r.getKey(), value));
      });
      m.message(9, responses);
      op.path("schemes").forEach(t -> m.string(10, t.asText()));
      extensions(op, m, 13);
      return m;
    }

    private static Message parametersItem(JsonNode p) {
      Message parameter = new Message();
      String in = p.path("in").asText();
      if (in.equals("body")) {
        Message body = new Message();
        body.string(1, p.path("description").asText(null));
        body.string(2, p.path("name").asText());
        body.string(3, in);
        body.bool(4, p.path("required").asBoolean());
        body.message(5, schema(p.path("schema")));
        parameter.message(1, body);
      } else {
        // QueryParameterSubSchema and PathParameterSubSchema: required 1, in 2, description 3, name 4; type is 6
        // for a query parameter (5 is allow_empty_value) and 5 for a path parameter; unique_items 20 / 19.
        boolean query = !in.equals("path");
        Message sub = new Message();
        sub.bool(1, p.path("required").asBoolean());
        sub.string(2, in);
        sub.string(3, p.path("description").asText(null));
        sub.string(4, p.path("name").asText());
        sub.string(query ? 6 : 5, p.path("type").asText(null));
        sub.bool(query ? 20 : 19, p.path("uniqueItems").asBoolean());
        Message nonBody = new Message();
        nonBody.message(query ? 3 : 4, sub);
        parameter.message(2, nonBody);
      }
      Message item = new Message();
      item.message(1, parameter);
      return item;
    }

    private static Message schema(JsonNode s) {
      Message m = new Message();
      m.string(1, s.path("$ref").asText(null));
      m.string(2, s.path("format").asText(null));
      m.string(4, s.path("description").asText(null));
      s.path("required").forEach(r -> m.string(19, r.asText()));
      s.path("enum").forEach(v -> m.message(20, any(v)));
      JsonNode additional = s.get("additionalProperties");
      if (additional != null) {
        Message item = new Message();
        if (additional.isBoolean()) {
          item.bool(2, additional.asBoolean());
        } else {
          item.message(1, schema(additional));
        }
        m.message(21, item);
      }
      if (s.has("type")) {
        Message type = new Message();
        if (s.get("type").isArray()) {
          s.get("type").forEach(t -> type.string(1, t.asText()));
        } else {
          type.string(1, s.get("type").asText());
        }
        m.message(22, type);
      }
      if (s.has("items")) {
        Message items = new Message();
        items.message(1, schema(s.get("items")));
        m.message(23, items);
      }
      s.path("allOf").forEach(a -> m.message(24, schema(a)));
      if (s.has("properties")) {
        Message properties = new Message();
        s.get("properties").properties().forEach(e -> properties.message(1, named(e.getKey(),
            schema(e.getValue()))));
        m.message(25, properties);
      }
      extensions(s, m, 31);
      return m;
    }

    private static void extensions(JsonNode node, Message m, int field) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("x-")) {
          m.message(field, namedAny(e.getKey(), e.getValue()));
        }
      }
    }

    private static Message namedAny(String name, JsonNode value) {
      Message m = new Message();
      m.string(1, name);
      m.message(2, any(value));
      return m;
    }

    private static Message any(JsonNode value) {
      Message any = new Message();
      any.string(2, value.isTextual() ? value.asText() : value.toString());
      return any;
    }
  }

  /** A protobuf message being written: fields in the order added, nested messages length-delimited. */
  private static final class Message {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    void string(int field, String value) {
      if (value != null && !value.isEmpty()) {
        write(() -> out.writeString(field, value));
      }
    }

    void bool(int field, boolean value) {
      if (value) {
        write(() -> out.writeBool(field, true));
      }
    }

    void message(int field, Message value) {
      byte[] bytes = value.bytes();
      write(() -> out.writeByteArray(field, bytes));
    }

    byte[] bytes() {
      write(out::flush);
      return buffer.toByteArray();
    }

    private interface Write {
      void run() throws IOException;
    }

    private void write(Write w) {
      try {
        w.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
