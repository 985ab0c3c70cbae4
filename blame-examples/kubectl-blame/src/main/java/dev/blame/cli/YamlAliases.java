package dev.blame.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Refuses a kubeconfig that is a YAML bomb before fabric8 reads it: fabric8 loads YAML with SnakeYAML's defaults
 * (at most 50 aliases) and converts it to Java objects, expanding every alias, so an 800-byte "billion laughs" of 48
 * aliases took 7 GB and a minute before the CLI gave up, and its thread went on. The file's nodes are counted with
 * aliases expanded, without expanding them (the same rule as blame-core's manifest reader for {@code -f}).
 */
final class YamlAliases {

  /** The most nodes aliases may add: a million, or as many as the file writes when it writes more. */
  static final long MAX_EXPANSION = 1_000_000;
  /** A kubeconfig larger than this is not read here (fabric8 reads it, or says what is wrong). */
  private static final long MAX_BYTES = 64L << 20;
  private static final long SATURATED = 1L << 60;

  private YamlAliases() {}

  /** @throws CliException naming the file when its aliases expand past the limit or it contains itself */
  static void check(Path file, String what) {
    String text;
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return;
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return;
    }
    try {
      for (Node node : new Compose(LoadSettings.builder().setAllowDuplicateKeys(true).build())
          .composeAllFromString(text)) {
        Map<Node, Long> sizes = new IdentityHashMap<>();
        long expanded = size(node, sizes, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (expanded - sizes.size() > Math.max(MAX_EXPANSION, sizes.size())) {
          throw new CliException(what + " " + file + ": its aliases (*name) expand its " + sizes.size()
              + " nodes to " + (expanded >= SATURATED ? "more than " + SATURATED : String.valueOf(expanded))
              + " (a YAML bomb?); not read");
        }
      }
    } catch (CliException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // Malformed or too deep: fabric8's reader says what is wrong.
    }
  }

  private static long size(Node node, Map<Node, Long> sizes, Set<Node> open) {
    Node real = node instanceof AnchorNode ? ((AnchorNode) node).getRealNode() : node;
    Long known = sizes.get(real);
    if (known != null) {
      return known;
    }
    if (!open.add(real)) {
      return SATURATED;
    }
    long size = 1;
    if (real instanceof SequenceNode) {
      for (Node item : ((SequenceNode) real).getValue()) {
        size = Math.min(SATURATED, size + size(item, sizes, open));
      }
    } else if (real instanceof MappingNode) {
      for (NodeTuple entry : ((MappingNode) real).getValue()) {
        size = Math.min(SATURATED, size + size(entry.getKeyNode(), sizes, open) + size(entry.getValueNode(), sizes, open));
      }
    }
    open.remove(real);
    sizes.put(real, size);
    return size;
  }
}
