package dev.blame.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.blame.api.Escape;
import java.io.IOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;

/**
 * JSON and YAML as the CLI writes them. JSON: Jackson escapes C0 controls itself; this also writes DEL, the C1 controls, the bidi
 * overrides and isolates, the line separators ({@link Escape#isUnsafe}) and the variation selectors as {@code \}{@code uXXXX}, so a
 * document printed to a terminal carries no control sequence and parses back to the same text. YAML: SnakeYAML's
 * emitter writes every character outside printable ASCII as an escape in a double-quoted scalar.
 *
 * <p>Both are also kept free of CI runner commands, since a document printed in a CI job is read by its runner:
 * GitHub's runner takes {@code ##[error]...} (and {@code ##[set-output ...]}, {@code ##[stop-commands]...}) anywhere
 * in a line, Azure Pipelines {@code ##vso[...]}. JSON writes every {@code #} as {@code \}{@code u0023}; YAML quotes
 * every key and value holding a {@code #} or a {@code ::} (so no line starts with {@code ::command::}) and writes
 * the second {@code #} of {@code ##} as {@code \}{@code u0023} ({@link #yamlText}). Parsed back, the text is the
 * same.
 */
final class DocumentEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;
  private static final int[] ASCII = standardAsciiEscapesForJSON();

  static {
    ASCII[0x7f] = ESCAPE_STANDARD;
    ASCII['#'] = ESCAPE_STANDARD;
  }

  private DocumentEscapes() {}

  /** The mapper with these escapes installed on its factory, writing {@link #WELL_FORMED} text. */
  static ObjectMapper install(ObjectMapper mapper) {
    mapper.getFactory().setCharacterEscapes(new DocumentEscapes());
    return mapper.registerModule(WELL_FORMED);
  }

  /**
   * Every string and map key written with each lone surrogate (half of a pair without its other half) as U+FFFD,
   * as Go's encoding/json writes it (and so kubectl and the API server): text UTF-8 cannot hold. Written as a
   * {@code \}{@code ud800} escape, JSON allows it but jq 1.6 refuses the whole document ("Invalid ... surrogate pair
   * escape"), and so do libyaml and go-yaml the YAML ("found invalid Unicode character escape
   * code"): one name in a {@code -f} file would make the whole output unreadable to them. Pairs (emoji) stay.
   */
  static final SimpleModule WELL_FORMED = new SimpleModule("well-formed-text")
      .addSerializer(String.class, new StdSerializer<String>(String.class) {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
          gen.writeString(Escape.wellFormed(value));
        }
      })
      .addKeySerializer(String.class, new StdSerializer<String>(String.class) {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
          gen.writeFieldName(Escape.wellFormed(value));
        }
      });

  /** A YAML factory whose generators escape everything but printable ASCII in double-quoted scalars. */
  static YAMLFactory yaml() {
    return new YAMLFactory() {
      private static final long serialVersionUID = 1L;

      @Override
      protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
        return new YAMLGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, CI_SAFE_QUOTING, _objectCodec,
            out, _version) {
          @Override
          protected DumperOptions buildDumperOptions(int jsonFeatures, int yamlFeatures, DumperOptions.Version v) {
            DumperOptions options = super.buildDumperOptions(jsonFeatures, yamlFeatures, v);
            options.setAllowUnicode(false);
            // No folding: SnakeYAML breaks a scalar longer than 80 columns onto continuation lines, and a runner
            // reads the one that begins "::error::..." (after its indent) as a workflow command.
            options.setSplitLines(false);
            return options;
          }
        };
      }
    };
  }

  /** Quotes (double quotes) every key and value that holds a {@code #} or a {@code ::}, besides what YAML needs. */
  private static final StringQuotingChecker CI_SAFE_QUOTING = new StringQuotingChecker.Default() {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || ciRisk(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || ciRisk(value);
    }

    private boolean ciRisk(String text) {
      return text.indexOf('#') >= 0 || text.contains("::") || typeRisk(text);
    }
  };

  /**
   * Whether a plain scalar of this text could read back as something other than this string: a reader of YAML 1.1
   * (PyYAML, SnakeYAML 1, Ruby) takes {@code 0x10}, {@code 1_000}, {@code +1}, {@code 12:30} and {@code .5} as
   * numbers, {@code 2026-11-22} as a date and {@code <<} as a merge key (PyYAML then refuses the document), a reader
   * of YAML 1.2 {@code 0o17}, {@code 1e3} and {@code .inf} as numbers; Jackson's checker quotes only some of them.
   * All begin with neither a letter nor {@code _}, or are one of YAML 1.1's words for booleans and null, which a
   * Kubernetes name may be ({@code 0x10}, {@code 1e3} and {@code on} are valid namespaces).
   */
  static boolean typeRisk(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return !(Character.isLetter(first) || first == '_') || YAML11_WORDS.contains(text.toLowerCase(java.util.Locale.ROOT));
  }

  private static final java.util.Set<String> YAML11_WORDS =
      java.util.Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  /**
   * The YAML text as {@link #yaml()}'s generators wrote it, with the second {@code #} of every {@code ##} written
   * {@code \}{@code u0023}: every {@code #} is inside a double-quoted scalar (see {@link #CI_SAFE_QUOTING}; the
   * generator writes no comments), where that escape reads back as {@code #}.
   */
  static String yamlText(String yaml) {
    return yaml.indexOf("##") < 0 ? yaml : yaml.replace("##", "#\\u0023");
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ASCII;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    // Variation selectors too: they draw nothing, and a run of them after a letter hides bytes (a terminal shows
    // the one after an emoji as it is; in JSON its escape parses back to the same text).
    return Escape.isUnsafe(ch) || (ch >= 0xfe00 && ch <= 0xfe0f)
        ? new SerializedString(String.format("\\u%04x", ch)) : null;
  }
}
