package dev.blame.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command table of docs/demo-cluster.md, driven with the kubectl on PATH (or {@code -Dblame.kubectl=FILE}, or
 * the environment variable {@code BLAME_KUBECTL}):
 * each command works, and who changed what is recorded in real managedFields. Skipped when there is no kubectl.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlCommandsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir
  static Path tmp;
  private static DemoCluster cluster;
  private static ControllerSimulator simulator;
  private static Path kubeconfig;
  private static Path kubectl;

  record Result(int exitCode, String out, String err) {
  }

  @BeforeAll
  static void start() throws IOException {
    kubectl = findKubectl().orElse(null);
    assumeTrue(kubectl != null, "no kubectl on PATH (nor -Dblame.kubectl): skipping the kubectl command table");
    cluster = DemoCluster.start();
    simulator = ControllerSimulator.builder(cluster.newClient()).tick(Duration.ofMillis(50)).start();
    kubeconfig = cluster.writeKubeconfig(tmp.resolve("kubeconfig"));
    Files.writeString(tmp.resolve("deployment.yaml"), manifest("nginx:1.25", 2));
    Path editor = tmp.resolve("editor.sh");
    Files.writeString(editor, "#!/bin/sh\nsed -i 's#image: nginx:1.26#image: nginx:1.27#' \"$1\"\n");
    editor.toFile().setExecutable(true);
  }

  private static Optional<Path> findKubectl() {
    String explicit = System.getProperty("blame.kubectl", System.getenv().getOrDefault("BLAME_KUBECTL", ""));
    if (!explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String manifest(String image, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicas: %d
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: %s
                command: ["sh", "-c", "echo web started; sleep 3600"]
                env:
                - {name: MODE, value: demo}
        """.formatted(replicas, image);
  }

  private static Result run(Duration limit, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--cache-dir", tmp.resolve("cache").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("KUBE_EDITOR", tmp.resolve("editor.sh").toString());
    Process p = pb.start();
    int code;
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
      code = -1;
    } else {
      code = p.exitValue();
    }
    return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
        StandardCharsets.UTF_8));
  }

  private static Result ok(String... args) throws IOException, InterruptedException {
    Result r = run(Duration.ofSeconds(60), args);
    assertThat(r.exitCode()).as("kubectl %s: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }

  private static Result okNow(String... args) {
    try {
      return ok(args);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Deployment as stored, managedFields included (kubectl 1.20 has no --show-managed-fields). */
  private static JsonNode deployment() {
    return DemoDispatcher.JSON.valueToTree(cluster.client().apps().deployments().inNamespace("default")
        .withName("web").get());
  }

  /** The managers owning the field at the FieldsV1 path (e.g. f:spec, f:replicas). */
  private static List<String> owners(JsonNode object, String... path) {
    List<String> owners = new ArrayList<>();
    for (JsonNode entry : object.path("metadata").path("managedFields")) {
      JsonNode node = entry.path("fieldsV1");
      for (String element : path) {
        node = node.path(element);
      }
      if (!node.isMissingNode()) {
        owners.add(entry.path("manager").asText() + "/" + entry.path("operation").asText());
      }
    }
    return owners;
  }

  private static final String[] IMAGE = {"f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"web\"}",
      "f:image"};

  private static int replicaSets() {
    return cluster.client().apps().replicaSets().inNamespace("default").withLabel("app", "web").list().getItems()
        .size();
  }

  private static void awaitRolledOut() throws IOException, InterruptedException {
    Result r = ok("rollout", "status", "deployment/web", "--timeout=60s");
    assertThat(r.out()).contains("successfully rolled out");
  }

  @Test
  @Order(1)
  void applyCreatesThenUpdatesWithTheLastAppliedConfiguration() throws Exception {
    assertThat(ok("apply", "-f", tmp.resolve("deployment.yaml").toString()).out()).contains("deployment.apps/web created");
    Files.writeString(tmp.resolve("deployment.yaml"), manifest("nginx:1.25", 3));
    assertThat(ok("apply", "-f", tmp.resolve("deployment.yaml").toString()).out()).contains("configured");

    JsonNode d = deployment();
    assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(d.path("metadata").path("annotations").path("kubectl.kubernetes.io/last-applied-configuration")
        .asText()).contains("\"replicas\":3");
    assertThat(owners(d, "f:spec", "f:replicas")).containsExactly("kubectl-client-side-apply/Update");
    Eventually.assertThat(TIMEOUT, () -> assertThat(owners(deployment(), "f:status", "f:replicas"))
        .containsExactly("kube-controller-manager/Update"));
    // API defaulting: the fields the controllers and `rollout undo` rely on are filled in.
    assertThat(d.path("spec").path("strategy").path("rollingUpdate").path("maxSurge").asText()).isEqualTo("25%");
    assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("imagePullPolicy")
        .asText()).isEqualTo("IfNotPresent");
    awaitRolledOut();
  }

  @Test
  @Order(2)
  void setImageAndEditAreRecordedUnderTheirManagers() throws Exception {
    assertThat(ok("set", "image", "deployment/web", "web=nginx:1.26").out()).contains("image updated");
    assertThat(owners(deployment(), IMAGE)).containsExactly("kubectl-set/Update");
    awaitRolledOut();

    assertThat(ok("edit", "deployment/web").out()).contains("edited");
    JsonNode d = deployment();
    assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
        .isEqualTo("nginx:1.27");
    assertThat(owners(d, IMAGE)).containsExactly("kubectl-edit/Update");
    // the env list kept its item (merged by name, not replaced)
    assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("env")).hasSize(1);
    awaitRolledOut();
  }

  @Test
  @Order(3)
  void rolloutRestartAndUndoReuseTheOldReplicaSet() throws Exception {
    assertThat(ok("rollout", "restart", "deployment/web").out()).contains("restarted");
    assertThat(owners(deployment(), "f:spec", "f:template", "f:metadata", "f:annotations",
        "f:kubectl.kubernetes.io/restartedAt")).containsExactly("kubectl-rollout/Update");
    awaitRolledOut();
    int before = replicaSets();

    assertThat(ok("rollout", "undo", "deployment/web").out()).contains("rolled back");
    awaitRolledOut();
    assertThat(replicaSets()).as("undo reuses the previous ReplicaSet").isEqualTo(before);
    // the reused ReplicaSet keeps its old number in revision-history, as the deployment controller does
    assertThat(cluster.client().apps().replicaSets().inNamespace("default").withLabel("app", "web").list()
        .getItems()).anySatisfy(rs -> assertThat(rs.getMetadata().getAnnotations())
            .containsKey("deployment.kubernetes.io/revision-history"));
    assertThat(deployment().path("spec").path("template").path("metadata").path("annotations")
        .has("kubectl.kubernetes.io/restartedAt")).isFalse();
  }

  @Test
  @Order(4)
  void patchesOfEveryType() throws Exception {
    ok("patch", "deployment", "web", "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
        + "\"env\":[{\"name\":\"EXTRA\",\"value\":\"1\"}]}]}}}}");
    JsonNode env = deployment().path("spec").path("template").path("spec").path("containers").get(0).path("env");
    assertThat(env.findValuesAsText("name")).containsExactly("MODE", "EXTRA");
    ok("patch", "deployment", "web", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\","
        + "\"value\":2}]");
    ok("patch", "deployment", "web", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"team\":\"blue\"}}}");
    JsonNode d = deployment();
    assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(d.path("metadata").path("labels").path("team").asText()).isEqualTo("blue");
    assertThat(owners(d, "f:metadata", "f:labels", "f:team")).containsExactly("kubectl-patch/Update");
    Result bad = run(TIMEOUT, "patch", "deployment", "web", "--type=json", "-p",
        "[{\"op\":\"remove\",\"path\":\"/spec/nothing\"}]");
    assertThat(bad.exitCode()).isNotZero();
    awaitRolledOut();
  }

  @Test
  @Order(5)
  void serverSideApplyOwnsItsFieldsAndReportsConflicts() throws Exception {
    Path ssa = tmp.resolve("ssa.yaml");
    Files.writeString(ssa, manifest("nginx:1.28", 2));
    Result conflict = run(TIMEOUT, "apply", "--server-side", "-f", ssa.toString());
    assertThat(conflict.exitCode()).isNotZero();
    assertThat(conflict.err()).contains("conflict with \"kubectl-");

    assertThat(ok("apply", "--server-side", "--force-conflicts", "-f", ssa.toString()).out())
        .contains("serverside-applied");
    JsonNode d = deployment();
    assertThat(owners(d, IMAGE)).containsExactly("kubectl/Apply");
    assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
        .isEqualTo("nginx:1.28");
    awaitRolledOut();
  }

  @Test
  @Order(6)
  void diffIsADryRun() throws Exception {
    Path changed = tmp.resolve("diff.yaml");
    Files.writeString(changed, manifest("nginx:1.29", 2));
    // kubectl up to 1.2x looks up dry-run support in the protobuf OpenAPI document (OpenApi serves it).
    Result diff = run(TIMEOUT, "diff", "-f", changed.toString());
    assertThat(diff.exitCode()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out()).contains("-        image: nginx:1.28", "+        image: nginx:1.29");
    assertThat(deployment().path("spec").path("template").path("spec").path("containers").get(0).path("image")
        .asText()).isEqualTo("nginx:1.28");
  }

  @Test
  @Order(7)
  void explainAndClientSideValidationUseTheServedOpenApi() throws Exception {
    // kubectl 1.20 reads /openapi/v2 (protobuf), kubectl 1.27+ /openapi/v3
    assertThat(ok("explain", "deployment.spec.strategy").out()).contains("rollingUpdate", "type");
    assertThat(ok("explain", "pods.spec.containers").out()).contains("imagePullPolicy", "readinessProbe");
    Path typo = tmp.resolve("typo.yaml");
    Files.writeString(typo, manifest("nginx:1.28", 2).replace("replicas:", "replicaz:"));
    Result invalid = run(TIMEOUT, "apply", "-f", typo.toString());
    assertThat(invalid.exitCode()).isNotZero();
    assertThat(invalid.err()).contains("unknown field \"replicaz\"");
    assertThat(deployment().path("spec").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  @Order(8)
  void getAllWatchLogsAndSortedEvents() throws Exception {
    assertThat(ok("get", "all").out()).contains("deployment.apps/web", "replicaset.apps/web-", "pod/web-");
    Result watch = run(Duration.ofSeconds(8), "get", "pods", "-w");
    assertThat(watch.out()).contains("web-");
    assertThat(watch.err()).doesNotContain("error");

    String pod = ok("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[0].metadata.name}").out();
    assertThat(ok("logs", pod).out()).isEqualTo("web started\n");
    Result missing = run(TIMEOUT, "logs", "no-such-pod");
    assertThat(missing.exitCode()).isNotZero();

    String events = ok("get", "events", "--sort-by=.lastTimestamp").out();
    assertThat(events).contains("ScalingReplicaSet");
  }

  @Test
  @Order(9)
  void statusPatchOfAJobIsKeptAndUnsupportedCommandsFail() throws Exception {
    Path job = tmp.resolve("job.yaml");
    Files.writeString(job, """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, namespace: default}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox:1.36, command: ["sh", "-c", "echo done"]}]
        """);
    ok("create", "-f", job.toString());
    // a running Job's status is the job controller's (its next pass overwrites a patch): patch a finished one
    ok("wait", "--for=condition=complete", "job/once", "--timeout=60s");
    if (ok("patch", "--help").out().contains("--subresource")) {
      ok("patch", "job", "once", "--subresource=status", "--type=merge", "-p", "{\"status\":{\"active\":7}}");
      assertThat(ok("get", "job", "once", "-o", "jsonpath={.status.active}").out()).isEqualTo("7");
    }
    String pod = okNow("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[0].metadata.name}").out();
    Result exec = run(TIMEOUT, "exec", pod, "--", "true");
    assertThat(exec.exitCode()).isNotZero();
  }

  @Test
  @Order(10)
  void jobLogsExposedServicesAndServerDryRuns() throws Exception {
    // kubectl create job's pods are found through the selector the API server generates (controller-uid)
    ok("create", "job", "hello", "--image=busybox:1.36", "--", "echo", "hello", "world");
    assertThat(ok("get", "job", "hello", "-o", "jsonpath={.spec.selector.matchLabels}").out())
        .contains("batch.kubernetes.io/controller-uid");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("logs", "job/hello").out()).isEqualTo("hello world\n"));

    ok("expose", "deployment", "web", "--port=80", "--type=NodePort");
    assertThat(ok("get", "service", "web").out()).containsPattern("NodePort +10\\.96\\.\\d+\\.\\d+ +<none> +80:3\\d{4}/TCP");

    assertThat(ok("delete", "deployment", "web", "--dry-run=server").out()).contains("deleted (server dry run)");
    assertThat(cluster.client().apps().deployments().inNamespace("default").withName("web").get()).isNotNull();
    Result unserved = run(TIMEOUT, "get", "--raw", "/apis/batch/v1beta1/namespaces/default/cronjobs");
    assertThat(unserved.exitCode()).isNotZero();
    assertThat(unserved.err()).contains("the server could not find the requested resource");
  }

  @Test
  @Order(11)
  void orphanedReplicaSetsAreAdoptedByTheNextDeployment() throws Exception {
    ok("create", "deployment", "orph", "--image=nginx:1.25", "--replicas=2");
    ok("rollout", "status", "deployment/orph", "--timeout=60s");
    List<String> pods = podNames("app=orph");
    ok("delete", "deployment", "orph", "--cascade=orphan");
    assertThat(ok("get", "rs", "-l", "app=orph", "-o", "jsonpath={.items[*].metadata.ownerReferences}").out())
        .as("the orphan finalizer removes the owner reference").isEmpty();

    ok("create", "deployment", "orph", "--image=nginx:1.25", "--replicas=2");
    ok("rollout", "status", "deployment/orph", "--timeout=60s");
    String uid = ok("get", "deployment", "orph", "-o", "jsonpath={.metadata.uid}").out();
    assertThat(ok("get", "rs", "-l", "app=orph", "-o", "jsonpath={.items[*].metadata.ownerReferences[*].uid}").out())
        .isEqualTo(uid);
    assertThat(podNames("app=orph")).as("the adopted ReplicaSet keeps its pods").isEqualTo(pods);
  }

  @Test
  @Order(12)
  void debugFailsSayingWhy() throws Exception {
    String pod = podNames("app=web").get(0);
    Result debug = run(TIMEOUT, "debug", pod, "--image=busybox:1.36");
    assertThat(debug.exitCode()).isNotZero();
    assertThat(debug.err()).contains("pods/ephemeralcontainers is not supported by the demo cluster");
  }

  @Test
  @Order(13)
  void cordonAndDrainEvictAndKeepPodsOffTheNode() throws Exception {
    List<String> before = podNames("app=web");
    assertThat(ok("drain", "demo-node", "--ignore-daemonsets", "--force", "--dry-run=server").out())
        .contains("(server dry run)");
    assertThat(podNames("app=web")).isEqualTo(before);

    ok("cordon", "demo-node");
    assertThat(ok("get", "nodes").out()).contains("Ready,SchedulingDisabled");
    Result drain = ok("drain", "demo-node", "--ignore-daemonsets", "--force", "--timeout=60s");
    assertThat(drain.out() + drain.err()).contains("evicting pod default/" + before.get(0));
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "events", "--field-selector",
        "reason=FailedScheduling").out()).contains("node(s) were unschedulable"));
    assertThat(okNow("get", "pods", "-l", "app=web").out()).contains("Pending").doesNotContain(before.get(0));

    ok("uncordon", "demo-node");
    awaitRolledOut();
  }

  @Test
  @Order(14)
  void aStaleReplaceIsAConflict() throws Exception {
    ok("create", "configmap", "settings", "--from-literal=mode=a");
    Path stale = tmp.resolve("settings.yaml");
    Files.writeString(stale, ok("get", "configmap", "settings", "-o", "yaml").out());
    ok("label", "configmap", "settings", "changed=yes");
    Result replace = run(TIMEOUT, "replace", "-f", stale.toString());
    assertThat(replace.exitCode()).isNotZero();
    assertThat(replace.err()).contains("Operation cannot be fulfilled on configmaps \"settings\": the object has "
        + "been modified");
  }

  /** kubectl 1.32's create commands write protobuf (ProtobufBodies decodes it); older ones JSON. */
  @Test
  @Order(15)
  void createCommandsOfEveryKind() throws Exception {
    ok("create", "deployment", "made", "--image=nginx:1.25", "--replicas=2", "--port=80");
    ok("rollout", "status", "deployment/made", "--timeout=60s");
    assertThat(ok("get", "deployment", "made", "-o", "jsonpath={.spec.template.spec.containers[0].ports[0]"
        + ".containerPort} {.spec.selector.matchLabels.app} {.spec.replicas}").out()).isEqualTo("80 made 2");
    ok("create", "configmap", "made", "--from-literal=a=1", "--from-literal=b=2");
    assertThat(ok("get", "configmap", "made", "-o", "jsonpath={.data.b}").out()).isEqualTo("2");
    ok("create", "secret", "generic", "made", "--from-literal=p=q");
    assertThat(ok("get", "secret", "made", "-o", "jsonpath={.data.p}").out()).isEqualTo("cQ==");
    ok("create", "service", "nodeport", "made", "--tcp=80:8080");
    assertThat(ok("get", "service", "made", "-o", "jsonpath={.spec.ports[0].targetPort}").out()).isEqualTo("8080");
    Result cronJob = run(TIMEOUT, "create", "cronjob", "made", "--image=busybox:1.36", "--schedule=*/5 * * * *", "--",
        "echo", "x");
    if (cronJob.exitCode() == 0) {
      ok("create", "job", "made-now", "--from=cronjob/made");
      Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("logs", "job/made-now").out()).isEqualTo("x\n"));
    } else {
      // kubectl up to 1.20 creates batch/v1beta1 CronJobs, which a 1.29 API server no longer serves
      assertThat(cronJob.err()).contains("the server could not find the requested resource");
    }
    ok("create", "namespace", "made");
    ok("create", "serviceaccount", "made");
    ok("create", "quota", "made", "--hard=pods=50");
    assertThat(ok("get", "quota", "made", "-o", "jsonpath={.spec.hard.pods}").out()).isEqualTo("50");
    Result pdb = run(TIMEOUT, "create", "pdb", "made", "--selector=app=made", "--min-available=1");
    // kubectl up to 1.20 creates policy/v1beta1 PodDisruptionBudgets (not served by 1.25+)
    assertThat(pdb.exitCode() == 0 || pdb.err().contains("no matches for kind \"PodDisruptionBudget\" in version "
        + "\"policy/v1beta1\"")).as(pdb.err()).isTrue();
    ok("create", "role", "made", "--verb=get", "--resource=pods");
    ok("create", "rolebinding", "made", "--role=made", "--serviceaccount=default:made");
    assertThat(ok("get", "rolebinding", "made", "-o", "jsonpath={.roleRef.name} {.subjects[0].name}").out())
        .isEqualTo("made made");
  }

  /**
   * kubectl 1.32's {@code wait} watches each object with an informer and stops it only once the watch request has
   * returned: a watch that sent its headers with its first event (the 5 s bookmark) made it take 5 s per object.
   */
  @Test
  @Order(16)
  void waitReturnsAsSoonAsTheConditionHolds() throws Exception {
    awaitRolledOut();
    long start = System.nanoTime();
    ok("wait", "--for=condition=Available", "deployment/web", "--timeout=30s");
    ok("wait", "--for=condition=Ready", "pod", "-l", "app=web", "--timeout=30s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

    ok("create", "configmap", "doomed");
    long deleting = System.nanoTime();
    ok("delete", "configmap", "doomed");
    Result gone = run(TIMEOUT, "wait", "--for=delete", "configmap/doomed", "--timeout=30s");
    // kubectl up to 1.2x says an object already gone matches nothing; later ones are satisfied
    assertThat(gone.exitCode() == 0 || gone.err().contains("no matching resources found")).as(gone.err()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - deleting)).isLessThan(Duration.ofSeconds(4));
  }

  /** kubectl 1.32 posts its access reviews in protobuf. */
  @Test
  @Order(17)
  void authCanIAnswers() throws Exception {
    assertThat(ok("auth", "can-i", "create", "deployments").out()).isEqualTo("yes\n");
    assertThat(ok("auth", "can-i", "--list").out()).contains("*.*");
    if (ok("auth", "--help").out().contains("whoami")) {
      assertThat(ok("auth", "whoami").out()).contains("demo-admin");
    }
  }

  /** {@code --chunk-size} pages with limit/continue (client-go's lists ask for 500 at a time). */
  @Test
  @Order(18)
  void chunkedListsPageThroughEverything() throws Exception {
    for (String name : List.of("page-c", "page-a", "page-b")) {
      ok("create", "configmap", name, "--from-literal=k=" + name);
    }
    Result chunked = ok("get", "configmaps", "--chunk-size=1", "-o", "name", "-v=6");
    assertThat(chunked.out()).contains("configmap/page-a\nconfigmap/page-b\nconfigmap/page-c\n");
    assertThat(chunked.err()).contains("continue=");
    Result table = ok("get", "configmaps", "--chunk-size=2");
    assertThat(table.out()).contains("page-a", "page-b", "page-c", "settings");
  }

  /** kubectl 1.32's {@code describe service} reads the endpoints from EndpointSlices, 1.20's from Endpoints. */
  @Test
  @Order(19)
  void describeServiceShowsItsEndpoints() throws Exception {
    awaitRolledOut();
    String ips = ok("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.podIP}").out();
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("describe", "service", "web").out())
        .contains(ips.split(" ")[0] + ":").doesNotContainPattern("Endpoints: +<none>"));
    assertThat(ok("get", "endpointslices", "-l", "kubernetes.io/service-name=web", "-o",
        "jsonpath={.items[0].endpoints[*].conditions.ready}").out()).contains("true");
  }

  /** {@code create token} (kubectl 1.24+): a token naming the ServiceAccount. */
  @Test
  @Order(20)
  void createTokenIssuesOne() throws Exception {
    if (!ok("create", "--help").out().contains("token")) {
      return; // kubectl 1.20 has no create token
    }
    String token = ok("create", "token", "default", "--duration=1h").out().trim();
    String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
        StandardCharsets.UTF_8);
    assertThat(claims).contains("system:serviceaccount:default:default");
    Result missing = run(TIMEOUT, "create", "token", "nobody");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("serviceaccounts \"nobody\" not found");
  }


  /**
   * Debugging a crash loop: {@code get pods} says when the last restart was ({@code 3 (5s ago)}, printPod since
   * 1.22) and {@code get events -o wide} has printEvent's priority-1 columns (SUBOBJECT, SOURCE, FIRST SEEN, COUNT).
   */
  @Test
  @Order(21)
  void aCrashLoopShowsItsLastRestartAndItsEventsCounts() throws Exception {
    ok("create", "deployment", "crash", "--image=busybox:1.36", "--", "sh", "-c", "exit 1");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "pods", "-l", "app=crash").out())
        .containsPattern("crash-\\S+ +0/1 +\\S+ +\\d+ \\(\\d+s ago\\) +\\d+s"));
    Result events = ok("get", "events", "-o", "wide", "--field-selector=reason=BackOff");
    assertThat(events.out().lines().findFirst().orElse("")).containsPattern(
        "LAST SEEN +TYPE +REASON +OBJECT +SUBOBJECT +SOURCE +MESSAGE +FIRST SEEN +COUNT +NAME");
    assertThat(events.out()).contains("spec.containers{busybox}", "kubelet, demo-node");
    ok("delete", "deployment", "crash", "--wait=false");
  }

  /**
   * Kinds newer than 1.20 (batch/v1 CronJob, policy/v1, discovery.k8s.io/v1, autoscaling/v2) are in the served
   * OpenAPI document:
   * {@code explain} knows them (it said "couldn't find resource"), client-side validation checks them, and kubectl
   * 1.20's {@code diff} finds their dryRun (it failed "failed to check CRD: failed to list CRDs").
   */
  @Test
  @Order(22)
  void explainValidateAndDiffKindsNewerThan120() throws Exception {
    assertThat(ok("explain", "cronjob.spec").out()).contains("jobTemplate", "schedule", "concurrencyPolicy");
    assertThat(ok("explain", "poddisruptionbudget.spec").out()).contains("minAvailable", "maxUnavailable");
    assertThat(ok("explain", "endpointslice").out()).contains("addressType", "endpoints");
    assertThat(ok("explain", "hpa.spec").out()).contains("behavior", "metrics", "scaleTargetRef");
    String cronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: default}
        spec:
          schedule: "0 2 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox:1.36, command: ["sh", "-c", "echo backup"]}]
        """;
    Path file = tmp.resolve("cronjob.yaml");
    Files.writeString(file, cronJob);
    ok("apply", "-f", file.toString());
    Files.writeString(file, cronJob.replace("0 2 * * *", "0 3 * * *"));
    Result diff = run(TIMEOUT, "diff", "-f", file.toString());
    assertThat(diff.exitCode()).as(diff.err()).isEqualTo(1); // 1: differences found, >1: an error
    assertThat(diff.out()).contains("-  schedule: 0 2 * * *", "+  schedule: 0 3 * * *");
    Files.writeString(file, cronJob.replace("schedule:", "schedul:"));
    Result invalid = run(TIMEOUT, "apply", "-f", file.toString());
    assertThat(invalid.exitCode()).isNotZero();
    assertThat(invalid.err()).contains("unknown field \"schedul\"");
    ok("delete", "cronjob", "nightly");
  }

  /**
   * kubectl escapes a name in the path ({@code caf%C3%A9}, {@code a%20b}); the API server decodes it before looking the
   * object up. The mock compared the escaped form: the ClusterRole was created, then "not found". Names the API
   * server's validation refuses are a 422 (they were stored).
   */
  @Test
  @Order(23)
  void namesAreDecodedFromThePathAndValidatedOnCreate() throws Exception {
    for (String name : List.of("café-reader", "system:demo reader", "a?b#c")) {
      ok("create", "clusterrole", name, "--verb=get", "--resource=pods");
      assertThat(ok("get", "clusterrole", name, "-o", "jsonpath={.metadata.name}").out()).isEqualTo(name);
      ok("label", "clusterrole", name, "checked=yes");
      assertThat(ok("get", "clusterrole", name, "-o", "jsonpath={.metadata.labels.checked}").out()).isEqualTo("yes");
      ok("delete", "clusterrole", name);
      Result gone = run(TIMEOUT, "get", "clusterrole", name);
      assertThat(gone.err()).contains("clusterroles.rbac.authorization.k8s.io \"" + name + "\" not found");
    }
    Result invalid = run(TIMEOUT, "create", "configmap", "a:b", "--from-literal=k=v");
    assertThat(invalid.exitCode()).isNotZero();
    assertThat(invalid.err()).contains("ConfigMap \"a:b\" is invalid: metadata.name: Invalid value: \"a:b\": "
        + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters");
    Result percent = run(TIMEOUT, "create", "clusterrole", "caf%C3%A9", "--verb=get", "--resource=pods");
    assertThat(percent.exitCode()).isNotZero();
    assertThat(percent.err()).contains("metadata.name: Invalid value: \"caf%C3%A9\": may not contain '%'");
  }

  /**
   * A budget's status comes from the disruption controller: `get pdb` showed ALLOWED DISRUPTIONS 0 and kubectl 1.32's
   * `describe pdb` "Current: 0, Desired: 0, Total: 0" for a Deployment of 2 ready pods (no controller filled it).
   */
  @Test
  @Order(24)
  void aDisruptionBudgetCountsItsPods() throws Exception {
    ok("create", "deployment", "guarded", "--image=nginx:1.25", "--replicas=2");
    ok("rollout", "status", "deployment/guarded", "--timeout=60s");
    Path file = tmp.resolve("pdb.yaml");
    Files.writeString(file, """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: guarded, namespace: default}
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: guarded}
        """);
    ok("apply", "-f", file.toString());
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "pdb", "guarded", "-o",
        "jsonpath={.status.currentHealthy} {.status.desiredHealthy} {.status.expectedPods} "
            + "{.status.disruptionsAllowed}").out()).isEqualTo("2 1 2 1"));
    assertThat(ok("get", "pdb", "guarded").out()).containsPattern("guarded\\s+1\\s+N/A\\s+1\\s");
    Result describe = run(TIMEOUT, "describe", "pdb", "guarded");
    if (describe.exitCode() == 0) {
      assertThat(describe.out()).containsPattern("Allowed disruptions:\\s+1").containsPattern("Current:\\s+2")
          .containsPattern("Desired:\\s+1").containsPattern("Total:\\s+2");
    } else { // kubectl 1.20 describes policy/v1beta1 budgets, which a 1.25+ server does not serve
      assertThat(describe.err()).contains("the server could not find the requested resource");
    }
    ok("delete", "pdb", "guarded");
    ok("delete", "deployment", "guarded");
  }

  /** kubectl 1.24+'s {@code get --subresource=scale} prints the server's Scale table (it printed NAME and AGE). */
  @Test
  @Order(25)
  void aScaleSubresourceIsPrintedAsTheServerPrintsIt() throws Exception {
    ok("create", "deployment", "scaled", "--image=nginx:1.25", "--replicas=2");
    ok("rollout", "status", "deployment/scaled", "--timeout=60s");
    Result scale = run(TIMEOUT, "get", "deployment", "scaled", "--subresource=scale");
    ok("delete", "deployment", "scaled");
    if (scale.err().contains("unknown flag: --subresource")) {
      return; // kubectl before 1.24
    }
    assertThat(scale.exitCode()).as(scale.err()).isZero();
    assertThat(scale.out()).containsPattern("NAME\\s+DESIRED\\s+AVAILABLE\\s+AGE")
        .containsPattern("scaled\\s+2\\s+2\\s+\\S+");
  }

  /**
   * The API server publishes each CRD version's schema in /openapi/v3 (kubectl 1.27+'s explain reads it): it was "GVR
   * (example.dev/v1, Resource=widgets) not found in OpenAPI schema"; kubectl 1.20 reads /openapi/v2, where the API
   * server merges them too (converted to Swagger 2.0): it said "couldn't find resource" (sixth trial).
   */
  @Test
  @Order(26)
  void explainReadsACustomResourcesSchema() throws Exception {
    Path file = tmp.resolve("crd.yaml");
    Files.writeString(file, """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.dev}
        spec:
          group: example.dev
          scope: Namespaced
          names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: What the widget should be.
                    properties:
                      size: {type: integer, description: How many cogs the widget turns.}
        """);
    ok("apply", "-f", file.toString());
    Result explain = run(TIMEOUT, "explain", "widgets.spec");
    Path misspelt = tmp.resolve("widget.yaml");
    Files.writeString(misspelt, """
        apiVersion: example.dev/v1
        kind: Widget
        metadata: {name: w, namespace: default}
        spec: {sise: 3}
        """);
    Result validated = run(TIMEOUT, "apply", "-f", misspelt.toString());
    ok("delete", "crd", "widgets.example.dev");
    assertThat(explain.exitCode()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("KIND:", "Widget", "What the widget should be.", "size",
        "How many cogs the widget turns.");
    assertThat(validated.exitCode()).isNotZero();
    assertThat(validated.err()).as("client-side validation against the declared schema").contains("sise");
  }

  /**
   * A drain that would break a budget is held back as on a real cluster: the eviction of the second pod answers 429
   * "Cannot evict pod as it would violate the pod's disruption budget." and drain retries until its timeout (both
   * pods were evicted: the eviction subresource did not consult budgets).
   */
  @Test
  @Order(27)
  void aDrainIsHeldBackByADisruptionBudget() throws Exception {
    ok("create", "deployment", "held", "--image=nginx:1.25", "--replicas=2");
    ok("rollout", "status", "deployment/held", "--timeout=60s");
    Files.writeString(tmp.resolve("held-pdb.yaml"), """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: held, namespace: default}
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: held}
        """);
    ok("apply", "-f", tmp.resolve("held-pdb.yaml").toString());
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "pdb", "held", "-o",
        "jsonpath={.status.disruptionsAllowed}").out()).isEqualTo("1"));
    List<String> before = podNames("app=held");
    Result drain = run(TIMEOUT, "drain", "demo-node", "--ignore-daemonsets", "--force", "--pod-selector=app=held",
        "--timeout=8s");
    ok("uncordon", "demo-node");
    assertThat(drain.exitCode()).as(drain.out() + drain.err()).isNotZero();
    assertThat(drain.out() + drain.err())
        .contains("Cannot evict pod as it would violate the pod's disruption budget.")
        .contains("global timeout reached: 8s");
    List<String> after = podNames("app=held");
    assertThat(after).as("one of the budget's pods is still there").containsAnyElementsOf(before);
    ok("delete", "pdb", "held");
    ok("delete", "deployment", "held");
  }

  /**
   * `create -f` of a manifest with generateName printed `configmap/gen--00000000-0000-0000-0000-000000001289 created`
   * (the mock's uid as the suffix); `create --dry-run=server -o yaml` showed `creationTimestamp: null` and no uid; `get
   * --raw '/readyz?verbose'` printed "ok". A real API server answers `gen-x7k2q`, the filled-in object and the checks.
   */
  @Test
  @Order(28)
  void generatedNamesDryRunCreatesAndVerboseHealth() throws Exception {
    Path generated = tmp.resolve("generated.yaml");
    Files.writeString(generated, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {generateName: gen-, namespace: default}
        """);
    assertThat(ok("create", "-f", generated.toString()).out())
        .matches("(?s)configmap/gen-[bcdfghjklmnpqrstvwxz2456789]{5} created\\s*");
    Result dry = ok("create", "deployment", "dry", "--image=nginx:1.25", "--dry-run=server", "-o",
        "jsonpath={.metadata.uid}|{.metadata.creationTimestamp}|{.metadata.generation}");
    assertThat(dry.out()).matches("[0-9a-f-]{36}\\|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\|1");
    assertThat(run(TIMEOUT, "get", "deployment", "dry").exitCode()).as("a dry run stores nothing").isNotZero();
    assertThat(ok("get", "--raw", "/readyz?verbose").out()).contains("[+]etcd ok").contains("readyz check passed");
  }

  /**
   * `certificate approve` PUTs the CertificateSigningRequest to its /approval subresource: kubectl 1.32 got a 415 (its
   * protobuf body was not decoded), 1.20 a 404 (no such subresource); `get csr` printed NAME and AGE only.
   */
  @Test
  @Order(29)
  void certificateApproveAndDenyWriteTheApprovalSubresource() throws Exception {
    // a PKCS#10 request for CN=alice, made here with `openssl req -new -newkey rsa:2048 -nodes -subj /CN=alice`
    String request = Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE REQUEST-----\n"
        + "MIICVTCCAT0CAQAwEDEOMAwGA1UEAwwFYWxpY2UwggEiMA0GCSqGSIb3DQEBAQUA\n"
        + "A4IBDwAwggEKAoIBAQC7a1oo5b1r3ylXnz3/SR5OG2klIksKwKjaCgmJVABJIfZx\n"
        + "yNqV7S7uNqC2Eyhbk2CvTZt7U78PXgBh3dJWA/pkOapaXKhr+2MTgQltPz6t3VnI\n"
        + "yyoRvJRYERHnlLX4D1I6G3TAmlYHbU3vlxAyW+fpN/UORU9SHgaWXUjBIud3v9jo\n"
        + "3vV/6ioaUHtvuGKpJWkYM9RXJ9NaD3Sfq8ExfznKz0pLWb9TP0Ui5F8cmfsfAgYW\n"
        + "XNIvN9VHyVRgSRROqnm0y515gWZOLzufc7LswP3patYclOM7YtB5hvaK+Lu/0bIL\n"
        + "Pf/mcI8hLVvsAkqZaZLIaL7+xrPGXvgVRplZofqNAgMBAAGgADANBgkqhkiG9w0B\n"
        + "AQsFAAOCAQEAR6dAOYnHpAulXuECFTDy9/Sukd8leSHwmGL6CmsAE0oZty09i8Rc\n"
        + "OLQLkqlzHxSYp6wMQ4wVl8LD583XVHzA08YQUU8fExccOMBDaPqq0RcYAt0Jnobo\n"
        + "lH9/LLwAkmD45htwAEjZ0AWsVF5kCF80WnB9mmR/3JbDYMTce46Sx5XTjBNbF9dV\n"
        + "LyTGdF97nQZyrF3zPR9UO1AsrimAmoNlOoKDD/oi3ktmTxZ6zvZb+NVsEiuzDmvT\n"
        + "GG1n+u3YSgBXAEkzhri80VOgF+F4PyQL+QToSCT1+ox/LvFE099fGu/99UNw/fYi\n"
        + "ghhqlzEjJDUax/FW0r9MlANdP58FF5y62g==\n"
        + "-----END CERTIFICATE REQUEST-----\n").getBytes(StandardCharsets.UTF_8));
    for (String name : List.of("alice", "bob")) {
      Path csr = tmp.resolve(name + "-csr.yaml");
      Files.writeString(csr, """
          apiVersion: certificates.k8s.io/v1
          kind: CertificateSigningRequest
          metadata: {name: %s}
          spec:
            request: %s
            signerName: kubernetes.io/kube-apiserver-client
            expirationSeconds: 86400
            usages: [client auth]
          """.formatted(name, request));
      ok("create", "-f", csr.toString());
    }
    assertThat(ok("get", "csr", "alice").out()).containsPattern(
        "NAME\\s+AGE\\s+SIGNERNAME\\s+REQUESTOR\\s+REQUESTEDDURATION\\s+CONDITION")
        .containsPattern("alice\\s+\\S+\\s+kubernetes.io/kube-apiserver-client\\s+demo-admin\\s+24h\\s+Pending");
    assertThat(ok("certificate", "approve", "alice").out()).contains("certificatesigningrequest.certificates.k8s.io/alice approved");
    assertThat(ok("certificate", "deny", "bob").out()).contains("certificatesigningrequest.certificates.k8s.io/bob denied");
    assertThat(ok("get", "csr", "alice", "-o", "jsonpath={.status.conditions[0].type} {.status.conditions[0].reason}")
        .out()).isEqualTo("Approved KubectlApprove");
    assertThat(ok("get", "csr").out()).containsPattern("alice\\s.*\\sApproved").containsPattern("bob\\s.*\\sDenied");
    ok("delete", "csr", "alice", "bob");
  }

  /**
   * A field selector on a label the kind does not support is refused by the server, as kube-apiserver refuses it (it
   * listed what matched, or nothing); an Event's {@code source} selects on its component (it matched nothing); a path
   * below an object is a 404 and a node's proxy a 405 (the mock answered them with every stored object).
   */
  @Test
  @Order(30)
  void unsupportedFieldSelectorsAndDeeperPathsAreRefused() throws Exception {
    Result pods = run(TIMEOUT, "get", "pods", "--field-selector=spec.foo=bar");
    assertThat(pods.exitCode()).isNotZero();
    assertThat(pods.err()).contains("field label not supported: spec.foo");
    Result deployments = run(TIMEOUT, "get", "deployments", "--field-selector=status.readyReplicas=2");
    assertThat(deployments.exitCode()).isNotZero();
    assertThat(deployments.err()).contains("\"status.readyReplicas\" is not a known field selector: only "
        + "\"metadata.name\", \"metadata.namespace\"");
    ok("run", "selected", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo selected; sleep 3600");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "pods", "--field-selector=spec.nodeName=demo-node,"
        + "status.phase=Running,metadata.name=selected", "-o", "name").out()).contains("pod/selected"));
    assertThat(ok("get", "events", "--field-selector=source=kubelet,involvedObject.name=selected", "-o",
        "jsonpath={.items[*].source.component}").out()).contains("kubelet").doesNotContain("scheduler");
    assertThat(ok("get", "--raw", "/api/v1/namespaces/default/events?limit=1&fieldSelector=source%3Dkubelet").out())
        .as("a selected list has a continue token but no remainingItemCount").contains("\"continue\"")
        .doesNotContain("remainingItemCount");
    ok("delete", "pod", "selected", "--wait=false");

    Result proxy = run(TIMEOUT, "get", "--raw", "/api/v1/nodes/demo-node/proxy/metrics");
    assertThat(proxy.exitCode()).isNotZero();
    assertThat(proxy.err()).contains("nodes/proxy is not supported by the demo cluster").doesNotContain("items");
    assertThat(proxy.out()).isEmpty();
    Result deeper = run(TIMEOUT, "get", "--raw", "/api/v1/namespaces/default/configmaps/x/y/z");
    assertThat(deeper.exitCode()).isNotZero();
    assertThat(deeper.err()).contains("the server could not find the requested resource");
    assertThat(deeper.out()).isEmpty();
  }

  /**
   * The eighth trial: a Deployment created by {@code kubectl create deployment} reads {@code generation: 1} once its
   * controller wrote the revision annotation (kubectl 1.20's template {@code creationTimestamp: null}, dropped on the
   * controller's write, made it 2), pods and config maps carry no generation (1.29 writes none for them); a JSON patch
   * whose {@code test} fails is "The request is invalid", not an invalid named object, and {@code label
   * --resource-version} with a stale version is refused with a Conflict (it was applied).
   */
  @Test
  @Order(31)
  void generationsJsonPatchTestsAndResourceVersionPreconditions() throws Exception {
    ok("create", "deployment", "gen", "--image=busybox", "--", "sh", "-c", "echo gen; sleep 3600");
    assertThat(ok("rollout", "status", "deployment/gen", "--timeout=60s").out()).contains("successfully rolled out");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "deployment", "gen", "-o",
        "jsonpath={.metadata.generation}/{.status.observedGeneration}/{.metadata.annotations}").out())
        .startsWith("1/1/").contains("deployment.kubernetes.io/revision"));
    assertThat(ok("get", "pods", "-l", "app=gen", "-o", "jsonpath={.items[*].metadata.generation}").out()).isEmpty();
    ok("create", "configmap", "gen", "--from-literal=a=1");
    assertThat(ok("get", "configmap", "gen", "-o", "jsonpath={.metadata.generation}").out()).isEmpty();

    Result failed = run(TIMEOUT, "patch", "deployment", "gen", "--type=json", "-p",
        "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":5},"
        + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");
    assertThat(failed.exitCode()).isNotZero();
    assertThat(failed.err()).contains("The request is invalid").contains("testing value /spec/replicas failed")
        .doesNotContain("\"gen\" is invalid");
    assertThat(ok("get", "deployment", "gen", "-o", "jsonpath={.spec.replicas}").out()).isEqualTo("1");

    Result stale = run(TIMEOUT, "label", "configmap", "gen", "stale=yes", "--resource-version=1");
    assertThat(stale.exitCode()).isNotZero();
    assertThat(stale.err()).contains("Error from server (Conflict): Operation cannot be fulfilled on configmaps "
        + "\"gen\": the object has been modified");
    assertThat(ok("get", "configmap", "gen", "--show-labels").out()).doesNotContain("stale=yes");
    String version = ok("get", "configmap", "gen", "-o", "jsonpath={.metadata.resourceVersion}").out();
    ok("label", "configmap", "gen", "stale=no", "--resource-version=" + version);
    ok("delete", "deployment", "gen");
    ok("delete", "configmap", "gen");
  }

  /**
   * The ninth trial: a JSON patch carrying a stale resourceVersion is a Conflict (it was applied); {@code cordon}
   * and {@code uncordon} are recorded by the kubelet ({@code describe node} showed no events); a budget over a pod
   * without a controller records UnmanagedPods; {@code get --raw /metrics} answers Prometheus text (it was a 404); a
   * Deployment whose selector misses its template is refused; {@code get rolebinding} shows ROLE.
   */
  @Test
  @Order(32)
  void ninthTrialPreconditionsNodeEventsMetricsAndValidation() throws Exception {
    ok("create", "configmap", "ninth", "--from-literal=k=v");
    Result stale = run(TIMEOUT, "patch", "configmap", "ninth", "--type=json", "-p",
        "[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"1\"},"
        + "{\"op\":\"replace\",\"path\":\"/data/k\",\"value\":\"stale\"}]");
    assertThat(stale.exitCode()).isNotZero();
    assertThat(stale.err()).contains("Error from server (Conflict): Operation cannot be fulfilled on configmaps "
        + "\"ninth\": the object has been modified");
    assertThat(ok("get", "configmap", "ninth", "-o", "jsonpath={.data.k}").out()).isEqualTo("v");

    ok("cordon", "demo-node");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("describe", "node", "demo-node").out())
        .contains("NodeNotSchedulable").contains("Node demo-node status is now: NodeNotSchedulable"));
    ok("uncordon", "demo-node");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "events", "-n", "default", "--field-selector",
        "reason=NodeSchedulable", "-o", "jsonpath={.items[*].source.component}").out()).isEqualTo("kubelet"));

    ok("run", "ninth-loner", "--image=nginx", "--labels=tier=ninth");
    Path budget = tmp.resolve("ninth-pdb.yaml");
    Files.writeString(budget, """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: ninth}
        spec: {maxUnavailable: 1, selector: {matchLabels: {tier: ninth}}}
        """);
    ok("apply", "-f", budget.toString());
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("get", "events", "--field-selector",
        "involvedObject.name=ninth,reason=UnmanagedPods", "-o", "jsonpath={.items[*].message}").out())
        .startsWith("Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:"
            + "map[string]string{tier: ninth,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be "
            + "unmanaged."));

    assertThat(ok("get", "--raw", "/metrics").out()).contains("# TYPE apiserver_request_total counter")
        .contains("apiserver_storage_objects{resource=\"configmaps\"} ");

    Path misfit = tmp.resolve("ninth-deployment.yaml");
    Files.writeString(misfit, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ninth}
        spec:
          selector: {matchLabels: {app: ninth}}
          template:
            metadata: {labels: {app: other}}
            spec: {containers: [{name: c, image: nginx}]}
        """);
    Result mismatch = run(TIMEOUT, "apply", "-f", misfit.toString());
    assertThat(mismatch.exitCode()).isNotZero();
    assertThat(mismatch.err()).contains("is invalid: spec.template.metadata.labels: Invalid value: "
        + "map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`");

    ok("create", "rolebinding", "ninth", "--clusterrole=view", "--user=alice");
    assertThat(ok("get", "rolebinding", "ninth", "-o", "wide").out()).contains("ClusterRole/view").contains("alice");
    ok("delete", "rolebinding", "ninth");
    ok("delete", "pdb", "ninth");
    ok("delete", "pod", "ninth-loner", "--wait=false");
    ok("delete", "configmap", "ninth");
  }

  /**
   * The tenth trial: {@code cordon} taints the node {@code node.kubernetes.io/unschedulable:NoSchedule} as the node
   * lifecycle controller does ({@code describe node} showed "Taints: none"), {@code uncordon} removes it; a
   * DaemonSet's pod carries the daemon set controller's tolerations ({@code describe pod} showed none); 1.32's
   * {@code debug --copy-to --share-processes} keeps shareProcessNamespace (its protobuf field was dropped).
   */
  @Test
  @Order(33)
  void tenthTrialCordonTaintAndDaemonPodTolerations() throws Exception {
    ok("cordon", "demo-node");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("describe", "node", "demo-node").out())
        .containsPattern("Taints:\\s+node.kubernetes.io/unschedulable:NoSchedule"));
    assertThat(ok("get", "node", "demo-node", "-o", "jsonpath={.spec.taints[0].timeAdded}").out())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    ok("uncordon", "demo-node");
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("describe", "node", "demo-node").out())
        .containsPattern("Taints:\\s+<none>"));

    Path daemons = tmp.resolve("tenth-daemonset.yaml");
    Files.writeString(daemons, """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: tenth}
        spec:
          selector: {matchLabels: {app: tenth}}
          template:
            metadata: {labels: {app: tenth}}
            spec: {containers: [{name: c, image: nginx}]}
        """);
    ok("apply", "-f", daemons.toString());
    Eventually.assertThat(TIMEOUT, () -> assertThat(okNow("describe", "pod", "-l", "app=tenth").out())
        .contains("node.kubernetes.io/unschedulable:NoSchedule op=Exists")
        .contains("node.kubernetes.io/not-ready:NoExecute op=Exists"));
    ok("delete", "daemonset", "tenth");

    ok("run", "tenth-source", "--image=nginx");
    ok("debug", "tenth-source", "--copy-to=tenth-copy", "--image=busybox", "--share-processes", "--attach=false");
    assertThat(ok("get", "pod", "tenth-copy", "-o", "jsonpath={.spec.shareProcessNamespace}").out()).isEqualTo("true");
    ok("delete", "pod", "tenth-source", "tenth-copy", "--wait=false");
  }

  private static List<String> podNames(String selector) {
    String names = okNow("get", "pods", "-l", selector, "-o", "jsonpath={.items[*].metadata.name}").out().trim();
    return names.isEmpty() ? List.of() : List.of(names.split(" ")).stream().sorted().toList();
  }
}
