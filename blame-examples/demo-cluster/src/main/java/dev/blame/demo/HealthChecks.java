package dev.blame.demo;

import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /healthz}, {@code /livez} and {@code /readyz} as kube-apiserver's healthz handlers answer them
 * (k8s.io/apiserver {@code pkg/server/healthz}): {@code ok}; with {@code ?verbose} one line per check
 * ({@code [+]ping ok}) and {@code livez check passed}; {@code ?exclude=NAME} marks a check {@code excluded: ok};
 * {@code /readyz/NAME} answers one check, an unknown one is a 404. The checks are the API server's basic ones
 * (ping, log, etcd; for readiness also etcd-readiness, informer-sync and shutdown), all passing: the demo's
 * store is in memory. They answered {@code ok} to everything and 404 to a single check.
 */
final class HealthChecks {

  private static final List<String> BASIC = List.of("ping", "log", "etcd");
  private static final Map<String, List<String>> CHECKS = Map.of(
      "healthz", BASIC,
      "livez", BASIC,
      "readyz", List.of("ping", "log", "etcd", "etcd-readiness", "informer-sync", "shutdown"));

  private HealthChecks() {
  }

  /** The answer for a health path, or null when {@code bare} is not one. */
  static MockResponse answer(String bare, String query) {
    String[] parts = bare.substring(bare.startsWith("/") ? 1 : 0).split("/", 2);
    List<String> checks = CHECKS.get(parts[0]);
    if (checks == null) {
      return null;
    }
    if (parts.length == 2) {
      return checks.contains(parts[1]) ? text(200, "ok") : text(404, "404 page not found\n");
    }
    List<String> excluded = new ArrayList<>();
    boolean verbose = false;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals("verbose")) {
        verbose = true;
      } else if (kv[0].equals("exclude") && kv.length == 2) {
        excluded.add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    if (!verbose) {
      return text(200, "ok");
    }
    StringBuilder out = new StringBuilder();
    for (String check : checks) {
      out.append("[+]").append(check).append(excluded.contains(check) ? " excluded: ok" : " ok").append('\n');
    }
    for (String name : excluded) {
      if (!checks.contains(name)) {
        out.append("warn: some health checks cannot be excluded: no matches for \"").append(name).append("\"\n");
      }
    }
    out.append(parts[0]).append(" check passed\n");
    return text(200, out.toString());
  }

  private static MockResponse text(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/plain; charset=utf-8")
        .setHeader("X-Content-Type-Options", "nosniff").setBody(body);
  }
}
