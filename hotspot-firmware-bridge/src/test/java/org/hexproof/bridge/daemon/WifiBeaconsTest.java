package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.junit.jupiter.api.Test;

class WifiBeaconsTest {
  private static Beacon beacon() {
    byte[] data = new byte[Beacon.PAYLOAD_BYTES];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 37 + 250);
    }
    return new Beacon(data, 2_437_000_000L, DataRate.WIFI_2G4);
  }

  @Test
  void the_ssid_is_hxp_and_27_base64url_chars_within_32_bytes_and_decodes_to_the_prefix() {
    String ssid = WifiBeacons.ssid(beacon());
    assertThat(ssid).startsWith("hxp-").hasSize(31).matches("hxp-[A-Za-z0-9_-]{27}");
    assertThat(WifiBeacons.decode(ssid))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(Arrays.copyOf(beacon().data(), 20)));
  }

  @Test
  void other_ssids_are_not_beacons() {
    assertThat(WifiBeacons.decode("hexproof-idle")).isEmpty();
    assertThat(WifiBeacons.decode("hxp-short")).isEmpty();
    assertThat(WifiBeacons.decode("hxp-" + "!".repeat(27))).isEmpty();
  }

  @Test
  void channels_map_to_frequencies_both_ways() {
    assertThat(WifiBeacons.channelOf(2_437_000_000L)).isEqualTo(6);
    assertThat(WifiBeacons.frequencyOf(6)).isEqualTo(2_437_000_000L);
    assertThat(WifiBeacons.frequencyOf(1)).isEqualTo(2_412_000_000L);
    assertThat(WifiBeacons.frequencyOf(14)).isEqualTo(2_484_000_000L);
  }
}
