package dev.blame.analyzers.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.spi.Unstructured;
import dev.blame.core.internal.ManifestReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published {@link Unstructured} lives in blame-api, which may not use the fabric8 client, so it converts
 * objects with a mapper of its own (fabric8's model modules, the client's settings). It must read every object as
 * the client's {@code KubernetesSerialization} did when it lived here: checked on every object of the analyzers'
 * fixtures, typed (Deployments, pods, HPAs...) and untyped (custom resources).
 */
class UnstructuredConversionTest {

  private static final KubernetesSerialization CLIENT = new KubernetesSerialization();

  @Test
  @SuppressWarnings("unchecked")
  void readsEveryFixtureObjectAsTheClientsSerializationDoes() throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    for (String dir : List.of("scenarios", "workload", "relations", "rollouts", "heldout-crs", "provenance")) {
      try (Stream<Path> walk = Files.walk(Path.of("src/test/resources", dir))) {
        for (Path p : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          try {
            objects.addAll(ManifestReader.read(p));
          } catch (RuntimeException e) {
            // case tables and other files that are no manifests
          }
        }
      }
    }
    assertThat(objects).hasSizeGreaterThan(200);
    assertThat(objects).anyMatch(o -> o instanceof GenericKubernetesResource)
        .anyMatch(o -> !(o instanceof GenericKubernetesResource));
    for (HasMetadata object : objects) {
      Map<String, Object> expected = CLIENT.convertValue(object, Map.class);
      assertThat(Unstructured.of(object).entries()).as("%s %s", object.getKind(), object.getMetadata().getName())
          .isEqualTo(expected.entrySet());
    }
  }
}
