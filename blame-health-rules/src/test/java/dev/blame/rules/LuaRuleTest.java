package dev.blame.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LuaRuleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectRef REF = ObjectRef.of(GroupKind.of("example.com", "Widget"), "ns", "w");
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  static JsonNode object(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Verdict run(String script, String json) {
    return LuaRule.compile("example.com/Widget", "rules/example.com/Widget/health.lua", script)
        .judge(REF, object(json), NOW);
  }

  @Test
  void readsObjAndMapsStatusAndMessage() {
    Verdict v = run("hs = {}\nif obj.status.phase == 'Failed' then hs.status = 'Degraded'; hs.message = obj.status.msg\n"
        + "else hs.status = 'Healthy' end\nreturn hs", "{\"status\":{\"phase\":\"Failed\",\"msg\":\"disk full\"}}");
    assertThat(v.health()).isEqualTo(Health.DEGRADED);
    assertThat(v.message()).isEqualTo("disk full");
    assertThat(v.findings()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(Rule.HEALTH_RULE);
      assertThat(f.evidence()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(Evidence.Kind.RULE);
        assertThat(e.path()).isEqualTo("rules/example.com/Widget/health.lua [example.com/Widget]");
        assertThat(e.value()).isEqualTo("hs.status = Degraded, hs.message = disk full");
      });
    });
  }

  // Ninth red team: LuaJ read a four-byte character in a script as another character and NULs.
  private static final String ROCKET = "\uD83D\uDE80";
  private static final String TAG_A = new String(Character.toChars(0xE0041));

  @Test
  void fourByteCharactersInAScriptsStringsComeBackExact() {
    Verdict v = run("return {status = 'Healthy', message = 'ship " + ROCKET + " " + TAG_A + "'}", "{}");
    assertThat(v.health()).isEqualTo(Health.HEALTHY);
    assertThat(v.message()).isEqualTo("ship " + ROCKET + " " + TAG_A).doesNotContain("\u0000");
    assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo("hs.status = Healthy, hs.message = ship " + ROCKET + " "
            + TAG_A)));
  }

  @Test
  void textFromTheObjectIsTheSameLuaStringAsTheSameTextInTheScript() {
    Verdict v = run("local m = obj.status.msg\nif m == '" + ROCKET + "' and #m == 4 and obj.status['k" + TAG_A
        + "'] == 'v' then return {status = 'Degraded', message = m .. ' ' .. '" + TAG_A + "' .. ' ' .. #m} end\n"
        + "return {status = 'Healthy', message = 'different: ' .. #m}",
        "{\"status\":{\"msg\":\"" + ROCKET + "\",\"k" + TAG_A + "\":\"v\"}}");
    assertThat(v.message()).isEqualTo(ROCKET + " " + TAG_A + " 4");
    assertThat(v.health()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void loneSurrogatesAndBytesThatAreNotUtf8ComeBackAsReplacementCharacters() {
    // A lone surrogate in the script's text, an invalid byte, an encoded surrogate (CESU-8) and one in the object.
    Verdict v = run("return {status = 'Healthy', message = 'a\uD800b|\\255|\\237\\160\\189\\237\\186\\128|'"
        + " .. obj.status.msg}", "{\"status\":{\"msg\":\"c\\udc00d\"}}");
    // One U+FFFD a byte, as Go reads them: Argo CD's message for the same script.
    assertThat(v.message()).isEqualTo("a\uFFFDb|\uFFFD|" + "\uFFFD".repeat(6) + "|c\uFFFDd");
    assertThat(v.message().chars().filter(c -> Character.isSurrogate((char) c))).isEmpty();
  }

  @Test
  void overlongFormsCutSequencesAndCodePointsPastTheLastArePerByteReplacements() {
    Verdict v = run("return {status = 'Healthy', message = '\\192\\175|\\240\\159\\154|\\244\\144\\128\\128|"
        + "\\128|\\244\\143\\191\\191'}", "{}");
    assertThat(v.message()).isEqualTo("\uFFFD\uFFFD|" + "\uFFFD".repeat(3) + "|" + "\uFFFD".repeat(4) + "|\uFFFD|"
        + new String(Character.toChars(0x10FFFF)));
  }

  @Test
  void anErrorsMessageKeepsItsFourByteCharacters() {
    Verdict v = run("error('boom " + ROCKET + "')", "{}");
    assertThat(v.health()).isEqualTo(Health.UNKNOWN);
    assertThat(v.message()).endsWith("boom " + ROCKET).doesNotContain("\u0000");
    Verdict caught = run("local ok, m = pcall(error, '" + ROCKET + "', 0)\nreturn {status = 'Healthy', message = m}",
        "{}");
    assertThat(caught.message()).isEqualTo(ROCKET);
    Verdict status = run("return {status = 'Healthy" + ROCKET + "'}", "{}");
    assertThat(status.message()).contains("\"Healthy" + ROCKET + "\"");
  }
}
