package dev.blame.cli;

import dev.blame.api.GroupKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One type of resource as kubectl names it: plural resource name, singular, short names, kind and group, and
 * whether it is namespaced ({@code null} when not known, e.g. a kind seen only in a dump).
 */
final class ResourceType {

  final GroupKind kind;
  final String plural;
  final String singular;
  final List<String> shortNames;
  final Boolean namespaced;
  /** The preferred API version, or {@code ""} when not known. */
  final String version;

  ResourceType(GroupKind kind, String plural, String singular, List<String> shortNames, Boolean namespaced,
      String version) {
    this.kind = kind;
    this.plural = plural.toLowerCase(Locale.ROOT);
    this.singular = singular.toLowerCase(Locale.ROOT);
    this.shortNames = shortNames.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    this.namespaced = namespaced;
    this.version = version;
  }

  /** A type known only by its kind: kubectl's guess at the plural. */
  static ResourceType guessed(GroupKind kind) {
    String singular = kind.kind().toLowerCase(Locale.ROOT);
    return new ResourceType(kind, pluralize(singular), singular, List.of(), null, "");
  }

  /** Whether a name (already lower case, without group) names this type. */
  boolean matches(String name) {
    return name.equals(plural) || name.equals(singular) || shortNames.contains(name)
        || name.equals(kind.kind().toLowerCase(Locale.ROOT));
  }

  Optional<Boolean> isNamespaced() {
    return Optional.ofNullable(namespaced);
  }

  /** {@code apps/v1}, {@code v1}, or {@code ""} when the version is not known. */
  String apiVersion() {
    if (version.isEmpty()) {
      return "";
    }
    return kind.isCore() ? version : kind.group() + "/" + version;
  }

  /** kubectl's {@code deployments.apps}. */
  String qualifiedPlural() {
    return kind.isCore() ? plural : plural + "." + kind.group();
  }

  /** The English plural kubectl's RESTMapper guesses for an unknown kind. */
  static String pluralize(String singular) {
    if (singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("z")
        || singular.endsWith("ch") || singular.endsWith("sh")) {
      return singular + "es";
    }
    if (singular.endsWith("y") && singular.length() > 1 && "aeiou".indexOf(singular.charAt(singular.length() - 2)) < 0) {
      return singular.substring(0, singular.length() - 1) + "ies";
    }
    return singular + "s";
  }

  @Override
  public String toString() {
    return qualifiedPlural();
  }
}
