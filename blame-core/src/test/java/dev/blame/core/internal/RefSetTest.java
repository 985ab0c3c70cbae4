package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefSetTest {

  @Test
  void behavesAsAHashSetUnderRandomAddsAndRemoves() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      RefSet set = new RefSet();
      Set<ObjectRef> expected = new HashSet<>();
      int universe = 1 + random.nextInt(300);
      for (int op = 0; op < 2_000; op++) {
        ObjectRef ref = ObjectRef.of(GroupKind.POD, "ns-" + random.nextInt(3), "p-" + random.nextInt(universe));
        if (random.nextInt(3) == 0) {
          assertThat(set.remove(ref)).isEqualTo(expected.remove(ref));
        } else {
          assertThat(set.add(ref)).isEqualTo(expected.add(ref));
        }
        assertThat(set.size()).isEqualTo(expected.size());
      }
      assertThat(set).containsExactlyInAnyOrderElementsOf(expected);
      for (ObjectRef ref : expected) {
        assertThat(set.contains(ref)).isTrue();
      }
      for (ObjectRef ref : expected) {
        assertThat(set.remove(ref)).isTrue();
      }
      assertThat(set).isEmpty();
    }
  }
}
