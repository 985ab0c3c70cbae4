package dev.blame.core.internal;

import dev.blame.api.Escape;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * A cap on each HTTP response body, counted as the bytes arrive (see {@link dev.blame.core.HttpLimits}). Watch
 * streams are long-lived and exempt: their size grows with time, not with one answer.
 */
public final class ResponseCap implements Interceptor {

  public static final String NAME = "blame-response-cap";

  private final long cap;
  private final Consumer<String> onCut;

  public ResponseCap(long cap, Consumer<String> onCut) {
    this.cap = cap;
    this.onCut = onCut == null ? request -> { } : onCut;
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
              // The path only (the query of a LIST is ours), as terminal text: it holds the namespace given.
          String what = request.method() + " " + Escape.terminal(request.uri().getPath());
          onCut.accept(what);
          throw new IOException("the response to " + what + " is larger than the limit of " + cap + " bytes");
        }
        consumer.consume(buffers, body);
      }

      @Override
      public <U> U unwrap(Class<U> target) {
        return consumer.unwrap(target);
      }
    };
  }
}
