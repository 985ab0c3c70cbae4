package dev.blame.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.blame.api.BlameException;
import dev.blame.api.Escape;
import dev.blame.api.GroupKind;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.HealthRuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.luaj.vm2.LuaError;

/**
 * Loads health rules as analyzers: Argo CD Lua health scripts (a {@code resource_customizations} directory,
 * one script, or an {@code argocd-cm} ConfigMap's data) and Flux-style CEL {@code healthCheckExprs} (a YAML
 * file). Each source becomes one analyzer whose id names it ({@code lua:rules/},
 * {@code cel:health.yaml}, {@code argocd-cm:argocd/argocd-cm}); a rule that does not compile is refused
 * here, naming the file and the expression. The ServiceLoader provider of {@link HealthRuleLoader}, used by
 * {@code BlameEngine.Builder.healthRules(..)}; callers may also add {@link #load}'s analyzers themselves.
 * Thread-safe and stateless.
 */
public final class HealthRules implements HealthRuleLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SCRIPT = "health.lua";
  private static final String CM_HEALTH = "resource.customizations.health.";
  private static final String CM_BLOCK = "resource.customizations";

  /** For ServiceLoader. */
  public HealthRules() {}

  @Override
  public List<Analyzer> load(Path path) {
    if (!Files.exists(path)) {
      throw bad(path + ": no such file or directory; expected a directory of <group>/<Kind>/health.lua "
          + "(Argo CD's layout), a health.lua, or a YAML file of healthCheckExprs");
    }
    if (Files.isDirectory(path)) {
      return List.of(directory(path));
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".lua")) {
      Path kind = path.toAbsolutePath().getParent();
      Path group = kind == null ? null : kind.getParent();
      if (group == null || group.getFileName() == null) {
        throw bad(path + ": cannot tell which kind this script is for; give it as KIND=" + path
            + " (e.g. argoproj.io/Rollout=" + path + ")");
      }
      String key = wildcards(group.getFileName() + "/" + kind.getFileName());
      return loadScript(key, path);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
      return List.of(cel(path));
    }
    throw bad(path + ": expected a directory of <group>/<Kind>/health.lua, a .lua script, or a .yaml file of "
        + "healthCheckExprs");
  }

  @Override
  public List<Analyzer> loadScript(String kind, Path script) {
    String key = checkedKey(kind, script.toString());
    String text = read(script);
    return List.of(new RuleAnalyzer("lua:" + script, List.of(lua(key, script.toString(), text))));
  }

  @Override
  public List<Analyzer> loadArgoCdConfig(String source, Map<String, String> data) {
    Map<String, Rule> rules = new TreeMap<>();
    String block = data.get(CM_BLOCK);
    if (block != null && !block.isBlank()) {
      JsonNode tree;
      try (JsonParser parser = withoutAliases(source + " " + CM_BLOCK, block)) {
        tree = parser.nextToken() == null ? null : YAML.readTree(parser);
      } catch (IOException e) {
        throw bad(source + " " + CM_BLOCK + malformed(e));
      }
      if (tree != null && tree.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          JsonNode script = entry.getValue().path("health.lua");
          if (script.isTextual() && !script.asText().isBlank()) {
            String where = source + " " + CM_BLOCK + "[" + entry.getKey() + "]";
            String key = checkedKey(entry.getKey(), where);
            rules.put(key, lua(key, where, script.asText()));
          }
        }
      }
    }
    for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
      if (!entry.getKey().startsWith(CM_HEALTH) || entry.getValue() == null || entry.getValue().isBlank()) {
        continue;
      }
      String rest = entry.getKey().substring(CM_HEALTH.length());
      int underscore = rest.indexOf('_');
      String key = underscore < 0 ? rest : rest.substring(0, underscore) + "/" + rest.substring(underscore + 1);
      String where = source + " " + entry.getKey();
      key = checkedKey(key, where);
      rules.put(key, lua(key, where, entry.getValue()));
    }
    if (rules.isEmpty()) {
      return List.of();
    }
    return List.of(new RuleAnalyzer("argocd-cm:" + source, new ArrayList<>(rules.values())));
  }

  private RuleAnalyzer directory(Path dir) {
    List<Rule> rules = new ArrayList<>();
    List<Path> scripts;
    try (Stream<Path> walk = Files.walk(dir)) {
      scripts = walk.filter(p -> p.getFileName().toString().equals(SCRIPT)).filter(Files::isRegularFile)
          .sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw bad(dir + ": cannot read: " + e.getMessage());
    }
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path script : scripts) {
      Path relative = dir.relativize(script.getParent());
      int parts = relative.getNameCount();
      if (parts == 0 || relative.toString().isEmpty()) {
        throw bad(script + ": a health.lua directly in " + dir + " names no kind; expected "
            + "<group>/<Kind>/health.lua, or give it as KIND=" + script);
      }
      String kind = relative.getName(parts - 1).toString();
      String key = parts == 1 ? kind : relative.getName(parts - 2) + "/" + kind;
      key = checkedKey(wildcards(key), script.toString());
      Path previous = seen.putIfAbsent(key, script);
      if (previous != null) {
        throw bad(script + ": a second script for " + key + " (the first is " + previous + ")");
      }
      rules.add(lua(key, script.toString(), read(script)));
    }
    if (rules.isEmpty()) {
      throw bad(dir + ": no <group>/<Kind>/health.lua found; expected Argo CD's resource_customizations layout");
    }
    return new RuleAnalyzer("lua:" + dir, rules);
  }

  private RuleAnalyzer cel(Path file) {
    List<JsonNode> docs = new ArrayList<>();
    // Document by document: a reader's readValues would unwrap a top-level list into its entries.
    String text = read(file);
    try (JsonParser parser = withoutAliases(file.toString(), text)) {
      while (parser.nextToken() != null) {
        JsonNode doc = YAML.readTree(parser);
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
    } catch (BlameException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw bad(file + malformed(e));
    }
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode doc : docs) {
      JsonNode list = doc.isArray() ? doc : doc.has("healthCheckExprs") ? doc.get("healthCheckExprs")
          : doc.path("spec").path("healthCheckExprs");
      if (!list.isArray()) {
        throw bad(file + ": expected a list of healthCheckExprs entries (apiVersion, kind, current, inProgress, "
            + "failed), a healthCheckExprs: list, or a Flux Kustomization with spec.healthCheckExprs");
      }
      list.forEach(entries::add);
    }
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String apiVersion = entry.path("apiVersion").asText("");
      String kind = entry.path("kind").asText("");
      String where = file + ": healthCheckExprs[" + i + "]";
      if (apiVersion.isEmpty() || kind.isEmpty()) {
        throw bad(where + ": apiVersion and kind are required");
      }
      String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String key = checkedKey(group.isEmpty() ? kind : group + "/" + kind, where);
      Integer previous = seen.putIfAbsent(key, i);
      if (previous != null) {
        throw bad(where + ": a second entry for " + key + " (the first is healthCheckExprs[" + previous + "])");
      }
      try {
        rules.add(CelRule.compile(key, file + " healthCheckExprs[" + i + "]", text(entry, "current"),
            text(entry, "inProgress"), text(entry, "failed")));
      } catch (IllegalArgumentException e) {
        throw bad(where + " (" + key + "): " + e.getMessage());
      }
    }
    if (rules.isEmpty()) {
      throw bad(file + ": no healthCheckExprs entries");
    }
    return new RuleAnalyzer("cel:" + file, rules);
  }

  /**
   * {@code ": malformed YAML at line 4, column 12"}: where the parser stopped, as manifests and kubeconfigs are
   * named, never its snippet. SnakeYAML's message quoted the lines around the error (a rule file's text, or an Argo
   * CD ConfigMap's from the cluster) over several lines, a 1 MB line cut around the column.
   */
  private static String malformed(Exception e) {
    if (e instanceof StreamConstraintsException limit) {
      return ": malformed YAML: " + limit.getOriginalMessage();
    }
    JsonLocation at = e instanceof JsonProcessingException j ? j.getLocation() : null;
    return at != null && at.getLineNr() > 0
        ? ": malformed YAML at line " + at.getLineNr() + ", column " + at.getColumnNr()
        : ": malformed YAML (" + e.getClass().getSimpleName() + ")";
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Rule lua(String key, String where, String text) {
    try {
      return LuaRule.compile(key, where, text);
    } catch (LuaError e) {
      throw bad(where + ": the Lua script does not compile: " + e.getMessage());
    }
  }

  /** Argo CD's directory names use {@code _} for "any": {@code _.services.k8s.aws/_}. */
  static String wildcards(String key) {
    return key.replace('_', '*');
  }

  private static String checkedKey(String key, String where) {
    String pattern = key.replace("*", "x");
    int slash = pattern.indexOf('/');
    try {
      if (slash < 0) {
        GroupKind.of("", pattern);
      } else {
        GroupKind.of(pattern.substring(0, slash), pattern.substring(slash + 1));
      }
    } catch (IllegalArgumentException e) {
      throw bad(where + ": '" + key + "' is not a kind key; expected group/Kind, or Kind for the core group ("
          + e.getMessage() + ")");
    }
    return key;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw bad(file + ": no such file");
    } catch (CharacterCodingException e) {
      // Was "cannot read: Input length = 1".
      throw bad(file + ": not UTF-8 text; expected a Lua script or YAML health rules");
    } catch (IOException | RuntimeException e) {
      throw bad(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The message names files, kind keys (an Argo CD ConfigMap's are cluster text), expressions and a parser's words:
   * one line as {@link BlameException} promises, a line break or a control shown as its escape
   * ({@link dev.blame.api.Escape#terminal}), so that it is read as given wherever it is printed or logged.
   */
  /**
   * A parser of {@code text} that refuses an alias ({@code *name}) naming where it is. Jackson's YAML parser does
   * not expand aliases: it reads {@code failed: *true} as the text {@code true}, so a rule file with an anchor
   * (legal YAML, and how Flux users share an expression) silently got another rule than the one it wrote, and
   * every object of the kind was judged Failed. Refused rather than expanded, which would need a bound on what
   * the aliases add (a "billion laughs" file).
   */
  private static JsonParser withoutAliases(String source, String text) throws IOException {
    YAMLParser yaml =
        (YAMLParser) YAML.getFactory().createParser(text);
    return new JsonParserDelegate(yaml) {
      @Override
      public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token != null && yaml.isCurrentAlias()) {
          JsonLocation at = yaml.currentTokenLocation();
          throw bad(source + ": an alias (*" + yaml.getText() + ") at line " + at.getLineNr() + ", column "
              + at.getColumnNr() + "; health rules are read without aliases and anchors: write the value out");
        }
        return token;
      }

      @Override
      public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
      }

      @Override
      public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
      }
    };
  }

  private static BlameException bad(String message) {
    return new BlameException(BlameException.Kind.BAD_INPUT, Escape.terminal(message));
  }
}
