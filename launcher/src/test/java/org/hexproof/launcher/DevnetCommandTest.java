package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hexproof devnet}'s fleet options on the command line: documented by {@code --help}, and a
 * bad value is refused with exit code 2 and one line naming the expected value before anything
 * starts (the devnet itself runs in {@link DevnetCommandIT}).
 */
class DevnetCommandTest {

  @Test
  void help_documents_the_fleet_options() {
    CliRun run = CliRun.of("devnet", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--concentrators=N", "concentrator gateways on UDP")
        .contains("--wifi=N", "WiFi (ESP-AT) hotspots")
        .contains("--adversaries", "one cheater of each kind")
        .contains("--hotspots=N", "--city=NAME", "--speed=X", "--fresh");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("--wifi", "-1", "'--wifi': expected 0..50, got \"-1\""),
        Arguments.of("--wifi", "51", "'--wifi': expected 0..50, got \"51\""),
        Arguments.of("--wifi", "2.5", "'--wifi': expected 0..50, got \"2.5\""),
        Arguments.of("--concentrators", "x", "'--concentrators': expected 0..200, got \"x\""),
        Arguments.of("--concentrators", "201", "'--concentrators': expected 0..200, got \"201\""),
        Arguments.of("--hotspots", "0", "'--hotspots': expected 1..200, got \"0\""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badValues")
  void a_bad_fleet_option_is_one_line_naming_the_expected_value_and_exit_code_2(
      String option, String value, String message) {
    CliRun run = CliRun.of("devnet", option, value, "--data-dir", "/nonexistent/devnet");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errIsOneLine()).as(run.err()).isTrue();
    assertThat(run.err()).startsWith("hexproof devnet: ").contains(message);
    assertThat(run.out()).as("nothing started").isEmpty();
  }
}
