package dev.blame.core.internal;

import dev.blame.core.HttpLimits.PluginProcesses;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's {@link TokenRefreshInterceptor} (which puts the token on each request and refreshes it every minute)
 * with its refresh after a 401 bounded. fabric8 re-runs the kubeconfig's exec credential plugin for every request
 * answered 401, each run with an unbounded {@code Process.waitFor()}: a token the server refuses costs one plugin
 * run per request and retry (11 for one {@code kubectl blame deploy/web}). Here the 401s of concurrent requests
 * share one refresh; after a refresh, further 401s within {@link #INTERVAL} run no plugin (the fresh token was
 * refused too: the request fails as unauthorized); and a refresh that outlasts the request timeout is given up
 * and the plugin process it started is stopped ({@link dev.blame.core.HttpLimits}).
 */
public final class BoundedTokenRefresh implements Interceptor {

  /** After a refresh, how long a 401 is taken as the answer rather than a reason to run the plugin again. */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private final TokenRefreshInterceptor delegate;
  private final Config config;
  private final Duration timeout;
  private final boolean stopStartedProcesses;
  private CompletableFuture<Boolean> refresh;
  private long refreshedAt;
  /** The Authorization header the refreshed token replaced. */
  private String stale;

  /**
   * @param stopStartedProcesses whether a refresh given up on stops the children of this JVM started while it ran
   *     (true only for a process that starts none of its own: {@link dev.blame.core.HttpLimits})
   */
  public BoundedTokenRefresh(Config config, Duration timeout, boolean stopStartedProcesses) {
    this.delegate = new TokenRefreshInterceptor(config, HttpClientUtils.getHttpClientFactory(), Instant.now());
    this.config = config;
    this.timeout = timeout;
    this.stopStartedProcesses = stopStartedProcesses;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    delegate.before(builder, request, tags);
  }

  @Override
  public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    if (response.code() != 401) {
      return delegate.afterFailure(builder, response, tags);
    }
    CompletableFuture<Boolean> shared;
    boolean mine = false;
    synchronized (this) {
      long now = System.nanoTime();
      if (refresh != null && refresh.isDone() && now - refreshedAt >= INTERVAL.toNanos()) {
        refresh = null;
      }
      String sent = response.request() == null ? null : response.request().header("Authorization");
      if (refresh == null) {
        refresh = new CompletableFuture<>();
        refreshedAt = now;
        stale = sent;
        mine = true;
      } else if (refresh.isDone() && (sent == null || !sent.equals(stale) || !refresh.getNow(false))) {
        // Refreshed a moment ago and the new credentials were refused too.
        return CompletableFuture.completedFuture(false);
      }
      shared = refresh;
    }
    if (mine) {
      run(builder, response, tags, shared);
      return shared;
    }
    // Sent with the token another request's 401 is refreshing (or has refreshed): retry with the new one.
    return shared.thenApply(ok -> {
      // fabric8's refresh keeps the new token as the config's auto token; replace the header (before() would add
      // a second Authorization header beside the stale one).
      String token = config.getAutoOAuthToken();
      if (ok && token != null && !token.isEmpty()) {
        builder.setHeader("Authorization", "Bearer " + token);
        return true;
      }
      return false;
    });
  }

  /** The refresh on its own thread, given up (and, if asked, its plugin stopped) after the request timeout. */
  private void run(BasicBuilder builder, HttpResponse<?> response, RequestTags tags,
      CompletableFuture<Boolean> result) {
    PluginProcesses plugin = stopStartedProcesses ? PluginProcesses.noteChildren() : null;
    Thread thread = new Thread(() -> {
      try {
        delegate.afterFailure(builder, response, tags).whenComplete((ok, e) -> result.complete(e == null && ok));
      } catch (RuntimeException e) {
        result.complete(false);
      }
    }, "kubectl-blame-token-refresh");
    thread.setDaemon(true);
    thread.start();
    result.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, e) -> {
      if (thread.isAlive()) {
        thread.interrupt();
        if (plugin != null) {
          plugin.stopStarted();
        }
      }
    });
  }
}
