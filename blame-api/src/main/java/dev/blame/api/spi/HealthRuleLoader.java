package dev.blame.api.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns health rules users already own for their GitOps tool (Argo CD Lua health scripts, Flux-style CEL
 * {@code healthCheckExprs}) into analyzers. Implemented by {@code dev.blame:blame-health-rules}, found with
 * {@link java.util.ServiceLoader} by {@code BlameEngine.Builder.healthRules(..)}, so that blame-core needs
 * neither a Lua nor a CEL interpreter. Implementations are stateless and thread-safe.
 *
 * <p>Every analyzer returned names its rules' kinds (exactly or by {@link KindSelector#patterns() pattern}),
 * so the generic fallback does not run for them, and judges an object with the rule written for its kind; a
 * rule that fails on one object (a script error, a loop past its budget, a result that is not a health) makes
 * that object {@link dev.blame.api.Health#UNKNOWN} with a finding naming the rule and the error.
 */
public interface HealthRuleLoader {

  /**
   * The rules at {@code path}: a directory in Argo CD's {@code resource_customizations} layout
   * ({@code <group>/<Kind>/health.lua}, {@code _} standing for any group prefix or kind), a YAML file of
   * Flux-style {@code healthCheckExprs} entries ({@code .yaml}/{@code .yml}), or a single {@code health.lua}
   * taken as {@code <group>/<Kind>/health.lua} from its two parent directories.
   *
   * @param path a directory, a YAML file or a {@code health.lua}
   * @return one analyzer per rule, in the order the rules were found
   * @throws dev.blame.api.BlameException of kind BAD_INPUT naming the file (and the expression) when the path
   *     does not exist, cannot be read, or holds a rule that does not compile
   */
  List<Analyzer> load(Path path);

  /**
   * One Lua health script for the kinds {@code kind} names: an Argo CD key, {@code group/Kind} or
   * {@code Kind} for the core group, where {@code *} stands for any run of characters.
   *
   * @param kind the kinds the script is for
   * @param script the Lua file
   * @return the analyzer that runs the script
   * @throws dev.blame.api.BlameException of kind BAD_INPUT naming the file when it does not exist, cannot be
   *     read or does not compile, or when {@code kind} is not a key
   */
  List<Analyzer> loadScript(String kind, Path script);

  /**
   * The health scripts of an Argo CD {@code argocd-cm} ConfigMap's data: keys
   * {@code resource.customizations.health.<group>_<Kind>} and the older {@code resource.customizations} YAML
   * block. {@code source} names the ConfigMap in ids, evidence and errors. Keys about anything else are ignored.
   *
   * @param source what the data came from, for ids, evidence and errors
   * @param data the ConfigMap's data
   * @return one analyzer per health script found
   * @throws dev.blame.api.BlameException of kind BAD_INPUT naming the source and key when a script does not
   *     compile or the YAML block cannot be read
   */
  List<Analyzer> loadArgoCdConfig(String source, Map<String, String> data);
}
