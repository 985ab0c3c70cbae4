package dev.blame.core.internal;

import dev.blame.api.BlameException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells "the server is not there" from "the server is slow" while a request is under way. fabric8 retries a
 * refused connection with a growing back-off (about 20 s with its defaults) before it fails, and an informer
 * keeps retrying, so a wrong or dead server would only show as a timeout, late and without saying why. After
 * {@link #PATIENCE} without an answer, one TCP connection to the server tells: refused, no route or unknown
 * host fails the request at once as UNREACHABLE, naming the server; anything else waits on to the deadline.
 *
 * <p>The probe connects directly: when the client goes through a proxy it is skipped (the proxy, not the
 * server, would answer).
 */
final class Reachability {

  static final long PATIENCE = TimeUnit.SECONDS.toNanos(1);

  private Reachability() {}

  /**
   * The answer, waiting until {@code deadline} ({@link System#nanoTime()}) at most.
   *
   * @param server the server's URL, probed once after {@link #PATIENCE}; null not to probe
   * @throws BlameException of kind UNREACHABLE when the probe finds no server, naming it and {@code request}
   */
  static <T> T await(Future<T> answer, long deadline, String server, String request)
      throws InterruptedException, ExecutionException, TimeoutException {
    long firstWait = Math.min(PATIENCE, deadline - System.nanoTime());
    try {
      return answer.get(Math.max(0, firstWait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException slow) {
      if (server != null) {
        long left = deadline - System.nanoTime();
        Optional<String> problem = probe(server, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        if (problem.isPresent()) {
          answer.cancel(true);
          throw new BlameException(BlameException.Kind.UNREACHABLE, request + " at " + dev.blame.api.Escape.serverUrl(server) + ": "
              + problem.get(), slow);
        }
      }
      return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  /** Why no TCP connection can be opened to the server, if none can; empty when one can or it is unknown. */
  static Optional<String> probe(String server, long timeoutMillis) {
    URI uri;
    try {
      uri = URI.create(server);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null) {
      return Optional.empty();
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
      return Optional.empty();
    } catch (ConnectException | NoRouteToHostException e) {
      return Optional.of("cannot connect (" + e.getMessage() + ")");
    } catch (UnknownHostException e) {
      return Optional.of("unknown host " + host);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
