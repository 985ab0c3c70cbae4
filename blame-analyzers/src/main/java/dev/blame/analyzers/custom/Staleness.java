package dev.blame.analyzers.custom;

import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
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
 */
final class Staleness {
  final List<Condition> conditions = new ArrayList<>();
  final Map<String, Condition> lagging = new LinkedHashMap<>();
  final Set<String> current = new HashSet<>();
  /** The parents {@code spec.parentRefs} names (namespace/name); null when the spec names none. */
  Set<String> named;
  String namespace = "";
  /** Whether the object is a run ({@link Runs#isRun}), whose Ready summarises nothing. */
  boolean run;

  static String key(Unstructured ref, String namespace) {
    String ns = ref.string("namespace");
    return (ns.isEmpty() ? namespace : ns) + "/" + ref.string("name");
  }

  /** False for an entry whose parent the spec no longer names. */
  boolean named(Unstructured entry) {
    Unstructured ref = entry.child("parentRef");
    return named == null || ref.isEmpty() || named.contains(key(ref, namespace));
  }
}
