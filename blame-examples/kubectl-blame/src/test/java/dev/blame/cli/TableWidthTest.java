package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.Escape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names and messages in Japanese, with emoji, accents or a flood of combining marks: the status table's and the
 * tree's columns stay aligned on a terminal (cells counted in terminal columns, not UTF-16 units), the text prints
 * as it is, and a flood of marks keeps only a few on its character.
 */
class TableWidthTest {

  static final String DUMP = """
      apiVersion: v1
      kind: Pod
      metadata: {name: "NAME", namespace: ns, uid: u1, creationTimestamp: "2026-11-22T11:50:00Z"}
      spec: {containers: [{name: app, image: "nginx:nope"}]}
      status:
        phase: Pending
        containerStatuses:
        - {name: app, image: "nginx:nope", ready: false, restartCount: 0,
           state: {waiting: {reason: ImagePullBackOff, message: "イメージを取得できません 🚀 café"}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: other, namespace: ns, uid: u2, creationTimestamp: "2026-11-22T11:50:00Z"}
      spec: {containers: [{name: app, image: "nginx"}]}
      status: {phase: Running}
      """;

  /** The terminal column at which each line's text at {@code index} starts. */
  static int column(String line, int index) {
    return Escape.terminalWidth(line.substring(0, index));
  }

  static void assertAligned(List<String> lines, String headerWord, String cell) {
    int header = column(lines.get(0), lines.get(0).indexOf(headerWord));
    for (String line : lines.subList(1, lines.size())) {
      int at = line.indexOf(cell);
      assertThat(at).as(line).isPositive();
      assertThat(column(line, at)).as("%s in%n%s", cell, String.join("\n", lines)).isEqualTo(header);
    }
  }

  @Test
  void japaneseAndEmojiKeepTheStatusColumnsAligned(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pods.yaml"), DUMP.replace("NAME", "日本語のポッド🚀"));
    Run run = Run.withBuiltInAnalyzers("status", "-A", "-f", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(run.out()).contains("pod/日本語のポッド🚀", "イメージを取得できません 🚀 café");
    assertThat(lines).hasSize(3);
    assertAligned(lines, "HEALTH", "Progressing");
    assertAligned(lines, "STATUS", "InProgress");
  }

  @Test
  void aFloodOfCombiningMarksNeitherStacksNorPushesTheColumns(@TempDir Path dir) throws Exception {
    String flood = "w" + "\u0301".repeat(300) + "eb";
    Path file = Files.writeString(dir.resolve("pods.yaml"), DUMP.replace("NAME", flood));
    Run run = Run.withBuiltInAnalyzers("status", "-A", "-f", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertAligned(lines, "HEALTH", "Progressing");
    assertThat(run.out().codePoints().filter(c -> c == 0x301).count()).isEqualTo(Escape.MAX_MARKS);

    Run tree = Run.withBuiltInAnalyzers("pod/" + flood, "-n", "ns", "-f", file.toString());
    assertThat(tree.code()).as(tree.toString()).isZero();
    tree.out().lines().forEach(line -> assertThat(line.codePoints().filter(c -> c == 0x301).count())
        .as(line).isLessThanOrEqualTo(Escape.MAX_MARKS));
  }

  @Test
  void theTreesObjectColumnsAlignAfterAJapaneseName(@TempDir Path dir) throws Exception {
    String dump = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: "ウェブ-1", namespace: ns, uid: r1, creationTimestamp: "2026-11-22T11:40:00Z"}
        spec: {replicas: 2, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}}}
        status: {replicas: 2}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: "ウェブ-1-日本"
          namespace: ns
          uid: p1
          creationTimestamp: "2026-11-22T11:50:00Z"
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: "ウェブ-1", uid: r1, controller: true}]
        spec: {containers: [{name: app, image: "nginx"}]}
        status: {phase: Running}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-1-abcdefghijklmn
          namespace: ns
          uid: p2
          creationTimestamp: "2026-11-22T11:50:00Z"
          labels: {app: web}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: "ウェブ-1", uid: r1, controller: true}]
        spec: {containers: [{name: app, image: "nginx"}]}
        status: {phase: Running}
        """;
    Path file = Files.writeString(dir.resolve("rs.yaml"), dump);
    Run run = Run.withBuiltInAnalyzers("rs/ウェブ-1", "-n", "ns", "-f", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    List<String> rows = run.out().lines().dropWhile(l -> !l.equals("Objects:")).skip(1)
        .filter(l -> l.contains("Pod ")).toList();
    assertThat(rows).as(run.out()).hasSize(2);
    List<Integer> columns = rows.stream().map(l -> {
      int at = l.indexOf("Pod ") + 4;
      int end = l.indexOf("  ", at);
      while (l.charAt(end) == ' ') {
        end++;
      }
      return column(l, end);
    }).distinct().toList();
    assertThat(columns).as(run.out()).hasSize(1);
  }
}
