package org.hexproof.fieldtests.devnet;

/** Something the devnet's beacon timers can make beacon: a hotspot daemon or a concentrator. */
@FunctionalInterface
interface Beaconer {
  /**
   * Beacons now.
   *
   * @throws RuntimeException when it cannot (no entropy, radio or downlink failure)
   */
  void beaconNow();
}
