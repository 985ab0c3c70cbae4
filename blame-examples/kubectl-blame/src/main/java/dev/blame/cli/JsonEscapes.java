package dev.blame.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blame.api.Escape;

/**
 * JSON as the CLI writes it: Jackson escapes C0 controls itself; this also writes DEL, the C1 controls, the bidi
 * overrides and isolates and the line separators ({@link Escape#isUnsafe}) as {@code \}{@code uXXXX}, so a
 * document printed to a terminal carries no control sequence and parses back to the same text.
 */
final class JsonEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;
  private static final int[] ASCII = standardAsciiEscapesForJSON();

  static {
    ASCII[0x7f] = ESCAPE_STANDARD;
  }

  private JsonEscapes() {}

  /** The mapper with these escapes installed on its factory. */
  static ObjectMapper install(ObjectMapper mapper) {
    mapper.getFactory().setCharacterEscapes(new JsonEscapes());
    return mapper;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ASCII;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return Escape.isUnsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
  }
}
