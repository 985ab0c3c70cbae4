package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.demo.ControllerSimulator;
import dev.blame.demo.DemoCluster;
import dev.blame.demo.Edits;
import dev.blame.demo.Scenario;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl blame wait} with the built-in analyzers against the demo cluster's scenarios. */
@Timeout(120)
class WaitCommandTest {

  static DemoCluster cluster;
  static ControllerSimulator simulator;
  static Path kubeconfig;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.start(cluster);
    kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"), "default");
    for (Scenario s : new Scenario[] {Scenario.IMAGE_PULL_ERROR, Scenario.UNSCHEDULABLE, Scenario.QUOTA,
        Scenario.CRASHLOOP_STATEFULSET, Scenario.TALK}) {
      s.play(cluster.client(), Duration.ofSeconds(30));
    }
  }

  @AfterAll
  static void stop() {
    simulator.close();
    cluster.close();
  }

  static Run blameWait(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), env, false,
        builder -> { });
    String[] all = new String[args.length + 3];
    all[0] = "wait";
    all[1] = "--kubeconfig";
    all[2] = kubeconfig.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int code = BlameCli.run(cli, all);
    return new Run(code, out.toString(), err.toString());
  }

  static Run blameWait(String... args) {
    return blameWait(Map.of(), args);
  }

  @Test
  void aCrashLoopFailsNamingThePodTheReasonTheRevisionAndTheEvents() {
    Run run = blameWait("deploy/my-busybox", "-n", "talk", "--timeout", "60s");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED after", "deployment.apps/my-busybox", "Culprits:",
        "Revision change: Deployment my-busybox revision 2 (from 1)", "busybox:v3",
        "Last events:", "BackOff");
    // Which finding leads depends on the moment: backing off, or running again after its restarts.
    assertThat(run.out()).containsPattern("pod/my-busybox-\\w+-\\w+ \\[busybox\\] (CrashLoopBackOff|Restarted|NonZeroExit)");
  }

  @Test
  void anImagePullErrorFailsOnceTheGraceRunsOut() {
    Run run = blameWait("deploy/checkout", "-n", "image-pull-error", "--grace", "1s", "--timeout", "60s");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).containsPattern("pod/checkout-\\w+-\\w+ \\[checkout\\] (ImagePullBackOff|ErrImagePull)");
  }

  @Test
  void anUnschedulablePodFails() {
    Run run = blameWait("deploy/analytics", "-n", "unschedulable", "--grace", "1s", "--timeout", "60s");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("Unschedulable", "Insufficient cpu");
  }

  @Test
  void withMoreGraceThanTimeItTimesOutNamingWhatIsPending() {
    Run run = blameWait(Map.of("GITHUB_ACTIONS", "true"), "deploy/analytics", "-n", "unschedulable", "--grace", "10m",
        "--timeout", "2s");
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("TIMED OUT after 2s, still pending:", "deployment.apps/analytics",
        "::error title=Rollout timed out after 2s::deployment.apps/analytics");
  }

  @Test
  void aSelectorOrTypeAndNamesChooseWhatToWaitFor() throws Exception {
    Run selected = blameWait("deploy", "-l", "app=web", "-n", "quota", "--timeout", "60s", "-o", "json");
    assertThat(selected.code()).as(selected.toString()).isEqualTo(1);
    JsonNode doc = Schema.assertValid("wait", selected.out());
    assertThat(doc.path("objects")).hasSize(1);
    assertThat(doc.path("objects").get(0).path("name").asText()).isEqualTo("web");
    assertThat(doc.path("outcome").asText()).isEqualTo("Failed");
    Run named = blameWait("deploy", "web", "-n", "quota", "--timeout", "60s");
    assertThat(named.code()).as(named.toString()).isEqualTo(1);
    assertThat(named.out()).containsPattern("FAILED after \\d+\\.\\ds: deployment.apps/web");
    Run none = blameWait("deploy", "-l", "app=nothing", "-n", "quota");
    assertThat(none.code()).isEqualTo(3);
    assertThat(none.err()).contains("-l app=nothing").hasLineCount(1);
    Run typeAlone = blameWait("deploy", "-n", "quota");
    assertThat(typeAlone.code()).isEqualTo(3);
    assertThat(typeAlone.err()).contains("wait needs names or -l");
  }

  @Test
  void aQuotaFailsWithJsonAnnotationsAndAJunitReport() throws Exception {
    Path junit = dir.resolve("reports/wait.xml");
    Run run = blameWait(Map.of("GITHUB_ACTIONS", "true"), "deploy/web", "-n", "quota", "--timeout", "60s",
        "-o", "json", "--junit-report", junit.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    String json = run.out().substring(0, run.out().indexOf("\n::error"));
    JsonNode doc = Schema.assertValid("wait", json);
    assertThat(doc.path("outcome").asText()).isEqualTo("Failed");
    assertThat(doc.path("objects").get(0).path("health").asText()).isEqualTo("Degraded");
    assertThat(doc.path("exitCode").asInt()).isEqualTo(1);
    assertThat(doc.path("objects").get(0).path("phase").asText()).isEqualTo("Doomed");
    assertThat(doc.path("culprits").get(0).path("reason").asText()).isEqualTo("FailedCreate");
    assertThat(doc.path("culprits").get(0).path("kind").asText()).isEqualTo("ReplicaSet");
    assertThat(run.out()).contains("::error title=Rollout failed%3A ReplicaSet web-", "exceeded quota");
    String xml = Files.readString(junit);
    assertThat(xml).contains("<testsuite name=\"kubectl-blame wait\" tests=\"1\" failures=\"1\" errors=\"0\"",
        "<testcase classname=\"quota\" name=\"deployment.apps/web\"", "<failure type=\"RolloutFailed\"",
        "exceeded quota");
  }

  @Test
  void aStatefulSetStuckOnACrashingPodFails() {
    Run run = blameWait("sts/db", "-n", "crashloop-statefulset", "--timeout", "60s");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).containsPattern("pod/db-0 \\[postgres\\] (CrashLoopBackOff|Restarted|NonZeroExit)");
  }

  @Test
  void aHealthyRolloutWaitedForRightAfterTheEditIsNotDoneBeforeItsNewRevision() throws Exception {
    Scenario.HEALTHY_ROLLOUT.play(cluster.client(), Duration.ofSeconds(30));
    // The edit to nginx:1.26 has just been written: the status still describes revision 1, complete.
    Run run = blameWait("deploy/api", "-n", "healthy-rollout", "--timeout", "60s");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Rolled out: 1 of 1 objects complete");
    Deployment api = cluster.client().apps().deployments().inNamespace("healthy-rollout").withName("api").get();
    assertThat(api.getStatus().getObservedGeneration()).isEqualTo(api.getMetadata().getGeneration());
    assertThat(api.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(api.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(api.getStatus().getReplicas()).isEqualTo(3);
  }

  @Test
  void manifestsAreWaitedForObjectByObject() throws Exception {
    Path manifests = dir.resolve("sts.yaml");
    Files.writeString(manifests, """
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {clusterIP: None, selector: {app: db}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec: {replicas: 3, serviceName: db, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}}}
        """);
    Run run = blameWait("-f", manifests.toString(), "-n", "crashloop-statefulset", "--timeout", "60s");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("statefulset.apps/db", "pod/db-0 [postgres]");
  }

  @Test
  void badInputAndMissingObjectsExitThree() {
    Run missing = blameWait("deploy/nope", "-n", "quota");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("\"nope\" not found in namespace \"quota\"");
    assertThat(blameWait("deploy/web", "-n", "quota", "--timeout", "soon").code()).isEqualTo(3);
    assertThat(blameWait().code()).isEqualTo(3);
    Run file = blameWait("-f", dir.resolve("absent.yaml").toString());
    assertThat(file.code()).as(file.toString()).isEqualTo(3);
  }

  @Test
  void secretsInTheManifestsAreSkippedWithANoteNotAFailure() throws Exception {
    Path manifests = Files.createDirectories(dir.resolve("with-secret"));
    Files.writeString(manifests.resolve("app.yaml"), """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec: {replicas: 3, serviceName: db, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: app-creds}
        stringData: {password: hunter2}
        """);
    Run run = blameWait("-f", manifests.toString(), "-n", "crashloop-statefulset", "--timeout", "60s");
    // The StatefulSet is judged (it fails: exit 1); the Secret neither fails the wait nor is reported missing.
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("note: not waiting for secret/app-creds").doesNotContain("not found", "hunter2");
    assertThat(run.out()).contains("statefulset.apps/db").doesNotContain("hunter2");
  }

  @Test
  void outOfRangeDurationsAreUsageErrorsNotRolloutFailures() {
    Run timeout = blameWait("deploy/web", "-n", "quota", "--timeout", "99999999999999999999");
    assertThat(timeout.code()).as(timeout.toString()).isEqualTo(3);
    assertThat(timeout.err()).contains("--timeout", "out of range").hasLineCount(1);
    Run request = blameWait("deploy/web", "-n", "quota", "--request-timeout", "2147484");
    assertThat(request.code()).as(request.toString()).isEqualTo(3);
    assertThat(request.err()).contains("--request-timeout 2147484 is out of range").hasLineCount(1);
  }

  /**
   * A literal env value the failing edit changed: hashed in wait's text, JSON and {@code ::notice} unless
   * {@code --show-env-values} is given; also in the change-cause that `kubectl set env --record` wrote.
   */
  @Test
  void envValuesInTheRevisionChangeAreHashedUnlessAskedFor() throws Exception {
    String ns = "env-values";
    cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(ns).endMetadata().build()).create();
    var apps = cluster.client().apps().deployments().inNamespace(ns);
    apps.resource(envDeployment(ns, "hunter2-OLD-literal", "sleep 3600")).create();
    apps.withName("web").waitUntilCondition(d -> d != null && d.getStatus() != null
        && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas()), 60, java.util.concurrent.TimeUnit.SECONDS);
    Edits.retryingOnConflict(apps.withName("web"), d -> envDeployment(ns, "hunter2-NEW-literal", "exit 1"));
    String oldHash = EnvValuesTest.hash("hunter2-OLD-literal");
    String newHash = EnvValuesTest.hash("hunter2-NEW-literal");
    for (String format : new String[] {"text", "json"}) {
      Run hidden = blameWait(Map.of("GITHUB_ACTIONS", "true"), "deploy/web", "-n", ns, "--grace", "0s",
          "--timeout", "60s", "-o", format);
      assertThat(hidden.code()).as(hidden.toString()).isEqualTo(1);
      assertThat(hidden.out()).contains("DB_PASSWORD", oldHash, newHash);
      assertThat(hidden.out() + hidden.err()).doesNotContain("hunter2");
      Run shown = blameWait(Map.of("GITHUB_ACTIONS", "true"), "deploy/web", "-n", ns, "--grace", "0s",
          "--timeout", "60s", "-o", format, "--show-env-values");
      assertThat(shown.code()).as(shown.toString()).isEqualTo(1);
      assertThat(shown.out()).contains("hunter2-OLD-literal", "hunter2-NEW-literal").doesNotContain(oldHash, newHash);
      if (format.equals("text")) {
        assertThat(hidden.out()).containsPattern("::notice title=Revision change::.*DB_PASSWORD.*" + newHash);
        assertThat(shown.out()).containsPattern("::notice title=Revision change::.*hunter2-NEW-literal");
      }
    }
  }

  private static Deployment envDeployment(String ns, String password, String script) {
    return new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder().withNewMetadata().withName("web")
        .withNamespace(ns).addToAnnotations("kubernetes.io/change-cause",
            "kubectl set env deployment/web DB_PASSWORD=" + password + " --record=true").endMetadata().withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage("busybox:1").withCommand("sh", "-c", script)
        .addNewEnv().withName("DB_PASSWORD").withValue(password).endEnv().endContainer().endSpec().endTemplate()
        .endSpec().build();
  }

  /** Manifests that name their namespace are waited for there, as kubectl apply puts them, without -n. */
  @Test
  void manifestsNamingTheirNamespaceAreWaitedForThere() throws Exception {
    Path manifests = dir.resolve("elsewhere.yaml");
    Files.writeString(manifests, """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: crashloop-statefulset}
        spec: {replicas: 3, serviceName: db, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: quota}
        spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}}}
        """);
    Run run = blameWait("-f", manifests.toString(), "--timeout", "60s", "-o", "json");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    JsonNode doc = Schema.assertValid("wait", run.out());
    assertThat(doc.path("objects")).hasSize(2);
    assertThat(doc.path("objects").findValuesAsText("namespace")).contains("crashloop-statefulset", "quota");
    assertThat(doc.path("objects").findValuesAsText("phase")).doesNotContain("Pending");
    assertThat(run.out() + run.err()).doesNotContain("not found", "does not exist");
    Path one = dir.resolve("one-namespace.yaml");
    Files.writeString(one, manifests.toFile().exists() ? Files.readString(manifests).split("---")[1] : "");
    Run there = blameWait("-f", one.toString(), "--timeout", "60s");
    assertThat(there.code()).as(there.toString()).isEqualTo(1);
    assertThat(there.out()).contains("deployment.apps/web", "exceeded quota");
    Run conflict = blameWait("-f", one.toString(), "-n", "talk");
    assertThat(conflict.code()).as(conflict.toString()).isEqualTo(3);
    assertThat(conflict.err()).contains("\"quota\"", "-n talk").hasLineCount(1);
  }

  /** A bug inside wait exits 3 with one line: never 1 or 2, which mean a failed or timed-out rollout. */
  @Test
  void anInternalErrorExitsThreeNotAsARolloutFailure() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Map.of(),
        false, builder -> {
          throw new IllegalStateException("a bug");
        });
    int code = BlameCli.run(cli, new String[] {"wait", "--kubeconfig", kubeconfig.toString(), "deploy/web", "-n",
        "quota", "--timeout", "10s"});
    Run run = new Run(code, out.toString(), err.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: internal error: ").hasLineCount(1).doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }
}
