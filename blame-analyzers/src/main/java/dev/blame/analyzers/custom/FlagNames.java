package dev.blame.analyzers.custom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status flag named with an auxiliary verb before the word the flags are read by: {@code isHealthy},
 * {@code isReady}, {@code hasTimedOut}, {@code hasFailed}. The auxiliary adds nothing: {@code isHealthy} says what
 * {@code healthy} says, {@code hasTimedOut} what {@code timedOut} says. The etcd-io etcd-operator keeps each member's
 * {@code isHealthy}, an OCI PostgreSQL operator its {@code OciPostgresDBInstance} {@code status.isReady}, Kubegres its
 * blocking operation's {@code hasTimedOut}. Only before a capital: {@code issued}, {@code hash} keep their names;
 * what follows is read by the flag vocabulary, so a flag that asks about having a thing ({@code hasResult},
 * {@code isLeader}) still says nothing.
 */
final class FlagNames {

  private static final Pattern AUXILIARY = Pattern.compile("^(?:is|has)(\\p{Lu}.*)$");

  private FlagNames() {
  }

  /** The name without a leading auxiliary ({@code hasTimedOut} gives {@code TimedOut}); any other name as it is. */
  static String bare(String name) {
    Matcher matcher = AUXILIARY.matcher(name);
    return matcher.matches() ? matcher.group(1) : name;
  }
}
