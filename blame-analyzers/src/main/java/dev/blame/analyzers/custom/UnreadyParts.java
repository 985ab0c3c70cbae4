package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parts split into the ready and the unready, in one map of the status: counts named by the noun they count
 * ({@code readyNodeNum} beside {@code unreadyNodeNum}: OpenYurt's NodePool; {@code readyComponentNum} beside
 * {@code unreadyComponentNum}: its PlatformAdmin) or lists of the parts' names ({@code members: {ready, unready}}:
 * Couchbase's cluster, Pravega's ZookeeperCluster; {@code components: {ready, unready}}: Maistra's control plane).
 * An unready part is work under way, as a count of unavailable parts is ({@code counter:unready}, PROGRESSING: the
 * operators use it for members starting as much as for members down); none unready beside the ready ones is the parts
 * reporting ready ({@code counter:unready-none}, HEALTHY, which any other signal outranks).
 */
final class UnreadyParts {

  private static final Pattern UNREADY_COUNT = Pattern.compile("unready([A-Z][A-Za-z]*)");
  private static final String UNREADY_LIST = "unready";

  private UnreadyParts() {
  }

  static void read(Unstructured map, String path, List<Signal> signals) {
    for (Map.Entry<String, Object> entry : map.entries()) {
      String key = entry.getKey();
      Matcher count = UNREADY_COUNT.matcher(key);
      if (entry.getValue() instanceof Number n && count.matches() && map.number("ready" + count.group(1)).isPresent()) {
        add(n.longValue() > 0, path + "." + key, n.toString(), signals);
      } else if (key.equals(UNREADY_LIST) && entry.getValue() instanceof List<?> names
          && map.entries().stream().anyMatch(e -> e.getKey().equals("ready") && e.getValue() instanceof List<?>)) {
        add(!names.isEmpty(), path + "." + key, names.toString(), signals);
      }
    }
  }

  private static void add(boolean unready, String field, String value, List<Signal> signals) {
    signals.add(new Signal(unready ? Health.PROGRESSING : Health.HEALTHY, field, value, Optional.empty(),
        List.of(Rules.Family.COUNTER.of(unready ? "unready" : "unready-none"))));
  }
}
