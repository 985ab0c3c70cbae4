package dev.blame.core.internal;

import static dev.blame.core.testing.InjectedPods.WEBHOOK;
import static dev.blame.core.testing.InjectedPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's part of injections: the difference from the template, and who is named when no facet knows. */
class InjectionsTest {

  static final java.util.function.Function<Injection, java.util.Optional<Injection>> NO_FACET =
      part -> java.util.Optional.empty();

  static final JsonNode TEMPLATE = TemplateDiffTest.yaml("""
      spec:
        containers:
        - name: app
          image: app:1
          env:
          - {name: MODE, value: prod}
      """);

  @Test
  void nothingIsInjectedIntoAPodThatMatchesItsTemplate() {
    assertThat(Injections.of(Node.of(pod().build()), TEMPLATE, List.of(), List.of(WEBHOOK), NO_FACET)).isEmpty();
  }

  @Test
  void withoutMarksTheInjectorIsNotGuessedButTheWebhooksAreNamedAsCandidates() {
    Pod pod = pod().editSpec().editFirstContainer()
        .addNewEnv().withName("OTEL_EXPORTER_OTLP_ENDPOINT").withValue("http://collector:4317").endEnv()
        .endContainer().endSpec().build();

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(), List.of(WEBHOOK), NO_FACET)).singleElement().satisfies(i -> {
      assertThat(i.part()).isEqualTo(Injection.Part.ENV);
      assertThat(i.container()).contains("app");
      assertThat(i.name()).isEqualTo("OTEL_EXPORTER_OTLP_ENDPOINT");
      assertThat(i.injectedBy()).isEmpty();
      assertThat(i.injector()).isEqualTo("an admission webhook");
      assertThat(i.evidence()).singleElement().satisfies(e -> assertThat(e.source()).contains(WEBHOOK));
    });
  }

  @Test
  void anInjectedByEdgeNamesTheInjector() {
    Pod pod = pod().editSpec().addNewContainer().withName("agent").endContainer().endSpec().build();
    ObjectRef injector = ObjectRef.of(GroupKind.of("acme.io", "Injector"), "ns", "agent-injector");

    assertThat(Injections.of(Node.of(pod), TEMPLATE, List.of(injector), List.of(WEBHOOK), NO_FACET))
        .singleElement().satisfies(i -> assertThat(i.injectedBy()).contains("Injector agent-injector"));
  }
}
