package dev.blame.api;

import java.net.URISyntaxException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where text from a cluster or a file is encoded for the sink it is written to. Everything in a
 * {@link Finding}, an {@link EventRecord}, a {@link Verdict} or an object's name is hostile until it passed
 * through one of these: a crafted Event message must not clear a terminal, forge a table row, start a GitHub
 * Actions workflow command, break out of an XML or DOT string or make the API server refuse a status condition.
 *
 * <p>JSON and YAML need no method here: Jackson's generators escape every control character, and a document
 * parsed back holds the text unchanged.
 */
public final class Escape {

  private Escape() {}

  /**
   * Whether a code point must never reach a terminal as it is: C0 controls (with TAB, CR, LF, BEL, ESC), DEL,
   * C1 controls (with CSI U+009B and OSC U+009D), every format character of Unicode category Cf (the bidi
   * embeddings, overrides, isolates and marks U+202A-U+202E, U+2066-U+2069, U+200E, U+200F and U+061C; the
   * invisible zero-width space, joiners and word joiner U+200B-U+200D, U+2060-U+2064; the soft hyphen; the byte
   * order mark; the tag characters U+E0000-U+E007F that smuggle invisible text), the line and paragraph
   * separators U+2028 and U+2029, lone surrogates, the {@link #isInvisible invisible letters and marks} that
   * are not of category Cf, and the {@link #isNoncharacter noncharacters}.
   *
   * @param c a Unicode code point
   * @return true when {@code c} must be made visible before it reaches a terminal
   */
  public static boolean isUnsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0xd800 && c <= 0xdfff)
        || (c > 0x9f && (Character.getType(c) == Character.FORMAT || isInvisible(c) || isNoncharacter(c)));
  }

  /**
   * The 66 noncharacters (Unicode chapter 23.7): U+FDD0-U+FDEF and the last two code points of every plane (U+FFFE,
   * U+FFFF, U+1FFFE...). Reserved for a program's internal use, never text to interchange; U+FFFE is a byte order
   * mark read in the wrong byte order, and XML 1.0 forbids it and U+FFFF ({@link #xml} writes U+FFFD for them). A
   * terminal draws them as nothing or as a box like any other, so they are shown as escapes.
   */
  private static boolean isNoncharacter(int c) {
    return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
  }

  /**
   * Code points that draw nothing but are letters or marks, not format characters, so that a category check
   * misses them: the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0 (letters: a blank name, or a name with an
   * invisible tail, that a terminal shows as spaces or nothing), the combining grapheme joiner U+034F, the
   * Mongolian free variation selectors U+180B-U+180D and U+180F, and the Khmer inherent vowels U+17B4 and U+17B5
   * (Unicode discourages both). anti-trojan-source (github.com/lirantal/anti-trojan-source) lists these beside
   * the bidi controls as characters used to hide text. Variation selectors are read in context by
   * {@link #terminal}.
   */
  private static boolean isInvisible(int c) {
    return c == 0x115f || c == 0x1160 || c == 0x3164 || c == 0xffa0 || c == 0x034f || c == 0x17b4 || c == 0x17b5
        || (c >= 0x180b && c <= 0x180d) || c == 0x180f;
  }

  /** U+FE00-U+FE0F and U+E0100-U+E01EF: they choose a glyph of the character before them, and draw nothing. */
  private static boolean isVariationSelector(int c) {
    return (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
  }

  /**
   * A variation selector that selects nothing: at the start, after ASCII (no text selector chooses a glyph of a
   * letter), or after another selector. A sequence takes one selector; a run of them after one character hides
   * bytes in text that shows as that character (the "GlassWorm" attacks anti-trojan-source detects). Emoji
   * (U+2764 U+FE0F) and CJK ideographic variation sequences keep theirs.
   */
  private static boolean isStraySelector(int c, int previous) {
    return isVariationSelector(c) && (previous < 0x80 || isVariationSelector(previous));
  }

  /**
   * For a terminal, a table cell or a stderr line: one line with every {@link #isUnsafe unsafe} code point made
   * visible ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b}-style), so that the text can never start a
   * line, a row or a control sequence; and no CI runner reading the log finds a command in it ({@code ##[error]},
   * {@code ##vso[...]} anywhere, {@code ::error::} at its start); and at most {@link #TERMINAL_MAX} characters
   * of it, the rest counted in a marker ({@code … (1048000 more characters)}), so that a 1 MB condition message
   * or annotation does not flood the terminal or the CI log. Null reads as empty.
   *
   * @param text cluster or file text, possibly null
   * @return one line safe to print
   */
  public static String terminal(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= TERMINAL_MAX && clean(text) && !hasLongMarkRun(text)) {
      return ciCommandFree(text);
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), TERMINAL_MAX) + 16);
    int marks = 0;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      if (cut(out, text, i)) {
        break;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      marks = isMark(c) ? marks + 1 : 0;
      boolean stray = isStraySelector(c, previous);
      previous = c;
      if (marks > MAX_MARKS || stray) {
        appendUnicodeEscape(out, c);
      } else if (!isUnsafe(c)) {
        out.appendCodePoint(c);
      } else {
        appendEscape(out, c);
      }
    }
    return ciCommandFree(out.toString());
  }

  /**
   * For who did it, wherever a person reads it (a tree, a table, {@code wait}'s text and workflow commands, JUnit XML,
   * the GitHub Action's summary): a field manager, the tool and release an attribution names, a recorded
   * change-cause, an injector. As {@link #terminal}, and with every code point outside printable ASCII written as a
   * {@code \}{@code u0430}-style escape and a backslash as two, so that two identities that differ never print
   * alike: {@code kubectl-client-side-apply} with a Cyrillic {@code а} (U+0430) prints
   * {@code kubectl-client-side-\}{@code u0430pply}, and a manager spelled with that backslash sequence in ASCII prints
   * {@code kubectl-client-side-\\}{@code u0430pply}. This is the ASCII form browsers fall back to for a host name
   * they cannot show safely (Chrome's IDN policy shows its punycode), and the form of Go's
   * {@code strconv.QuoteToASCII}. Who-did-it text is self-declared (a field manager is any printable text up to
   * 128 bytes, the User-Agent's product by default), so the form does not make it true; it makes what is
   * printed the exact code points to search an audit log for. JSON and YAML keep the value itself. Null reads as
   * empty.
   *
   * @param text a field manager, an attribution or an injector from a cluster or a file, possibly null
   * @return one line of printable ASCII, safe to print
   */
  public static String identity(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), TERMINAL_MAX) + 16);
    for (int i = 0; i < text.length(); ) {
      if (cut(out, text, i)) {
        break;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c >= 0x20 && c < 0x7f) {
        out.append((char) c);
      } else {
        appendEscape(out, c);
      }
    }
    return ciCommandFree(out.toString());
  }

  /** A line break or tab as its C escape ({@code \n}, {@code \r}, {@code \t}), any other code point as {@code \}u. */
  private static void appendEscape(StringBuilder out, int c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> appendUnicodeEscape(out, c);
    }
  }

  /**
   * The most characters (UTF-16 units, escapes included) {@link #terminal} writes of one text before it cuts it
   * with a marker counting the code points left out. A Kubernetes condition message may hold 32768 characters and
   * an annotation 256 KiB, a file anything; a table cell or a tree line that long is noise. {@code -o json} and
   * {@code -o yaml} keep the whole text.
   */
  public static final int TERMINAL_MAX = 2048;

  /**
   * The most combining marks one character keeps on a terminal; the further ones of a run are written as
   * {@code \}{@code u0301}-style escapes. Real text stacks a few (Vietnamese two, Devanagari, Hebrew or Tibetan up
   * to about five); a "Zalgo" flood of hundreds draws over the lines above and below it.
   */
  public static final int MAX_MARKS = 8;

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static boolean hasLongMarkRun(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      run = c >= 0x300 && isMark(c) ? run + 1 : 0;
      if (run > MAX_MARKS) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many columns a terminal gives {@link #terminal} text, to align columns by: two for East Asian wide and
   * full-width characters (CJK, kana, Hangul syllables, full-width forms) and emoji, none for combining marks,
   * one for the rest. Counting {@code String.length()} instead shifts every cell after a Japanese name or an
   * emoji, and lets a name of many combining marks push the columns of other rows far to the right.
   *
   * @param text terminal text (as {@link #terminal} returns it), possibly null
   * @return the columns it takes
   */
  public static int terminalWidth(String text) {
    if (text == null) {
      return 0;
    }
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      width += c < 0x300 ? 1 : isMark(c) || (c >= 0x1160 && c <= 0x11ff) ? 0 : isWide(c) ? 2 : 1;
    }
    return width;
  }

  /** East Asian Wide and Fullwidth (Unicode UAX #11) and emoji presentation, as wcwidth ranges. */
  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115f) || c == 0x2329 || c == 0x232a
        || (c >= 0x231a && c <= 0x231b) || (c >= 0x23e9 && c <= 0x23ec) || (c >= 0x25fd && c <= 0x25fe)
        || (c >= 0x2614 && c <= 0x2615) || (c >= 0x26aa && c <= 0x26ab) || (c >= 0x26bd && c <= 0x26be)
        || c == 0x26a1 || c == 0x26d4 || c == 0x26ea || c == 0x26f5 || c == 0x26fd || c == 0x2705
        || c == 0x274c || c == 0x2753 || c == 0x2757 || c == 0x2b50 || c == 0x2b55
        || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) || (c >= 0xac00 && c <= 0xd7a3)
        || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6f)
        || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
        || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f680 && c <= 0x1f6ff) || (c >= 0x1f900 && c <= 0x1f9ff)
        || (c >= 0x1fa70 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x2fffd) || (c >= 0x30000 && c <= 0x3fffd);
  }

  /**
   * A CI runner reads a job's log for commands, and not only at the start of a line: GitHub's runner takes its
   * legacy form {@code ##[error]text} (and {@code ##[set-output name=x;]v}, {@code ##[add-mask]},
   * {@code ##[stop-commands]t}) anywhere in a line, as Azure Pipelines takes {@code ##vso[...]} and TeamCity
   * {@code ##teamcity[...]}; and it takes {@code ::error::text} at the start of a line, after blanks. So in terminal
   * text the second {@code #} of every {@code ##} is written {@code \}{@code u0023}, and a text that begins (after
   * blanks) with {@code ::} and a letter has its first {@code :} written {@code \}{@code u003a}. Both are rare in
   * real text and read as what they stand for.
   */
  private static String ciCommandFree(String text) {
    String out = text.indexOf("##") < 0 ? text : text.replace("##", "#\\u0023");
    int start = 0;
    // The runner trims every blank (.NET's char.IsWhiteSpace: the Unicode spaces too) before it looks.
    while (start < out.length()
        && (Character.isWhitespace(out.charAt(start)) || Character.isSpaceChar(out.charAt(start)))) {
      start++;
    }
    if (out.startsWith("::", start) && out.length() > start + 2 && Character.isLetter(out.charAt(start + 2))) {
      out = out.substring(0, start) + "\\u003a" + out.substring(start + 1);
    }
    return out;
  }

  /** A URL's user info ({@code user:password@}): from the scheme's {@code //} to the authority's last {@code @}. */
  private static final Pattern URL_USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");

  /**
   * A message with the user info of every URL in it removed ({@code https://admin:pw@host/x} becomes
   * {@code https://host/x}): a kubeconfig's server URL, and the request URLs a client puts in its exceptions, may
   * carry a user name and a password. Not an encoding: pass the result to {@link #terminal} for a terminal. Null
   * reads as empty.
   *
   * @param text a message that may name URLs, possibly null
   * @return the message without user info in its URLs
   */
  public static String withoutCredentials(String text) {
    return text == null ? "" : text.indexOf('@') < 0 ? text : URL_USER_INFO.matcher(text).replaceAll("$1");
  }

  /**
   * A server's URL as a message names it: without user info (see {@link #withoutCredentials}), query or fragment,
   * where a kubeconfig may put a password or a token ({@code https://admin:pw@host:6443/?token=...} becomes
   * {@code https://host:6443/}). An {@code @} in the path, query or fragment of a URL whose authority is a host and
   * an optional numeric port is legal (RFC 3986 {@code pchar}) and names no user: {@code https://h:6443/u/a@b?x=c@d}
   * is shown as {@code https://h:6443/u/a@b}. Otherwise, or when the URL had user info as well (a password may
   * hold {@code @} then {@code /}: {@code https://admin:a@b/c@h}), the text is one URL whose password held a blank,
   * {@code /}, {@code ?} or {@code #} (unencoded, which a URL parser reads otherwise, and a kubectl user pastes all
   * the same), and everything between the scheme and its last {@code @} is user info. Left to the first reading: a password
   * whose characters up to its first {@code /}, {@code ?} or {@code #} are all digits, which reads as a port
   * ({@code https://admin:12/3@h}). Null reads as empty.
   *
   * @param url a server URL, possibly null
   * @return the URL without what may be credentials
   */
  public static String serverUrl(String url) {
    if (url == null) {
      return "";
    }
    String plain = withoutCredentials(url);
    int authority = plain.indexOf("://");
    int lastAt = plain.lastIndexOf('@');
    boolean hidden = authority >= 0 && lastAt > authority
        && (!plain.equals(url) || !legalAt(plain.substring(authority + 3, lastAt)));
    if (hidden) {
      // One URL, not free text: a password may hold a blank, '/', '?' or '#' that a parser takes for the end of
      // the user info, so that withoutCredentials leaves it. Nothing before the last '@' is shown.
      plain = plain.substring(0, authority + 3) + plain.substring(lastAt + 1);
    }
    int end = plain.length();
    for (char c : new char[] {'?', '#'}) {
      int at = plain.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return plain.substring(0, end);
  }

  /** A host (a name, an IPv4 address or a bracketed IPv6 one) and an optional numeric port: an authority. */
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~%-]+)(:[0-9]{0,5})?");
  /** What ends a URL's authority. */
  private static final Pattern AUTHORITY_END = Pattern.compile("[/?#]");

  /**
   * Whether the text between a URL's {@code ://} and its last {@code @} ends its authority at a host and port and
   * holds nothing a URL cannot (a blank, a control): the {@code @} is then in the path, query or fragment.
   */
  private static boolean legalAt(String beforeLastAt) {
    Matcher end = AUTHORITY_END.matcher(beforeLastAt);
    return end.find() && HOST_PORT.matcher(beforeLastAt.substring(0, end.start())).matches()
        && beforeLastAt.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  /**
   * For a stack trace in a log or on stderr: a copy of {@code e} whose message, and the messages of its causes and
   * suppressed exceptions, are {@link #terminal} text without URL credentials ({@link #withoutCredentials}); class
   * names and stack frames as they were. A logging framework and {@link Throwable#printStackTrace()} print a
   * message as it is, and a client's exception quotes what the server said (a Status message), a parser's the
   * file's text. The copy prints as the original would, {@code Caused by:} and {@code Suppressed:} included;
   * it is only for printing (its class is not the original's). Null reads as null.
   *
   * @param e an exception, possibly null
   * @return a copy safe to print or log with its stack trace
   */
  public static Throwable throwable(Throwable e) {
    return e == null ? null : shownCopy(e, new IdentityHashMap<>());
  }

  private static Throwable shownCopy(Throwable e, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(e);
    if (done != null) {
      return done;
    }
    String message = e instanceof URISyntaxException u ? uriProblem(u) : e.getLocalizedMessage();
    Shown copy = new Shown(e.getClass().getName() + (message == null ? "" : ": " + terminal(withoutCredentials(message))));
    copy.setStackTrace(e.getStackTrace());
    copies.put(e, copy);
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(shownCopy(e.getCause(), copies));
    }
    for (Throwable suppressed : e.getSuppressed()) {
      copy.addSuppressed(shownCopy(suppressed, copies));
    }
    return copy;
  }

  /**
   * The JDK's message for a URL it cannot parse ({@code Illegal character in authority at index 8: URL}) with the URL
   * as {@link #serverUrl} shows it: the input is one URL, so a password the parser stopped at (a blank in it) is user
   * info all the same, and the query may hold a token.
   */
  private static String uriProblem(URISyntaxException e) {
    return e.getReason() + (e.getIndex() < 0 ? "" : " at index " + e.getIndex()) + ": " + serverUrl(e.getInput());
  }

  /** An exception as {@link #throwable} shows it: its {@code toString()} is the original's class and message. */
  private static final class Shown extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String shown;

    Shown(String shown) {
      super(shown);
      this.shown = shown;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }

    @Override
    public String toString() {
      return shown;
    }
  }

  /** At {@link #TERMINAL_MAX}, ends {@code out} with a count of the code points of {@code text} from {@code i} on. */
  private static boolean cut(StringBuilder out, String text, int i) {
    if (out.length() < TERMINAL_MAX) {
      return false;
    }
    out.append("… (").append(text.codePointCount(i, text.length())).append(" more characters)");
    return true;
  }

  /**
   * For the message of a GitHub Actions workflow command ({@code ::error title=...::DATA}): {@code %}, CR and LF
   * percent-encoded as GitHub's actions/toolkit does ({@code %25}, {@code %0D}, {@code %0A}), so the runner
   * shows the line breaks and no text after them can be read as a command; other unsafe code points and stray
   * variation selectors made visible as for a {@link #terminal}; cut as a {@link #terminal} text is, at
   * {@link #TERMINAL_MAX} characters.
   *
   * @param text cluster or file text, possibly null
   * @return the text safe as a workflow command's message
   */
  public static String workflowData(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), TERMINAL_MAX) + 16);
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      if (cut(out, text, i)) {
        break;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean stray = isStraySelector(c, previous);
      previous = c;
      switch (c) {
        case '%' -> out.append("%25");
        case '\r' -> out.append("%0D");
        case '\n' -> out.append("%0A");
        default -> {
          if (stray) {
            appendUnicodeEscape(out, c);
          } else {
            appendVisible(out, c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * For a property of a workflow command ({@code title=VALUE}): as {@link #workflowData}, and {@code :} and {@code ,}.
   *
   * @param text cluster or file text, possibly null
   * @return the text safe as a workflow command's property value
   */
  public static String workflowProperty(String text) {
    return workflowData(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * For XML 1.0 character data and attribute values: the characters XML 1.0 forbids (C0 controls other than
   * TAB, CR and LF, U+FFFE, U+FFFF, lone surrogates) replaced with U+FFFD, markup escaped ({@code & < > " '}),
   * and TAB, CR and LF written as character references so attribute values keep them and a parser does not
   * normalise them away. The output never contains {@code ]]>}.
   *
   * @param text cluster or file text, possibly null
   * @return the text safe as XML character data or an attribute value
   */
  public static String xml(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> {
          boolean allowed = (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
          out.appendCodePoint(allowed ? c : 0xfffd);
        }
      }
    });
    return out.toString();
  }

  /**
   * A Graphviz DOT quoted string, quotes included: backslashes and quotes escaped, so a name ending in
   * {@code \} cannot escape its closing quote, and unsafe code points made visible (a DOT string may span lines;
   * ours never do). Text meant as DOT escapes ({@code \n} line breaks in labels) is joined by the caller
   * outside this method.
   *
   * @param text cluster or file text, possibly null
   * @return a DOT quoted string, quotes included
   */
  public static String dot(String text) {
    return "\"" + dotContent(text) + "\"";
  }

  /**
   * The inside of a DOT quoted string; see {@link #dot}.
   *
   * @param text cluster or file text, possibly null
   * @return the inside of a DOT quoted string
   */
  public static String dotContent(String text) {
    String visible = terminal(text);
    return visible.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * For the inside of a quoted Mermaid label ({@code n1["..."]}) or an edge text: the characters Mermaid reads
   * as syntax or markup ({@code " # < > & ` | [ ] { } ( ) ;}) written as its {@code #NNN;} entity codes, and
   * unsafe code points made visible, so the label ends where the renderer wrote its closing quote.
   *
   * @param text cluster or file text, possibly null
   * @return the text safe inside a quoted Mermaid label
   */
  public static String mermaid(String text) {
    StringBuilder out = new StringBuilder();
    terminal(text).codePoints().forEach(c -> {
      if ("\"#<>&`|[]{}();".indexOf(c) >= 0) {
        out.append('#').append(c).append(';');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** The longest {@code reason} and {@code message} of a Kubernetes status condition (metav1.Condition). */
  public static final int CONDITION_REASON_MAX = 1024;
  /** See {@link #CONDITION_REASON_MAX}. */
  public static final int CONDITION_MESSAGE_MAX = 32768;

  private static final Pattern CONDITION_REASON =
      Pattern.compile("[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?");

  /**
   * For the {@code reason} of a Kubernetes status condition: {@code reason} when the API server accepts it
   * (metav1.Condition's {@code ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$}, at most 1024 characters), else
   * {@code fallback}. A {@link ReasonCode} may hold any Unicode letter and be of any length (an Event's reason
   * becomes one), so a condition written from it would be refused.
   *
   * @param reason a reason code's text, possibly null
   * @param fallback a reason of the accepted form, for when {@code reason} is not one
   * @return a reason a status condition may hold
   */
  public static String conditionReason(String reason, String fallback) {
    return reason != null && reason.length() <= CONDITION_REASON_MAX && CONDITION_REASON.matcher(reason).matches()
        ? reason : fallback;
  }

  /**
   * For the {@code message} of a Kubernetes status condition: the text as it is (the API server stores it as
   * JSON, so a reader that prints it encodes it), cut to 32768 characters with {@code …} at its end when longer,
   * never between the two halves of a surrogate pair. Null reads as empty.
   *
   * @param text cluster or file text, possibly null
   * @return a message a status condition may hold
   */
  public static String conditionMessage(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= CONDITION_MESSAGE_MAX) {
      return text;
    }
    int end = CONDITION_MESSAGE_MAX - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * The longest {@code message} (in UTF-8 bytes) and {@code reason} of an Event the API server accepts: Kubernetes'
   * {@code pkg/apis/core/validation/events.go} ({@code NoteLengthLimit}, {@code ReasonLengthLimit}) refuses longer
   * ones for an Event with an {@code eventTime}; client-go's recorders and the scheduler cut theirs to the same
   * sizes, and a core/v1 Event without one still has to fit the request and etcd limits.
   */
  public static final int EVENT_MESSAGE_MAX_BYTES = 1024;
  /** See {@link #EVENT_MESSAGE_MAX_BYTES}. */
  public static final int EVENT_REASON_MAX = 128;

  /**
   * The text with each lone surrogate (which UTF-8 cannot hold) replaced with U+FFFD, and nothing else changed: for a
   * sink that writes UTF-8 and keeps every other code point (JSON and YAML documents, a Lua string).
   *
   * @param text cluster or file text, not null
   * @return {@code text} itself when it has no lone surrogate
   */
  public static String wellFormed(String text) {
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
        out.append('\ufffd');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * For the {@code message} of an Event: the text as it is, with lone surrogates (which UTF-8 cannot hold) replaced
   * with U+FFFD, cut to at most {@value #EVENT_MESSAGE_MAX_BYTES} bytes of UTF-8 with {@code …} at its end when
   * longer, between code points, never between the two halves of a surrogate pair. Null reads as empty.
   *
   * @param text cluster or file text, possibly null
   * @return a message an Event may hold
   */
  public static String eventMessage(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), EVENT_MESSAGE_MAX_BYTES));
    int bytes = 0;
    int fits = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 0xd800 && c <= 0xdfff) {
        c = 0xfffd;
      }
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (bytes > EVENT_MESSAGE_MAX_BYTES) {
        // Too long: keep what fits with the three bytes of the ellipsis.
        out.setLength(fits);
        return out.append('…').toString();
      }
      out.appendCodePoint(c);
      if (bytes <= EVENT_MESSAGE_MAX_BYTES - 3) {
        fits = out.length();
      }
    }
    return out.toString();
  }

  /**
   * For the {@code reason} of an Event: as {@link #conditionReason}, and at most {@value #EVENT_REASON_MAX}
   * characters, else {@code fallback}.
   *
   * @param reason a reason code's text, possibly null
   * @param fallback a reason of the accepted form, for when {@code reason} is not one
   * @return a reason an Event may hold
   */
  public static String eventReason(String reason, String fallback) {
    return reason != null && reason.length() <= EVENT_REASON_MAX ? conditionReason(reason, fallback) : fallback;
  }

  private static void appendVisible(StringBuilder out, int c) {
    if (!isUnsafe(c)) {
      out.appendCodePoint(c);
    } else if (c == '\t') {
      out.append("\\t");
    } else {
      appendUnicodeEscape(out, c);
    }
  }

  /** {@code \}{@code u001b}; a code point above U+FFFF as its two UTF-16 units, as JSON writes it. */
  private static void appendUnicodeEscape(StringBuilder out, int c) {
    for (char unit : Character.toChars(c)) {
      out.append(String.format("\\u%04x", (int) unit));
    }
  }

  private static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Printable ASCII is the common case; any surrogate or selector goes the slow way, which reads whole code
      // points in context.
      if ((c < 0x20 || c >= 0x7f) && (Character.isSurrogate(c) || isUnsafe(c) || isVariationSelector(c))) {
        return false;
      }
    }
    return true;
  }
}
