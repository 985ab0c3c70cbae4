package dev.blame.api;

import org.immutables.value.Value;

/** An analyzer in use, as {@code kubectl-blame analyzers} lists it. */
@Value.Immutable
public abstract class AnalyzerInfo {

  /** How the analyzer came to be used. */
  public enum Origin {
    /** Registered in code by the caller; wins over a discovered analyzer with the same id. */
    REGISTERED,
    /** Found with {@link java.util.ServiceLoader}. */
    DISCOVERED
  }

  /** {@return the analyzer's id, as {@code Analyzer.id()} returns it}. */
  public abstract String id();

  /** {@return the analyzer's class name, for messages that must say which code is meant}. */
  public abstract String className();

  /** {@return the jar or directory the class was loaded from, or {@code ""} when unknown}. */
  public abstract String location();

  /** {@return the kinds it handles, e.g. {@code [Deployment.apps]} or {@code *}}. */
  public abstract String kinds();

  /** {@return whether the analyzer was registered in code or discovered}. */
  public abstract Origin origin();

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableAnalyzerInfo.Builder builder() {
    return ImmutableAnalyzerInfo.builder();
  }
}
