package dev.blame.api.spi;

import dev.blame.api.GroupKind;
import dev.blame.api.ReasonCode;
import dev.blame.api.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * A base for an analyzer of one kind with a typed model class (fabric8's {@code Deployment}, or a custom
 * resource class of yours): it selects the kind and hands {@link #analyze(HasMetadata, AnalysisContext)} the
 * object as that class. An object that cannot be read as the class (a malformed dump, an unknown version) gets an
 * UNKNOWN verdict with reason {@link ReasonCode#INVALID_OBJECT} naming what was expected, so the subclass never
 * sees it.
 *
 * <p>The rest of the {@link Analyzer} contract applies unchanged: override {@link #reads()},
 * {@link #linksTo()} and {@link #links} as needed. Thread-safe if the subclass is.
 *
 * @param <T> the model class
 */
public abstract class TypedAnalyzer<T extends HasMetadata> implements Analyzer {

  private final Class<T> type;
  private final KindSelector kinds;
  private final String expected;

  /**
   * @param type the model class objects are read as
   * @param kind the kind it judges
   * @param expected what an object must be, for the message of one that is not: {@code an apps/v1 Deployment}
   */
  protected TypedAnalyzer(Class<T> type, GroupKind kind, String expected) {
    this.type = Objects.requireNonNull(type, "type");
    this.kinds = KindSelector.of(Objects.requireNonNull(kind, "kind"));
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  @Override
  public KindSelector kinds() {
    return kinds;
  }

  @Override
  public final Verdict analyze(AnalysisContext context) {
    Optional<T> typed = context.node().as(type);
    if (typed.isEmpty()) {
      return Verdict.unknown(context.node().ref(), ReasonCode.INVALID_OBJECT, "not " + expected);
    }
    return analyze(typed.get(), context);
  }

  /**
   * Judges {@link AnalysisContext#node()}, read as the model class. As {@link Analyzer#analyze}: pure, no
   * Kubernetes API calls, a problem with the object is a finding.
   *
   * @param object the object as the model class
   * @param context the object's node, the engine's now, its tolerance and the graph around
   * @return the verdict; never null
   */
  protected abstract Verdict analyze(T object, AnalysisContext context);
}
