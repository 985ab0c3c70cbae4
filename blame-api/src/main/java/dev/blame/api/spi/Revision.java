package dev.blame.api.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Node;
import dev.blame.api.RevisionRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One revision of a workload as a {@link RevisionFacet} reads it: its reference, the object that holds it (a
 * ReplicaSet, a ControllerRevision), the pod template it was made from, and the numbers it had before when a
 * rollback renumbered it.
 */
@Value.Immutable
public abstract class Revision {

  /** {@return the revision: the workload, its number, the hash its pods carry, its holder}. */
  public abstract RevisionRef ref();

  /** {@return the object holding the revision}. */
  public abstract Node holder();

  /**
   * {@return the revision's pod template ({@code metadata}, {@code spec}) as a tree}; a missing node when the
   * holder has none. Shared: never change it, {@code deepCopy()} it first.
   */
  public abstract JsonNode template();

  /** {@return the numbers this revision had before it was rolled back to, oldest first; empty for most}. */
  public abstract List<Long> history();

  /** {@return the revision number, {@code ref().number()}}. */
  public long number() {
    return ref().number();
  }

  /** {@return when the holder was created, that is when the revision was made}. */
  public Optional<Instant> created() {
    return holder().createdAt();
  }

  /**
   * A builder; {@code ref}, {@code holder} and {@code template} are required.
   *
   * @return a new builder
   */
  public static ImmutableRevision.Builder builder() {
    return ImmutableRevision.builder();
  }
}
