package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.GroupKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What kubectl users type, resolved to kinds: short names, plurals, kind.group, and CRD kinds from a dump. */
class ResourceResolverTest {

  static final ResourceResolver RESOLVER = new ResourceResolver(List.of(
      new ResourceType(GroupKind.of("example.dev", "WebApp"), "webapps", "webapp", List.of("wa"), true, "v1alpha1"),
      ResourceType.guessed(GroupKind.of("acme.io", "Policy")),
      ResourceType.guessed(GroupKind.of("gateway.networking.k8s.io", "HTTPRoute"))), List::of);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      deploy                        | Deployment.apps
      deployment                    | Deployment.apps
      deployments                   | Deployment.apps
      Deployment                    | Deployment.apps
      deployment.apps               | Deployment.apps
      deployments.apps              | Deployment.apps
      deployments.v1.apps           | Deployment.apps
      sts                           | StatefulSet.apps
      statefulsets                  | StatefulSet.apps
      ds                            | DaemonSet.apps
      rs                            | ReplicaSet.apps
      po                            | Pod
      pods                          | Pod
      pod.v1                        | Pod
      svc                           | Service
      ing                           | Ingress.networking.k8s.io
      ingresses                     | Ingress.networking.k8s.io
      hpa                           | HorizontalPodAutoscaler.autoscaling
      pvc                           | PersistentVolumeClaim
      pv                            | PersistentVolume
      cm                            | ConfigMap
      sa                            | ServiceAccount
      no                            | Node
      ns                            | Namespace
      job                           | Job.batch
      jobs.batch                    | Job.batch
      cj                            | CronJob.batch
      pdb                           | PodDisruptionBudget.policy
      ep                            | Endpoints
      endpointslices                | EndpointSlice.discovery.k8s.io
      crd                           | CustomResourceDefinition.apiextensions.k8s.io
      events                        | Event
      events.events.k8s.io          | Event.events.k8s.io
      sc                            | StorageClass.storage.k8s.io
      webapp                        | WebApp.example.dev
      webapps                       | WebApp.example.dev
      wa                            | WebApp.example.dev
      WebApp                        | WebApp.example.dev
      webapps.example.dev           | WebApp.example.dev
      webapp.v1alpha1.example.dev   | WebApp.example.dev
      policies                      | Policy.acme.io
      policy                        | Policy.acme.io
      httproutes                    | HTTPRoute.gateway.networking.k8s.io
      """)
  void resolvesWhatKubectlResolves(String typed, String kind) {
    assertThat(RESOLVER.resolve(typed).kind).hasToString(kind);
  }

  @Test
  void scopeAndVersionComeWithTheType() {
    assertThat(RESOLVER.resolve("no").namespaced).isFalse();
    assertThat(RESOLVER.resolve("deploy").namespaced).isTrue();
    assertThat(RESOLVER.resolve("deploy").apiVersion()).isEqualTo("apps/v1");
    assertThat(RESOLVER.resolve("wa").apiVersion()).isEqualTo("example.dev/v1alpha1");
    assertThat(RESOLVER.resolve("policies").namespaced).isNull();
  }

  @Test
  void unknownTypeIsNamedLikeKubectlDoes() {
    assertThatThrownBy(() -> RESOLVER.resolve("deploymnet"))
        .isInstanceOf(CliException.class)
        .hasMessage("the server doesn't have a resource type \"deploymnet\"");
    assertThatThrownBy(() -> RESOLVER.resolve("deploy.batch"))
        .hasMessage("the server doesn't have a resource type \"deploy.batch\"");
  }

  @Test
  void sameNameInTwoUnknownGroupsIsAmbiguous() {
    ResourceResolver two = new ResourceResolver(List.of(
        ResourceType.guessed(GroupKind.of("a.io", "Widget")), ResourceType.guessed(GroupKind.of("b.io", "Widget"))),
        List::of);
    assertThatThrownBy(() -> two.resolve("widgets"))
        .hasMessageContaining("ambiguous").hasMessageContaining("widgets.a.io, widgets.b.io");
    assertThat(two.resolve("widgets.b.io").kind).isEqualTo(GroupKind.of("b.io", "Widget"));
  }

  @Test
  void discoveryIsAskedOnlyForNamesTheTableDoesNotKnow() {
    int[] calls = {0};
    ResourceResolver live = new ResourceResolver(List.of(), () -> {
      calls[0]++;
      return List.of(new ResourceType(GroupKind.of("argoproj.io", "Rollout"), "rollouts", "rollout",
          List.of("ro"), true, "v1alpha1"));
    });
    assertThat(live.resolve("deploy").kind).isEqualTo(GroupKind.DEPLOYMENT);
    assertThat(calls[0]).isZero();
    assertThat(live.resolve("ro").kind).isEqualTo(GroupKind.of("argoproj.io", "Rollout"));
    assertThat(live.resolve("rollouts").kind).isEqualTo(GroupKind.of("argoproj.io", "Rollout"));
    assertThat(calls[0]).isOne();
  }

  @Test
  void kindsFromADumpResolveOnTheCommandLine() {
    String crd = Run.resource("dumps/crd.yaml");
    for (String typed : List.of("webapp/shop", "wa/shop", "webapps.example.dev/shop", "WebApp/shop",
        "webapp.v1alpha1.example.dev/shop")) {
      Run run = Run.of("-f", crd, typed, "-o", "json");
      assertThat(run.code()).as(typed + ": " + run).isZero();
      assertThat(run.out()).contains("\"apiVersion\" : \"example.dev/v1alpha1\"", "\"kind\" : \"WebApp\"");
    }
  }
}
