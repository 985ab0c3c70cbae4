package dev.blame.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one revision of a revisioned workload changed: the differences between its pod template and the
 * previous revision's, who made them and when, and what kind of change it was.
 *
 * <p>Revisions are read from the objects that hold them: ReplicaSets for a Deployment (annotation
 * {@code deployment.kubernetes.io/revision}), ControllerRevisions for StatefulSets and DaemonSets
 * ({@code .revision}, {@code .data}). When the previous revision is no longer kept (history limits),
 * {@link #previous()} is empty and {@link #changes()} is empty.
 *
 * <p>Who and when come from the workload's {@code metadata.managedFields}; when they are absent (stripped by
 * {@code kubectl get} on older clients, or by whoever made the dump) {@link #evidenceMissing()} says so and
 * nothing is guessed.
 */
@Value.Immutable
public abstract class RevisionDiff {

  /** {@return the revision the diff is about}. */
  public abstract RevisionRef revision();

  /** {@return the revision before it, when its holder is still in the graph}. */
  public abstract Optional<RevisionRef> previous();

  /** {@return what the revision changed in the pod template against the previous one, sorted by path}. */
  public abstract List<RevisionChange> changes();

  /** {@return the manager of the newest change, or of the newest template edit when no change names one}. */
  public abstract Optional<ChangedBy> changedBy();

  /**
   * {@return when the revision was made}: the time of {@link #changedBy()}, else the creation of the object
   * holding the revision.
   */
  public abstract Optional<Instant> time();

  /** {@return true when the revision re-uses an older revision's template ({@code kubectl rollout undo})}. */
  @Value.Default
  public boolean rollback() {
    return false;
  }

  /** {@return the revisions this template had before, from {@code deployment.kubernetes.io/revision-history}}. */
  public abstract List<Long> history();

  /** {@return true when the only change is the {@code kubectl.kubernetes.io/restartedAt} annotation}. */
  @Value.Default
  public boolean restartOnly() {
    return false;
  }

  /**
   * {@return true when the workload's spec holds a pod template that none of its revisions holds yet}: the edit is
   * made but not rolled out (its controller has not made the revision yet, the rollout is paused, or the revision's
   * holder was not read). {@link #revision()} is then the number the edit is expected to get (one above the
   * highest), {@link #previous()} the current revision, and {@link #changes()} what the edit changes from it.
   */
  @Value.Default
  public boolean pending() {
    return false;
  }

  /**
   * {@return tool attribution a person recognises}, from the workload's labels and annotations, e.g.
   * {@code Helm release shop (meta.helm.sh/release-name)}, {@code change-cause: kubectl set image ...}. The values of
   * environment variables in a recorded kubectl command ({@code set env K=V}, {@code --env}, {@code -e},
   * {@code --from-literal}) are hashed as {@link #changes()} hashes env values, unless the engine was built with
   * {@code showEnvValues(true)}.
   */
  public abstract List<String> attributions();

  /** {@return why who-changed-it is not known, e.g. {@code metadata.managedFields is absent on Deployment web}}. */
  public abstract Optional<String> evidenceMissing();

  /**
   * A builder, for engines and tests.
   *
   * @return a new builder
   */
  public static ImmutableRevisionDiff.Builder builder() {
    return ImmutableRevisionDiff.builder();
  }
}
