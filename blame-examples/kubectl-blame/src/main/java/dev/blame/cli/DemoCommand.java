package dev.blame.cli;

import dev.blame.api.Explanation;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kubectl blame demo}: the talk's scenario, explained offline from a dump bundled in the jar: Deployment
 * my-busybox was edited to run {@code sh -c "exit 1"} and its new pod crash-loops.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Explains the talk's scenario offline, from a dump bundled in the jar: Deployment "
        + "demo/my-busybox was edited to busybox:v3 running `sh -c \"exit 1\"`; its new pod crash-loops. "
        + "The same as `kubectl blame -f talk.yaml deploy/my-busybox -n demo`."})
final class DemoCommand implements Callable<Integer> {

  static final String RESOURCE = "demo-talk.yaml";
  static final ObjectRef TARGET = ObjectRef.of(GroupKind.DEPLOYMENT, "demo", "my-busybox");

  private final Cli cli;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "tree",
      description = "tree, json, yaml, dot or mermaid (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--now", paramLabel = "TIME",
      description = "The moment to judge at (default: when the dump was taken).")
  String now;

  DemoCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    SourceOptions options = new SourceOptions();
    options.now = now;
    try (Session session = Session.bundled(cli, options, "demo:talk.yaml", scenario())) {
      Explanation why = session.blame().explain(TARGET);
      BlameCli.print(cli, why, output, session.resolver());
      return ExitCode.OK;
    }
  }

  static String scenario() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo scenario " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the demo scenario", e);
    }
  }
}
