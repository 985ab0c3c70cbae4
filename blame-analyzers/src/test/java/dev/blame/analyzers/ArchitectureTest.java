package dev.blame.analyzers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.blame.api.GroupKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of the house, checked on the main classes of blame-api, blame-core and blame-analyzers (tests excluded).
 *
 * <ul>
 *   <li>{@code dev.blame.core.internal} is blame-core's own: nothing outside {@code dev.blame.core} depends on it
 *       (the bench is the one argued exception, outside these modules: it measures the internals);
 *   <li>analyzers are pure rules: no fabric8 client (requests, informers, watches, configuration), no core, no
 *       network or file I/O. They read fabric8's model classes, and {@code io.fabric8.kubernetes.client.utils}
 *       (its {@code KubernetesSerialization}: JSON and YAML to model objects, in memory; no request) is allowed,
 *       because the model jar's own (un)marshalling lives there;
 *   <li>the API jar depends on neither the core nor the client;
 *   <li>blame-core's main code names no kind, except where {@link #KIND_NAMES} says which and why (each a fact of
 *       the Kubernetes API, not a rule of analysis; docs/architecture.md, "Kind names left in blame-core"). A class
 *       names a kind by reading a {@link GroupKind} constant or by using a fabric8 model class of one kind.
 * </ul>
 */
