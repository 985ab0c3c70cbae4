package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name that looks like another: {@code wеb} with a Cyrillic {@code е} (U+0435), or {@code web} and a zero-width
 * space, is "not found" beside {@code web}. The error line says which character is not ASCII, so that the two
 * names no longer read the same; invisible characters are escapes. Homoglyph names are the spoofing Unicode's
 * security considerations describe (UTS #39, "Unicode Security Mechanisms", confusable detection); the names an
 * API server takes are ASCII (DNS-1123). Fails on the old code, which printed {@code "wеb" not found} only.
 */
class LookalikeNameTest {

  @TempDir
  Path dir;

  @Test
  void aNotFoundNameWithANonAsciiLetterSaysWhichOne() throws IOException {
    Path pods = Files.writeString(dir.resolve("pods.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        status: {phase: Running}
        """);
    String cyrillic = "w\u0435b";
    for (String command : new String[] {"blame", "status"}) {
      Run run = command.equals("blame") ? Run.of("pod/" + cyrillic, "-f", pods.toString(), "-n", "shop")
          : Run.of("status", "pod/" + cyrillic, "-f", pods.toString(), "-n", "shop");
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).as(command).isEqualTo("error: pods \"" + cyrillic + "\" not found in namespace \"shop\""
          + " in the given manifests (the name holds U+0435 CYRILLIC SMALL LETTER IE at character 2, not ASCII as"
          + " an API server's names are)\n");
    }
    Run zeroWidth = Run.of("pod/web\u200b", "-f", pods.toString(), "-n", "shop");
    assertThat(zeroWidth.err()).startsWith("error: pods \"web\\u200b\" not found")
        .contains("(the name holds U+200B ZERO WIDTH SPACE at character 4");
    Run namespace = Run.of("pod/web", "-f", pods.toString(), "-n", "sh\u043ep");
    assertThat(namespace.err()).contains("(the namespace holds U+043E CYRILLIC SMALL LETTER O at character 3");
  }
}
