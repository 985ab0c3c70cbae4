package dev.blame.analyzers.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile input for the snapshot source and every built-in analyzer (discovered as a user gets them): the
 * load either fails with a BAD_INPUT error naming the source, or every object can be explained, the finding
 * query and an offline wait answer, and nothing throws, loops or takes long.
 */
class HostileInputPropertiesTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
  static final Duration BOUND = Duration.ofSeconds(20);
  static final AtomicInteger GENERATED = new AtomicInteger();
  static final AtomicInteger LOADED = new AtomicInteger();
  static final AtomicInteger REFUSED = new AtomicInteger();
  static final AtomicInteger EXPLAINED = new AtomicInteger();

  @Property(tries = 100, seed = "4711")
  void hostileClustersAreExplainedOrRefusedClearly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
    String yaml = HostileCluster.generate(seed, size);
    assertTimeoutPreemptively(BOUND, () -> check("cluster-" + seed, yaml));
  }

  @Property(tries = 80, seed = "4712")
  void corruptedBytesAreRefusedClearlyOrRead(@ForAll long seed) {
    Random r = new Random(seed);
    byte[] bytes = HostileCluster.generate(seed, 1 + r.nextInt(20)).getBytes(StandardCharsets.UTF_8);
    for (int i = 1 + r.nextInt(8); i > 0; i--) {
      switch (r.nextInt(3)) {
        case 0 -> bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
        case 1 -> bytes[r.nextInt(bytes.length)] = (byte) ":{}[]-'\"\t\n".charAt(r.nextInt(10));
        default -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, r.nextInt(bytes.length)));
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(BOUND, () -> check("corrupt-" + seed, text));
  }

  @net.jqwik.api.Example
  void nestingDeeperThanTheParserAllowsIsRefusedByName() {
    String deep = "apiVersion: acme.example/v1\nkind: Widget\nmetadata: {name: w}\nspec: "
        + "{n: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n";
    assertTimeoutPreemptively(BOUND, () -> {
      BlameException e = org.junit.jupiter.api.Assertions.assertThrows(BlameException.class,
          () -> BlameEngine.builder().clock(CLOCK).manifests("deep.yaml", deep).build());
      assertThat(e.getMessage()).startsWith("deep.yaml: ").contains("nesting depth");
    });
  }

  @net.jqwik.api.Example
  void oneReplicaSetWithTenThousandPodsIsExplainedInBoundedTime() {
    StringBuilder dump = new StringBuilder("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: big, namespace: a,"
        + " uid: big-uid}\nspec: {replicas: 10000, selector: {matchLabels: {app: big}}}\nstatus: {replicas: 10000}\n");
    for (int i = 0; i < 10_000; i++) {
      dump.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: big-").append(i)
          .append(", namespace: a, labels: {app: big}, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet,"
              + " name: big, uid: big-uid, controller: true}]}\nstatus: {phase: Running}\n");
    }
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (Blame blame = BlameEngine.builder().clock(CLOCK).manifests("fanout.yaml", dump.toString()).build()) {
        Explanation why = blame.explain(ObjectRef.of(GroupKind.REPLICA_SET, "a", "big"));
        assertThat(why.effects().children()).hasSizeLessThanOrEqualTo(1_000);
        assertThat(why.effects().truncated()).isTrue();
        assertThat(blame.list(GroupKind.POD, "a")).hasSize(10_000);
      }
    });
  }

  private static void check(String source, String yaml) {
    GENERATED.incrementAndGet();
    Blame blame;
    try {
      blame = BlameEngine.builder().clock(CLOCK).manifests(source, yaml).build();
    } catch (BlameException e) {
      assertThat(e.kind()).isEqualTo(BlameException.Kind.BAD_INPUT);
      assertThat(e.getMessage()).startsWith(source + ":").doesNotContain("Exception");
      REFUSED.incrementAndGet();
      if (System.getProperty("blame.hostile.verbose") != null) {
        System.out.println("refused: " + e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
      }
      return;
    }
    LOADED.incrementAndGet();
    try (blame) {
      List<ObjectRef> all = new ArrayList<>();
      for (GroupKind kind : blame.kinds()) {
        for (Node node : blame.list(kind, null)) {
          all.add(node.ref());
          Explanation why = blame.explain(node.ref());
          assertThat(why.found()).isTrue();
          assertThat(why.verdict().health()).isNotNull();
          assertThat(why.effects().flatten().size()).isLessThanOrEqualTo(2_000);
          EXPLAINED.incrementAndGet();
        }
      }
      assertThat(blame.findings().list()).allSatisfy(f -> assertThat(f.message()).isNotNull());
      if (!all.isEmpty()) {
        assertThat(blame.waitFor(all).await().outcome()).isNotNull();
      }
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf("hostile input: %d inputs generated, %d loaded and fully explained (%d objects), %d refused"
        + " with a BAD_INPUT message, 0 escaped%n", GENERATED.get(), LOADED.get(), EXPLAINED.get(), REFUSED.get());
  }
}
