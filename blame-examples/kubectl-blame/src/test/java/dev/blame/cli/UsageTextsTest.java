package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The usage texts the build stores for Main's fast {@code --help} are what picocli prints, for every variant. */
class UsageTextsTest {

  @Test
  void everyStoredTextIsWhatPicocliPrints() {
    int compared = 0;
    for (String name : UsageTexts.NAMES.keySet()) {
      for (String command : UsageTexts.COMMANDS) {
        for (boolean color : new boolean[] {false, true}) {
          Optional<byte[]> stored = UsageTexts.stored(name, command, color);
          assertThat(stored).as("stored usage of '%s %s' (color %s): the build makes it (exec-maven-plugin)", name,
              command, color).isPresent();
          String picocli = UsageTexts.render(name, command, color);
          assertThat(new String(stored.get(), StandardCharsets.UTF_8))
              .as("'%s %s --help' (color %s)", name, command, color).isEqualTo(picocli);
          assertThat(picocli).contains("Usage: ").contains(name);
          assertThat(picocli.contains("\u001b[")).as("ANSI escapes when colour is on").isEqualTo(color);
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(UsageTexts.NAMES.size() * UsageTexts.COMMANDS.size() * 2);
  }

  @Test
  void onlyAPlainRequestForUsageIsAnsweredFromTheStoredText() {
    assertThat(UsageTexts.asked(new String[] {"--help"})).contains("");
    assertThat(UsageTexts.asked(new String[] {"-h"})).contains("");
    assertThat(UsageTexts.asked(new String[] {"status", "--help"})).contains("status");
    assertThat(UsageTexts.asked(new String[] {"wait", "-h"})).contains("wait");
    // Anything else goes through picocli: options beside --help, hidden or unknown subcommands, a name.
    assertThat(UsageTexts.asked(new String[] {"-n", "x", "--help"})).isEmpty();
    assertThat(UsageTexts.asked(new String[] {"deploy/web", "--help"})).isEmpty();
    assertThat(UsageTexts.asked(new String[] {"__train", "--help"})).isEmpty();
    assertThat(UsageTexts.asked(new String[] {"", "--help"})).isEmpty();
    assertThat(UsageTexts.asked(new String[] {"--help", "status"})).isEmpty();
    assertThat(UsageTexts.asked(new String[] {})).isEmpty();
    // A name the build made no text for is answered by picocli.
    assertThat(UsageTexts.stored("kubectl-blame2", "", false)).isEmpty();
  }
}
