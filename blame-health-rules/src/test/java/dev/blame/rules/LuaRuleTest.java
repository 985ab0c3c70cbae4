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
}
