package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.AnalyzerInfo;
import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.KindSelector;
import dev.blame.core.testing.DiscoveredOnlyAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLoader discovery: what is found, what is skipped, what wins, and switching it off. */
class AnalyzerDiscoveryTest {

  static final String BROKEN_CONFIG = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: shop, labels: {broken: "yes"}}
      """;
  static final ObjectRef SETTINGS = ObjectRef.of(GroupKind.CONFIG_MAP, "shop", "settings");

  @Test
  void findsAnAnalyzerListedOnlyInTheTestClassPathAndSkipsOneThatThrows() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Blame blame;
    try {
      blame = BlameEngine.builder().manifests("inline", BROKEN_CONFIG).build();
    } finally {
      System.setErr(original);
    }
    try (blame) {
      assertThat(blame.analyzers()).extracting(AnalyzerInfo::id).containsExactly("test.DiscoveredOnly");
      assertThat(blame.analyzers().get(0).origin()).isEqualTo(AnalyzerInfo.Origin.DISCOVERED);
      assertThat(blame.analyzers().get(0).location()).contains("test-classes");
      assertThat(blame.verdict(SETTINGS)).map(Verdict::health).contains(Health.DEGRADED);
      assertThat(blame.findings().withReason(DiscoveredOnlyAnalyzer.BROKEN).list()).hasSize(1);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("WARN")
        .contains("Skipping an analyzer that could not be loaded")
        .contains("ThrowingAnalyzer refuses to start");
  }

  @Test
  void disablingDiscoveryLeavesOnlyRegisteredAnalyzers() {
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).manifests("inline", BROKEN_CONFIG).build()) {
      assertThat(blame.analyzers()).isEmpty();
      Verdict verdict = blame.verdict(SETTINGS).orElseThrow();
      assertThat(verdict.health()).isEqualTo(Health.UNKNOWN);
      assertThat(verdict.findings()).singleElement()
          .satisfies(f -> assertThat(f.reason()).isEqualTo(ReasonCode.NO_ANALYZER))
          .satisfies(f -> assertThat(f.message()).contains("ConfigMap"));
    }
  }

  @Test
  void anAnalyzerRegisteredInCodeReplacesTheDiscoveredOneWithItsId() {
    Analyzer replacement = new FixedAnalyzer("test.DiscoveredOnly", Health.SUSPENDED);
    try (Blame blame = BlameEngine.builder().addAnalyzer(replacement).manifests("inline", BROKEN_CONFIG).build()) {
      assertThat(blame.analyzers()).singleElement().satisfies(info -> {
        assertThat(info.origin()).isEqualTo(AnalyzerInfo.Origin.REGISTERED);
        assertThat(info.className()).isEqualTo(FixedAnalyzer.class.getName());
      });
      assertThat(blame.verdict(SETTINGS)).map(Verdict::health).contains(Health.SUSPENDED);
    }
  }

  @Test
  void twoDiscoveredAnalyzersWithOneIdAreRejectedNamingBothClasses(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services/" + Analyzer.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, SameIdA.class.getName() + "\n" + SameIdB.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return AnalyzerDiscoveryTest.class.getClassLoader().loadClass(name);
      }
    }) {
      assertThatThrownBy(() -> BlameEngine.builder().classLoader(loader).manifests("inline", BROKEN_CONFIG).build())
          .isInstanceOf(BlameException.class)
          .hasMessageContaining("'test.same'")
          .hasMessageContaining(SameIdA.class.getName())
          .hasMessageContaining(SameIdB.class.getName())
          .satisfies(e -> assertThat(((BlameException) e).kind()).isEqualTo(BlameException.Kind.CONFIGURATION));
    }
  }

  @Test
  void specificAnalyzersRunAndWildcardsOnlyWhereNoneDoes() {
    Analyzer specific = new FixedAnalyzer("test.Specific", Health.PROGRESSING, KindSelector.of(GroupKind.CONFIG_MAP));
    Analyzer fallback = new FixedAnalyzer("test.Fallback", Health.SUSPENDED, KindSelector.any());
    String manifests = BROKEN_CONFIG + "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n";
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).addAnalyzer(fallback).addAnalyzer(specific)
        .manifests("inline", manifests).build()) {
      assertThat(blame.verdict(SETTINGS)).map(Verdict::health).contains(Health.PROGRESSING);
      assertThat(blame.verdict(ObjectRef.of(GroupKind.SERVICE, "shop", "web"))).map(Verdict::health)
          .contains(Health.SUSPENDED);
    }
  }

  @Test
  void anAnalyzerThatThrowsBecomesAnUnknownFindingNamingIt() {
    Analyzer failing = new FixedAnalyzer("test.Failing", Health.HEALTHY) {
      @Override
      public Verdict analyze(AnalysisContext context) {
        throw new IllegalStateException("boom");
      }
    };
    try (Blame blame = BlameEngine.builder().discoverAnalyzers(false).addAnalyzer(failing)
        .manifests("inline", BROKEN_CONFIG).build()) {
      Verdict verdict = blame.verdict(SETTINGS).orElseThrow();
      assertThat(verdict.health()).isEqualTo(Health.UNKNOWN);
      assertThat(verdict.findings()).singleElement().satisfies(f -> {
        assertThat(f.reason()).isEqualTo(ReasonCode.ANALYZER_FAILED);
        assertThat(f.message()).contains("test.Failing").contains("boom");
      });
    }
  }

  static class FixedAnalyzer implements Analyzer {
    private final String id;
    private final Health health;
    private final KindSelector kinds;

    FixedAnalyzer(String id, Health health) {
      this(id, health, KindSelector.of(GroupKind.CONFIG_MAP));
    }

    FixedAnalyzer(String id, Health health, KindSelector kinds) {
      this.id = id;
      this.health = health;
      this.kinds = kinds;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public KindSelector kinds() {
      return kinds;
    }

    @Override
    public Verdict analyze(AnalysisContext context) {
      return Verdict.of(health, ReconcileStatus.CURRENT, "");
    }
  }

  public static final class SameIdA extends FixedAnalyzer {
    public SameIdA() {
      super("test.same", Health.HEALTHY);
    }
  }

  public static final class SameIdB extends FixedAnalyzer {
    public SameIdB() {
      super("test.same", Health.HEALTHY);
    }
  }
}
