package dev.blame.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blame.api.Blame;
import dev.blame.api.Edge;
import dev.blame.api.EdgeKind;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.core.BlameViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;

/**
 * A table of cases, one folder per scenario (argo-cd's {@code resource_customizations/.../health_test.yaml}
 * pattern): the folder's manifests (trimmed {@code kubectl get -o yaml}, Events included) and one or more
 * {@code expected*.yaml}, each judging one object:
 *
 * <pre>
 * now: 2024-05-01T10:00:00Z            # optional: the engine's clock; the table's default otherwise
 * subject: Deployment.apps/shop/web    # Kind[.group]/namespace/name, or Kind/name: the only such object
 * observe: [ConfigMap]                 # optional: kinds whose absence means "does not exist"
 * health: DEGRADED
 * status: FAILED
 * reasons: [CrashLoopBackOff]          # optional: exactly these reasons, in any order
 * includes: [CrashLoopBackOff]         # optional: at least these reasons
 * mentions: ["exit code 1"]            # optional: each in some finding's message
 * container: main                      # optional: the worst finding's container
 * message: "..."                       # optional: the verdict's one-liner
 * revision: 10                         # optional: the verdict's revision number
 * activities: ["Creating ..."]         # optional: exactly these, in order
 * edges: ["Service web selects Pod web-1"]  # optional: exactly the subject's outgoing edges but owner edges
 * culprits: [NodeStatusUnknown@Node/node-1, NodeNotReady]  # optional: the explanation's culprits, in order:
 *                                      # Reason, or Reason@Kind/name when the subject is another object
 * cause: "Node node-1 is unreachable"  # optional: text of the first line of the effect-to-cause view
 * </pre>
 *
 * Every verdict is also checked {@linkplain VerdictAssert#isWellFormedFor well formed}. With JUnit:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> cases() {
 *   return CaseTable.resource("/cases").cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::verify));
 * }
 * }</pre>
 */
public final class CaseTable {

  private static final YAMLMapper YAML = new YAMLMapper();

  private final Path root;
  private Instant now = BlameFixture.DEFAULT_NOW;
  private UnaryOperator<BlameFixture> fixture = UnaryOperator.identity();

  private CaseTable(Path root) {
    this.root = root;
  }

  /** The cases under a folder, at any depth. */
  public static CaseTable of(Path root) {
    return new CaseTable(root);
  }

  /** The cases under a class-path folder such as {@code /relations} (on the file system, as in a build). */
  public static CaseTable resource(String folder) {
    URL url = Objects.requireNonNull(CaseTable.class.getResource(folder.startsWith("/") ? folder : "/" + folder),
        () -> "no class-path folder " + folder);
    try {
      return of(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(folder, e);
    }
  }

  /** The clock for cases that do not say {@code now}. */
  public CaseTable now(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
    return this;
  }

  /** Adjusts each case's fixture, e.g. {@code f -> f.analyzers(new DatabaseAnalyzer())}; discovery by default. */
  public CaseTable fixture(UnaryOperator<BlameFixture> fixture) {
    this.fixture = Objects.requireNonNull(fixture, "fixture");
    return this;
  }

  /** Every {@code expected*.yaml} under the root, in path order. */
  public List<Case> cases() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().matches("expected.*\\.ya?ml")).sorted()
          .map(this::toCase).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Case toCase(Path expectedFile) {
    JsonNode expected = read(expectedFile);
    String file = expectedFile.getFileName().toString();
    String variant = file.startsWith("expected.") ? "" : " " + file.substring(0, file.lastIndexOf('.'));
    String name = root.relativize(expectedFile.getParent()).toString().replace('\\', '/') + variant + " "
        + text(expected, "subject") + " " + text(expected, "health") + "/" + text(expected, "status");
    return new Case(name, expectedFile, expected, this);
  }

  /** One expectation file of the table; {@link #verify()} runs it. */
  public static final class Case {
    private final String name;
    private final Path expectedFile;
    private final JsonNode expected;
    private final CaseTable table;

    private Case(String name, Path expectedFile, JsonNode expected, CaseTable table) {
      this.name = name;
      this.expectedFile = expectedFile;
      this.expected = expected;
      this.table = table;
    }

