package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenBeaconsTest {
  @Test
  void remembers_own_and_heard_payloads_and_forgets_after_fifteen_others() {
    SeenBeacons seen = new SeenBeacons();
    assertThat(seen.remember(new byte[] {1}, SeenBeacons.Origin.OWN)).isEmpty();
    assertThat(seen.remember(new byte[] {1}, SeenBeacons.Origin.HEARD))
        .contains(SeenBeacons.Origin.OWN);
    assertThat(seen.remember(new byte[] {2}, SeenBeacons.Origin.HEARD)).isEmpty();
    assertThat(seen.remember(new byte[] {2}, SeenBeacons.Origin.HEARD))
        .contains(SeenBeacons.Origin.HEARD);
    for (int i = 10; i < 10 + SeenBeacons.CAPACITY; i++) {
      seen.remember(new byte[] {(byte) i}, SeenBeacons.Origin.HEARD);
    }
    assertThat(seen.remember(new byte[] {1}, SeenBeacons.Origin.HEARD)).isEmpty();
  }
}
