package dev.blame.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /metrics} in Prometheus' text format, with the API server's stable metrics the demo can count truthfully
 * (k8s.io/apiserver {@code pkg/endpoints/metrics}, {@code pkg/storage} object counts, component-base's build info):
 * {@code apiserver_request_total} per verb (LIST, GET, WATCH, POST, PUT, PATCH, APPLY, DELETE, DELETECOLLECTION), dry
 * run, group, version, resource, subresource, scope (cluster, namespace, resource), component and code, for resource
 * requests (non-resource paths are not counted); {@code apiserver_storage_objects} per resource
 * ({@code deployments.apps}); {@code kubernetes_build_info}. Labels in name order, as client_golang writes them.
 */
final class Metrics {

  private static final Pattern RESOURCE = Pattern.compile(
      "^/(?:api/(?<coreVersion>[^/]+)|apis/(?<group>[^/]+)/(?<version>[^/]+))"
      + "(?:/namespaces/(?<ns>[^/]+))?/(?<plural>[^/]+)(?:/(?<name>[^/]+)(?:/(?<sub>[^/]+))?)?$");

  /** Label values in this order: code, dry_run, group, resource, scope, subresource, verb, version. */
  private final Map<List<String>, LongAdder> requests = new ConcurrentHashMap<>();

  /** Counts one answered request; {@code uri} with its query. */
  void observe(String method, String uri, String contentType, int code) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q + 1);
    Matcher m = RESOURCE.matcher(path);
    if (!m.matches()) {
      return;
    }
    String group = m.group("coreVersion") != null ? "" : m.group("group");
    String version = m.group("coreVersion") != null ? m.group("coreVersion") : m.group("version");
    String ns = m.group("ns");
    String plural = m.group("plural");
    String name = m.group("name");
    String sub = m.group("sub") == null ? "" : m.group("sub");
    if (group.isEmpty() && ns != null && name == null && List.of("status", "finalize").contains(plural)) {
      // /api/v1/namespaces/NS/status: the namespace's subresource
      name = ns;
      sub = plural;
      plural = "namespaces";
      ns = null;
    }
    String scope = name != null ? "resource" : ns != null ? "namespace" : "cluster";
    boolean watch = query.matches("(^|.*&)watch=(true|1)(&.*|$)");
    String verb = switch (method) {
      case "GET" -> watch ? "WATCH" : name == null ? "LIST" : "GET";
      case "DELETE" -> name == null ? "DELETECOLLECTION" : "DELETE";
      case "PATCH" -> String.valueOf(contentType).startsWith("application/apply-patch") ? "APPLY" : "PATCH";
      default -> method;
    };
    String dryRun = query.matches("(^|.*&)dryRun=All(&.*|$)") ? "All" : "";
    requests.computeIfAbsent(List.of(String.valueOf(code), dryRun, group, plural, scope, sub, verb, version),
        k -> new LongAdder()).increment();
  }

  /** The exposition, with the stored objects counted per resource ({@code pods}, {@code deployments.apps}). */
  String render(Map<String, Long> storedObjects) {
    StringBuilder out = new StringBuilder();
    out.append("# HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, dry "
        + "run value, group, version, resource, scope, component, and HTTP response code.\n"
        + "# TYPE apiserver_request_total counter\n");
    requestLines().forEach((labels, n) ->
        out.append("apiserver_request_total{").append(labels).append("} ").append(n).append('\n'));
    out.append("# HELP apiserver_storage_objects [STABLE] Number of stored objects at the time of last check split "
        + "by kind.\n# TYPE apiserver_storage_objects gauge\n");
    new TreeMap<>(storedObjects).forEach((resource, n) -> out.append("apiserver_storage_objects{resource=\"")
        .append(escape(resource)).append("\"} ").append(n).append('\n'));
    out.append("# HELP kubernetes_build_info [ALPHA] A metric with a constant '1' value labeled by major, minor, git "
        + "version, git commit, git tree state, build date, Go version, and compiler from which Kubernetes was built, "
        + "and platform on which it is running.\n# TYPE kubernetes_build_info gauge\n"
        + "kubernetes_build_info{build_date=\"2024-01-01T00:00:00Z\",compiler=\"gc\",git_commit=\""
        + "0000000000000000000000000000000000000000\",git_tree_state=\"clean\",git_version=\"v1.29.0-demo\","
        + "go_version=\"go1.21.5\",major=\"1\",minor=\"29\",platform=\"linux/amd64\"} 1\n");
    return out.toString();
  }

  private Map<String, Long> requestLines() {
    Map<String, Long> lines = new TreeMap<>();
    requests.forEach((v, n) -> lines.put("code=\"" + escape(v.get(0)) + "\",component=\"apiserver\",dry_run=\""
        + escape(v.get(1)) + "\",group=\"" + escape(v.get(2)) + "\",resource=\"" + escape(v.get(3)) + "\",scope=\""
        + escape(v.get(4)) + "\",subresource=\"" + escape(v.get(5)) + "\",verb=\"" + escape(v.get(6))
        + "\",version=\"" + escape(v.get(7)) + "\"", n.sum()));
    return lines;
  }

  /** A label value in the text format: backslash, double quote and line feed escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
