package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.cli.server.Client;
import dev.blame.cli.server.Server;
import dev.blame.core.testing.WebRollout;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background server (docs/cli.md): a real server on a Unix domain socket in a temporary 0700 directory, running
 * the CLI as {@code __serve} does, asked by the client as the launcher asks it. Its answers are compared byte for
 * byte with the same commands run in-process, offline and live (fabric8's mock server in CRUD mode); what it must
 * refuse or decline, and how the client falls back, are checked; every server is stopped.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(120)
class BackgroundServerTest {

  static final String NS = "shop";
  static final String BUILD = "test-build";
  static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-home", "PATH", "/usr/bin");
  private static final String CANARY = "canary-served-s3cr3t";

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir
  Path dir;

  Path sockets;
  final List<Server> servers = new ArrayList<>();
  final List<Thread> threads = new ArrayList<>();

  @BeforeEach
  void privateDirectory() throws IOException {
    sockets = Files.createDirectory(dir.resolve("server"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
  }

  @AfterEach
  void stopServers() throws InterruptedException {
    servers.forEach(Server::close);
    for (Thread t : threads) {
      t.join(10_000);
      assertThat(t.isAlive()).as("server thread stopped").isFalse();
    }
  }

  /** A server running the CLI as the plugin's does, serving on a thread until the test ends. */
  Server start(Path socket, String build, Server.Runner runner) throws IOException {
    Server s = Server.bind(socket, build, ENV, runner, Server.sameUser()).orElseThrow();
    servers.add(s);
    Thread t = new Thread(() -> s.serve(Duration.ofMinutes(5), Optional.empty()), "test-server");
    t.start();
    threads.add(t);
    return s;
  }

  Server start() throws IOException {
    return start(sockets.resolve("s.sock"), BUILD, Main::runServed);
  }

  /** What the client got: exit code (null: not answered), stdout and stderr. */
  record Asked(Integer code, String out, String err, Client.Outcome outcome) { }

  static Asked ask(Path socket, String build, Path cwd, Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Client.Outcome outcome = Client.ask(socket, build, List.of(args), env, false, "kubectl blame",
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, cwd);
    return new Asked(outcome.code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), outcome);
  }

  /** The same command in-process, as {@code kubectl blame} in directory {@code cwd}. */
  static Asked inProcess(Path cwd, Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, false, b -> { }, "kubectl blame", cwd);
    int code = BlameCli.run(cli, args);
    return new Asked(code, out.toString(), err.toString(), null);
  }

  void assertSame(Path socket, Path cwd, String stdin, String... args) {
    Asked served = ask(socket, BUILD, cwd, ENV, stdin, args);
    Asked local = inProcess(cwd, ENV, stdin, args);
    assertThat(served.code()).as("served: %s", served).isEqualTo(local.code());
    assertThat(served.out()).isEqualTo(local.out());
    assertThat(served.err()).isEqualTo(local.err());
  }

  @Test
  void offlineCommandsAnswerAsInProcessWithPathsRelativeToTheClientsDirectory() throws IOException {
    start();
    Path work = Files.createDirectories(dir.resolve("work/dumps"));
    Files.copy(Path.of(Run.resource("dumps/talk.yaml")), work.resolve("talk.yaml"));
    Path cwd = work.getParent();
    Path socket = sockets.resolve("s.sock");
    for (String[] args : List.of(
        new String[] {"-f", "dumps/talk.yaml", "deploy/my-busybox", "-n", "demo"},
        new String[] {"-f", "dumps", "deploy/my-busybox", "-n", "demo", "-o", "json"},
        new String[] {"status", "-f", "dumps/talk.yaml", "-n", "demo"},
        new String[] {"-f", "dumps/talk.yaml", "deploy/nope", "-n", "demo"},
        new String[] {"-f", "missing.yaml", "deploy/web"},
        new String[] {"--no-such-flag"})) {
      assertSame(socket, cwd, "", args);
    }
    Asked answer = ask(socket, BUILD, cwd, ENV, "", "-f", "dumps/talk.yaml", "deploy/my-busybox", "-n", "demo");
    assertThat(answer.code()).isZero();
    assertThat(answer.out()).contains("Deployment my-busybox");
    Asked missing = ask(socket, BUILD, cwd, ENV, "", "-f", "missing.yaml", "deploy/web");
    assertThat(missing.code()).isEqualTo(ExitCode.ERROR);
    assertThat(missing.err()).isEqualTo("error: missing.yaml: no such file or directory; expected a manifest file or "
        + "a directory of them\n");
    // stdin: -f - reads what the client sent.
    String dump = Files.readString(work.resolve("talk.yaml"));
    assertSame(socket, cwd, dump, "-f", "-", "deploy/my-busybox", "-n", "demo", "-o", "yaml");
    assertThat(ask(socket, BUILD, cwd, ENV, dump, "-f", "-", "deploy/my-busybox", "-n", "demo").out())
        .isEqualTo(answer.out());
  }

  @Test
  void liveCommandsReadTheKubeconfigPerRequestAndNoSecretValuePasses() throws IOException {
    WebRollout.create(client, NS, true);
    client.secrets().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
        .withNewMetadata().withName("db").endMetadata()
        .addToData("password", java.util.Base64.getEncoder().encodeToString(CANARY.getBytes()))
        .build()).create();
    start();
    Path socket = sockets.resolve("s.sock");
    Path kubeconfig = LiveClusterTest.kubeconfig(dir.resolve("kube"), client.getMasterUrl().toString(), NS);
    String now = "--now=2030-01-01T00:00:00Z";
    assertSame(socket, dir, "", "deploy/web", "--kubeconfig", "kube/kubeconfig", now);
    assertSame(socket, dir, "", "secret/db", "--kubeconfig", kubeconfig.toString(), "-o", "json", now);
    assertSame(socket, dir, "", "status", "--kubeconfig", kubeconfig.toString(), now);
    Asked web = ask(socket, BUILD, dir, ENV, "", "deploy/web", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    assertThat(web.code()).as(web.toString()).isZero();
    assertThat(web.out()).contains("\"CrashLoopBackOff\"");
    Asked secret = ask(socket, BUILD, dir, ENV, "", "secret/db", "--kubeconfig", kubeconfig.toString(), "-o", "json");
    String encoded = java.util.Base64.getEncoder().encodeToString(CANARY.getBytes());
    assertThat(secret.out() + secret.err()).contains("\"db\"").doesNotContain(CANARY).doesNotContain(encoded);

    // A changed kubeconfig is seen by the next request: the server keeps no client nor credentials.
    Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(client.getMasterUrl().toString(),
        "https://127.0.0.1:1/"));
    Asked moved = ask(socket, BUILD, dir, ENV, "", "deploy/web", "--kubeconfig", kubeconfig.toString(),
        "--request-timeout", "5");
    assertThat(moved.code()).isEqualTo(ExitCode.ERROR);
    assertThat(moved.err()).startsWith("error: cannot reach the cluster").contains("127.0.0.1:1");
    assertSame(socket, dir, "", "deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5");
  }

  @Test
  void anotherBuildOrEnvironmentIsDeclinedAndTheClientRunsTheCommandItself() throws IOException {
    List<String> ran = new ArrayList<>();
    start(sockets.resolve("s.sock"), BUILD, (args, cwd, env, console, command, in, out, err) -> {
      ran.add(String.join(" ", args));
      return 0;
    });
    Path socket = sockets.resolve("s.sock");
    Asked other = ask(socket, "another-build", dir, ENV, "", "deploy/web");
    assertThat(other.code()).isNull();
    assertThat(other.out() + other.err()).isEmpty();
    assertThat(other.outcome().start).as("a server listens: none to start").isFalse();
    Map<String, String> elsewhere = new java.util.HashMap<>(ENV);
    elsewhere.put("KUBECONFIG", "/another/kubeconfig");
    assertThat(ask(socket, BUILD, dir, elsewhere, "", "deploy/web").code()).isNull();
    assertThat(ran).isEmpty();
    // What only the request carries (colour, width) does not choose the server.
    Map<String, String> colour = new java.util.HashMap<>(ENV);
    colour.put("NO_COLOR", "1");
    colour.put("COLUMNS", "100");
    assertThat(ask(socket, BUILD, dir, colour, "", "deploy/web").code()).isZero();
    assertThat(ran).containsExactly("deploy/web");
  }

  @Test
  void stdinAlreadySentIsReplayedWhenTheCommandRunsInProcess() throws IOException {
    start(sockets.resolve("s.sock"), "another-build", Main::runServed);
    Asked declined = ask(sockets.resolve("s.sock"), BUILD, dir, ENV, "apiVersion: v1\n", "-f", "-", "deploy/web");
    assertThat(declined.code()).isNull();
    assertThat(new String(declined.outcome().stdin.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("apiVersion: v1\n");
  }

  @Test
  void aPeerOfAnotherUserIsRefused() throws IOException {
    Path socket = sockets.resolve("s.sock");
    Server s = Server.bind(socket, BUILD, ENV, Main::runServed, user -> false).orElseThrow();
    servers.add(s);
    Thread t = new Thread(() -> s.serve(Duration.ofMinutes(5), Optional.empty()));
    t.start();
    threads.add(t);
    Asked refused = ask(socket, BUILD, dir, ENV, "", "--version");
    assertThat(refused.code()).isNull();
    assertThat(refused.out() + refused.err()).isEmpty();
    assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aDirectoryOthersCanEnterIsNotUsed() throws IOException {
    Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThatThrownBy(() -> Server.bind(open.resolve("s.sock"), BUILD, ENV, Main::runServed, Server.sameUser()))
        .isInstanceOf(IOException.class).hasMessageContaining("0700");
    assertThat(open.resolve("s.sock")).doesNotExist();
  }

  @Test
  void aStaleSocketIsNotAnsweredAndANewServerTakesItsPlace() throws IOException {
    Path socket = sockets.resolve("s.sock");
    ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    dead.bind(UnixDomainSocketAddress.of(socket));
    dead.close();
    assertThat(socket).exists();
    Asked stale = ask(socket, BUILD, dir, ENV, "", "deploy/web");
    assertThat(stale.code()).isNull();
    assertThat(stale.outcome().start).as("nobody listens: start one").isTrue();
    start();
    Path cwd = Path.of(Run.resource("dumps/talk.yaml")).getParent();
    assertSame(socket, cwd, "", "-f", "talk.yaml", "deploy/my-busybox", "-n", "demo");
  }

  @Test
  void aServerThatStopsMidAnswerIsNeverTakenForAnAnswer() throws IOException {
    Path before = sockets.resolve("before.sock");
    start(before, BUILD, (args, cwd, env, console, command, in, out, err) -> {
      throw new IllegalStateException("died");
    });
    Asked nothingYet = ask(before, BUILD, dir, ENV, "", "deploy/web");
    assertThat(nothingYet.code()).as("nothing written: the client runs it itself").isNull();
    assertThat(nothingYet.out() + nothingYet.err()).isEmpty();

    Path during = sockets.resolve("during.sock");
    start(during, BUILD, (args, cwd, env, console, command, in, out, err) -> {
      try {
        out.write("Deployment web is\n".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("died");
    });
    Asked half = ask(during, BUILD, dir, ENV, "", "deploy/web");
    assertThat(half.code()).isEqualTo(ExitCode.ERROR);
    assertThat(half.out()).isEqualTo("Deployment web is\n");
    assertThat(half.err()).startsWith("error: kubectl-blame's background server stopped before it finished answering")
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void anIdleServerStopsAndRemovesItsSocket() throws Exception {
    Path socket = sockets.resolve("idle.sock");
    Server s = Server.bind(socket, BUILD, ENV, Main::runServed, Server.sameUser()).orElseThrow();
    servers.add(s);
    Thread t = new Thread(() -> s.serve(Duration.ofMillis(300), Optional.empty()));
    t.start();
    t.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(t.isAlive()).isFalse();
    assertThat(socket).doesNotExist();
    // A second server for one socket is refused while the first holds it.
    Path held = sockets.resolve("held.sock");
    start(held, BUILD, Main::runServed);
    assertThat(Server.bind(held, BUILD, ENV, Main::runServed, Server.sameUser())).isEmpty();
  }

  @Test
  void onlyOneShotCommandsAreServedAndTheSwitchTurnsItOff() {
    Map<String, String> env = Map.of();
    assertThat(Client.servable(new String[] {"deploy/web"}, env)).isTrue();
    assertThat(Client.servable(new String[] {"-f", "dump.yaml", "status"}, env)).isTrue();
    assertThat(Client.servable(new String[] {"deploy/web", "-n", "demo"}, env)).as("a namespace named demo").isTrue();
    assertThat(Client.servable(new String[] {"-n", "x", "demo"}, env)).isFalse();
    assertThat(Client.servable(new String[] {"--verbose", "wait", "deploy/web"}, env)).isFalse();
    for (String[] args : List.of(new String[] {"wait", "deploy/web"}, new String[] {"deploy/web", "--watch"},
        new String[] {"deploy/web", "--watch=true"}, new String[] {"demo", "talk", "--serve"},
        new String[] {"completion", "bash"}, new String[] {"__complete", "dep"}, new String[] {"__train"},
        new String[] {})) {
      assertThat(Client.servable(args, env)).as(String.join(" ", args)).isFalse();
    }
    assertThat(Client.servable(new String[] {"deploy/web"}, Map.of("KUBECTL_BLAME_SERVER", "off"))).isFalse();
    assertThat(Client.servable(new String[] {"deploy/web"}, Map.of("CI", "true"))).isFalse();
    assertThat(Client.servable(new String[] {"deploy/web"}, Map.of("KUBECONFIG", "relative/config"))).isFalse();
    assertThat(Client.readsStdin(List.of("-f", "-", "deploy/web"))).isTrue();
    assertThat(Client.servable(new String[] {"-Af", "-", "deploy"}, env)).as("a - it does not read").isFalse();
    assertThat(Client.servable(new String[] {"-f", "-", "deploy/web"}, env)).isTrue();
    assertThat(Client.readsStdin(List.of("--filename=-", "deploy/web"))).isTrue();
    assertThat(Client.readsStdin(List.of("-f", "dump.yaml", "deploy/web"))).isFalse();
    assertThat(Client.readsStdin(List.of("deploy/web", "-n", "-"))).as("not -f's value").isFalse();
    assertThat(Server.idle(Map.of())).isEqualTo(Duration.ofMinutes(10));
    assertThat(Server.idle(Map.of("KUBECTL_BLAME_SERVER_IDLE", "90"))).isEqualTo(Duration.ofSeconds(90));
    assertThat(Server.idle(Map.of("KUBECTL_BLAME_SERVER_IDLE", "2m"))).isEqualTo(Duration.ofMinutes(2));
    assertThat(Client.directory(Map.of("KUBECTL_BLAME_CACHE", "/tmp/c"))).isEqualTo(Path.of("/tmp/c/server"));
    assertThat(Client.directory(Map.of("XDG_RUNTIME_DIR", dir.toString()))).isEqualTo(dir.resolve("kubectl-blame"));
  }
}
