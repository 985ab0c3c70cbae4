package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

/** Every command's {@code -o json} against docs/kubectl-blame.schema.json (wait and --watch: WaitCommandTest, WatchTest). */
class JsonSchemaTest {

  static final String TALK = Run.resource("dumps/talk.yaml");
  static final String HEALTHY = Run.resource("dumps/healthy.yaml");
  static final String CRD = Run.resource("dumps/crd.yaml");

  @Test
  void blameOfOneObject() {
    for (String[] args : new String[][] {
        {"-f", TALK, "deploy/my-busybox", "-o", "json"},
        {"-f", HEALTHY, "deploy/web", "-o", "json"},
        {"-f", TALK, "pod", "my-busybox-pod-v10", "-o", "json"}}) {
      Run run = Run.withBuiltInAnalyzers(args);
      assertThat(run.code()).as(run.toString()).isZero();
      JsonNode doc = Schema.assertValid("blame", run.out());
      assertThat(doc.path("found").asBoolean()).isTrue();
    }
  }

  @Test
  void blameOfSeveralObjects() {
    Run run = Run.withBuiltInAnalyzers("-f", TALK, "rs", "my-busybox-v10", "my-busybox-v9", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode doc = Schema.assertValid("blameList", run.out());
    assertThat(doc.path("items")).hasSize(2);
  }

  @Test
  void statusAndAnalyzers() {
    Run status = Run.withBuiltInAnalyzers("status", "-f", TALK, "-o", "json");
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(Schema.assertValid("statusList", status.out())).isNotEmpty();
    Run crd = Run.withBuiltInAnalyzers("status", "-f", CRD, "-o", "json");
    assertThat(crd.code()).as(crd.toString()).isZero();
    Schema.assertValid("statusList", crd.out());
    Run analyzers = Run.withBuiltInAnalyzers("analyzers", "-o", "json");
    assertThat(analyzers.code()).as(analyzers.toString()).isZero();
    JsonNode list = Schema.assertValid("analyzerList", analyzers.out());
    assertThat(list).isNotEmpty();
    for (JsonNode analyzer : list) {
      assertThat(analyzer.path("kinds").isArray()).as(analyzer.toString()).isTrue();
      assertThat(analyzer.path("kinds")).isNotEmpty();
    }
  }

  @Test
  void theSchemaRejectsWhatItShould() {
    // The checks above could not fail if the schema accepted anything: a wrong health spelling, a kinds string.
    var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Schema.root());
    Run run = Run.withBuiltInAnalyzers("-f", TALK, "deploy/my-busybox", "-o", "json");
    String shouted = run.out().replace("\"health\" : \"Degraded\"", "\"health\" : \"DEGRADED\"");
    assertThat(shouted).isNotEqualTo(run.out());
    assertThat(schema.validate(read(shouted))).isNotEmpty();
    assertThat(schema.validate(read("[{\"id\":\"a\",\"kinds\":\"[Pod]\",\"origin\":\"Discovered\","
        + "\"className\":\"x\",\"location\":\"\"}]"))).isNotEmpty();
    assertThat(schema.validate(read("{\"outcome\":\"FAILED\",\"exitCode\":1,\"elapsedSeconds\":1,"
        + "\"timeoutSeconds\":2,\"objects\":[],\"culprits\":[],\"revisions\":[],\"events\":[]}"))).isNotEmpty();
  }

  private static JsonNode read(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
