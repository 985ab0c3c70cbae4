package dev.blame.testkit;

import dev.blame.api.Blame;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.api.spi.Analyzer;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a {@link Blame} over fixtures, the way a user's {@code kubectl get -o yaml} dump would be read, with a
 * fixed clock:
 *
 * <pre>{@code
 * try (Blame blame = BlameFixture.load("scenarios/talk.yaml")   // a class-path resource or a file
 *     .at("2026-11-22T12:00:15Z")
 *     .analyzers(new DatabaseAnalyzer())                         // only these; discovery off
 *     .observe(GroupKind.CONFIG_MAP)                              // "no ConfigMap in the dump" means none exists
 *     .build()) {
 *   assertThat(blame.explain(pod("demo", "db-0"))).hasHealth(DEGRADED);
 * }
 * }</pre>
 *
 * <p>Sources add up: {@link #load}, {@link #file}, {@link #folder}, {@link #yaml} and {@link #objects} (for
 * {@link Scenarios}) may be combined. YAML goes through the engine's own reader, so a fixture the engine
 * refuses fails the test with the engine's {@code BAD_INPUT} message.
 *
 * <p>Analyzers: by default every analyzer on the class path is discovered, as a user gets them.
 * {@link #analyzers} runs only the given ones; {@link #alsoDiscover()} adds the discovered ones behind them.
 *
 * <p>Not thread-safe; one fixture per test.
 */
public final class BlameFixture {

  /** The clock's instant when {@link #at} is not called; {@link Scenarios} date their objects from it. */
  public static final Instant DEFAULT_NOW = Instant.parse("2026-01-15T12:00:00Z");

  private final List<String> names = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final List<HasMetadata> objects = new ArrayList<>();
  private final List<Analyzer> analyzers = new ArrayList<>();
  private final List<GroupKind> observed = new ArrayList<>();
  private final List<Consumer<BlameEngine.Builder>> customizers = new ArrayList<>();
  private boolean discover = true;
  private boolean strictReads = true;
  private Instant now = DEFAULT_NOW;

  private BlameFixture() {}

  /** An empty fixture; add sources with the instance methods. */
  public static BlameFixture empty() {
    return new BlameFixture();
  }

  /** A class-path resource (e.g. {@code scenarios/talk.yaml}) or, when there is none by that name, a file. */
  public static BlameFixture load(String resourceOrFile) {
    return new BlameFixture().andLoad(resourceOrFile);
  }

  /** A YAML or JSON file: multi-document, or {@code kind: List}. */
  public static BlameFixture file(Path file) {
    return new BlameFixture().andFile(file);
  }

  /**
   * Every {@code .yaml}/{@code .yml} file of a case folder in name order, except {@code expected*.yaml}, the
   * case table's expectations (see {@link CaseTable}).
   */
  public static BlameFixture folder(Path dir) {
    return new BlameFixture().andFolder(dir);
  }

  /** Inline manifests, e.g. a text block. */
  public static BlameFixture yaml(String yaml) {
    return new BlameFixture().andYaml(yaml);
  }

  /** Objects in memory, e.g. from {@link Scenarios}. */
  public static BlameFixture objects(HasMetadata... objects) {
    return new BlameFixture().andObjects(List.of(objects));
  }

  /** Objects in memory, e.g. from {@link Scenarios}. */
  public static BlameFixture objects(List<? extends HasMetadata> objects) {
    return new BlameFixture().andObjects(objects);
  }

  public BlameFixture andLoad(String resourceOrFile) {
    String resource = resourceOrFile.startsWith("/") ? resourceOrFile.substring(1) : resourceOrFile;
    ClassLoader loader = Objects.requireNonNullElse(
        Thread.currentThread().getContextClassLoader(), BlameFixture.class.getClassLoader());
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in != null) {
        return text(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = Path.of(resourceOrFile);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no class-path resource or file named " + resourceOrFile);
    }
    return andFile(file);
  }

  public BlameFixture andFile(Path file) {
    try {
      return text(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public BlameFixture andFolder(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(BlameFixture::isManifest).sorted().forEach(this::andFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public BlameFixture andYaml(String yaml) {
    return text("inline manifests " + (texts.size() + 1), yaml);
  }

  public BlameFixture andObjects(List<? extends HasMetadata> more) {
    objects.addAll(more);
    return this;
  }

  /** The engine's "now", as an ISO-8601 instant such as {@code 2026-11-22T12:00:15Z}. */
  public BlameFixture at(String instant) {
    return at(Instant.parse(instant));
  }

  public BlameFixture at(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
    return this;
  }

  public Instant now() {
    return now;
  }

  /** Runs only these analyzers, in this order (unless {@link #alsoDiscover()} is called). */
  public BlameFixture analyzers(Analyzer... chosen) {
    analyzers.addAll(List.of(chosen));
    discover = false;
    return this;
  }

  /** With {@link #analyzers}: the discovered analyzers run too, behind the given ones. */
  public BlameFixture alsoDiscover() {
    discover = true;
    return this;
  }

  /** Kinds whose absence from the fixture means "does not exist" (see {@code BlameEngine.Builder.observe}). */
  public BlameFixture observe(GroupKind... kinds) {
    observed.addAll(List.of(kinds));
    return this;
  }

  /**
   * Turns the engine's strict reads off (they are on in the testkit): an analyzer may then read kinds it does not
   * declare in {@code reads()}. Only for testing code that must tolerate such analyzers; see
   * {@code BlameEngine.Builder.strictReads}.
   */
  public BlameFixture lenientReads() {
    strictReads = false;
    return this;
  }

  /** A last say over the engine's builder, for options the fixture does not name. */
  public BlameFixture configure(Consumer<BlameEngine.Builder> customizer) {
    customizers.add(customizer);
    return this;
  }

  /** Builds the engine over the fixture; the caller closes it. */
  public Blame build() {
    var builder = BlameEngine.builder()
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .discoverAnalyzers(discover)
        // An analyzer that reads a kind it does not declare is right here and wrong live: fail it here.
        .strictReads(strictReads)
        .observe(observed.toArray(GroupKind[]::new));
    analyzers.forEach(builder::addAnalyzer);
    for (int i = 0; i < texts.size(); i++) {
      builder.manifests(names.get(i), texts.get(i));
    }
    if (!objects.isEmpty() || texts.isEmpty()) {
      builder.objects(objects);
    }
    customizers.forEach(c -> c.accept(builder));
    return builder.build();
  }

  /** Builds, explains one object, and closes. */
  public Explanation explain(ObjectRef ref) {
    try (Blame blame = build()) {
      return blame.explain(ref);
    }
  }

  /**
   * Builds, judges one object, and closes.
   *
   * @throws AssertionError when the object is not in the fixture
   */
  public Verdict verdict(ObjectRef ref) {
    try (Blame blame = build()) {
      return blame.verdict(ref).orElseThrow(() -> new AssertionError(ref + " is not in the fixture; it holds "
          + blame.kinds()));
    }
  }

  private BlameFixture text(String name, String text) {
    names.add(name);
    texts.add(text);
    return this;
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))
        && !name.startsWith("expected");
  }
}
