package dev.blame.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One object in the graph: its reference and the object as read.
 *
 * <p>{@link #object()} is fabric8's typed model for kinds fabric8 knows ({@code Pod}, {@code Deployment},
 * ...) and a {@code GenericKubernetesResource} for others. Secrets carry metadata only, never data.
 *
 * <p>Pods are slimmed, because a cluster has far more of them than anything else: a pod keeps its metadata;
 * containers, init and ephemeral containers with name, image, env, envFrom,
 * ports, readiness and startup probes; volumes, imagePullSecrets, service account, node name and restart
 * policy; and its status without IPs, QoS class and container/image ids. Resources, command, args, liveness
 * probes, volume mounts, tolerations and affinity are absent: an analyzer that needs one reads it from the
 * owner's template (ReplicaSets and ControllerRevisions keep theirs whole).
 *
 * <p>EndpointSlices keep, per endpoint, its conditions (ready, serving, terminating) only: addresses,
 * {@code targetRef}, hostname, node name, zone and hints are absent (the pods behind a Service are its
 * {@code SELECTS} edges). Every kind keeps {@code metadata.managedFields} (manager, operation, time,
 * subresource, and the owned field set except for the {@code status} subresource's entries), so that who
 * changed a field can be said for any object. Every other kind is kept whole (Secrets without data).
 *
 * <p>Treat the object as read-only: it is shared with other readers, and parts of it with other objects
 * (equal parts of objects are held once: a ReplicaSet's pod template with its Deployment's, the containers,
 * labels and owner references of pods; maps and lists are immutable).
 */
@Value.Immutable
public abstract class Node {

  /** {@return the object's reference, with its version and uid; the node's identity}. */
  @Value.Parameter
  public abstract ObjectRef ref();

  /** {@return the object as read (slimmed for some kinds, see above); read-only}. Not part of equality. */
  @Value.Parameter
  @Value.Auxiliary
  public abstract HasMetadata object();

  /**
   * A node for an object, for tests and analyzers that build graphs by hand.
   *
   * @param object the object; kind, apiVersion and name are required
   * @return the node, referenced by {@link ObjectRef#from}
   * @throws IllegalArgumentException when the object has no kind, apiVersion or name
   */
  public static Node of(HasMetadata object) {
    return ImmutableNode.of(ObjectRef.from(object), object);
  }

  /**
   * The object as a fabric8 type: {@code node.as(Deployment.class)}.
   *
   * @param type the model class
   * @param <T> the model type
   * @return the object cast, or empty when it is not of that class (a custom resource is a {@code
   *     GenericKubernetesResource})
   */
  public <T extends HasMetadata> Optional<T> as(Class<T> type) {
    return type.isInstance(object()) ? Optional.of(type.cast(object())) : Optional.empty();
  }

  /** {@return the object's metadata; an empty one when the object has none, never null}. */
  public ObjectMeta metadata() {
    ObjectMeta meta = object().getMetadata();
    return meta == null ? new ObjectMeta() : meta;
  }

  /** {@return the object's labels; empty, never null, when it has none}. */
  public Map<String, String> labels() {
    Map<String, String> labels = metadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  /** {@return the object's annotations; empty, never null, when it has none}. */
  public Map<String, String> annotations() {
    Map<String, String> annotations = metadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /** {@return the object's owner references as read, unresolved; empty, never null, when it has none}. */
  public List<OwnerReference> ownerReferences() {
    List<OwnerReference> owners = metadata().getOwnerReferences();
    return owners == null ? List.of() : owners;
  }

  /** {@return {@code metadata.generation}, or 0 when the object has none}. */
  public long generation() {
    Long generation = metadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  /** {@return {@code metadata.creationTimestamp}; empty when absent or malformed}. */
  public Optional<Instant> createdAt() {
    return parseTime(metadata().getCreationTimestamp());
  }

  /** {@return {@code metadata.deletionTimestamp}, set once deletion has started (finalizers may hold it)}. */
  public Optional<Instant> deletedAt() {
    return parseTime(metadata().getDeletionTimestamp());
  }

  /**
   * Parses a Kubernetes RFC 3339 timestamp, the API server's {@code 2026-11-02T08:00:00Z} fast.
   *
   * @param text the timestamp as read; may be null
   * @return the instant; empty when absent or malformed
   */
  public static Optional<Instant> parseTime(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Instant utc = parseUtcSeconds(text);
    if (utc != null) {
      return Optional.of(utc);
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The form the API server writes, {@code 2026-11-02T08:00:00Z}, read without a formatter (analyses parse
   * several timestamps per pod); null for anything else, which the full parser then reads.
   */
  private static Instant parseUtcSeconds(String t) {
    if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    try {
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public String toString() {
    return ref().toString();
  }
}
