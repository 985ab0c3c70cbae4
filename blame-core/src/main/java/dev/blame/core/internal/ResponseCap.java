package dev.blame.core.internal;

import dev.blame.api.Escape;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A cap on each HTTP response body, counted as the bytes arrive (see {@link dev.blame.core.HttpLimits}). Watch
 * streams are long-lived and exempt: their size grows with time, not with one answer. A body cut off fails its own
 * call with {@link TooLarge}, found in the cause chain of that call's failure ({@link #cutOff}), so the reason
 * belongs to the call and to nothing else a process runs at the time.
 */
public final class ResponseCap implements Interceptor {

  public static final String NAME = "blame-response-cap";

  private final long cap;
  private final Consumer<String> onCut;

  /** The failure of a call whose response was cut off at the cap. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final String request;
    private final long cap;

    TooLarge(String request, long cap) {
      super("the response to " + request + " is larger than the limit of " + cap + " bytes");
      this.request = request;
      this.cap = cap;
    }

    /** {@code GET /api/v1/...}, as terminal text. */
    public String request() {
      return request;
    }

    public long cap() {
      return cap;
    }
  }

  /** The cut-off response in {@code failure}'s cause chain, when there is one. */
  public static Optional<TooLarge> cutOff(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof TooLarge) {
        return Optional.of((TooLarge) t);
      }
    }
    return Optional.empty();
  }

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
          TooLarge cut = new TooLarge(what, cap);
          // The reason goes with this call's failure: completed before the body is cancelled, as a cancelled
          // HTTP/2 stream may otherwise fail the call first with a reset stream, which says nothing of the cap.
          body.done().completeExceptionally(cut);
          throw cut;
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
