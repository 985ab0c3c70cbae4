package dev.blame.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.blame.api.Activity;
import dev.blame.api.AnalyzerInfo;
import dev.blame.api.BlameTree;
import dev.blame.api.ChangedBy;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Explanation;
import dev.blame.api.Finding;
import dev.blame.api.ObjectRef;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.api.RevisionRef;
import dev.blame.api.Verdict;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The machine-readable documents of {@code -o json} and {@code -o yaml}: plain maps and lists in a fixed
 * field order, so the JSON and the YAML are the same document. The schema is documented in docs/cli.md;
 * add fields, never rename or remove them.
 */
final class Documents {

  private static final ObjectMapper JSON =
      DocumentEscapes.install(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
  private static final ObjectMapper YAML = new ObjectMapper(DocumentEscapes.yaml()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)).registerModule(DocumentEscapes.WELL_FORMED);

  /**
   * The fields that say who did it: a field manager and its operation, a revision's {@code changedBy}, its
   * {@code attributions}; and reason codes ({@code reason}: a finding's, an Event's), identifiers by API convention
   * (metav1.Condition's reason is ASCII {@code [A-Za-z0-9_,:]}). Written as read here (a program compares the exact value); text shown to a person from a
   * document ({@code __terminal-json}) writes them as {@link dev.blame.api.Escape#identity} text, as the text output
   * does.
   */
  static final Set<String> IDENTITY_FIELDS = Set.of("manager", "operation", "changedBy", "attributions", "reason");

  private final ResourceResolver resolver;

  Documents(ResourceResolver resolver) {
    this.resolver = resolver;
  }

