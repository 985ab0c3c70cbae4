package dev.blame.analyzers.provenance;

import dev.blame.api.Evidence;
import dev.blame.api.Injection;
import dev.blame.api.ObjectRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the injection facets share: citing the MutatingWebhookConfiguration that is most likely the injector. */
final class Injectors {

  private Injectors() {}

  static Optional<ObjectRef> webhook(List<ObjectRef> webhooks, String word) {
    return webhooks.stream().filter(w -> w.name().toLowerCase(Locale.ROOT).contains(word)).findFirst();
  }

  static Evidence candidate(ObjectRef webhook) {
    return Evidence.builder().kind(Evidence.Kind.FIELD).path("MutatingWebhookConfiguration")
        .value(webhook.name()).source(webhook).build();
  }

  static String lower(Injection part) {
    return part.name().toLowerCase(Locale.ROOT);
  }
}
