package dev.blame.examples.rollout;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of the demo cluster that breaks watches the way a network or an API server
 * does: {@link #dropAll()} cuts every connection (the client reconnects its watches), {@link #gone(String)}
 * sends {@code ERROR 410 Gone} on the open watches of a resource (the informer must re-list). It reads the
 * server's WebSocket frames so that an injected frame never lands inside another one. Loopback only.
 */
final class FaultProxy implements Closeable {

  private static final String GONE = "{\"type\":\"ERROR\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Status\","
      + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version\",\"reason\":\"Expired\","
      + "\"code\":410}}";

  private final ServerSocket server;
  private final int target;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private FaultProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "fault-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  static FaultProxy to(int port) throws IOException {
    return new FaultProxy(port);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Cuts every open connection, both ways. */
  void dropAll() {
    for (Connection c : connections) {
      c.close();
    }
  }

  /** Sends 410 Gone on every open watch whose request path contains {@code resource}; returns how many. */
  /** True when a watch of this resource is open through the proxy. */
  boolean watching(String resource) {
    for (Connection c : connections) {
      if (c.websocket && c.path.contains(resource) && c.path.contains("watch=")) {
        return true;
      }
    }
    return false;
  }

  int gone(String resource) throws IOException {
    int sent = 0;
    for (Connection c : connections) {
      if (c.websocket && c.path.contains(resource) && c.path.contains("watch=")) {
        c.sendText(GONE);
        sent++;
      }
    }
    return sent;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        Connection c = new Connection(client, upstream);
        connections.add(c);
        c.start();
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    dropAll();
  }

  private final class Connection {
    final Socket client;
    final Socket upstream;
    volatile String path = "";
    volatile boolean websocket;
    private final Object writeLock = new Object();

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      Thread up = new Thread(this::clientToServer, "fault-proxy-up");
      Thread down = new Thread(this::serverToClient, "fault-proxy-down");
      up.setDaemon(true);
      down.setDaemon(true);
      up.start();
      down.start();
    }

    private void clientToServer() {
      try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
        byte[] head = readHead(in);
        String text = new String(head, StandardCharsets.ISO_8859_1);
        path = text.substring(0, Math.max(0, text.indexOf("\r\n")));
        out.write(head);
        out.flush();
        in.transferTo(out);
      } catch (IOException e) {
        // dropped
      } finally {
        close();
      }
    }

    private void serverToClient() {
      try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
        byte[] head = readHead(in);
        synchronized (writeLock) {
          out.write(head);
          out.flush();
        }
        if (!new String(head, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 101")) {
          in.transferTo(out);
          return;
        }
        websocket = true;
        while (true) {
          byte[] frame = readFrame(in);
          if (frame == null) {
            return;
          }
          synchronized (writeLock) {
            out.write(frame);
            out.flush();
          }
        }
      } catch (IOException e) {
        // dropped
      } finally {
        close();
      }
    }

    void sendText(String text) throws IOException {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.write(0x81);
      if (payload.length < 126) {
        frame.write(payload.length);
      } else {
        frame.write(126);
        frame.write(payload.length >>> 8);
        frame.write(payload.length & 0xff);
      }
      frame.write(payload);
      synchronized (writeLock) {
        OutputStream out = client.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
      }
    }

    void close() {
      try {
        client.close();
      } catch (IOException ignored) {
        // closing
      }
      try {
        upstream.close();
      } catch (IOException ignored) {
        // closing
      }
      connections.remove(this);
    }
  }

  /** The bytes up to and including the blank line that ends HTTP headers. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return head.toByteArray();
  }

  /** One whole WebSocket frame as sent, or null at the end of the stream. */
  private static byte[] readFrame(InputStream in) throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(b0);
    int b1 = readByte(in);
    frame.write(b1);
    long length = b1 & 0x7f;
    int extra = length == 126 ? 2 : length == 127 ? 8 : 0;
    if (extra > 0) {
      length = 0;
      for (int i = 0; i < extra; i++) {
        int b = readByte(in);
        frame.write(b);
        length = (length << 8) | b;
      }
    }
    int mask = (b1 & 0x80) != 0 ? 4 : 0;
    frame.write(in.readNBytes((int) (mask + length)));
    return frame.toByteArray();
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("closed mid-frame");
    }
    return b;
  }
}
