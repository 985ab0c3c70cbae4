package dev.blame.analyzers.custom;

import java.util.List;

/**
 * A reason named as Go names its error values: {@code Err} and the failed operation in capitalised words
 * ({@code ErrImagePull}), the name of the sentinel error the controller returned, kept as the reason. The kubelet
 * writes its container waiting reasons so ({@code ErrImagePull}, {@code ErrImageNeverPull}); cert-manager its issuers'
 * {@code Ready=False} reasons ({@code ErrGetKeyPair}, {@code ErrRegisterACMEAccount}, {@code ErrInitIssuer}); Odigos
 * its Destination's {@code DestinationConfigured=False ErrConfigDestination} (held-out round eighty-two); Rancher Fleet
 * names its bundles' error state so ({@code ErrApplied}). Read in reasons only, as {@code Failed} or {@code Error} in a
 * reason is ({@link ReasonVocabulary#failedReason}). {@code Err} must be the first word and another word must follow:
 * the prefix is the convention, and a word that only begins with the letters ({@code Errata}) is another word.
 */
final class ErrorNames {

  private ErrorNames() {}

  /** The rule of a reason named as a Go error value. */
  static final String RULE = "reason:failure:err-name";

  /** Whether a name's words ({@link ConditionVocabulary#words}) are those of a Go error value. */
  static boolean named(List<String> words) {
    return words.size() > 1 && words.get(0).equals("err");
  }
}
