package dev.blame.api;

import org.immutables.value.Value;

/**
 * A machine-readable reason, in Kubernetes' UpperCamelCase ({@code CrashLoopBackOff},
 * {@code ProgressDeadlineExceeded}). Analyzers define their own constants; the ones here are produced by the
 * engine itself. Two codes are equal when their text is.
 */
@Value.Immutable
public abstract class ReasonCode implements Comparable<ReasonCode> {

  /** An owner reference names an object of an observed kind that is not there. */
  public static final ReasonCode OWNER_NOT_FOUND = of("OwnerNotFound");
  /** Owner references form a cycle. */
  public static final ReasonCode OWNER_CYCLE = of("OwnerCycle");
  /** No analyzer handles the object's kind. */
  public static final ReasonCode NO_ANALYZER = of("NoAnalyzer");
  /** An analyzer threw; the message names it. */
  public static final ReasonCode ANALYZER_FAILED = of("AnalyzerFailed");
  /** The object could not be read: the API refused access. */
  public static final ReasonCode FORBIDDEN = of("Forbidden");
  /** The watch of the object's kind stopped, so what is known of it may be stale. */
  public static final ReasonCode WATCH_STOPPED = of("WatchStopped");
  /** The object does not exist. */
  public static final ReasonCode NOT_FOUND = of("NotFound");
  /** The object is referenced, but its kind is not observed, so whether it exists is not known. */
  public static final ReasonCode NOT_OBSERVED = of("NotObserved");
  /** The object's content is not what its kind requires (e.g. an invalid selector). */
  public static final ReasonCode INVALID_OBJECT = of("InvalidObject");
  /** A downstream object explains this object's state. */
  public static final ReasonCode CHILD_FAILING = of("ChildFailing");

  /** {@return the code, UpperCamelCase like Kubernetes' own reasons, e.g. {@code CrashLoopBackOff}}. */
  @Value.Parameter
  public abstract String code();

  /**
   * A reason code; analyzers of custom kinds define their own, prefixed with their kind.
   *
   * @param code the code: an upper-case letter, then letters, digits or underscores
   * @return the reason code
   * @throws IllegalArgumentException when the code is not of that form
   */
  public static ReasonCode of(String code) {
    return ImmutableReasonCode.of(code);
  }

  /**
   * Rejects codes that would not read as one word in output.
   *
   * @throws IllegalArgumentException naming the code
   */
  @Value.Check
  protected void check() {
    String c = code();
    if (c.isEmpty() || !Character.isUpperCase(c.charAt(0))
        || !c.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
      throw new IllegalArgumentException(
          "expected a reason code in UpperCamelCase such as 'CrashLoopBackOff', got '" + Escape.terminal(c) + "'");
    }
  }

  @Override
  public int compareTo(ReasonCode other) {
    return code().compareTo(other.code());
  }

  @Override
  public String toString() {
    return code();
  }
}
