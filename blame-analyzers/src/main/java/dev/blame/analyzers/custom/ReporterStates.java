package dev.blame.analyzers.custom;

import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Optional;

/**
 * A validation state written as the number of its enum, beside the reporter that wrote it. solo-kit, the framework
 * Solo.io's controllers are built on, gives every resource one status type, {@code core.solo.io.Status}: a
 * {@code state}, a {@code reason}, the {@code reportedBy} controller and its {@code subresourceStatuses}, kept per
 * reporter under {@code statuses} in later versions. Its API reference documents the enum (Pending 0, "not yet
 * validated"; Accepted 1, "validated"; Rejected 2, "an invalid configuration by the user"; Warning 3), and
 * controllers written with the framework's older marshaller store the number, not the name: Gloo's {@code gloo},
 * {@code gateway} and discovery reporters write {@code state: 1} on Upstreams, Proxies, VirtualServices and
 * RouteTables, as the Gloo Edge and Gloo Portal guides print them. Where a map names its {@code reportedBy} and holds
 * a whole number in that range as its {@code state}, the number is read as the enum's word; anywhere else a numeric
 * state means nothing without its operator's enum and stays unread. The reporter may be spelled as the proto field
 * is, {@code reported_by}: the proto3 JSON mapping accepts the original field name beside the lowerCamelCase one, and
 * marshallers told to keep proto names write it (Gloo Enterprise's AuthConfig, {@code reported_by: gloo}).
 */
final class ReporterStates {

  /** The words of {@code core.solo.io.Status.State}, in the order of their numbers. */
  private static final List<String> WORDS = List.of("Pending", "Accepted", "Rejected", "Warning");

  /** The reporter field, by its JSON name and by its proto field name. */
  private static final List<String> REPORTER = List.of("reportedBy", "reported_by");

  private ReporterStates() {}

  /** The enum's word for {@code map}'s numeric {@code state}, when {@code map} is a reporter's status. */
  static Optional<String> word(Unstructured map, String key, Object value) {
    if (!key.equals("state") || !(value instanceof Number number)
        || REPORTER.stream().allMatch(r -> map.string(r).isBlank())) {
      return Optional.empty();
    }
    double n = number.doubleValue();
    if (n != Math.rint(n) || n < 0 || n >= WORDS.size()) {
      return Optional.empty();
    }
    return Optional.of(WORDS.get((int) n));
  }
}
