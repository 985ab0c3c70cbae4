package dev.blame.testkit;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario builders for the variations a YAML fixture cannot express compactly, on fabric8's generated builders.
 * Every object is dated from a "now" ({@link BlameFixture#DEFAULT_NOW} unless given), so a fixture built
 * {@link BlameFixture#at at} the same instant sees ages that make sense: pods created ten minutes ago, failures a
 * minute old. Uids are derived from kind, namespace and name, so runs are reproducible.
 *
 * <pre>{@code
 * var web = Scenarios.deployment("shop", "web").replicas(3).pod(0, PodScenario::crashLooping);
 * var svc = Scenarios.service("shop", "web").selector("app", "web").port(80, 8080).build();
 * Blame blame = BlameFixture.objects(web.objects()).andObjects(List.of(svc)).build();
 * }</pre>
 */
public final class Scenarios {

  private Scenarios() {}

  /** A Running, Ready pod with one container {@code main}, dated from {@link BlameFixture#DEFAULT_NOW}. */
  public static PodScenario pod(String namespace, String name) {
    return new PodScenario(namespace, name, BlameFixture.DEFAULT_NOW);
  }

  public static PodScenario pod(String namespace, String name, Instant now) {
    return new PodScenario(namespace, name, now);
  }

  /** A Deployment with its ReplicaSet and pods, all Ready unless changed; see {@link DeploymentScenario}. */
  public static DeploymentScenario deployment(String namespace, String name) {
    return new DeploymentScenario(namespace, name, BlameFixture.DEFAULT_NOW);
  }

  public static DeploymentScenario deployment(String namespace, String name, Instant now) {
    return new DeploymentScenario(namespace, name, now);
  }

  /** A ClusterIP Service; add a selector and ports. */
  public static ServiceScenario service(String namespace, String name) {
    return new ServiceScenario(namespace, name);
  }

  /**
   * A custom resource, e.g. {@code customResource("example.dev/v1", "Database", "shop", "orders")}, with
   * {@code metadata.generation} 1 and {@code status.observedGeneration} 1 unless changed.
   */
  public static CustomResourceScenario customResource(String apiVersion, String kind, String namespace,
      String name) {
    return new CustomResourceScenario(apiVersion, kind, namespace, name, BlameFixture.DEFAULT_NOW);
  }

  /** A core Event about an object, last seen 30 s before {@link BlameFixture#DEFAULT_NOW}. */
  public static Event event(HasMetadata regarding, String type, String reason, String message, int count) {
    Instant last = BlameFixture.DEFAULT_NOW.minus(Duration.ofSeconds(30));
    String name = regarding.getMetadata().getName() + "." + Integer.toHexString((reason + message).hashCode());
    return new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(regarding.getMetadata().getNamespace()).endMetadata()
        .withNewInvolvedObject().withApiVersion(regarding.getApiVersion()).withKind(regarding.getKind())
        .withNamespace(regarding.getMetadata().getNamespace()).withName(regarding.getMetadata().getName())
        .withUid(regarding.getMetadata().getUid()).endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message).withCount(count)
        .withFirstTimestamp(last.minus(Duration.ofMinutes(5)).toString()).withLastTimestamp(last.toString())
        .build();
  }

  static String uid(String kind, String namespace, String name) {
    return UUID.nameUUIDFromBytes((kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A Service; {@link #build()} makes it. */
  public static final class ServiceScenario {
    private final ServiceBuilder builder;
    private final Map<String, String> selector = new LinkedHashMap<>();

    ServiceScenario(String namespace, String name) {
      builder = new ServiceBuilder()
          .withNewMetadata().withName(name).withNamespace(namespace).withUid(uid("Service", namespace, name))
          .endMetadata()
          .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0.10").endSpec();
    }

    public ServiceScenario selector(String key, String value) {
      selector.put(key, value);
      return this;
    }

    /** A TCP port named {@code p<port>} targeting a container port number. */
    public ServiceScenario port(int port, int targetPort) {
      builder.editSpec().addNewPort().withName("p" + port).withProtocol("TCP").withPort(port)
          .withTargetPort(new IntOrString(targetPort)).endPort().endSpec();
      return this;
    }

    /** A TCP port targeting a named container port. */
    public ServiceScenario port(int port, String targetPort) {
      builder.editSpec().addNewPort().withName("p" + port).withProtocol("TCP").withPort(port)
          .withTargetPort(new IntOrString(targetPort)).endPort().endSpec();
      return this;
    }

    public Service build() {
      return builder.editSpec().withSelector(selector.isEmpty() ? null : Map.copyOf(selector)).endSpec().build();
    }
  }

  /** A custom resource as a {@link GenericKubernetesResource}; {@link #build()} makes it. */
  public static final class CustomResourceScenario {
    private final GenericKubernetesResourceBuilder builder;
    private final Map<String, Object> spec = new LinkedHashMap<>();
    private final Map<String, Object> status = new LinkedHashMap<>();
    private final List<Map<String, Object>> conditions = new ArrayList<>();
    private final Instant now;
    private long generation = 1;
    private Long observedGeneration = 1L;

    CustomResourceScenario(String apiVersion, String kind, String namespace, String name, Instant now) {
      this.now = now;
      builder = new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
          .withNewMetadata().withName(name).withNamespace(namespace).withUid(uid(kind, namespace, name))
          .withCreationTimestamp(now.minus(Duration.ofMinutes(10)).toString()).endMetadata();
    }

    public CustomResourceScenario spec(String field, Object value) {
      spec.put(field, value);
      return this;
    }

    /** A top-level status field, e.g. {@code status("phase", "Failed")}. */
    public CustomResourceScenario status(String field, Object value) {
      status.put(field, value);
      return this;
    }

    /** A {@code status.conditions} entry that changed a minute before "now". */
    public CustomResourceScenario condition(String type, String conditionStatus, String reason, String message) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("type", type);
      c.put("status", conditionStatus);
      if (reason != null) {
        c.put("reason", reason);
      }
      if (message != null) {
        c.put("message", message);
      }
      c.put("lastTransitionTime", now.minus(Duration.ofMinutes(1)).toString());
      conditions.add(c);
      return this;
    }

    /** {@code metadata.generation} and {@code status.observedGeneration} (null: none reported). */
    public CustomResourceScenario generation(long generation, Long observedGeneration) {
      this.generation = generation;
      this.observedGeneration = observedGeneration;
      return this;
    }

    public GenericKubernetesResource build() {
      Map<String, Object> fullStatus = new LinkedHashMap<>(status);
      if (observedGeneration != null) {
        fullStatus.put("observedGeneration", observedGeneration);
      }
      if (!conditions.isEmpty()) {
        fullStatus.put("conditions", List.copyOf(conditions));
      }
      GenericKubernetesResource resource = builder.editMetadata().withGeneration(generation).endMetadata().build();
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("spec", new LinkedHashMap<>(spec));
      properties.put("status", fullStatus);
      resource.setAdditionalProperties(properties);
      return resource;
    }
  }
}
