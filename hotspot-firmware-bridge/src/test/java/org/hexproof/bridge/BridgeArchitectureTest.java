package org.hexproof.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md §1: ports are pure, {@code …bridge.serial} is the only jssc user, and lora-gateway is
 * reached only through the concentrator adapter (and the emulated concentrator).
 */
class BridgeArchitectureTest {
  private static final JavaClasses BRIDGE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.bridge");

  @Test
  void only_the_serial_package_uses_jssc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.hexproof.bridge.serial..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jssc..")
        .check(BRIDGE);
  }

  @Test
  void radio_ports_depend_on_no_adapter_and_no_io() {
    noClasses()
        .that()
        .resideInAPackage("org.hexproof.bridge.radio..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hexproof.bridge.serial..",
            "org.hexproof.bridge.emulator..",
            "jssc..",
            "java.io..",
            "java.nio..",
            "java.net..")
        .check(BRIDGE);
  }

  @Test
  void serial_drivers_do_not_depend_on_emulators() {
    noClasses()
        .that()
        .resideInAPackage("org.hexproof.bridge.serial..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.hexproof.bridge.emulator..")
        .check(BRIDGE);
  }

  @Test
  void only_the_concentrator_adapter_and_the_emulators_use_lora_gateway() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.hexproof.bridge.concentrator..", "org.hexproof.bridge.emulator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.hexproof.gateway..")
        .check(BRIDGE);
  }

  @Test
  void never_touches_the_lora_gateway_application() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.hexproof.gateway.app..")
        .check(BRIDGE);
  }

  @Test
  void uses_no_framework() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.micronaut..").check(BRIDGE);
  }

  @Test
  void the_outbox_knows_neither_radios_nor_the_oracle() {
    noClasses()
        .that()
        .resideInAPackage("org.hexproof.bridge.outbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hexproof.bridge.radio..",
            "org.hexproof.bridge.serial..",
            "org.hexproof.bridge.oracle..",
            "org.hexproof.bridge.daemon..",
            "java.net..")
        .check(BRIDGE);
  }
}
