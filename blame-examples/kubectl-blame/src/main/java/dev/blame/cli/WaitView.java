package dev.blame.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.blame.api.BlameTree;
import dev.blame.api.Escape;
import dev.blame.api.EventRecord;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.api.WaitOutcome;
import dev.blame.api.WaitResult;
import dev.blame.api.WaitState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code wait} prints: progress (redrawn in place on a terminal, one line per change otherwise), the
 * verdict (culprits, revision change, last events), the JSON document, and GitHub Actions annotations.
 */
final class WaitView {

  private static final ObjectMapper JSON =
      DocumentEscapes.install(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
  static final int EVENTS = 5;

  private final Cli cli;
  private final boolean json;
  /** When the command started ({@link System#nanoTime}): elapsed times count the connection and initial lists. */
  private final long start;
  private final Map<ObjectRef, String> shown = new HashMap<>();
  private int drawn;

  WaitView(Cli cli, boolean json, long start) {
    this.cli = cli;
    this.json = json;
    this.start = start;
  }

  void progress(List<WaitState> states) {
    if (json) {
      return;
    }
    if (cli.color) {
      // A terminal: redraw the block of object lines in place.
      StringBuilder block = new StringBuilder();
      if (drawn > 0) {
        block.append("\u001b[").append(drawn).append("F");
      }
      for (WaitState s : states) {
        block.append("\u001b[2K").append(symbol(s.phase())).append(' ').append(t(WaitCommand.display(s)))
            .append("  ").append(t(s.message())).append('\n');
      }
      drawn = states.size();
      cli.out.print(block);
    } else {
      for (WaitState s : states) {
        String line = s.phase() + " " + s.message();
        if (!line.equals(shown.put(s.ref().key(), line))) {
          cli.out.printf(Locale.ROOT, "[%6.1fs] %s %s: %s%n", seconds(), t(WaitCommand.display(s)),
              s.phase().name().toLowerCase(Locale.ROOT), t(s.message()));
        }
      }
    }
    cli.out.flush();
  }

  void result(WaitResult result, Duration timeout) {
    if (json) {
      try {
        cli.out.println(JSON.writeValueAsString(document(result, timeout, Duration.ofNanos(System.nanoTime() - start))));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    long total = result.states().size();
    switch (result.outcome()) {
      case COMPLETE -> cli.out.printf(Locale.ROOT, "Rolled out: %d of %d objects complete in %.1fs%n", total, total,
          seconds());
      case FAILED -> {
        List<WaitState> doomed = result.states().stream().filter(s -> s.phase() == WaitState.Phase.DOOMED).toList();
        cli.out.printf(Locale.ROOT, "FAILED after %.1fs: %s%n", seconds(),
            t(String.join(", ", doomed.stream().map(s -> WaitCommand.display(s) + " (" + s.message() + ")").toList())));
        details(result);
      }
      case TIMED_OUT -> {
        cli.out.printf(Locale.ROOT, "TIMED OUT after %s, still pending:%n", human(timeout));
        result.states().stream().filter(s -> s.phase() != WaitState.Phase.DONE).forEach(s ->
            cli.out.println("  " + t(WaitCommand.display(s) + ": " + s.message())));
        details(result);
      }
      default -> throw new IllegalStateException(result.outcome().toString());
    }
  }

  private void details(WaitResult result) {
    if (!result.culprits().isEmpty()) {
      cli.out.println("Culprits:");
      result.culprits().forEach(f -> cli.out.println("  " + t(culprit(f))));
    }
    for (RevisionDiff diff : result.revisionDiffs()) {
      cli.out.println("Revision change: " + t(revision(diff)));
      diff.changes().forEach(c -> cli.out.println("  " + t(c.description())));
    }
    List<EventRecord> events = lastEvents(result);
    if (!events.isEmpty()) {
      cli.out.println("Last events:");
      events.forEach(e -> cli.out.println("  " + t(event(e))));
    }
  }

  /** {@code ::error title=...::message} lines GitHub Actions turns into annotations. */
  void annotations(WaitResult result, Duration timeout) {
    if (result.outcome() == WaitOutcome.FAILED) {
      for (Finding f : result.culprits()) {
        cli.out.println("::error title=" + Escape.workflowProperty("Rollout failed: " + f.subject().display()) + "::"
            + Escape.workflowData(culprit(f)));
      }
      for (RevisionDiff diff : result.revisionDiffs()) {
        cli.out.println("::notice title=Revision change::" + Escape.workflowData(revision(diff) + ": " + String.join("; ",
            diff.changes().stream().map(RevisionChange::description).toList())));
      }
    } else if (result.outcome() == WaitOutcome.TIMED_OUT) {
      for (WaitState s : result.states()) {
        if (s.phase() != WaitState.Phase.DONE) {
          cli.out.println("::error title=" + Escape.workflowProperty("Rollout timed out after " + human(timeout)) + "::"
              + Escape.workflowData(WaitCommand.display(s) + ": " + s.message()));
        }
      }
    }
  }

  static String culprit(Finding f) {
    return f.subject().groupKind().toLowerString() + "/" + f.subject().name()
        + f.container().map(c -> " [" + c + "]").orElse("") + " " + Escape.identity(f.reason().code()) + ": "
        + f.message();
  }

  static String revision(RevisionDiff diff) {
    StringBuilder text = new StringBuilder(diff.revision().owner().display() + " revision " + diff.revision().number());
    diff.previous().ifPresent(p -> text.append(" (from ").append(p.number()).append(')'));
    diff.changedBy().ifPresent(by -> text.append(", by ").append(Escape.identity(by.manager())));
    diff.time().ifPresent(t -> text.append(" at ").append(t));
    if (diff.rollback()) {
      text.append(", a rollback");
    }
    return text.toString();
  }

  static String event(EventRecord e) {
    return e.lastTime().map(Object::toString).orElse("-") + " " + e.type() + " " + Escape.identity(e.reason()) + " "
        + e.regarding().groupKind().toLowerString() + "/" + e.regarding().name()
        + (e.count() > 1 ? " (x" + e.count() + ")" : "") + ": " + e.message();
  }

  /** The newest events about the culprits (else about anything explained), newest first. */
  static List<EventRecord> lastEvents(WaitResult result) {
    Set<ObjectRef> culprits = new LinkedHashSet<>();
    result.culprits().forEach(f -> culprits.add(f.subject().key()));
    List<EventRecord> about = new ArrayList<>();
    List<EventRecord> all = new ArrayList<>();
    for (Explanation why : result.explanations()) {
      for (BlameTree tree : why.effects().flatten()) {
        for (EventRecord e : tree.events()) {
          if (!all.contains(e)) {
            all.add(e);
            if (culprits.contains(e.regarding().key())) {
              about.add(e);
            }
          }
        }
      }
    }
    List<EventRecord> chosen = about.isEmpty() ? all : about;
    chosen.sort(Comparator.comparing((EventRecord e) -> e.lastTime().orElse(java.time.Instant.EPOCH)).reversed());
    return chosen.subList(0, Math.min(EVENTS, chosen.size()));
  }

  static Map<String, Object> document(WaitResult result, Duration timeout, Duration elapsed) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("outcome", Documents.name(result.outcome()));
    doc.put("exitCode", result.outcome() == WaitOutcome.COMPLETE ? WaitCommand.COMPLETE
        : result.outcome() == WaitOutcome.FAILED ? WaitCommand.FAILED : WaitCommand.TIMED_OUT);
    doc.put("elapsedSeconds", elapsed.toMillis() / 1000.0);
    doc.put("timeoutSeconds", timeout.toMillis() / 1000.0);
    List<Object> objects = new ArrayList<>();
    for (WaitState s : result.states()) {
      Map<String, Object> o = ref(s.ref());
      o.put("phase", Documents.name(s.phase()));
      s.verdict().ifPresent(v -> {
        o.put("health", Documents.name(v.health()));
        o.put("status", Documents.name(v.status()));
      });
      o.put("message", s.message());
      objects.add(o);
    }
    doc.put("objects", objects);
    List<Object> culprits = new ArrayList<>();
    for (Finding f : result.culprits()) {
      Map<String, Object> c = ref(f.subject());
      f.container().ifPresent(x -> c.put("container", x));
      c.put("health", Documents.name(f.health()));
      c.put("reason", f.reason().code());
      c.put("message", f.message());
      culprits.add(c);
    }
    doc.put("culprits", culprits);
    List<Object> revisions = new ArrayList<>();
    for (RevisionDiff diff : result.revisionDiffs()) {
      Map<String, Object> r = ref(diff.revision().owner());
      r.put("revision", diff.revision().number());
      diff.previous().ifPresent(p -> r.put("previous", p.number()));
      diff.changedBy().ifPresent(by -> r.put("changedBy", by.manager()));
      diff.time().ifPresent(t -> r.put("time", t.toString()));
      r.put("changes", diff.changes().stream().map(RevisionChange::description).toList());
      revisions.add(r);
    }
    doc.put("revisions", revisions);
    List<Object> events = new ArrayList<>();
    for (EventRecord e : lastEvents(result)) {
      Map<String, Object> ev = ref(e.regarding());
      ev.put("type", e.type());
      ev.put("reason", e.reason());
      ev.put("message", e.message());
      ev.put("count", e.count());
      e.lastTime().ifPresent(t -> ev.put("lastTime", t.toString()));
      events.add(ev);
    }
    doc.put("events", events);
    return doc;
  }

  private static Map<String, Object> ref(ObjectRef ref) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kind", ref.kind());
    o.put("group", ref.group());
    o.put("namespace", ref.namespace());
    o.put("name", ref.name());
    return o;
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** Cluster text on a line of the text output: one line, no control sequence ({@link Escape#terminal}). */
  private static String t(String text) {
    return Escape.terminal(text);
  }

  private static String symbol(WaitState.Phase phase) {
    return switch (phase) {
      case DONE -> "\u001b[32m✓\u001b[0m";
      case DOOMED -> "\u001b[31m✗\u001b[0m";
      default -> "\u001b[33m…\u001b[0m";
    };
  }
}
