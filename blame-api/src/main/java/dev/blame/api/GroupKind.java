package dev.blame.api;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.immutables.value.Value;

/**
 * A Kubernetes API group and kind, without version: {@code apps/Deployment}, or {@code Pod} in the core
 * group (group {@code ""}). This is the identity of a type; versions are a representation detail.
 *
 * <p>{@link #toString()} uses kubectl's spelling, {@code Deployment.apps} and {@code Pod}, which
 * {@link #parse(String)} reads back.
 */
/* Interned: a cluster has a few hundred kinds and every reference names one; equal kinds are one instance. */
@Value.Immutable(intern = true, prehash = true)
public abstract class GroupKind implements Comparable<GroupKind> {

  /** Pods ({@code v1}): the unit every workload kind eventually runs as. */
  public static final GroupKind POD = core("Pod");
  /** Services ({@code v1}): select pods by label and route traffic to them. */
  public static final GroupKind SERVICE = core("Service");
  /** ConfigMaps ({@code v1}): configuration that pods mount or read as environment. */
  public static final GroupKind CONFIG_MAP = core("ConfigMap");
  /** Secrets ({@code v1}): never read from a cluster by this library; only their names are followed. */
  public static final GroupKind SECRET = core("Secret");
  /** PersistentVolumeClaims ({@code v1}): storage requests that pods mount. */
  public static final GroupKind PERSISTENT_VOLUME_CLAIM = core("PersistentVolumeClaim");
  /** PersistentVolumes ({@code v1}, cluster-scoped): the storage a claim binds to. */
  public static final GroupKind PERSISTENT_VOLUME = core("PersistentVolume");
  /** ServiceAccounts ({@code v1}): the identity pods run as. */
  public static final GroupKind SERVICE_ACCOUNT = core("ServiceAccount");
  /** Nodes ({@code v1}, cluster-scoped): the machines pods are scheduled on. */
  public static final GroupKind NODE = core("Node");
  /** Namespaces ({@code v1}, cluster-scoped). */
  public static final GroupKind NAMESPACE = core("Namespace");
  /** Core Events ({@code v1}): what controllers report about an object. */
  public static final GroupKind EVENT = core("Event");
  /** Endpoints ({@code v1}): the legacy list of a Service's ready addresses. */
  public static final GroupKind ENDPOINTS = core("Endpoints");
  /** ResourceQuotas ({@code v1}): limits that can make a controller's pod creation fail. */
  public static final GroupKind RESOURCE_QUOTA = core("ResourceQuota");
  /** Events of the {@code events.k8s.io} group: the same reports as {@link #EVENT}, newer schema. */
  public static final GroupKind EVENTS_V1_EVENT = of("events.k8s.io", "Event");
  /** Deployments ({@code apps/v1}): roll out ReplicaSets revision by revision. */
  public static final GroupKind DEPLOYMENT = of("apps", "Deployment");
  /** ReplicaSets ({@code apps/v1}): keep a number of identical pods of one revision. */
  public static final GroupKind REPLICA_SET = of("apps", "ReplicaSet");
  /** StatefulSets ({@code apps/v1}): pods with stable names and storage, rolled out in order. */
  public static final GroupKind STATEFUL_SET = of("apps", "StatefulSet");
  /** DaemonSets ({@code apps/v1}): one pod per eligible node. */
  public static final GroupKind DAEMON_SET = of("apps", "DaemonSet");
  /** ControllerRevisions ({@code apps/v1}): the revision history of StatefulSets and DaemonSets. */
  public static final GroupKind CONTROLLER_REVISION = of("apps", "ControllerRevision");
  /** Jobs ({@code batch/v1}): pods that run to completion. */
  public static final GroupKind JOB = of("batch", "Job");
  /** CronJobs ({@code batch/v1}): create Jobs on a schedule. */
  public static final GroupKind CRON_JOB = of("batch", "CronJob");
  /** CustomResourceDefinitions ({@code apiextensions.k8s.io/v1}, cluster-scoped): declare custom kinds. */
  public static final GroupKind CUSTOM_RESOURCE_DEFINITION =
      of("apiextensions.k8s.io", "CustomResourceDefinition");

  /**
   * The API group.
   *
   * @return the group, {@code ""} for the core group; never null
   */
  @Value.Parameter
  public abstract String group();

  /**
   * The kind.
   *
   * @return the kind in UpperCamelCase, e.g. {@code Deployment}; never empty
   */
  @Value.Parameter
  public abstract String kind();

