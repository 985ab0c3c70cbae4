package dev.blame.analyzers.workload;

import dev.blame.analyzers.support.Times;
import dev.blame.api.EventRecord;
import dev.blame.api.spi.AnalysisContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kubelet's restart back-off seen in Events alone (no status in view), judged as {@link ContainerRules} judges a
 * {@code CrashLoopBackOff} state: a failure once the container has restarted more often than the tolerance allows,
 * or once its last exit is older than the grace window plus its startup probe's budget (the kubelet doubles the
 * back-off from 10 s after every failed start, so a container still held back past that window has failed again).
 * What the Events say: every Normal {@code Started} of the container is one start (restarts = starts - 1);
 * a Warning {@code BackOff} "Back-off restarting failed container" newer than the newest start means the container
 * exited after that start and has not been started since, so its last exit came before the back-off's first time
 * (before its last time when a start falls inside the folded back-off's span).
 */
final class RestartBackOff {

  private RestartBackOff() {}

  /** Whether the back-off {@code backOff} of {@code pod}'s container {@code container} is past recovery. */
  static boolean pastRecovery(AnalysisContext ctx, Pod pod, List<EventRecord> events, EventRecord backOff,
      Optional<String> container) {
    Optional<EventRecord> started = events.stream()
        .filter(e -> !e.isWarning() && e.reason().equals("Started"))
        .filter(e -> container.isEmpty() || startOf(e).map(container.get()::equals).orElse(true))
        .min(EventRecord.NEWEST_FIRST);
    Optional<Instant> first = backOff.firstTime().or(backOff::lastTime);
    Optional<Instant> last = backOff.lastTime().or(backOff::firstTime);
    Optional<Instant> startedAt = started.flatMap(e -> e.lastTime().or(e::firstTime));
    if (first.isEmpty() || startedAt.isPresent() && !startedAt.get().isBefore(last.get())) {
      // Undated, or started again after the newest back-off: the Events do not show it held back now.
      return false;
    }
    Instant exitedBy = startedAt.isPresent() && !startedAt.get().isBefore(first.get()) ? last.get() : first.get();
    int restarts = started.map(e -> Math.max(0, e.count() - 1)).orElse(0);
    Duration window = ctx.tolerance().graceOr(ContainerRules.WAITING_GRACE).plus(startupBudget(pod, container));
    return !ctx.tolerance().mayRecover(restarts) || !Times.withinGrace(ctx.now(), Optional.of(exitedBy), window);
  }

  /** The container a {@code Started} Event names ("Started container NAME", or "Started container: NAME"). */
  private static Optional<String> startOf(EventRecord e) {
    Matcher m = STARTED.matcher(e.message().strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static final Pattern STARTED = Pattern.compile("Started container:? (\\S+)");

  /** The named container's startup probe budget (nothing when it has none, or no container is named). */
  private static Duration startupBudget(Pod pod, Optional<String> container) {
    if (container.isEmpty() || pod.getSpec() == null) {
      return Duration.ZERO;
    }
    return Stream.of(pod.getSpec().getInitContainers(), pod.getSpec().getContainers()).filter(Objects::nonNull)
        .flatMap(List::stream).filter(c -> container.get().equals(c.getName())).findFirst()
        .map(Container::getStartupProbe)
        .map(ContainerRules::probeWindow).orElse(Duration.ZERO);
  }
}
