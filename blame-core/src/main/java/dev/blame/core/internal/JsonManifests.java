package dev.blame.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes JSON manifests (one object, or a {@code List} / {@code *List} with {@code items}, as {@code kubectl get
 * -o json} and paginated LISTs return them) straight into fabric8's typed objects, one item at a time.
 *
 * <p>Cheaper than fabric8's own path, which reads every object into a tree to find its kind and then converts
 * the tree: here each item's tokens are copied into a buffer while its {@code apiVersion} and {@code kind} are
 * noted, then bound to the kind's class. The parts of a pod that {@link SlimPods} drops anyway
 * (resources, tolerations, IPs, ...) are skipped while copying when the pod's kind came
 * before its body (as kubectl and the API server write them): about half of a typical pod's bytes never become
 * objects.
 *
 * <p>Returns null whenever anything is unusual (not an object, an item without kind or apiVersion, nested
 * lists, malformed JSON), so that {@link ManifestReader}'s validating path reads the input and names what is
 * wrong.
 */
final class JsonManifests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Configures {@link #MAPPER} with fabric8's modules and kind registry. */
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(MAPPER, true);

  private JsonManifests() {}

  static List<HasMetadata> read(byte[] bytes) {
    try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Item root = new Item();
      List<HasMetadata> items = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("items") && value == JsonToken.START_ARRAY) {
          items = new ArrayList<>();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Item item = new Item();
            item.copyObject(p);
            HasMetadata object = item.bind();
            if (object == null) {
              return null;
            }
            items.add(object);
          }
        } else {
          root.copyField(p, name);
        }
      }
      if (p.nextToken() != null) {
        return null; // trailing content: let the validating reader say what it is
      }
      if (items != null) {
        return root.kind != null && root.kind.endsWith("List") ? items : null;
      }
      HasMetadata object = root.bind();
      return object == null ? null : List.of(object);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** One object's tokens, with its apiVersion and kind noted on the way. */
  private static final class Item {
    private final TokenBuffer buffer = new TokenBuffer(MAPPER, false);
    private String apiVersion;
    private String kind;

    Item() {
      try {
        buffer.writeStartObject();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Copies the fields of the object the parser is at (its START_OBJECT is current). */
    void copyObject(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        copyField(p, name);
      }
    }

    /** Copies one top-level field whose value is the current token. */
    void copyField(JsonParser p, String name) throws IOException {
      JsonToken value = p.currentToken();
      if (value == JsonToken.VALUE_STRING && name.equals("apiVersion")) {
        apiVersion = p.getText();
      } else if (value == JsonToken.VALUE_STRING && name.equals("kind")) {
        kind = p.getText();
      }
      buffer.writeFieldName(name);
      if (value != JsonToken.START_OBJECT || !"Pod".equals(kind)) {
        buffer.copyCurrentStructure(p);
        return;
      }
      // A pod, its kind known before its body: copy only what SlimPods keeps.
      switch (name) {
        case "metadata" -> buffer.copyCurrentStructure(p);
        case "spec" -> copyObject(p, SlimPods.SPEC_FIELDS::contains, SlimPods.CONTAINER_FIELDS);
        case "status" -> copyObject(p, field -> !SlimPods.STATUS_DROPPED.contains(field), null);
        default -> buffer.copyCurrentStructure(p);
      }
    }

    /**
     * Copies the object the parser is at, fields {@code keep} accepts only; in {@code containers} and
     * {@code initContainers} arrays, only the fields in {@code containerFields} (when given).
     */
    private void copyObject(JsonParser p, java.util.function.Predicate<String> keep,
        java.util.Set<String> containerFields) throws IOException {
      buffer.writeStartObject();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!keep.test(field)) {
          p.skipChildren();
        } else if (containerFields != null && value == JsonToken.START_ARRAY
            && (field.equals("containers") || field.equals("initContainers"))) {
          buffer.writeFieldName(field);
          buffer.writeStartArray();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
              copyObject(p, containerFields::contains, null);
            } else {
              buffer.copyCurrentStructure(p);
            }
          }
          buffer.writeEndArray();
        } else {
          buffer.writeFieldName(field);
          buffer.copyCurrentStructure(p);
        }
      }
      buffer.writeEndObject();
    }

    /** The typed object; null when it has no kind or apiVersion, or is itself a list. */
    HasMetadata bind() throws IOException {
      if (apiVersion == null || kind == null || kind.endsWith("List")) {
        return null;
      }
      buffer.writeEndObject();
      Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
      if (type == null) {
        type = GenericKubernetesResource.class;
      }
      try (JsonParser tokens = buffer.asParser()) {
        Object object = MAPPER.readValue(tokens, type);
        return object instanceof HasMetadata ? (HasMetadata) object : null;
      }
    }
  }
}