  /**
   * A kind of a group; equal arguments give the same (interned) instance.
   *
   * @param group the API group, {@code ""} for the core group
   * @param kind the kind, e.g. {@code Deployment}
   * @return the group kind
   * @throws IllegalArgumentException when the kind is empty or either holds whitespace or a slash
   */
  public static GroupKind of(String group, String kind) {
    return ImmutableGroupKind.of(group, kind);
  }

  /**
   * A kind of the core ({@code v1}) group.
   *
   * @param kind the kind, e.g. {@code Pod}
   * @return the group kind with group {@code ""}
   * @throws IllegalArgumentException as {@link #of}
   */
  public static GroupKind core(String kind) {
    return of("", kind);
  }

  /**
   * The group kind of an object whose {@code apiVersion} is {@code group/version} or {@code version}. Cached: an
   * object's or owner reference's pair is parsed once.
   *
   * @param apiVersion the object's {@code apiVersion}, e.g. {@code apps/v1} or {@code v1}
   * @param kind the object's {@code kind}
   * @return the group kind, the version dropped
   * @throws IllegalArgumentException if either argument is null or blank
   */
  public static GroupKind fromApiVersion(String apiVersion, String kind) {
    if (apiVersion == null || apiVersion.isBlank()) {
      throw new IllegalArgumentException("apiVersion is missing for kind '" + Escape.terminal(kind) + "'");
    }
    String kindOrEmpty = kind == null ? "" : kind;
    Map<String, GroupKind> byKind = ByApiVersion.KINDS.get(apiVersion);
    GroupKind known = byKind == null ? null : byKind.get(kindOrEmpty);
    if (known != null) {
      return known;
    }
    int slash = apiVersion.indexOf('/');
    GroupKind found = of(slash < 0 ? "" : apiVersion.substring(0, slash), kindOrEmpty);
    ByApiVersion.remember(apiVersion, kindOrEmpty, found);
    return found;
  }

  /**
   * Kinds by the {@code apiVersion} and kind they were read from: every object read and every owner
   * reference names one, and a cluster serves a few hundred. Bounded, in case the input is not a cluster's.
   */
  private static final class ByApiVersion {
    static final int MAX = 4096;
    static final ConcurrentHashMap<String, ConcurrentHashMap<String, GroupKind>>
        KINDS = new ConcurrentHashMap<>();
    static final AtomicInteger SIZE = new AtomicInteger();

    static void remember(String apiVersion, String kind, GroupKind groupKind) {
      if (SIZE.get() < MAX && KINDS.computeIfAbsent(apiVersion, v -> new ConcurrentHashMap<>())
          .putIfAbsent(kind, groupKind) == null) {
        SIZE.incrementAndGet();
      }
    }
  }

  /**
   * Reads kubectl's spelling: {@code Kind} or {@code Kind.group} (e.g. {@code Deployment.apps}). Case is kept:
   * {@code deployment.apps} gives kind {@code deployment}, which matches nothing.
   *
   * @param text the kind as {@link #toString()} writes it
   * @return the group kind
   * @throws IllegalArgumentException naming the input when it is not of that form
   */
  public static GroupKind parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected a kind such as 'Pod' or 'Deployment.apps', got empty text");
    }
    int dot = text.indexOf('.');
    return dot < 0 ? core(text) : of(text.substring(dot + 1), text.substring(0, dot));
  }

  /**
   * Whether the kind is of the core group.
   *
   * @return true when {@link #group()} is empty
   */
  public boolean isCore() {
    return group().isEmpty();
  }

  /**
   * Rejects kinds and groups that no API server serves, so that a typo fails where it is made.
   *
   * @throws IllegalArgumentException naming the bad kind or group
   */
  @Value.Check
  protected void check() {
    if (kind().isEmpty() || kind().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      throw new IllegalArgumentException("expected a kind such as 'Deployment', got '" + Escape.terminal(kind()) + "'");
    }
    if (group().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      throw new IllegalArgumentException("expected an API group such as 'apps', got '" + Escape.terminal(group())
          + "'");
    }
  }

  /**
   * The lower-case form kubectl prints.
   *
   * @return e.g. {@code deployment.apps}, as in {@code deployment.apps/web}
   */
  public String toLowerString() {
    return toString().toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(GroupKind other) {
    if (this == other) {
      return 0;
    }
    int c = group().compareTo(other.group());
    return c != 0 ? c : kind().compareTo(other.kind());
  }

  @Override
  public String toString() {
    return isCore() ? kind() : kind() + "." + group();
  }
}
