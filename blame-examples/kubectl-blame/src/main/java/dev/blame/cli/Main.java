package dev.blame.cli;

/** The plugin's entry point: {@code java -jar kubectl-blame.jar ARGS}, or {@code kubectl blame ARGS}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Libraries logging through java.util.logging (Vert.x without its SLF4J delegate) stay quiet too.
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    int code = BlameCli.run(Cli.system(), args);
    System.out.flush();
    System.exit(code);
  }
}
