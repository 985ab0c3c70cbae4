package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replica counters, the convention of every kind that manages pods like a Deployment does (the scale
 * subresource: {@code spec.replicas} against {@code status.readyReplicas}, {@code availableReplicas},
 * {@code updatedReplicas}), and ready ratios as {@code kubectl get} prints them ({@code "1/3"}): in a field of
 * replicas (OpenTelemetry's {@code statusReplicas}), and in a field named by the parts it counts, a plural noun or
 * {@code ready} before one (Piraeus' {@code satellites: 2/3}, Hazelcast's {@code readyMembers: 3/3}).
 */
final class ReplicaCounts {

  private static final Pattern RATIO = Pattern.compile("(\\d{1,6})/(\\d{1,6})");
  private static final List<String> COUNTERS = List.of("readyReplicas", "availableReplicas", "updatedReplicas");
  /**
   * A field named by the parts it counts: a plural noun ({@code satellites}, {@code members}), or ready before one. Not
   * a word that only ends like one ({@code status}, {@code progress}, {@code address}).
   */
  private static final Pattern PARTS = Pattern.compile("(ready[A-Z][A-Za-z]*|[a-z][A-Za-z]*[a-rtv-z]s)");

  private ReplicaCounts() {}

  /**
   * PROGRESSING when a counter that the status keeps is below {@code spec.replicas}. HEALTHY when every one it keeps is
   * at it and one of them counts pods that serve ({@code readyReplicas}, {@code availableReplicas}): the pods are there,
   * as kstatus reads a StatefulSet's and OpenKruise's CloneSet prints them (any other signal outranks this one). Not
   * while the rollout is visibly unfinished ({@link #settled}).
   */
  static Optional<Signal> read(Unstructured object) {
    Optional<Long> desired = object.number("spec", "replicas");
    if (desired.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> serving = Optional.empty();
    for (String counter : COUNTERS) {
      Optional<Long> have = object.number("status", counter);
      if (have.isPresent() && have.get() < desired.get()) {
        return Optional.of(new Signal(Health.PROGRESSING, "status." + counter,
            have.get() + " of " + desired.get(), Optional.empty(), List.of("replicas:counters")));
      }
      if (have.isPresent() && serving.isEmpty() && !counter.equals(UPDATED)) {
        serving = Optional.of(counter);
      }
    }
    return serving.filter(counter -> settled(object, desired.get())).map(counter -> new Signal(Health.HEALTHY,
        "status." + counter,
        object.number("status", counter).orElseThrow() + " of " + desired.get(), Optional.empty(),
        List.of("replicas:counters-met")));
  }

  /** Counts pods at the new template, not pods that serve: it alone says nothing of readiness. */
  private static final String UPDATED = "updatedReplicas";

  /**
   * Whether the counters met also say the rollout is over, as kstatus asks of a StatefulSet and a Deployment
   * (pkg/kstatus/status/core.go): no more pods than wanted ({@code status.replicas} or a counter above
   * {@code spec.replicas}: surplus pods still to be terminated), none unavailable ({@code unavailableReplicas}), and
   * the current revision the update revision ({@code currentRevision} and {@code updateRevision}, where both are kept:
   * pods of the old template still serve). A ready count that reaches the count wanted says nothing of these.
   */
  private static boolean settled(Unstructured object, long desired) {
    boolean surplus = Stream.concat(Stream.of("replicas"), COUNTERS.stream())
        .map(counter -> object.number("status", counter)).flatMap(Optional::stream).anyMatch(n -> n > desired);
    String current = object.string("status", "currentRevision");
    String update = object.string("status", "updateRevision");
    return !surplus && object.number("status", "unavailableReplicas").orElse(0L) == 0
        && (current.isEmpty() || update.isEmpty() || current.equals(update));
  }

  static boolean isRatioField(String key) {
    return isReplicaField(key) || PARTS.matcher(key).matches();
  }

  /**
   * Whether this field's value is for the ratio to judge: any value of a field of replicas, only a ratio in a field
   * named by parts (there other values, a status word, are left to the other readings).
   */
  static boolean readsRatio(String key, String text) {
    return isReplicaField(key) || PARTS.matcher(key).matches() && ratio(key, text).isPresent();
  }

  private static boolean isReplicaField(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("replicas") || k.equals("ready");
  }

  /**
   * {@code "3/3"} is HEALTHY, {@code "1/3"} PROGRESSING; anything else says nothing. In a field named by the parts it
   * counts, only a ratio of some wanted and at most all of them ready reads: there a number over a larger one, or over
   * none, is not the ready ratio.
   */
  static Optional<Health> ratio(String key, String text) {
    Matcher m = RATIO.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long have = Long.parseLong(m.group(1));
    long want = Long.parseLong(m.group(2));
    if (!isReplicaField(key) && (want == 0 || have > want)) {
      return Optional.empty();
    }
    return Optional.of(have >= want ? Health.HEALTHY : Health.PROGRESSING);
  }

  /** A count the controller wants ({@code desiredTablets}, {@code desiredWorkerReplicas}), by the noun it counts. */
  private static final Pattern DESIRED = Pattern.compile("desired([A-Z][A-Za-z]*)");
  /**
   * Counts of parts that serve, of the same noun: {@code readyTablets}, {@code availableWorkerReplicas}, and the
   * current count where the noun names the state reached (Antrea's {@code currentNodesRealized}).
   */
  private static final List<String> SERVING = List.of("ready", "available", "current");
  /**
   * Nouns whose desired count means something else: an autoscaler's recommendation ({@code desiredReplicas} beside
   * {@code currentReplicas}: the target scales, the autoscaler is fine) and the DaemonSet's scheduling counters
   * ({@code desiredNumberScheduled}, which its {@code numberReady} answers, not a {@code readyNumberScheduled}).
   */
  private static final Set<String> OTHER_MEANINGS = Set.of("Replicas", "NumberScheduled");

  /**
   * Counters of parts that serve against the count wanted ({@code desiredX} beside {@code readyX} or
   * {@code availableX} or {@code currentX}: Vitess' shards, KubeRay's workers, Antrea's realized nodes): one below the
   * count wanted is work under way (PROGRESSING); all at it say the parts are there (HEALTHY, which any other signal
   * outranks). Counts of updated parts are not read: a partition or an {@code OnDelete} strategy keeps them below on
   * purpose. The DaemonSet's counters copied by an operator read the same way ({@link #DAEMON_DESIRED}), and so does a
   * count of healthy parts against the count of all of them ({@link #ALL_PARTS}): below it, not every part is healthy;
   * and a bare {@code ready} count against a bare count of all the parts ({@link #ALL_COUNTS}). A count of unavailable
   * parts above zero is work under way too ({@link #UNAVAILABLE}).
   */
  static void desiredCounts(Unstructured map, String path, List<Signal> signals) {
    for (Map.Entry<String, Object> entry : map.entries()) {
      if (!(entry.getValue() instanceof Number want)) {
        continue;
      }
      if (entry.getKey().equals("ready")) {
        for (String all : ALL_COUNTS) {
          map.number(all).filter(n -> n > 0).ifPresent(n -> compare(map, path, "ready", n, "all", signals));
        }
      }
      Matcher healthy = HEALTHY_COUNT.matcher(entry.getKey());
      if (healthy.matches()) {
        for (String all : ALL_PARTS) {
          map.number(all + healthy.group(1)).filter(n -> n > 0).ifPresent(n -> compare(map, path, entry.getKey(), n,
              "healthy", signals));
        }
      }
      if (UNAVAILABLE.matcher(entry.getKey()).matches() && want.longValue() > 0) {
        signals.add(new Signal(Health.PROGRESSING, path + "." + entry.getKey(), want.toString(), Optional.empty(),
            List.of(Rules.Family.COUNTER.of("unavailable"))));
      }
      if (want.longValue() <= 0) {
        continue;
      }
      Matcher m = DESIRED.matcher(entry.getKey());
      if (m.matches() && !OTHER_MEANINGS.contains(m.group(1))) {
        for (String serving : SERVING) {
          compare(map, path, serving + m.group(1), want.longValue(), "desired", signals);
        }
      }
      Matcher daemon = DAEMON_DESIRED.matcher(entry.getKey());
      if (daemon.matches()) {
        String part = daemon.group(1) == null ? "number" : decapitalize(daemon.group(1)) + "Number";
        compare(map, path, part + "Ready", want.longValue(), "desired", signals);
      }
    }
  }

  /**
   * The DaemonSet's counters ({@code desiredNumberScheduled} answered by {@code numberReady}), as operators that run
   * DaemonSets copy them into their own status, bare (Intel's device plugin kinds) or named by the part
   * ({@code desiredWorkerNumberScheduled} answered by {@code workerNumberReady}: Fluid's runtimes).
   */
  private static final Pattern DAEMON_DESIRED = Pattern.compile("desired([A-Z][A-Za-z]*)?NumberScheduled");
  /**
   * A count of parts that do not serve, by the noun it counts ({@code unavailableReplicas}): above zero, the parts are
   * not all there yet, as kstatus reads a Deployment's available replicas short of its updated ones. The Deployment's
   * own count, copied wherever a workload's status is reflected (Karmada's {@code aggregatedStatus[].status} of each
   * member cluster), the Prometheus Operator's ({@code status.unavailableReplicas} and each of its
   * {@code shardStatuses[]}) and Cluster API's MachinePool keep it so. Not a count named as an allowance, of what may
   * become unavailable ({@code unavailableAllowed}: OpenKruise's PodUnavailableBudget, as the PodDisruptionBudget's
   * {@code disruptionsAllowed}): that is the room a budget leaves, not a part that does not serve.
   */
  private static final Pattern UNAVAILABLE = Pattern.compile("unavailable(?![A-Za-z]*Allowed$)([A-Z][A-Za-z]*)");
  /** A count of parts that are healthy ({@code healthyReplicas}, {@code healthyNodes}, {@code healthyTaskManagers}). */
  private static final Pattern HEALTHY_COUNT = Pattern.compile("healthy([A-Z][A-Za-z]*)");
  /**
   * Counts of all the parts a healthy count answers, of the same noun: the parts provisioned (OpenEBS cStor's pool
   * instances: {@code provisionedReplicas}), observed (the Node Healthcheck operator: {@code observedNodes}), in total,
   * or numbered (Lyft's Flink operator: {@code numberOfTaskManagers}).
   */
  private static final List<String> ALL_PARTS = List.of("provisioned", "observed", "total", "numberOf");
  /**
   * Bare counts of all the parts that a bare {@code ready} count answers in the same object: KubeAI's Model
   * ({@code replicas: {all, ready}}), the Sail operator's Istio ({@code revisions: {total, ready, inUse}}), Percona's
   * operators ({@code ready} against {@code size}, for the cluster and each component or replica set).
   */
  private static final List<String> ALL_COUNTS = List.of("all", "total", "size");

  /** Below the count wanted is work under way (PROGRESSING); at it, the parts are there (HEALTHY, outranked by any other). */
  private static void compare(Unstructured map, String path, String key, long want, String what, List<Signal> signals) {
    Optional<Long> count = map.number(key);
    if (count.isPresent()) {
      boolean below = count.get() < want;
      signals.add(new Signal(below ? Health.PROGRESSING : Health.HEALTHY, path + "." + key, count.get() + " of " + want,
          Optional.empty(), List.of(Rules.Family.COUNTER.of(below ? "below-" + what : what + "-met"))));
    }
  }

  private static String decapitalize(String word) {
    return Character.toLowerCase(word.charAt(0)) + word.substring(1);
  }
}
