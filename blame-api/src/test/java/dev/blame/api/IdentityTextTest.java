package dev.blame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Who did it ({@link Escape#identity}): a field manager, an attribution, an injector. Look-alikes of a real manager
 * (UTS #39's confusables: a Cyrillic {@code а} U+0430, a Greek {@code ο}, full-width and mathematical letters, a
 * non-breaking hyphen U+2011, a combining dot, a zero-width space, the backslash spelling of an escape in ASCII)
 * print apart from it and from each other, as printable ASCII; and the printed form reads back to the exact text,
 * so no two identities print alike. Noncharacters are escapes in terminal text too.
 */
class IdentityTextTest {

  static final String REAL = "kubectl-client-side-apply";

  static final List<String> LOOKALIKES = List.of(
      "kubectl-client-side-\u0430pply",
      "kubectl-client-side-\u03b1pply",
      "kubectl-client-side-app\u04cfy",
      "kubect\u04cf-client-side-apply",
      "kubectl\u2011client\u2011side\u2011apply",
      "kubectl\u2010client-side-apply",
      "\uff4bubectl-client-side-apply",
      "\uD835\uDC24ubectl-client-side-apply",
      "kubectl-cl\u0131\u0307ent-side-apply",
      "kubectl-client-side-apply\u200b",
      "kubectl-client-side-apply\u3164",
      "kubectl-client-side-\\u0430pply",
      "kubectl-client-side-\\\\u0430pply",
      "kubectl-client-side-apply\u00a0",
      "kubectl-client-side-apply\ufffe");

  @Test
  void lookalikesOfAManagerPrintApartFromItAndFromEachOther() {
    Map<String, String> printed = new HashMap<>();
    assertThat(Escape.identity(REAL)).isEqualTo(REAL);
    printed.put(Escape.identity(REAL), REAL);
    for (String lookalike : LOOKALIKES) {
      String out = Escape.identity(lookalike);
      assertThat(out.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as("%s -> %s", lookalike, out).isTrue();
      assertThat(printed.put(out, lookalike)).as("%s prints as %s, as an earlier one did", lookalike, out).isNull();
    }
    assertThat(Escape.identity("kubectl-client-side-\u0430pply")).isEqualTo("kubectl-client-side-\\u0430pply");
    assertThat(Escape.identity("kubectl-client-side-\\u0430pply")).isEqualTo("kubectl-client-side-\\\\u0430pply");
    assertThat(Escape.identity("\uD835\uDC24ubectl")).isEqualTo("\\ud835\\udc24ubectl");
  }

  /** Random identities made of look-alike pieces and hostile ones: what is printed decodes back to the text. */
  @Test
  void whatIsPrintedReadsBackToTheExactText() {
    List<String> pieces = new ArrayList<>(EscapeTest.PIECES);
    pieces.addAll(LOOKALIKES);
    pieces.addAll(List.of("a", "\u0430", "\\", "\\u", "u0430", "#", "##[error]", "::", "e\u0301", "\u65e5", "%"));
    Random random = new Random(27);
    for (int i = 0; i < EscapeTest.STRINGS; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(8); n > 0; n--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String out = Escape.identity(text.toString());
      assertThat(out.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(out).isTrue();
      // No workflow command (`::` and a letter at the start) and no legacy `##[command]` anywhere.
      assertThat(out).as(out).doesNotContainPattern("^\\s*::[A-Za-z]").doesNotContain("##");
      assertThat(decoded(out)).as("%s -> %s", text, out).isEqualTo(text.toString());
    }
  }

  @Test
  void longIdentitiesAreCutAsTerminalTextIs() {
    String out = Escape.identity("\u0430".repeat(5000));
    assertThat(out).endsWith(" more characters)").hasSizeLessThan(Escape.TERMINAL_MAX + 40);
  }

  /**
   * Noncharacters (Unicode chapter 23.7): U+FDD0-U+FDEF and the last two code points of each plane. Before, terminal
   * text printed them as they are, while XML output replaced U+FFFE and U+FFFF; U+FFFD and the letters next to the
   * ranges stay.
   */
  @Test
  void noncharactersAreShownAsEscapesInTerminalText() {
    assertThat(Escape.terminal("a\ufffeb\uffffc")).isEqualTo("a\\ufffeb\\uffffc");
    assertThat(Escape.terminal("x\ufdd0\ufdefy")).isEqualTo("x\\ufdd0\\ufdefy");
    assertThat(Escape.terminal("p\uD83F\uDFFEq")).isEqualTo("p\\ud83f\\udffeq");
    assertThat(Escape.terminal("z\uDBFF\uDFFF")).isEqualTo("z\\udbff\\udfff");
    assertThat(Escape.workflowData("a\ufffe")).isEqualTo("a\\ufffe");
    for (String kept : List.of("\ufffd", "\ufdcf", "\ufdf0", "\ufffc", "\uD83F\uDFFD")) {
      assertThat(Escape.terminal("a" + kept)).as("U+%04X", kept.codePointAt(0)).isEqualTo("a" + kept);
    }
  }

  /** The reverse of {@link Escape#identity} (and of its two CI-command escapes): {@code \\}, {@code \n}, {@code \}{@code uXXXX}. */
  private static String decoded(String shown) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = shown.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(shown.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new AssertionError("unknown escape in " + shown);
      }
    }
    return out.toString();
  }
}
