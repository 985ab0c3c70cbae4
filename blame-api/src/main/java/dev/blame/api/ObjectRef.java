package dev.blame.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Names one Kubernetes object: group, kind, namespace and name, plus the version it was read at and its
 * uid when known.
 *
 * <p>Identity is {@code (group, kind, namespace, name)}: {@link #version()} and {@link #uid()} are carried
 * along but do not take part in {@code equals}, so a reference typed by a user ({@code deploy/web}) equals
 * the one read from the cluster. Cluster-scoped objects have namespace {@code ""}.
 */
@Value.Immutable(prehash = true)
public abstract class ObjectRef implements Comparable<ObjectRef> {

  /** {@return the object's group and kind; part of the identity}. */
  public abstract GroupKind groupKind();

  /** {@return the object's namespace, {@code ""} for cluster-scoped objects; part of the identity}. */
  public abstract String namespace();

  /** {@return the object's {@code metadata.name}; never empty; part of the identity}. */
  public abstract String name();

  /**
   * {@return the API version the object was read at, e.g. {@code v1}; {@code ""} when not known}. Not part of
   * the identity.
   */
  @Value.Auxiliary
  @Value.Default
  public String version() {
    return "";
  }

  /**
   * {@return the object's uid, when it was read from a cluster or a dump that carried one}. Not part of the
   * identity: a deleted and re-created object has the same reference and another uid.
   */
  @Value.Auxiliary
  public abstract Optional<String> uid();

  /**
   * A reference without version or uid, as a user names an object.
   *
   * @param groupKind the kind
   * @param namespace the namespace; {@code ""} or null for cluster-scoped objects
   * @param name the name
   * @return the reference
   * @throws IllegalArgumentException when the name is empty
   */
  public static ObjectRef of(GroupKind groupKind, String namespace, String name) {
    return builder().groupKind(groupKind).namespace(namespace == null ? "" : namespace).name(name).build();
  }

  /**
   * A reference from an {@code apiVersion} such as {@code apps/v1} and a kind, keeping the version.
   *
   * @param apiVersion {@code group/version} or {@code version}
   * @param kind the kind
   * @param namespace the namespace; {@code ""} or null for cluster-scoped objects
   * @param name the name
   * @return the reference, with {@link #version()} set
   * @throws IllegalArgumentException when the apiVersion is blank or the name empty
   */
  public static ObjectRef of(String apiVersion, String kind, String namespace, String name) {
    return builder()
        .groupKind(GroupKind.fromApiVersion(apiVersion, kind))
        .version(versionOf(apiVersion))
        .namespace(namespace == null ? "" : namespace)
        .name(name)
        .build();
  }

  /**
   * The reference of an object read from a cluster or a file, with its version and uid.
   *
   * @param object the object; its kind, apiVersion and name are required
   * @return the reference
   * @throws IllegalArgumentException naming what is missing when the object has no kind, apiVersion or name
   */
  public static ObjectRef from(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    if (object.getKind() == null || object.getKind().isBlank()) {
      throw new IllegalArgumentException("object has no 'kind'" + describe(meta));
    }
    if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
      throw new IllegalArgumentException(
          "object of kind '" + Escape.terminal(object.getKind()) + "' has no 'metadata.name'");
    }
    if (object.getApiVersion() == null || object.getApiVersion().isBlank()) {
      throw new IllegalArgumentException(
          Escape.terminal(object.getKind()) + " '" + Escape.terminal(meta.getName()) + "' has no 'apiVersion'");
    }
    return builder()
        .groupKind(GroupKind.fromApiVersion(object.getApiVersion(), object.getKind()))
        .version(versionOf(object.getApiVersion()))
        .namespace(meta.getNamespace() == null ? "" : meta.getNamespace())
        .name(meta.getName())
        .uid(Optional.ofNullable(meta.getUid()).filter(u -> !u.isBlank()))
        .build();
  }

  /**
   * A builder, for references that carry a version or uid; {@link #of} is shorter for the rest.
   *
   * @return a new builder; {@code groupKind}, {@code namespace} and {@code name} are required
   */
  public static ImmutableObjectRef.Builder builder() {
    return ImmutableObjectRef.builder();
  }

  private static String versionOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  private static String describe(ObjectMeta meta) {
    return meta == null || meta.getName() == null ? "" : " (metadata.name '" + Escape.terminal(meta.getName()) + "')";
  }

  /** {@return the API group, {@code ""} for the core group}. */
  public String group() {
    return groupKind().group();
  }

  /** {@return the kind, e.g. {@code Deployment}}. */
  public String kind() {
    return groupKind().kind();
  }

  /** {@return {@code group/version}, {@code version} for the core group, or {@code ""} when the version is unknown}. */
  public String apiVersion() {
    if (version().isEmpty()) {
      return "";
    }
    return group().isEmpty() ? version() : group() + "/" + version();
  }

  /** {@return true when the namespace is {@code ""}: a Node, a Namespace, a CRD, a ClusterRole...}. */
  public boolean isClusterScoped() {
    return namespace().isEmpty();
  }

  /** {@return the same reference without version or uid, as used for lookups and map keys; this when it has neither}. */
  public ObjectRef key() {
    return version().isEmpty() && uid().isEmpty() ? this : of(groupKind(), namespace(), name());
  }

  /** {@return how a person reads it: {@code Deployment my-busybox}, without the namespace}. */
  public String display() {
    return kind() + " " + name();
  }

  /**
   * Rejects references without a name.
   *
   * @throws IllegalArgumentException naming the kind
   */
  @Value.Check
  protected void check() {
    if (name().isEmpty()) {
      throw new IllegalArgumentException("a " + groupKind() + " reference needs a name");
    }
  }

  @Override
  public int compareTo(ObjectRef other) {
    // By group, kind, namespace, name; spelled out, no Comparator chain: sorting runs on every update.
    if (this == other) {
      return 0;
    }
    int c = groupKind().compareTo(other.groupKind());
    if (c == 0) {
      c = namespace().compareTo(other.namespace());
    }
    return c != 0 ? c : name().compareTo(other.name());
  }

  /** kubectl's form: {@code deployment.apps/my-busybox -n default}. */
  @Override
  public String toString() {
    String base = groupKind().toLowerString() + "/" + name();
    return namespace().isEmpty() ? base : base + " -n " + namespace();
  }
}
