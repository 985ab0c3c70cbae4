package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Escape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code __terminal-json} (what the GitHub Action prints the wait's document through) keeps one key for each key of
 * its input: two keys that differ only in what the escaping replaces (a line feed and the two characters {@code \n};
 * U+202E and the text {@code \u202e}; two long keys cut at the same place) came out as one key, the later value
 * silently replacing the earlier.
 */
class TerminalJsonTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode shown(String json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(TerminalJson.run(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out)).isZero();
    return MAPPER.readTree(out.toByteArray());
  }

  @Test
  void keysThatLookAlikeOnceEscapedStayApartWithEveryValue() throws IOException {
    String longA = "k".repeat(Escape.TERMINAL_MAX + 10) + "a";
    String longB = "k".repeat(Escape.TERMINAL_MAX + 10) + "b";
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put("team\n", "first");
    labels.put("team\\n", "second");
    labels.put("x\u202e", "third");
    labels.put("x\\u202e", "fourth");
    labels.put("v\u0000", "fifth");
    labels.put("v\\u0000", "sixth");
    labels.put(longA, "seventh");
    labels.put(longB, "eighth");
    JsonNode doc = shown(MAPPER.writeValueAsString(Map.of("labels", labels)));
    JsonNode shownLabels = doc.get("labels");
    List<String> values = new ArrayList<>();
    shownLabels.fields().forEachRemaining(f -> values.add(f.getValue().textValue()));
    assertThat(values).as("every value kept, once, in order")
        .containsExactly("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");
    shownLabels.fieldNames().forEachRemaining(key -> assertThat(key.codePoints().noneMatch(Escape::isUnsafe))
        .as("key %s holds no unsafe code point", key).isTrue());
    // The first of each pair keeps its escaped text; the later one says it is another key.
    assertThat(shownLabels.has("team\\n")).isTrue();
    assertThat(shownLabels.get("team\\n").textValue()).isEqualTo("first");
  }

  @Test
  void keysThatDoNotCollideAreShownAsTheCliShowsThem() throws IOException {
    JsonNode doc = shown("{\"a\\u001b[2J\":\"1\",\"plain\":\"2\"}");
    assertThat(doc.get("a\\u001b[2J").textValue()).isEqualTo("1");
    assertThat(doc.get("plain").textValue()).isEqualTo("2");
  }
}
