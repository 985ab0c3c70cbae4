package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code severity} of a condition not in its good state says (Cluster API's conditions proposal, which Azure
 * Service Operator and the OpenStack operators' lib-common took up): {@code Info} is the normal wait, {@code Error}
 * is a problem the reporter gave up on, and {@code Warning} a problem the reporter keeps retrying (Argo CD's Cluster
 * API script fails every False {@code Ready} whose severity is not Info). A {@code Warning} whose reason says what it
 * waits for is that wait: Cluster API documents {@code WaitingForAvailableMachines} (Severity=Warning) for a
 * MachineDeployment with fewer machines available than it needs, which is the case while it scales up (Argo CD's
 * MachineDeployment script reads that phase, {@code ScalingUp}, as Progressing), and Azure Service Operator writes
 * {@code WaitingForOwner} (Warning, "Progress is blocked until the owner is created", retried fast) while the owner it
 * is created in does not exist yet. Not a wait for a fault to be remedied: Cluster API's {@code WaitingForRemediation}
 * (Warning) marks a Machine that failed its health check, until its owner replaces it.
 */
final class Severities {

  /** First words of a reason that names what it waits for ({@code WaitingForOwner}, {@code AwaitingApproval}). */
  private static final Set<String> AWAITING = Set.of("waiting", "awaiting");
  /** Words of a fault's repair: what is awaited then is the fix of a fault there is ({@code WaitingForRemediation}). */
  private static final Set<String> REPAIRS = Set.of("remediation", "repair", "intervention");

  private Severities() {}

  /** True for a severity that marks a problem: anything but {@code Info}. */
  static boolean severe(Condition c) {
    return !"Info".equalsIgnoreCase(c.severity());
  }

  /**
   * What a False positive condition with a severity means: PROGRESSING for {@code Info}, and for a {@code Warning}
   * whose reason is led by a waiting word and says neither failed nor error nor a repair; DEGRADED otherwise.
   */
  static Meaning read(Condition c, String type) {
    String rule = "severity:" + c.severity().toLowerCase(Locale.ROOT);
    if (!severe(c)) {
      return Meaning.of(Health.PROGRESSING, type, rule);
    }
    return awaits(c) ? Meaning.of(Health.PROGRESSING, type, rule + "-awaits") : Meaning.of(Health.DEGRADED, type, rule);
  }

  private static boolean awaits(Condition c) {
    if (!"Warning".equalsIgnoreCase(c.severity()) || ReasonVocabulary.failedReason(c.reason()).isPresent()) {
      return false;
    }
    List<String> words = ConditionVocabulary.words(c.reason());
    return !words.isEmpty() && AWAITING.contains(words.get(0)) && words.stream().noneMatch(REPAIRS::contains);
  }
}
