package dev.blame.examples.operator;

import dev.blame.api.Escape;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator's only writes about a WebApp itself: its {@code status} (through the status subresource,
 * with the resourceVersion it was read at, so a stale write fails with 409 instead of losing an update) and
 * core/v1 Events about it, named like client-go's recorder does ({@code <name>.<hex nanos>}).
 */
final class StatusWriter {

  static final String COMPONENT = "webapp-operator";

  private final KubernetesClient client;
  private final AtomicLong sequence = new AtomicLong();

  StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Replaces the {@code Ready} condition (keeping the others) and {@code status.observedGeneration}. The
   * transition time moves only when the condition's status does, as Kubernetes' conventions ask.
   */
  void writeStatus(GenericKubernetesResource app, ReadyCondition ready, Instant now) {
    Map<String, Object> status = new LinkedHashMap<>(WebApp.section(app, "status"));
    String transition = WebApp.readyCondition(app)
        .filter(c -> ready.status().equals(c.get("status")) && c.get("lastTransitionTime") != null)
        .map(c -> String.valueOf(c.get("lastTransitionTime"))).orElse(format(now));
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", "Ready");
    condition.put("status", ready.status());
    condition.put("reason", ready.reason());
    condition.put("message", ready.message());
    condition.put("lastTransitionTime", transition);
    condition.put("observedGeneration", ready.observedGeneration());
    List<Object> conditions = new ArrayList<>();
    Object existing = status.get("conditions");
    if (existing instanceof List<?> list) {
      list.stream().filter(c -> !(c instanceof Map<?, ?> m && "Ready".equals(m.get("type")))).forEach(conditions::add);
    }
    conditions.add(condition);
    status.put("observedGeneration", ready.observedGeneration());
    status.put("conditions", conditions);
    GenericKubernetesResource copy = new GenericKubernetesResourceBuilder(app).build();
    copy.setAdditionalProperty("status", status);
    client.genericKubernetesResources(WebApp.CONTEXT).inNamespace(app.getMetadata().getNamespace())
        .resource(copy).updateStatus();
  }

  /** Records an Event about the WebApp: Normal when Ready, Warning otherwise. */
  void event(GenericKubernetesResource app, ReadyCondition ready, Instant now) {
    String ns = app.getMetadata().getNamespace();
    String name = app.getMetadata().getName();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() + sequence.incrementAndGet();
    client.v1().events().inNamespace(ns).resource(new EventBuilder()
        .withNewMetadata().withNamespace(ns).withName(eventName(name, nanos)).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(WebApp.API_VERSION).withKind("WebApp")
            .withNamespace(ns).withName(name).withUid(app.getMetadata().getUid()).build())
        .withType(ready.isTrue() ? "Normal" : "Warning")
        // What the API server accepts: a reason of 128 characters, a message of 1024 bytes; a finding's detail may
        // be a megabyte (a waiting message from a hostile image, an Event quoted in full).
        .withReason(Escape.eventReason(ready.reason(), ready.isTrue() ? "Available" : "NotReady"))
        .withMessage(Escape.eventMessage(ready.isTrue() ? ready.toString() : ready + " (" + ready.detail() + ")"))
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .withFirstTimestamp(format(now)).withLastTimestamp(format(now)).withCount(1)
        .build()).create();
  }

  /** The longest object name, an Event's included: a DNS subdomain (RFC 1123) of at most 253 characters. */
  static final int NAME_MAX = 253;

  /**
   * {@code <name>.<hex nanos>} as client-go's recorder names an Event, with the object's name cut so that the whole
   * is at most {@value #NAME_MAX} characters and still a DNS subdomain (the cut ends on a letter or digit). The
   * WebApp's own name may be 253 characters; the recorder's form then is 270, and the API server refuses the Event.
   */
  static String eventName(String name, long nanos) {
    String suffix = "." + Long.toHexString(nanos);
    int end = Math.min(name.length(), NAME_MAX - suffix.length());
    while (end > 0 && !Character.isLetterOrDigit(name.charAt(end - 1))) {
      end--;
    }
    return name.substring(0, end) + suffix;
  }

  private static String format(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }
}
