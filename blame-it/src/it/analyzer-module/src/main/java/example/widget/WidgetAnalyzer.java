package example.widget;

import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** Widgets are ready when their controller says {@code status.ready: true}. */
public final class WidgetAnalyzer implements Analyzer {

  public static final GroupKind WIDGET = GroupKind.of("example.dev", "Widget");
  public static final ReasonCode NOT_READY = ReasonCode.of("WidgetNotReady");

  @Override
  public String id() {
    return "example.Widget";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(WIDGET);
  }

  @Override
  public Verdict analyze(AnalysisContext context) {
    Object status = ((GenericKubernetesResource) context.node().object()).getAdditionalProperties().get("status");
    Object ready = status instanceof Map<?, ?> map ? map.get("ready") : null;
    if (Boolean.TRUE.equals(ready)) {
      return Verdict.of(Health.HEALTHY, ReconcileStatus.CURRENT, "ready");
    }
    return Verdict.builder().health(Health.DEGRADED).status(ReconcileStatus.FAILED).message("widget is not ready")
        .addFinding(Finding.of(context.node().ref(), Health.DEGRADED, NOT_READY, "widget is not ready"))
        .build();
  }
}
