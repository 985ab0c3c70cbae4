package dev.blame.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The client side: whether a command may be answered by the background server, where that server's socket is, and
 * asking it. Only the JDK: this runs before anything else of the CLI loads.
 */
public final class Client {

  /** Turns the server off: {@code KUBECTL_BLAME_SERVER=off}. */
  public static final String SWITCH = "KUBECTL_BLAME_SERVER";
  /** How long an idle server stays, in seconds (or with an s, m or h suffix); default 10 minutes. */
  public static final String IDLE = "KUBECTL_BLAME_SERVER_IDLE";

  /**
   * Variables that differ between two terminals of one user and that only the CLI reads, from the request
   * (colour, width) or nothing reads: they are sent with each request and do not choose the server. Every other
   * variable does (KUBECONFIG, HOME, PATH, proxies, cloud credentials an exec credential plugin reads...): a server
   * answers only requests made in the environment it was started in, so fabric8, which reads the process's
   * environment, and the plugins it runs see what they would see in-process.
   */
  static final Set<String> PER_REQUEST = Set.of(SWITCH, "NO_COLOR", "TERM", "COLORTERM", "COLUMNS", "LINES", "PWD",
      "OLDPWD", "SHLVL", "_", "SSH_TTY", "TMUX_PANE", "WINDOWID", "TERM_SESSION_ID", "ITERM_SESSION_ID", "GPG_TTY");

  /** Commands the server never answers: they follow a cluster over time, serve, or are run by the launcher. */
  static final Set<String> NOT_SERVED = Set.of("wait", "demo", "completion", "__complete", "__train", "__serve",
      "--watch", "--help", "-h", "help", "--version", "-V");

  /** Options whose next word is their value (any other option's next word is checked as a possible subcommand). */
  static final Set<String> VALUED = Set.of("-n", "--namespace", "-f", "--filename", "-o", "--output", "--context",
      "--kubeconfig", "-l", "--selector");

  /** The longest Unix socket path the kernel takes (sun_path is 108 bytes with its NUL). */
  static final int MAX_SOCKET_PATH = 100;

  private Client() {}

