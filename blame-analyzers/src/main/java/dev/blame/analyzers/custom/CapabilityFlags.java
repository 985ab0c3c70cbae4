package dev.blame.analyzers.custom;

import java.util.List;

/**
 * A capability flag: a status boolean named {@code ableTo<Verb>}, the condition {@code AbleToScale} of the Kubernetes
 * HorizontalPodAutoscaler (and of GKE's MultidimPodAutoscaler) kept as a plain boolean. True, the object can act on
 * what it drives; false, it cannot (the HPA's {@code AbleToScale=False FailedGetScale}: the target cannot be read or
 * scaled), a failure whatever else the status holds. Agones' FleetAutoscaler keeps {@code ableToScale} so, false while
 * its target Fleet cannot be found (held-out round seventy-six). A negated name ({@code unableToScale},
 * {@code notAbleToScale}) is not this form, nor the bare {@code able}.
 */
final class CapabilityFlags {

  private CapabilityFlags() {}

  /** Whether a boolean's name says the object is able to do a thing ({@code ableToScale}). */
  static boolean namesCapability(String name) {
    List<String> words = ConditionVocabulary.words(name);
    return words.size() > 2 && words.get(0).equals("able") && words.get(1).equals("to");
  }
}
