package dev.blame.demo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Field manager names as the API server takes them (apimachinery {@code ValidateFieldManager} and the apiserver's
 * {@code prefixFromUserAgent}): a {@code ?fieldManager=} of more than 128 bytes, or with a character Go's
 * {@code unicode.IsPrint} refuses (controls, line breaks, format characters such as U+200B and the bidi controls,
 * separators other than the ASCII space), is refused with 422; a manager taken from the User-Agent keeps its
 * printable characters up to 128 bytes. Printable look-alikes (a Cyrillic {@code а}) pass, as on a real server.
 */
final class ManagerNames {

  /** apimachinery's {@code FieldManagerMaxLength}, in bytes of UTF-8. */
  static final int MAX_BYTES = 128;

  private ManagerNames() {}

  /**
   * Why the API server refuses an explicit {@code fieldManager}, in its words after {@code fieldManager: }; empty when
   * it takes it (or none was given).
   */
  static Optional<String> refusal(String explicit) {
    if (explicit == null) {
      return Optional.empty();
    }
    if (explicit.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("Too long: may not be more than " + MAX_BYTES + " bytes");
    }
    int bytes = 0;
    for (int i = 0; i < explicit.length(); ) {
      int c = explicit.codePointAt(i);
      if (!isPrint(c)) {
        return Optional.of(String.format(Locale.ROOT, "Invalid value: %s: invalid character U+%04X (at position %d)",
            quoted(explicit), c, bytes));
      }
      i += Character.charCount(c);
      bytes += new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
    }
    return Optional.empty();
  }

  /** The User-Agent's product (before its first {@code /}): its printable characters, at most 128 bytes. */
  static String fromUserAgent(String agent) {
    int slash = agent.indexOf('/');
    String product = slash < 0 ? agent : agent.substring(0, slash);
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < product.length(); ) {
      int c = product.codePointAt(i);
      i += Character.charCount(c);
      if (!isPrint(c)) {
        continue;
      }
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      out.appendCodePoint(c);
      bytes += size;
    }
    return out.toString();
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /** As Go's {@code %q} writes a string: quoted, with quotes, backslashes and what is not printable escaped. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (isPrint(c)) {
        out.appendCodePoint(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c > 0xffff ? String.format(Locale.ROOT, "\\U%08x", c) : String.format(Locale.ROOT, "\\u%04x", c));
      }
    });
    return out.append('"').toString();
  }
}
