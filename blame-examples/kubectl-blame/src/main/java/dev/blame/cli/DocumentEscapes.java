package dev.blame.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.blame.api.Escape;
import java.io.IOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;

/**
 * JSON and YAML as the CLI writes them. JSON: Jackson escapes C0 controls itself; this also writes DEL, the C1 controls, the bidi
 * overrides and isolates and the line separators ({@link Escape#isUnsafe}) as {@code \}{@code uXXXX}, so a
 * document printed to a terminal carries no control sequence and parses back to the same text. YAML: SnakeYAML's
 * emitter writes every character outside printable ASCII as an escape in a double-quoted scalar.
 */
final class DocumentEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;
  private static final int[] ASCII = standardAsciiEscapesForJSON();

  static {
    ASCII[0x7f] = ESCAPE_STANDARD;
  }

  private DocumentEscapes() {}

  /** The mapper with these escapes installed on its factory. */
  static ObjectMapper install(ObjectMapper mapper) {
    mapper.getFactory().setCharacterEscapes(new DocumentEscapes());
    return mapper;
  }

  /** A YAML factory whose generators escape everything but printable ASCII in double-quoted scalars. */
  static YAMLFactory yaml() {
    return new YAMLFactory() {
      private static final long serialVersionUID = 1L;

      @Override
      protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
        return new YAMLGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec,
            out, _version) {
          @Override
          protected DumperOptions buildDumperOptions(int jsonFeatures, int yamlFeatures, DumperOptions.Version v) {
            DumperOptions options = super.buildDumperOptions(jsonFeatures, yamlFeatures, v);
            options.setAllowUnicode(false);
            return options;
          }
        };
      }
    };
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
