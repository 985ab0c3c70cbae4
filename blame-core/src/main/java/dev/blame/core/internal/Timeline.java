package dev.blame.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.Escape;
import dev.blame.api.EventRecord;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.RevisionDiff;
import dev.blame.api.TimelineEntry;
import dev.blame.api.TimelineEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dated steps of a rollout, from the objects and Events of an explanation: the edit that made the
 * revision, objects created, deletions requested, containers started and terminated, and Events. Oldest first;
 * duplicates (one step seen twice) appear once.
 */
final class Timeline {

  private Timeline() {}

  static List<TimelineEntry> of(Collection<Node> nodes, Collection<EventRecord> events, Optional<RevisionDiff> diff) {
    TreeSet<TimelineEntry> entries = new TreeSet<>();
    diff.ifPresent(d -> d.time().ifPresent(t -> entries.add(TimelineEntry.of(t, d.revision().owner(), Kind.EDITED,
        "Edited" + d.changedBy().map(c -> " by " + Escape.identity(c.manager())).orElse("")
            + (d.pending() ? ", not rolled out yet" : ", making revision " + d.revision().number())
            + (d.rollback() ? " (rollback)" : d.restartOnly() ? " (restart)" : "")))));
    for (Node node : nodes) {
      node.createdAt().ifPresent(t -> entries.add(TimelineEntry.of(t, node.ref(), Kind.CREATED, "Created")));
      node.deletedAt().ifPresent(t -> {
        Long grace = node.metadata().getDeletionGracePeriodSeconds();
        Instant requested = grace == null ? t : t.minusSeconds(grace);
        entries.add(TimelineEntry.of(requested, node.ref(), Kind.DELETING,
            "Deletion requested" + (grace == null ? "" : " (grace period " + grace + "s)")));
      });
      if (node.ref().groupKind().equals(GroupKind.POD)) {
        JsonNode status = Json.tree(node.object()).path("status");
        containers(node, status.path("initContainerStatuses"), "Init container", entries);
        containers(node, status.path("containerStatuses"), "Container", entries);
      }
    }
    for (EventRecord e : events) {
      e.lastTime().or(e::firstTime).ifPresent(t -> entries.add(TimelineEntry.of(t, e.regarding(), Kind.EVENT,
          e.type() + " " + e.reason() + ": " + e.message() + (e.count() > 1 ? " (x" + e.count() + ")" : ""))));
    }
    return List.copyOf(new ArrayList<>(entries));
  }

  private static void containers(Node pod, JsonNode statuses, String label, TreeSet<TimelineEntry> out) {
    for (JsonNode s : statuses) {
      String name = label + " [" + s.path("name").asText() + "]";
      for (JsonNode state : List.of(s.path("lastState"), s.path("state"))) {
        time(state.path("running").path("startedAt"))
            .ifPresent(t -> out.add(TimelineEntry.of(t, pod.ref(), Kind.CONTAINER_STARTED, name + " started")));
        JsonNode terminated = state.path("terminated");
        if (!terminated.isMissingNode()) {
          time(terminated.path("startedAt"))
              .ifPresent(t -> out.add(TimelineEntry.of(t, pod.ref(), Kind.CONTAINER_STARTED, name + " started")));
          String reason = terminated.path("reason").asText("");
          time(terminated.path("finishedAt")).ifPresent(t -> out.add(TimelineEntry.of(t, pod.ref(),
              Kind.CONTAINER_TERMINATED, name + " terminated with exit code " + terminated.path("exitCode").asInt()
                  + (reason.isEmpty() ? "" : " (" + reason + ")"))));
        }
      }
    }
  }

  private static Optional<Instant> time(JsonNode value) {
    return value.isTextual() ? Node.parseTime(value.asText()) : Optional.empty();
  }
}
