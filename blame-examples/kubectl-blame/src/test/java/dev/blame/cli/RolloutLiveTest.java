package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl blame rollout/NAME} live: fabric8's mock API server in CRUD mode gets the Argo Rollouts CRD
 * (with its status subresource), then an aborted canary's Rollout, its two ReplicaSets, their pods and Events,
 * written through the API as the Rollouts controller and the kubelet would (objects first, then their status;
 * owner references and Events by the uids the server gave), with the two Nodes the pods run on. The objects are
 * those of the offline golden {@code dumps/rollout-aborted.yaml}; here they come from a server, and the type
 * {@code rollout} is found through discovery. fabric8's CRUD mock answers {@code GET /apis} with its list of CRDs
 * (no API groups) and lists the custom kind without its short and singular names, so the test serves the two
 * discovery documents an API server derives from the CRD, built from the CRD object.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class RolloutLiveTest {

  static final String NS = "shop";
  static final ResourceDefinitionContext ROLLOUTS = new ResourceDefinitionContext.Builder()
      .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Rollout").withPlural("rollouts")
      .withNamespaced(true).build();

  static final String CRD = "rollouts.argoproj.io";
  /** The golden's moment, and the failing pod's creation in the dump (69 s before). */
  static final Instant DUMP_NOW = Instant.parse("2026-11-22T10:01:10Z");
  static final Instant DUMP_POD_CREATED = Instant.parse("2026-11-22T10:00:01Z");
  static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  KubernetesClient client;
  KubernetesMockServer server;

  @TempDir
  Path dir;

  Path kubeconfig;

  @BeforeEach
  void createTheRolloutThroughTheApi() throws IOException {
    kubeconfig = LiveClusterTest.kubeconfig(dir, client.getMasterUrl().toString(), NS);
    if (client.apiextensions().v1().customResourceDefinitions().withName(CRD).get() != null) {
      return; // one server per test class: created by the first test
    }
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();
    serveDiscovery(crd);
    for (String node : List.of("node-1", "node-2")) { // where the dump's pods run; a live blame reads Nodes
      client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata().withNewStatus()
          .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
          .endStatus().build()).create();
    }
    List<HasMetadata> items = dump();
    Map<String, String> uids = new HashMap<>(); // uid in the dump -> uid the server gave
    for (HasMetadata item : items) {
      if (item instanceof GenericKubernetesResource rollout) {
        Object status = rollout.getAdditionalProperties().remove("status");
        String old = rollout.getMetadata().getUid();
        rollout.getMetadata().setUid(null);
        GenericKubernetesResource created = client.genericKubernetesResources(ROLLOUTS).inNamespace(NS)
            .resource(rollout).create();
        uids.put(old, created.getMetadata().getUid());
        created.getAdditionalProperties().put("status", status);
        client.genericKubernetesResources(ROLLOUTS).inNamespace(NS).resource(created).updateStatus();
      }
    }
    for (Class<? extends HasMetadata> type : List.of(ReplicaSet.class, Pod.class)) {
      for (HasMetadata item : items) {
        if (type.isInstance(item)) {
          String old = item.getMetadata().getUid();
          item.getMetadata().setUid(null);
          for (OwnerReference owner : item.getMetadata().getOwnerReferences()) {
            owner.setUid(uids.get(owner.getUid()));
          }
          HasMetadata created = client.resource(item).inNamespace(NS).create();
          uids.put(old, created.getMetadata().getUid());
        }
      }
    }
    for (HasMetadata item : items) {
      if (item instanceof Event event) {
        event.getInvolvedObject().setUid(uids.get(event.getInvolvedObject().getUid()));
        client.v1().events().inNamespace(NS).resource(event).create();
      }
    }
    assertThat(uids).hasSize(5).doesNotContainValue(null);
  }

  /**
   * The discovery documents an API server derives from the CRD: its group with the preferred version in
   * {@code /apis}, and the kind's names, scope and subresources in {@code /apis/GROUP/VERSION}.
   */
  private void serveDiscovery(CustomResourceDefinition crd) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    String version = crd.getSpec().getVersions().get(0).getName();
    String groupVersion = crd.getSpec().getGroup() + "/" + version;
    GroupVersionForDiscovery preferred = new GroupVersionForDiscoveryBuilder().withGroupVersion(groupVersion)
        .withVersion(version).build();
    server.expect().get().withPath("/apis").andReturn(200, new APIGroupListBuilder().addNewGroup()
        .withName(crd.getSpec().getGroup()).withVersions(preferred).withPreferredVersion(preferred).endGroup()
        .build()).always();
    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
    server.expect().get().withPath("/apis/" + groupVersion).andReturn(200, new APIResourceListBuilder()
        .withGroupVersion(groupVersion)
        .addNewResource().withName(names.getPlural()).withSingularName(names.getSingular()).withKind(names.getKind())
        .withNamespaced(namespaced).withShortNames(names.getShortNames())
        .withVerbs("get", "list", "watch", "create", "update", "patch", "delete").endResource()
        .addNewResource().withName(names.getPlural() + "/status").withKind(names.getKind())
        .withNamespaced(namespaced).withVerbs("get", "patch", "update").endResource()
        .build()).always();
  }

  @Test
  void bothViewsNameTheRevisionWhatChangedAndWhoChangedIt() {
    Run run = Run.withBuiltInAnalyzers("rollout/checkout", "--kubeconfig", kubeconfig.toString(), "--now", now());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).as(run.toString()).isEmpty();
    String out = run.out();
    assertThat(out).startsWith("Rollout checkout -n shop is Degraded (Failed): Aborted\n");
    String causeToEffect = between(out, "Cause → effect:\n", "Effect → cause:\n");
    assertThat(causeToEffect)
        .containsPattern("Rollout checkout: Edited \\S+ ago - Failed\n  -> ERROR: Rollout aborted update to revision 2\n")
        .containsPattern("ReplicaSet checkout-6d5f8b7c9: Created \\S+ ago - Failed\n")
        .contains("Pod checkout-6d5f8b7c9-x8k2p: Created 69s ago - Failed\n"
            + "  -> ERROR: Container [checkout] is waiting: ImagePullBackOff")
        .doesNotContain("checkout-5c7d9f8b4");
    String effectToCause = between(out, "Effect → cause:\n", "Culprits, worst first:\n");
    assertThat(effectToCause).startsWith("ERROR: Container [checkout] is waiting: ImagePullBackOff")
        .contains("  -> Container [checkout] from Rollout checkout revision 2\n",
            "  -> Image ghcr.io/acme/checkout:1.9.0-rc (updated from ghcr.io/acme/checkout:1.8.1)\n")
        .containsPattern("Rollout checkout revision 2: Edited \\S+ ago by kubectl-argo-rollouts\n");
    String culprits = between(out, "Culprits, worst first:\n", "Objects:\n");
    assertThat(culprits).startsWith("  Degraded Pod checkout-6d5f8b7c9-x8k2p [checkout]: ImagePullBackOff");
    // The stable ReplicaSet of revision 1 and its pod are healthy, not blamed.
    assertThat(out).contains("owns ReplicaSet checkout-5c7d9f8b4    Healthy", "owns Pod checkout-5c7d9f8b4-r2t6w  Healthy");
  }

  @Test
  void theJsonNamesTheRevisionItsChangeAndItsWriter() throws IOException {
    Run run = Run.withBuiltInAnalyzers("rollouts.argoproj.io/checkout", "--kubeconfig", kubeconfig.toString(),
        "--now", now(), "-o", "json");

    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.path("target").path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(doc.path("target").path("kind").asText()).isEqualTo("Rollout");
    assertThat(doc.path("health").asText()).isEqualTo("Degraded");
    JsonNode culprit = doc.path("culprits").get(0);
    assertThat(culprit.path("name").asText()).isEqualTo("checkout-6d5f8b7c9-x8k2p");
    assertThat(culprit.path("reason").asText()).isEqualTo("ImagePullBackOff");
    String json = run.out();
    assertThat(json).contains("kubectl-argo-rollouts", "ghcr.io/acme/checkout:1.8.1", "ghcr.io/acme/checkout:1.9.0-rc");
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to);
    assertThat(start).as(text).isNotNegative();
    assertThat(end).as(text).isGreaterThan(start);
    return text.substring(start + from.length(), end);
  }

  /**
   * The dump's moment for the failing pod as this server dated it: the server stamps creation times itself, so
   * the dump's other times were moved by as much (see {@link #dump}) and blame looks 69 s after the pod was
   * created, as the golden does.
   */
  private String now() {
    String created = client.pods().inNamespace(NS).withName("checkout-6d5f8b7c9-x8k2p").get().getMetadata()
        .getCreationTimestamp();
    return Instant.parse(created).plus(Duration.between(DUMP_POD_CREATED, DUMP_NOW)).toString();
  }

  /** The dump with every timestamp moved so that its failing pod's creation is now. */
  private List<HasMetadata> dump() throws IOException {
    String text;
    try (InputStream in = RolloutLiveTest.class.getResourceAsStream("/dumps/rollout-aborted.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Duration shift = Duration.between(DUMP_POD_CREATED, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    String moved = TIMESTAMP.matcher(text).replaceAll(m -> Instant.parse(m.group()).plus(shift).toString());
    return client.getKubernetesSerialization().unmarshal(moved, KubernetesList.class).getItems();
  }

  private CustomResourceDefinition crd() throws IOException {
    try (InputStream in = RolloutLiveTest.class.getResourceAsStream("/crds/rollouts.argoproj.io.yaml")) {
      return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    }
  }
}
