package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes core/v1 Events the way client-go's recorder does: one Event per (object, source, type, reason,
 * message), named {@code <object>.<16 hex>}, whose count and lastTimestamp grow when it recurs.
 */
final class EventRecorder {

  static final String NODE = "demo-node";

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Event> recorded = new HashMap<>();

  EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  static String now(Clock clock) {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  void normal(HasMetadata obj, String component, String reason, String message) {
    record(obj, null, component, "Normal", reason, message);
  }

  void warning(HasMetadata obj, String component, String reason, String message) {
    record(obj, null, component, "Warning", reason, message);
  }

  /** An event about one container of a pod ({@code fieldPath} such as {@code spec.containers{app}}). */
  void container(HasMetadata pod, String fieldPath, String type, String reason, String message) {
    record(pod, fieldPath, "kubelet", type, reason, message);
  }

  synchronized void record(HasMetadata obj, String fieldPath, String component, String type, String reason,
      String message) {
    String namespace = obj.getMetadata().getNamespace() == null ? "default" : obj.getMetadata().getNamespace();
    String key = String.join("\u0000", obj.getMetadata().getUid(), String.valueOf(fieldPath), component, type,
        reason, message);
    String timestamp = now(clock);
    Event existing = recorded.get(key);
    try {
      if (existing != null) {
        existing.setCount(existing.getCount() + 1);
        existing.setLastTimestamp(timestamp);
        existing.getMetadata().setResourceVersion(null);
        try {
          recorded.put(key, client.v1().events().inNamespace(namespace).resource(existing).update());
          return;
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            throw e;
          }
        }
      }
      String name = obj.getMetadata().getName() + "." + String.format("%016x", Hashes.fnv64a(key));
      String host = component.equals("kubelet") ? NODE : null;
      Event event = new EventBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
          .withNewInvolvedObject().withApiVersion(obj.getApiVersion()).withKind(obj.getKind())
          .withNamespace(obj.getMetadata().getNamespace()).withName(obj.getMetadata().getName())
          .withUid(obj.getMetadata().getUid()).withResourceVersion(obj.getMetadata().getResourceVersion())
          .withFieldPath(fieldPath).endInvolvedObject()
          .withType(type).withReason(reason).withMessage(message)
          .withNewSource().withComponent(component).withHost(host).endSource()
          .withReportingComponent(component).withReportingInstance(host == null ? "" : host)
          .withFirstTimestamp(timestamp).withLastTimestamp(timestamp).withCount(1)
          .build();
      recorded.put(key, client.v1().events().inNamespace(namespace).resource(event).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        recorded.remove(key);
        return;
      }
      throw e;
    }
  }
}
