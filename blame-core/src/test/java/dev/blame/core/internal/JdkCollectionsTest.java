package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JDK replacements for what the core took from Guava: a weak interner, an ordered read-only map, a tree cache. */
class JdkCollectionsTest {

  @Test
  void anInternerReturnsTheFirstEqualInstanceFromManyThreads() throws Exception {
    WeakInterner<List<String>> interner = new WeakInterner<>();
    List<List<String>> kept = new ArrayList<>(); // strong references, so nothing is collected
    for (int i = 0; i < 1000; i++) {
      kept.add(interner.intern(new ArrayList<>(List.of("k" + i, "v"))));
    }
    Map<Integer, List<String>> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch done = new CountDownLatch(4);
    for (int t = 0; t < 4; t++) {
      pool.execute(() -> {
        for (int i = 0; i < 1000; i++) {
          List<String> same = interner.intern(new ArrayList<>(List.of("k" + i, "v")));
          List<String> previous = seen.putIfAbsent(i, same);
          assertThat(same).isSameAs(kept.get(i));
          if (previous != null) {
            assertThat(previous).isSameAs(same);
          }
        }
        done.countDown();
      });
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(interner.size()).isEqualTo(1000);
  }

  @Test
  void anInternerLetsGoOfWhatNothingElseHolds() throws Exception {
    WeakInterner<String> interner = new WeakInterner<>();
    for (int i = 0; i < 10_000; i++) {
      interner.intern(new String("only-here-" + i));
    }
    for (int attempt = 0; attempt < 50 && interner.size() > 5_000; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(interner.size()).as("entries left after GC").isLessThan(5_000);
  }

  @Test
  void anArrayMapKeepsOrderAndIsAMapLikeAnyOther() {
    Random random = new Random(18);
    for (int size : new int[] {0, 1, 7, 8, 9, 40, 300}) {
      Map<String, String> expected = new LinkedHashMap<>();
      while (expected.size() < size) {
        expected.put("key-" + random.nextInt(100_000), "value-" + random.nextInt(10));
      }
      Object[] kv = new Object[2 * size];
      int i = 0;
      for (Map.Entry<String, String> e : expected.entrySet()) {
        kv[i++] = e.getKey();
        kv[i++] = e.getValue();
      }
      Map<String, String> map = ArrayMap.of(kv);
      assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(new HashMap<>(expected)).isEqualTo(map);
      assertThat(map.keySet()).containsExactlyElementsOf(expected.keySet());
      assertThat(map.toString()).isEqualTo(expected.toString());
      for (String key : expected.keySet()) {
        assertThat(map.get(key)).isEqualTo(expected.get(key));
        assertThat(map.containsKey(key)).isTrue();
      }
      assertThat(map.get("absent")).isNull();
      assertThat(map.get(null)).isNull();
      assertThatThrownBy(() -> map.put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
      if (size > 0) {
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
      }
    }
  }

  @Test
  void anArrayMapRefusesDuplicateKeysAndNulls() {
    assertThat(ArrayMap.<String, String>of(new Object[] {"a", "1", "a", "2"})).isNull();
    Object[] many = new Object[40];
    for (int i = 0; i < 20; i++) {
      many[2 * i] = "k" + (i % 19);
      many[2 * i + 1] = "v";
    }
    assertThat(ArrayMap.<String, String>of(many)).isNull();
    assertThat(ArrayMap.<String, String>of(new Object[] {"a", null})).isNull();
  }

  @Test
  void treesAreCachedByIdentityNotEquality() {
    var a = new PodBuilder().withNewMetadata().withName("p").endMetadata().build();
    var b = new PodBuilder().withNewMetadata().withName("p").endMetadata().build();
    JsonNode tree = Json.tree(a);
    assertThat(Json.tree(a)).isSameAs(tree);
    assertThat(Json.tree(b)).isNotSameAs(tree).isEqualTo(tree);
    Json.IdentityCache cache = new Json.IdentityCache(2);
    Object x = new Object();
    Object y = new Object();
    Object z = new Object();
    cache.put(x, tree);
    cache.put(y, tree);
    cache.get(x);
    cache.put(z, tree);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get(y)).as("least recently used, evicted").isNull();
    assertThat(cache.get(x)).isSameAs(tree);
  }
}
