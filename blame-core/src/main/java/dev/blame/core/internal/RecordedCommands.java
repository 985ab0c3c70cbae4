package dev.blame.core.internal;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A kubectl command line recorded in {@code kubernetes.io/change-cause} (by {@code --record}, or written by hand with
 * {@code kubectl annotate}) with its env values encoded as the revision diff encodes them
 * ({@link TemplateDiff#masked}: {@code DB_PASSWORD=(value sha256:1a2b3c4d)}), unless the user asked for env values.
 * Everything else of the command is kept as it is: it is the evidence of who did what.
 *
 * <p>kubectl records {@code <binary> <positional args joined by spaces> --<flag>=<value>...} (cli-runtime
 * {@code genericclioptions/record_flags.go}, {@code parseCommandArguments}): arguments are not quoted, so a value
 * with a space is recorded as several words, and every flag comes after the arguments. The values encoded are the
 * {@code K=V} arguments of {@code set env} (kubectl takes every argument after the first pair as a pair,
 * {@code GetResourcesAndPairs}), and the values of {@code --env}/{@code -e} and {@code --from-literal}. A word that
 * follows such a value and is neither a pair nor a flag is the rest of that value and is encoded with it. Quoted
 * words (a change-cause written by hand) are read as a shell reads them.
 */
final class RecordedCommands {

  private static final List<String> VALUE_FLAGS = List.of("--env", "-e", "--from-literal");

  private RecordedCommands() {}

  /** {@code line} with the env values of any kubectl command in it encoded; as it is with {@code envValues}. */
  static String encode(String line, boolean envValues) {
    if (envValues || line == null) {
      return line;
    }
    List<Word> words = Word.split(line);
    int kubectl = -1;
    for (int i = 0; i < words.size() && kubectl < 0; i++) {
      if (isKubectl(words.get(i).text())) {
        kubectl = i;
      }
    }
    if (kubectl < 0) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.substring(0, words.get(kubectl).start()));
    int pairsFrom = setEnvPairsFrom(words, kubectl);
    for (int i = kubectl; i < words.size(); i++) {
      Word w = words.get(i);
      String text = w.text();
      if (i > kubectl) {
        out.append(line, words.get(i - 1).end(), w.start());
      }
      String flag = valueFlag(text);
      if (flag != null) {
        String attached = attachedValue(text, flag);
        if (attached == null && i + 1 < words.size()) {
          // --env K=V: the value is the next word.
          out.append(text).append(line, w.end(), words.get(i + 1).start());
          i++;
          w = words.get(i);
          text = w.text();
          flag = "";
          attached = text;
        }
        if (attached != null) {
          int end = continuation(words, i, false);
          out.append(text, 0, text.length() - attached.length()).append(pair(attached, words, i, end));
          i = end;
          continue;
        }
      } else if (pairsFrom >= 0 && i >= pairsFrom && !text.startsWith("-") && text.indexOf('=') > 0) {
        int end = continuation(words, i, true);
        out.append(pair(text, words, i, end));
        i = end;
        continue;
      }
      out.append(line, w.start(), w.end());
    }
    return out.append(line.substring(words.get(words.size() - 1).end())).toString();
  }

  /** The index of the first {@code K=V} argument of a {@code set env} command, or -1. */
  private static int setEnvPairsFrom(List<Word> words, int kubectl) {
    for (int i = kubectl + 1; i + 1 < words.size(); i++) {
      if (words.get(i).text().equals("set") && words.get(i + 1).text().equals("env")) {
        for (int j = i + 2; j < words.size(); j++) {
          String text = words.get(j).text();
          if (!text.startsWith("-") && text.indexOf('=') > 0) {
            return j;
          }
        }
        return -1;
      }
    }
    return -1;
  }

  /** The last word of the value starting at word {@code from}: the words after it that are no pair and no flag. */
  private static int continuation(List<Word> words, int from, boolean pairs) {
    int end = from;
    while (end + 1 < words.size()) {
      String next = words.get(end + 1).text();
      boolean pair = pairs && (next.indexOf('=') > 0 || next.endsWith("-"));
      if (next.startsWith("-") || pair || next.isEmpty()) {
        break;
      }
      end++;
    }
    return end;
  }

  /** {@code K=(value sha256:...)} for the value that starts in word {@code from} and ends in word {@code to}. */
  private static String pair(String first, List<Word> words, int from, int to) {
    int eq = first.indexOf('=');
    if (eq < 0) {
      // --env with a word that is no pair: encode it whole.
      return "(" + masked(joined(first, words, from, to)) + ")";
    }
    String value = joined(first.substring(eq + 1), words, from, to);
    return first.substring(0, eq + 1) + "(" + masked(value) + ")";
  }

  private static String joined(String first, List<Word> words, int from, int to) {
    StringBuilder value = new StringBuilder(first);
    for (int i = from + 1; i <= to; i++) {
      value.append(words.get(i).before()).append(words.get(i).text());
    }
    return value.toString();
  }

  private static String masked(String value) {
    return TemplateDiff.masked(TextNode.valueOf(value));
  }

  /** The flag among {@link #VALUE_FLAGS} that {@code word} gives, or null. */
  private static String valueFlag(String word) {
    for (String flag : VALUE_FLAGS) {
      if (word.equals(flag) || word.startsWith(flag + "=")
          || (flag.length() == 2 && word.startsWith(flag) && !word.startsWith("--"))) {
        return flag;
      }
    }
    return null;
  }

  /** The value written in the same word as its flag ({@code --env=K=V}, {@code -eK=V}), or null. */
  private static String attachedValue(String word, String flag) {
    if (word.length() == flag.length()) {
      return null;
    }
    return word.charAt(flag.length()) == '=' ? word.substring(flag.length() + 1) : word.substring(flag.length());
  }

  private static boolean isKubectl(String word) {
    String base = word.substring(word.lastIndexOf('/') + 1);
    base = base.substring(base.lastIndexOf('\\') + 1);
    return base.equals("kubectl") || base.startsWith("kubectl.") || base.startsWith("kubectl-");
  }

  /** A word of a command line as a shell reads it: its text unquoted, where it was, and the space before it. */
  record Word(String text, int start, int end, String before) {

    static List<Word> split(String line) {
      List<Word> words = new ArrayList<>();
      int i = 0;
      int n = line.length();
      while (i < n) {
        int spaceFrom = i;
        while (i < n && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i >= n) {
          break;
        }
        int start = i;
        StringBuilder text = new StringBuilder();
        char quote = 0;
        while (i < n && (quote != 0 || !Character.isWhitespace(line.charAt(i)))) {
          char c = line.charAt(i);
          if (quote == 0 && (c == '"' || c == '\'')) {
            quote = c;
          } else if (quote != 0 && c == quote) {
            quote = 0;
          } else if (c == '\\' && quote != '\'' && i + 1 < n) {
            text.append(line.charAt(++i));
          } else {
            text.append(c);
          }
          i++;
        }
        words.add(new Word(text.toString(), start, i, line.substring(spaceFrom, start)));
      }
      return words;
    }
  }
}
