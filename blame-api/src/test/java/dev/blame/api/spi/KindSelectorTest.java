package dev.blame.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.GroupKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KindSelectorTest {

  @Test
  void patternsMatchArgoCdKeysWithGlobs() {
    KindSelector ack = KindSelector.matching(Set.of(), List.of("*.services.k8s.aws/*"));
    assertThat(ack.matches(GroupKind.of("s3.services.k8s.aws", "Bucket"))).isTrue();
    assertThat(ack.matches(GroupKind.of("services.k8s.aws", "Bucket"))).isFalse();
    assertThat(ack.matches(GroupKind.of("s3.services.k8s.aws.evil.io", "Bucket"))).isFalse();
    assertThat(ack.wildcard()).isFalse();

    KindSelector core = KindSelector.matching(Set.of(GroupKind.of("example.com", "Widget")), List.of("Config*"));
    assertThat(core.matches(GroupKind.of("", "ConfigMap"))).isTrue();
    assertThat(core.matches(GroupKind.of("example.com", "ConfigMap"))).isFalse();
    assertThat(core.matches(GroupKind.of("example.com", "Widget"))).isTrue();
    assertThat(core.toString()).isEqualTo("[Widget.example.com, Config*]");

    assertThat(KindSelector.glob("a*b*c", "aXXbYYc")).isTrue();
    assertThat(KindSelector.glob("a*b*c", "aXXbYY")).isFalse();
    assertThat(KindSelector.glob("*", "")).isTrue();
  }

  @Test
  void aSelectorNamesSomething() {
    assertThatThrownBy(() -> KindSelector.matching(Set.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
