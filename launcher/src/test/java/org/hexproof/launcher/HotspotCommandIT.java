package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotspotCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path config(String extra) throws Exception {
    Path file = dir.resolve("hotspot.properties");
    Files.writeString(
        file,
        "key-file = hotspot.key\n"
            + "oracle.url = http://127.0.0.1:9\n"
            + "location = 52.0907,5.1214\n"
            + "region = EU868\n"
            + "radio.type = rak3172\n"
            + "radio.device = /dev/null-device\n"
            + extra);
    return file;
  }

  @Test
  void status_of_a_hotspot_that_never_ran_reads_the_data_directory() throws Exception {
    CliRun run = CliRun.of("hotspot", "status", "--config", config("").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode status = JSON.readTree(run.out());
    assertThat(status.has("key")).isFalse();
    assertThat(status.get("region").asText()).isEqualTo("EU868");
    assertThat(status.get("radio").asText()).startsWith("rak3172 on ");
    assertThat(status.get("outbox_depth").asInt()).isZero();
    assertThat(status.get("witnesses_sent").asInt()).isZero();
    assertThat(status.get("parked")).isEmpty();
  }

  @Test
  void a_bad_config_is_one_line_and_exit_code_2() throws Exception {
    CliRun run =
        CliRun.of("hotspot", "status", "--config", config("beacon.window = soon\n").toString());

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.errIsOneLine()).isTrue();
    assertThat(run.err()).contains("beacon.window");
  }

  @Test
  void a_concentrator_hotspot_whose_udp_port_is_taken_fails_cleanly_naming_it() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Path file = dir.resolve("gateway.properties");
      Files.writeString(
          file,
          "key-file = hotspot.key\n"
              + "oracle.url = http://127.0.0.1:9\n"
              + "location = 52.0907,5.1214\n"
              + "region = EU868\n"
              + "radio.type = gateway\n"
              + "gateway.port = "
              + taken.getLocalPort()
              + "\n");

      CliRun run = CliRun.of("hotspot", "--config", file.toString());

      assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
      assertThat(run.errIsOneLine()).as(run.err()).isTrue();
      assertThat(run.err())
          .contains("cannot listen for packet forwarders")
          .contains(":" + taken.getLocalPort());
    }
  }

  @Test
  void run_fails_cleanly_when_the_radio_device_does_not_exist() throws Exception {
    CliRun run = CliRun.of("hotspot", "--config", config("").toString());

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
    assertThat(run.errIsOneLine()).isTrue();
    assertThat(Files.getPosixFilePermissions(dir.resolve("hotspot.key")))
        .as("the key file the daemon created is the owner's alone")
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }
}
