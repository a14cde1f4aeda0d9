package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeSpaceTest {
  private static final double C = RuleProfile.heliumIot2025().speedOfLightMps();

  @Test
  void expected_max_rssi_matches_the_oracle_bit_for_bit() {
    // helium/oracles iot_verifier poc.rs test_calc_expected_rssi
    double expected = GeometryRules.expectedMaxDbm(12, 867_900_024L, 508L, 81, 83, C);

    assertThat(expected).isEqualTo(-57.334232963418515);
  }

  @Test
  void gains_are_truncated_to_whole_dbi() {
    double whole = GeometryRules.expectedMaxDbm(12, 867_900_024L, 508L, 80, 80, C);
    double fraction = GeometryRules.expectedMaxDbm(12, 867_900_024L, 508L, 89, 89, C);

    assertThat(fraction).isEqualTo(whole);
  }

  @Test
  void signal_exactly_at_the_maximum_passes_and_a_tenth_above_fails() {
    // distance chosen so that the maximum is a whole tenth of a dBm is not possible in general;
    // compare against the computed maximum instead
    double max = GeometryRules.expectedMaxDbm(8, 867_900_032L, 1_500L, 12, 12, C);
    int atOrBelow = (int) Math.floor(max * 10);
    GeometryRules.RssiInputs pass =
        new GeometryRules.RssiInputs(atOrBelow, 867_900_032L, 8, 12, 12, 1_500L);
    GeometryRules.RssiInputs fail =
        new GeometryRules.RssiInputs(atOrBelow + 1, 867_900_032L, 8, 12, 12, 1_500L);

    assertThat(GeometryRules.rssi(pass, C)).isEmpty();
    assertThat(GeometryRules.rssi(fail, C))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.BAD_RSSI);
  }
}
