package org.hexproof.coverage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain packages (model, geometry, tiles) are pure; the model knows nothing of geometry or
 * tiles; the adapters (app, store, feed) are the only place for Micronaut, JDBC and the network.
 */
class CoverageArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.coverage");

  private static final String[] PURE = {
    "org.hexproof.coverage.model..",
    "org.hexproof.coverage.geometry..",
    "org.hexproof.coverage.tiles.."
  };

  @Test
  void coverage_domain_code_has_no_framework_file_io_or_clock() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson..", "io.micronaut..", "java.nio.file..", "java.net..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hexproof.coverage.app..",
            "org.hexproof.coverage.store..",
            "org.hexproof.coverage.feed..",
            "org.hexproof.support..",
            "io.r2dbc..")
        .check(MAIN);
  }

  @Test
  void feed_and_store_know_no_http_server_and_the_feed_knows_no_database() {
    noClasses()
        .that()
        .resideInAnyPackage("org.hexproof.coverage.feed..", "org.hexproof.coverage.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.hexproof.coverage.app..", "io.micronaut.http..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("org.hexproof.coverage.feed..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.r2dbc..", "org.hexproof.support.db..")
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
