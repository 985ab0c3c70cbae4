package dev.blame.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label selector as {@code kubectl -l} takes it: {@code app=web,tier!=db,env in (a,b),track notin (x),gpu,!spot}
 * (equality with {@code =} or {@code ==}, inequality, set-based, exists, does not exist; all must hold).
 */
final class LabelSelector {

  private static final String KEY = "[A-Za-z0-9][-A-Za-z0-9_./]*";
  private static final String VALUE = "[-A-Za-z0-9_.]*";
  private static final Pattern TERM = Pattern.compile("\\s*(?:"
      + "(?<notExists>!\\s*" + KEY + ")"
      + "|(?<setKey>" + KEY + ")\\s+(?<op>in|notin)\\s*\\((?<values>[^)]*)\\)"
      + "|(?<key>" + KEY + ")\\s*(?<eq>==|=|!=)\\s*(?<value>" + VALUE + ")"
      + "|(?<exists>" + KEY + ")"
      + ")\\s*(?:,|$)");

  private final String text;
  private final List<Predicate<Map<String, String>>> terms;

  private LabelSelector(String text, List<Predicate<Map<String, String>>> terms) {
    this.text = text;
    this.terms = terms;
  }

  /** @throws CliException naming the selector and the part that is not understood */
  static LabelSelector parse(String text) {
    List<Predicate<Map<String, String>>> terms = new ArrayList<>();
    Matcher m = TERM.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at || m.end() == at) {
        throw new CliException("-l/--selector \"" + text + "\": cannot read \"" + text.substring(at).strip()
            + "\"; expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key, comma-separated");
      }
      terms.add(term(m));
      at = m.end();
    }
    if (text.strip().endsWith(",")) {
      throw new CliException("-l/--selector \"" + text + "\" ends with a comma; give one more requirement or drop it");
    }
    if (terms.isEmpty()) {
      throw new CliException("-l/--selector is empty; give key=value, e.g. -l app=web");
    }
    return new LabelSelector(text, List.copyOf(terms));
  }

  private static Predicate<Map<String, String>> term(Matcher m) {
    if (m.group("notExists") != null) {
      String key = m.group("notExists").substring(1).strip();
      return labels -> !labels.containsKey(key);
    }
    if (m.group("setKey") != null) {
      String key = m.group("setKey");
      Set<String> values = Set.of(java.util.Arrays.stream(m.group("values").split(","))
          .map(String::strip).filter(v -> !v.isEmpty()).distinct().toArray(String[]::new));
      return "in".equals(m.group("op")) ? labels -> labels.containsKey(key) && values.contains(labels.get(key))
          : labels -> !labels.containsKey(key) || !values.contains(labels.get(key));
    }
    if (m.group("key") != null) {
      String key = m.group("key");
      String value = m.group("value");
      return "!=".equals(m.group("eq")) ? labels -> !value.equals(labels.get(key))
          : labels -> value.equals(labels.get(key));
    }
    String key = m.group("exists");
    return labels -> labels.containsKey(key);
  }

  boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    return terms.stream().allMatch(t -> t.test(l));
  }

  @Override
  public String toString() {
    return text;
  }
}
