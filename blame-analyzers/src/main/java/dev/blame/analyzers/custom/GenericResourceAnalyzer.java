package dev.blame.analyzers.custom;

import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Condition;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The fallback for kinds no specific analyzer names. It knows no kind: it reads the conventions operators
 * share (kstatus' {@code generic.go} and {@code core.go} first: deletion, {@code status.observedGeneration}
 * behind {@code metadata.generation}; then every condition, status word, boolean and pause flag that
 * {@link StatusSignals} finds, judged by {@link ConditionVocabulary} and {@link StatusWords}). The worst
 * signal decides, in the order DEGRADED, SUSPENDED, MISSING, PROGRESSING, UNKNOWN, HEALTHY: a paused object is
 * SUSPENDED even while parts of it still progress, a failed one is DEGRADED even while paused. An object
 * without a status is PROGRESSING (no controller has reported yet); one whose status a controller wrote but
 * that says nothing we understand is PROGRESSING too (at work, not ready), and an empty {@code status: {}} is
 * UNKNOWN: never HEALTHY. A record ({@link Records}: content beside neither spec nor status) keeps no status. An
 * owned child whose verdict is failing explains the object.
 * docs/status-vocabulary.md lists every rule with the operators that follow it.
 */
public final class GenericResourceAnalyzer implements Analyzer {

  public static final ReasonCode TERMINATING = ReasonCode.of("Terminating");
  public static final ReasonCode GENERATION_NOT_OBSERVED = ReasonCode.of("GenerationNotObserved");
  public static final ReasonCode STALLED = ReasonCode.of("Stalled");
  public static final ReasonCode RECONCILING = ReasonCode.of("Reconciling");
  public static final ReasonCode NOT_READY = ReasonCode.of("NotReady");
  public static final ReasonCode PHASE_FAILED = ReasonCode.of("PhaseFailed");
  public static final ReasonCode PHASE_PENDING = ReasonCode.of("PhasePending");
  public static final ReasonCode SUSPENDED = ReasonCode.of("Suspended");
  public static final ReasonCode REPORTED_MISSING = ReasonCode.of("ReportedMissing");
  public static final ReasonCode REPORTED_UNKNOWN = ReasonCode.of("ReportedUnknown");
  public static final ReasonCode STATUS_MISSING = ReasonCode.of("StatusMissing");
  public static final ReasonCode UNRECOGNIZED_STATUS = ReasonCode.of("UnrecognizedStatus");
  public static final ReasonCode NO_READINESS = ReasonCode.of("NoReadinessReported");
  public static final ReasonCode REPLICAS_UNAVAILABLE = ReasonCode.of("ReplicasUnavailable");
  public static final ReasonCode EXPIRED = ReasonCode.of("Expired");

  /** Which signal wins: the first health in this list that any signal has. */
  private static final List<Health> PRECEDENCE = List.of(Health.DEGRADED, Health.SUSPENDED, Health.MISSING,
      Health.PROGRESSING, Health.UNKNOWN, Health.HEALTHY);
  private static final int MAX_FINDINGS = 8;

