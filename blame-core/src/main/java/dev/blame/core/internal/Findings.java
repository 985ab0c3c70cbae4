package dev.blame.core.internal;

import dev.blame.api.Finding;
import dev.blame.api.FindingQuery;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The immutable {@link FindingQuery}: visits only objects that have findings. */
final class Findings implements FindingQuery {

  private final GraphEngine engine;
  private final Set<Health> healths;
  private final String namespace;
  private final GroupKind kind;
  private final ReasonCode reason;

  Findings(GraphEngine engine) {
    this(engine, EnumSet.allOf(Health.class), null, null, null);
  }

  private Findings(GraphEngine engine, Set<Health> healths, String namespace, GroupKind kind, ReasonCode reason) {
    this.engine = engine;
    this.healths = healths;
    this.namespace = namespace;
    this.kind = kind;
    this.reason = reason;
  }

  @Override
  public FindingQuery atLeast(Health health) {
    Set<Health> narrowed = EnumSet.noneOf(Health.class);
    for (Health h : healths) {
      if (h.compareTo(Objects.requireNonNull(health, "health")) >= 0) {
        narrowed.add(h);
      }
    }
    return new Findings(engine, narrowed, namespace, kind, reason);
  }

  @Override
  public FindingQuery withHealth(Health first, Health... more) {
    Set<Health> wanted = EnumSet.of(first, more);
    wanted.retainAll(healths);
    return new Findings(engine, wanted, namespace, kind, reason);
  }

  @Override
  public FindingQuery inNamespace(String namespace) {
    return new Findings(engine, healths, Objects.requireNonNull(namespace, "namespace"), kind, reason);
  }

  @Override
  public FindingQuery ofKind(GroupKind kind) {
    return new Findings(engine, healths, namespace, Objects.requireNonNull(kind, "kind"), reason);
  }

  @Override
  public FindingQuery withReason(ReasonCode reason) {
    return new Findings(engine, healths, namespace, kind, Objects.requireNonNull(reason, "reason"));
  }

  @Override
  public List<Finding> list() {
    return engine.readStore(store -> {
      List<Finding> found = new ArrayList<>();
      for (ObjectRef key : store.withFindings()) {
        if ((namespace != null && !namespace.equals(key.namespace()))
            || (kind != null && !kind.equals(key.groupKind()))) {
          continue;
        }
        for (Finding f : store.verdict(key).orElseThrow().findings()) {
          if (f.subject().equals(key) && healths.contains(f.health())
              && (reason == null || reason.equals(f.reason()))) {
            found.add(f);
          }
        }
      }
      found.sort(Finding.WORST_FIRST);
      return found;
    });
  }
}
