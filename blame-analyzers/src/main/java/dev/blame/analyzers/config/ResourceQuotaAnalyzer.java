package dev.blame.analyzers.config;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ResourceQuotas: exhausted when, for some resource, {@code status.used >= status.hard} (the quota admission
 * plugin then refuses any request that adds to it). The objects whose creation it refused point to it: the
 * admission message names it ({@code exceeded quota: NAME}), see {@link #quotaNamed}.
 */
public final class ResourceQuotaAnalyzer implements Analyzer {

  public static final ReasonCode QUOTA_EXHAUSTED = ReasonCode.of("QuotaExhausted");
  public static final ReasonCode QUOTA_NOT_OBSERVED = ReasonCode.of("QuotaNotObserved");

  /** The quota admission plugin's message: {@code exceeded quota: NAME, requested: ..., used: ..., limited: ...}. */
  private static final Pattern EXCEEDED = Pattern.compile("exceeded quota: ([a-z0-9]([-a-z0-9.]*[a-z0-9])?)");

  @Override
  public String id() {
    return "blame.ResourceQuota";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.RESOURCE_QUOTA);
  }

  @Override
  public Set<GroupKind> reads() {
    return Set.of();
  }

  @Override
  public Optional<?> linksOf(Node node) {
    return Optional.of(List.of());
  }

  /** The quota an admission message says was exceeded, in the namespace of {@code subject}. */
  public static Optional<ObjectRef> quotaNamed(ObjectRef subject, String message) {
    Matcher m = EXCEEDED.matcher(message == null ? "" : message);
    return m.find()
        ? Optional.of(ObjectRef.of(GroupKind.RESOURCE_QUOTA, subject.namespace(), m.group(1)))
        : Optional.empty();
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    Unstructured u = Unstructured.of(ctx.node().object());
    Map<String, String> hard = u.stringMap("status", "hard");
    Map<String, String> used = u.stringMap("status", "used");
    if (hard.isEmpty()) {
      return Judgement.of(Health.PROGRESSING, ReconcileStatus.IN_PROGRESS, "Not yet counted", List.of(
          Finding.builder().subject(ref).health(Health.PROGRESSING).reason(QUOTA_NOT_OBSERVED)
              .message("the quota controller has not counted usage yet")
              .addEvidence(Evidence.field("status.hard", "<absent>")).build()));
    }
    List<Finding> findings = new ArrayList<>();
    List<String> full = new ArrayList<>();
    for (Map.Entry<String, String> limit : new TreeMap<>(hard).entrySet()) {
      String now = used.get(limit.getKey());
      Optional<Integer> cmp = compare(now, limit.getValue());
      if (cmp.isPresent() && cmp.get() >= 0) {
        full.add(limit.getKey() + " " + now + "/" + limit.getValue());
      }
    }
    if (full.isEmpty()) {
      return Judgement.healthy("Within quota");
    }
    findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(QUOTA_EXHAUSTED)
        .message("Quota exhausted: " + String.join(", ", full) + " used; the API server refuses requests for more")
        .addEvidence(Evidence.field("status.used", String.join(", ", full)))
        .build());
    return Judgement.of(Health.DEGRADED, ReconcileStatus.CURRENT, "Exhausted: " + String.join(", ", full), findings);
  }

  /** used compared with hard as quantities; empty when either is absent or not a quantity. */
  static Optional<Integer> compare(String used, String hard) {
    if (used == null || hard == null) {
      return Optional.empty();
    }
    try {
      BigDecimal u = Quantity.getAmountInBytes(new Quantity(used));
      BigDecimal h = Quantity.getAmountInBytes(new Quantity(hard));
      return Optional.of(u.compareTo(h));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