    /** Folder, expectation file, subject and expected verdict, e.g. {@code pod/crashloop Pod/web DEGRADED/FAILED}. */
    public String name() {
      return name;
    }

    public Path folder() {
      return expectedFile.getParent();
    }

    /** Builds the engine over the folder and checks the expectations. */
    public void verify() {
      BlameFixture fixture = BlameFixture.folder(folder()).at(expected.has("now")
          ? Instant.parse(expected.get("now").asText()) : table.now);
      expected.path("observe").forEach(k -> fixture.observe(GroupKind.parse(k.asText())));
      try (Blame blame = table.fixture.apply(fixture).build()) {
        ObjectRef subject = resolve(blame, text(expected, "subject"));
        Verdict verdict = blame.verdict(subject).orElseThrow(() -> new AssertionError("no verdict for " + subject));
        check(verdict, subject, blame.edges(subject));
        if (expected.has("culprits") || expected.has("cause")) {
          checkExplanation(blame.explain(subject), subject);
        }
      }
    }

    private void check(Verdict verdict, ObjectRef subject, List<Edge> edges) {
      VerdictAssert v = BlameAssertions.assertThat(verdict).describedAs("%s", expectedFile)
          .isWellFormedFor(subject)
          .hasHealth(Health.valueOf(text(expected, "health")))
          .hasStatus(ReconcileStatus.valueOf(text(expected, "status")));
      if (expected.has("reasons")) {
        v.hasReasons(strings("reasons").stream().map(ReasonCode::of).toList());
      }
      strings("includes").forEach(r -> v.hasReason(ReasonCode.of(r)));
      strings("mentions").forEach(v::hasFindingMentioning);
      if (expected.has("container")) {
        v.hasWorstFindingInContainer(text(expected, "container"));
      }
      if (expected.has("message")) {
        v.hasMessage(text(expected, "message"));
      }
      if (expected.has("revision")) {
        v.hasRevisionNumber(expected.get("revision").asLong());
      }
      if (expected.has("activities")) {
        v.hasActivities(strings("activities"));
      }
      if (expected.has("edges")) {
        Assertions.assertThat(edges.stream().filter(e -> e.from().equals(subject) && e.kind() != EdgeKind.OWNS)
            .map(Edge::toString).toList()).as("edges declared by %s", subject)
            .containsExactlyInAnyOrderElementsOf(strings("edges"));
      }
    }

    private void checkExplanation(Explanation why, ObjectRef subject) {
      if (expected.has("culprits")) {
        Assertions.assertThat(why.culprits().stream().map(f -> f.reason().code()
            + (f.subject().equals(subject) ? "" : "@" + f.subject().kind() + "/" + f.subject().name())).toList())
            .as("%s: culprits of %s", expectedFile, subject).containsExactlyElementsOf(strings("culprits"));
      }
      if (expected.has("cause")) {
        String first = BlameViews.effectToCause(why).lines().findFirst().orElse("");
        Assertions.assertThat(first).as("%s: first line of effect -> cause", expectedFile)
            .contains(text(expected, "cause"));
      }
    }

    private List<String> strings(String key) {
      List<String> values = new ArrayList<>();
      expected.path(key).forEach(n -> values.add(n.asText()));
      return values;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code Kind[.group]/namespace/name}, or {@code Kind[.group]/name}: the one object of that kind and name. */
  static ObjectRef resolve(Blame blame, String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2) {
      return BlameAssertions.ref(text);
    }
    GroupKind kind = GroupKind.parse(parts[0]);
    List<ObjectRef> matches = blame.kinds().stream()
        .filter(k -> k.equals(kind) || kind.isCore() && k.kind().equals(kind.kind()))
        .flatMap(k -> blame.list(k, "").stream()).map(Node::ref)
        .filter(r -> r.name().equals(parts[1])).toList();
    if (matches.size() != 1) {
      throw new AssertionError("expected one " + text + " in the fixture, found " + matches);
    }
    return matches.get(0);
  }

  private static String text(JsonNode expected, String key) {
    JsonNode value = expected.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("expected.yaml needs '" + key + "'");
    }
    return value.asText();
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