  /**
   * Whether this command line may be answered by the server (in this environment). Not in CI ({@code CI=true}, as
   * GitHub Actions, GitLab CI and others set it): a job runs a few commands and ends, and leaves no server behind.
   */
  public static boolean servable(String[] args, Map<String, String> env) {
    String ci = env.get("CI");
    if ("off".equals(env.get(SWITCH)) || args.length == 0 || "true".equalsIgnoreCase(ci) || "1".equals(ci)) {
      return false;
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (NOT_SERVED.contains(arg) || arg.startsWith("--watch")) {
        return false;
      }
      if ((arg.equals("-") || arg.endsWith("=-")) && !readsStdin(List.of(args))) {
        // A "-" this client does not read as -f's: the command might read stdin, so it runs in-process.
        return false;
      }
      if (VALUED.contains(arg)) {
        // Its value is no subcommand: -n demo is a namespace.
        i++;
      }
    }
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null) {
      for (String part : kubeconfig.split(File.pathSeparator)) {
        // fabric8 resolves it against the process's directory, which is not the client's.
        if (!part.isEmpty() && !Path.of(part).isAbsolute()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a command reads stdin ({@code -f -}): the client then sends it with the request. */
  public static boolean readsStdin(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean flag = arg.equals("-f") || arg.equals("--filename");
      if (flag && i + 1 < args.size() && args.get(i + 1).equals("-")
          || arg.equals("-f-") || arg.equals("-f=-") || arg.equals("--filename=-")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The directory of the user's server sockets: {@code $KUBECTL_BLAME_CACHE/server}, else
   * {@code $XDG_RUNTIME_DIR/kubectl-blame}, else {@code ${XDG_CACHE_HOME:-~/.cache}/kubectl-blame/server}.
   */
  public static Path directory(Map<String, String> env) {
    String cache = env.get("KUBECTL_BLAME_CACHE");
    if (cache != null && !cache.isEmpty() && !cache.equals("off")) {
      return Path.of(cache, "server").toAbsolutePath();
    }
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isEmpty() && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))) {
      return Path.of(runtime, "kubectl-blame");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("kubectl-blame").resolve("server").toAbsolutePath();
  }

  /**
   * The directory, made when missing, if it is this user's and nobody else's (mode 0700); empty otherwise (then no
   * server is used or started).
   */
  static Optional<Path> privateDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
      if (!perms.equals(PosixFilePermissions.fromString("rwx------"))
          || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
        return Optional.empty();
      }
      return Optional.of(dir);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** This build: the jar's path, size and modification time (a new jar is a new build), and the java running it. */
  public static String build(Path jar) {
    try {
      return jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
          + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
    } catch (IOException e) {
      return jar.toAbsolutePath() + "|?";
    }
  }

  /** The jar this class runs from, when it runs from one. */
  public static Optional<Path> jar() {
    try {
      Path path = Path.of(Client.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The environment that chooses the server: all but {@link #PER_REQUEST}, sorted. */
  static Map<String, String> processEnvironment(Map<String, String> env) {
    Map<String, String> chosen = new TreeMap<>(env);
    chosen.keySet().removeAll(PER_REQUEST);
    return chosen;
  }

  /** The socket's name in the directory: a hash of the build and the environment that chooses the server. */
  static String socketName(String build, Map<String, String> env) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(build.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : processEnvironment(env).entrySet()) {
        sha.update((byte) 0);
        sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '=');
        sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return "s-" + HexFormat.of().formatHex(sha.digest(), 0, 10) + ".sock";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What asking the server came to. */
  public static final class Outcome {
    /** The exit code, when the server answered. */
    public final Integer code;
    /** What the command reads as stdin when it runs in-process: what the client already read of it, then the rest. */
    public final InputStream stdin;
    /** Whether no server listens for this build and environment, and one may be started. */
    public final boolean start;

    Outcome(Integer code, InputStream stdin, boolean start) {
      this.code = code;
      this.stdin = stdin;
      this.start = start;
    }
  }

  /**
   * Asks the server at {@code socket} to run the command, relaying its stdout and stderr to {@code out} and
   * {@code err}. Not answered (no server, another build, a server that stopped before writing anything): the caller
   * runs the command itself, reading {@link Outcome#stdin}. A server that stopped after writing part of the answer:
   * one line on {@code err} saying so, exit 3. Relative paths in the command are the client's, in {@code cwd}.
   */
  public static Outcome ask(Path socket, String build, List<String> args, Map<String, String> env, boolean console,
      String command, InputStream in, OutputStream out, OutputStream err, Path cwd) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException | UnsupportedOperationException e) {
      return new Outcome(null, in, false);
    }
    try (channel) {
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        return new Outcome(null, in, true);
      }
      byte[] stdin = new byte[0];
      InputStream rest = in;
      if (readsStdin(args)) {
        stdin = readUpTo(in, Protocol.MAX_BYTES);
        rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(stdin), in);
        if (stdin.length >= Protocol.MAX_BYTES) {
          // Larger than the cap: the command, in-process, says so.
          return new Outcome(null, rest, false);
        }
      }
      DataInputStream answers;
      try {
        DataOutputStream requests = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        new Protocol.Request(build, args, cwd.toAbsolutePath().toString(), env, console, command, stdin)
            .write(requests);
        answers = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
      } catch (IOException e) {
        return new Outcome(null, rest, false);
      }
      boolean written = false;
      try {
        while (true) {
          byte type = answers.readByte();
          if (type == Protocol.EXIT) {
            int code = answers.readInt();
            out.flush();
            err.flush();
            return new Outcome(code, rest, false);
          }
          if (type == Protocol.DECLINED && !written) {
            return new Outcome(null, rest, false);
          }
          if (type != Protocol.OUT && type != Protocol.ERR) {
            throw new IOException("unexpected frame " + type);
          }
          byte[] bytes = Protocol.readBytes(answers);
          written = true;
          OutputStream to = type == Protocol.OUT ? out : err;
          to.write(bytes);
          to.flush();
        }
      } catch (IOException e) {
        if (!written) {
          return new Outcome(null, rest, false);
        }
        try {
          out.flush();
          err.write(("error: kubectl-blame's background server stopped before it finished answering, so the output "
              + "above is incomplete; run the command again (KUBECTL_BLAME_SERVER=off runs it without the server)\n")
              .getBytes(StandardCharsets.UTF_8));
          err.flush();
        } catch (IOException ignored) {
          // Nowhere left to say it.
        }
        return new Outcome(3, rest, false);
      }
    } catch (IOException e) {
      return new Outcome(null, in, false);
    }
  }

  /** Whether a server holds the socket's lock already (it is warming up, before it listens). */
  static boolean starting(Path socket) {
    Path lock = socket.resolveSibling(socket.getFileName() + ".lock");
    if (!Files.exists(lock)) {
      return false;
    }
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
        java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.channels.FileLock held = channel.tryLock();
      if (held == null) {
        return true;
      }
      held.release();
      return false;
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      return true;
    }
  }

  private static byte[] readUpTo(InputStream in, int max) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    try {
      int n;
      while (bytes.size() < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - bytes.size()))) > 0) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // What was read is replayed; the command in-process meets the same error reading the rest.
    }
    return bytes.toByteArray();
  }

  /**
   * The launcher's way in: answers the command through the server when one runs for this build and environment;
   * otherwise returns how to run it in-process and, once that is done, {@link #startServer} starts one for next time.
   */
  public static Outcome tryServer(String[] args) {
    Map<String, String> env = System.getenv();
    Optional<Path> jar = jar();
    if (!servable(args, env) || jar.isEmpty()) {
      return new Outcome(null, System.in, false);
    }
    Optional<Path> dir = privateDirectory(directory(env));
    if (dir.isEmpty()) {
      return new Outcome(null, System.in, false);
    }
    String build = build(jar.get());
    Path socket = dir.get().resolve(socketName(build, env));
    if (socket.toString().length() > MAX_SOCKET_PATH) {
      return new Outcome(null, System.in, false);
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    return ask(socket, build, List.of(args), env, System.console() != null,
        System.getProperty("kubectl-blame.command", "kubectl-blame"), System.in, out, err,
        Path.of("").toAbsolutePath());
  }

  /**
   * Starts a server for this build and environment in the background, detached, its output to a log beside its
   * socket; the same JVM flags as this run's, the launcher's C1-only JIT included: a server's requests are short and
   * varied, so C2 spends more CPU compiling for them than its code saves (docs/performance.md, "stop 35").
   * Nothing is said if it cannot start: the command has answered already.
   */
  public static void startServer() {
    try {
      Map<String, String> env = System.getenv();
      Optional<Path> jar = jar();
      Optional<Path> dir = jar.isEmpty() ? Optional.empty() : privateDirectory(directory(env));
      Optional<String> java = ProcessHandle.current().info().command();
      Optional<String[]> given = ProcessHandle.current().info().arguments();
      if (dir.isEmpty() || java.isEmpty() || given.isEmpty()) {
        return;
      }
      List<String> command = new ArrayList<>();
      for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
        if (Files.isExecutable(Path.of(setsid))) {
          command.add(setsid);
          break;
        }
      }
      command.add(java.get());
      for (String arg : given.get()) {
        if (arg.equals("-jar")) {
          break;
        }
        command.add(arg);
      }
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-jar");
      command.add(jar.get().toString());
      command.add("__serve");
      String build = build(jar.get());
      Path socket = dir.get().resolve(socketName(build, env));
      command.add(socket.toString());
      if (starting(socket)) {
        return;
      }
      Path log = dir.get().resolve(socket.getFileName().toString().replace(".sock", ".log"));
      new ProcessBuilder(command).directory(new File("/"))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException | RuntimeException e) {
      // No server this time; the next run tries again.
    }
  }
}
