package dev.blame.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.blame.core.HttpLimits.PluginProcesses;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Loads the kubeconfig the way kubectl would choose it, with two guarantees fabric8 does not give:
 * <ul>
 *   <li>an error names the file and the line, never the text (a kubeconfig holds tokens and keys);</li>
 *   <li>an exec credential plugin (run by fabric8's {@code KubeConfigUtils} while the kubeconfig loads, with an
 *       unbounded {@code Process.waitFor()}; a failure is logged and the requests go out without credentials)
 *       is bounded by the request timeout, and one that fails or gives no credentials is one error line naming
 *       the plugin.</li>
 * </ul>
 */
final class Kubeconfigs {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Kubeconfigs() {}

  static Config load(String kubeconfig, String context, java.util.Map<String, String> env, Duration timeout) {
    List<File> files = files(kubeconfig, env);
    for (File file : files) {
      YamlAliases.check(file.toPath(), "the kubeconfig");
    }
    String where = files.stream().map(File::getPath).collect(Collectors.joining(", "));
    PluginProcesses started = PluginProcesses.noteChildren();
    ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "kubeconfig-loader");
      t.setDaemon(true);
      return t;
    });
    Future<Config> loading = loader.submit(() -> kubeconfig != null
        ? Config.fromKubeconfig(context, new File(kubeconfig)) : Config.autoConfigure(context));
    Config config;
    try {
      config = await(loading, started, timeout);
    } catch (TimeoutException e) {
      loading.cancel(true);
      // The plugin fabric8 started (and whatever it started) is ours to stop.
      started.stopStarted();
      throw new CliException(plugin(files, context).map(p -> "the exec credential plugin \"" + p
          + "\" did not finish within " + WaitView.human(timeout) + " (--request-timeout)")
          .orElse("reading the kubeconfig " + where + " did not finish within " + WaitView.human(timeout)));
    } catch (ExecutionException e) {
      throw new CliException("cannot read the kubeconfig " + where + location(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while reading the kubeconfig");
    } finally {
      loader.shutdownNow();
    }
    Optional<String> plugin = plugin(files, config.getCurrentContext() == null ? context
        : config.getCurrentContext().getName());
    if (plugin.isPresent() && config.getOauthToken() == null && config.getAutoOAuthToken() == null
        && config.getClientCertData() == null
        && config.getClientCertFile() == null && config.getUsername() == null) {
      throw new CliException("the exec credential plugin \"" + plugin.get() + "\" gave no credentials (it failed or "
          + "printed no token); run it yourself to see why");
    }
    return config;
  }

  /**
   * The loaded config. The plugin gets {@code timeout} from the moment its process appears (loading fabric8's
   * classes may take seconds on a busy machine and is not the plugin's time); loading without a plugin gets
   * a minute at most.
   */
  private static Config await(Future<Config> loading, PluginProcesses started, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long start = System.nanoTime();
    long pluginSeen = -1;
    while (true) {
      try {
        return loading.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long now = System.nanoTime();
        if (pluginSeen < 0 && started.anyStarted()) {
          pluginSeen = now;
        }
        if (pluginSeen >= 0 && now - pluginSeen > timeout.toNanos()
            || now - start > Math.max(timeout.toNanos(), TimeUnit.MINUTES.toNanos(1))) {
          throw e;
        }
      }
    }
  }

  /** The files kubectl reads: --kubeconfig, else each of $KUBECONFIG, else ~/.kube/config. */
  static List<File> files(String kubeconfig, java.util.Map<String, String> env) {
    List<File> files = new ArrayList<>();
    if (kubeconfig != null) {
      files.add(new File(kubeconfig));
    } else if (env.get("KUBECONFIG") != null && !env.get("KUBECONFIG").isBlank()) {
      for (String part : env.get("KUBECONFIG").split(File.pathSeparator)) {
        if (!part.isBlank()) {
          files.add(new File(part));
        }
      }
    } else {
      files.add(new File(System.getProperty("user.home"), ".kube" + File.separator + "config"));
    }
    return files;
  }

  /** ": malformed YAML at line 7, column 3", from whatever parser failed; nothing else of the message. */
  static String location(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException) {
        JsonLocation at = ((JsonProcessingException) t).getLocation();
        if (at != null && at.getLineNr() > 0) {
          return ": malformed YAML at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
      }
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
        org.yaml.snakeyaml.error.Mark m = ((org.yaml.snakeyaml.error.MarkedYAMLException) t).getProblemMark();
        if (m != null) {
          return ": malformed YAML at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
        }
      }
      if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException) {
        Optional<org.snakeyaml.engine.v2.exceptions.Mark> m =
            ((org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException) t).getProblemMark();
        if (m.isPresent()) {
          return ": malformed YAML at line " + (m.get().getLine() + 1) + ", column " + (m.get().getColumn() + 1);
        }
      }
    }
    return " (not a valid kubeconfig)";
  }

  /**
   * The file's first document with its aliases expanded, as fabric8 (SnakeYAML) reads it to run the plugin: Jackson's
   * YAML parser reads an alias ({@code user: *who}, {@code command: *cmd}) as its anchor's name, so the plugin fabric8
   * ran was named otherwise or not at all. {@link YamlAliases#check} has bounded the expansion before.
   */
  private static JsonNode expanded(File file) throws IOException {
    Iterator<Object> docs = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build())
        .loadAllFromString(Files.readString(file.toPath(), StandardCharsets.UTF_8)).iterator();
    return docs.hasNext() ? YAML.valueToTree(docs.next()) : null;
  }

  /** The command of the exec credential plugin of the context's user, when it has one. */
  static Optional<String> plugin(List<File> files, String context) {
    try {
      String current = context;
      List<JsonNode> docs = new ArrayList<>();
      for (File file : files) {
        if (file.isFile()) {
          JsonNode doc = expanded(file);
          if (doc != null) {
            docs.add(doc);
            if (current == null && doc.path("current-context").isTextual()) {
              current = doc.path("current-context").asText();
            }
          }
        }
      }
      String user = null;
      for (JsonNode doc : docs) {
        for (JsonNode c : doc.path("contexts")) {
          if (user == null && c.path("name").asText("").equals(current)) {
            user = c.path("context").path("user").asText(null);
          }
        }
      }
      for (JsonNode doc : docs) {
        for (JsonNode u : doc.path("users")) {
          if (user != null && u.path("name").asText("").equals(user) && u.path("user").path("exec").isObject()) {
            return Optional.of(u.path("user").path("exec").path("command").asText("?"));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not readable as YAML: fabric8 has said so already, or there is no plugin to name.
    }
    return Optional.empty();
  }
}
