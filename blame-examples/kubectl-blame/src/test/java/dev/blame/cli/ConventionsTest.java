package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl's conventions: several targets, -l, -A, every argument used or refused, errors on one line. */
class ConventionsTest {

  static final String TALK = Run.resource("dumps/talk.yaml");

  @TempDir
  Path dir;

  @Test
  void typeThenSeveralNamesBlamesEachInOrder() throws IOException {
    Run run = Run.of("-f", TALK, "rs", "my-busybox-v10", "my-busybox-v9", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(targets(run.out())).containsExactly("ReplicaSet/my-busybox-v10", "ReplicaSet/my-busybox-v9");
  }

  @Test
  void severalTypeSlashNames() throws IOException {
    Run run = Run.of("-f", TALK, "rs/my-busybox-v9", "deploy/my-busybox", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(targets(run.out())).containsExactly("ReplicaSet/my-busybox-v9", "Deployment/my-busybox");
    Run tree = Run.of("-f", TALK, "rs/my-busybox-v9", "deploy/my-busybox");
    assertThat(tree.code()).as(tree.toString()).isZero();
    assertThat(tree.out()).contains("my-busybox-v9", "Deployment");
  }

  @Test
  void oneNamedObjectIsStillOneDocument() throws IOException {
    Run run = Run.of("-f", TALK, "deploy", "my-busybox", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).path("target").path("name").asText()).isEqualTo("my-busybox");
  }

  @Test
  void noArgumentIsDroppedSilently() {
    Run extra = Run.of("-f", TALK, "deploy", "my-busybox", "puller");
    assertThat(extra.code()).isEqualTo(ExitCode.ERROR);
    assertThat(extra.err()).contains("\"puller\" not found").doesNotContain("Exception");
    assertThat(extra.out()).isEmpty();
    Run mixed = Run.of("-f", TALK, "deploy/my-busybox", "puller");
    assertThat(mixed.code()).isEqualTo(ExitCode.ERROR);
    assertThat(mixed.err()).contains("\"puller\" is not TYPE/NAME");
  }

  @Test
  void aSelectorBlamesTheMatchingObjectsOfTheType() throws IOException {
    Run run = Run.of("-f", TALK, "pods", "-l", "app=my-busybox,pod-template-hash in (v10)", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(targets(run.out())).containsExactly("Pod/my-busybox-pod-v10");
    Run both = Run.of("-f", TALK, "pods", "--selector", "app=my-busybox", "-o", "json");
    assertThat(targets(both.out())).containsExactlyInAnyOrder("Pod/my-busybox-pod-v10", "Pod/my-busybox-pod-v9");
    Run none = Run.of("-f", TALK, "pods", "-l", "app=nothing");
    assertThat(none.code()).isEqualTo(ExitCode.ERROR);
    assertThat(none.err()).contains("-l app=nothing");
    Run bad = Run.of("-f", TALK, "pods", "-l", "app in (a");
    assertThat(bad.code()).isEqualTo(ExitCode.ERROR);
    assertThat(bad.err()).contains("-l/--selector \"app in (a\"").hasLineCount(1);
  }

  @Test
  void statusTakesASelectorToo() throws IOException {
    Run run = Run.of("status", "-f", TALK, "-l", "pod-template-hash=v9", "-o", "json");
    assertThat(run.code()).as(run.toString()).isZero();
    List<String> names = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).forEach(row -> names.add(row.path("kind").asText() + "/"
        + row.path("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("ReplicaSet/my-busybox-v9", "Pod/my-busybox-pod-v9");
  }

  @Test
  void allNamespacesWithATypeAndNotWithNames() throws IOException {
    Run all = Run.of("-f", TALK, "rs", "-A", "-o", "json");
    assertThat(all.code()).as(all.toString()).isZero();
    assertThat(targets(all.out())).containsExactly("ReplicaSet/my-busybox-v10", "ReplicaSet/my-busybox-v9");
    Run named = Run.of("-f", TALK, "deploy", "my-busybox", "-A");
    assertThat(named.code()).isEqualTo(ExitCode.ERROR);
    assertThat(named.err()).contains("-A");
  }

  @Test
  void aNameWithoutItsTypeIsSaidSo() {
    Run run = Run.of("-f", TALK, "my-busybox");
    assertThat(run.code()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("\"my-busybox\" is not a resource type", "deploy/my-busybox")
        .doesNotContain("names a type");
  }

  @Test
  void emptyNoColorKeepsColourOn() {
    assertThat(Cli.wantsColor(Map.of())).isTrue();
    assertThat(Cli.wantsColor(Map.of("NO_COLOR", ""))).isTrue();
    assertThat(Cli.wantsColor(Map.of("NO_COLOR", "1"))).isFalse();
    assertThat(Cli.wantsColor(Map.of("TERM", "dumb"))).isFalse();
  }

  @Test
  void asAPluginUsageSaysKubectlBlame() {
    StringWriter out = new StringWriter();
    Cli plugin = new Cli(new PrintWriter(out), new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]),
        Map.of(), false, Run.TEST_ANALYZERS, "kubectl blame");
    assertThat(BlameCli.run(plugin, "--help")).isZero();
    assertThat(out.toString()).contains("Usage: kubectl blame ").doesNotContain("kubectl-blame [");
    Run direct = Run.of("--help");
    assertThat(direct.out()).contains("Usage: kubectl-blame ");
  }

  @Test
  void aRefusedConnectionIsOneLineWithoutJavaClassNames() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://127.0.0.1:" + port, "default");
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5");
    assertThat(run.code()).isEqualTo(ExitCode.ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("error: cannot reach the cluster").contains(String.valueOf(port))
        .contains("connection refused").doesNotContain("Exception").doesNotContain("java.").doesNotContain("io.");
  }

  @Test
  void wrappedClassNamesBecomeWords() {
    String message = Errors.oneLine(new IllegalStateException(
        "Operation: [list] failed: java.net.UnknownHostException: kubernetes.default.svc",
        new java.net.UnknownHostException("kubernetes.default.svc")));
    assertThat(message).isEqualTo("Operation: [list] failed: unknown host kubernetes.default.svc");
    assertThat(Errors.connection(new RuntimeException("x", new java.net.ConnectException("Connection refused")),
        "https://10.0.0.1:6443")).isEqualTo("connection refused (https://10.0.0.1:6443)");
  }

  @Test
  void completionForEveryShellAndThroughKubectl() {
    Run bash = Run.of("completion");
    assertThat(bash.code()).isZero();
    assertThat(bash.out()).contains("complete -F", "kubectl-blame");
    Run zsh = Run.of("completion", "zsh");
    assertThat(zsh.code()).as(zsh.toString()).isZero();
    assertThat(zsh.out()).startsWith("#compdef kubectl-blame").contains("kubectl-blame __complete");
    Run fish = Run.of("completion", "fish");
    assertThat(fish.out()).contains("complete -c kubectl-blame", "kubectl-blame __complete");
    Run tcsh = Run.of("completion", "tcsh");
    assertThat(tcsh.code()).isEqualTo(ExitCode.ERROR);
    assertThat(tcsh.err()).contains("\"tcsh\"");

    // kubectl runs `kubectl_complete-blame ARGS... CURRENT`, which runs `kubectl-blame __complete ...`.
    List<String> first = Run.of("__complete", "").out().lines().toList();
    assertThat(first).contains("status", "wait", "deployments", "deploy").doesNotContain("__complete", "__train");
    assertThat(first.get(first.size() - 1)).isEqualTo(":" + CompleteCommand.NO_FILE);
    List<String> types = Run.of("__complete", "-n", "shop", "st").out().lines().toList();
    assertThat(types).contains("statefulsets", "status", "sts").doesNotContain("deploy");
    List<String> options = Run.of("__complete", "deploy/web", "--sel").out().lines().toList();
    assertThat(options).contains("--selector");
    List<String> files = Run.of("__complete", "-f", "").out().lines().toList();
    assertThat(files).last().isEqualTo(":" + CompleteCommand.DEFAULT);
  }

  /**
   * Names come from kubectl's own completion, asked with the namespace, context and kubeconfig given; a kubectl
   * that hangs or fails costs at most a few seconds and prints nothing. A fake kubectl records what it was asked.
   */
  @Test
  void namesAreCompletedByKubectlWithTheGivenNamespaceAndContext(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path asked = dir.resolve("asked");
    Path kubectl = dir.resolve("kubectl");
    Files.writeString(kubectl, "#!/bin/sh\necho \"$*\" >> " + asked + "\n"
        + "case \"$*\" in\n"
        + "  *namespaces*) printf 'shop\\nshipping\\n:4\\n' ;;\n"
        + "  *deploy/w*) printf 'deploy/web\\ndeploy/worker\\n:4\\n' ;;\n"
        + "  *'deploy w'*) printf 'web\\nworker\\nnot one word\\n\\033[2Jevil\\n:4\\n' ;;\n"
        + "  *) exit 1 ;;\n"
        + "esac\n");
    kubectl.toFile().setExecutable(true);
    Map<String, String> env = Map.of("KUBECTL_BLAME_KUBECTL", kubectl.toString());

    assertThat(complete(env, "-n", "shop", "--context", "prod", "deploy", "w"))
        .containsExactly("web", "worker", ":" + CompleteCommand.NO_FILE);
    assertThat(complete(env, "--namespace=shop", "deploy/w")).containsExactly("deploy/web", "deploy/worker", ":4");
    assertThat(complete(env, "wait", "-n", "shop", "deploy", "w")).containsExactly("web", "worker", ":4");
    assertThat(complete(env, "--context", "prod", "-n", "sh")).containsExactly("shop", "shipping", ":4");
    assertThat(Files.readAllLines(asked)).containsExactly(
        "__complete get -n shop --context prod deploy w",
        "__complete get --namespace=shop deploy/w",
        "__complete get -n shop deploy w",
        "__complete get --context prod namespaces sh");
    // Where a type goes, types; after TYPE/NAME, nothing more is asked of kubectl; options only after a dash.
    assertThat(complete(env, "dep")).contains("deployments", "deploy").doesNotContain("--selector");
    assertThat(complete(env, "deploy/web", "")).containsExactly(":4");
    assertThat(Files.readAllLines(asked)).hasSize(4);
    // No kubectl, or one that fails: no names, no error.
    assertThat(complete(Map.of("KUBECTL_BLAME_KUBECTL", dir.resolve("absent").toString()), "deploy", ""))
        .containsExactly(":4");
    assertThat(complete(env, "pods", "")).containsExactly(":4");
  }

  private static List<String> complete(Map<String, String> env, String... words) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    Cli cli = new Cli(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
        new java.io.ByteArrayInputStream(new byte[0]), env, false, Run.TEST_ANALYZERS);
    String[] args = new String[words.length + 1];
    args[0] = "__complete";
    System.arraycopy(words, 0, args, 1, words.length);
    assertThat(BlameCli.run(cli, args)).isZero();
    assertThat(err.toString()).isEmpty();
    return out.toString().lines().toList();
  }

  /** Options before the subcommand go to it, as kubectl's global flags do; none is dropped. */
  @Test
  void optionsBeforeTheSubcommandAreTheSubcommands() {
    Run status = Run.of("--kubeconfig", "/nonexistent/kubeconfig", "status");
    assertThat(status.code()).isEqualTo(ExitCode.ERROR);
    assertThat(status.err()).contains("/nonexistent/kubeconfig");
    Run offline = Run.of("-f", Run.resource("dumps/talk.yaml"), "-n", "demo", "status");
    assertThat(offline.code()).as(offline.toString()).isZero();
    assertThat(offline.out()).contains("my-busybox");
    Run refused = Run.of("--watch", "status", "-f", Run.resource("dumps/talk.yaml"));
    assertThat(refused.code()).isEqualTo(ExitCode.ERROR);
    assertThat(refused.err()).contains("--watch");
    // A value spelled like a subcommand stays a value.
    Run namespace = Run.of("-n", "status", "deploy/web", "-f", Run.resource("dumps/talk.yaml"));
    assertThat(namespace.err()).contains("\"status\"");
  }

  @Test
  void labelSelectors() {
    Map<String, String> labels = Map.of("app", "web", "tier", "front", "gpu", "");
    String[][] cases = {
        {"app=web", "true"}, {"app==web", "true"}, {"app=db", "false"}, {"app!=db", "true"}, {"app!=web", "false"},
        {"tier in (front, back)", "true"}, {"tier notin (front)", "false"}, {"gpu", "true"}, {"!gpu", "false"},
        {"!spot", "true"}, {"app=web,tier=back", "false"}, {"app=web, tier=front", "true"}, {"missing!=x", "true"},
        {"missing in (x)", "false"}, {"missing notin (x)", "true"}};
    for (String[] c : cases) {
      assertThat(LabelSelector.parse(c[0]).matches(labels)).as(c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
    }
    for (String bad : new String[] {"", "app=", "=web", "app in a", "a b", "app=web,"}) {
      if (bad.equals("app=")) {
        assertThat(LabelSelector.parse(bad).matches(Map.of("app", ""))).isTrue();
        continue;
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabelSelector.parse(bad)).as(bad)
          .isInstanceOf(CliException.class);
    }
  }

  private static List<String> targets(String json) throws IOException {
    JsonNode doc = new ObjectMapper().readTree(json);
    List<String> names = new ArrayList<>();
    for (JsonNode item : doc.path("items")) {
      names.add(item.path("target").path("kind").asText() + "/" + item.path("target").path("name").asText());
    }
    return names;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
