package org.hexproof.poc.verify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier is pure: no JSON, no framework, no files, no clock; its rule lists are pinned. */
class VerifyArchitectureTest {
  private static final JavaClasses VERIFY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.poc.verify");

  @Test
  void verify_depends_on_no_json_framework_file_io_or_clock() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson..", "io.micronaut..", "java.io..", "java.nio.file..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .check(VERIFY);
  }

  @Test
  void beacon_rules_run_in_the_order_package_info_lists() {
    assertThat(Rule.names(BeaconRules.RULES))
        .isEqualTo(
            List.of(
                "gateway_found",
                "asserted",
                "region_params",
                "not_denied",
                "entropy_window",
                "full_capability",
                "beacon_schedule",
                "beacon_construction"));
  }

  @Test
  void witness_rules_run_in_the_order_package_info_lists() {
    assertThat(Rule.names(WitnessRules.RULES))
        .isEqualTo(
            List.of(
                "not_duplicate",
                "gateway_found",
                "witness_asserted",
                "beaconer_asserted",
                "not_denied",
                "edge_not_denied",
                "not_self",
                "entropy_window",
                "not_too_late",
                "same_data",
                "full_capability",
                "frequency",
                "same_region",
                "min_distance",
                "max_distance",
                "rssi"));
  }

  @Test
  void reason_codes_and_names_are_the_protos() {
    assertThat(InvalidReason.values()).hasSize(25);
    for (InvalidReason reason : InvalidReason.values()) {
      assertThat(reason.code()).isEqualTo(reason.ordinal());
    }
    assertThat(InvalidReason.GATEWAY_NO_VALID_WITNESSES.reasonName())
        .isEqualTo("gateway_no_valid_witnesses");
    assertThat(ParticipantSide.WITNESS.code()).isEqualTo(3);
  }
}
