package dev.blame.cli;

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
    // Libraries logging through java.util.logging (Vert.x without its SLF4J delegate) stay quiet too.
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    int code = BlameCli.run(Cli.system(), args);
    System.out.flush();
    System.exit(code);
  }

  /** {@code kubectl-blame VERSION}: the version from the jar's manifest, when there is one. */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "kubectl-blame " + (version == null ? "(development build)" : version);
  }
}
