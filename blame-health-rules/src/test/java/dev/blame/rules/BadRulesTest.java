package dev.blame.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.core.BlameEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that fails on an object makes that object Unknown, naming the script; the others go on. */
class BadRulesTest {

  private static final String WIDGETS = """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: bad, namespace: shop}
      status: {phase: Running}
      ---
      apiVersion: example.com/v1
      kind: Gadget
      metadata: {name: good, namespace: shop}
      status: {phase: Running}
      """;

  @TempDir
  Path tmp;

  Path rules(String widgetScript) throws IOException {
    Path dir = tmp.resolve("rules");
    Files.createDirectories(dir.resolve("example.com/Widget"));
    Files.createDirectories(dir.resolve("example.com/Gadget"));
    Files.writeString(dir.resolve("example.com/Widget/health.lua"), widgetScript);
    Files.writeString(dir.resolve("example.com/Gadget/health.lua"),
        "hs = {}\nif obj.status.phase == 'Running' then hs.status = 'Healthy' else hs.status = 'Progressing' end\n"
            + "return hs\n");
    return dir;
  }

  Verdict widget(String script) throws IOException {
    Path dir = rules(script);
    try (Blame blame = BlameEngine.builder().manifests("widgets.yaml", WIDGETS).discoverAnalyzers(false)
        .healthRules(dir).build()) {
      assertThat(blame.verdict(ObjectRef.of(GroupKind.of("example.com", "Gadget"), "shop", "good"))
          .orElseThrow().health()).isEqualTo(Health.HEALTHY);
      Verdict verdict = blame.verdict(ObjectRef.of(GroupKind.of("example.com", "Widget"), "shop", "bad"))
          .orElseThrow();
      assertThat(verdict.health()).isEqualTo(Health.UNKNOWN);
      assertThat(verdict.findings()).anySatisfy(f -> {
        assertThat(f.reason()).isEqualTo(Rule.HEALTH_RULE_FAILED);
        assertThat(f.message()).contains(dir.resolve("example.com/Widget/health.lua").toString());
      });
      return verdict;
    }
  }

  @Test
  void aScriptThatErrors() throws IOException {
    assertThat(widget("hs = {}\nhs.status = obj.status.missing.field\nreturn hs\n").message())
        .contains("script error", "health.lua:2", "index");
    assertThat(widget("error('operator said no')").message()).contains("operator said no");
  }

  @Test
  void aScriptThatLoops() throws IOException {
    assertThat(widget("while true do end").message()).contains("stopped after", "instructions");
  }

  @Test
  void aLoopThatSwallowsErrorsWithPcallIsStoppedAnyway() throws IOException {
    assertThat(widget("while true do pcall(function() while true do end end) end").message())
        .contains("stopped after");
  }

  @Test
  void garbage() throws IOException {
    assertThat(widget("return 42").message()).contains("expected the script to return a table", "number");
    assertThat(widget("return {status = 'Fine'}").message()).contains("\"Fine\" is not a health status");
    assertThat(widget("return {message = 'no status'}").message()).contains("hs.status is missing");
    assertThat(widget("return {status = 'Healthy', message = {}}").message()).contains("hs.message is a table");
    assertThat(widget("return").message()).contains("got nil");
  }

  @Test
  void theSandboxHasNoFilesProcessesOrLoaders() throws IOException {
    assertThat(widget("os.execute('touch /tmp/pwned')").message()).contains("script error");
    assertThat(widget("return io.open('/etc/passwd')").message()).contains("script error");
    assertThat(widget("return dofile('/etc/passwd')").message()).contains("script error");
    assertThat(widget("return load('return 1')()").message()).contains("script error");
    assertThat(widget("return require('os')").message()).contains("script error");
    assertThat(widget("return luajava.bindClass('java.lang.System')").message()).contains("script error");
    assertThat(widget("return debug.getinfo(1)").message()).contains("script error");
    assertThat(widget("local s = string.rep('x', 100000000) return {status = 'Healthy'}").message())
        .contains("string.rep");
  }

  @Test
  void theClockIsTheEngines() {
    Verdict verdict = LuaRule.compile("example.com/Widget", "t.lua",
            "return {status = 'Healthy', message = tostring(os.time())}")
        .judge(ObjectRef.of(GroupKind.of("example.com", "Widget"), "ns", "x"),
            LuaRuleTest.object("{}"), java.time.Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(verdict.message()).isEqualTo(String.valueOf(java.time.Instant.parse("2026-12-01T00:00:00Z")
        .getEpochSecond()));
  }

  @Test
  void aScriptThatDoesNotCompileIsRefusedAtStart() throws IOException {
    Path dir = rules("hs = {\nreturn hs\n");
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(dir))
        .isInstanceOf(BlameException.class)
        .hasMessageContaining(dir.resolve("example.com/Widget/health.lua").toString())
        .hasMessageContaining("does not compile");
  }

