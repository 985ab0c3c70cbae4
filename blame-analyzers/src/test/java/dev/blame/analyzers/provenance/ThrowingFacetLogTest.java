package dev.blame.analyzers.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.analyzers.testing.ViewsGolden;
import dev.blame.api.Activity;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.ActivityFacet;
import dev.blame.api.spi.AttributionFacet;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.KindSelector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A facet that throws is skipped and logged; its message may quote the object (a plug-in that cannot read an
 * annotation says which value), so the log line is encoded: one line, no control sequence.
 */
class ThrowingFacetLogTest {

  static final String FORGED = "[main] INFO dev.blame.core forged";

  /** Quotes what it could not read, as a plug-in would: a value from the object. */
  static final class QuotingFacet implements ActivityFacet, AttributionFacet {
    @Override
    public KindSelector kinds() {
      return KindSelector.any();
    }

    @Override
    public List<Activity> activities(Node node, GraphView graph) {
      throw new IllegalStateException("cannot read activity of " + node.ref().name() + ": \"v1\n" + FORGED
          + "\u001b[2J\"");
    }

    @Override
    public List<String> attributions(Node node, GraphView graph) {
      throw new IllegalArgumentException("cannot read the tool of " + node.ref().name() + ": \"x\r\n" + FORGED
          + "\u202e\"");
    }
  }

  @Test
  void aFacetsMessageIsOneLogLine() throws Exception {
    ViewsGolden golden = new ViewsGolden(Path.of("src/test/resources/provenance/output"), "/provenance/scenarios",
        engine -> engine.discoverAnalyzers(false).addAnalyzer(new TalkAnalyzer()).addFacet(new QuotingFacet()));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      golden.explain("rollback", "2026-11-22T09:00:40Z", ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "api"));
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    original.print(log);
    assertThat(log).contains("Activity facet", "A facet failed", "cannot read activity of", "cannot read the tool of");
    assertThat(log.lines()).noneMatch(line -> line.startsWith(FORGED));
    assertThat(log).doesNotContain("\r", "\u001b", "\u202e");
  }
}
