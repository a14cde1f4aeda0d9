package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.hexproof.core.proto.DataRate;
import org.junit.jupiter.api.Test;

/** A WiFi witness carries the 20-byte SSID prefix of the beacon's 51-byte data. */
class WifiWitnessMatchTest {
  private static final byte[] BEACON = new byte[51];

  static {
    for (int i = 0; i < BEACON.length; i++) {
      BEACON[i] = (byte) (i * 7 + 3);
    }
  }

  private static WitnessReport witness(byte[] data, DataRate rate) {
    return new WitnessReport("w", Instant.EPOCH, Bytes.of(data), -900, 0, 2_437_000_000L, rate);
  }

  @Test
  void a_wifi_witness_matches_the_beacon_its_20_bytes_begin() {
    WitnessReport w = witness(Arrays.copyOf(BEACON, 20), DataRate.WIFI_2G4);
    assertThat(w.heard(Bytes.of(BEACON))).isTrue();
    assertThat(WitnessRules.sameData(Bytes.of(BEACON), w)).isEmpty();
  }

  @Test
  void a_wifi_witness_with_the_whole_data_matches_too() {
    assertThat(witness(BEACON, DataRate.WIFI_2G4).heard(Bytes.of(BEACON))).isTrue();
  }

  @Test
  void a_lora_witness_needs_the_whole_data() {
    WitnessReport w = witness(Arrays.copyOf(BEACON, 20), DataRate.SF9BW125);
    assertThat(w.heard(Bytes.of(BEACON))).isFalse();
    assertThat(WitnessRules.sameData(Bytes.of(BEACON), w))
        .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(InvalidReason.INVALID_PACKET));
  }

  @Test
  void other_prefixes_and_lengths_do_not_match() {
    byte[] other = Arrays.copyOf(BEACON, 20);
    other[19] ^= 1;
    assertThat(witness(other, DataRate.WIFI_2G4).heard(Bytes.of(BEACON))).isFalse();
    assertThat(witness(Arrays.copyOf(BEACON, 19), DataRate.WIFI_2G4).heard(Bytes.of(BEACON)))
        .isFalse();
    assertThat(witness(Arrays.copyOf(BEACON, 21), DataRate.WIFI_2G4).heard(Bytes.of(BEACON)))
        .isFalse();
  }
}
