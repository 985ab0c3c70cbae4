package dev.blame.cli.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What client and server say to each other. The client sends one {@link Request}; the server answers with frames:
 * a type byte, then for {@link #OUT} and {@link #ERR} a length and that many bytes, for {@link #EXIT} the exit code,
 * for {@link #DECLINED} nothing (the client then runs the command itself).
 */
final class Protocol {

  static final String MAGIC = "kubectl-blame-server/1";
  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte DECLINED = 4;
  /** The most a string or stdin may hold: the CLI's own input cap. */
  static final int MAX_BYTES = 256 << 20;

  private Protocol() {}

  /** One command: what the CLI would have read from its process. */
  record Request(String build, List<String> args, String cwd, Map<String, String> env, boolean console,
      String command, byte[] stdin) {

    void write(DataOutputStream out) throws IOException {
      writeString(out, MAGIC);
      writeString(out, build);
      out.writeInt(args.size());
      for (String arg : args) {
        writeString(out, arg);
      }
      writeString(out, cwd);
      out.writeInt(env.size());
      for (Map.Entry<String, String> e : env.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.writeBoolean(console);
      writeString(out, command);
      writeBytes(out, stdin);
      out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
      if (!MAGIC.equals(readString(in))) {
        throw new IOException("not a kubectl-blame request");
      }
      String build = readString(in);
      int n = count(in.readInt());
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(readString(in));
      }
      String cwd = readString(in);
      int m = count(in.readInt());
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < m; i++) {
        env.put(readString(in), readString(in));
      }
      boolean console = in.readBoolean();
      String command = readString(in);
      byte[] stdin = readBytes(in);
      return new Request(build, List.copyOf(args), cwd, env, console, command, stdin);
    }
  }

  private static int count(int n) throws IOException {
    if (n < 0 || n > 100_000) {
      throw new IOException("bad count " + n);
    }
    return n;
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_BYTES) {
      throw new IOException("bad length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** A stream that sends what is written to it as frames of one type; a client gone is not the command's error. */
  static final class FrameStream extends OutputStream {
    private final DataOutputStream out;
    private final byte type;
    private boolean broken;

    FrameStream(DataOutputStream out, byte type) {
      this.out = out;
      this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len == 0 || broken) {
        return;
      }
      synchronized (out) {
        try {
          out.writeByte(type);
          out.writeInt(len);
          out.write(b, off, len);
          out.flush();
        } catch (IOException e) {
          broken = true;
        }
      }
    }
  }

  static void exit(DataOutputStream out, int code) throws IOException {
    synchronized (out) {
      out.writeByte(EXIT);
      out.writeInt(code);
      out.flush();
    }
  }

  static void expectEnd(DataInputStream in) throws IOException {
    if (in.read() >= 0) {
      throw new EOFException("more than one request");
    }
  }
}
