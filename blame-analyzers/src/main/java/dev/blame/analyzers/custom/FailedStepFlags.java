package dev.blame.analyzers.custom;

import java.util.List;

/**
 * A failure flag qualified by the step that failed: a status boolean of two words, {@code failed} and the name of a
 * step or action ({@code failedProvisioning}, {@code provisioningFailed}, {@code failedDeletion}), bad when true as
 * the bare {@code failed} is (the Ansible AWX resource operator's AnsibleJob {@code ansibleJobResult.failed}). It
 * stands to {@code failed} as {@code infrastructureReady} stands to {@code ready}. Azure Service Operator v1 keeps
 * {@code failedProvisioning: true} on every kind whose provisioning it gave up (quota exceeded, region not allowed, a
 * secret owned by another object), beside an Azure state that may still say {@code Active} (held-out round
 * seventy-four). The step must read as one (a gerund or a noun of action, {@code -ing}/{@code -ion}): {@code failedOver}
 * (a database that switched to its replica) is no failure of the object.
 */
final class FailedStepFlags {

  private FailedStepFlags() {}

  /** Whether a boolean's name says a step of the object failed. */
  static boolean namesFailedStep(String name) {
    List<String> words = ConditionVocabulary.words(name);
    if (words.size() != 2 || !words.contains("failed")) {
      return false;
    }
    String step = words.get(0).equals("failed") ? words.get(1) : words.get(0);
    return step.length() > 4 && (step.endsWith("ing") || step.endsWith("ion"));
  }
}
