package dev.blame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTest {

  @ParameterizedTest
  @CsvSource({"Pod, '', Pod", "Deployment.apps, apps, Deployment", "Database.example.dev, example.dev, Database"})
  void groupKindsReadAndPrintKubectlSpelling(String text, String group, String kind) {
    GroupKind parsed = GroupKind.parse(text);
    assertThat(parsed).isEqualTo(GroupKind.of(group, kind));
    assertThat(parsed.toString()).isEqualTo(text);
  }

  @Test
  void badKindsAreRejectedNamingTheInput() {
    assertThatThrownBy(() -> GroupKind.of("apps", "Deploy ment")).hasMessageContaining("'Deploy ment'");
    assertThatThrownBy(() -> GroupKind.parse(" ")).hasMessageContaining("expected a kind");
    assertThatThrownBy(() -> GroupKind.fromApiVersion("", "Pod")).hasMessageContaining("apiVersion is missing");
  }

  @Test
  void objectRefIdentityIgnoresVersionAndUid() {
    ObjectRef typed = ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web");
    ObjectRef read = ObjectRef.builder().from(typed).version("v1").uid("1234").build();
    assertThat(read).isEqualTo(typed).hasSameHashCodeAs(typed);
    assertThat(read.apiVersion()).isEqualTo("apps/v1");
    assertThat(read.key().uid()).isEmpty();
    assertThat(read.toString()).isEqualTo("deployment.apps/web -n shop");
    assertThat(read.display()).isEqualTo("Deployment web");
  }

  @Test
  void objectRefFromAnObjectNamesWhatIsMissing() {
    assertThat(ObjectRef.from(new PodBuilder().withNewMetadata().withName("p").withNamespace("n").withUid("u")
        .endMetadata().build())).satisfies(ref -> {
          assertThat(ref.groupKind()).isEqualTo(GroupKind.POD);
          assertThat(ref.uid()).contains("u");
          assertThat(ref.version()).isEqualTo("v1");
        });
    assertThatThrownBy(() -> ObjectRef.from(new PodBuilder().build())).hasMessageContaining("has no 'metadata.name'");
  }

  @Test
  void healthOrderPutsKnownFailuresAboveUnknownAndUnknownAboveProgress() {
    assertThat(Health.values()).containsExactly(Health.HEALTHY, Health.SUSPENDED, Health.PROGRESSING,
        Health.UNKNOWN, Health.MISSING, Health.DEGRADED);
    assertThat(Health.worst(Health.UNKNOWN, Health.DEGRADED)).isEqualTo(Health.DEGRADED);
    assertThat(Health.worst(Health.UNKNOWN, Health.PROGRESSING)).isEqualTo(Health.UNKNOWN);
    assertThat(ReconcileStatus.worst(ReconcileStatus.CURRENT, ReconcileStatus.UNKNOWN))
        .isEqualTo(ReconcileStatus.UNKNOWN);
  }

  @Test
  void selectorsMatchLikeTheApiServer() {
    Selector selector = Selector.from(new LabelSelectorBuilder()
        .withMatchLabels(Map.of("app", "web"))
        .addNewMatchExpression().withKey("tier").withOperator("In").withValues("front", "edge").endMatchExpression()
        .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
        .addNewMatchExpression().withKey("env").withOperator("NotIn").withValues("dev").endMatchExpression()
        .build());
    assertThat(selector.matches(Map.of("app", "web", "tier", "front"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "env", "prod"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "back"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "front", "canary", "1"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "front", "env", "dev"))).isFalse();
    assertThat(selector.matches(null)).isFalse();
    assertThat(selector.toString()).isEqualTo("app=web,tier in (edge,front),!canary,env notin (dev)");
    assertThat(Selector.of(Map.of()).matches(Map.of("any", "thing"))).isTrue();
  }

  @Test
  void invalidSelectorsAreRejectedNamingTheRequirement() {
    assertThatThrownBy(() -> Selector.from(new LabelSelectorBuilder().addNewMatchExpression().withKey("tier")
        .withOperator("Near").withValues("x").endMatchExpression().build()))
        .hasMessageContaining("'tier'").hasMessageContaining("'Near'");
    assertThatThrownBy(() -> Selector.from(new LabelSelectorBuilder().addNewMatchExpression().withKey("tier")
        .withOperator("In").endMatchExpression().build()))
        .hasMessageContaining("'tier In' needs at least one value");
  }

  @Test
  void reasonCodesAreUpperCamelCase() {
    assertThat(ReasonCode.of("CrashLoopBackOff").toString()).isEqualTo("CrashLoopBackOff");
    assertThatThrownBy(() -> ReasonCode.of("crash loop")).hasMessageContaining("'crash loop'");
  }

  @Test
  void edgesKnowWhichEndIsTheCause() {
    ObjectRef rs = ObjectRef.of(GroupKind.REPLICA_SET, "n", "rs");
    ObjectRef pod = ObjectRef.of(GroupKind.POD, "n", "p");
    ObjectRef pvc = ObjectRef.of(GroupKind.PERSISTENT_VOLUME_CLAIM, "n", "data");
    assertThat(Edge.of(rs, EdgeKind.OWNS, pod).upstream()).isEqualTo(rs);
    assertThat(Edge.of(pod, EdgeKind.MOUNTS, pvc).upstream()).isEqualTo(pvc);
    assertThat(Edge.of(pod, EdgeKind.MOUNTS, pvc).downstream()).isEqualTo(pod);
    assertThat(EdgeKind.ROUTES_TO.label()).isEqualTo("routes-to");
  }

  @Test
  void kindSelectorsAndLinksValidateTheirShape() {
    assertThat(KindSelector.any().matches(GroupKind.POD)).isTrue();
    assertThat(KindSelector.of(GroupKind.POD).matches(GroupKind.SERVICE)).isFalse();
    assertThat(KindSelector.any().toString()).isEqualTo("*");
    assertThatThrownBy(() -> dev.blame.api.spi.ImmutableLink.builder().kind(EdgeKind.SELECTS).build())
        .hasMessageContaining("either one target");
    assertThat(Link.to(EdgeKind.REFERENCES, ObjectRef.builder().from(ObjectRef.of(GroupKind.SECRET, "n", "s"))
        .uid("x").build()).target().orElseThrow().uid()).isEmpty();
  }
}
