package dev.blame.cli;

import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.ObjectRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl blame ... --watch}: follows the answer as the cluster changes, until interrupted.
 *
 * <ul>
 *   <li>On a terminal, redraws whenever the text changes. Elsewhere, prints only when a verdict or the findings
 *       change (ages counting up are no news); {@code -o json} writes one JSON document per line (JSON Lines).
 *   <li>Each tick first asks the API server for its version. When that fails, it says so on stderr and in the view
 *       (a line, or a {@code {"connection": "Lost"}} record), shows no verdict until the cluster answers again,
 *       retries with back-off (doubling up to 30 s), then reads everything afresh.
 * </ul>
 */
final class Watcher {

  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Cli cli;
  private final Session session;
  private final List<ObjectRef> refs;
  private final boolean list;
  private final OutputFormat format;
  private final long intervalMillis;

  Watcher(Cli cli, Session session, List<ObjectRef> refs, boolean list, OutputFormat format, long intervalMillis) {
    this.cli = cli;
    this.session = session;
    this.refs = List.copyOf(refs);
    this.list = list;
    this.format = format;
    this.intervalMillis = Math.max(1, intervalMillis);
  }

  /** Runs until interrupted (in-process callers), or until the process is stopped (Ctrl-C). */
  int run() {
    try {
      loop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK;
  }

  private void loop() throws InterruptedException {
    String lastNews = null;
    String lastText = null;
    Instant lostSince = null;
    long backoff = intervalMillis;
    while (!Thread.currentThread().isInterrupted()) {
      Optional<String> problem = session.probe();
      if (problem.isPresent()) {
        if (lostSince == null) {
          lostSince = Instant.now().truncatedTo(ChronoUnit.SECONDS);
          cli.err.println("warning: lost the connection to the cluster (" + problem.get() + "); reconnecting, "
              + "retrying with back-off");
          cli.err.flush();
          lost(lostSince, problem.get());
          lastNews = null;
          lastText = null;
        }
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, Math.max(intervalMillis, MAX_BACKOFF.toMillis()));
        continue;
      }
      if (lostSince != null) {
        cli.err.println("reconnected to the cluster (the connection was lost at " + lostSince + "); reading it afresh");
        cli.err.flush();
        session.reconnect();
        lostSince = null;
        backoff = intervalMillis;
      }
      List<Explanation> answers = new ArrayList<>();
      for (ObjectRef ref : refs) {
        answers.add(session.blame().explain(ref));
      }
      String text = render(answers);
      String news = news(answers);
      if (cli.color) {
        if (!text.equals(lastText)) {
          cli.out.print("\u001b[H\u001b[2J");
          cli.out.print(text);
        }
      } else if (!news.equals(lastNews)) {
        if (lastNews != null && format != OutputFormat.JSON) {
          cli.out.println();
        }
        cli.out.print(text);
      }
      cli.out.flush();
      lastText = text;
      lastNews = news;
      Thread.sleep(intervalMillis);
    }
  }

  /** The view while the cluster does not answer: no verdict, since none would be current. */
  private void lost(Instant since, String problem) {
    if (format == OutputFormat.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("connection", "Lost");
      doc.put("since", since.toString());
      doc.put("message", problem);
      cli.out.println(Documents.line(doc));
    } else {
      if (cli.color) {
        cli.out.print("\u001b[H\u001b[2J");
      } else {
        cli.out.println();
      }
      cli.out.println("Connection to the cluster lost at " + since + " (" + problem + "); reconnecting. "
          + "No verdict is shown until it answers again.");
    }
    cli.out.flush();
  }

  private String render(List<Explanation> answers) {
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    if (format == OutputFormat.JSON) {
      Documents documents = new Documents(session.resolver());
      List<Object> docs = answers.stream().<Object>map(documents::blame).toList();
      writer.println(Documents.line(!list && docs.size() == 1 ? docs.get(0) : Documents.list(docs)));
    } else {
      Cli into = cli.withOut(writer);
      for (int i = 0; i < answers.size(); i++) {
        Explanation why = answers.get(i);
        if (i > 0 && format != OutputFormat.YAML) {
          writer.println();
        }
        if (why.found()) {
          BlameCli.print(into, why, format, session.resolver());
        } else {
          ObjectRef ref = why.target();
          // The name and namespace are the cluster's (listed, then deleted while watched): terminal text as every
          // other line of the view.
          writer.println(Escape.terminal(ref.groupKind().toLowerString() + " \"" + ref.name() + "\" not found"
              + session.where(ref)));
        }
      }
    }
    writer.flush();
    return text.toString();
  }

  /** What counts as news outside a terminal: each object's verdict and findings, not the ages. */
  static String news(List<Explanation> answers) {
    StringBuilder key = new StringBuilder();
    for (Explanation why : answers) {
      key.append(why.target()).append(' ').append(why.found()).append(' ').append(why.health()).append(' ')
          .append(why.status()).append(' ').append(why.verdict().message()).append('\n');
      for (Finding f : why.findings()) {
        key.append("  ").append(f.subject()).append(' ').append(f.container().orElse("")).append(' ')
            .append(f.health()).append(' ').append(f.reason().code()).append(' ').append(f.message()).append('\n');
      }
    }
    return key.toString();
  }
}
