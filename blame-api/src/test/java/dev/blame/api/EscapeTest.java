package dev.blame.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Throws random strings made of every control and separator character (C0, DEL, C1, bidi overrides and
 * isolates, line separators, lone surrogates, markup, quotes, backslashes, workflow-command prefixes) at each
 * encoder and parses the result back. Seeded, so a failure repeats.
 */
class EscapeTest {

  static final int STRINGS = 2_000;

  /**
   * Characters that show nothing on a terminal but change what a reader sees or copies: zero-width space, joiners
   * and word joiner, invisible operators, the soft hyphen, the Mongolian vowel separator, the interlinear
   * annotation marks, and tag characters (U+E0041 U+E0042, the "ASCII smuggling" of invisible text).
   */
  static final List<String> INVISIBLE = List.of("\u200b", "\u200c", "\u200d", "\u2060", "\u2062", "\u2064",
      "\u00ad", "\u180e", "\ufff9", "\ufffb", "\uDB40\uDC41\uDB40\uDC42", "\uDB40\uDC01");

  /** Pieces a hostile string is made of: single characters and whole attack sequences. */
  static final List<String> PIECES = pieces();

  static List<String> pieces() {
    List<String> pieces = new ArrayList<>();
    for (int c = 0; c < 0x20; c++) {
      pieces.add(String.valueOf((char) c));
    }
    for (int c = 0x7f; c <= 0x9f; c++) {
      pieces.add(String.valueOf((char) c));
    }
    for (int c : new int[] {0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e,
        0x200f, 0x061c, 0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff, 0xd800, 0xdfff}) {
      pieces.add(String.valueOf((char) c));
    }
    pieces.addAll(INVISIBLE);
    pieces.addAll(List.of("\uD83D\uDE00", "é", "→", " ", "   ", "a", "web-1", "%", "%0A", "%25", ":", ",", "::",
        "::error::forged", "::add-mask::x", "::stop-commands::x", "\n::error title=x::y", "\\", "\\\"", "\"", "'",
        "<", ">", "&", "]]>", "<![CDATA[", "&amp;", "#", "#quot;", "`", "|", "[", "]", "{", "}", "(", ")", ";",
        "\u001b[2J", "\u001b]0;title\u0007", "\u001b]8;;http://evil\u001b\\", "\u009b31m", "\r\npod/fake-row   Healthy",
        "-->", "--", "subgraph", "\\n", "\t"));
    return pieces;
  }

  static String hostile(Random random) {
    StringBuilder text = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return text.toString();
  }

