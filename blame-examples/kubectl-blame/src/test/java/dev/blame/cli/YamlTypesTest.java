package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code -o yaml} read back by a YAML 1.1 reader (PyYAML, SnakeYAML, Ruby: what yq, Ansible and most scripts use)
 * gives every name and message back as the same string. A namespace {@code 0x10} or {@code 1e3} (valid Kubernetes
 * names) came back as the number 16 or 1000.0, {@code 1_000} as 1000, {@code 2026-11-22} as a date, and a namespace
 * {@code <<} from a file made the whole document a merge PyYAML refuses.
 */
class YamlTypesTest {

  static final List<String> TEXTS = List.of("0x10", "0o17", "1e3", "1_000", "+1", ".5", "-1", ".inf", ".NaN",
      "2026-11-22", "12:30:45", "<<", "=", "~", "null", "Null", "yes", "No", "ON", "off", "y", "N", "true", "010",
      "0b101", "*alias", "&anchor x", "!!int 5", "? key", "- item", "[x]", "{y}", "|", "> f", "@at", "`bt", "%dir",
      "---", "...", "a: b", "'q'", "\"dq\"", "ok-name");

  @Test
  void everyNameAndMessageReadsBackAsTheSameString(@TempDir Path dir) throws Exception {
    StringBuilder dump = new StringBuilder("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [");
    for (int i = 0; i < TEXTS.size(); i++) {
      String text = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(TEXTS.get(i));
      dump.append(i == 0 ? "" : ",").append("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": ")
          .append("{\"name\": \"cm").append(i).append("\", \"namespace\": ").append(text).append("}}")
          .append(", {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p").append(i)
          .append("\", \"namespace\": \"ns\", \"uid\": \"u").append(i).append("\"}, \"spec\": {\"containers\": ")
          .append("[{\"name\": \"app\", \"image\": \"x\"}]}, \"status\": {\"phase\": \"Pending\", ")
          .append("\"containerStatuses\": [{\"name\": \"app\", \"image\": \"x\", \"ready\": false, ")
          .append("\"restartCount\": 0, \"state\": {\"waiting\": {\"reason\": \"ImagePullBackOff\", \"message\": ")
          .append(text).append("}}}]}}");
    }
    Path file = Files.writeString(dir.resolve("dump.json"), dump.append("]}").toString());
    Run run = Run.withBuiltInAnalyzers("status", "-A", "-f", file.toString(), "-o", "yaml");
    assertThat(run.code()).as(run.err()).isZero();
    List<Map<String, Object>> rows = new Yaml().load(run.out());
    List<Object> namespaces = rows.stream().filter(r -> "ConfigMap".equals(r.get("kind")))
        .map(r -> r.get("namespace")).toList();
    assertThat(namespaces).containsExactlyInAnyOrderElementsOf(TEXTS);
    List<Object> messages = rows.stream().filter(r -> "Pod".equals(r.get("kind"))).map(r -> r.get("message"))
        .toList();
    assertThat(messages).allMatch(m -> m instanceof String).hasSize(TEXTS.size());
  }
}
