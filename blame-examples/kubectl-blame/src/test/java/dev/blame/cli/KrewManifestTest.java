package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * krew/blame.yaml, the krew plugin manifest template, against krew's manifest rules
 * (https://krew.sigs.k8s.io/docs/developer-guide/plugin-manifest/) and against the install layout the build makes
 * and the launcher expects.
 */
class KrewManifestTest {

  static final Path MANIFEST = Path.of("krew/blame.yaml");
  static final Path SCRIPTS = Path.of("src/main/scripts");

  @Test
  void isAKrewPluginManifestForTheLayoutTheLauncherExpects() throws Exception {
    String template = Files.readString(MANIFEST);
    String filled = template.replace("@VERSION@", "0.1.0").replace("@URI@", "https://example.org/kubectl-blame.tar.gz")
        .replace("@SHA256@", "0".repeat(64));
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(filled);

    assertThat(doc.path("apiVersion").asText()).isEqualTo("krew.googlecontainertools.github.com/v1alpha2");
    assertThat(doc.path("kind").asText()).isEqualTo("Plugin");
    assertThat(doc.path("metadata").path("name").asText()).isEqualTo("blame");
    JsonNode spec = doc.path("spec");
    assertThat(spec.path("version").asText()).matches("v\\d+\\.\\d+\\.\\d+.*");
    assertThat(spec.path("shortDescription").asText()).isNotBlank().hasSizeLessThan(60);
    assertThat(spec.path("description").asText()).isNotBlank();
    assertThat(spec.path("platforms")).isNotEmpty();
    for (JsonNode platform : spec.path("platforms")) {
      assertThat(platform.path("uri").asText()).startsWith("https://");
      assertThat(platform.path("sha256").asText()).matches("[0-9a-f]{64}");
      assertThat(platform.path("selector").isObject()).isTrue();
      String bin = platform.path("bin").asText();
      assertThat(bin).isEqualTo("kubectl-blame");
      Set<String> installed = new HashSet<>();
      for (JsonNode file : platform.path("files")) {
        String from = file.path("from").asText();
        String to = file.path("to").asText();
        installed.add(to.equals(".") ? from : to + "/" + Path.of(from).getFileName());
        if (from.startsWith("lib/")) {
          assertThat(from).isEqualTo("lib/kubectl-blame.jar");
        } else {
          assertThat(SCRIPTS.resolve(from)).as(from + " is a script the build ships").isRegularFile();
          assertThat(Files.isExecutable(SCRIPTS.resolve(from))).as(from + " is executable").isTrue();
        }
      }
      assertThat(installed).contains(bin, "kubectl_complete-blame", "lib/kubectl-blame.jar");
      // Only the executables are named kubectl*, so `kubectl plugin list` warns about nothing.
      assertThat(installed.stream().filter(f -> !f.contains("/"))).allMatch(f -> f.startsWith("kubectl"));
    }
    // The launcher looks for the jar where krew puts it, the completion script calls the launcher.
    assertThat(Files.readString(SCRIPTS.resolve("kubectl-blame"))).contains("$dir/lib/kubectl-blame.jar");
    assertThat(Files.readString(SCRIPTS.resolve("kubectl_complete-blame"))).contains("kubectl-blame\" __complete");
    // The tokens are the ones the build fills in (pom.xml), and nothing else is left unfilled.
    assertThat(template).contains("@VERSION@", "@URI@", "@SHA256@");
    assertThat(filled).doesNotContain("@");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("token=\"VERSION\"", "token=\"URI\"", "token=\"SHA256\"");
  }
}
