package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.BlameTree;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.core.testing.ChildrenAnalyzer;
import dev.blame.testkit.WaitingContainersAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gives a clear error naming the input, or an UNKNOWN finding; never a hang or an NPE. */
@Timeout(10)
class BadInputTest {

  private static Blame load(String yaml) {
    return BlameEngine.builder().discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).addAnalyzer(new ChildrenAnalyzer())
        .manifests("dump.yaml", yaml).build();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      malformed YAML            | 'kind: Pod\\nmetadata: {name: [unclosed\\n'               | dump.yaml: malformed YAML or JSON at line
      a scalar document         | 'just some text\\n'                                       | dump.yaml: document 1 (line 1): expected a Kubernetes object
      no kind                   | 'apiVersion: v1\\nmetadata: {name: x}\\n'                  | dump.yaml: document 1 (line 1): object has no 'kind'
      no metadata               | 'apiVersion: v1\\nkind: Pod\\n'                            | dump.yaml: document 1 (line 1): Pod has no 'metadata.name'
      no apiVersion             | 'kind: Pod\\nmetadata: {name: x}\\n'                       | Pod has no 'apiVersion'
      second document bad       | 'apiVersion: v1\\nkind: Pod\\nmetadata: {name: a}\\n---\\nkind: Pod\\n' | dump.yaml: document 2
      wrong field type          | 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata: {name: x}\\nspec: {replicas: many}\\n' | Deployment 'x' does not match its schema
      bad list item             | 'apiVersion: v1\\nkind: List\\nitems:\\n- 42\\n'           | items[0]: expected a Kubernetes object, got number
      """)
  void unreadableManifestsFailWithAMessageNamingTheInput(String name, String yaml, String expected) {
    String text = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> load(text))
        .isInstanceOf(BlameException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(((BlameException) e).kind()).isEqualTo(BlameException.Kind.BAD_INPUT));
  }

  /**
   * A "billion laughs" of 800 bytes: 48 aliases, under SnakeYAML's limit of 50, each list naming the one before
   * three times, sixteen deep: two billion strings once expanded. It filled 7 GB and ended in an OutOfMemoryError;
   * now it is refused by name before anything is expanded, as is a document that contains itself, while anchors
   * as manifests use them are read.
   */
  @Test
  void yamlBombsAreRefusedNamingTheFileBeforeTheyExpand() {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n"
        + "  a0: &a0 [" + "\"lol\",".repeat(49) + "\"lol\"]\n");
    for (int i = 1; i <= 16; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
          .append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    assertThat(bomb.length()).isLessThan(1000);
    assertThatThrownBy(() -> load(bomb.toString())).isInstanceOf(BlameException.class)
        .hasMessageStartingWith("dump.yaml: document 1 cannot be read: its aliases (*name) expand its")
        .hasMessageContaining("YAML bomb");
    assertThatThrownBy(() -> load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop}\ndata: &d {x: *d}\n"))
        .isInstanceOf(BlameException.class).hasMessageStartingWith("dump.yaml: document 1 cannot be read");
    StringBuilder many = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: many}\nx:\n"
        + "  a: &a [1]\n");
    for (int i = 0; i < 60; i++) {
      many.append("  b").append(i).append(": *a\n");
    }
    assertThatThrownBy(() -> load(many.toString())).isInstanceOf(BlameException.class)
        .hasMessageContaining("dump.yaml: document 1").hasMessageContaining("more aliases (*name) of lists and maps");
    try (Blame blame = load("""
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop, labels: &labels {app: web}}
        spec:
          containers:
          - {name: one, image: "web:1", env: &env [{name: MODE, value: fast}]}
          - {name: two, image: "web:1", env: *env}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: one, image: "web:1"}]}
        """)) {
      assertThat(blame.node(ObjectRef.of(GroupKind.POD, "shop", "a"))).isPresent();
    }
  }

  @Test
  void nonUtf8FileIsRefusedByName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "kind: Pod\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> BlameEngine.builder().manifests(file).build())
        .isInstanceOf(BlameException.class)
        .hasMessageContaining("latin1.yaml: not UTF-8");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> BlameEngine.builder().manifests(Path.of("no/such/dump.yaml")).build())
        .isInstanceOf(BlameException.class)
        .hasMessageContaining("no/such/dump.yaml: no such file or directory");
  }

  /**
   * Files saved with a byte order mark and joined with {@code ---} lines: YAML 1.2 allows a BOM at the start of any
   * document. Before, the second document's first key was read as {@code \ufeffapiVersion} and the file refused
   * with "document 2 (line 5): Pod has no 'apiVersion'". A BOM inside a value stays.
   */
  @Test
  void aByteOrderMarkAtTheStartOfALaterDocumentIsRead() {
    String pod = "apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: %s, namespace: shop, labels: {a: \"\ufeffx\"}}\r\n";
    try (Blame blame = load("\ufeff" + pod.formatted("a") + "---\r\n\ufeff" + pod.formatted("b") + "...\n\ufeff---\n"
        + pod.formatted("c"))) {
      for (String name : new String[] {"a", "b", "c"}) {
        assertThat(blame.node(ObjectRef.of(GroupKind.POD, "shop", name))).as(name).isPresent();
      }
    } catch (BlameException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /**
   * A file name, kind or object name in a message is shown on the message's one line, a line break as {@code \n}
   * and a control sequence as its escape: before, {@code a\nb.yaml} put a line break in the message (which the CLI
   * showed as {@code a; b.yaml}) and a kind or name from the file went into it raw.
   */
  @Test
  void namesInMessagesAreOneLineAsGiven(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a\nb\u001b]52;c;aGk=\u0007.yaml");
    Files.writeString(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: \"w\\u001b[2J\\ne\"}\n"
        + "spec: {replicas: many}\n");
    assertThatThrownBy(() -> BlameEngine.builder().manifests(file).build()).isInstanceOf(BlameException.class)
        .hasMessageContaining("a\\nb\\u001b]52;c;aGk=\\u0007.yaml: document 1 (line 1): Deployment 'w\\u001b[2J\\ne'"
            + " does not match its schema at spec.replicas")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b", "\u0007"));
    assertThatThrownBy(() -> BlameEngine.builder().manifests(dir.resolve("no\nsuch.yaml")).build())
        .hasMessage(dir.resolve("no").toString() + "\\nsuch.yaml: no such file or directory; expected a manifest file"
            + " or a directory of them");
    assertThatThrownBy(() -> load("apiVersion: v1\nkind: \"Pod\\u202e\\n::error::x\"\nmetadata: {namespace: x}\n"))
        .hasMessage("dump.yaml: document 1 (line 1): Pod\\u202e\\n::error::x has no 'metadata.name'");
  }

  /** Empty list items (a stray {@code -} in a file) say nothing: the pod is judged from the items that are there. */
  @Test
  void nullListItemsInAPodAreDropped() {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: x
          uid: up
          finalizers: [null]
          ownerReferences: [null]
        spec:
          containers: [null, {name: main, image: busybox}]
          initContainers: [null]
          volumes: [null]
          imagePullSecrets: [null]
          tolerations: [null]
        status:
          phase: Pending
          conditions: [null]
          containerStatuses:
          - null
          - name: main
            image: busybox
            ready: false
            restartCount: 0
            state: {waiting: {reason: ImagePullBackOff, message: 'Back-off pulling image "busybox"'}}
        """;
    try (Blame blame = load(pod)) {
      Explanation why = blame.explain(ObjectRef.of(GroupKind.POD, "x", "p"));
      assertThat(why.findings()).extracting(Finding::reason).contains(ReasonCode.of("ImagePullBackOff"));
      assertThat(why.findings()).extracting(Finding::reason).doesNotContain(ReasonCode.ANALYZER_FAILED);
    }
  }

  @Test
  void ownerReferenceCycleIsAnUnknownFindingAndDoesNotLoop() {
    String cycle = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: a
          namespace: x
          uid: ua
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: b, uid: ub, controller: true}]
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: b
          namespace: x
          uid: ub
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: a, uid: ua, controller: true}]
        """;
    try (Blame blame = load(cycle)) {
      ObjectRef a = ObjectRef.of(GroupKind.REPLICA_SET, "x", "a");
      Explanation why = blame.explain(a);
      assertThat(why.findings()).filteredOn(f -> f.reason().equals(ReasonCode.OWNER_CYCLE))
          .extracting(Finding::message)
          .contains("ownerReferences form a cycle: ReplicaSet a -> ReplicaSet b -> ReplicaSet a; ownership cannot be resolved");
      assertThat(why.health()).isEqualTo(Health.UNKNOWN);
      assertThat(why.causes().flatten()).hasSizeLessThanOrEqualTo(3);
      assertThat(why.causes().children().get(0).truncated()).isTrue();
    }
  }

  @Test
  void selfOwnerIsACycleToo() {
    String self = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: me
          namespace: x
          uid: u1
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: me, uid: u1}]
        """;
    try (Blame blame = load(self)) {
      assertThat(blame.findings().withReason(ReasonCode.OWNER_CYCLE).list()).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("ReplicaSet me -> ReplicaSet me"));
    }
  }

  @Test
  void ownerOfAnUnknownKindIsShownAsNotObserved() {
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: x
          ownerReferences: [{apiVersion: acme.example/v1, kind: Widget, name: w1, uid: uw}]
        """;
    try (Blame blame = load(pod)) {
      Explanation why = blame.explain(ObjectRef.of(GroupKind.POD, "x", "p"));
      BlameTree owner = why.causes().children().get(0);
      assertThat(owner.ref()).isEqualTo(ObjectRef.of(GroupKind.of("acme.example", "Widget"), "x", "w1"));
      assertThat(owner.node()).isEmpty();
      assertThat(owner.verdict().health()).isEqualTo(Health.UNKNOWN);
      assertThat(owner.verdict().findings()).extracting(Finding::reason).containsExactly(ReasonCode.NOT_OBSERVED);
      // The pod itself is not blamed for not knowing its owner's kind.
      assertThat(why.health()).isEqualTo(Health.HEALTHY);
    }
  }

  @Test
  void danglingOwnerOfAnObservedKindIsReported() {
    String orphan = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: other, namespace: x, uid: u0}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: orphan
          namespace: x
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: gone, uid: ug, controller: true}]
        """;
    try (Blame blame = load(orphan)) {
      Explanation why = blame.explain(ObjectRef.of(GroupKind.POD, "x", "orphan"));
      assertThat(why.findings()).filteredOn(f -> f.reason().equals(ReasonCode.OWNER_NOT_FOUND)).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("owner ReplicaSet gone does not exist (uid ug)"));
      assertThat(why.causes().children()).singleElement()
          .satisfies(t -> assertThat(t.verdict().health()).isEqualTo(Health.MISSING));
    }
  }

  @Test
  void ownerRecreatedWithAnotherUidDoesNotAdoptTheOldChildren() {
    String recreated = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs, namespace: x, uid: new-uid}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: old-pod
          namespace: x
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: old-uid, controller: true}]
        """;
    try (Blame blame = load(recreated)) {
      assertThat(blame.explain(ObjectRef.of(GroupKind.REPLICA_SET, "x", "rs")).effects().children()).isEmpty();
      assertThat(blame.findings().withReason(ReasonCode.OWNER_NOT_FOUND).list()).hasSize(1);
    }
  }

  @Test
  void objectsMissingOptionalPartsAreAnalyzedWithoutError() {
    String sparse = """
        apiVersion: v1
        kind: Pod
        metadata: {name: bare}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: bare}
        """;
    assertThat(Duration.ofSeconds(1)).isPositive();
    try (Blame blame = load(sparse)) {
      assertThat(blame.explain(ObjectRef.of(GroupKind.POD, "", "bare")).health()).isEqualTo(Health.HEALTHY);
      assertThat(blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, "", "bare")).health()).isEqualTo(Health.HEALTHY);
    }
  }

  /**
   * {@code \L} and {@code \P} are YAML escapes (U+2028, U+2029) that PyYAML and SnakeYAML write for those
   * characters, in an Event message or a condition: a dump holding them is read. Before, it was refused as
   * "malformed YAML or JSON at line 4, column 14". Many of them are refused by name.
   */
  @Test
  void lineAndParagraphSeparatorEscapesAreRead() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n"
        + "data: {a: \"x\\Ly\\Pz\", b: 'C:\\Logs', c: \"q\\\\Lr\"}\n";
    try (Blame blame = load(yaml)) {
      io.fabric8.kubernetes.api.model.ConfigMap map = blame.node(ObjectRef.of(GroupKind.of("", "ConfigMap"), "shop", "c"))
          .orElseThrow().as(io.fabric8.kubernetes.api.model.ConfigMap.class).orElseThrow();
      assertThat(map.getData()).containsEntry("a", "x\u2028y\u2029z").containsEntry("b", "C:\\Logs")
          .containsEntry("c", "q\\Lr");
    }
    String many = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n"
        + "data: {a: \"" + "x\\L".repeat(17) + "\"}\n";
    assertThatThrownBy(() -> load(many)).isInstanceOf(BlameException.class)
        .hasMessageStartingWith("dump.yaml: malformed YAML or JSON at line 4")
        .hasMessageEndingWith("(more than 16 \\L or \\P escapes; write \\u2028 and \\u2029 instead)");
  }

  /**
   * Tenth red team: a raw control character in a manifest (a tool that dumps a log line into an annotation unescaped).
   * Before: "document 1 cannot be read as YAML or JSON", no line and no character, though snakeyaml-engine says both.
   */
  @Test
  void aCharacterYamlDoesNotAllowIsNamedWithItsLineAndColumn() {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nstatus:\n";
    assertThatThrownBy(() -> load(pod + "  message: a \u001b]52;c;SGk=\u0007 b\n")).isInstanceOf(BlameException.class)
        .hasMessage("dump.yaml: malformed YAML or JSON at line 5, column 14: U+001B is not allowed in YAML (write it as "
            + "an escape in a double-quoted string)");
    assertThatThrownBy(() -> load(pod + "  message: \ud83d\ude80 \u009b2J\n")).isInstanceOf(BlameException.class)
        .hasMessageStartingWith("dump.yaml: malformed YAML or JSON at line 5, column 14: U+009B is not allowed");
    assertThatThrownBy(() -> load(pod + "  message: a\u0000\n")).isInstanceOf(BlameException.class)
        .hasMessageStartingWith("dump.yaml: malformed YAML or JSON at line 5, column 13: U+0000 is not allowed");
  }
}
