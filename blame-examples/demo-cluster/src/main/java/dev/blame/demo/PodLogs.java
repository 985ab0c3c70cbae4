package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code GET .../pods/NAME/log} applied to a simulated container's output, as the kubelet applies
 * them to a container's log file ({@code kuberuntime_logs.go}): {@code sinceSeconds}/{@code sinceTime} keep the lines
 * written at or after that time, {@code tailLines} the last N, {@code timestamps} prefixes each line with its time
 * (RFC 3339 with nanoseconds, trailing zeros cut as Go's {@code RFC3339Nano} does), and {@code limitBytes} cuts the
 * result. Every line of the simulation is written when its container starts.
 */
final class PodLogs {

  private PodLogs() {
  }

  /**
   * The log as the kubelet would answer it.
   *
   * @param output the container's lines, each ending in a newline
   * @param written when they were written (the container's start); null when unknown (no timestamps, since keeps all)
   * @param query the request's parameters by name (null values for absent ones)
   * @throws IllegalArgumentException for a parameter the API server refuses (a 400)
   */
  static String render(String output, Instant written, java.util.function.Function<String, String> query,
      Instant now) {
    List<String> lines = new ArrayList<>(Arrays.asList(output.split("(?<=\n)")));
    lines.removeIf(String::isEmpty);
    Instant since = since(query, now);
    if (since != null && written != null && written.isBefore(since)) {
      lines.clear();
    }
    Long tail = number(query.apply("tailLines"), "tailLines");
    if (tail != null && tail < lines.size()) {
      lines = lines.subList(lines.size() - (int) Math.max(0, tail), lines.size());
    }
    StringBuilder out = new StringBuilder();
    boolean timestamps = "true".equals(query.apply("timestamps"));
    for (String line : lines) {
      if (timestamps && written != null) {
        out.append(rfc3339Nano(written)).append(' ');
      }
      out.append(line);
    }
    Long limit = number(query.apply("limitBytes"), "limitBytes");
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    if (limit != null && limit < bytes.length) {
      return new String(bytes, 0, limit.intValue(), StandardCharsets.UTF_8);
    }
    return out.toString();
  }

  /** When the current (or, with {@code previous}, the last terminated) instance of a container started. */
  static Instant startedAt(JsonNode containerStatus, boolean previous) {
    JsonNode state = containerStatus.path(previous ? "lastState" : "state");
    for (String s : List.of("running", "terminated")) {
      String at = state.path(s).path("startedAt").asText("");
      if (!at.isEmpty()) {
        try {
          return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** Whether a {@code follow=true} request on this container keeps streaming: its current instance runs. */
  static boolean running(JsonNode pod, String container) {
    for (String list : List.of("initContainerStatuses", "containerStatuses")) {
      for (JsonNode cs : pod.path("status").path(list)) {
        if (cs.path("name").asText().equals(container)) {
          return cs.path("state").has("running");
        }
      }
    }
    return false;
  }

  private static Instant since(java.util.function.Function<String, String> query, Instant now) {
    Long seconds = number(query.apply("sinceSeconds"), "sinceSeconds");
    String time = query.apply("sinceTime");
    if (seconds != null && time != null) {
      throw new IllegalArgumentException("at most one of sinceTime or sinceSeconds may be specified");
    }
    if (seconds != null) {
      if (seconds < 1) {
        throw new IllegalArgumentException("sinceSeconds: Invalid value: " + seconds
            + ": must be greater than 0");
      }
      return now.minusSeconds(seconds);
    }
    if (time != null) {
      try {
        return OffsetDateTime.parse(time).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("sinceTime: Invalid value: \"" + time + "\": not an RFC 3339 time");
      }
    }
    return null;
  }

  private static Long number(String value, String name) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      long n = Long.parseLong(value);
      if (name.equals("tailLines") && n < 0) {
        throw new IllegalArgumentException(name + ": Invalid value: " + n + ": must be greater than or equal to 0");
      }
      if (name.equals("limitBytes") && n < 1) {
        throw new IllegalArgumentException(name + ": Invalid value: " + n + ": must be greater than 0");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": Invalid value: \"" + value + "\": not a number");
    }
  }

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** Go's {@code time.RFC3339Nano} in UTC: nanoseconds with trailing zeros cut, no fraction when they are all 0. */
  static String rfc3339Nano(Instant t) {
    OffsetDateTime utc = t.atOffset(ZoneOffset.UTC);
    String fraction = String.format("%09d", utc.getNano()).replaceAll("0+$", "");
    return SECONDS.format(utc) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
  }
}
