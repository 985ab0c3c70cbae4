package dev.blame.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.Health;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenth red team: what the errors about a rule say when its text is hostile. LuaJ's lexer named a character outside
 * ASCII by its first byte read as Latin-1 and quoted a malformed number whole; a CEL error quoted the whole
 * expression before its reason; SnakeYAML quoted the rule file's lines around a syntax error.
 */
class RuleErrorTextTest {

  @TempDir
  Path tmp;

  private Path script(String text) throws IOException {
    Path dir = tmp.resolve("rules");
    Files.createDirectories(dir.resolve("example.com/Widget"));
    Files.writeString(dir.resolve("example.com/Widget/health.lua"), text);
    return dir;
  }

  private String refusal(Path rules) {
    try {
      BlameEngine.builder().healthRules(rules);
    } catch (BlameException e) {
      assertThat(e.kind()).isEqualTo(BlameException.Kind.BAD_INPUT);
      assertThat(e.getMessage()).isEqualTo(Escape.terminal(e.getMessage()));
      return e.getMessage();
    }
    throw new AssertionError("not refused: " + rules);
  }

  /** Before: "unexpected symbol 226 (â)" for U+202E, "240 (ð)" for an emoji: characters the script does not hold. */
  @Test
  void aLuaCompileErrorNamesTheCharacterOutsideAsciiNotItsFirstByte() throws IOException {
    Path rules = script("hs = {}\nhs.status = x\u202ey\nreturn hs\n");
    String file = rules.resolve("example.com/Widget/health.lua").toString();
    assertThat(refusal(rules)).isEqualTo(file + ": the Lua script does not compile: " + file
        + ":2: unexpected symbol U+202E RIGHT-TO-LEFT OVERRIDE at column 14 (Lua names and operators are ASCII)");
    assertThat(refusal(script("return {status = 'Healthy', \uD83D\uDE80 = 1}")))
        .endsWith(":1: unexpected symbol U+1F680 ROCKET at column 29 (Lua names and operators are ASCII)");
    // Inside a string the same characters are read, and a later one on the line is still found.
    assertThat(refusal(script("local s = '\u00e9\u202e' .. \u00e9")))
        .endsWith(":1: unexpected symbol U+00E9 LATIN SMALL LETTER E WITH ACUTE at column 19 (Lua names and operators "
            + "are ASCII)").doesNotContain("\u00c3");
  }

  /** Before: Java's "For input string: "1eeee..."", the whole token up to the terminal's cut, and no line. */
  @Test
  void aMalformedNumberIsNamedByItsLineNotQuoted() throws IOException {
    Path rules = script("local a = 1\nlocal b = 1" + "e".repeat(100_000) + "\nreturn {status = 'Healthy'}\n");
    assertThat(refusal(rules)).endsWith("health.lua:2: malformed number").hasSizeLessThan(400);
    assertThat(refusal(script("local a = 1..2"))).endsWith("health.lua:1: malformed number");
  }

  /**
   * Before: the expression quoted whole, so that past 2,048 characters the terminal cut took the reason away
   * ("expression code point size exceeds limit", "recursion limit exceeded"): only the expression's start was left.
   */
  @Test
  void aLongCelExpressionIsQuotedByItsStartSoThatTheReasonIsRead() throws IOException {
    Path huge = Files.writeString(tmp.resolve("huge.yaml"), "- apiVersion: example.com/v1\n  kind: Widget\n"
        + "  current: \"status.phase == '" + "a".repeat(200_000) + "'\"\n");
    assertThat(refusal(huge)).contains("current 'status.phase == 'aaa").contains("\u2026' (199818 more characters) "
        + "does not compile: ERROR: <input>:-1:0: expression code point size exceeds limit").hasSizeLessThan(600);
    Path deep = Files.writeString(tmp.resolve("deep.yaml"), "- apiVersion: example.com/v1\n  kind: Widget\n"
        + "  current: \"" + "(".repeat(1500) + "true" + ")".repeat(1500) + "\"\n");
    assertThat(refusal(deep)).contains("(2804 more characters) does not compile: ERROR: <input>:1:1: Expression "
        + "recursion limit exceeded");
    // Short expressions are quoted whole, as before.
    Path shortOne = Files.writeString(tmp.resolve("short.yaml"), "- apiVersion: example.com/v1\n  kind: Widget\n"
        + "  current: \"status.phase ==\"\n");
    assertThat(refusal(shortOne)).contains("current 'status.phase ==' does not compile: ERROR: <input>:1:16:");
  }

  /**
   * Before: SnakeYAML's snippet, the lines around the error over several escaped lines (a rule file's text, an
   * Argo CD ConfigMap's from the cluster): {@code while scanning a quoted scalar\n in 'reader', line 4 ...}. Now the
   * line and column, as manifests and kubeconfigs are named.
   */
  @Test
  void aYamlSyntaxErrorInRulesNamesTheLineNotTheText() throws IOException {
    Path cel = Files.writeString(tmp.resolve("rules.yaml"), "healthCheckExprs:\n- apiVersion: example.com/v1\n"
        + "  kind: Widget\n  current: \"status.phase \u202e SECRET-looking\n::error::forged\n");
    assertThat(refusal(cel)).isEqualTo(cel + ": malformed YAML at line 4, column 10");
    Path wide = Files.writeString(tmp.resolve("wide.yaml"), "healthCheckExprs:\n- apiVersion: example.com/v1\n"
        + "  kind: Widget\n  current: \"" + "a".repeat(1_000_000) + "\" x: y\n");
    assertThat(refusal(wide)).isEqualTo(wide + ": malformed YAML at line 4, column 1000014");
    assertThatThrownBy(() -> new HealthRules().loadArgoCdConfig("argocd/argocd-cm", Map.of("resource.customizations",
        "example.com/Widget:\n  health.lua: \"return x \u001b]52;c;SGk=\u0007\n  ::error::forged\n")))
        .isInstanceOf(BlameException.class)
        .hasMessageStartingWith("argocd/argocd-cm resource.customizations: malformed YAML at line ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("forged", "52;c", "return x"));
  }

  /** Before: a cut between the halves of a four-byte character left a lone surrogate, U+FFFD in JSON. */
  @Test
  void aMessageCutAtTheRulesLimitKeepsFourByteCharactersWhole() {
    Verdict v = LuaRuleTest.run("return {status = 'Degraded', message = string.rep('a', 999) .. '\uD83D\uDE80 more'}",
        "{}");
    assertThat(v.health()).isEqualTo(Health.DEGRADED);
    assertThat(v.message()).isEqualTo("a".repeat(999) + "...");
    Verdict two = LuaRuleTest.run("return {status = 'Degraded', message = string.rep('a', 998) .. '\uD83D\uDE80 more'}",
        "{}");
    assertThat(two.message()).isEqualTo("a".repeat(998) + "\uD83D\uDE80...");
  }
}
