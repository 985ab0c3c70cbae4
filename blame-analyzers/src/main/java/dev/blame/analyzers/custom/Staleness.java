package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conditions written for an older generation than the object's. Gateway API statuses name the controller that
 * wrote each entry ({@code parents[].controllerName}, {@code ancestors[].controllerName}): a controller that wrote
 * nothing for the current generation has not caught up with the change, whatever other controllers say; one that
 * did has, and its older entries are history. So is an entry for a parent the route's {@code spec.parentRefs} no
 * longer names, whichever controller wrote it: an implementation that lost the route stops reconciling it and
 * leaves its entry behind (kgateway-dev/kgateway#11747, Kong kubernetes-ingress-controller#5277,
 * envoyproxy/gateway#5656).
 *
 * <p>A list of conditions no controller wrote is left behind too: a CRD's schema default
 * ({@code +kubebuilder:default}) gives a new object conditions at the Unix epoch ({@code Pending}, "Waiting for
 * controller", {@code lastTransitionTime: "1970-01-01T00:00:00Z"}), as Gateway API, the Kong operator's Konnect kinds,
 * Redpanda's operator and the Gateway API Inference Extension declare. A controller replaces the default of a type it
 * reports in the same list; an entry of a list of parents or parts whose conditions are only defaults, beside a list a
 * controller wrote (the Inference Extension's default parent, which the API server adds to {@code status.parent} and a
 * controller is to remove when it reports), is not waiting on anything: the controller reports elsewhere. The object's
 * own {@code status.conditions} of defaults still say it waits (a Gateway's {@code Programmed} default stays until
 * programmed).
 */
final class Staleness {
  final List<Condition> conditions = new ArrayList<>();
  final Map<String, Condition> lagging = new LinkedHashMap<>();
  final Set<String> current = new HashSet<>();
  /** The paths of condition lists of list entries that hold only schema defaults (every condition at the epoch). */
  final Set<String> unwritten = new HashSet<>();
  /** Whether some condition list holds a condition a controller wrote (a transition time after the epoch). */
  boolean written;
  /** The parents {@code spec.parentRefs} names (namespace/name); null when the spec names none. */
  Set<String> named;
  String namespace = "";
  /** Whether the object is a run ({@link Runs#isRun}), whose Ready summarises nothing. */
  boolean run;
  /** The object's kind, for the readiness named after it ({@link ConditionVocabulary#ownReadiness}). */
  String kind = "";

  static String key(Unstructured ref, String namespace) {
    String ns = ref.string("namespace");
    return (ns.isEmpty() ? namespace : ns) + "/" + ref.string("name");
  }

  /** Notes whether a condition list was written by a controller or holds only its CRD's defaults. */
  void note(String path, List<Condition> list) {
    if (list.isEmpty()) {
      return;
    }
    if (list.stream().allMatch(c -> c.since().filter(Instant.EPOCH::equals).isPresent())) {
      if (path.contains("[")) {
        unwritten.add(path);
      }
    } else if (list.stream().anyMatch(c -> c.since().filter(t -> t.isAfter(Instant.EPOCH)).isPresent())) {
      written = true;
    }
  }

  /** Whether a signal comes from a list of defaults that a controller's report elsewhere in the status outdates. */
  boolean outdatedDefault(Signal signal) {
    return written && signal.condition().filter(c -> unwritten.contains(c.path())).isPresent();
  }

  /** False for an entry whose parent the spec no longer names. */
  boolean named(Unstructured entry) {
    Unstructured ref = entry.child("parentRef");
    return named == null || ref.isEmpty() || named.contains(key(ref, namespace));
  }
}
