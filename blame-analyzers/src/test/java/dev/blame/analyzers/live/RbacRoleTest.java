package dev.blame.analyzers.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live Blame with every built-in analyzer needs nothing beyond docs/rbac.yaml: every request it makes is a
 * get, list or watch the first role allows, but Secrets, which it lists and watches as metadata only, as the
 * optional second role allows; none writes.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class RbacRoleTest {

  static final Path ROLE = Path.of("..", "docs", "rbac.yaml");

  KubernetesMockServer server;
  KubernetesClient client;

  record Rule(List<String> groups, List<String> resources, List<String> urls, List<String> verbs) {}

  @Test
  void everyRequestOfTheLiveLibraryIsAllowedByTheReadOnlyRole() throws Exception {
    List<List<Rule>> roles = roles();
    List<Rule> rules = roles.get(0);
    List<Rule> secretRules = roles.get(1);
    client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata()
        .withName("web").endMetadata().build()).create();
    client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("web-1").endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("web:1").addNewEnv().withName("P")
        .withNewValueFrom().withNewSecretKeyRef().withName("db").withKey("password").endSecretKeyRef()
        .endValueFrom().endEnv().endContainer().endSpec().build()).create();
    client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db")
        .endMetadata().addToData("password", "c2VjcmV0").build()).create();
    while (server.takeRequest(50, TimeUnit.MILLISECONDS) != null) {
      // the test's own writes
    }

    try (Blame blame = BlameEngine.builder().client(client).namespace("shop").build()) {
      assertThat(blame.analyzers()).hasSizeGreaterThan(10);
      blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, "shop", "web"));
      blame.explain(ObjectRef.of(GroupKind.POD, "shop", "web-1"));
      // Namespace-wide: every kind an analyzer handles or reads.
      blame.findings().list();
    }

    List<String> requests = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
      String line = request.getMethod() + " " + request.getPath();
      if (request.getPath().contains("/secrets")) {
        assertThat(request.getHeader("Accept")).as(line).contains("as=PartialObjectMetadata");
        secrets.add(line);
      } else {
        requests.add(line);
      }
    }
    assertThat(requests).isNotEmpty();
    assertThat(secrets).isNotEmpty();
    assertThat(requests).allSatisfy(r -> assertThat(r).startsWith("GET "));
    assertThat(secrets).allSatisfy(r -> assertThat(r).startsWith("GET "));
    assertThat(requests).allSatisfy(r -> assertThat(allowed(rules, r)).as("allowed by docs/rbac.yaml: %s", r).isTrue());
    assertThat(secrets).allSatisfy(r -> assertThat(allowed(rules, r)).isFalse());
    assertThat(secrets).allSatisfy(r -> assertThat(allowed(secretRules, r))
        .as("allowed by docs/rbac.yaml's Secret metadata role: %s", r).isTrue());
  }

  private static boolean allowed(List<Rule> rules, String request) {
    String path = request.substring(4).split("\\?", 2)[0];
    String verb = request.contains("watch=true") ? "watch" : "list";
    String[] parts = path.substring(1).split("/");
    String group;
    int rest;
    if (parts[0].equals("api")) {
      group = "";
      rest = 2;
    } else if (parts[0].equals("apis") && parts.length > 2) {
      group = parts[1];
      rest = 3;
    } else {
      return rules.stream().anyMatch(r -> r.urls().stream().anyMatch(u -> u.endsWith("*")
          ? path.startsWith(u.substring(0, u.length() - 1)) : path.equals(u)) && r.verbs().contains("get"));
    }
    if (parts.length <= rest) {
      return rules.stream().anyMatch(r -> r.urls().stream().anyMatch(u -> path.startsWith(u.replace("*", ""))));
    }
    String resource = parts[rest].equals("namespaces") && parts.length > rest + 2 ? parts[rest + 2] : parts[rest];
    boolean named = parts[rest].equals("namespaces") ? parts.length > rest + 3 : parts.length > rest + 1;
    String wanted = named ? "get" : verb;
    return rules.stream().anyMatch(r -> r.groups().contains(group) && r.resources().contains(resource)
        && r.verbs().contains(wanted));
  }

  /** The minimal role, which grants nothing on Secrets, and the optional one, which grants only their list and watch. */
  private static List<List<Rule>> roles() throws IOException {
    List<List<Rule>> roles = new ArrayList<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (var parser = yaml.getFactory().createParser(ROLE.toFile())) {
      for (var it = yaml.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode role = it.next();
        assertThat(role.get("kind").asText()).isEqualTo("ClusterRole");
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : role.get("rules")) {
          List<String> verbs = strings(rule.get("verbs"));
          assertThat(verbs).as("read-only verbs").isSubsetOf("get", "list", "watch");
          rules.add(new Rule(strings(rule.get("apiGroups")), strings(rule.get("resources")),
              strings(rule.get("nonResourceURLs")), verbs));
        }
        roles.add(rules);
      }
    }
    assertThat(roles).hasSize(2);
    assertThat(roles.get(0)).noneMatch(r -> r.resources().contains("secrets") || r.resources().contains("*"));
    assertThat(roles.get(1)).singleElement().satisfies(r -> {
      assertThat(r.resources()).containsExactly("secrets");
      assertThat(r.groups()).containsExactly("");
      assertThat(r.verbs()).containsExactlyInAnyOrder("list", "watch");
    });
    return roles;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

}
