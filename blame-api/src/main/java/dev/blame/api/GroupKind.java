package dev.blame.api;

import java.util.Locale;
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

  public static final GroupKind POD = core("Pod");
  public static final GroupKind SERVICE = core("Service");
  public static final GroupKind CONFIG_MAP = core("ConfigMap");
  public static final GroupKind SECRET = core("Secret");
  public static final GroupKind PERSISTENT_VOLUME_CLAIM = core("PersistentVolumeClaim");
  public static final GroupKind PERSISTENT_VOLUME = core("PersistentVolume");
  public static final GroupKind SERVICE_ACCOUNT = core("ServiceAccount");
  public static final GroupKind NODE = core("Node");
  public static final GroupKind NAMESPACE = core("Namespace");
  public static final GroupKind EVENT = core("Event");
  public static final GroupKind ENDPOINTS = core("Endpoints");
  public static final GroupKind RESOURCE_QUOTA = core("ResourceQuota");
  public static final GroupKind EVENTS_V1_EVENT = of("events.k8s.io", "Event");
  public static final GroupKind DEPLOYMENT = of("apps", "Deployment");
  public static final GroupKind REPLICA_SET = of("apps", "ReplicaSet");
  public static final GroupKind STATEFUL_SET = of("apps", "StatefulSet");
  public static final GroupKind DAEMON_SET = of("apps", "DaemonSet");
  public static final GroupKind CONTROLLER_REVISION = of("apps", "ControllerRevision");
  public static final GroupKind JOB = of("batch", "Job");
  public static final GroupKind CRON_JOB = of("batch", "CronJob");
  public static final GroupKind CUSTOM_RESOURCE_DEFINITION =
      of("apiextensions.k8s.io", "CustomResourceDefinition");

  /** The API group; {@code ""} for the core group. Never null. */
  @Value.Parameter
  public abstract String group();

  /** The kind in UpperCamelCase, e.g. {@code Deployment}. Never empty. */
  @Value.Parameter
  public abstract String kind();

  public static GroupKind of(String group, String kind) {
    return ImmutableGroupKind.of(group, kind);
  }

  /** A kind of the core ({@code v1}) group. */
  public static GroupKind core(String kind) {
    return of("", kind);
  }

  /**
   * The group kind of an object whose {@code apiVersion} is {@code group/version} or {@code version}.
   *
   * @throws IllegalArgumentException if either argument is null or blank
   */
  public static GroupKind fromApiVersion(String apiVersion, String kind) {
    if (apiVersion == null || apiVersion.isBlank()) {
      throw new IllegalArgumentException("apiVersion is missing for kind '" + kind + "'");
    }
    String kindOrEmpty = kind == null ? "" : kind;
    java.util.Map<String, GroupKind> byKind = ByApiVersion.KINDS.get(apiVersion);
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
    static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, GroupKind>>
        KINDS = new java.util.concurrent.ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger SIZE = new java.util.concurrent.atomic.AtomicInteger();

    static void remember(String apiVersion, String kind, GroupKind groupKind) {
      if (SIZE.get() < MAX && KINDS.computeIfAbsent(apiVersion, v -> new java.util.concurrent.ConcurrentHashMap<>())
          .putIfAbsent(kind, groupKind) == null) {
        SIZE.incrementAndGet();
      }
    }
  }

  /**
   * Reads kubectl's spelling: {@code Kind} or {@code Kind.group} (e.g. {@code Deployment.apps}).
   *
   * @throws IllegalArgumentException naming the input when it is not of that form
   */
  public static GroupKind parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected a kind such as 'Pod' or 'Deployment.apps', got empty text");
    }
    int dot = text.indexOf('.');
    return dot < 0 ? core(text) : of(text.substring(dot + 1), text.substring(0, dot));
  }

  /** True for kinds of the core group. */
  public boolean isCore() {
    return group().isEmpty();
  }

  @Value.Check
  protected void check() {
    if (kind().isEmpty() || kind().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      throw new IllegalArgumentException("expected a kind such as 'Deployment', got '" + kind() + "'");
    }
    if (group().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
      throw new IllegalArgumentException("expected an API group such as 'apps', got '" + group() + "'");
    }
  }

  /** The lower-case form kubectl prints in {@code deployment.apps/name}. */
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
