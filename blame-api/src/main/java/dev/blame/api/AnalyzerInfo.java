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

  public abstract String id();

  public abstract String className();

  /** The jar or directory the class was loaded from, or {@code ""} when unknown. */
  public abstract String location();

  /** The kinds it handles, e.g. {@code [Deployment.apps]} or {@code *}. */
  public abstract String kinds();

  public abstract Origin origin();

  public static ImmutableAnalyzerInfo.Builder builder() {
    return ImmutableAnalyzerInfo.builder();
  }
}
