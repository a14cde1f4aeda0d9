package org.hexproof.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.MulticastSocket;
import java.net.ServerSocket;
import java.net.Socket;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.regulation.DutyCycleLedger;
import org.hexproof.gateway.semtech.GwmpCodec;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.udp.UdpTransport;
import org.junit.jupiter.api.Test;

/**
 * Where the sockets are: only the UDP transport and the emulated forwarder touch {@code
 * DatagramSocket}, {@code DatagramPacket} or NIO channels; the codec, the regulation rules and the
 * GWMP server logic depend on neither sockets nor Micronaut, so they run (and are tested) without
 * either.
 */
class GatewayArchitectureTest {
  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.hexproof.gateway");

  private static final String[] PURE = {
    "org.hexproof.gateway.semtech..",
    "org.hexproof.gateway.regulation..",
    "org.hexproof.gateway.server.."
  };

  @Test
  void only_the_transport_and_the_emulator_use_datagram_sockets_or_channels() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.hexproof.gateway.udp..", "org.hexproof.gateway.emulator..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(DatagramSocket.class, DatagramPacket.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.nio.channels..")
        .check(GATEWAY);
  }

  @Test
  void codec_regulation_and_server_depend_on_no_sockets() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            DatagramSocket.class,
            DatagramPacket.class,
            MulticastSocket.class,
            Socket.class,
            ServerSocket.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.channels..")
        .check(GATEWAY);
  }

  @Test
  void codec_regulation_and_server_depend_on_no_micronaut() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut..", "jakarta.inject..")
        .check(GATEWAY);
  }

  @Test
  void the_rules_see_the_classes_they_are_about() {
    // an import that missed the packages would make every rule above pass vacuously
    assertThat(GATEWAY.contain(UdpTransport.class)).isTrue();
    assertThat(GATEWAY.contain(EmulatedForwarder.class)).isTrue();
    assertThat(GATEWAY.contain(GatewayServer.class)).isTrue();
    assertThat(GATEWAY.contain(GwmpCodec.class)).isTrue();
    assertThat(GATEWAY.contain(DutyCycleLedger.class)).isTrue();
  }
}
