package dev.blame.core.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the decoders of the kinds a YAML text names on a second thread while the reading thread parses the YAML.
 *
 * <p>Most of the time an offline run spends reading manifests goes to Jackson building (once per JVM) the
 * deserializer of each fabric8 model class it meets: for a 200-object dump of five kinds, about 60 % of the reading
 * CPU (docs/performance.md, issue 16). That work needs only the kind, not the objects, so it can run beside the
 * YAML parse instead of after it. The kinds are found by a scan of the text for {@code apiVersion:} and
 * {@code kind:} keys at one indentation; a wrong guess costs a little CPU and nothing else: the reading thread
 * decodes every object itself, as without this, and finds the deserializers built, or builds them.
 */
final class DecodingWarmup {

  /** Below this many characters the parse is too short for a second thread to pay. */
  static final int MIN_CHARS = 32 * 1024;
  /** At most this many kinds are warmed up per text. */
  static final int MAX_KINDS = 24;

  private static final Pattern KEY = Pattern.compile(
      "^( *)(?:- +)?(apiVersion|kind): *[\"']?([A-Za-z0-9][A-Za-z0-9./-]*)[\"']? *\\r?$", Pattern.MULTILINE);
  /** The kinds warmed up (or being warmed up) in this JVM, as {@code apiVersion/kind}. */
  private static final Set<String> WARMED = ConcurrentHashMap.newKeySet();

  private DecodingWarmup() {}

  /** Starts warming up the kinds the text names on a daemon thread, unless the text is small; never throws. */
  static void start(String text, KubernetesSerialization serialization) {
    if (text.length() < MIN_CHARS) {
      return;
    }
    try {
      Thread thread = new Thread(() -> warm(text, serialization), "blame-decoding-warmup");
      thread.setDaemon(true);
      thread.setPriority(Thread.NORM_PRIORITY);
      thread.start();
    } catch (RuntimeException | OutOfMemoryError e) {
      // No thread: the reading thread builds every decoder itself, as it would anyway.
    }
  }

  /** The {@code apiVersion/kind} pairs the text names at one indentation, in order of first appearance. */
  static List<String[]> kinds(String text) {
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> kinds = new ArrayList<>();
    java.util.Map<Integer, String> apiVersions = new java.util.HashMap<>();
    java.util.Map<Integer, String> kindNames = new java.util.HashMap<>();
    Matcher m = KEY.matcher(text);
    while (m.find() && kinds.size() < MAX_KINDS) {
      // The column of the key: "- apiVersion" in a list counts its dash as indentation, as YAML does.
      int column = m.start(2) - m.start(1);
      (m.group(2).equals("kind") ? kindNames : apiVersions).put(column, m.group(3));
      String apiVersion = apiVersions.get(column);
      String kind = kindNames.get(column);
      if (apiVersion != null && kind != null) {
        apiVersions.remove(column);
        kindNames.remove(column);
        if (!kind.endsWith("List") && seen.add(apiVersion + "/" + kind)) {
          kinds.add(new String[] {apiVersion, kind});
        }
      }
    }
    return kinds;
  }

  private static void warm(String text, KubernetesSerialization serialization) {
    for (String[] kind : kinds(text)) {
      if (!WARMED.add(kind[0] + "/" + kind[1])) {
        continue;
      }
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      object.put("apiVersion", kind[0]);
      object.put("kind", kind[1]);
      object.putObject("metadata").put("name", "warmup");
      try {
        serialization.convertValue(object, KubernetesResource.class);
      } catch (RuntimeException | LinkageError e) {
        // Not a kind fabric8 knows, or not decodable from this little: the reading thread says what is wrong.
      }
    }
  }
}
