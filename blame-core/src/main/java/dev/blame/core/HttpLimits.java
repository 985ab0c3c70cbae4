package dev.blame.core;

import dev.blame.core.internal.BoundedTokenRefresh;
import dev.blame.core.internal.ResponseCap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Limits on what a fabric8 client does for a server that is hostile or broken: blame-core puts them on the client
 * it builds itself (Secrets, read as metadata), and a caller may put them on its own
 * ({@code new KubernetesClientBuilder().withHttpClientBuilderConsumer(http -> HttpLimits.apply(http, ...))}).
 *
 * <ul>
 *   <li>each response body is cut off at a cap, counted as the bytes arrive (a LIST is paged by 500 objects; a
 *       server that ignores the page size and sends a gigabyte fails the request instead of filling the memory);
 *       watch streams are exempt (their size grows with time, not with one answer);</li>
 *   <li>fabric8's token refresh after a 401 is bounded: it re-runs the kubeconfig's exec credential plugin for every
 *       request answered 401, each run with an unbounded {@code Process.waitFor()}. Here the 401s of concurrent
 *       requests share one refresh, a 401 on the refreshed token within a minute runs no plugin, and a refresh that
 *       outlasts the timeout is given up (and, only where the caller says this JVM starts no processes of its own,
 *       the processes started while it ran are stopped: see {@link #apply(HttpClient.Builder, Config, long, Duration,
 *       Consumer, boolean)}).</li>
 * </ul>
 */
public final class HttpLimits {

  private HttpLimits() {}

  /**
   * A response cut off at the cap: the request ({@code GET /api/v1/...}, as terminal text) and the cap in bytes.
   */
  public record CutOff(String request, long cap) {}

  /**
   * Whether {@code failure} (a {@code KubernetesClientException}, or an exception that has it as a cause) is the
   * failure of a call whose response was cut off at the cap, and which: the reason goes with the call that failed,
   * so that a process that makes calls at once (or abandons one) tells each failure's reason apart.
   */
  public static Optional<CutOff> cutOff(Throwable failure) {
    return ResponseCap.cutOff(failure).map(cut -> new CutOff(cut.request(), cut.cap()));
  }

  /**
   * Adds both limits to {@code http}, replacing fabric8's token refresh interceptor. A refresh given up on is left
   * to finish on its own: no process is stopped, since a library cannot tell the plugin's process from one its
   * caller started at the same moment.
   *
   * @param config the configuration the client is built with (the refresh reads and renews its token)
   * @param maxResponseBytes the cap on one response body
   * @param refreshTimeout how long one token refresh may take, its plugin run included
   * @param onCut told the request ({@code GET /api/v1/...}) whose response was cut off, on the thread that read it
   *     (may be null); the call's own failure says it too ({@link #cutOff})
   */
  public static void apply(HttpClient.Builder http, Config config, long maxResponseBytes, Duration refreshTimeout,
      Consumer<String> onCut) {
    apply(http, config, maxResponseBytes, refreshTimeout, onCut, false);
  }

  /**
   * As {@link #apply(HttpClient.Builder, Config, long, Duration, Consumer)}; with {@code stopStartedProcesses}, a
   * refresh given up on also stops every child of this JVM started while it ran (fabric8 runs the exec plugin as a
   * child and does not say which one it is). Pass {@code true} only from a process that starts no children of its
   * own, such as a command-line tool; an embedding application should pass {@code false}.
   */
  public static void apply(HttpClient.Builder http, Config config, long maxResponseBytes, Duration refreshTimeout,
      Consumer<String> onCut, boolean stopStartedProcesses) {
    Objects.requireNonNull(config, "config");
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
    }
    http.addOrReplaceInterceptor(ResponseCap.NAME, new ResponseCap(maxResponseBytes, onCut))
        .addOrReplaceInterceptor(TokenRefreshInterceptor.NAME,
            new BoundedTokenRefresh(config, refreshTimeout, stopStartedProcesses));
  }

  /**
   * The processes an exec credential plugin started on our behalf (fabric8 runs the plugin as a child of this JVM):
   * noted before the plugin runs, stopped when we give up on it. Stopping waits, briefly, until they are gone, so
   * that nothing a command started outlives its answer. Every child of this JVM started after the note counts: a
   * process that starts children of its own while a plugin runs should not stop them this way.
   */
  public static final class PluginProcesses {

    /** How long to wait for a killed process to be gone; a SIGKILL takes effect at once, reaping may lag. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(5);

    private final Set<Long> before;

    private PluginProcesses(Set<Long> before) {
      this.before = before;
    }

    /** Notes this JVM's children now; the ones started later are the plugin's. */
    public static PluginProcesses noteChildren() {
      return new PluginProcesses(ProcessHandle.current().children().map(ProcessHandle::pid)
          .collect(Collectors.toSet()));
    }

    /** Whether a child has been started since the note. */
    public boolean anyStarted() {
      return ProcessHandle.current().children().anyMatch(p -> !before.contains(p.pid()));
    }

    /** Kills every child started since the note, with its descendants, and waits until they have exited. */
    public void stopStarted() {
      List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !before.contains(p.pid()))
          .flatMap(p -> Stream.concat(p.descendants(), Stream.of(p)))
          .collect(Collectors.toList());
      started.forEach(ProcessHandle::destroyForcibly);
      CompletableFuture<?>[] exits = started.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
      try {
        CompletableFuture.allOf(exits).get(GONE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // Killed; a process the kernel has not reaped within the bound is left to it.
      }
    }
  }
}
