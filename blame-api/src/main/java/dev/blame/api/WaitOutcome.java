package dev.blame.api;

/** How a wait for a rollout ended. */
public enum WaitOutcome {
  /** Every object is Current and Healthy (or deliberately Suspended). */
  COMPLETE,
  /** Some object is doomed: Degraded, or its controller gave up. The culprits say why. */
  FAILED,
  /** The deadline passed while objects were still progressing. */
  TIMED_OUT
}
