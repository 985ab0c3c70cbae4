package dev.blame.analyzers.workload;

import static dev.blame.analyzers.workload.WorkloadReasons.LIVENESS_PROBE_FAILED;
import static dev.blame.analyzers.workload.WorkloadReasons.READINESS_PROBE_FAILED;

import dev.blame.analyzers.support.WarningEvents;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet prober's {@code Unhealthy} Events of a pod none of whose status is in view: which probe fails, and for
 * how long. Read by {@link KubeletEvents}.
 */
final class ProbeEvents {

  private ProbeEvents() {}

  /**
   * The kubelet's prober Events: {@code Unhealthy} "&lt;Readiness|Liveness&gt; probe failed: &lt;output&gt;"
   * (pkg/kubelet/prober, {@code runProbe}: "%s probe failed: %s" with the probe's type, or "%s probe errored: %v" when
   * it could not run, which counts as a failure too). The probe type names what
   * fails: a readiness probe keeps the pod out of its Services ({@code ReadinessProbeFailed}), a liveness probe gets
   * the container killed ({@code LivenessProbeFailed}). DEGRADED once the Events show it lasting the stuck window,
   * as other Warnings. Returns whether one was named.
   */
  static boolean probeFailures(AnalysisContext ctx, Pod pod, List<EventRecord> events, Judgement j) {
    boolean named = false;
    for (EventRecord e : events) {
      Matcher m = PROBE.matcher(e.message().strip());
      if (!e.isWarning() || !e.reason().equals("Unhealthy") || !m.lookingAt()) {
        continue;
      }
      ReasonCode code = m.group(1).equals("Readiness") ? READINESS_PROBE_FAILED
          : LIVENESS_PROBE_FAILED;
      boolean stuck = WarningEvents.lastedAtLeast(e.firstTime().or(e::lastTime), e.lastTime(),
          ctx.tolerance().stuckOr(WarningEvents.STUCK));
      String text = "'s " + m.group(1).toLowerCase(Locale.ROOT) + " probe fails (the kubelet's Events; no"
          + " status in view): " + e.message().strip() + (e.count() > 1 ? " (x" + e.count() + ")" : "");
      Optional<String> container = KubeletEvents.container(pod, "");
      Health health = stuck ? Health.DEGRADED : Health.PROGRESSING;
      if (container.isPresent()) {
        j.findInContainer(container.get(), health, code, "Container [" + container.get() + "]" + text,
            e.firstTime().or(e::lastTime), Evidence.event(e));
      } else {
        j.find(health, code, "A container" + text, Evidence.event(e));
      }
      named = true;
    }
    return named;
  }

  private static final Pattern PROBE = Pattern.compile("(Readiness|Liveness) probe (?:failed|errored)");
}
