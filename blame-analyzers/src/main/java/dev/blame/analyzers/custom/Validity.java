package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The end of the validity an object stands for, passed. {@code notAfter} is RFC 5280's name for the last instant a
 * certificate is valid (section 4.1.2.5), and operators that keep a certificate copy it into their status:
 * cert-manager's Certificate ("the expiration time of the certificate stored in the secret named by this resource in
 * spec.secretName") and the ACK ACM controller's Certificate ("the time after which the certificate is not valid").
 * Once that time is behind the clock the object is expired, whatever its conditions still say: cert-manager only
 * re-reads its Ready condition on events, and left {@code Ready=True} on a certificate a month past its
 * {@code notAfter} (cert-manager#7895, fixed by re-checking at expiry in #9044). Other end times are not read:
 * Velero's {@code expiration} is when a backup is collected, not a failure.
 */
final class Validity {

  private Validity() {}

  static List<Signal> read(Unstructured object, Instant now) {
    String notAfter = object.string("status", "notAfter");
    if (notAfter.isEmpty() || now == null) {
      return List.of();
    }
    try {
      return Instant.parse(notAfter).isAfter(now) ? List.of()
          : List.of(new Signal(Health.DEGRADED, "status.notAfter", notAfter, Optional.empty(), List.of(Rules.VALIDITY_EXPIRED)));
    } catch (DateTimeParseException e) {
      return List.of();
    }
  }
}
