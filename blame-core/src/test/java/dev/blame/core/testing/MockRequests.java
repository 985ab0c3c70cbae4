package dev.blame.core.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** What tests read from fabric8's mock server: its request log, and a condition polled until it holds. */
public final class MockRequests {

  private MockRequests() {
  }

  /**
   * The requests the server took since the last call ({@code METHOD PATH}), those {@code counted} keeps; stops once
   * none came for {@code quiet}.
   */
  public static List<String> drain(KubernetesMockServer server, Duration quiet, Predicate<RecordedRequest> counted)
      throws InterruptedException {
    List<String> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      if (counted.test(request)) {
        requests.add(request.getMethod() + " " + request.getPath());
      }
    }
    return requests;
  }

  /** Polls {@code condition} every 20 ms; fails when it does not hold within {@code timeout}. */
  public static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }
}
