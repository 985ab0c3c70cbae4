package dev.blame.analyzers.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads {@code kubectl get -o yaml} manifests (one or more documents per file) into fabric8 objects. */
public final class Fixtures {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Fixtures() {}

  public static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
        continue;
      }
      HasMetadata object = SERIALIZATION.unmarshal(doc, HasMetadata.class);
      if (object.getMetadata() == null) {
        object.setMetadata(new ObjectMeta());
      }
      if (object.getMetadata().getName() == null) {
        object.getMetadata().setName("unnamed"); // kstatus literals often have no name
      }
      objects.add(object);
    }
    return objects;
  }

  /** Every YAML file in a folder except {@code expected.yaml}, in name order. */
  public static List<HasMetadata> folder(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<HasMetadata> objects = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if ((name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals("expected.yaml")) {
          objects.addAll(parse(Files.readString(file)));
        }
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
