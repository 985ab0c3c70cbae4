package dev.blame.demo;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a label selector string the way the API server does (equality- and set-based requirements, see
 * k8s.io/apimachinery/pkg/labels/selector.go) and turns it into mock-server attributes or evaluates it.
 */
final class LabelSelectors {

  static final String LABEL_PREFIX = "labels:";

  private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
  private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)");
  private static final Pattern NOT_EQUAL = Pattern.compile(KEY + "\\s*!=\\s*([-A-Za-z0-9_.]*)");
  private static final Pattern EQUAL = Pattern.compile(KEY + "\\s*==?\\s*([-A-Za-z0-9_.]*)");
  private static final Pattern NOT_EXISTS = Pattern.compile("!\\s*" + KEY);
  private static final Pattern EXISTS = Pattern.compile(KEY);

  /** One requirement; values empty for exists / not-exists. */
  record Requirement(String key, String operator, List<String> values) {

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "=" -> values.get(0).equals(value);
        case "!=" -> !values.get(0).equals(value);
        case "in" -> value != null && values.contains(value);
        case "notin" -> value == null || !values.contains(value);
        case "exists" -> value != null;
        case "!" -> value == null;
        default -> throw new IllegalStateException(operator);
      };
    }

    Attribute toAttribute() {
      String k = LABEL_PREFIX + key;
      return switch (operator) {
        case "=" -> new Attribute(k, values.get(0));
        case "!=" -> new Attribute(k, values.get(0), AttributeType.WITHOUT);
        case "in" -> new Attribute(k, values, AttributeType.IN);
        case "notin" -> new Attribute(k, values, AttributeType.NOT_IN);
        case "exists" -> new Attribute(k, "", AttributeType.EXISTS);
        case "!" -> new Attribute(k, "", AttributeType.NOT_EXISTS);
        default -> throw new IllegalStateException(operator);
      };
    }
  }

  private LabelSelectors() {
  }

  /**
   * Parses {@code selector}.
   *
   * @throws IllegalArgumentException naming the requirement that cannot be parsed
   */
  static List<Requirement> parse(String selector) {
    List<Requirement> requirements = new ArrayList<>();
    for (String part : split(selector)) {
      String r = part.trim();
      if (r.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = SET.matcher(r)).matches()) {
        List<String> values = Arrays.stream(m.group(3).split(",")).map(String::trim).filter(v -> !v.isEmpty())
            .toList();
        requirements.add(new Requirement(m.group(1), m.group(2), values));
      } else if ((m = NOT_EQUAL.matcher(r)).matches()) {
        requirements.add(new Requirement(m.group(1), "!=", List.of(m.group(2))));
      } else if ((m = EQUAL.matcher(r)).matches()) {
        requirements.add(new Requirement(m.group(1), "=", List.of(m.group(2))));
      } else if ((m = NOT_EXISTS.matcher(r)).matches()) {
        requirements.add(new Requirement(m.group(1), "!", List.of()));
      } else if ((m = EXISTS.matcher(r)).matches()) {
        requirements.add(new Requirement(m.group(1), "exists", List.of()));
      } else {
        throw new IllegalArgumentException("unable to parse requirement: \"" + r + "\" in label selector \""
            + selector + "\"");
      }
    }
    return requirements;
  }

  /** Splits on commas that are not inside a parenthesised value set. */
  private static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  static boolean matches(String selector, Map<String, String> labels) {
    return parse(selector).stream().allMatch(r -> r.matches(labels == null ? Map.of() : labels));
  }
}
