package dev.blame.api.spi;

import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * Judges objects of some kinds. Implementations must have a public no-argument constructor to be
 * discovered with {@link java.util.ServiceLoader}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Which analyzers run.</b> For an object of kind K, every analyzer whose {@link #kinds()} names K
 *       runs, registered-in-code ones first, then discovered ones by id; their verdicts are merged (worst
 *       health and status, all findings). Analyzers whose {@link #kinds()} is {@link KindSelector#any()} run
 *       only for kinds no specific analyzer names: they are the fallback.
 *   <li><b>Ids.</b> {@link #id()} is unique. Two discovered analyzers with one id are a configuration error
 *       naming both classes; an analyzer registered in code replaces a discovered one with the same id.
 *   <li><b>Purity.</b> No I/O, no clocks other than {@link AnalysisContext#now()}, no state between calls.
 *       Methods may be called from any thread, but never concurrently for the same object.
 *   <li><b>Order.</b> An object is analyzed after the objects its outgoing edges point to (its owned
 *       children, the pods it selects, the volumes it mounts), so their verdicts are final when read.
 *   <li><b>Errors.</b> Return a verdict with {@link dev.blame.api.Health#UNKNOWN} and a reason for an object
 *       you cannot judge. If an analyzer throws, the engine records an {@code AnalyzerFailed} finding
 *       naming it, and goes on.
 * </ul>
 */
public interface Analyzer {

  /**
   * {@return a stable, unique id, e.g. {@code blame.Deployment} or {@code acme.Database}}. Two analyzers with one
   * id fail the engine's build (one registered in code replaces a discovered one).
   */
  String id();

  /** {@return the kinds this analyzer handles (judges); called once, when the engine is built}. */
  KindSelector kinds();

  /**
   * Kinds this analyzer reads through the graph besides the ones it handles (a Service analyzer reads
   * Pods), owned children included (a Deployment analyzer reads ReplicaSets): a live source watches only the
   * kinds a query involves, and these are how it knows that an object of this kind involves them. A kind
   * missing here may be absent from the graph when this analyzer runs, and with strict reads (on in the
   * testkit) reading it fails the analyzer. Empty by default. Never null.
   *
   * @return the kinds read besides the handled ones
   */
  default Set<GroupKind> reads() {
    return Set.of();
  }

  /**
   * Kinds that the {@link #links(Node) links} of the objects this analyzer judges may point to: a Service
   * selects Pods, an autoscaler scales Deployments. A live source watches only the kinds a query involves;
   * when an object of kind K is involved, it also watches the kinds whose analyzers may link to K, so that
   * what points at the object (the Service selecting a pod, the Ingress routing to that Service) is found.
   * Relations by owner reference need nothing here: they are recorded on the owned object.
   *
   * <p>Defaults to {@link #reads()}, a safe over-estimate for an analyzer that reads what it links to. Return
   * a smaller set to spare the cluster a LIST+WATCH (an analyzer that relates only by ownership returns the
   * empty set); a kind missing here means that, live, an object of this kind pointing at an involved object
   * may go unseen until a namespace-wide query watches every kind. Never null.
   *
   * @return the kinds this analyzer's links may point to
   */
  default Set<GroupKind> linksTo() {
    return reads();
  }

  /**
   * The relations of this object to others, from the object alone: an owner, a selector, a name in its
   * spec. The engine resolves them against the graph as objects come and go, so a link may point to an
   * object that does not exist (yet). Called whenever the object changes. Empty by default.
   *
   * @param node an object of a kind this analyzer handles
   * @return its links; never null
   */
  default List<Link> links(Node node) {
    return List.of();
  }

  /**
   * What {@link #links} reads of the object, as a value whose {@code equals} says "my links are the same":
   * when every analyzer of the object's kind returns equal, non-empty values for the version the graph holds
   * and the new one, the engine keeps the links it has instead of asking for them again (a status update,
   * the common watch event, changes none of a pod's). Both versions have the same kind, namespace and name.
   *
   * <p>Empty, the default, means "all of it": links are asked for again on every change. An analyzer that
   * declares no links returns any constant. Called on every update of an object of its kinds, so keep it
   * cheap; it must be pure, like {@link #links}. A value that leaves out something {@link #links} reads makes
   * links, and with them edges and verdicts, stale.
   *
   * @param node an object of a kind this analyzer handles
   * @return what its links depend on, or empty for "all of it"
   */
  default java.util.Optional<?> linksOf(Node node) {
    return java.util.Optional.empty();
  }

  /**
   * What this analyzer reads of one object its outgoing edges point to (a pod it selects, a child it owns),
   * given that object and its verdict, as a value whose {@code equals} says "nothing I read changed". When a
   * target changes without changing its labels, owners or links (a status update), or its verdict changes,
   * the engine analyzes this analyzer's objects again only if the value differs between the two versions.
   * Whether the target is still selected or owned is the engine's to follow, not this method's.
   *
   * <p>Empty, the default, means "all of it": any change to the target or its verdict re-analyzes. Called
   * on every update of a target, so keep it cheap; it must be pure, like {@link #analyze}. A value that
   * leaves out something {@link #analyze} reads makes verdicts stale.
   *
   * @param target an object an outgoing edge of a handled object points to
   * @param verdict the target's verdict
   * @return what this analyzer reads of them, or empty for "all of it"
   */
  default java.util.Optional<?> readsOf(Node target, Verdict verdict) {
    return java.util.Optional.empty();
  }

  /**
   * Judges {@link AnalysisContext#node()}. Must be pure and must not call the Kubernetes API: everything it
   * needs is in the context's graph. A problem with the object is a finding, not an exception; an analyzer that
   * throws makes the verdict UNKNOWN naming it.
   *
   * @param context the object, the engine's now, its tolerance and the graph around
   * @return the verdict; never null
   */
  Verdict analyze(AnalysisContext context);
}
