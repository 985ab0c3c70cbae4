package dev.blame.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of one source (a directory, a file, a ConfigMap) as one analyzer. An object is judged by the rule
 * whose key names its kind exactly, else by the first pattern that matches it (patterns in key order), as
 * Argo CD looks up an exact key before wildcard ones.
 */
final class RuleAnalyzer implements Analyzer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final List<Rule> rules;
  private final KindSelector kinds;
  private final Map<GroupKind, Optional<Rule>> byKind = new ConcurrentHashMap<>();

  RuleAnalyzer(String id, List<Rule> rules) {
    this.id = id;
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::isPattern).thenComparing(Rule::key));
    this.rules = List.copyOf(sorted);
    Set<GroupKind> exact = new LinkedHashSet<>();
    Set<String> patterns = new LinkedHashSet<>();
    for (Rule rule : this.rules) {
      if (rule.isPattern()) {
        patterns.add(rule.key());
      } else {
        exact.add(kindOf(rule.key()));
      }
    }
    this.kinds = KindSelector.matching(exact, patterns);
  }

  static GroupKind kindOf(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? GroupKind.of("", key) : GroupKind.of(key.substring(0, slash), key.substring(slash + 1));
  }

  List<Rule> rules() {
    return rules;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public KindSelector kinds() {
    return kinds;
  }

  /** The rule that judges this kind, if any. */
  Optional<Rule> ruleFor(GroupKind kind) {
    return byKind.computeIfAbsent(kind, k -> {
      String key = KindSelector.key(k);
      for (Rule rule : rules) {
        if (!rule.isPattern() && rule.key().equals(key)) {
          return Optional.of(rule);
        }
      }
      for (Rule rule : rules) {
        if (rule.isPattern() && KindSelector.matching(Set.of(), Set.of(rule.key())).matches(k)) {
          return Optional.of(rule);
        }
      }
      return Optional.empty();
    });
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    Node node = context.node();
    Rule rule = ruleFor(node.ref().groupKind()).orElseThrow(() -> new IllegalStateException(
        id + " has no rule for " + node.ref().groupKind()));
    JsonNode object = JSON.valueToTree(node.object());
    return rule.judge(node.ref(), object, context.now());
  }

  @Override
  public String toString() {
    return id;
  }
}
