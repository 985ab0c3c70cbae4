package dev.blame.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The exceptions the API's values throw quote what they were given (a kind, a name, a selector's key and
 * operator, a reason code) as {@link Escape#terminal} text: a library user who prints or logs the message of an
 * {@link IllegalArgumentException} from {@link ObjectRef#from} gets one line without the OSC 52 clipboard write,
 * the line break that starts a workflow command or the bidi override an object from a file or a cluster held.
 * Each fails on the old code, which quoted them as they were.
 */
class InputInMessagesTest {

  static final String HOSTILE = "x\u001b]52;c;SGk=\u0007\n::error::forged\u202eexe.gnp\u009b2J";

  @Test
  void objectRefFromQuotesTheKindAndNameAsTerminalText() {
    assertOneLine(assertThatThrownBy(() -> ObjectRef.from(new PodBuilder().withApiVersion("").withKind(HOSTILE)
        .withNewMetadata().withName(HOSTILE).endMetadata().build())).hasMessageContaining("apiVersion"));
    assertOneLine(assertThatThrownBy(() -> ObjectRef.from(new PodBuilder().withApiVersion("v1").withKind(HOSTILE)
        .withNewMetadata().endMetadata().build())).hasMessageContaining("metadata.name"));
  }

  @Test
  void groupKindQuotesTheKindAndGroupAsTerminalText() {
    assertOneLine(assertThatThrownBy(() -> GroupKind.fromApiVersion("", HOSTILE)));
    // The check refuses blanks and '/': a kind of controls without them was quoted raw.
    String noBlank = "Pod/\u001b]52;c;SGk=\u0007\u202e";
    assertOneLine(assertThatThrownBy(() -> GroupKind.of("apps", noBlank)));
    assertOneLine(assertThatThrownBy(() -> GroupKind.of(noBlank, "Pod")));
  }

  @Test
  void selectorQuotesKeysAndOperatorsAsTerminalText() {
    assertOneLine(assertThatThrownBy(() -> Selector.from(new LabelSelectorBuilder().withMatchExpressions(
        new LabelSelectorRequirementBuilder().withKey(HOSTILE).withOperator(HOSTILE).build()).build())));
    assertOneLine(assertThatThrownBy(() -> Selector.from(new LabelSelectorBuilder().withMatchExpressions(
        new LabelSelectorRequirementBuilder().withKey(HOSTILE).withOperator("In").build()).build())));
  }

  @Test
  void reasonCodeQuotesTheCodeAsTerminalText() {
    assertOneLine(assertThatThrownBy(() -> ReasonCode.of(HOSTILE)));
  }

  private static void assertOneLine(AbstractThrowableAssert<?, ? extends Throwable> thrown) {
    thrown.isInstanceOf(IllegalArgumentException.class);
    thrown.satisfies(e -> {
      String message = e.getMessage();
      assertThat(message.codePoints().filter(Escape::isUnsafe).toArray()).as(message).isEmpty();
      assertThat(message).contains("\\u001b]52");
    });
  }
}
