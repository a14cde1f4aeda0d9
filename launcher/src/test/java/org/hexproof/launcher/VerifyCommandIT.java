package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandIT {
  @TempDir Path dir;

  private static final String ENTROPY =
      "b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09";
  private static final String DATA =
      "1c99124160e83b92867d630caf4c9ed21cfd923bbbcb7a9231f19c944af6441108d43006983add9eba65253b877e1248f441ae";

  /** The Helium Malta beacon heard by one witness 28 cells away. */
  private static String scenario() {
    return """
        {
          "now": "2023-02-23T14:52:00Z",
          "hotspots": [
            {"id": "a", "location": "631615575095659519", "region": "EU868", "gain_ddbi": 12,
             "last_witness_at": "2023-02-22T20:00:00.000Z"},
            {"id": "b", "location": "8b3f304e4032fff", "region": "EU868", "gain_ddbi": 12,
             "last_beacon_reciprocity_at": "2023-02-22T14:50:00.000Z"}
          ],
          "entropy": {"data_hex": "%1$s", "timestamp": 1677163710, "version": 0},
          "beacon": {"hotspot": "a", "received_at": "2023-02-23T14:50:29.500Z",
                     "local_entropy_hex": "e94619b0", "remote_entropy_hex": "%1$s",
                     "data_hex": "%2$s", "frequency_hz": 867900000, "datarate": "SF12BW125",
                     "tx_power_dbm": 8},
          "witnesses": [{"hotspot": "b", "received_at": "2023-02-23T14:50:30.000Z",
                         "data_hex": "%2$s", "signal_ddbm": -1080, "snr_ddb": 35,
                         "frequency_hz": 867900032, "datarate": "SF12BW125"}]
        }
        """
        .formatted(ENTROPY, DATA);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void prints_the_verdicts_of_a_scenario() throws IOException {
    Path file = write("poc.json", scenario());

    CliRun run = CliRun.of("verify", "--scenario", file.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"beacon\":{\"verdict\":\"valid\",\"reason\":null},\"witnesses\":["
                + "{\"hotspot\":\"b\",\"verdict\":\"valid\",\"reason\":null,\"selected\":true}],"
                + "\"hex_scale\":0.2,\"reward_units\":{\"beaconer\":0.25,\"witness\":1}}");
  }

  @Test
  void missing_file_exits_2_with_one_line() {
    CliRun run = CliRun.of("verify", "--scenario", dir.resolve("absent.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errIsOneLine()).isTrue();
    assertThat(run.err()).startsWith("hexproof verify: --scenario: no such file");
  }

  @Test
  void malformed_scenario_exits_2_naming_the_json_path() throws IOException {
    Path file =
        write("bad.json", scenario().replace("\"tx_power_dbm\": 8", "\"tx_power_dbm\": \"x\""));

    CliRun run = CliRun.of("verify", "--scenario", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errIsOneLine()).as("one line: %s", run.err()).isTrue();
    assertThat(run.err()).contains("$.beacon.tx_power_dbm: expected an integer, got \"x\"");
  }

  @Test
  void a_directory_instead_of_a_file_exits_2() {
    CliRun run = CliRun.of("verify", "--scenario", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("hexproof verify: --scenario: cannot read");
  }

  @Test
  void missing_option_is_a_usage_error() {
    CliRun run = CliRun.of("verify");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--scenario");
  }
}
