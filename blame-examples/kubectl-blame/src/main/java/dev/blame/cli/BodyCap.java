package dev.blame.cli;

import dev.blame.core.HttpLimits;
import java.util.Optional;

/**
 * The error line for a failure whose response the cap ({@link HttpLimits}, {@code --max-input-bytes}) cut off. The
 * reason is the failed call's own ({@link HttpLimits#cutOff}): a process that serves requests one after another
 * (the background server) or a run whose calls go at once tells a cut response of one call from another call's
 * failure, and a response abandoned by an earlier request does not become this one's reason.
 */
final class BodyCap {

  private BodyCap() {}

  /** The reason for the error line, when {@code failure} is a call whose response was cut off at the cap. */
  static Optional<String> reason(Throwable failure) {
    return HttpLimits.cutOff(failure).map(cut -> "the response to " + cut.request() + " is larger than "
        + Inputs.human(cut.cap()) + "; raise the limit with " + Inputs.FLAG);
  }
}
