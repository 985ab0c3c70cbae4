package dev.blame.rules;

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
    return wellFormed(text).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A Lua string (or number) read as UTF-8: a malformed sequence, an encoded surrogate and a code point past
   * U+10FFFF each become U+FFFD (the JDK decoder's replacement).
   */
  static String java(LuaValue value) {
    LuaString s = value.checkstring();
    return new String(s.m_bytes, s.m_offset, s.m_length, StandardCharsets.UTF_8);
  }

  private static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append(REPLACEMENT);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
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
