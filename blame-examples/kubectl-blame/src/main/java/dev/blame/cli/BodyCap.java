package dev.blame.cli;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A cap on each HTTP response body, counted as the bytes arrive (a LIST is paged by 500 objects; a server that
 * ignores the page size and sends a gigabyte is cut off at the cap instead of filling the memory). Watch streams
 * are long-lived and exempt: their size grows with time, not with one answer.
 */
final class BodyCap implements Interceptor {

  static final String NAME = "kubectl-blame-body-cap";

  /**
   * The last cap exceeded in this process, for the error line: the HTTP client reports a body cut off as a reset
   * stream, not with the reason. The CLI runs one command per process; {@link #reset} starts a run.
   */
  private static volatile String breach;

  private final long cap;

  BodyCap(long cap) {
    this.cap = cap;
  }

  @Override
  public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer,
      HttpRequest request) {
    String query = request.uri().getRawQuery();
    if (query != null && query.contains("watch=true")) {
      return consumer;
    }
    return new AsyncBody.Consumer<>() {
      private long total;

      @Override
      public void consume(List<ByteBuffer> buffers, AsyncBody body) throws Exception {
        for (ByteBuffer buffer : buffers) {
          total += buffer.remaining();
        }
        if (total > cap) {
          breach = "the response to " + request.method() + " " + request.uri().getPath()
              + " is larger than " + Inputs.human(cap) + "; raise the limit with " + Inputs.FLAG;
          throw new IOException("the response to " + request.method() + " " + request.uri().getPath()
              + " is larger than " + Inputs.human(cap) + "; raise the limit with " + Inputs.FLAG);
        }
        consumer.consume(buffers, body);
      }

      @Override
      public <U> U unwrap(Class<U> target) {
        return consumer.unwrap(target);
      }
    };
  }

  static void reset() {
    breach = null;
  }

  /** The reason a response was cut off in this run, when one was. */
  static java.util.Optional<String> breach() {
    return java.util.Optional.ofNullable(breach);
  }
}
