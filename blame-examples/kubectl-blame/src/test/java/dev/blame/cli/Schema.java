package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** docs/kubectl-blame.schema.json, the one schema of every {@code -o json} document, as a test checks against it. */
final class Schema {

  static final Path FILE = Path.of("../../docs/kubectl-blame.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Schema() {}

  static JsonNode root() {
    try {
      return JSON.readTree(Files.readString(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code json} is a valid document of definition {@code def} (e.g. "blame") and of the whole schema. */
  static JsonNode assertValid(String def, String json) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    ObjectNode only = root().deepCopy();
    only.remove("anyOf");
    only.put("$ref", "#/$defs/" + def);
    assertThat(only.path("$defs").has(def)).as("schema defines " + def).isTrue();
    Set<ValidationMessage> errors = factory.getSchema(only).validate(doc);
    assertThat(errors).as(def + ": " + json).isEmpty();
    JsonSchema whole = factory.getSchema(root());
    assertThat(whole.validate(doc)).as("whole schema: " + json).isEmpty();
    return doc;
  }
}
