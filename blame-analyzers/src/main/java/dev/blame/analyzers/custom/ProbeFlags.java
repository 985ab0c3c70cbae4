package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Status booleans named after the Kubernetes API server's health endpoints ({@code /readyz}, {@code /livez}, the older
 * {@code /healthz}; kubernetes.io, "Kubernetes API health endpoints"), as a fleet manager keeps them for each member
 * cluster from its agent's probes. True, the probe answered ok: read with the other booleans ({@link StatusSignals}).
 * All of them false, where a liveness probe ({@code livez} or {@code healthz}) is among them, the member's API server is
 * not serving: a failure, not a wait, as the liveness probe's failure is the kubelet's cue to restart a container.
 * Clusternet's {@code ManagedCluster} (its agent's {@code getCondition} writes {@code Ready=False ManagedClusterNotReady}
 * when neither {@code livez}+{@code readyz} nor {@code healthz} answer ok) and KubeFed's {@code KubeFedCluster} (which
 * writes the same probe's failure as {@code Ready=False ClusterNotReady} "/healthz responded without ok") read a member
 * so. Not when a condition says its reporter went silent: a hub that stopped hearing from the agent writes false in
 * the probes' place (Clusternet's {@code ClusterStatusUnknown} "Clusternet agent stopped posting cluster status"), and
 * then nothing is known. Only the top-level flags of {@code status}; one ok probe (an old cluster without
 * {@code /livez} that answers {@code /healthz}) is no failure.
 */
final class ProbeFlags {

  static final Set<String> NAMES = Set.of("readyz", "livez", "healthz");
  private static final Set<String> LIVENESS = Set.of("livez", "healthz");

  private ProbeFlags() {}

  /** The failure of every probe reported, unless the reporter was lost. */
  static Optional<Signal> failed(Unstructured object) {
    Unstructured status = object.child("status");
    List<String> reported = NAMES.stream().filter(n -> status.get(n).filter(Boolean.class::isInstance).isPresent())
        .sorted().toList();
    if (reported.stream().noneMatch(LIVENESS::contains) || reported.stream().anyMatch(status::bool)
        || object.conditions().stream().anyMatch(ProbeFlags::reporterLost)) {
      return Optional.empty();
    }
    String first = reported.stream().filter(LIVENESS::contains).findFirst().orElseThrow();
    return Optional.of(new Signal(Health.DEGRADED, "status." + first, "false", Optional.empty(),
        List.of("bool:probes-failed:" + String.join(",", reported))));
  }

  private static boolean reporterLost(Condition c) {
    return "unknown".equalsIgnoreCase(c.status())
        && ReasonVocabulary.REPORTER_LOST.matcher(c.reason() + " " + c.message()).find();
  }
}
