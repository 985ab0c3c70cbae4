package dev.blame.analyzers.custom;

import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status kept as one message: an operator that writes no phase, state nor condition puts the object's state in
 * {@code status.message}, beside nothing but identifiers. The sops-secrets-operator's SopsSecret writes the word alone
 * ({@code message: Healthy}); the Yugabyte Kubernetes Operator's Backup writes it after a label
 * ({@code message: "Backup State: Completed"}, {@code "Backup State: Failed"}, beside {@code resourceUUID} and
 * {@code taskUUID}). The message is then read as a state field would be, in those two forms only: one status word, or
 * a label ending in {@code State}, {@code Status} or {@code Phase}, a colon and one status word. Prose
 * ({@code Decryption error}, {@code Completed the upload}) is not read, nor a message beside any other field (a count,
 * a time, a phase: the status then says more than its message, and its other fields are read for what they say).
 */
final class MessageStates {

  /** A label naming a state, then the state: {@code Backup State: Completed}. */
  private static final Pattern LABELLED = Pattern.compile(
      "\\s*(?:[A-Za-z]+\\s+)*(?:state|status|phase)\\s*:\\s*(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
  /** One word, as a state field holds it. */
  private static final Pattern ONE_WORD = Pattern.compile("\\s*([A-Za-z][A-Za-z_-]{1,39})\\s*");
  /** Fields that only identify: {@code resourceUUID}, {@code taskUUID}, {@code jobId}, {@code observedGeneration}. */
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(?:[a-z][A-Za-z]*)?(?:Id|ID|Uid|UID|Uuid|UUID)|id|uid|uuid|observedGeneration");
  static final String RULE = "message:state";

  private MessageStates() {}

  static Optional<Signal> read(Unstructured object) {
    Unstructured status = object.child("status");
    List<Map.Entry<String, Object>> written = status.entries().stream().filter(e -> e.getValue() != null).toList();
    boolean onlyMessage = written.stream().anyMatch(e -> e.getKey().equals("message") && e.getValue() instanceof String)
        && written.stream().allMatch(e -> e.getKey().equals("message") || IDENTIFIER.matcher(e.getKey()).matches());
    if (!onlyMessage) {
      return Optional.empty();
    }
    String message = status.string("message");
    return word(message).flatMap(StatusWords::read)
        .map(m -> new Signal(m.and(RULE), "status.message", message, Optional.empty()));
  }

  private static Optional<String> word(String message) {
    Matcher labelled = LABELLED.matcher(message);
    if (labelled.matches()) {
      Matcher one = ONE_WORD.matcher(labelled.group(1));
      return one.matches() ? Optional.of(one.group(1)) : Optional.empty();
    }
    Matcher one = ONE_WORD.matcher(message);
    return one.matches() ? Optional.of(one.group(1)) : Optional.empty();
  }
}
