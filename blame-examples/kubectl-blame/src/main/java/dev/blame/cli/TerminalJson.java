package dev.blame.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.blame.api.Escape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code __terminal-json} (hidden; the GitHub Action's {@code run.sh} runs it): a JSON document read from stdin and
 * written back with every string and key as {@link Escape#terminal} text, so that a script printing its values with
 * {@code jq -r} writes what the CLI's text output writes, by the one encoder the CLI uses: one line, controls, bidi,
 * zero-width, invisible letters (U+3164), stray variation selectors and floods of combining marks shown as escapes,
 * no {@code ##[command]}, cut at {@link Escape#TERMINAL_MAX}; two keys shown alike stay two keys; who did it (a
 * revision's {@code changedBy}) with every character outside printable ASCII as an escape ({@link Escape#identity}). The action had a Perl copy of the encoder that knew only
 * the controls and format characters: U+3164, U+034F or a run of selectors reached its log, its {@code culprit}
 * output and the job summary as they were. Bytes that are not JSON are refused (exit 3, nothing written).
 */
final class TerminalJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TerminalJson() {}

  /** Reads one document from {@code in}, writes it to {@code out} on one line; 0, or 3 when it is not JSON. */
  static int run(InputStream in, OutputStream out) throws IOException {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      return ExitCode.ERROR;
    }
    if (doc == null || doc.isMissingNode()) {
      return ExitCode.ERROR;
    }
    out.write(MAPPER.writeValueAsString(shown(doc)).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
    return ExitCode.OK;
  }

  /**
   * {@code node} with each string and key as terminal text; the strings under a key of
   * {@link Documents#IDENTITY_FIELDS} (who did it: {@code changedBy}, {@code manager}...), at any depth below it, as
   * {@link Escape#identity} text, as the CLI's text output shows them.
   */
  static JsonNode shown(JsonNode node) {
    return shown(node, false);
  }

  private static JsonNode shown(JsonNode node, boolean identity) {
    if (node.isTextual()) {
      return TextNode.valueOf(identity ? Escape.identity(node.textValue()) : Escape.terminal(node.textValue()));
    }
    if (node.isArray()) {
      ArrayNode array = MAPPER.createArrayNode();
      node.forEach(item -> array.add(shown(item, identity)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = MAPPER.createObjectNode();
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      node.fields().forEachRemaining(fields::add);
      for (Map.Entry<String, JsonNode> field : fields) {
        object.set(unique(object, Escape.terminal(field.getKey())),
            shown(field.getValue(), identity || Documents.IDENTITY_FIELDS.contains(field.getKey())));
      }
      return object;
    }
    return node;
  }

  /**
   * {@code key}, or when an earlier key of {@code object} is shown so already, {@code key (2)}, {@code key (3)}...:
   * two keys can differ only in what the escaping replaces (a line feed and the two characters {@code \n}, text past
   * the cut), and the later one replaced the earlier one's value without a word.
   */
  private static String unique(ObjectNode object, String key) {
    String shown = key;
    for (int n = 2; object.has(shown); n++) {
      shown = key + " (" + n + ")";
    }
    return shown;
  }
}
