package dev.blame.rules;

import dev.blame.api.Escape;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.TwoArgFunction;

/**
 * Text between Java and Lua as UTF-8 by code point, both ways. LuaJ's own conversions work one UTF-16 unit at
 * a time: {@code LuaString.valueOf(String)} writes a surrogate pair as two three-byte sequences (CESU-8), and
 * {@code tojstring()} reads at most three bytes per character, so a four-byte character in a script (an emoji,
 * a tag character) came back as another character and NULs, and text from the object never equalled the same
 * text written in the script. Here a lone surrogate and every byte sequence that is not UTF-8 become U+FFFD,
 * as Go (Argo CD's gopher-lua) reads them.
 */
final class LuaText {

  private static final char REPLACEMENT = '\uFFFD';

  private LuaText() {}

  /** The string as a Lua string of its UTF-8 bytes; a lone surrogate is written as U+FFFD. */
  static LuaString lua(String text) {
    return LuaString.valueOf(utf8(text));
  }

  /** The UTF-8 bytes of the text; a lone surrogate is written as U+FFFD. */
  static byte[] utf8(String text) {
    return Escape.wellFormed(text).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A Lua string (or number) read as UTF-8 as Go reads it (Argo CD's scripts run in gopher-lua and their message
   * leaves as Go JSON): each byte that does not begin a well-formed sequence (a stray continuation byte, an
   * overlong form, an encoded surrogate, a code point past U+10FFFF, a cut sequence) becomes one U+FFFD.
   */
  static String java(LuaValue value) {
    LuaString s = value.checkstring();
    byte[] bytes = s.m_bytes;
    int end = s.m_offset + s.m_length;
    StringBuilder out = new StringBuilder(s.m_length);
    for (int i = s.m_offset; i < end; ) {
      int b = bytes[i] & 0xff;
      int length = b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;
      if (length == 1) {
        out.append((char) b);
        i++;
      } else if (length > 0 && wellFormed(bytes, i, length, end)) {
        int c = b & (0x7f >> length);
        for (int k = 1; k < length; k++) {
          c = (c << 6) | (bytes[i + k] & 0x3f);
        }
        out.appendCodePoint(c);
        i += length;
      } else {
        out.append(REPLACEMENT);
        i++;
      }
    }
    return out.toString();
  }

  /** Whether the sequence of the given length at {@code i} is UTF-8 (Unicode's table 3-7). */
  private static boolean wellFormed(byte[] bytes, int i, int length, int end) {
    if (i + length > end) {
      return false;
    }
    int lead = bytes[i] & 0xff;
    int second = bytes[i + 1] & 0xff;
    int low = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
    int high = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) {
      return false;
    }
    for (int k = 2; k < length; k++) {
      if ((bytes[i + k] & 0xc0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lua's {@code error} as LuaJ's base library has it (nil, a string or number with a level, any other value
   * as the error object), except that a string message is read by {@link #java} rather than LuaJ's decoder.
   */
  static final class ErrorFunction extends TwoArgFunction {
    @Override
    public LuaValue call(LuaValue message, LuaValue level) {
      if (message.isnil()) {
        throw new LuaError(null, level.optint(1));
      }
      if (message.isstring()) {
        throw new ScriptError(java(message), level.optint(1));
      }
      throw new LuaError(message);
    }
  }

  /** An error with a text message whose value, as {@code pcall} returns it, is that text's UTF-8. */
  static final class ScriptError extends LuaError {
    private static final long serialVersionUID = 1L;

    ScriptError(String message, int level) {
      super(message, level);
    }

    @Override
    public LuaValue getMessageObject() {
      String message = getMessage();
      return message == null ? null : lua(message);
    }
  }
}
