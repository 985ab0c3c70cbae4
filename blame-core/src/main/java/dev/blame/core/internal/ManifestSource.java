package dev.blame.core.internal;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An offline snapshot: objects read from manifests, applied in one batch. The kinds present are the kinds
 * observed, so a pod whose ReplicaSet kind is absent from the dump reads as "not observed", not "missing".
 */
public final class ManifestSource implements Source {

  /** Released once applied: the graph keeps what it needs of them, often much less than the objects. */
  private List<HasMetadata> objects;
  private final Set<GroupKind> alsoObserved;

  /** @param alsoObserved kinds observed even when no object of them is present */
  public ManifestSource(List<HasMetadata> objects, Set<GroupKind> alsoObserved) {
    this.objects = List.copyOf(objects);
    this.alsoObserved = Set.copyOf(alsoObserved);
  }

  @Override
  public void start(GraphEngine engine) {
    Set<GroupKind> kinds = new LinkedHashSet<>(alsoObserved);
    List<GraphEngine.Change> changes = new ArrayList<>(objects.size());
    for (HasMetadata object : objects) {
      kinds.add(ObjectRef.from(object).groupKind());
      changes.add(engine.ingest().change(object));
    }
    objects = List.of();
    engine.observe(kinds);
    engine.apply(changes);
  }

  @Override
  public void close() {}
}
