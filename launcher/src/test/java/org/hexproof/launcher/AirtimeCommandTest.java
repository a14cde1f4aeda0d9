package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AirtimeCommandTest {

  @Test
  void prints_time_on_air_and_symbols_of_a_helium_eu868_beacon() {
    CliRun run = CliRun.of("airtime", "--sf", "12", "--bw-khz", "125", "--payload-bytes", "52");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("{\"time_on_air_ms\":2465.792,\"symbols\":75.25}");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void applies_every_optional_parameter() {
    CliRun run =
        CliRun.of(
            "airtime",
            "--sf",
            "6",
            "--bw-khz",
            "125",
            "--payload-bytes",
            "10",
            "--cr",
            "1",
            "--preamble",
            "8",
            "--no-crc",
            "--implicit-header");

    assertThat(run.out().strip()).isEqualTo("{\"time_on_air_ms\":19.072,\"symbols\":37.25}");
  }

  @Test
  void narrow_bandwidths_are_accepted_by_their_datasheet_label() {
    CliRun run = CliRun.of("airtime", "--sf", "7", "--bw-khz", "7.8", "--payload-bytes", "10");

    assertThat(run.out().strip()).isEqualTo("{\"time_on_air_ms\":741.376,\"symbols\":45.25}");
  }

  static Stream<Arguments> bad_arguments() {
    return Stream.of(
        Arguments.of(
            new String[] {"--sf", "13", "--bw-khz", "125", "--payload-bytes", "5"},
            "--sf: expected 5..12, got 13"),
        Arguments.of(
            new String[] {"--sf", "x", "--bw-khz", "125", "--payload-bytes", "5"}, "'--sf'"),
        Arguments.of(
            new String[] {"--sf", "7", "--bw-khz", "100", "--payload-bytes", "5"},
            "--bw-khz: expected one of"),
        Arguments.of(
            new String[] {"--sf", "7", "--bw-khz", "125", "--payload-bytes", "256"},
            "--payload-bytes: expected 0..255, got 256"),
        Arguments.of(
            new String[] {"--sf", "7", "--bw-khz", "125", "--payload-bytes", "5", "--cr", "0"},
            "--cr: expected 1..4, got 0"),
        Arguments.of(
            new String[] {
              "--sf", "7", "--bw-khz", "125", "--payload-bytes", "5", "--preamble", "2"
            },
            "--preamble: expected 6..65535, got 2"),
        Arguments.of(
            new String[] {"--sf", "6", "--bw-khz", "125", "--payload-bytes", "5"},
            "--implicit-header: expected present with --sf 6"),
        Arguments.of(
            new String[] {
              "--sf", "7", "--bw-khz", "125", "--payload-bytes", "5", "--ldro", "maybe"
            },
            "--ldro: expected auto, on or off"),
        Arguments.of(new String[] {"--sf", "7", "--bw-khz", "125"}, "--payload-bytes"));
  }

  @ParameterizedTest
  @MethodSource("bad_arguments")
  void bad_arguments_exit_2_with_one_line_naming_the_argument(String[] args, String expected) {
    String[] full = Stream.concat(Stream.of("airtime"), Stream.of(args)).toArray(String[]::new);
    CliRun run = CliRun.of(full);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errIsOneLine()).as("one line: %s", run.err()).isTrue();
    assertThat(run.err()).startsWith("hexproof airtime: ").contains(expected);
  }
}
