package dev.blame.analyzers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
 *   <li>the API jar depends on neither the core nor the client.
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
}