  /** The answer to {@code kubectl blame TYPE/NAME -o json}. */
  Map<String, Object> blame(Explanation why) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("target", ref(why.target()));
    doc.put("found", why.found());
    doc.put("health", name(why.health()));
    doc.put("status", name(why.status()));
    doc.put("message", why.verdict().message());
    doc.put("at", time(why.at()));
    List<Object> culprits = new ArrayList<>();
    for (Finding f : why.culprits()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("kind", f.subject().kind());
      if (!f.subject().isClusterScoped()) {
        c.put("namespace", f.subject().namespace());
      }
      c.put("name", f.subject().name());
      f.container().ifPresent(container -> c.put("container", container));
      c.put("health", name(f.health()));
      c.put("reason", f.reason().code());
      c.put("message", f.message());
      f.since().ifPresent(since -> c.put("since", time(since)));
      culprits.add(c);
    }
    doc.put("culprits", culprits);
    if (!why.fieldChanges().isEmpty()) {
      // Who set the fields the culprits name (managedFields); only when there is one, so other answers keep their shape.
      List<Object> changes = new ArrayList<>();
      for (dev.blame.api.FieldChange c : why.fieldChanges()) {
        Map<String, Object> change = ref(c.subject());
        change.put("path", c.path());
        change.put("value", c.value());
        change.put("manager", c.changedBy().manager());
        change.put("operation", c.changedBy().operation());
        c.changedBy().time().ifPresent(t -> change.put("time", time(t)));
        changes.add(change);
      }
      doc.put("fieldChanges", changes);
    }
    why.revision().ifPresent(revision -> doc.put("revision", revision(revision, why.revisionDiff()
        .filter(d -> d.revision().owner().equals(revision.owner()) && d.revision().number() == revision.number()))));
    doc.put("findings", why.findings().stream().map(this::finding).toList());
    doc.put("effects", tree(why.effects()));
    doc.put("causes", tree(why.causes()));
    return doc;
  }

  /** One row of {@code kubectl blame status -o json}. */
  Map<String, Object> status(ObjectRef ref, Verdict verdict) {
    Map<String, Object> row = ref(ref);
    row.put("health", name(verdict.health()));
    row.put("status", name(verdict.status()));
    row.put("reason", verdict.worstFinding().map(f -> f.reason().code()).orElse(""));
    row.put("message", verdict.worstFinding().map(Finding::message).orElse(verdict.message()));
    return row;
  }

  static Map<String, Object> analyzer(AnalyzerInfo info) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", info.id());
    doc.put("kinds", kinds(info.kinds()));
    doc.put("origin", name(info.origin()));
    doc.put("className", info.className());
    doc.put("location", info.location());
    return doc;
  }

  /** {@link AnalyzerInfo#kinds()} ({@code [Deployment.apps, Pod]} or {@code *}) as a list of its kinds. */
  static List<String> kinds(String kinds) {
    String list = kinds.strip();
    if (list.startsWith("[") && list.endsWith("]")) {
      list = list.substring(1, list.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String kind : list.split(",")) {
      if (!kind.isBlank()) {
        out.add(kind.strip());
      }
    }
    return out;
  }

  Map<String, Object> ref(ObjectRef ref) {
    Map<String, Object> doc = new LinkedHashMap<>();
    String apiVersion = ref.apiVersion();
    if (apiVersion.isEmpty()) {
      apiVersion = resolver.forKind(ref.groupKind()).apiVersion();
    }
    if (!apiVersion.isEmpty()) {
      doc.put("apiVersion", apiVersion);
    } else if (!ref.group().isEmpty()) {
      doc.put("group", ref.group());
    }
    doc.put("kind", ref.kind());
    if (!ref.isClusterScoped()) {
      doc.put("namespace", ref.namespace());
    }
    doc.put("name", ref.name());
    return doc;
  }

  /** The revision, with what it changed and who changed it when blame-core described it. */
  private Map<String, Object> revision(RevisionRef revision, Optional<RevisionDiff> diff) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("number", revision.number());
    doc.put("owner", ref(revision.owner()));
    revision.holder().ifPresent(holder -> doc.put("holder", ref(holder)));
    revision.hash().ifPresent(hash -> doc.put("hash", hash));
    if (diff.isEmpty()) {
      return doc;
    }
    RevisionDiff d = diff.get();
    d.previous().ifPresent(p -> doc.put("previous", p.number()));
    d.time().ifPresent(t -> doc.put("time", time(t)));
    List<Object> changes = new ArrayList<>();
    for (RevisionChange c : d.changes()) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("path", c.path());
      c.container().ifPresent(container -> change.put("container", container));
      change.put("field", c.field());
      c.from().ifPresent(from -> change.put("from", from));
      c.to().ifPresent(to -> change.put("to", to));
      c.changedBy().ifPresent(by -> change.put("changedBy", changedBy(by)));
      changes.add(change);
    }
    doc.put("changes", changes);
    d.changedBy().ifPresent(by -> doc.put("changedBy", changedBy(by)));
    if (d.rollback()) {
      doc.put("rollback", true);
      if (!d.history().isEmpty()) {
        doc.put("history", d.history());
      }
    }
    if (d.restartOnly()) {
      doc.put("restartOnly", true);
    }
    if (d.pending()) {
      doc.put("pending", true);
    }
    d.evidenceMissing().ifPresent(missing -> doc.put("evidenceMissing", missing));
    if (!d.attributions().isEmpty()) {
      doc.put("attributions", d.attributions());
    }
    return doc;
  }

  private static Map<String, Object> changedBy(ChangedBy by) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("manager", by.manager());
    doc.put("operation", by.operation());
    by.time().ifPresent(t -> doc.put("time", time(t)));
    return doc;
  }

  private Map<String, Object> finding(Finding f) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("subject", ref(f.subject()));
    f.container().ifPresent(c -> doc.put("container", c));
    doc.put("health", name(f.health()));
    doc.put("reason", f.reason().code());
    doc.put("message", f.message());
    f.since().ifPresent(since -> doc.put("since", time(since)));
    f.revision().ifPresent(r -> doc.put("revision", r.number()));
    List<Object> evidence = new ArrayList<>();
    for (Evidence e : f.evidence()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("kind", name(e.kind()));
      item.put("path", e.path());
      item.put("value", e.value());
      e.time().ifPresent(t -> item.put("time", time(t)));
      e.source().filter(s -> !s.equals(f.subject())).ifPresent(s -> item.put("source", ref(s)));
      evidence.add(item);
    }
    doc.put("evidence", evidence);
    return doc;
  }

  private Map<String, Object> tree(BlameTree tree) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("object", ref(tree.ref()));
    tree.via().ifPresent(via -> doc.put("via", via.label()));
    doc.put("found", tree.node().isPresent());
    doc.put("health", name(tree.verdict().health()));
    doc.put("status", name(tree.verdict().status()));
    doc.put("reason", tree.verdict().worstFinding().map(f -> f.reason().code()).orElse(""));
    doc.put("message", tree.verdict().worstFinding().map(Finding::message).orElse(tree.verdict().message()));
    if (!tree.verdict().activities().isEmpty()) {
      List<Object> activities = new ArrayList<>();
      for (Activity a : tree.verdict().activities()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("verb", name(a.verb()));
        item.put("target", ref(a.target()));
        if (!a.detail().isEmpty()) {
          item.put("detail", a.detail());
        }
        activities.add(item);
      }
      doc.put("activities", activities);
    }
    if (!tree.events().isEmpty()) {
      List<Object> events = new ArrayList<>();
      for (EventRecord e : tree.events()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", e.type());
        item.put("reason", e.reason());
        item.put("message", e.message());
        item.put("count", e.count());
        e.firstTime().ifPresent(t -> item.put("firstTime", time(t)));
        e.lastTime().ifPresent(t -> item.put("lastTime", time(t)));
        if (!e.source().isEmpty()) {
          item.put("source", e.source());
        }
        events.add(item);
      }
      doc.put("events", events);
    }
    if (tree.truncated()) {
      doc.put("truncated", true);
    }
    doc.put("children", tree.children().stream().map(this::tree).toList());
    return doc;
  }

  /** {@code DEGRADED} as {@code Degraded}, {@code IN_PROGRESS} as {@code InProgress}: Kubernetes' spelling. */
  static String name(Enum<?> value) {
    StringBuilder out = new StringBuilder();
    for (String part : value.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  static String time(Instant time) {
    return time.toString();
  }

  /** Several answers of one command: {@code {"items": [...]}}, as kubectl prints a List. */
  static Map<String, Object> list(List<?> items) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("items", items);
    return doc;
  }

  /** A document on one line: a JSON Lines record ({@code --watch -o json}). */
  static String line(Object doc) {
    try {
      return COMPACT.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the document", e);
    }
  }

  /** The escapes of {@code -o json} ({@link DocumentEscapes}), on one line. */
  private static final ObjectMapper COMPACT = DocumentEscapes.install(new ObjectMapper());

  static void write(Object doc, OutputFormat format, PrintWriter out) {
    try {
      if (format == OutputFormat.YAML) {
        out.print(DocumentEscapes.yamlText(YAML.writeValueAsString(doc)));
      } else {
        out.println(JSON.writeValueAsString(doc));
      }
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the document", e);
    }
  }
}
