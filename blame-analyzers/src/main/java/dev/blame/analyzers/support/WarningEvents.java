package dev.blame.analyzers.support;

import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Judgement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warning Events as evidence of why an object is stuck. Repeated Events (the same reason and message, up to
 * the numbers in it) fold into one, as kubectl folds them ({@code x31}); a folded Event becomes a finding whose
 * health follows how long the Events show the problem has lasted, or DEGRADED at once when the message says
 * something that cannot resolve itself ({@link #deterministic}).
 */
public final class WarningEvents {

  /** How long a Warning Event may keep repeating before the state it explains counts as stuck. */
  public static final Duration STUCK = Duration.ofMinutes(5);

  /** Reason code of a Warning Event whose own reason is not in UpperCamelCase. */
  public static final ReasonCode WARNING_EVENT = ReasonCode.of("WarningEvent");


  private WarningEvents() {}

  /**
   * How long a (folded) Event shows its problem has lasted: from its first to its last time. Not up to the
   * engine's clock: offline, "now" is only the newest timestamp of the files, which says nothing about how
   * long this problem lasted. Empty when undated.
   */
  static Optional<Duration> lasted(EventRecord e) {
    return e.firstTime().or(e::lastTime).map(f -> Duration.between(f, e.lastTime().filter(l -> l.isAfter(f)).orElse(f)));
  }

  /**
   * The latest moment the evidence shows a state still held: the newest of the Events' last times and
   * {@code others} (conditions' transition times, container timestamps). The span from the state's start to
   * this moment is how long the evidence shows it lasted.
   */
  @SafeVarargs
  public static Optional<Instant> seenUntil(List<EventRecord> events, Optional<Instant>... others) {
    Optional<Instant> latest = Times.latest(others);
    for (EventRecord e : events) {
      latest = Times.latest(latest, e.lastTime().or(e::firstTime));
    }
    return latest;
  }

  /** Whether the evidence shows a state that started at {@code since} lasting until {@code until} for at least {@code stuck}. */
  public static boolean lastedAtLeast(Optional<Instant> since, Optional<Instant> until, Duration stuck) {
    return since.isPresent() && until.isPresent() && Duration.between(since.get(), until.get()).compareTo(stuck) >= 0;
  }

  /**
   * A Warning Event, or one whose reason says it failed: the PersistentVolume controller reports
   * {@code FailedBinding} ("no persistent volumes available for this claim and no storage class is set") as Normal.
   */
  public static boolean failure(EventRecord e) {
    return e.isWarning() || e.reason().startsWith("Failed");
  }

  /** Whether the message says something no retry will change: a {@link PermanentErrors permanent class of error}. */
  public static boolean deterministic(String message) {
    return PermanentErrors.classify(message).isPresent();
  }

  /**
   * Findings for the Warning Events about {@code j}'s subject, except those whose reason is in
   * {@code echoes} (Events that repeat what the analyzer already read from the status). DEGRADED when the
   * message is {@link #deterministic} or the Events span at least {@code stuck} from first to last time,
   * PROGRESSING otherwise. Returns how many were added.
   */
  public static int explain(List<EventRecord> events, Duration stuck, Set<String> echoes, Judgement j) {
    int added = 0;
    List<EventRecord> folded = new ArrayList<>(
        EventRecord.fold(events.stream().filter(WarningEvents::failure).toList()));
    // What says why first: a message no retry changes, then the oldest (the kubelet's "timed out waiting for the
    // condition" summary comes after the error that caused it).
    folded.sort(Comparator.comparing((EventRecord e) -> !deterministic(e.message()))
        .thenComparing(e -> e.firstTime().or(e::lastTime).orElse(Instant.MAX)));
    for (EventRecord f : folded) {
      if (echoes.contains(f.reason())) {
        continue;
      }
      Finding made = finding(f, stuck, j);
      j.add(made);
      added++;
      AdmissionPlugins.missingServiceAccount(f.message()).ifPresent(sa -> j.add(Finding.builder()
          .subject(j.subject()).health(made.health()).reason(AdmissionPlugins.SERVICE_ACCOUNT_NOT_FOUND)
          .message(AdmissionPlugins.serviceAccountMissing(sa))
          .since(made.since()).revision(j.revision()).addEvidence(Evidence.event(f)).build()));
    }
    return added;
  }

  /**
   * For controllers (ReplicaSets, StatefulSets, Jobs, DaemonSets): when {@code j} is in progress or unknown and
   * has found no failure of its own, its Warning Events (a {@code FailedCreate}) may say why.
   */
  public static Judgement explainStuck(AnalysisContext ctx, Judgement j) {
    if ((j.health() == Health.PROGRESSING || j.health() == Health.UNKNOWN)
        && j.findings().stream().noneMatch(f -> f.health() == Health.DEGRADED)) {
      explain(ctx.events(), ctx.tolerance().stuckOr(STUCK), Set.of(), j);
    }
    return j;
  }

  /**
   * For a controller whose status is not there (never written, or not captured): its Warning Events say why it is
   * stuck, unless a Normal Event of success ({@code SuccessfulCreate}, {@code Completed}) came after them: the
   * controller got past them since.
   */
  public static Judgement explainMissingStatus(AnalysisContext ctx, Judgement j) {
    return explainMissingStatus(ctx, Set.of(), j);
  }

  /** As {@link #explainMissingStatus(AnalysisContext, Judgement)}, leaving out the Events whose reason is in {@code echoes}. */
  public static Judgement explainMissingStatus(AnalysisContext ctx, Set<String> echoes, Judgement j) {
    Optional<Instant> progressed = ctx.events().stream().filter(e -> !e.isWarning()
            && (e.reason().startsWith("Successful") || e.reason().equals("Completed")))
        .map(e -> e.lastTime().or(e::firstTime)).flatMap(Optional::stream).max(Instant::compareTo);
    List<EventRecord> since = ctx.events().stream().filter(e -> progressed.isEmpty()
        || e.lastTime().or(e::firstTime).filter(t -> t.isAfter(progressed.get())).isPresent()).toList();
    explain(since, ctx.tolerance().stuckOr(STUCK), echoes, j);
    return j;
  }

  /**
   * For a controller that has fewer pods than it wants (it failed to create them): its Warning Events (a
   * {@code FailedCreate} refused by admission) say why, even when a generic finding ({@code stalls}: no progress for
   * ten minutes) already judged it DEGRADED. When one of them is DEGRADED, it is the cause and the generic findings
   * step back to PROGRESSING (specific beats generic, as for pods).
   */
  public static Judgement explainMissingPods(AnalysisContext ctx, Judgement j, Set<ReasonCode> stalls) {
    boolean specific = j.findings().stream().anyMatch(f -> f.health() == Health.DEGRADED && !stalls.contains(f.reason()));
    if (specific) {
      return j;
    }
    int before = j.findings().size();
    explain(ctx.events(), ctx.tolerance().stuckOr(STUCK), Set.of(), j);
    if (j.findings().stream().skip(before).anyMatch(f -> f.health() == Health.DEGRADED)) {
      j.demote(stalls, Health.PROGRESSING);
    }
    return j;
  }

  static Finding finding(EventRecord e, Duration stuck, Judgement j) {
    boolean stuckLong = lasted(e).map(d -> d.compareTo(stuck) >= 0).orElse(false);
    Health health = deterministic(e.message()) || stuckLong ? Health.DEGRADED : Health.PROGRESSING;
    String span = lasted(e).filter(d -> !d.isZero()).map(d -> " over " + human(d)).orElse("");
    String times = e.count() > 1 ? " (x" + e.count() + span + ")" : span.isEmpty() ? "" : " (for" + span.substring(5) + ")";
    return Finding.builder()
        .subject(j.subject())
        .health(health)
        .reason(reasonOf(e.reason()))
        .message(e.reason() + AdmissionPlugins.rejectedBy(e.message()).map(p -> " (rejected by " + p + ")").orElse("")
            + ": " + e.message().strip() + times)
        .since(e.firstTime().or(e::lastTime))
        .revision(j.revision())
        .addEvidence(Evidence.event(e))
        .build();
  }

  /** The Event's reason as a reason code, or {@link #WARNING_EVENT} when it is not one. */
  public static ReasonCode reasonOf(String reason) {
    try {
      return ReasonCode.of(reason);
    } catch (IllegalArgumentException e) {
      return WARNING_EVENT;
    }
  }

  /** 5h50m, 12m, 45s. */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 120) {
      return m + "m";
    }
    long h = m / 60;
    return h < 48 ? h + "h" + (m % 60 == 0 ? "" : m % 60 + "m") : h / 24 + "d";
  }

  /**
   * The scheduler's latest {@code FailedScheduling} Warning about the pod, unless its {@code Scheduled} Event is newer
   * (the pod was placed since: a capture that dropped {@code spec.nodeName} still shows that).
   */
  public static Optional<EventRecord> latestFailedScheduling(List<EventRecord> events) {
    Optional<EventRecord> failed = events.stream()
        .filter(e -> e.isWarning() && e.reason().equals("FailedScheduling")).min(EventRecord.NEWEST_FIRST);
    Optional<Instant> scheduled = events.stream().filter(e -> e.reason().equals("Scheduled"))
        .min(EventRecord.NEWEST_FIRST).flatMap(e -> e.lastTime().or(e::firstTime));
    return failed.filter(f -> scheduled.isEmpty() || f.lastTime().or(f::firstTime)
        .filter(t -> t.isAfter(scheduled.get())).isPresent());
  }
}
