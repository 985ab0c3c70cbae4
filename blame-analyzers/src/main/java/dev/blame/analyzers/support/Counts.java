package dev.blame.analyzers.support;

/** Null-safe reading of the optional integer fields of Kubernetes status blocks. */
public final class Counts {

  private Counts() {}

  public static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  public static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  public static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /** {@code "1 of 3"}. */
  public static String of(int actual, int desired) {
    return actual + " of " + desired;
  }
}
