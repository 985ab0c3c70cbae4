package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Watches over plain (chunked) HTTP, as kubectl and client-go open them: the recent history of every change
 * with its resourceVersion, so that a watch from {@code resourceVersion=N} replays what happened after N (or
 * gets {@code 410 Gone} once N is older than the history), and live delivery to every open watch.
 * Thread-safe.
 */
final class Watches {

  /** One change: ADDED, MODIFIED or DELETED with the object after it (before it, for DELETED). */
  record Event(String type, ObjectNode object, long resourceVersion) {
  }

  /** An open watch: which objects it wants and where their events go. */
  static final class Subscriber {
    private final Predicate<JsonNode> filter;
    private final Consumer<Event> sink;
    private volatile boolean closed;

    Subscriber(Predicate<JsonNode> filter, Consumer<Event> sink) {
      this.filter = filter;
      this.sink = sink;
    }

    void close() {
      closed = true;
    }
  }

  private static final int HISTORY = 20_000;

  private final Deque<Event> history = new ArrayDeque<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private long lastResourceVersion;
  private long oldestKept = 0;
  private long seenAtLastCompaction;
  private long compactedRevision;

  /** Records a change and sends it to the open watches that want it. */
  void publish(String type, ObjectNode object, long resourceVersion) {
    Event event = new Event(type, object, resourceVersion);
    synchronized (history) {
      history.addLast(event);
      lastResourceVersion = Math.max(lastResourceVersion, resourceVersion);
      while (history.size() > HISTORY) {
        oldestKept = history.removeFirst().resourceVersion();
      }
      for (Subscriber s : subscribers) {
        deliver(s, event);
      }
    }
  }

  /**
   * One pass of kube-apiserver's etcd compactor (every 5 minutes there): it compacts the store up to the revision the
   * previous pass saw as the latest, so a revision stays readable for one to two intervals. Lists continued from a
   * compacted revision expire ({@link Pages.Expired}).
   */
  void compact() {
    synchronized (history) {
      compactedRevision = Math.max(compactedRevision, seenAtLastCompaction);
      seenAtLastCompaction = lastResourceVersion;
    }
  }

  /** The revision the store is compacted up to: reads at an older one fail (0 before the second compaction). */
  long compactedRevision() {
    synchronized (history) {
      return compactedRevision;
    }
  }

  /** The resourceVersion of the latest change (what a list answers as its own resourceVersion). */
  long lastResourceVersion() {
    synchronized (history) {
      return lastResourceVersion;
    }
  }

  /**
   * Opens a watch from {@code resourceVersion}: replays the recorded changes after it, then delivers live ones.
   *
   * @return the subscriber (close it when the connection goes), or null when {@code resourceVersion} is older
   *     than the history (the caller answers 410 Gone)
   */
  Subscriber subscribeFrom(long resourceVersion, Predicate<JsonNode> filter, Consumer<Event> sink) {
    Subscriber s = new Subscriber(filter, sink);
    synchronized (history) {
      if (resourceVersion < oldestKept) {
        return null;
      }
      for (Event e : history) {
        if (e.resourceVersion() > resourceVersion) {
          deliver(s, e);
        }
      }
      subscribers.add(s);
    }
    return s;
  }

  /**
   * Opens a watch that starts with the current state: {@code list} is called once the subscription is in place,
   * each listed object is sent as ADDED, and changes that the list already reflects are not sent again.
   */
  Subscriber subscribeWithState(Function<Void, List<JsonNode>> list, Predicate<JsonNode> filter,
      Consumer<Event> sink) {
    List<Event> buffered = new ArrayList<>();
    boolean[] live = {false};
    Subscriber s = new Subscriber(filter, e -> {
      synchronized (buffered) {
        if (live[0]) {
          sink.accept(e);
        } else {
          buffered.add(e);
        }
      }
    });
    synchronized (history) {
      subscribers.add(s);
    }
    Map<String, Long> listed = new HashMap<>();
    for (JsonNode item : list.apply(null)) {
      if (filter.test(item)) {
        listed.put(item.path("metadata").path("uid").asText(), rv(item));
        sink.accept(new Event("ADDED", (ObjectNode) item, rv(item)));
      }
    }
    synchronized (buffered) {
      for (Event e : buffered) {
        Long seen = listed.get(e.object().path("metadata").path("uid").asText());
        if (seen == null || e.resourceVersion() > seen) {
          sink.accept(e);
        }
      }
      live[0] = true;
    }
    return s;
  }

  void unsubscribe(Subscriber s) {
    if (s != null) {
      s.close();
      subscribers.remove(s);
    }
  }

  private static void deliver(Subscriber s, Event e) {
    if (!s.closed && s.filter.test(e.object())) {
      try {
        s.sink.accept(e);
      } catch (RuntimeException ex) {
        s.close();
      }
    }
  }

  static long rv(JsonNode object) {
    try {
      return Long.parseLong(object.path("metadata").path("resourceVersion").asText("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