@AnalyzeClasses(packages = {"dev.blame.api", "dev.blame.core", "dev.blame.analyzers"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreInternalStaysInTheCore = noClasses()
      .that().resideOutsideOfPackage("dev.blame.core..")
      .should().dependOnClassesThat().resideInAPackage("dev.blame.core.internal..")
      .because("blame-core has one small public entry point; its machinery is private");

  @ArchTest
  static final ArchRule analyzersDoNoClientIo = noClasses()
      .that().resideInAPackage("dev.blame.analyzers..")
      .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
          "the fabric8 client (other than its utils), the core, or network and file I/O",
          (com.tngtech.archunit.core.domain.JavaClass c) ->
              c.getPackageName().startsWith("io.fabric8.kubernetes.client")
                  && !c.getPackageName().equals("io.fabric8.kubernetes.client.utils")
              || c.getPackageName().startsWith("dev.blame.core")
              || c.getPackageName().startsWith("java.net")
              || c.getPackageName().startsWith("java.nio.channels")
              || c.getName().equals("java.nio.file.Files")
              || c.getName().equals("java.io.FileInputStream")
              || c.getName().equals("java.io.FileOutputStream")))
      .because("analyzers are pure rules over what the core hands them (docs/architecture.md)");

  @ArchTest
  static final ArchRule theApiKnowsNoEngine = noClasses()
      .that().resideInAPackage("dev.blame.api..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.blame.core..", "dev.blame.analyzers..",
          "io.fabric8.kubernetes.client..")
      .because("the API jar holds contracts; engines and clients depend on it, not the reverse");

  /**
   * The classes of blame-core that name kinds, and the kinds each may name. A new kind name in the core fails here
   * until it is argued in docs/architecture.md and listed; a kind a class no longer names fails too, so the list
   * and the docs stay true.
   */
  static final Map<String, Set<String>> KIND_NAMES = Map.ofEntries(
      // Events are not nodes: they are attached to what they are about, and every query watches them.
      entry("GraphEngine", Set.of("Event")),
      entry("KnownKinds", Set.of("Event")),
      entry("ClusterSource", Set.of("Event", "Secret")),
      // Secrets are read as metadata only, and their data is dropped from manifests: a security rule.
      entry("Fed", Set.of("Secret")),
      entry("SecretMetadata", Set.of("Secret")),
      // Compaction of what clusters hold most of (pods, EndpointSlices, Events), and Secrets' data dropped on load.
      entry("Ingest", Set.of("Secret", "Pod", "EndpointSlice", "Event")),
      entry("SlimPods", Set.of("Pod")),
      // Pods are where containers run: container timelines and admission's injections are about pods.
      entry("Timeline", Set.of("Pod")),
      entry("Provenance", Set.of("Pod")),
      entry("BlameViews", Set.of("Pod")),
      // What Kubernetes' own controllers create owned, to watch before any object is read.
      entry("InvolvedKinds", Set.of("Event", "Deployment", "ReplicaSet", "Pod", "StatefulSet", "DaemonSet",
          "ControllerRevision", "Job", "CronJob")),
      // Waiting: a failure rooted in a pod or a built-in workload controller is not held for the rest to settle.
      entry("Waiter", Set.of("Pod", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")),
      // The served versions of built-in kinds, to read them without discovery; Secrets asked for as metadata.
      entry("Fabric8ClusterPort", Set.of("Pod", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim",
          "PersistentVolume", "ServiceAccount", "Node", "Namespace", "Event", "Endpoints", "ResourceQuota",
          "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ControllerRevision", "Job", "CronJob",
          "CustomResourceDefinition")));

  @ArchTest
  static void theCoreNamesOnlyTheKindsItArgues(JavaClasses classes) {
    Map<String, Set<String>> named = new TreeMap<>();
    for (JavaClass c : classes) {
      if (!c.getPackageName().startsWith("dev.blame.core") || c.getPackageName().startsWith("dev.blame.core.testing")) {
        continue;
      }
      String top = c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0];
      Set<String> kinds = named.computeIfAbsent(top, k -> new TreeSet<>());
      c.getFieldAccessesFromSelf().stream()
          .filter(a -> a.getTarget().getOwner().isEquivalentTo(GroupKind.class))
          .forEach(a -> constantKind(a.getTarget().getName()).ifPresent(kinds::add));
      c.getDirectDependenciesFromSelf().forEach(d -> modelKind(d.getTargetClass()).ifPresent(kinds::add));
    }
    named.values().removeIf(Set::isEmpty);
    Map<String, Set<String>> unargued = minus(named, KIND_NAMES);
    Map<String, Set<String>> stale = minus(KIND_NAMES, named);
    assertThat(unargued)
        .as("kinds named in blame-core's main code that docs/architecture.md does not argue").isEmpty();
    assertThat(stale)
        .as("kinds listed as named in blame-core that its code no longer names: drop them here and in the docs")
        .isEmpty();
  }

  /** Per class, the kinds of {@code these} that {@code those} does not hold for it; classes with none left out. */
  private static Map<String, Set<String>> minus(Map<String, Set<String>> these, Map<String, Set<String>> those) {
    Map<String, Set<String>> left = new TreeMap<>();
    these.forEach((c, kinds) -> {
      Set<String> rest = new TreeSet<>(kinds);
      rest.removeAll(those.getOrDefault(c, Set.of()));
      if (!rest.isEmpty()) {
        left.put(c, rest);
      }
    });
    return left;
  }

  /** The kind of a {@link GroupKind} constant, by its field name. */
  private static Optional<String> constantKind(String field) {
    try {
      Field f = GroupKind.class.getField(field);
      return Modifier.isStatic(f.getModifiers()) && f.getType() == GroupKind.class
          ? Optional.of(((GroupKind) f.get(null)).kind())
          : Optional.empty();
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }

  /** The kind a fabric8 model class stands for, when it stands for one (not a list, not a kind-agnostic shape). */
  private static Optional<String> modelKind(JavaClass target) {
    if (!target.getPackageName().startsWith("io.fabric8.kubernetes.api.model") || target.isInterface()
        || target.getModifiers().contains(JavaModifier.ABSTRACT)
        || target.getSimpleName().endsWith("List") || target.getSimpleName().endsWith("Builder")
        || Set.of("GenericKubernetesResource", "PartialObjectMetadata").contains(target.getSimpleName())) {
      return Optional.empty();
    }
    try {
      Class<?> type = Class.forName(target.getName(), false, ArchitectureTest.class.getClassLoader());
      return HasMetadata.class.isAssignableFrom(type)
          ? Optional.of(HasMetadata.getKind(type)) : Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
