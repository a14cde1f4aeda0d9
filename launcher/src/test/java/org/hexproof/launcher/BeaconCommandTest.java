package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BeaconCommandTest {
  /** A beacon a Helium hotspot built (network-core vectors/beacons.json). */
  private static final String REMOTE =
      "b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09";

  @Test
  void prints_the_helium_hotspot_beacon() {
    CliRun run =
        CliRun.of(
            "beacon",
            "--remote-entropy",
            REMOTE,
            "--entropy-timestamp",
            "1677163710",
            "--local-entropy",
            "e94619b0",
            "--region",
            "EU868");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"payload_hex\":\"1c99124160e83b92867d630caf4c9ed21cfd923bbbcb7a9231f19c944af6441108d43006983add9eba65253b877e1248f441ae\","
                + "\"frequency_hz\":867900000,\"datarate\":\"SF12BW125\"}");
  }

  @Test
  void region_selects_channel_plan_and_datarate() {
    CliRun run =
        CliRun.of(
            "beacon",
            "--remote-entropy",
            "0x000102030405060708090A0B0C0D0E0F101112131415161718191a1b1c1d1e1f",
            "--entropy-timestamp",
            "1700000000",
            "--local-entropy",
            "01020304",
            "--region",
            "us915");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"frequency_hz\":904700000")
        .contains("\"datarate\":\"SF9BW125\"");
  }

  static Stream<Arguments> bad_arguments() {
    return Stream.of(
        Arguments.of(
            new String[] {
              "--remote-entropy",
              "zz",
              "--entropy-timestamp",
              "1",
              "--local-entropy",
              "e94619b0",
              "--region",
              "EU868"
            },
            "--remote-entropy: expected hex digits"),
        Arguments.of(
            new String[] {
              "--remote-entropy",
              "abc",
              "--entropy-timestamp",
              "1",
              "--local-entropy",
              "e94619b0",
              "--region",
              "EU868"
            },
            "--remote-entropy: expected hex digits"),
        Arguments.of(
            new String[] {
              "--remote-entropy",
              "aa",
              "--entropy-timestamp",
              "1",
              "--local-entropy",
              "e946",
              "--region",
              "EU868"
            },
            "--local-entropy: expected 4 bytes"),
        Arguments.of(
            new String[] {
              "--remote-entropy",
              "aa",
              "--entropy-timestamp",
              "-5",
              "--local-entropy",
              "e94619b0",
              "--region",
              "EU868"
            },
            "--entropy-timestamp: expected unix seconds >= 0"),
        Arguments.of(
            new String[] {
              "--remote-entropy",
              "aa",
              "--entropy-timestamp",
              "1",
              "--local-entropy",
              "e94619b0",
              "--region",
              "CN470"
            },
            "--region: expected one of EU868"),
        Arguments.of(
            new String[] {
              "--remote-entropy",
              "aa",
              "--entropy-timestamp",
              "1",
              "--local-entropy",
              "e94619b0",
              "--region",
              "EU868",
              "--entropy-version",
              "2"
            },
            "--entropy-version: expected 0..1, got 2"),
        Arguments.of(
            new String[] {
              "--remote-entropy", "aa", "--entropy-timestamp", "1", "--local-entropy", "e94619b0"
            },
            "--region"));
  }

  @ParameterizedTest
  @MethodSource("bad_arguments")
  void bad_arguments_exit_2_with_one_line_naming_the_argument(String[] args, String expected) {
    String[] full = Stream.concat(Stream.of("beacon"), Stream.of(args)).toArray(String[]::new);
    CliRun run = CliRun.of(full);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errIsOneLine()).as("one line: %s", run.err()).isTrue();
    assertThat(run.err()).startsWith("hexproof beacon: ").contains(expected);
  }

  @Test
  void unknown_subcommands_and_no_subcommand_are_usage_errors() {
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    CliRun none = CliRun.of();
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.errIsOneLine()).isTrue();
  }
}
