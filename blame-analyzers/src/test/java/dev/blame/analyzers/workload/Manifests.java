package dev.blame.analyzers.workload;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads multi-document YAML (and {@code kind: List}) into fabric8 objects, for tests. */
final class Manifests {

  private static final YAMLMapper YAML = new YAMLMapper();

  private Manifests() {}

  static List<HasMetadata> read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      Object parsed = Serialization.unmarshal(toJson(doc));
      if (parsed instanceof KubernetesList list) {
        objects.addAll(list.getItems());
      } else if (parsed instanceof HasMetadata object) {
        objects.add(object);
      } else {
        throw new IllegalArgumentException("not a Kubernetes object: " + doc);
      }
    }
    return objects;
  }

  /** Via Jackson, which tolerates the duplicate keys some peer fixtures carry (last one wins, as in Go). */
  private static String toJson(String doc) {
    try {
      return YAML.readTree(doc).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
