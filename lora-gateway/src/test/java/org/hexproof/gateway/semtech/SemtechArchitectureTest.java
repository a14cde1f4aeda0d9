package org.hexproof.gateway.semtech;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The codec is pure (STYLE §1): JDK, Jackson and network-core only; no sockets. */
class SemtechArchitectureTest {
  private static final JavaClasses CODEC =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.gateway.semtech");

  @Test
  void codec_depends_only_on_the_jdk_jackson_and_network_core() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "com.fasterxml.jackson..",
            "org.hexproof.gateway.semtech..",
            "org.hexproof.core..")
        .check(CODEC);
  }

  @Test
  void codec_opens_no_sockets_or_channels() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.channels..")
        .check(CODEC);
  }
}
