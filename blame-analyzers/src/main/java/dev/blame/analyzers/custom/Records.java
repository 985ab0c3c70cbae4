package dev.blame.analyzers.custom;

import dev.blame.api.spi.Unstructured;
import java.util.Set;

/**
 * A record is an object that holds what it says in its own top-level fields, beside neither a spec nor a status, as
 * a ConfigMap holds its {@code data}: no controller reconciles it toward a desired state, so it keeps no status, and
 * its lack of one is not a controller that has yet to report. The Policy Reports API ({@code wgpolicyk8s.io}
 * {@code PolicyReport} and {@code ClusterPolicyReport}, written by Kyverno, Kubewarden and Trivy's adapter) keeps
 * {@code scope}, {@code results} and {@code summary} at the top level; the Trivy operator's scan reports
 * ({@code VulnerabilityReport}, {@code ConfigAuditReport}, {@code ExposedSecretReport}, ...) keep {@code report},
 * and their CRDs declare no status subresource. A failed result in a record is a finding about what it covers, not
 * a failure of the record.
 */
final class Records {

  /** The fields every object has; any other top-level field but {@code spec} and {@code status} is content. */
  private static final Set<String> ENVELOPE = Set.of("apiVersion", "kind", "metadata", "spec", "status");

  private Records() {}

  /** Whether {@code u} is a record: no spec, no status, and content in another top-level field. */
  static boolean isRecord(Unstructured u) {
    return !u.has("spec") && !u.has("status") && u.entries().stream()
        .anyMatch(e -> !ENVELOPE.contains(e.getKey()) && e.getValue() != null);
  }
}
