package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * A JSON file may hold a lone surrogate ({@code "\}{@code ud800"}: JSON allows the escape, UTF-8 cannot hold the
 * text). Written back as that escape, it made the whole {@code -o json} document unreadable to jq 1.6 ("Invalid
 * ... surrogate pair escape") and the {@code -o yaml} one to libyaml and go-yaml ("found invalid Unicode character
 * escape code"; PyYAML's CSafeLoader). The CLI now writes it as U+FFFD, as Go's encoding/json, kubectl and the
 * API server do; a pair (an emoji) stays.
 */
class LoneSurrogateTest {

  @TempDir
  Path dir;

  /** A high surrogate not followed by a low one, or a low one not after a high one, as JSON escapes. */
  static final Pattern LONE = Pattern.compile(
      "(?i)\\\\ud[89ab][0-9a-f]{2}(?!\\\\ud[c-f][0-9a-f]{2})|(?<!\\\\ud[89ab][0-9a-f]{2})\\\\ud[c-f][0-9a-f]{2}");

  static final List<String> NAMESPACES = List.of("a\ud800b", "c\udc00", "\udbff", "\ud83d\ude80x",
      "\udc00\ud800", "d\ud83d\ude80\ud83d");

  static final List<String> SHOWN = List.of("a\ufffdb", "c\ufffd", "\ufffd", "\ud83d\ude80x", "\ufffd\ufffd",
      "d\ud83d\ude80\ufffd");

  @Test
  void loneSurrogatesAreWrittenAsReplacementCharacters() throws Exception {
    StringBuilder dump = new StringBuilder("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [");
    for (int i = 0; i < NAMESPACES.size(); i++) {
      dump.append(i == 0 ? "" : ",").append("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": ")
          .append("{\"name\": \"cm").append(i).append("\", \"namespace\": \"").append(jsonEscaped(NAMESPACES.get(i)))
          .append("\", \"labels\": {\"k\": \"").append(jsonEscaped(NAMESPACES.get(i))).append("\"}}}");
    }
    Path file = Files.writeString(dir.resolve("dump.json"), dump.append("]}").toString());
    for (String format : new String[] {"json", "yaml"}) {
      Run run = Run.withBuiltInAnalyzers("status", "-A", "-f", file.toString(), "-o", format);
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(LONE.matcher(run.out()).find()).as(run.out()).isFalse();
      List<String> namespaces = new ArrayList<>();
      if (format.equals("json")) {
        for (JsonNode row : new ObjectMapper().readTree(run.out())) {
          namespaces.add(row.path("namespace").asText());
        }
      } else {
        List<java.util.Map<String, Object>> rows = new Yaml().load(run.out());
        rows.forEach(r -> namespaces.add((String) r.get("namespace")));
      }
      assertThat(namespaces).as(format).containsExactlyInAnyOrderElementsOf(SHOWN);
    }
    Run blame = Run.withBuiltInAnalyzers("configmap/cm0", "-n", "a\ud800b", "-f", file.toString(), "-o", "json");
    assertThat(blame.code()).as(blame.err()).isZero();
    assertThat(LONE.matcher(blame.out()).find()).as(blame.out()).isFalse();
    assertThat(blame.out()).contains("a\ufffdb");
  }

  /** Every UTF-16 unit outside printable ASCII as a JSON escape, so the file holds the lone halves. */
  private static String jsonEscaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }
}
