package dev.blame.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Object names in URL paths. The API server decodes a path's percent escapes before it splits it (Go's
 * {@code url.URL.Path}), so {@code GET .../clusterroles/caf%C3%A9} reads the ClusterRole {@code café}; client-go escapes
 * each segment as Go's {@code url.PathEscape} does. The mock compared the escaped segment with the stored name, so such
 * an object could be created but not read, and a create whose name held a space failed with "Invalid URL".
 */
final class PathNames {

  private PathNames() {
  }

  /** The segment with its percent escapes decoded as UTF-8 ({@code +} stays a plus, as in a path). */
  static String decode(String segment) {
    if (segment == null || segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw new IllegalArgumentException("invalid URL escape \"" + segment.substring(i) + "\"");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("invalid URL escape \"" + segment.substring(i, i + 3) + "\"");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < segment.length()) {
          utf8 = segment.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The segment escaped as Go's {@code url.PathEscape} escapes it (what client-go sends). */
  static String escape(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~$&+=:@".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * The path (without its query) with every segment in one canonical escaped form, so that {@code a b},
   * {@code a%20b} and {@code caf%c3%a9} / {@code café} reach the same stored object.
   */
  static String canonical(String path) {
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    String query = q < 0 ? "" : path.substring(q);
    String[] segments = bare.split("/", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(escape(decode(segments[i])));
    }
    return out + query;
  }
}
