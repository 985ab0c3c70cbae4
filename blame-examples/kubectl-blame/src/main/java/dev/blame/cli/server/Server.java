package dev.blame.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The background server: listens on a Unix domain socket in the user's private directory and runs each request's
 * command, one at a time, with the request's arguments, working directory, environment and stdin, its stdout and
 * stderr sent back as they are written, then its exit code. It refuses a peer of another user (SO_PEERCRED) and
 * declines a request of another build or made in another environment (the client then runs the command itself).
 * It exits when idle for {@code KUBECTL_BLAME_SERVER_IDLE} (10 minutes by default), when its jar changes, or when
 * its socket is gone.
 */
public final class Server implements AutoCloseable {

  /** How a request's command runs: the CLI, given everything it would read from a process. */
  public interface Runner {
    int run(List<String> args, Path cwd, Map<String, String> env, boolean console, String command, InputStream in,
        OutputStream out, OutputStream err);
  }

  private final Path socket;
  private final String build;
  private final Map<String, String> environment;
  private final Runner runner;
  private final Predicate<UserPrincipal> peers;
  private final Object lock = new Object();
  private final ServerSocketChannel channel;
  private final FileChannel lockFile;
  private final FileLock held;
  private volatile long lastActive = System.nanoTime();
  private volatile boolean running;
  private volatile boolean closed;
  private int served;

  private Server(Path socket, String build, Map<String, String> environment, Runner runner,
      Predicate<UserPrincipal> peers, ServerSocketChannel channel, FileChannel lockFile, FileLock held) {
    this.socket = socket;
    this.build = build;
    this.environment = Client.processEnvironment(environment);
    this.runner = runner;
    this.peers = peers;
    this.channel = channel;
    this.lockFile = lockFile;
    this.held = held;
  }

  /**
   * Binds {@code socket} (its directory must be the user's, mode 0700); empty when another server holds it.
   * {@code environment} is the one requests must have been made in, {@code peers} who may connect.
   */
  public static Optional<Server> bind(Path socket, String build, Map<String, String> environment, Runner runner,
      Predicate<UserPrincipal> peers) throws IOException {
    return bind(socket, build, environment, runner, peers, () -> { });
  }

  /** The same, running {@code warmUp} once the socket is this server's and before it listens. */
  public static Optional<Server> bind(Path socket, String build, Map<String, String> environment, Runner runner,
      Predicate<UserPrincipal> peers, Runnable warmUp) throws IOException {
    if (Client.privateDirectory(socket.getParent()).isEmpty()) {
      throw new IOException(socket.getParent() + " is not a directory of this user's only (mode 0700)");
    }
    Path lockPath = socket.resolveSibling(socket.getFileName() + ".lock");
    FileChannel lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = lockFile.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      held = null;
    }
    if (held == null) {
      lockFile.close();
      return Optional.empty();
    }
    try {
      warmUp.run();
    } catch (RuntimeException e) {
      // A warm-up is only an optimisation.
    }
    // A socket file left by a server that died: nobody listens on it, and this server holds the lock.
    Files.deleteIfExists(socket);
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    channel.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    return Optional.of(new Server(socket, build, environment, runner, peers, channel, lockFile, held));
  }

  /** Only this process's user may connect. */
  public static Predicate<UserPrincipal> sameUser() {
    String me = System.getProperty("user.name");
    return user -> user != null && user.getName().equals(me);
  }

  /** Serves until closed or idle for {@code idle}; each connection on a thread of its own, commands one at a time. */
  public void serve(Duration idle, Optional<Path> jar) {
    Thread watchdog = new Thread(() -> watch(idle, jar), "kubectl-blame-server-idle");
    watchdog.setDaemon(true);
    watchdog.start();
    while (!closed) {
      SocketChannel connection;
      try {
        connection = channel.accept();
      } catch (IOException e) {
        break;
      }
      lastActive = System.nanoTime();
      Thread handler = new Thread(() -> handle(connection), "kubectl-blame-server-request");
      handler.setDaemon(true);
      handler.start();
    }
    close();
  }

  private void watch(Duration idle, Optional<Path> jar) {
    String started = jar.map(Client::build).orElse(build);
    while (!closed) {
      try {
        Thread.sleep(Math.min(1000, Math.max(50, idle.toMillis() / 4)));
      } catch (InterruptedException e) {
        return;
      }
      boolean idleTooLong = !running && System.nanoTime() - lastActive > idle.toNanos();
      boolean jarChanged = jar.isPresent() && !Client.build(jar.get()).equals(started);
      if (idleTooLong || jarChanged || !Files.exists(socket)) {
        close();
      }
    }
  }

  private void handle(SocketChannel connection) {
    try (connection) {
      UnixDomainPrincipal peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
      if (peer == null || !peers.test(peer.user())) {
        System.err.println("kubectl-blame server: refused a connection of user "
            + (peer == null ? "?" : peer.user().getName()));
        return;
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection)));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(connection)));
      Protocol.Request request = Protocol.Request.read(in);
      if (!build.equals(request.build()) || !environment.equals(Client.processEnvironment(request.env()))) {
        out.writeByte(Protocol.DECLINED);
        out.flush();
        return;
      }
      synchronized (lock) {
        if (closed) {
          out.writeByte(Protocol.DECLINED);
          out.flush();
          return;
        }
        running = true;
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        OutputStream stdout = new Protocol.FrameStream(out, Protocol.OUT);
        OutputStream stderr = new Protocol.FrameStream(out, Protocol.ERR);
        int code;
        try {
          // What a library writes to the process's streams during the command is the command's, as in-process.
          System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
          System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
          code = runner.run(request.args(), Path.of(request.cwd()), request.env(), request.console(),
              request.command(), new ByteArrayInputStream(request.stdin()), stdout, stderr);
        } finally {
          System.out.flush();
          System.err.flush();
          System.setOut(systemOut);
          System.setErr(systemErr);
          running = false;
          lastActive = System.nanoTime();
        }
        Protocol.exit(out, code);
        // The log says how many were served, not what: arguments name the user's objects.
        System.err.println("kubectl-blame server: served " + ++served);
      }
    } catch (IOException e) {
      // A client that went away, or sent what is not a request: nothing to answer.
    } catch (RuntimeException e) {
      // The client runs the command itself if nothing was written, or says the answer is incomplete; the log keeps
      // what failed (no arguments: they name the user's objects).
      System.err.println("kubectl-blame server: a request failed: " + e);
    }
  }

  /** The socket's path. */
  public Path socket() {
    return socket;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing.
    }
    try {
      Files.deleteIfExists(socket);
      held.release();
      lockFile.close();
    } catch (IOException ignored) {
      // Closing.
    }
  }

  /** How long an idle server stays: {@code KUBECTL_BLAME_SERVER_IDLE} (seconds, or 30s, 10m, 1h), else 10 min. */
  public static Duration idle(Map<String, String> env) {
    String value = env.get(Client.IDLE);
    if (value != null) {
      try {
        String v = value.trim();
        char unit = v.isEmpty() ? 's' : v.charAt(v.length() - 1);
        long n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
        Duration d = switch (unit) {
          case 'h' -> Duration.ofHours(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        };
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      } catch (NumberFormatException e) {
        // The default.
      }
    }
    return Duration.ofMinutes(10);
  }
}