  @Override
  public String id() {
    return "blame.Generic";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.any();
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    Node node = ctx.node();
    ObjectRef ref = node.ref();
    Unstructured u = Unstructured.of(node.object());
    List<Finding> findings = new ArrayList<>(childFindings(ctx));
    Reading reading = read(u, node.generation(), node.deletedAt().isPresent(), keepsStatus(node.object()), ctx.now());
    switch (reading.step()) {
      case TERMINATING -> {
        findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(TERMINATING)
            .message("deletion requested; waiting for finalizers " + node.metadata().getFinalizers())
            .addEvidence(Evidence.timestamp("metadata.deletionTimestamp", node.deletedAt().get()))
            .since(node.deletedAt()).build());
        return Judgement.of(Health.PROGRESSING, ReconcileStatus.TERMINATING, "being deleted", findings);
      }
      case NO_STATUS_KIND -> {
        return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, "No status: this kind keeps none", findings);
      }
      case NO_STATUS -> {
        findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(STATUS_MISSING)
            .message(ref.display() + " has no status: no controller has reported on it yet (or it is of a kind"
                + " that keeps none, which we cannot tell from the object)")
            .addEvidence(Evidence.field("status", "<absent>")).build());
        return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS,
            "Waiting for the controller to report status", findings);
      }
      case GENERATION_LAG -> {
        long observed = u.number("status", "observedGeneration").orElse(0L);
        findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(GENERATION_NOT_OBSERVED)
            .message("the controller has not yet observed generation " + node.generation()
                + " (status is for generation " + observed + ")")
            .addEvidence(Evidence.field("status.observedGeneration", String.valueOf(observed)))
            .addEvidence(Evidence.field("metadata.generation", String.valueOf(node.generation())))
            .build());
        return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", findings);
      }
      default -> {
        return verdict(ref, u, reading.signals(), reading.paused(), findings);
      }
    }
  }

  /** The steps of the analysis in order; the first that applies decides. */
  enum Step { TERMINATING, NO_STATUS_KIND, NO_STATUS, GENERATION_LAG, SIGNALS }

  /**
   * What an object says before any verdict is drawn: the step that decides, and for {@link Step#SIGNALS} every
   * signal (pause flags first), and whether a controller is visibly at work (conditions or
   * {@code observedGeneration} written).
   */
  record Reading(Step step, List<Signal> signals, boolean paused, boolean working) {}

  /** The reading of an object at {@code now} (the analysis' clock, for times the status names: {@link Validity}). */
  static Reading read(Unstructured u, long generation, boolean deleting, boolean keepsStatus, Instant now) {
    if (deleting) {
      return new Reading(Step.TERMINATING, List.of(), false, false);
    }
    if (!u.has("status")) {
      return new Reading(keepsStatus && !Records.isRecord(u) ? Step.NO_STATUS : Step.NO_STATUS_KIND, List.of(), false,
          false);
    }
    Optional<Long> observed = u.number("status", "observedGeneration");
    List<Signal> paused = PauseFlags.read(u);
    if (observed.isPresent() && observed.get() >= 0 && observed.get() < generation) {
      // A paused controller does not observe the generation that paused it (Flux's toolkit and tf-controller return
      // before writing status while suspended): the user's pause is what the object is in, not a change under way.
      if (!paused.isEmpty()) {
        return new Reading(Step.SIGNALS, paused, true, true);
      }
      // A failure stamped with the current generation is a report on it, though the status-wide field lags.
      List<Signal> reported = StatusSignals.read(u, generation);
      return CurrentFailure.reported(reported, generation) ? new Reading(Step.SIGNALS, reported, false, true)
          : new Reading(Step.GENERATION_LAG, List.of(), false, true);
    }
    List<Signal> signals = StatusSignals.read(u, generation);
    DesiredState.unreached(u, signals);
    signals.addAll(Validity.read(u, now));
    signals.addAll(0, paused);
    return new Reading(Step.SIGNALS, signals, !paused.isEmpty(), working(u));
  }

  /**
   * Whether a controller has visibly reported on the object: it wrote conditions, {@code observedGeneration} or
   * any other field of the status. Only controllers write the status subresource; an empty {@code status: {}}
   * is what the API server or a CRD default leaves before any of them has, so it says nothing (UNKNOWN), while
   * a status with fields but no readiness we understand is a controller at work that has not said ready
   * (PROGRESSING). Argo CD's health scripts fall back the same way ("Waiting for ..."), for ACK, MariaDB,
   * KubeVirt and Gateway API objects in the training corpus.
   */
  static boolean working(Unstructured u) {
    return !u.conditions().isEmpty() || u.number("status", "observedGeneration").isPresent()
        || u.child("status").entries().stream().anyMatch(e -> e.getValue() != null);
  }

  /**
   * The health a reading gives when only the signals whose every rule passes {@code rules} are counted; with
   * all rules it is the health {@link #analyze} reports. A test takes one operator's rules out with it.
   */
  static Health health(Reading reading, Predicate<String> rules) {
    return switch (reading.step()) {
      case TERMINATING, NO_STATUS, GENERATION_LAG -> Health.PROGRESSING;
      case NO_STATUS_KIND -> Health.HEALTHY;
      case SIGNALS -> {
        List<Signal> kept = reading.signals().stream().filter(s -> s.rules().stream().allMatch(rules)).toList();
        Health chosen = chosen(kept, kept.stream().anyMatch(s -> s.field().startsWith("spec.")
            || s.field().startsWith("metadata.annotations[")));
        yield chosen != null ? chosen : reading.working() ? Health.PROGRESSING : Health.UNKNOWN;
      }
    };
  }

  /**
   * The worst signal; SUSPENDED when the user's pause flag is set (the operator stops reconciling, or the object
   * stops serving, so what the status says is from before), except over a failure reported in a condition written
   * for the current generation, the one that asked for the pause, whose type or reason names a failure: the pause
   * itself failed (a hibernation that could not be done), which a pause must not hide. A condition that reports the
   * pause done ({@code Halted=True}) is no failure of it.
   */
  private static Health chosen(List<Signal> signals, boolean paused) {
    boolean failedSincePaused = signals.stream().anyMatch(s -> s.health() == Health.DEGRADED
        && s.condition().filter(c -> c.observedGeneration().isPresent()
            && ReasonVocabulary.FAILURE.matcher(c.type() + " " + c.reason()).find()).isPresent());
    return paused && !failedSincePaused ? Health.SUSPENDED : PRECEDENCE.stream()
        .filter(h -> signals.stream().anyMatch(s -> s.health() == h)).findFirst().orElse(null);
  }

  private static Verdict verdict(ObjectRef ref, Unstructured u, List<Signal> signals, boolean paused,
      List<Finding> findings) {
    Health chosen = chosen(signals, paused);
    if (chosen == null) {
      return GenericFindings.unrecognized(ref, u, working(u), findings);
    }
    Signal first = signals.stream().filter(s -> s.health() == chosen).findFirst().orElseThrow();
    String message = u.string("status", "message");
    String described = first.describe();
    // A part's explanation the operator also copied up to status.message is said once.
    String summary = described + (message.isEmpty() || chosen == Health.HEALTHY || described.contains(message) ? ""
        : " (" + message + ")");
    if (chosen == Health.HEALTHY) {
      return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, summary, findings);
    }
    signals.stream().filter(s -> s.health() != Health.HEALTHY)
        .sorted(Comparator.comparingInt(s -> PRECEDENCE.indexOf(s.health()))).limit(MAX_FINDINGS)
        .forEach(s -> findings.add(GenericFindings.signal(ref, s, s.health().compareTo(chosen) > 0 ? chosen : s.health(),
            message)));
    ReconcileStatus status = switch (chosen) {
      case DEGRADED -> ReconcileStatus.FAILED;
      case PROGRESSING -> ReconcileStatus.IN_PROGRESS;
      case UNKNOWN -> ReconcileStatus.UNKNOWN;
      default -> ReconcileStatus.CURRENT;
    };
    return Judgement.of(chosen, status, summary, findings);
  }

  /**
   * Whether the kind has a status at all. A custom resource may (we cannot tell from the object); a built-in
   * kind says so in its API type: Endpoints, ConfigMaps, ServiceAccounts and RBAC objects have no status
   * field, so their lack of one is not a controller that has yet to report.
   */
  static boolean keepsStatus(HasMetadata object) {
    if (object instanceof GenericKubernetesResource) {
      return true;
    }
    try {
      object.getClass().getMethod("getStatus");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  static Finding conditionFinding(ObjectRef ref, Condition c, Health health, ReasonCode fallback) {
    return Finding.builder().subject(ref).health(health).reason(c.reasonCode(fallback))
        .message(c.type() + " is " + c.status() + ": " + c.describe())
        .addEvidence(c.evidence()).since(c.since()).build();
  }

  /** Owned children that are failing explain their owner. */
  static List<Finding> childFindings(AnalysisContext ctx) {
    List<Finding> findings = new ArrayList<>();
    ObjectRef ref = ctx.node().ref();
    for (Node child : ctx.graph().targets(ref, EdgeKind.OWNS)) {
      Optional<Verdict> verdict = ctx.graph().verdict(child.ref());
      if (verdict.isEmpty() || verdict.get().health().compareTo(Health.MISSING) < 0) {
        continue;
      }
      String why = verdict.get().worstFinding().map(Finding::message).orElse(verdict.get().message());
      findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(ReasonCode.CHILD_FAILING)
          .message("owned " + child.ref().display() + " is " + verdict.get().health()
              + (why.isEmpty() ? "" : ": " + why))
          .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("verdict")
              .value(verdict.get().toString()).source(child.ref()).build())
          .build());
    }
    return findings;
  }
}
