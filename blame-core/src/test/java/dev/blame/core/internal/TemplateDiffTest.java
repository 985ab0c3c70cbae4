package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateDiffTest {

  static JsonNode yaml(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> diff(String before, String after) {
    return TemplateDiff.diff(yaml(before), yaml(after)).stream()
        .map(c -> TemplateDiff.path(c.path()) + " | " + TemplateDiff.field(c.path()) + " | "
            + (Json.absent(c.from()) ? "-" : TemplateDiff.text(c.path(), c.from())) + " -> "
            + (Json.absent(c.to()) ? "-" : TemplateDiff.text(c.path(), c.to())))
        .collect(Collectors.toList());
  }

  static final String BASE = """
      metadata:
        labels: {app: web, pod-template-hash: abc}
      spec:
        containers:
        - name: web
          image: nginx:1
          env:
          - {name: A, value: "1"}
          - {name: B, value: "2"}
          ports:
          - {containerPort: 80, protocol: TCP}
        - name: log
          image: fluent-bit:3
        volumes:
        - {name: data, emptyDir: {}}
      """;

  @Test
  void identicalTemplatesButForControllerLabelsHaveNoChanges() {
    assertThat(diff(BASE, BASE.replace("pod-template-hash: abc", "pod-template-hash: def"))).isEmpty();
  }

  @Test
  void namedListItemsAreComparedByNameNotPosition() {
    String reordered = """
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: log
            image: fluent-bit:3
          - name: web
            image: nginx:2
            env:
            - {name: B, value: "3"}
            - {name: C, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
            ports:
            - {containerPort: 80, protocol: TCP}
          volumes:
          - {name: data, emptyDir: {}}
        """;
    assertThat(diff(BASE, reordered)).containsExactly(
        "spec.template.spec.containers[web].env[A] | env A | " + hash("1") + " -> -",
        "spec.template.spec.containers[web].env[B] | env B | " + hash("2") + " -> " + hash("3"),
        "spec.template.spec.containers[web].env[C] | env C | - -> {\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"status.podIP\"}}}",
        "spec.template.spec.containers[web].image | image | nginx:1 -> nginx:2");
  }

  @Test
  void wholeItemsAddedAndRemovedAreOneChange() {
    String changed = BASE
        .replace("- name: log\n    image: fluent-bit:3\n",
            "- name: sidecar\n    image: envoy:1\n    command: [envoy, -c, /etc/envoy.yaml]\n")
        .replace("- {name: data, emptyDir: {}}", "- {name: data, persistentVolumeClaim: {claimName: d}}");
    assertThat(diff(BASE, changed)).containsExactly(
        "spec.template.spec.containers[log] | container log | {\"image\":\"fluent-bit:3\"} -> -",
        "spec.template.spec.containers[sidecar] | container sidecar | - -> {\"image\":\"envoy:1\",\"command\":[\"envoy\",\"-c\",\"/etc/envoy.yaml\"]}",
        "spec.template.spec.volumes[data].emptyDir | volume data emptyDir | {} -> -",
        "spec.template.spec.volumes[data].persistentVolumeClaim | volume data persistentVolumeClaim | - -> {\"claimName\":\"d\"}");
  }

  @Test
  void atomicListsReadLikeACommandLine() {
    String withCommand = BASE.replace("image: nginx:1", "image: nginx:1\n    command: [sh, -c, exit 1]");
    assertThat(diff(BASE, withCommand)).containsExactly(
        "spec.template.spec.containers[web].command | command | - -> [sh -c exit 1]");
  }

  @Test
  void anAnnotationAddedToAnAbsentMapIsOneEntry() {
    String restarted = BASE.replace("metadata:\n", "metadata:\n  annotations: {kubectl.kubernetes.io/restartedAt: \"2026-11-22T08:30:00Z\"}\n");
    assertThat(diff(BASE, restarted)).containsExactly(
        "spec.template.metadata.annotations[kubectl.kubernetes.io/restartedAt] | annotation kubectl.kubernetes.io/restartedAt"
            + " | - -> 2026-11-22T08:30:00Z");
  }

  @Test
  void probesAndResourcesAreDiffedFieldByField() {
    String before = """
        spec:
          containers:
          - name: web
            resources: {limits: {cpu: 500m}}
            readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 10}
        """;
    String after = """
        spec:
          containers:
          - name: web
            resources: {limits: {cpu: "1", memory: 1Gi}}
            readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10}
        """;
    assertThat(diff(before, after)).containsExactly(
        "spec.template.spec.containers[web].readinessProbe.httpGet.path | readinessProbe.httpGet.path | /ready -> /healthz",
        "spec.template.spec.containers[web].resources.limits.cpu | resources.limits.cpu | 500m -> 1",
        "spec.template.spec.containers[web].resources.limits.memory | resources.limits.memory | - -> 1Gi");
  }

  /** The short hash a literal env value is shown as, never the value (issue 20). */
  static String hash(String value) {
    return TemplateDiff.masked(com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
  }

  @Test
  void literalEnvValuesAreNeverShownWhereverTheyAre() {
    String before = """
        spec:
          containers:
          - name: web
            image: nginx:1
            env:
            - {name: DB_PASSWORD, value: "hunter2-old"}
        """;
    String after = """
        spec:
          containers:
          - name: web
            image: nginx:1
            env:
            - {name: DB_PASSWORD, value: "hunter2-new"}
            - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
          - name: sidecar
            image: envoy:1
            env:
            - {name: API_KEY, value: "sk-live-123"}
        """;
    List<String> changes = diff(before, after);
    assertThat(String.join("\n", changes)).doesNotContain("hunter2", "sk-live-123").contains("secretKeyRef");
    assertThat(changes).contains("spec.template.spec.containers[web].env[DB_PASSWORD] | env DB_PASSWORD | "
        + hash("hunter2-old") + " -> " + hash("hunter2-new"));
    assertThat(hash("a")).matches("value sha256:[0-9a-f]{8}").isNotEqualTo(hash("b"));
  }

  @Test
  void literalEnvValuesAreShownOnlyWhenAskedFor() {
    String before = """
        spec:
          containers:
          - name: web
            env:
            - {name: DB_PASSWORD, value: "hunter2-old"}
        """;
    String after = """
        spec:
          containers:
          - name: web
            env:
            - {name: DB_PASSWORD, value: "hunter2-new"}
            - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
          - name: sidecar
            env:
            - {name: API_KEY, value: "sk-live-123"}
        """;
    List<String> shown = new java.util.ArrayList<>();
    for (TemplateDiff.Change c : TemplateDiff.diff(yaml(before), yaml(after))) {
      shown.add(TemplateDiff.path(c.path()) + " | "
          + (Json.absent(c.from()) ? "-" : TemplateDiff.text(c.path(), c.from(), true)) + " -> "
          + (Json.absent(c.to()) ? "-" : TemplateDiff.text(c.path(), c.to(), true)));
    }
    assertThat(shown).contains("spec.template.spec.containers[web].env[DB_PASSWORD] | hunter2-old -> hunter2-new");
    assertThat(String.join("\n", shown)).contains("sk-live-123", "secretKeyRef").doesNotContain("sha256");
  }
}
