package dev.blame.analyzers.rollouts;

import dev.blame.api.Node;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.util.List;

/** A Rollout's spec and status as the controller writes them (see the Rollout CRD, {@code RolloutStatus}). */
record RolloutStatus(Unstructured object) {

  static RolloutStatus of(Node rollout) {
    return new RolloutStatus(Unstructured.of(rollout.object()));
  }

  boolean hasStatus() {
    return object.has("status");
  }

  String phase() {
    return object.string("status", "phase");
  }

  String message() {
    return object.string("status", "message");
  }

  boolean aborted() {
    return object.bool("status", "abort");
  }

  String currentPodHash() {
    return object.string("status", "currentPodHash");
  }

  /** The stable ReplicaSet's hash: {@code status.stableRS}, or {@code status.canary.stableRS} before v0.8. */
  String stableHash() {
    String stable = object.string("status", "stableRS");
    return stable.isEmpty() ? object.string("status", "canary", "stableRS") : stable;
  }

  boolean blueGreen() {
    return object.has("spec", "strategy", "blueGreen");
  }

  String activeHash() {
    return object.string("status", "blueGreen", "activeSelector");
  }

  String previewHash() {
    return object.string("status", "blueGreen", "previewSelector");
  }

  List<Unstructured> steps() {
    return object.list("spec", "strategy", "canary", "steps");
  }

  /** {@code status.currentStepIndex}, or -1 when absent. */
  long stepIndex() {
    return object.number("status", "currentStepIndex").orElse(-1L);
  }

  boolean specPaused() {
    return object.bool("spec", "paused");
  }

  List<Unstructured> pauseConditions() {
    return object.list("status", "pauseConditions");
  }

  boolean controllerPause() {
    return object.bool("status", "controllerPause");
  }

  List<Condition> conditions() {
    return object.conditions();
  }

  /** {@code status.observedGeneration}: a number since v1.0 (as a string), a hash of the spec before. */
  String observedGeneration() {
    return object.string("status", "observedGeneration");
  }

  long replicas() {
    return object.number("spec", "replicas").orElse(1L);
  }

  long status(String field) {
    return object.number("status", field).orElse(0L);
  }
}
