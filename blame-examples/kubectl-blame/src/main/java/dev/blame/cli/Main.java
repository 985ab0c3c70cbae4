package dev.blame.cli;

/** The plugin's entry point: {@code java -jar kubectl-blame.jar ARGS}, or {@code kubectl blame ARGS}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = BlameCli.run(Cli.system(), args);
    System.out.flush();
    System.exit(code);
  }
}
