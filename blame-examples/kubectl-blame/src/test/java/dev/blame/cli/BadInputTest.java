package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every failure: exit 3, one line on stderr naming what was wrong, nothing on stdout, no stack trace. */
@Timeout(60)
class BadInputTest {

  static final String TALK = Run.resource("dumps/talk.yaml");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown type            | -f TALK foo/bar                     | error: the server doesn't have a resource type "foo"
      missing object          | -f TALK deploy/nope -n demo         | error: deployments.apps "nope" not found in namespace "demo" in the given manifests
      missing, no -n          | -f TALK deploy/nope                 | error: deployments.apps "nope" not found in namespace "default" in the given manifests
      missing node            | -f TALK no/node-9                   | error: nodes "node-9" not found in the given manifests
      name without type       | -f TALK web                         | error: "web" is not a resource type; to blame an object, give its type too: TYPE/NAME or TYPE NAME, e.g. 'kubectl-blame deploy/web'
      no object               | -f TALK                             | error: you must name the object to blame, e.g. 'kubectl-blame deploy/web', or a type and a selector, e.g. 'kubectl-blame deploy -l app=web' (see 'kubectl-blame --help')
      two forms mixed         | -f TALK deploy/a b                  | error: "b" is not TYPE/NAME: when one object is given as TYPE/NAME, all must be, e.g. 'kubectl blame deploy/web deploy/puller'
      no match for a type     | -f TALK sts                         | error: no statefulsets.apps in the given manifests
      missing file            | -f no/such/dump.yaml deploy/x       | error: no/such/dump.yaml: no such file or directory; expected a manifest file or a directory of them
      bad --now               | -f TALK deploy/my-busybox --now yesterday | error: --now yesterday: expected an RFC 3339 time such as 2026-11-22T12:00:15Z
      --now of a far year     | -f TALK deploy/my-busybox --now +999999999-12-31T23:59:59Z | error: --now +999999999-12-31T23:59:59Z: expected an RFC 3339 time such as 2026-11-22T12:00:15Z
      --now before year 0     | -f TALK deploy/my-busybox --now -999999999-01-01T00:00:00Z | error: --now -999999999-01-01T00:00:00Z: expected an RFC 3339 time such as 2026-11-22T12:00:15Z
      watch offline           | -f TALK deploy/my-busybox --watch   | error: --watch follows a live cluster; it cannot be used with -f
      context offline         | -f TALK deploy/my-busybox --context prod | error: --context and --kubeconfig choose a cluster; they cannot be used with -f
      status missing object   | status -f TALK deploy/nope          | error: deployments.apps "nope" not found in namespace "default" in the given manifests
      status bad format       | status -f TALK -o dot               | error: status prints tree, json or yaml, not dot
      status -A and -n        | status -f TALK -A -n demo           | error: -A and -n cannot be used together
      missing kubeconfig      | deploy/web --kubeconfig /no/such/config | error: --kubeconfig /no/such/config: no such file
      """)
  void failsWithOneLineAndExitCode3(String name, String args, String message) {
    Run run = Run.of(args.replace("TALK", TALK).split(" "));
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err()).as(run.toString()).isEqualTo(message + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown flag       | -f TALK deploy/my-busybox --bogus | error: Unknown option: '--bogus' | See 'kubectl blame --help' for usage.
      bad output format  | -f TALK deploy/my-busybox -o xml  | error: Invalid value for option '--output': expected one of tree, json, yaml, dot, mermaid but was 'xml' | See 'kubectl blame --help' for usage.
      subcommand flag    | status --bogus                    | error: Unknown option: '--bogus' | See 'kubectl blame status --help' for usage.
      missing value      | -f TALK deploy/my-busybox -n      | error: Missing required parameter for option '--namespace' (NAMESPACE) | See 'kubectl blame --help' for usage.
      """)
  void badFlagsFailWithOneLineAndAUsageHint(String name, String args, String message, String hint) {
    Run run = Run.of(args.replace("TALK", TALK).split(" "));
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(message + "\n" + hint + "\n");
  }

  @Test
  void malformedFileIsNamedWithItsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n");
    Run run = Run.of("-f", file.toString(), "po/x");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: " + file + ": malformed YAML or JSON at line ").hasLineCount(1);
  }

  @Test
  void objectWithoutKindIsNamed() {
    Run run = Run.withStdin("apiVersion: v1\nmetadata: {name: x}\n", "-f", "-", "po/x");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: <stdin>: document 1 (line 1): object has no 'kind'").hasLineCount(1);
  }

  @Test
  void unreachableClusterIsOneLineAndQuick(@TempDir Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://127.0.0.1:" + port, "demo");
    long start = System.nanoTime();
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).as(run.toString()).startsWith("error: cannot reach the cluster: ")
        .contains("127.0.0.1:" + port).hasLineCount(1).doesNotContain("Exception\n", "\tat ");
    assertThat(seconds).isLessThan(20);
  }

  @Test
  void unknownContextIsNamed(@TempDir Path dir) throws IOException {
    Path kubeconfig = LiveClusterTest.kubeconfig(dir, "http://127.0.0.1:1", "demo");
    Run run = Run.of("deploy/web", "--kubeconfig", kubeconfig.toString(), "--context", "prod");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("error: context \"prod\" not found in the kubeconfig\n");
  }

  @Test
  void verboseAddsTheStackTrace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "kind: [\n");
    Run run = Run.of("-f", file.toString(), "po/x", "--verbose");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("error: ").contains("BlameException", "\tat ");
  }
}
