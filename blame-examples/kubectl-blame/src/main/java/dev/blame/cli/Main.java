package dev.blame.cli;

import dev.blame.cli.server.Client;
import dev.blame.cli.server.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plugin's entry point: {@code java -jar kubectl-blame.jar ARGS}, or {@code kubectl blame ARGS}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The shortest run answers before the command line is built: no picocli, no logging, no fabric8 loaded.
      System.out.println(version());
      System.out.flush();
      System.exit(ExitCode.OK);
    }
    // --help (of the command or a subcommand) from the text picocli made at build time: no model built.
    java.util.Optional<String> usage = UsageTexts.asked(args);
    if (usage.isPresent()) {
      boolean color = System.console() != null && Cli.wantsColor(System.getenv());
      java.util.Optional<byte[]> text = UsageTexts.stored(System.getProperty("kubectl-blame.command", "kubectl-blame"),
          usage.get(), color);
      if (text.isPresent()) {
        System.out.write(text.get(), 0, text.get().length);
        System.out.flush();
        System.exit(ExitCode.OK);
      }
    }
    if (args.length == 2 && args[0].equals("__serve")) {
      System.exit(serve(Path.of(args[1])));
    }
    if (args.length == 1 && args[0].equals("__terminal-json")) {
      System.exit(terminalJson());
    }
    // A one-shot command is answered by the background server when one runs for this build (docs/cli.md).
    Client.Outcome asked = Client.tryServer(args);
    if (asked.code != null) {
      System.exit(asked.code);
    }
    quietLibraries();
    int code = BlameCli.run(Cli.system(asked.stdin), args);
    System.out.flush();
    if (asked.start) {
      Client.startServer();
    }
    System.exit(code);
  }

  /** Libraries logging through java.util.logging (Vert.x without its SLF4J delegate) stay quiet too. */
  private static void quietLibraries() {
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
  }

  /**
   * {@code __serve SOCKET} (the client starts it): the background server, until idle. 0 when another server
   * holds the socket already.
   */
  static int serve(Path socket) {
    quietLibraries();
    Optional<Path> jar = Client.jar();
    String build = jar.map(Client::build).orElse("classes");
    try {
      Optional<Server> server = Server.bind(socket, build, System.getenv(), Main::runServed, Server.sameUser(),
          Main::warmUp);
      if (server.isEmpty()) {
        return ExitCode.OK;
      }
      System.err.println("kubectl-blame server: listening on " + socket);
      server.get().serve(Server.idle(System.getenv()), jar);
      KeptClients.SERVER.close();
      System.err.println("kubectl-blame server: stopped");
      return ExitCode.OK;
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("kubectl-blame server: cannot serve on " + socket + ": " + e);
      return ExitCode.ERROR;
    }
  }

  /** {@code __terminal-json}: stdin's JSON document with every string as terminal text ({@link TerminalJson}). */
  static int terminalJson() {
    try {
      return TerminalJson.run(System.in, System.out);
    } catch (IOException e) {
      return ExitCode.ERROR;
    }
  }

  /**
   * One request's command, as {@link BlameCli#run} would run it in a process of the client's, but on the server's
   * kept clients ({@link KeptClients}): the connections of the last request to the same cluster as the same user.
   */
  public static int runServed(List<String> args, Path cwd, Map<String, String> env, boolean console, String command,
      InputStream in, OutputStream out, OutputStream err) {
    return runServed(args, cwd, env, console, command, in, out, err, KeptClients.SERVER);
  }

  static int runServed(List<String> args, Path cwd, Map<String, String> env, boolean console, String command,
      InputStream in, OutputStream out, OutputStream err, KeptClients clients) {
    Cli cli = new Cli(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), in, env,
        console && Cli.wantsColor(env), builder -> { }, command, cwd, clients);
    return BlameCli.run(cli, args.toArray(String[]::new));
  }

  /**
   * Runs offline blames of the training dump a few times, then live ones against a demo cluster in this JVM (its
   * objects the same dump), output discarded, so the first request finds the code warm, the HTTP client's included.
   */
  static void warmUp() {
    Path dump = null;
    Path kubeconfig = null;
    try {
      dump = Files.createTempFile("kubectl-blame-warm", ".yaml");
      Files.writeString(dump, TrainCommand.DUMP, StandardCharsets.UTF_8);
      String file = dump.toString();
      PrintWriter none = new PrintWriter(Writer.nullWriter());
      for (int i = 0; i < 3; i++) {
        for (List<String> args : List.of(List.of("-f", file, "deploy/web"), List.of("-f", file, "deploy/web", "-o",
            "json"), List.of("status", "-f", file))) {
          BlameCli.run(new Cli(none, none, InputStream.nullInputStream(), Map.of(), false, b -> { }, "kubectl blame"),
              args.toArray(String[]::new));
        }
      }
      try (dev.blame.demo.DemoCluster cluster = dev.blame.demo.DemoCluster.start()) {
        for (io.fabric8.kubernetes.api.model.HasMetadata object : dev.blame.core.BlameEngine.readManifests("warm-up",
            new java.io.ByteArrayInputStream(TrainCommand.DUMP.getBytes(StandardCharsets.UTF_8)),
            dev.blame.core.BlameEngine.MAX_INPUT_BYTES)) {
          cluster.client().resource(object).create();
        }
        kubeconfig = cluster.writeKubeconfig(Files.createTempFile("kubectl-blame-warm", ".kubeconfig"), "train");
        for (int i = 0; i < 3; i++) {
          BlameCli.run(new Cli(none, none, InputStream.nullInputStream(), Map.of(), false, b -> { }, "kubectl blame"),
              "deploy/web", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "10");
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Not warmed, or not all of it.
    } finally {
      deleteQuietly(kubeconfig);
      deleteQuietly(dump);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (java.io.IOException ignored) {
        // A temporary file.
      }
    }
  }

  /** {@code kubectl-blame VERSION}: the version from the jar's manifest, when there is one. */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "kubectl-blame " + (version == null ? "(development build)" : version);
  }
}
