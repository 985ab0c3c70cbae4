package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.PODS_FAILING;

import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.spi.Judgement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemonset controller's kill-and-recreate loop, read from its own Events. When the controller finds a daemon pod
 * in phase Failed on a node, it deletes it so that another is created there, and says so on the DaemonSet with a
 * Warning {@code FailedDaemonPod} "Found failed daemon pod NAMESPACE/POD on node NODE, will try to kill it"
 * (pkg/controller/daemon, {@code podsShouldBeOnNodes}; a back-off per DaemonSet and node spaces the kills). One such
 * Event is one failed pod replaced, which may be the end of it (a pod evicted once). A second naming the same node
 * means the replacement failed there too: the node fails every daemon pod it gets (the kubelet rejects or evicts
 * them), and the controller's next pod will fare the same.
 */
final class FailedDaemonPods {

  static final String REASON = "FailedDaemonPod";
  /** Failed pods killed on one node, counting Event repeats, from which the node is failing the DaemonSet's pods. */
  static final int LOOP = 2;
  private static final Pattern MESSAGE =
      Pattern.compile("Found failed daemon pod (\\S+)/(\\S+) on node (\\S+), will try to kill it");

  private FailedDaemonPods() {}

  /**
   * A DEGRADED {@code PodsFailing} finding for each node whose {@code FailedDaemonPod} Events (the controller's own)
   * add up to {@link #LOOP} failed pods or more, unless the DaemonSet's pod on that node is ready now: its replacement
   * runs there, so those kills are history (another node still rolling makes the DaemonSet short of ready, not that
   * one). Returns whether any was added.
   */
  static boolean judge(List<EventRecord> events, Set<String> readyNodes, Judgement j) {
    Map<String, List<EventRecord>> byNode = new LinkedHashMap<>();
    for (EventRecord e : events) {
      Matcher m = e.isWarning() && e.reason().equals(REASON) ? MESSAGE.matcher(e.message().strip()) : null;
      if (m != null && m.matches()) {
        byNode.computeIfAbsent(m.group(3), n -> new ArrayList<>()).add(e);
      }
    }
    boolean found = false;
    for (Map.Entry<String, List<EventRecord>> node : byNode.entrySet()) {
      List<EventRecord> kills = node.getValue();
      int failed = kills.stream().mapToInt(e -> Math.max(1, e.count())).sum();
      if (failed < LOOP || readyNodes.contains(node.getKey())) {
        continue;
      }
      List<EventRecord> newestFirst = kills.stream().sorted(EventRecord.NEWEST_FIRST).toList();
      Matcher newest = MESSAGE.matcher(newestFirst.get(0).message().strip());
      String pod = newest.matches() ? newest.group(2) : "";
      j.find(Health.DEGRADED, PODS_FAILING, "Daemon pods keep failing on node " + node.getKey() + ": the controller"
              + " killed " + failed + " failed pods there to recreate them (FailedDaemonPod), the latest " + pod,
          newestFirst.stream().limit(3).map(Evidence::event).toArray(Evidence[]::new));
      found = true;
    }
    return found;
  }
}
