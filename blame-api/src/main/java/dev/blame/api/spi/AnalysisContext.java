package dev.blame.api.spi;

import dev.blame.api.EventRecord;
import dev.blame.api.Node;
import dev.blame.api.Tolerance;
import java.time.Instant;
import java.util.List;

/** What an {@link Analyzer} is given for one object. Valid only during the call. */
public interface AnalysisContext {

  /** {@return the object to judge}. */
  Node node();

  /** {@return the engine's "now", from its injected {@link java.time.Clock}; use it for every age and grace window}. */
  Instant now();

  /** {@return the rest of the graph, read-only}. */
  GraphView graph();

  /**
   * {@return the slack the engine was configured with for transient states} (grace windows, allowed restarts). Analyzers
   * with grace windows must read their windows through it, so that a user's {@code --grace} is honoured.
   * {@link Tolerance#defaults()} unless the engine was given one.
   */
  default Tolerance tolerance() {
    return Tolerance.defaults();
  }

  /** {@return events about {@link #node()}, newest first}. */
  default List<EventRecord> events() {
    return graph().events(node().ref());
  }
}
