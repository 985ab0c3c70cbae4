package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import java.util.ArrayList;
import java.util.List;

/**
 * What one signal means, with the rules of the vocabulary that gave it that meaning ({@code word:failed},
 * {@code type:positive:ready}, {@code reason:failure:error}). The rule names let a test take one operator's
 * words out of the vocabulary and see what the rest would say (leave-one-operator-out); they are not shown
 * to users.
 */
record Meaning(Health health, List<String> rules) {

  Meaning {
    rules = List.copyOf(rules);
  }

  static Meaning of(Health health, String... rules) {
    return new Meaning(health, List.of(rules));
  }

  Meaning and(String rule) {
    List<String> all = new ArrayList<>(rules);
    all.add(rule);
    return new Meaning(health, all);
  }
}
