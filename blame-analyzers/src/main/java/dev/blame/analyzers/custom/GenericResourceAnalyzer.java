package dev.blame.analyzers.custom;

import dev.blame.analyzers.support.Condition;
import dev.blame.analyzers.support.Judgement;
import dev.blame.analyzers.support.Unstructured;
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
import dev.blame.api.spi.KindSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fallback for kinds no specific analyzer names, following kstatus' conventions
 * (cli-utils {@code pkg/kstatus/status/generic.go} and {@code core.go checkGenericProperties}): deletion,
 * {@code status.observedGeneration} behind {@code metadata.generation}, abnormal-true {@code Reconciling} and
 * {@code Stalled}, then {@code Ready}/{@code Available}, then {@code status.phase}/{@code state}/{@code health}.
 * An owned child whose verdict is failing explains the object.
 */
public final class GenericResourceAnalyzer implements Analyzer {

  public static final ReasonCode TERMINATING = ReasonCode.of("Terminating");
  public static final ReasonCode GENERATION_NOT_OBSERVED = ReasonCode.of("GenerationNotObserved");
  public static final ReasonCode STALLED = ReasonCode.of("Stalled");
  public static final ReasonCode RECONCILING = ReasonCode.of("Reconciling");
  public static final ReasonCode NOT_READY = ReasonCode.of("NotReady");
  public static final ReasonCode PHASE_FAILED = ReasonCode.of("PhaseFailed");
  public static final ReasonCode PHASE_PENDING = ReasonCode.of("PhasePending");
  public static final ReasonCode UNRECOGNIZED_STATUS = ReasonCode.of("UnrecognizedStatus");

  /** Condition reasons and messages that mean "will not get better by waiting". */
  static final Pattern FAILURE =
      Pattern.compile("fail|error|invalid|notfound|not found|denied|forbidden|unauthori|backoff|exceeded|"
          + "conflict|reject|crash|unavailable|refused|timeout|timed out", Pattern.CASE_INSENSITIVE);

  private static final Set<String> HEALTHY_PHASES = Set.of("running", "ready", "active", "available", "bound",
      "succeeded", "success", "complete", "completed", "healthy", "established", "deployed", "synced",
      "online", "ok", "provisioned", "current", "up", "reconciled", "issued");
  private static final Set<String> PROGRESSING_PHASES = Set.of("pending", "progressing", "creating",
      "provisioning", "initializing", "starting", "updating", "installing", "reconciling", "inprogress",
      "in progress", "waiting", "deploying", "scaling", "upgrading", "new", "unknown");
  private static final Set<String> SUSPENDED_PHASES = Set.of("paused", "suspended", "stopped", "disabled");
  private static final Set<String> FAILED_PHASES = Set.of("failed", "failure", "error", "errored", "degraded",
      "unhealthy", "crashloopbackoff", "invalid", "lost", "down", "aborted");

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

    if (node.deletedAt().isPresent()) {
      findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(TERMINATING)
          .message("deletion requested; waiting for finalizers " + node.metadata().getFinalizers())
          .addEvidence(Evidence.timestamp("metadata.deletionTimestamp", node.deletedAt().get()))
          .since(node.deletedAt()).build());
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.TERMINATING, "being deleted", findings);
    }
    Optional<Long> observed = u.number("status", "observedGeneration");
    if (observed.isPresent() && observed.get() != node.generation()) {
      findings.add(Finding.builder().subject(ref).health(Health.PROGRESSING).reason(GENERATION_NOT_OBSERVED)
          .message("the controller has not yet observed generation " + node.generation()
              + " (status is for generation " + observed.get() + ")")
          .addEvidence(Evidence.field("status.observedGeneration", String.valueOf(observed.get())))
          .addEvidence(Evidence.field("metadata.generation", String.valueOf(node.generation())))
          .build());
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", findings);
    }

    List<Condition> conditions = u.conditions();
    Optional<Condition> stalled = Condition.find(conditions, "Stalled").filter(Condition::isTrue);
    if (stalled.isPresent()) {
      findings.add(conditionFinding(ref, stalled.get(), Health.DEGRADED, STALLED));
      return Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", findings);
    }
    Optional<Condition> reconciling = Condition.find(conditions, "Reconciling").filter(Condition::isTrue);
    if (reconciling.isPresent()) {
      findings.add(conditionFinding(ref, reconciling.get(), Health.PROGRESSING, RECONCILING));
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", findings);
    }
    for (String type : List.of("Ready", "Available")) {
      Optional<Condition> c = Condition.find(conditions, type);
      if (c.isPresent() && c.get().isTrue()) {
        return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, type, findings);
      }
      if (c.isPresent() && c.get().isFalse()) {
        boolean failed = FAILURE.matcher(c.get().reason() + " " + c.get().message()).find();
        findings.add(conditionFinding(ref, c.get(), failed ? Health.DEGRADED : Health.PROGRESSING, NOT_READY));
        return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "", findings);
      }
    }
    return phaseVerdict(ref, u, findings);
  }

  private static Verdict phaseVerdict(ObjectRef ref, Unstructured u, List<Finding> findings) {
    for (String[] path : new String[][] {{"status", "phase"}, {"status", "state"}, {"status", "health"},
        {"status", "health", "status"}}) {
      String value = u.string(path);
      if (value.isEmpty()) {
        continue;
      }
      String field = String.join(".", path);
      String word = value.toLowerCase(Locale.ROOT);
      if (HEALTHY_PHASES.contains(word)) {
        return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, field + " " + value, findings);
      }
      if (SUSPENDED_PHASES.contains(word)) {
        return Judgement.of(Health.SUSPENDED, ReconcileStatus.CURRENT, field + " " + value, findings);
      }
      Health health = FAILED_PHASES.contains(word) ? Health.DEGRADED
          : PROGRESSING_PHASES.contains(word) ? Health.PROGRESSING : Health.UNKNOWN;
      ReasonCode reason = health == Health.DEGRADED ? PHASE_FAILED
          : health == Health.PROGRESSING ? PHASE_PENDING : UNRECOGNIZED_STATUS;
      String message = u.string("status", "message");
      findings.add(Finding.builder().subject(ref).health(health).reason(reason)
          .message(field + " is " + value + (message.isEmpty() ? "" : ": " + message))
          .addEvidence(Evidence.field(field, value)).build());
      ReconcileStatus status = health == Health.DEGRADED ? ReconcileStatus.FAILED
          : health == Health.PROGRESSING ? ReconcileStatus.IN_PROGRESS : ReconcileStatus.CURRENT;
      return Judgement.of(health, status, "", findings);
    }
    // kstatus: nothing to wait for is Current; an object with no status is plain data.
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT,
        u.has("status") ? "no readiness condition" : "no status", findings);
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
