package org.hexproof.rewards.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ledger is pure: no I/O, no clock, no JSON, nothing from the payout package. */
class LedgerArchitectureTest {
  private static final JavaClasses LEDGER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.rewards.ledger");

  @Test
  void ledger_does_no_io_and_no_json() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.net..", "java.sql..", "com.fasterxml..")
        .check(LEDGER);
  }

  @Test
  void ledger_reads_no_clock() {
    noClasses().should().callMethod(Instant.class, "now").check(LEDGER);
    noClasses().should().dependOnClassesThat().areAssignableTo(Clock.class).check(LEDGER);
  }

  @Test
  void ledger_does_not_depend_on_payout_computation() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.hexproof.rewards.payout..")
        .check(LEDGER);
  }
}
