package org.hexproof.coverage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The coverage packages are pure; the model knows nothing of geometry or tiles. */
class CoverageArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.coverage");

  @Test
  void coverage_code_has_no_framework_file_io_or_clock() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson..", "io.micronaut..", "java.nio.file..", "java.net..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .check(MAIN);
  }

  @Test
  void model_depends_on_neither_jts_nor_geometry_nor_tiles() {
    noClasses()
        .that()
        .resideInAPackage("org.hexproof.coverage.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.locationtech..",
            "org.hexproof.coverage.geometry..",
            "org.hexproof.coverage.tiles..")
        .check(MAIN);
  }

  @Test
  void nothing_uses_h3_directly() {
    noClasses().should().dependOnClassesThat().resideInAPackage("com.uber.h3core..").check(MAIN);
  }
}
