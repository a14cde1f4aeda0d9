package org.hexproof.core.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.hexproof.core.proto.DataRate;
import org.junit.jupiter.api.Test;

class BeaconEqualityTest {

  @Test
  void entropy_compares_by_content() {
    EqualsVerifier.forClass(Entropy.class)
        .withPrefabValues(byte[].class, new byte[] {1}, new byte[] {2})
        .suppress(Warning.NULL_FIELDS)
        .verify();
  }

  @Test
  void beacons_with_the_same_content_are_equal_and_any_difference_counts() {
    byte[] data = new byte[Beacon.PAYLOAD_BYTES];
    Beacon beacon = new Beacon(data, 868_100_000L, DataRate.SF12BW125);
    Beacon same = new Beacon(data.clone(), 868_100_000L, DataRate.SF12BW125);
    byte[] other = data.clone();
    other[50] = 1;

    assertThat(beacon).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(beacon).isNotEqualTo(new Beacon(other, 868_100_000L, DataRate.SF12BW125));
    assertThat(beacon).isNotEqualTo(new Beacon(data, 868_300_000L, DataRate.SF12BW125));
    assertThat(beacon).isNotEqualTo(new Beacon(data, 868_100_000L, DataRate.SF9BW125));
  }

  @Test
  void beacon_keeps_its_own_copy_of_the_payload() {
    byte[] data = new byte[Beacon.PAYLOAD_BYTES];
    Beacon beacon = new Beacon(data, 868_100_000L, DataRate.SF12BW125);
    data[0] = 1;
    beacon.data()[1] = 1;
    assertThat(beacon.data()).containsOnly(0);
  }
}
