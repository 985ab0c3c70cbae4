package dev.blame.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.BlameException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests as {@code kubectl get -o yaml|json} prints them: multi-document YAML, JSON, and
 * {@code kind: List} (or any {@code *List}) with {@code items}. A directory is read recursively
 * ({@code .yaml}, {@code .yml}, {@code .json}), in name order.
 *
 * <p>Anything unreadable fails the whole read with a {@link BlameException} of kind {@code BAD_INPUT} that
 * names the file, the document or line, and what was expected: a half-loaded graph would mislead.
 */
public final class ManifestReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  /** A manifest file larger than this is refused rather than read into memory. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private ManifestReader() {}

  public static List<HasMetadata> read(Path path) {
    if (!Files.exists(path)) {
      throw bad(path + ": no such file or directory; expected a manifest file or a directory of them");
    }
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).filter(ManifestReader::isManifest).sorted()
            .collect(Collectors.toList());
      } catch (IOException e) {
        throw bad(path + ": cannot list the directory: " + e.getMessage());
      }
      List<HasMetadata> objects = new ArrayList<>();
      for (Path file : files) {
        objects.addAll(read(file));
      }
      return objects;
    }
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw bad(path + ": file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      return read(path.toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw bad(path + ": cannot read: " + e.getMessage());
    }
  }

  public static List<HasMetadata> read(String source, InputStream in) {
    try {
      return read(source, in.readAllBytes());
    } catch (IOException e) {
      throw bad(source + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads manifests from bytes. JSON (what {@code kubectl get -o json} and the API server return) is decoded
   * straight into typed objects; when that fails, or for YAML, the validating path below reads it and names
   * what is wrong.
   */
  static List<HasMetadata> read(String source, byte[] bytes) {
    List<HasMetadata> fast = isJson(bytes) ? readJson(bytes) : null;
    return fast != null ? fast : read(source, decode(source, bytes));
  }

  private static boolean isJson(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  /** One JSON object or list decoded directly; null when anything needs the validating path's message. */
  private static List<HasMetadata> readJson(byte[] bytes) {
    List<HasMetadata> objects = JsonManifests.read(bytes);
    if (objects == null) {
      return null;
    }
    for (HasMetadata object : objects) {
      if (!complete(object)) {
        return null;
      }
    }
    return objects;
  }

  private static boolean complete(HasMetadata object) {
    return notBlank(object.getKind()) && notBlank(object.getApiVersion()) && object.getMetadata() != null
        && notBlank(object.getMetadata().getName()) && !object.getKind().endsWith("List");
  }

  private static boolean notBlank(String text) {
    return text != null && !text.isBlank();
  }

  /** Reads manifests from text; {@code source} names it in errors. */
  public static List<HasMetadata> read(String source, String text) {
    List<HasMetadata> objects = new ArrayList<>();
    int document = 0;
    try (Reader reader = new StringReader(text);
        JsonParser parser = YAML.getFactory().createParser(reader);
        MappingIterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class)) {
      while (docs.hasNextValue()) {
        document++;
        int line = parser.currentTokenLocation() == null ? -1 : parser.currentTokenLocation().getLineNr();
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        collect(source, document, line, doc, objects);
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "document " + (document + 1)
          : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw bad(source + ": malformed YAML or JSON at " + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw bad(source + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof BlameException) {
        throw e;
      }
      throw bad(source + ": document " + document + " cannot be read: " + e);
    }
    return objects;
  }

  private static void collect(String source, int document, int line, JsonNode doc, List<HasMetadata> out) {
    String where = source + ": document " + document + (line > 0 ? " (line " + line + ")" : "");
    if (doc.getNodeType() != JsonNodeType.OBJECT) {
      throw bad(where + ": expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got "
          + doc.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String kind = text(doc, "kind");
    if (kind.isEmpty()) {
      throw bad(where + ": object has no 'kind'; expected a Kubernetes object with apiVersion, kind and metadata.name");
    }
    JsonNode items = doc.get("items");
    if (kind.endsWith("List") && items != null && items.isArray()) {
      int index = 0;
      for (JsonNode item : items) {
        collect(source, document, line, item, out, where + " items[" + index++ + "]");
      }
      return;
    }
    collect(source, document, line, doc, out, where);
  }

  private static void collect(String source, int document, int line, JsonNode doc, List<HasMetadata> out,
      String where) {
    if (doc.getNodeType() != JsonNodeType.OBJECT) {
      throw bad(where + ": expected a Kubernetes object, got " + doc.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String kind = text(doc, "kind");
    if (kind.isEmpty()) {
      throw bad(where + ": object has no 'kind'; expected a Kubernetes object with apiVersion, kind and metadata.name");
    }
    if (kind.endsWith("List") && doc.get("items") != null && doc.get("items").isArray()) {
      collect(source, document, line, doc, out);
      return;
    }
    if (text(doc, "apiVersion").isEmpty()) {
      throw bad(where + ": " + kind + " has no 'apiVersion'; expected e.g. 'v1' or 'apps/v1'");
    }
    JsonNode metadata = doc.get("metadata");
    if (metadata == null || !metadata.isObject() || text(metadata, "name").isEmpty()) {
      throw bad(where + ": " + kind + " has no 'metadata.name'");
    }
    KubernetesResource resource;
    try {
      resource = SERIALIZATION.convertValue(doc, KubernetesResource.class);
    } catch (RuntimeException e) {
      throw bad(where + ": " + kind + " '" + text(metadata, "name") + "' does not match its schema: "
          + rootMessage(e));
    }
    if (!(resource instanceof HasMetadata)) {
      throw bad(where + ": " + kind + " is not an object with metadata");
    }
    out.add((HasMetadata) resource);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? "" : value.asText().trim();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root instanceof JsonProcessingException
        ? ((JsonProcessingException) root).getOriginalMessage() : root.getMessage();
    return message == null ? root.toString() : message.lines().findFirst().orElse(message);
  }

  private static String decode(String source, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad(source + ": not UTF-8 text; expected YAML or JSON manifests");
    }
  }

  private static boolean isManifest(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static BlameException bad(String message) {
    return new BlameException(BlameException.Kind.BAD_INPUT, message);
  }
}
