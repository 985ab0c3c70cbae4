package dev.blame.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;

/**
 * LuaJ's compile errors said in the script's own characters. LuaJ's lexer reads a script one byte at a time and
 * names a byte it cannot start a token with as that byte taken for a Latin-1 character: a right-to-left override
 * (UTF-8 {@code E2 80 AE}) was "unexpected symbol 226 (â)", an emoji "240 (ð)", a character the script does not
 * hold. A number it cannot read escaped as Java's {@code NumberFormatException}, whose text quotes the whole token
 * (a megabyte of digits) and names no line. Here both name the line, and the first names the character as
 * {@code U+202E RIGHT-TO-LEFT OVERRIDE} and its column.
 */
final class LuaCompileErrors {

  private static final Pattern NON_ASCII_SYMBOL = Pattern.compile("unexpected symbol (\\d{3}) \\(.\\)$");

  private LuaCompileErrors() {}

  /** A script's bytes, telling how many the compiler has read when it stops. */
  static final class Source extends ByteArrayInputStream {
    Source(byte[] bytes) {
      super(bytes);
    }

    int consumed() {
      return pos;
    }

    byte[] bytes() {
      return buf;
    }
  }

  /**
   * The error to report for what the compiler threw while reading {@code source}.
   *
   * @param name the chunk name the compiler was given, without its {@code @}
   */
  static LuaError explain(RuntimeException e, String name, Source source) {
    byte[] bytes = source.bytes();
    int at = Math.max(0, Math.min(bytes.length, source.consumed()) - 1);
    if (e instanceof NumberFormatException) {
      return new LuaError(name + ":" + line(bytes, at) + ": malformed number");
    }
    String message = String.valueOf(e.getMessage());
    if (!(e instanceof LuaError)) {
      return new LuaError(name + ":" + line(bytes, at) + ": " + e.getClass().getSimpleName());
    }
    Matcher symbol = NON_ASCII_SYMBOL.matcher(message);
    if (!symbol.find() || Integer.parseInt(symbol.group(1)) < 0x80) {
      return (LuaError) e;
    }
    // The lexer has read the byte and one past it: look back a few bytes for a sequence that begins with it.
    int lead = Integer.parseInt(symbol.group(1));
    for (int i = at; i >= 0 && i >= at - 4; i--) {
      if ((bytes[i] & 0xff) == lead) {
        return new LuaError(message.substring(0, symbol.start()) + "unexpected symbol " + character(bytes, i));
      }
    }
    return (LuaError) e;
  }

  /** {@code U+202E RIGHT-TO-LEFT OVERRIDE at column 5}: the character that begins at byte {@code i}. */
  private static String character(byte[] bytes, int i) {
    String before = new String(bytes, 0, i, StandardCharsets.UTF_8);
    String rest = new String(bytes, i, Math.min(4, bytes.length - i), StandardCharsets.UTF_8);
    int c = rest.codePointAt(0);
    int lineStart = before.lastIndexOf('\n') + 1;
    String name = Character.getName(c);
    return String.format(Locale.ROOT, "U+%04X%s at column %d (Lua names and operators are ASCII)", c,
        name == null ? "" : " " + name, before.codePointCount(lineStart, before.length()) + 1);
  }

  /** The line (from 1) of byte {@code at}. */
  private static int line(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < at && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
