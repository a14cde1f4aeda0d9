package org.hexproof.poc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Ports and adapters inside the oracle: the domain packages ({@code verify}, {@code density},
 * {@code replay}) are pure, and only the adapter and wiring packages talk to the database.
 */
class OracleArchitectureTest {
  private static final JavaClasses ORACLE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.poc");

  @Test
  void domain_packages_use_no_micronaut_r2dbc_or_network() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.hexproof.poc.verify..", "org.hexproof.poc.density..", "org.hexproof.poc.replay..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut..", "io.r2dbc..", "java.net..", "reactor..")
        .check(ORACLE);
  }

  @Test
  void only_adapters_and_wiring_use_r2dbc() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.hexproof.poc.store..",
            "org.hexproof.poc.worker..",
            "org.hexproof.poc.audit..",
            "org.hexproof.poc.ingest..",
            "org.hexproof.poc.registry..",
            "org.hexproof.poc.entropy..",
            "org.hexproof.poc.feed..",
            "org.hexproof.poc.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.r2dbc..", "org.hexproof.support.db..")
        .check(ORACLE);
  }

  @Test
  void domain_packages_do_not_reach_into_adapters() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.hexproof.poc.verify..", "org.hexproof.poc.density..", "org.hexproof.poc.replay..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hexproof.poc.app..",
            "org.hexproof.poc.store..",
            "org.hexproof.poc.worker..",
            "org.hexproof.poc.audit..",
            "org.hexproof.poc.ingest..",
            "org.hexproof.poc.registry..",
            "org.hexproof.poc.entropy..",
            "org.hexproof.poc.feed..")
        .check(ORACLE);
  }
}
