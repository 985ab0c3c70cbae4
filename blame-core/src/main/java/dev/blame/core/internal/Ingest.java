package dev.blame.core.internal;

import dev.blame.api.EventRecord;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns objects read from a file or a cluster into graph changes: Events become {@link EventRecord}s
 * attached to what they are about, Secrets lose their data before anything keeps them, and pods are kept as
 * {@link SlimPods}: only what analyzers read, with what pods of one template share held once.
 * EndpointSlices keep per endpoint only what tells whether it is ready. Every object keeps its managedFields in
 * the form {@link #managedFields} gives (who changed which field when: see {@link FieldChanges}). Every object other than a pod goes through {@link Compact}, which holds the parts
 * objects have alike once (a ReplicaSet's template with its Deployment's). The {@code Node} Javadoc lists what
 * each kind keeps.
 */
public final class Ingest {

  private final boolean slim;
  private final Compact compact = new Compact();
  private final SlimPods pods = new SlimPods(this, compact);

  /** Objects slimmed and shared, with tables of its own: each engine has one ({@link GraphEngine#ingest()}). */
  public Ingest() {
    this(true);
  }

  /**
   * @param slim false to keep objects whole: no slimming, no sharing (Secret data is still dropped), so that
   *     what slimming drops can be shown never to be read (explanations are the same either way)
   */
  public Ingest(boolean slim) {
    this.slim = slim;
  }

  /** The change an object read from a file or a watch makes to the graph. */
  public GraphEngine.Change change(HasMetadata object) {
    GroupKind kind = ObjectRef.from(object).groupKind();
    if (KnownKinds.isEvent(kind)) {
      Optional<EventRecord> event = event(object);
      if (event.isPresent()) {
        return GraphEngine.Change.event(event.get());
      }
    }
    return GraphEngine.Change.upsert(Node.of(trim(object)));
  }

  /** The change an object's deletion makes to the graph. */
  public static GraphEngine.Change deletion(HasMetadata object) {
    ObjectRef ref = ObjectRef.from(object);
    return KnownKinds.isEvent(ref.groupKind()) ? GraphEngine.Change.deleteEvent(ref) : GraphEngine.Change.delete(ref);
  }

  /** Drops what must never be kept (Secret data, and the annotations that copy it) and what no analyzer reads (most of a pod). */
  HasMetadata trim(HasMetadata object) {
    if (object instanceof Secret) {
      return new SecretBuilder((Secret) object).withData(null).withStringData(null)
          .withMetadata(SecretMetadata.withoutValues(object.getMetadata())).build();
    }
    if (object instanceof GenericKubernetesResource && "Secret".equals(object.getKind())) {
      GenericKubernetesResource copy = new GenericKubernetesResource();
      copy.setApiVersion(object.getApiVersion());
      copy.setKind(object.getKind());
      copy.setMetadata(SecretMetadata.withoutValues(object.getMetadata()));
      Object type = ((GenericKubernetesResource) object).getAdditionalProperties().get("type");
      if (type instanceof String) {
        copy.setAdditionalProperty("type", type);
      }
      return copy;
    }
    if (!slim) {
      return object;
    }
    if (object instanceof Pod) {
      return pods.of((Pod) object);
    }
    if (object.getMetadata() != null) {
      object.getMetadata().setNamespace(compact.string(object.getMetadata().getNamespace()));
      object.getMetadata().setManagedFields(managedFields(object.getMetadata().getManagedFields()));
    }
    if (object instanceof EndpointSlice) {
      return endpointSlice((EndpointSlice) object);
    }
    return compact.of(object);
  }

  /**
   * What "who changed which field when" needs of an object's managedFields, for every kind: each entry's manager,
   * operation, time and subresource, and the set of fields it owns, except for the {@code status} subresource,
   * whose writers report state rather than change it (blame never attributes a status field to anyone; the entry
   * itself is kept, for when it was last written). Field sets are then held once with equal ones by {@link
   * Compact} (a ReplicaSet's pods, each object's unchanged writers), strings interned.
   */
  List<ManagedFieldsEntry> managedFields(List<ManagedFieldsEntry> entries) {
    return managedFields(entries, List.of());
  }

  /**
   * As {@link #managedFields(List)}, sharing field sets with a sibling's kept entries (a pod of the same
   * template) when equal: comparing with one sibling is cheaper than walking each set into {@link Compact}.
   */
  List<ManagedFieldsEntry> managedFields(List<ManagedFieldsEntry> entries, List<ManagedFieldsEntry> sibling) {
    if (entries == null || entries.isEmpty()) {
      return List.of();
    }
    List<ManagedFieldsEntry> kept = new ArrayList<>(entries.size());
    for (ManagedFieldsEntry e : entries) {
      if (e == null || e.getManager() == null) {
        continue;
      }
      ManagedFieldsEntry slim = new ManagedFieldsEntry();
      slim.setAdditionalProperties(Map.of());
      slim.setApiVersion(compact.string(e.getApiVersion()));
      slim.setFieldsType(compact.string(e.getFieldsType()));
      slim.setManager(compact.string(e.getManager()));
      slim.setOperation(compact.string(e.getOperation()));
      slim.setSubresource(compact.string(e.getSubresource()));
      slim.setTime(e.getTime());
      if ("status".equals(e.getSubresource()) || e.getFieldsV1() == null) {
        slim.setFieldsV1(null);
      } else {
        io.fabric8.kubernetes.api.model.FieldsV1 shared = null;
        for (ManagedFieldsEntry s : sibling == null ? List.<ManagedFieldsEntry>of() : sibling) {
          if (s.getFieldsV1() != null && java.util.Objects.equals(s.getManager(), e.getManager())
              && s.getFieldsV1().equals(e.getFieldsV1())) {
            shared = s.getFieldsV1();
            break;
          }
        }
        slim.setFieldsV1(shared != null ? shared : compact.part(e.getFieldsV1()));
      }
      kept.add(slim);
    }
    return List.copyOf(kept);
  }

  /**
   * An EndpointSlice keeps, per endpoint, its conditions (ready, serving, terminating): what tells whether a
   * Service has ready endpoints. Addresses, targetRef, hostname, node, zone and hints are dropped: a slice has
   * an endpoint per pod, no analyzer reads them, and the pods behind a Service are its SELECTS edges. Endpoints
   * with equal conditions are then one object.
   */
  private EndpointSlice endpointSlice(EndpointSlice slice) {
    List<Endpoint> endpoints = slice.getEndpoints();
    slice.setEndpoints(List.of());
    compact.of(slice);
    if (endpoints == null || endpoints.isEmpty()) {
      return slice;
    }
    List<Endpoint> slim = new ArrayList<>(endpoints.size());
    for (Endpoint e : endpoints) {
      if (e == null) {
        continue;
      }
      Endpoint s = new Endpoint();
      s.setAdditionalProperties(Map.of());
      s.setAddresses(List.of());
      s.setDeprecatedTopology(Map.of());
      s.setConditions(e.getConditions());
      slim.add(compact.part(s));
    }
    slice.setEndpoints(List.copyOf(slim));
    return slice;
  }

  Optional<EventRecord> event(HasMetadata object) {
    ObjectRef ref = ObjectRef.from(object);
    if (object instanceof io.fabric8.kubernetes.api.model.Event) {
      io.fabric8.kubernetes.api.model.Event e = (io.fabric8.kubernetes.api.model.Event) object;
      Optional<ObjectRef> regarding = regarding(e.getInvolvedObject(), ref.namespace());
      if (regarding.isEmpty() || e.getReason() == null) {
        return Optional.empty();
      }
      Optional<Instant> first = Node.parseTime(e.getFirstTimestamp())
          .or(() -> micro(e.getEventTime()));
      Optional<Instant> last = Node.parseTime(e.getLastTimestamp())
          .or(() -> e.getSeries() == null ? Optional.empty() : micro(e.getSeries().getLastObservedTime()))
          .or(() -> first);
      int count = e.getCount() != null ? e.getCount()
          : e.getSeries() != null && e.getSeries().getCount() != null ? e.getSeries().getCount() : 1;
      String source = e.getSource() != null && e.getSource().getComponent() != null
          ? e.getSource().getComponent()
          : e.getReportingComponent() == null ? "" : e.getReportingComponent();
      return Optional.of(EventRecord.builder()
          .ref(ref)
          .regarding(regarding.get())
          .type(e.getType() == null ? "Normal" : compact.string(e.getType()))
          .reason(compact.string(e.getReason()))
          .message(e.getMessage() == null ? "" : e.getMessage())
          .count(Math.max(1, count))
          .firstTime(first)
          .lastTime(last)
          .source(compact.string(source))
          .build());
    }
    if (object instanceof io.fabric8.kubernetes.api.model.events.v1.Event) {
      io.fabric8.kubernetes.api.model.events.v1.Event e = (io.fabric8.kubernetes.api.model.events.v1.Event) object;
      Optional<ObjectRef> regarding = regarding(e.getRegarding(), ref.namespace());
      if (regarding.isEmpty() || e.getReason() == null) {
        return Optional.empty();
      }
      Optional<Instant> first = micro(e.getEventTime()).or(() -> Node.parseTime(e.getDeprecatedFirstTimestamp()));
      Optional<Instant> last = (e.getSeries() == null ? Optional.<Instant>empty()
          : micro(e.getSeries().getLastObservedTime()))
          .or(() -> Node.parseTime(e.getDeprecatedLastTimestamp()))
          .or(() -> first);
      int count = e.getSeries() != null && e.getSeries().getCount() != null ? e.getSeries().getCount()
          : e.getDeprecatedCount() != null ? e.getDeprecatedCount() : 1;
      return Optional.of(EventRecord.builder()
          .ref(ref)
          .regarding(regarding.get())
          .type(e.getType() == null ? "Normal" : compact.string(e.getType()))
          .reason(compact.string(e.getReason()))
          .message(e.getNote() == null ? "" : e.getNote())
          .count(Math.max(1, count))
          .firstTime(first)
          .lastTime(last)
          .source(e.getReportingController() == null ? "" : compact.string(e.getReportingController()))
          .build());
    }
    return Optional.empty();
  }

  private static Optional<Instant> micro(MicroTime time) {
    return time == null ? Optional.empty() : Node.parseTime(time.getTime());
  }

  private static Optional<ObjectRef> regarding(ObjectReference ref, String eventNamespace) {
    if (ref == null || ref.getKind() == null || ref.getName() == null || ref.getName().isEmpty()) {
      return Optional.empty();
    }
    GroupKind kind = ref.getApiVersion() == null || ref.getApiVersion().isBlank()
        ? KnownKinds.byKind(ref.getKind()).orElse(GroupKind.core(ref.getKind()))
        : GroupKind.fromApiVersion(ref.getApiVersion(), ref.getKind());
    String namespace = ref.getNamespace() != null ? ref.getNamespace() : "";
    return Optional.of(ObjectRef.builder()
        .groupKind(kind)
        .namespace(namespace)
        .name(ref.getName())
        .uid(Optional.ofNullable(ref.getUid()).filter(u -> !u.isEmpty()))
        .build());
  }
}
