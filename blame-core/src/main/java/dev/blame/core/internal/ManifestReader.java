package dev.blame.core.internal;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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
  /** An input larger than this (by default) is refused rather than read into memory. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private ManifestReader() {}

  public static List<HasMetadata> read(Path path) {
    return read(path, MAX_FILE_BYTES);
  }

  /**
   * Reads a file, a directory (its {@code .yaml}, {@code .yml} and {@code .json} regular files, recursively) or
   * anything else that can be opened (a FIFO, a device), each opened once and read through a cap of
   * {@code maxBytes} counted as the bytes arrive.
   */
  public static List<HasMetadata> read(Path path, long maxBytes) {
    if (!Files.exists(path)) {
      throw bad(name(path) + ": no such file or directory; expected a manifest file or a directory of them");
    }
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).filter(ManifestReader::isManifest).sorted()
            .collect(Collectors.toList());
      } catch (IOException | UncheckedIOException e) {
        throw bad(name(path) + ": cannot list the directory");
      }
      List<HasMetadata> objects = new ArrayList<>();
      for (Path file : files) {
        objects.addAll(read(file, maxBytes));
      }
      return objects;
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(path.toString(), readCapped(path.toString(), in, maxBytes));
    } catch (IOException e) {
      throw bad(name(path) + ": cannot read: " + ioReason(e));
    }
  }

  public static List<HasMetadata> read(String source, InputStream in) {
    return read(source, in, MAX_FILE_BYTES);
  }

  /** Reads a stream to its end (not closing it) through a cap of {@code maxBytes} counted as the bytes arrive. */
  public static List<HasMetadata> read(String source, InputStream in, long maxBytes) {
    try {
      return read(source, readCapped(source, in, maxBytes));
    } catch (IOException e) {
      throw bad(name(source) + ": cannot read: " + ioReason(e));
    }
  }

  /**
   * The bytes of a stream, counted as they arrive: more than {@code maxBytes} fails at once, whatever the stream
   * is ({@code /dev/zero}, a FIFO, stdin), without holding more than the cap in memory.
   */
  static byte[] readCapped(String source, InputStream in, long maxBytes) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    long total = 0;
    while (true) {
      byte[] chunk = new byte[(int) Math.min(1 << 20, Math.max(1, maxBytes + 1 - total))];
      int n = in.readNBytes(chunk, 0, chunk.length);
      if (n <= 0) {
        break;
      }
      total += n;
      if (total > maxBytes) {
        throw tooLarge(source, maxBytes);
      }
      chunks.add(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
    }
    byte[] all = new byte[(int) total];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    return all;
  }

  private static BlameException tooLarge(String source, long maxBytes) {
    return bad(name(source) + ": larger than the limit of " + maxBytes + " bytes"
        + (maxBytes >= (1 << 20) && maxBytes % (1 << 20) == 0 ? " (" + (maxBytes >> 20) + " MiB)" : ""));
  }

  /** Why an input could not be read, without the text of the input. */
  private static String ioReason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return "I/O error";
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

  /**
   * Reads manifests from text; {@code source} names it in errors. Errors never quote the text (a malformed Secret
   * would print its value): they name the source, the document and the line and column.
   *
   * <p>Parsed by snakeyaml-engine with a large buffer: SnakeYAML's reader copies its whole window for each 1 KiB
   * it reads while a token is open, so a long scalar (a 1 MiB {@code binaryData} value) took time and garbage
   * quadratic in its length through the small default buffer; with a window of up to 4 Mi code points it is
   * linear up to that size.
   */
  public static List<HasMetadata> read(String source, String text) {
    String current = text.indexOf('\ufeff', 1) > 0 ? DOCUMENT_BOM.matcher(text).replaceAll("$1") : text;
    for (int rewritten = 0; ; rewritten++) {
      try {
        return readOnce(source, current, rewritten < MAX_SEPARATOR_ESCAPES);
      } catch (SeparatorEscape e) {
        current = current.substring(0, e.at - 1) + (current.charAt(e.at) == 'L' ? "\\u2028" : "\\u2029")
            + current.substring(e.at + 1);
      }
    }
  }

  /**
   * A byte order mark at the start of a document after the first: YAML 1.2 allows one there (5.2, "Character
   * Encodings"), as when files saved by Windows editors are joined with {@code ---} lines; snakeyaml-engine takes it
   * only at the start of the stream, and read the next key as {@code \ufeffapiVersion}, so such a document was
   * refused as having "no 'apiVersion'".
   */
  private static final Pattern DOCUMENT_BOM =
      Pattern.compile("(?m)(^(?:---|\\.\\.\\.)[ \t]*\r?\n)\ufeff");

  /**
   * How many {@code \L} and {@code \P} escapes a text may hold. YAML 1.1 and 1.2 define them (U+2028 and U+2029),
   * and PyYAML's and SnakeYAML's emitters write them; snakeyaml-engine refuses them, so each is rewritten as
   * {@code \u2028} where the parser stopped on it and the text is read again: a few are read, many would make the
   * reading quadratic and are refused by name.
   */
  static final int MAX_SEPARATOR_ESCAPES = 16;

  /** Where the parser stopped on a {@code \L} or {@code \P} escape: the offset of its letter. */
  private static final class SeparatorEscape extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int at;

    SeparatorEscape(int at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  /** {@code line 7, column 14} of the code point at {@code index} (as snakeyaml-engine counts: code points). */
  static String lineAndColumn(String text, int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index; seen++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  /** The offset of the letter of the {@code \L} or {@code \P} escape the parser refused, or -1. */
  private static int separatorEscape(String text, MarkedYamlEngineException e) {
    if (e.getProblem() == null || !e.getProblem().contains("unknown escape character")) {
      return -1;
    }
    return e.getProblemMark().map(m -> {
      int index = m.getIndex();
      if (index < 1 || index >= text.codePointCount(0, text.length())) {
        return -1;
      }
      int at = text.offsetByCodePoints(0, index);
      char c = text.charAt(at);
      return (c == 'L' || c == 'P') && text.charAt(at - 1) == '\\' ? at : -1;
    }).orElse(-1);
  }

  private static List<HasMetadata> readOnce(String source, String text, boolean mayRewrite) {
    List<HasMetadata> objects = new ArrayList<>();
    LoadSettings settings = LoadSettings.builder().setLabel(source).setBufferSize(bufferSize(text))
        .setCodePointLimit(Integer.MAX_VALUE).setAllowDuplicateKeys(true).build();
    StandardConstructor constructor = new StandardConstructor(settings);
    int document = 0;
    try {
      // `document` counts the documents read in full, so document + 1 is the one an error is about.
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(-1);
        refuseAliasBomb(source, document + 1, node);
        merge(node, Collections.newSetFromMap(new IdentityHashMap<>()));
        Object value = constructor.constructSingleDocument(Optional.of(node));
        if (value != null) {
          collect(source, document + 1, line, YAML.valueToTree(value), objects);
        }
        document++;
      }
    } catch (MarkedYamlEngineException e) {
      int separator = separatorEscape(text, e);
      if (separator >= 0 && mayRewrite) {
        throw new SeparatorEscape(separator);
      }
      String where = e.getProblemMark().or(e::getContextMark)
          .map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
          .orElse("document " + (document + 1));
      throw bad(name(source) + ": malformed YAML or JSON at " + where + (separator >= 0 ? " (more than "
          + MAX_SEPARATOR_ESCAPES + " \\L or \\P escapes; write \\u2028 and \\u2029 instead)" : ""));
    } catch (ReaderException e) {
      // A character YAML does not allow in a stream (ESC, NUL, C1, a noncharacter): say where and which.
      throw bad(name(source) + ": malformed YAML or JSON at " + lineAndColumn(text, e.getPosition()) + ": "
          + String.format(Locale.ROOT, "U+%04X", e.getCodePoint()) + " is not allowed in YAML (write it as an "
          + "escape in a double-quoted string)");
    } catch (BlameException e) {
      throw e;
    } catch (StackOverflowError e) {
      // The composer descends recursively: only nesting thousands of levels deep exhausts the stack there.
      throw bad(name(source) + ": document " + (document + 1) + " cannot be read: its nesting depth is beyond what the"
          + " reader allows (a Kubernetes object nests a few dozen levels)");
    } catch (RuntimeException e) {
      throw bad(name(source) + ": document " + (document + 1) + " cannot be read as YAML or JSON"
          + (nestingTooDeep(e) ? ": its nesting depth is over the limit of " + MAX_NESTING
              : String.valueOf(e.getMessage()).startsWith("Number of aliases")
                  ? ": it has more aliases (*name) of lists and maps than the reader allows (" + MAX_ALIASES + ")"
                  : ""));
    }
    return objects;
  }

  /**
   * The most nodes a document's aliases may add to the nodes written in it: a million, or as many as are written
   * when there are more. Kubernetes manifests use few anchors, if any; a "billion laughs" of 800 bytes whose 48
   * aliases (under SnakeYAML's limit of 50) nest lists three deep expands to 2 billion strings and filled 7 GB
   * before the heap ran out.
   */
  static final long MAX_ALIAS_EXPANSION = 1_000_000;

  private static void refuseAliasBomb(String source, int document, Node root) {
    Map<Node, Long> sizes = new IdentityHashMap<>();
    long expanded = expandedSize(root, sizes, Collections.newSetFromMap(new IdentityHashMap<>()));
    long written = sizes.size();
    if (expanded - written > Math.max(MAX_ALIAS_EXPANSION, written)) {
      throw bad(name(source) + ": document " + document + " cannot be read: its aliases (*name) expand its " + written
          + " nodes to " + (expanded >= SATURATED ? "more than " + SATURATED : String.valueOf(expanded))
          + " (a YAML bomb?); write the repeated parts out");
    }
  }

  /**
   * YAML 1.1's merge keys, as kubectl reads them (go-yaml): a plain {@code <<} key whose value is a mapping, or a
   * list of them, adds their entries to the mapping it is in; the mapping's own keys win, then earlier mappings of
   * the list. snakeyaml-engine reads YAML 1.2, which has none, and kept {@code <<} as a key: an object written
   * {@code status: {<<: *failed}} was read without its status, one {@code annotations: {<<: *labels}} was refused,
   * so the file said one thing to kubectl and another here. Each mapping is merged once; an alias to a mapping
   * that holds it merges what is there so far.
   */
  private static void merge(Node node, Set<Node> done) {
    Node real = node instanceof AnchorNode ? ((AnchorNode) node).getRealNode() : node;
    if (!done.add(real)) {
      return;
    }
    if (real instanceof SequenceNode) {
      ((SequenceNode) real).getValue().forEach(item -> merge(item, done));
      return;
    }
    if (!(real instanceof MappingNode)) {
      return;
    }
    MappingNode mapping = (MappingNode) real;
    List<NodeTuple> own = new ArrayList<>();
    List<Node> sources = new ArrayList<>();
    for (NodeTuple entry : mapping.getValue()) {
      merge(entry.getValueNode(), done);
      if (isMergeKey(entry.getKeyNode())) {
        Node value = deref(entry.getValueNode());
        if (value instanceof SequenceNode) {
          ((SequenceNode) value).getValue().forEach(item -> sources.add(deref(item)));
        } else {
          sources.add(value);
        }
      } else {
        own.add(entry);
      }
    }
    if (own.size() == mapping.getValue().size()) {
      return;
    }
    Set<String> keys = new HashSet<>();
    own.forEach(entry -> keys.add(keyText(entry.getKeyNode())));
    List<NodeTuple> merged = new ArrayList<>(own);
    for (Node source : sources) {
      if (!(source instanceof MappingNode)) {
        continue; // not a mapping: go-yaml refuses it; the key is dropped and the object read without it
      }
      for (NodeTuple entry : ((MappingNode) source).getValue()) {
        if (!isMergeKey(entry.getKeyNode()) && keys.add(keyText(entry.getKeyNode()))) {
          merged.add(entry);
        }
      }
    }
    mapping.setValue(merged);
  }

  private static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode
        && ((ScalarNode) key).isPlain()
        && "<<".equals(((ScalarNode) key).getValue());
  }

  private static Node deref(Node node) {
    return node instanceof AnchorNode ? ((AnchorNode) node).getRealNode() : node;
  }

  /** A key as mappings compare them: a scalar's text; any other key is its own (never equal to another). */
  private static String keyText(Node key) {
    Node real = deref(key);
    return real instanceof ScalarNode
        ? "s:" + ((ScalarNode) real).getValue()
        : "n:" + System.identityHashCode(real);
  }

  private static final long SATURATED = 1L << 60;

  /** SnakeYAML's limit on aliases of lists and maps in a document ({@code LoadSettings.getMaxAliasesForCollections}). */
  private static final int MAX_ALIASES = LoadSettings.builder().build().getMaxAliasesForCollections();

  /**
   * How many nodes a node stands for once every alias in it is replaced by what it names, counted without doing
   * so: each distinct node is counted once and its count reused wherever an alias names it. An alias to a node that
   * holds it (a document that contains itself) stands for endless nodes.
   */
  private static long expandedSize(Node node, Map<Node, Long> sizes, Set<Node> open) {
    Node real = node instanceof AnchorNode ? ((AnchorNode) node).getRealNode() : node;
    Long known = sizes.get(real);
    if (known != null) {
      return known;
    }
    if (!open.add(real)) {
      return SATURATED;
    }
    long size = 1;
    if (real instanceof SequenceNode) {
      for (Node item : ((SequenceNode) real).getValue()) {
        size = Math.min(SATURATED, size + expandedSize(item, sizes, open));
      }
    } else if (real instanceof MappingNode) {
      for (NodeTuple entry : ((MappingNode) real).getValue()) {
        size = Math.min(SATURATED, size + expandedSize(entry.getKeyNode(), sizes, open)
            + expandedSize(entry.getValueNode(), sizes, open));
      }
    }
    open.remove(real);
    sizes.put(real, size);
    return size;
  }

  /** Jackson's default limit on nesting depth ({@code StreamReadConstraints.DEFAULT_MAX_DEPTH}). */
  private static final int MAX_NESTING = 1000;

  private static boolean nestingTooDeep(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reader's window, in code points (4 bytes each): the whole text up to 4 Mi, so a scalar up to that size is
   * read in one step; past it a long scalar costs (length / 4 Mi) copies of itself, not (length / 1 Ki), and a
   * 200 MB dump does not need an 800 MB window.
   */
  private static int bufferSize(String text) {
    return (int) Math.min(text.length() + 1L, 4L << 20);
  }

  private static void collect(String source, int document, int line, JsonNode doc, List<HasMetadata> out) {
    String where = name(source) + ": document " + document + (line > 0 ? " (line " + line + ")" : "");
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
      throw bad(where + ": " + name(kind) + " has no 'apiVersion'; expected e.g. 'v1' or 'apps/v1'");
    }
    JsonNode metadata = doc.get("metadata");
    if (metadata == null || !metadata.isObject() || text(metadata, "name").isEmpty()) {
      throw bad(where + ": " + name(kind) + " has no 'metadata.name'");
    }
    KubernetesResource resource;
    try {
      resource = SERIALIZATION.convertValue(doc, KubernetesResource.class);
    } catch (RuntimeException e) {
      throw bad(where + ": " + name(kind) + " '" + name(text(metadata, "name")) + "' does not match its schema"
          + schemaProblem(e));
    }
    if (!(resource instanceof HasMetadata)) {
      throw bad(where + ": " + name(kind) + " is not an object with metadata");
    }
    out.add((HasMetadata) resource);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? "" : value.asText().trim();
  }

  /**
   * Where the value that does not fit is and what type was expected, never the value itself (Jackson quotes it,
   * and it may be a secret): {@code " at spec.replicas (expected Integer)"}.
   */
  private static String schemaProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonMappingException) {
        JsonMappingException m = (JsonMappingException) t;
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
          if (ref.getFieldName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
          } else if (ref.getIndex() >= 0) {
            path.append('[').append(ref.getIndex()).append(']');
          }
        }
        Class<?> type = t instanceof MismatchedInputException ? ((MismatchedInputException) t).getTargetType() : null;
        return (path.length() == 0 ? "" : " at " + name(path)) + (type == null ? "" : " (expected " + type.getSimpleName() + ")");
      }
    }
    return "";
  }

  private static String decode(String source, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad(name(source) + ": not UTF-8 text; expected YAML or JSON manifests");
    }
  }

  private static boolean isManifest(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static BlameException bad(String message) {
    return new BlameException(BlameException.Kind.BAD_INPUT, message);
  }

  /**
   * A file name, kind or object name as a message names it: one line, controls shown as escapes
   * ({@link dev.blame.api.Escape#terminal}), so that the message is one line as {@link BlameException} promises and
   * a name holding a line break is shown as given ({@code a\nb.yaml}) wherever the message is printed or logged.
   */
  private static String name(Object text) {
    return Escape.terminal(String.valueOf(text));
  }
}
