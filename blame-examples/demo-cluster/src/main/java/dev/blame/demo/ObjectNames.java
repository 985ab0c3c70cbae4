package dev.blame.demo;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server's validation of {@code metadata.name} on create (k8s.io/apimachinery
 * {@code pkg/api/validation/path} and {@code pkg/util/validation}): most kinds take an RFC 1123 subdomain, Namespaces
 * an RFC 1123 label, Services an RFC 1035 label, RBAC roles and bindings any path segment (no {@code /} or {@code %},
 * not {@code .} or {@code ..}). Events and the kinds not listed are not checked.
 */
final class ObjectNames {

  private static final String SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final String LABEL_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Set<String> PATH_SEGMENT_KINDS = Set.of("Role", "ClusterRole", "RoleBinding",
      "ClusterRoleBinding");
  private static final Set<String> UNCHECKED_KINDS = Set.of("Event", "CustomResourceDefinition");

  private ObjectNames() {
  }

  /** What the API server says of {@code name} for {@code kind}, or empty when the name is valid. */
  static Optional<String> invalid(String kind, String name) {
    if (kind == null || UNCHECKED_KINDS.contains(kind)) {
      return Optional.empty();
    }
    if (PATH_SEGMENT_KINDS.contains(kind)) {
      if (name.equals(".") || name.equals("..")) {
        return Optional.of("may not be '" + name + "'");
      }
      for (String bad : new String[] {"/", "%"}) {
        if (name.contains(bad)) {
          return Optional.of("may not contain '" + bad + "'");
        }
      }
      return Optional.empty();
    }
    if (kind.equals("Namespace")) {
      return check(name, LABEL_1123, 63, "a lowercase RFC 1123 label must consist of lower case alphanumeric "
          + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
          + "'123-abc', regex used for validation is '" + LABEL_1123 + "')");
    }
    if (kind.equals("Service")) {
      return check(name, LABEL_1035, 63, "a DNS-1035 label must consist of lower case alphanumeric characters or "
          + "'-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
          + "'abc-123', regex used for validation is '" + LABEL_1035 + "')");
    }
    return check(name, SUBDOMAIN, 253, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
        + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
        + "used for validation is '" + SUBDOMAIN + "')");
  }

  private static Optional<String> check(String name, String regex, int max, String message) {
    if (name.length() > max) {
      return Optional.of("must be no more than " + max + " characters");
    }
    return Pattern.matches(regex, name) ? Optional.empty() : Optional.of(message);
  }
}