  @Test
  void aPathThatDoesNotExistIsRefused() {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(missing))
        .isInstanceOf(BlameException.class)
        .hasMessageContaining(missing + ": no such file or directory")
        .satisfies(e -> assertThat(((BlameException) e).kind()).isEqualTo(BlameException.Kind.BAD_INPUT));
  }

  /**
   * A rule file that is not UTF-8 is refused naming the file and what is wrong with it. Before, the message was the
   * decoder's "cannot read: Input length = 1", and a CEL file's said "malformed YAML: FILE: cannot read: ...".
   */
  @Test
  void aRuleFileThatIsNotUtf8IsRefusedSayingSo() throws IOException {
    byte[] latin1 = "hs = {}\nhs.message = 'd\u00e9j\u00e0'\nreturn hs\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path dir = rules("return {}\n");
    Files.write(dir.resolve("example.com/Widget/health.lua"), latin1);
    Path cel = Files.write(tmp.resolve("rules.yaml"), ("healthCheckExprs:\n- apiVersion: example.com/v1\n  kind: Widget\n"
        + "  current: status.phase == 'd\u00e9j\u00e0'\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(dir))
        .isInstanceOf(BlameException.class)
        .hasMessage(dir.resolve("example.com/Widget/health.lua") + ": not UTF-8 text; expected a Lua script or YAML "
            + "health rules");
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(cel))
        .isInstanceOf(BlameException.class)
        .hasMessage(cel + ": not UTF-8 text; expected a Lua script or YAML health rules");
  }
  /**
   * Errors about rules name files, kind keys (an Argo CD ConfigMap's keys and scripts are cluster text) and CEL
   * expressions: each on the message's one line, a line break and a control as escapes. Before, a multi-line
   * expression, a path or a ConfigMap key with an ESC or a line break went into the message raw (the CLI joined
   * its lines with "; ", a library's log printed them).
   */
  @Test
  void namesKeysAndExpressionsInErrorsAreOneLineAsGiven() throws IOException {
    Path cel = Files.writeString(tmp.resolve("r\nu\u001b]52;c;aGk=\u0007les.yaml"), "healthCheckExprs:\n"
        + "- apiVersion: example.com/v1\n  kind: Widget\n  current: |\n    status.phase ==\n    'Running' &&\n");
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(cel)).isInstanceOf(BlameException.class)
        .hasMessageStartingWith(tmp.resolve("r") + "\\nu\\u001b]52;c;aGk=\\u0007les.yaml: healthCheckExprs[0]")
        .hasMessageContaining("current 'status.phase ==\\n'Running' &&\\n' does not compile")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b", "\u0007"));
    assertThatThrownBy(() -> new HealthRules().loadArgoCdConfig("argocd/argocd-cm", java.util.Map.of(
        "resource.customizations", "\"exa\\u001b[2J\\nmple.com/W\\u202eidget\":\n  health.lua: return {}\n")))
        .isInstanceOf(BlameException.class)
        .hasMessageStartingWith("argocd/argocd-cm resource.customizations[exa\\u001b[2J\\nmple.com/W\\u202eidget]: "
            + "'exa\\u001b[2J\\nmple.com/W\\u202eidget' is not a kind key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b", "\u202e"));
  }

  /**
   * A rule file with an anchor and an alias (legal YAML; a Flux Kustomization may share an expression so) is refused
   * naming the alias and its line. Jackson's YAML parser does not expand aliases: before, {@code failed: *true} was
   * read as the CEL expression {@code true} and every Widget was judged Degraded by a rule nobody wrote; an alias
   * in an Argo CD ConfigMap's {@code resource.customizations} (cluster text) likewise became the script {@code x}.
   */
  @Test
  void anAliasInARuleFileIsRefusedNotReadAsItsAnchorsName() throws IOException {
    Path cel = Files.writeString(tmp.resolve("anchored.yaml"), """
        - apiVersion: example.com/v1
          kind: Widget
          current: &true "status.phase == 'Running'"
          failed: *true
        """);
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(cel)).isInstanceOf(BlameException.class)
        .hasMessage(cel + ": an alias (*true) at line 4, column 11; health rules are read without aliases and "
            + "anchors: write the value out");
    Path flux = Files.writeString(tmp.resolve("kustomization.yaml"), """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: infra, namespace: flux-system}
        spec:
          healthCheckExprs:
            - apiVersion: example.com/v1
              kind: Widget
              current: &ready status.phase == 'Running'
            - apiVersion: example.com/v1
              kind: Gadget
              current: *ready
        """);
    assertThatThrownBy(() -> BlameEngine.builder().healthRules(flux)).isInstanceOf(BlameException.class)
        .hasMessageStartingWith(flux + ": an alias (*ready) at line 11");
    assertThatThrownBy(() -> new HealthRules().loadArgoCdConfig("argocd/argocd-cm", java.util.Map.of(
        "resource.customizations", "example.com/Widget:\n  health.lua: &x |\n    return {status = 'Healthy'}\n"
            + "example.com/Gadget:\n  health.lua: *x\n")))
        .isInstanceOf(BlameException.class)
        .hasMessageStartingWith("argocd/argocd-cm resource.customizations: an alias (*x) at line 5");
  }
}