  @Test
  void terminalTextIsOneLineWithoutControls() {
    Random random = new Random(20);
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      String out = Escape.terminal(text);
      assertThat(out.codePoints().noneMatch(Escape::isUnsafe)).as("%s -> %s", text, out).isTrue();
      // Nothing is lost: each unsafe code point becomes a visible escape, everything else stays.
      String kept = text.codePoints().filter(c -> !Escape.isUnsafe(c))
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      // (the two CI-command escapes of terminal text stand for the # and the : they replace)
      String shown = out.replace("\\u0023", "#").replaceFirst("^(\\s*)\\\\u003a", "$1:");
      assertThat(shown.replaceAll("\\\\(u[0-9a-f]{4}|[nrt])", "")).isEqualTo(kept.replaceAll("\\\\(u[0-9a-f]{4}|[nrt])", ""));
    }
  }

  /**
   * GitHub's runner reads {@code ##[command]} anywhere in a log line (its legacy form, tried after {@code ::}),
   * Azure Pipelines {@code ##vso[...]}, TeamCity {@code ##teamcity[...]}; {@code ::command::} counts at the start
   * of a line after any blanks. Terminal text holds neither, and other text is left as it is.
   */
  @Test
  void terminalTextHoldsNoCiRunnerCommand() {
    java.util.regex.Pattern legacy = java.util.regex.Pattern.compile("##(\\[|vso\\[|teamcity\\[)");
    for (String text : List.of("##[error]forged", "x ##[set-output name=verdict;]COMPLETE", "a##[add-mask]s3cr3t",
        "##[stop-commands]tok", "##vso[task.setvariable variable=x]y", "##teamcity[buildStatus text='x']",
        "###[error]x", "####[error]x", "#\u0000#[error]x", "::error::forged", "  ::add-mask::x",
        "\u3000\u2003::stop-commands::t", "\t::error::x", "::warning file=a,line=1::w")) {
      String out = Escape.terminal(text);
      assertThat(legacy.matcher(out).find()).as("%s -> %s", text, out).isFalse();
      assertThat(out.strip()).as("%s -> %s", text, out).doesNotStartWith("::");
      assertThat(out.codePoints().noneMatch(Escape::isUnsafe)).isTrue();
    }
    assertThat(Escape.terminal("##[error]forged")).isEqualTo("#\\u0023[error]forged");
    assertThat(Escape.terminal("::error::forged")).isEqualTo("\\u003a:error::forged");
    // Left alone: one #, a mid-line ::, IPv6 addresses, a C++ scope, Japanese, accents, emoji.
    for (String text : List.of("issue #12", "a::b", "::1", "[::1]:6443", "std::vector", "日本語 #1 café 🚀",
        "error: x::y")) {
      assertThat(Escape.terminal(text)).isEqualTo(text);
    }
  }

  /**
   * A stack trace prints every message of the chain as it is ({@code printStackTrace}, and a logging framework
   * given the exception): a client's exception quotes the server's Status message, a parser's the file. The copy
   * {@link Escape#throwable} makes prints the same classes, frames, causes and suppressed exceptions, each message
   * one line of terminal text without URL credentials.
   */
  @Test
  void stackTracesPrintTheirMessagesAsTerminalText() {
    Random random = new Random(25);
    for (int i = 0; i < 300; i++) {
      IllegalStateException root = new IllegalStateException(hostile(random) + " https://admin:s3cr3t@h:6443/x");
      java.io.IOException middle = new java.io.IOException(hostile(random), root);
      RuntimeException top = new RuntimeException(hostile(random), middle);
      top.addSuppressed(new IllegalArgumentException(hostile(random)));
      java.io.StringWriter printed = new java.io.StringWriter();
      Escape.throwable(top).printStackTrace(new java.io.PrintWriter(printed, true));
      String trace = printed.toString();
      String[] lines = trace.split("\n", -1);
      // One header per exception, then its frames: the line count of the original's trace with one-line messages.
      java.io.StringWriter plain = new java.io.StringWriter();
      RuntimeException same = new RuntimeException("m", new java.io.IOException("m", new IllegalStateException("m")));
      same.setStackTrace(top.getStackTrace());
      same.getCause().setStackTrace(middle.getStackTrace());
      same.getCause().getCause().setStackTrace(root.getStackTrace());
      IllegalArgumentException suppressed = new IllegalArgumentException("m");
      suppressed.setStackTrace(top.getSuppressed()[0].getStackTrace());
      same.addSuppressed(suppressed);
      same.printStackTrace(new java.io.PrintWriter(plain, true));
      assertThat(lines).as(trace).hasSize(plain.toString().split("\n", -1).length);
      for (String line : lines) {
        assertThat(line.codePoints().filter(c -> c != '\t').noneMatch(Escape::isUnsafe)).as("%s", line).isTrue();
        assertThat(line.strip()).doesNotStartWith("::");
        assertThat(line).doesNotContain("##[", "s3cr3t");
      }
      assertThat(lines[0]).isEqualTo("java.lang.RuntimeException: " + Escape.terminal(top.getMessage()));
      assertThat(trace).contains("Caused by: java.io.IOException: " + Escape.terminal(middle.getMessage()),
          "Caused by: java.lang.IllegalStateException: ", "Suppressed: java.lang.IllegalArgumentException: ",
          "\tat " + top.getStackTrace()[0]);
    }
    assertThat(Escape.throwable(null)).isNull();
    Exception quiet = new Exception();
    assertThat(Escape.throwable(quiet).toString()).isEqualTo("java.lang.Exception");
  }

  @Test
  void urlCredentialsAreLeftOutOfMessages() {
    assertThat(Escape.serverUrl("https://admin:s3cr3t@10.0.0.1:6443/?token=t0k#f")).isEqualTo("https://10.0.0.1:6443/");
    assertThat(Escape.serverUrl("https://api.example:6443")).isEqualTo("https://api.example:6443");
    assertThat(Escape.serverUrl(null)).isEmpty();
    // A password with characters that end user info for a URL parser, and for withoutCredentials (it reads free text).
    for (String password : List.of("pa ss", "pa/ss", "pa?ss", "pa#ss", "pa@ss", "pa\tss", "p%20a ss@x/y")) {
      assertThat(Escape.serverUrl("https://admin:" + password + "@10.0.0.1:6443/k8s?token=t0k"))
          .as(password).isEqualTo("https://10.0.0.1:6443/k8s");
    }
    // An '@' in the path, query or fragment of a URL with a host and port is legal and names no user: the server
    // shown is the one the URL names, not the text after the last '@'.
    assertThat(Escape.serverUrl("https://rancher.example.com/k8s/clusters/team@corp?login=me@corp.example#a@b"))
        .isEqualTo("https://rancher.example.com/k8s/clusters/team@corp");
    assertThat(Escape.serverUrl("https://10.0.0.1:6443/?as=user@example.com")).isEqualTo("https://10.0.0.1:6443/");
    assertThat(Escape.serverUrl("https://[fd00::1]:6443/proxy/a@b")).isEqualTo("https://[fd00::1]:6443/proxy/a@b");
    // With user info as well, an '@' after the host may be the end of a password that held '@' and '/': nothing
    // before the last '@' is shown.
    assertThat(Escape.serverUrl("https://admin:s3cr3t@h.example:6443/u/a@b?token=t@k")).isEqualTo("https://k");
    assertThat(Escape.serverUrl("https://admin:a@b/c@10.0.0.1:6443/k8s")).isEqualTo("https://10.0.0.1:6443/k8s");
    // Not a host and port before the first '/', '?' or '#': that '/' was in a password. With an '@' in the path too,
    // which '@' ended the user info cannot be told, and nothing before the last is shown.
    for (String password : List.of("pa/ss", "p:w/x", "pa?ss", "p w/x", "a@b/c", "12/x y")) {
      assertThat(Escape.serverUrl("https://admin:" + password + "@10.0.0.1:6443/k8s?token=t0k"))
          .as(password).isEqualTo("https://10.0.0.1:6443/k8s");
      assertThat(Escape.serverUrl("https://admin:" + password + "@10.0.0.1:6443/k8s/a@b?token=t0k"))
          .as(password).doesNotContain("admin", password, "t0k");
    }
    // The JDK's parser stops at the blank and quotes the URL whole in its message, which a stack trace prints.
    URISyntaxException bad = new URISyntaxException("https://admin:pa ss@10.0.0.1:6443/?token=t0k",
        "Illegal character in authority", 8);
    assertThat(Escape.throwable(new IllegalStateException("x", bad)).getCause().toString())
        .isEqualTo("java.net.URISyntaxException: Illegal character in authority at index 8: https://10.0.0.1:6443/");
    assertThat(Escape.withoutCredentials("GET at: https://u:p@ss@h:1/api/v1/pods?limit=500 refused; "
        + "HTTP://x@[::1]:6443/y and mail user@example.com"))
        .isEqualTo("GET at: https://h:1/api/v1/pods?limit=500 refused; HTTP://[::1]:6443/y and mail user@example.com");
    assertThat(Escape.withoutCredentials("https://h:1/a@b")).isEqualTo("https://h:1/a@b");
    assertThat(Escape.withoutCredentials(null)).isEmpty();
  }

  @Test
  void combiningMarkFloodsAreCutToAFewAndRealTextKeepsItsMarks() {
    String zalgo = "w" + "\u0301\u0302\u0303".repeat(100) + "eb";
    String out = Escape.terminal(zalgo);
    assertThat(out).startsWith("w" + "\u0301\u0302\u0303\u0301\u0302\u0303\u0301\u0302" + "\\u0303\\u0301")
        .endsWith("\\u0303eb");
    assertThat(out.codePoints().filter(c -> Character.getType(c) == Character.NON_SPACING_MARK).count())
        .isEqualTo(Escape.MAX_MARKS);
    // Decomposed Vietnamese, Devanagari with nukta and vowel sign, Hebrew with points and accents, Tibetan stacks.
    for (String text : List.of("Vie\u0323\u0302t Nam", "\u0915\u093c\u093f\u0902", "\u05d1\u05bc\u05b0\u0591",
        "\u0f40\u0f90\u0fb1\u0f74\u0f7e", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301")) {
      assertThat(Escape.terminal(text)).isEqualTo(text);
    }
  }

  @Test
  void terminalWidthCountsWideCharactersTwiceAndMarksNever() {
    assertThat(Escape.terminalWidth("pod/web")).isEqualTo(7);
    assertThat(Escape.terminalWidth("日本語のポッド")).isEqualTo(14);
    assertThat(Escape.terminalWidth("café 🚀")).isEqualTo(7);
    assertThat(Escape.terminalWidth("cafe\u0301")).isEqualTo(4);
    assertThat(Escape.terminalWidth("ｆｕｌｌ")).isEqualTo(8);
    assertThat(Escape.terminalWidth("한국어")).isEqualTo(6);
    assertThat(Escape.terminalWidth("├─ owns")).isEqualTo(7);
    assertThat(Escape.terminalWidth(null)).isZero();
  }

  @Test
  void invisibleFormatCharactersAreMadeVisible() {
    for (String invisible : INVISIBLE) {
      String out = Escape.terminal("pod " + invisible + "web");
      assertThat(out).as("%s", out).matches("pod (\\\\u[0-9a-f]{4})+web");
      assertThat(Escape.workflowData(invisible)).matches("(\\\\u[0-9a-f]{4})+");
    }
    // Text a person reads stays as it is: letters of any script, arrows, emoji.
    assertThat(Escape.terminal("caf\u00e9 \u2192 \u65e5\u672c \uD83D\uDE00")).isEqualTo("caf\u00e9 \u2192 \u65e5\u672c \uD83D\uDE00");
  }

  /**
   * Invisible code points that are letters or marks, not format characters (anti-trojan-source's list beside the
   * bidi controls, github.com/lirantal/anti-trojan-source): the Hangul fillers, the combining grapheme joiner,
   * Mongolian free variation selectors; and variation selectors that select nothing, one after ASCII or a run of
   * them hiding bytes behind one letter. Before, {@code web\u3164} printed as {@code web} and a blank, and
   * {@code a} with 8 selectors as {@code a}.
   */
  @Test
  void invisibleLettersAndStraySelectorsAreMadeVisible() {
    for (String invisible : List.of("\u3164", "\u115f", "\u1160", "\uffa0", "\u034f", "\u180b", "\ufe0f",
        "\ufe00", "\uDB40\uDD00", "\u17b4")) {
      assertThat(Escape.terminal("web" + invisible)).as("%s", invisible).matches("web(\\\\u[0-9a-f]{4})+");
      assertThat(Escape.terminal(invisible + "web")).as("%s", invisible).matches("(\\\\u[0-9a-f]{4})+web");
      assertThat(Escape.isUnsafe(invisible.codePointAt(0)) || invisible.codePointAt(0) >= 0xfe00).isTrue();
    }
    String payload = "a" + "\ufe01\ufe02\ufe03\ufe04\uDB40\uDD10\uDB40\uDD20\ufe05\ufe06";
    assertThat(Escape.terminal(payload)).startsWith("a\\ufe01\\ufe02").doesNotContain("\ufe0f", "\ufe01");
    for (String out : List.of(Escape.terminal(payload), Escape.workflowData(payload), Escape.workflowProperty(payload))) {
      assertThat(out.codePoints().filter(c -> c >= 0xfe00 && c <= 0xfe0f || c > 0xffff).count()).as(out).isZero();
    }
    // One selector after an emoji or an ideograph selects its glyph: kept. A second is a payload.
    for (String text : List.of("\u2764\ufe0f ok", "\u845b\uDB40\uDD00\u57ce", "\u263a\ufe0e", "\u65e5\ufe00")) {
      assertThat(Escape.terminal(text)).isEqualTo(text);
    }
    assertThat(Escape.terminal("\u2764\ufe0f\ufe0f")).isEqualTo("\u2764\ufe0f\\ufe0f");
  }

  @Test
  void workflowCommandsAreOneLineAndDecodeBack() {
    Random random = new Random(21);
    for (int i = 0; i < STRINGS; i++) {
      String title = hostile(random);
      String message = hostile(random);
      String line = "::error title=" + Escape.workflowProperty(title) + "::" + Escape.workflowData(message);
      assertThat(line.codePoints().noneMatch(Escape::isUnsafe)).as(line).isTrue();
      // The runner's reading: properties end at the first "::", split on ",", key before the first "=".
      int end = line.indexOf("::", 2);
      String properties = line.substring(2, end);
      assertThat(properties.split(",")).hasSize(1);
      String decodedTitle = unescape(properties.substring("error title=".length()));
      String decodedMessage = unescape(line.substring(end + 2));
      assertThat(decodedTitle).isEqualTo(visibleExceptLineBreaks(title));
      assertThat(decodedMessage).isEqualTo(visibleExceptLineBreaks(message));
    }
  }

  @Test
  void xmlParsesBackToTheTextWithInvalidCharactersReplaced() throws Exception {
    Random random = new Random(22);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b=\"" + Escape.xml(text) + "\">" + Escape.xml(text)
          + "</a>";
      Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
      String expected = xmlValid(text);
      assertThat(doc.getDocumentElement().getAttribute("b")).as(text).isEqualTo(expected);
      assertThat(doc.getDocumentElement().getTextContent()).as(text).isEqualTo(expected);
      assertThat(Escape.xml(text)).doesNotContain("]]>");
    }
  }

  @Test
  void dotStringsCloseWhereTheyShould() {
    Random random = new Random(23);
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      String quoted = Escape.dot(text);
      assertThat(dotStringEnd(quoted, 0)).as("%s -> %s", text, quoted).isEqualTo(quoted.length() - 1);
      assertThat(quoted).doesNotContain("\n", "\r");
      assertThat(unquoteDot(quoted)).isEqualTo(Escape.terminal(text));
    }
  }

  @Test
  void mermaidLabelsHoldNoSyntax() {
    Random random = new Random(24);
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      String label = Escape.mermaid(text);
      assertThat(label).doesNotContain("\"", "<", ">", "[", "]", "|", "`", "\n", "\r");
      assertThat(label.codePoints().noneMatch(Escape::isUnsafe)).isTrue();
      assertThat(label.replaceAll("#(\\d+);", "")).doesNotContain("#", ";");
    }
  }

  @Test
  void conditionReasonsAndMessagesAreOnesTheApiServerAccepts() {
    Random random = new Random(25);
    for (int i = 0; i < STRINGS; i++) {
      String text = hostile(random);
      assertThat(Escape.conditionReason(text, "Degraded"))
          .matches("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$").hasSizeLessThanOrEqualTo(1024);
      assertThat(Escape.conditionMessage(text)).isEqualTo(text);
    }
    assertThat(Escape.conditionReason("CrashLoopBackOff", "Degraded")).isEqualTo("CrashLoopBackOff");
    assertThat(Escape.conditionReason("BäckOff", "Degraded")).isEqualTo("Degraded");
    assertThat(Escape.conditionReason("A".repeat(1025), "Degraded")).isEqualTo("Degraded");
    // Cut before a surrogate pair that would straddle the limit, never between its halves.
    String emoji = "x".repeat(32766) + "\uD83D\uDE00" + "tail";
    String cut = Escape.conditionMessage(emoji);
    assertThat(cut).hasSizeLessThanOrEqualTo(32768).endsWith("x…");
    assertThat(cut.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)).isTrue();
    assertThat(Escape.conditionMessage(null)).isEmpty();
  }

  /**
   * A 1 MB condition message, annotation or Event reaches a terminal or a CI log as a few lines' worth and a marker
   * counting what was left out: before the cap the whole megabyte was one table cell.
   */
  @Test
  void longTextIsCutForTerminalsAndWorkflowCommandsWithAMarker() {
    String huge = "x".repeat(1_000_000);
    String out = Escape.terminal(huge);
    assertThat(out).hasSizeLessThan(Escape.TERMINAL_MAX + 40)
        .isEqualTo("x".repeat(Escape.TERMINAL_MAX) + "… (" + (1_000_000 - Escape.TERMINAL_MAX) + " more characters)");
    // Escapes count towards the cap; the marker counts code points of the text, a pair as one.
    String controls = "\u0001".repeat(100_000) + "\uD83D\uDE00".repeat(10);
    String cut = Escape.terminal(controls);
    assertThat(cut).hasSizeLessThan(Escape.TERMINAL_MAX + 40).startsWith("\\u0001")
        .endsWith("… (" + (100_000 - (Escape.TERMINAL_MAX + 5) / 6 + 10) + " more characters)");
    assertThat(cut.codePoints().noneMatch(Escape::isUnsafe)).isTrue();
    // Never between the halves of a pair.
    String pairs = "\uD83D\uDE00".repeat(5_000);
    assertThat(Escape.terminal(pairs)).startsWith("\uD83D\uDE00".repeat(Escape.TERMINAL_MAX / 2))
        .endsWith("… (" + (5_000 - Escape.TERMINAL_MAX / 2) + " more characters)");
    assertThat(Escape.terminal(pairs).codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)).isTrue();
    // A command cut in the middle stays harmless; text up to the cap is untouched.
    assertThat(Escape.terminal("x".repeat(Escape.TERMINAL_MAX - 1) + "##[error]x")).doesNotContain("##");
    String exact = "y".repeat(Escape.TERMINAL_MAX);
    assertThat(Escape.terminal(exact)).isEqualTo(exact);
    assertThat(Escape.workflowData("%".repeat(100_000))).hasSizeLessThan(Escape.TERMINAL_MAX + 40)
        .startsWith("%25%25").endsWith("more characters)");
    assertThat(Escape.workflowProperty("a,b:".repeat(10_000))).hasSizeLessThan(3 * Escape.TERMINAL_MAX + 40)
        .doesNotContain(",", ":");
  }

  /**
   * An Event's message is at most 1024 bytes of UTF-8 (Kubernetes' NoteLengthLimit): cut between code points with
   * an ellipsis, so a finding of any length, in any script, is an Event the API server takes.
   */
  @Test
  void eventMessagesFitTheApiServersLimitInBytes() {
    Random random = new Random(26);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < STRINGS; i++) {
      texts.add(hostile(random).repeat(1 + random.nextInt(200)));
    }
    texts.addAll(List.of("x".repeat(2_000), "é".repeat(600), "日".repeat(400), "\uD83D\uDE00".repeat(300),
        "x" + "\uD83D\uDE00".repeat(300), "xx" + "日".repeat(400), "\uD800".repeat(2_000), "x".repeat(1024)));
    for (String text : texts) {
      String message = Escape.eventMessage(text);
      byte[] utf8 = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(utf8.length).as(text).isLessThanOrEqualTo(Escape.EVENT_MESSAGE_MAX_BYTES);
      // Whole code points only: UTF-8 round-trips it, so no half of a pair was left.
      assertThat(new String(utf8, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(message);
      String whole = text.codePoints().map(c -> c >= 0xd800 && c <= 0xdfff ? 0xfffd : c)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      if (whole.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Escape.EVENT_MESSAGE_MAX_BYTES) {
        assertThat(message).isEqualTo(whole);
      } else {
        assertThat(message).endsWith("…");
        assertThat(whole).startsWith(message.substring(0, message.length() - 1));
        assertThat(utf8.length).isGreaterThan(Escape.EVENT_MESSAGE_MAX_BYTES - 7);
      }
    }
    assertThat(Escape.eventMessage("x".repeat(1024))).isEqualTo("x".repeat(1024));
    assertThat(Escape.eventMessage("x".repeat(1025))).isEqualTo("x".repeat(1021) + "…");
    assertThat(Escape.eventReason("A".repeat(128), "Degraded")).isEqualTo("A".repeat(128));
    assertThat(Escape.eventReason("A".repeat(129), "Degraded")).isEqualTo("Degraded");
    assertThat(Escape.eventReason("Not valid", "Degraded")).isEqualTo("Degraded");
  }

  /** The index of the quote closing the DOT string that opens at {@code start}; -1 when it never closes. */
  static int dotStringEnd(String text, int start) {
    if (text.charAt(start) != '"') {
      return -1;
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  static String unquoteDot(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\') {
        c = quoted.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** GitHub's runner unescaping (ActionCommand.cs): %0D, %0A, %3A, %2C, then %25. */
  static String unescape(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
  }

  static String visibleExceptLineBreaks(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == '\n' || c == '\r') {
        out.append((char) c);
      } else {
        out.append(Escape.terminal(new String(Character.toChars(c))));
      }
    });
    return out.toString();
  }

  static String xmlValid(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      boolean ok = c == 9 || c == 10 || c == 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
          || c >= 0x10000;
      out.appendCodePoint(ok ? c : 0xfffd);
    });
    return out.toString();
  }
}
