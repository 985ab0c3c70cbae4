package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last error of one operation on the object, kept as Kubernetes' {@code VolumeError} ({@code {message, time}}:
 * "an error encountered during a volume operation") in a field named by that operation: the VolumeAttachment's
 * {@code attachError} and {@code detachError} ("the last error encountered during attach/detach operation, if any",
 * written by the external-attacher and cleared when the operation succeeds). The CSI snapshot API keeps the same type
 * under the bare {@code error} (VolumeSnapshot, VolumeGroupSnapshot), read as an error already; this is that error
 * qualified by its operation, as {@link FailedStepFlags} qualifies {@code failed}. Only the type's shape is read (an
 * object with a {@code message} and a {@code time}), not a string or a count, and not a history
 * ({@code lastSyncError}, {@code previousError}): the failure, unless a true readiness beside it says the object got
 * past it.
 */
final class OperationErrors {

  static final String RULE = "field:operation-error";
  private static final Set<String> NOT_AN_OPERATION = Set.of("last", "previous", "prior", "old", "no", "max", "min");
  /** Operations that undo what a readiness flag states: their failure leaves that flag true. */
  private static final Set<String> UNDOING = Set.of("detach", "unmount", "unpublish", "unstage", "delete", "deletion",
      "deprovision", "disconnect", "uninstall", "unbind", "deregister", "unregister", "teardown", "cleanup");

  private OperationErrors() {}

  /**
   * Whether a status field is one: named by an operation followed by {@code Error} ({@code attachError}) and shaped
   * as a {@code VolumeError}, with a message and a time. Other shapes under such a name (Ory Hydra Maester's
   * {@code reconciliationError: {statusCode, description}}) are walked as any other map.
   */
  static boolean isOne(Unstructured map, String key) {
    List<String> words = ConditionVocabulary.words(key);
    Unstructured error = map.child(key);
    return words.size() == 2 && words.get(1).equals("error") && !NOT_AN_OPERATION.contains(words.get(0))
        && !error.string("message").isBlank() && error.has("time");
  }

  /**
   * The failure it reports, unless a true readiness beside it says the object got past it. An operation that undoes
   * ({@code detach}, {@code unmount}, {@code delete}) is not got past by a true readiness: it is the state it failed to
   * undo (a VolumeAttachment whose detach failed stays {@code attached: true} beside its {@code detachError}).
   */
  static Optional<Signal> read(Unstructured map, String key, String field) {
    String message = map.child(key).string("message");
    boolean undoing = UNDOING.contains(ConditionVocabulary.words(key).get(0));
    boolean pastIt = !undoing && map.entries().stream().anyMatch(e -> Boolean.TRUE.equals(e.getValue())
        && StatusSignals.goodWhenTrue(e.getKey()));
    return pastIt ? Optional.empty()
        : Optional.of(new Signal(Health.DEGRADED, field + ".message", message, Optional.empty(), List.of(RULE)));
  }
}
