package dev.blame.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The HTTP side of the demo cluster: a Vert.x server on 127.0.0.1 that hands every request to the
 * {@link DemoDispatcher} (off the event loop), upgrades the mock's WebSocket watches as the mock server does, and
 * serves watches over plain chunked HTTP itself (kubectl, client-go), from {@link Watches}.
 */
final class ApiServer implements AutoCloseable {

  private static final long BOOKMARK_MILLIS = 5_000;
  /**
   * kube-apiserver's {@code --etcd-compaction-interval} default, 5 minutes; the system property
   * {@code blame.demo.compactionInterval} (an ISO-8601 duration such as {@code PT10S}) changes it, to see list
   * continuations expire by hand.
   */
  private static final long COMPACTION_MILLIS = java.time.Duration.parse(
      System.getProperty("blame.demo.compactionInterval", "PT5M")).toMillis();

  private final Vertx vertx;
  private final HttpServer http;
  private final DemoDispatcher dispatcher;
  private final java.util.Set<CompletableFuture<Void>> following = java.util.concurrent.ConcurrentHashMap.newKeySet();

  ApiServer(DemoDispatcher dispatcher, int port) {
    this.dispatcher = dispatcher;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(8));
    // No HTTP/2 over cleartext (h2c): an API server on plain HTTP answers HTTP/1.1 (Go's server takes no h2c
    // upgrade), and the JDK client's upgrade to Vert.x's h2c now and then left a LIST without its answer under load
    // (docs/performance.md, "A LIST with no answer").
    this.http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
        .setHttp2ClearTextEnabled(false)
        .setWebSocketSubProtocols(List.of("v1.channel.k8s.io", "v2.channel.k8s.io", "v3.channel.k8s.io",
            "v4.channel.k8s.io")));
    http.requestHandler(this::handle);
    vertx.setPeriodic(COMPACTION_MILLIS, id -> dispatcher.watches().compact());
    CompletableFuture<HttpServer> started = new CompletableFuture<>();
    http.listen().onComplete(r -> {
      if (r.succeeded()) {
        started.complete(r.result());
      } else {
        started.completeExceptionally(r.cause());
      }
    });
    try {
      started.get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  int port() {
    return http.actualPort();
  }

  private void handle(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    boolean hasBody = length != null && !length.trim().isEmpty() && Integer.parseInt(length.trim()) > 0
        || request.headers().contains("Transfer-Encoding");
    (hasBody ? request.body() : io.vertx.core.Future.<io.vertx.core.buffer.Buffer>succeededFuture(null)).onFailure(e -> request.response().setStatusCode(400).end()).onSuccess(body -> {
      RecordedRequest recorded = new RecordedRequest(request.version().alpnName().toUpperCase(Locale.ROOT),
          HttpMethod.fromVertx(request.method()), request.uri(), Headers.builder().addAll(request.headers()).build(),
          new Buffer(body == null ? new byte[0] : body.getBytes()));
      boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
      boolean get = !upgrade && request.method() == io.vertx.core.http.HttpMethod.GET;
      if (get && isWatch(request.uri()) || get && isLogFollow(request.uri())) {
        dispatcher.metrics().observe("GET", request.uri(), null, 200);
      }
      if (get && isWatch(request.uri())) {
        stream(request, () -> watch(request, recorded));
        return;
      }
      if (get && isLogFollow(request.uri())) {
        stream(request, () -> followLog(request, recorded));
        return;
      }
      if (upgrade) {
        // The upgrade must happen before the request is over, so on the event loop, as the mock server does.
        MockResponse response = dispatcher.dispatch(recorded);
        if (response.getWebSocketListener() != null) {
          request.toWebSocket().onSuccess(new ServerWebSocketHandler(recorded, response))
              .onFailure(e -> fail(request.response(), e));
        } else {
          send(request, response);
        }
        return;
      }
      vertx.executeBlocking(() -> dispatcher.dispatch(recorded), false).onComplete(r -> {
        if (r.failed()) {
          fail(request.response(), r.cause());
          return;
        }
        dispatcher.metrics().observe(request.method().name(), request.uri(), request.getHeader("Content-Type"),
            r.result().code());
        send(request, r.result());
      });
    });
  }

  private static void send(HttpServerRequest request, MockResponse response) {
    HttpServerResponse out = request.response().setStatusCode(response.code());
    response.getHeaders().toMultimap().forEach((k, v) -> out.headers().add(k, v));
    byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
    if (!out.headers().contains("Content-Type") && bytes.length > 0) {
      // The mock's CRUD answers carry none; kubectl 1.32 then tries to decode JSON as protobuf.
      out.putHeader("Content-Type", bytes[0] == '{' || bytes[0] == '[' ? "application/json" : "text/plain");
    }
    out.end(io.vertx.core.buffer.Buffer.buffer(bytes));
  }

  /** Serves a response that lasts (a watch, a followed log) off the event loop, which must not block. */
  private void stream(HttpServerRequest request, Runnable serve) {
    vertx.executeBlocking(() -> {
      serve.run();
      return null;
    }, false).onFailure(e -> fail(request.response(), e));
  }

  private static void fail(HttpServerResponse response, Throwable e) {
    if (!response.headWritten()) {
      response.setStatusCode(500).putHeader("Content-Type", "application/json")
          .end(DemoDispatcher.statusJson(500, "InternalError", String.valueOf(e.getMessage())));
    }
  }

  static boolean isWatch(String uri) {
    return uri.contains("watch=true") || uri.contains("watch=1");
  }

  static boolean isLogFollow(String uri) {
    int q = uri.indexOf('?');
    return q > 0 && uri.substring(0, q).endsWith("/log") && "true".equals(query(uri).get("follow"))
        && !"true".equals(query(uri).get("previous"));
  }

  /**
   * {@code kubectl logs -f}: what the container printed, then the stream stays open while the container runs, as the
   * kubelet's does. It ends when the container stops running (it exited or is waiting to restart), when the pod is
   * deleted, when the server stops, or at once when {@code limitBytes} is reached. A container that is not running
   * answers as without {@code follow}.
   */
  private void followLog(HttpServerRequest request, RecordedRequest recorded) {
    String uri = recorded.getPath();
    DemoDispatcher.Target target = DemoDispatcher.Target.parse(DemoDispatcher.stripQuery(uri));
    String container = target == null ? null : dispatcher.logContainer(target, uri);
    if (container == null) {
      send(request, dispatcher.dispatch(recorded));
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    Predicate<JsonNode> thisPod = o -> "Pod".equals(o.path("kind").asText())
        && target.namespace().equals(o.path("metadata").path("namespace").asText())
        && target.name().equals(o.path("metadata").path("name").asText());
    // Subscribed before the log is read, so a stop between the two is not missed.
    Watches.Subscriber subscriber = dispatcher.watches().subscribeFrom(dispatcher.watches().lastResourceVersion(),
        thisPod, e -> {
          if (e.type().equals("DELETED") || !PodLogs.running(e.object(), container)) {
            done.complete(null);
          }
        });
    MockResponse first = dispatcher.dispatch(recorded);
    JsonNode pod = dispatcher.pod(target);
    byte[] body = first.getBody() == null ? new byte[0] : first.getBody().getBytes();
    String limit = query(uri).get("limitBytes");
    boolean limitReached = limit != null && limit.matches("\\d{1,18}") && body.length >= Long.parseLong(limit);
    if (first.code() != 200 || pod == null || !PodLogs.running(pod, container) || limitReached) {
      dispatcher.watches().unsubscribe(subscriber);
      send(request, first);
      return;
    }
    HttpServerResponse out = request.response().setChunked(true).setStatusCode(200)
        .putHeader("Content-Type", "text/plain");
    out.write(io.vertx.core.buffer.Buffer.buffer(body));
    following.add(done);
    out.closeHandler(v -> done.complete(null));
    request.connection().closeHandler(v -> done.complete(null));
    done.whenComplete((v, e) -> {
      following.remove(done);
      dispatcher.watches().unsubscribe(subscriber);
      if (!out.ended() && !out.closed()) {
        out.end();
      }
    });
  }

  /** A watch over chunked HTTP: one JSON watch event per line, as long as the client keeps the connection. */
  private void watch(HttpServerRequest request, RecordedRequest recorded) {
    String uri = recorded.getPath();
    String bare = DemoDispatcher.stripQuery(uri);
    DemoDispatcher.Target target = DemoDispatcher.Target.parse(bare);
    HttpServerResponse out = request.response();
    Map.Entry<String, Boolean> kind = target == null || target.name() != null ? null : dispatcher.kindOf(target);
    if (kind == null) {
      out.setStatusCode(404).putHeader("Content-Type", "application/json").end(DemoDispatcher.statusJson(404,
          "NotFound", "the server could not find the requested resource"));
      return;
    }
    Map<String, String> query = query(uri);
    String labels = query.getOrDefault("labelSelector", "");
    String fields = query.getOrDefault("fieldSelector", "");
    try {
      LabelSelectors.parse(labels);
      DemoDispatcher.fieldsMatch(fields, DemoDispatcher.JSON.createObjectNode());
      dispatcher.refusedFieldSelector(target, fields).ifPresent(refused -> {
        throw new IllegalArgumentException(refused);
      });
    } catch (IllegalArgumentException e) {
      out.setStatusCode(400).putHeader("Content-Type", "application/json").end(DemoDispatcher.statusJson(400,
          "BadRequest", e.getMessage()));
      return;
    }
    String apiVersion = target.apiVersion();
    Predicate<JsonNode> filter = o -> kind.getKey().equals(o.path("kind").asText())
        && apiVersion.equals(o.path("apiVersion").asText())
        && (target.namespace() == null || target.namespace().equals(o.path("metadata").path("namespace").asText()))
        && (labels.isBlank() || LabelSelectors.matches(labels, labelsOf(o)))
        && (fields.isBlank() || DemoDispatcher.fieldsMatch(fields, o));
    boolean table = Tables.wanted(recorded.getHeader("Accept"));
    boolean bookmarks = "true".equals(query.get("allowWatchBookmarks"));
    out.setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
    // The API server answers a watch at once: client-go's informers (kubectl 1.2x's wait) stop only once the watch
    // request has returned, so headers held back until the first event or bookmark cost 5 s per object.
    out.writeHead();
    Object lock = new Object();
    java.util.function.Consumer<Watches.Event> sink = e -> {
      ObjectNode line = DemoDispatcher.JSON.createObjectNode();
      line.put("type", e.type());
      line.set("object", table ? Tables.table(e.object(), Instant.now()) : e.object());
      synchronized (lock) {
        out.write(line.toString() + "\n");
      }
    };
    String rv = query.getOrDefault("resourceVersion", "");
    Watches.Subscriber subscriber;
    if (rv.isEmpty() || rv.equals("0")) {
      subscriber = dispatcher.watches().subscribeWithState(v -> dispatcher.listAll(target.collection()), filter,
          sink);
    } else {
      long from;
      try {
        from = Long.parseLong(rv);
      } catch (NumberFormatException e) {
        from = -1;
      }
      subscriber = from < 0 ? null : dispatcher.watches().subscribeFrom(from, filter, sink);
      if (subscriber == null) {
        ObjectNode line = DemoDispatcher.JSON.createObjectNode();
        line.put("type", "ERROR");
        try {
          line.set("object", DemoDispatcher.JSON.readTree(DemoDispatcher.statusJson(410, "Expired",
              "too old resource version: " + rv + " (" + dispatcher.watches().lastResourceVersion() + ")")));
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        out.end(line.toString() + "\n");
        return;
      }
    }
    Watches.Subscriber finalSubscriber = subscriber;
    long[] timers = new long[2];
    Runnable stop = () -> {
      dispatcher.watches().unsubscribe(finalSubscriber);
      vertx.cancelTimer(timers[0]);
      vertx.cancelTimer(timers[1]);
    };
    out.closeHandler(v -> stop.run());
    request.connection().closeHandler(v -> stop.run());
    if (bookmarks) {
      timers[0] = vertx.setPeriodic(BOOKMARK_MILLIS, id -> {
        ObjectNode object = DemoDispatcher.JSON.createObjectNode();
        object.put("kind", kind.getKey()).put("apiVersion", apiVersion).putObject("metadata")
            .put("resourceVersion", String.valueOf(dispatcher.watches().lastResourceVersion()));
        ObjectNode line = DemoDispatcher.JSON.createObjectNode();
        line.put("type", "BOOKMARK").set("object", object);
        synchronized (lock) {
          out.write(line.toString() + "\n");
        }
      });
    }
    long timeout = Long.parseLong(query.getOrDefault("timeoutSeconds", "1800").replaceAll("\\D", "0"));
    timers[1] = vertx.setTimer(Math.max(1, timeout) * 1000, id -> {
      stop.run();
      synchronized (lock) {
        out.end();
      }
    });
  }

  private static Map<String, String> labelsOf(JsonNode o) {
    Map<String, String> labels = new HashMap<>();
    o.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static Map<String, String> query(String uri) {
    Map<String, String> out = new HashMap<>();
    int q = uri.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String p : uri.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      String key = eq < 0 ? p : p.substring(0, eq);
      out.put(key, eq < 0 ? "" : java.net.URLDecoder.decode(p.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    // Open `logs -f` streams end cleanly, as when the kubelet's container stops, rather than with a cut connection.
    List.copyOf(following).forEach(f -> f.complete(null));
    CompletableFuture<Void> closed = new CompletableFuture<>();
    vertx.close().onComplete(r -> closed.complete(null));
    try {
      closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // best effort
    }
  }
}
