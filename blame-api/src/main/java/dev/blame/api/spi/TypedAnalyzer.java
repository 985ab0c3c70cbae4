package dev.blame.api.spi;

import dev.blame.api.GroupKind;
import dev.blame.api.ReasonCode;
import dev.blame.api.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A base for an analyzer of one kind with a typed model class (fabric8's {@code Deployment}, or a custom
 * resource class of yours): it selects the kind and hands {@link #analyze(HasMetadata, AnalysisContext)} the
 * object as that class. An object that cannot be read as the class (a malformed dump, an unknown version) gets an
 * UNKNOWN verdict with reason {@link ReasonCode#INVALID_OBJECT} naming what was expected, so the subclass never
 * sees it.
 *
 * <p>A workload-like kind that relates to what it reads only by ownership (a Deployment to its ReplicaSets,
 * a Job to its pods) says so in the constructor and writes nothing else but its rules:
 *
 * <pre>{@code
 * public final class JobAnalyzer extends TypedAnalyzer<Job> {
 *   public JobAnalyzer() {
 *     super("blame.Job", Job.class, GroupKind.JOB, "a batch/v1 Job", Set.of(GroupKind.POD));
 *   }
 *
 *   protected Verdict analyze(Job job, AnalysisContext ctx) { ... }
 * }
 * }</pre>
 *
 * <p>The rest of the {@link Analyzer} contract applies unchanged: override {@link #id()}, {@link #reads()},
 * {@link #linksTo()} and {@link #links} as needed. Thread-safe if the subclass is.
 *
 * @param <T> the model class
 */
public abstract class TypedAnalyzer<T extends HasMetadata> implements Analyzer {

  private final String id;
  private final Class<T> type;
  private final KindSelector kinds;
  private final String expected;
  private final Set<GroupKind> owned;
  private final boolean byOwnership;

  /**
   * An analyzer whose id is its class name and that reads nothing but the object, unless the subclass
   * overrides {@link #id()} and {@link #reads()}.
   *
   * @param type the model class objects are read as
   * @param kind the kind it judges
   * @param expected what an object must be, for the message of one that is not: {@code an apps/v1 Deployment}
   */
  protected TypedAnalyzer(Class<T> type, GroupKind kind, String expected) {
    this(null, type, kind, expected, Set.of(), false);
  }

  /**
   * An analyzer that reads the objects its object owns (or that own it) and links to none: the engine relates
   * them by the owner references it reads off the owned objects. A subclass that also links (a ReplicaSet to
   * the ResourceQuota that refused its pods) overrides {@link #linksTo()} and {@link #links}.
   *
   * @param id the analyzer's id, unique among the registered analyzers: {@code example.Database}
   * @param type the model class objects are read as
   * @param kind the kind it judges
   * @param expected what an object must be, for the message of one that is not: {@code an apps/v1 Deployment}
   * @param owned the kinds it reads through ownership: {@link #reads()}
   */
  protected TypedAnalyzer(String id, Class<T> type, GroupKind kind, String expected, Set<GroupKind> owned) {
    this(Objects.requireNonNull(id, "id"), type, kind, expected, owned, true);
  }

  private TypedAnalyzer(String id, Class<T> type, GroupKind kind, String expected, Set<GroupKind> owned,
      boolean byOwnership) {
    this.id = id == null ? getClass().getName() : id;
    this.type = Objects.requireNonNull(type, "type");
    this.kinds = KindSelector.of(Objects.requireNonNull(kind, "kind"));
    this.expected = Objects.requireNonNull(expected, "expected");
    this.owned = Set.copyOf(Objects.requireNonNull(owned, "owned"));
    this.byOwnership = byOwnership;
  }

  /** {@return the id given to the constructor, or the class name} */
  @Override
  public String id() {
    return id;
  }

  @Override
  public KindSelector kinds() {
    return kinds;
  }

  /** {@return the kinds given as owned to the constructor; none by default} */
  @Override
  public Set<GroupKind> reads() {
    return owned;
  }

  /** {@return none when the kinds it reads are related by ownership, else {@link #reads()}} */
  @Override
  public Set<GroupKind> linksTo() {
    return byOwnership ? Set.of() : reads();
  }

  @Override
  public final Verdict analyze(AnalysisContext context) {
    Optional<T> typed = context.node().as(type).or(() -> earlierVersion(context.node().object(), type));
    if (typed.isEmpty()) {
      return Verdict.unknown(context.node().ref(), ReasonCode.INVALID_OBJECT, "not " + expected);
    }
    return analyze(typed.get(), context);
  }

  /**
   * A built-in kind read at an earlier served version ({@code apps/v1beta1} and {@code apps/v1beta2} StatefulSets,
   * {@code batch/v1beta1} CronJobs, as old dumps and issue threads hold them), as the model class of its current
   * version: Kubernetes promoted these kinds to v1 keeping the fields the analyzers read. Only fabric8's own models
   * (a custom resource's versions may differ in anything); empty when the object cannot be read so.
   */
  static <T extends HasMetadata> Optional<T> earlierVersion(HasMetadata object, Class<T> type) {
    if (object == null || !type.getName().startsWith("io.fabric8.kubernetes.api.model.")
        || !HasMetadata.getKind(type).equals(object.getKind())
        || !HasMetadata.getGroup(type).equals(group(object.getApiVersion()))) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Unstructured.convert(object, type));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String group(String apiVersion) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
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
