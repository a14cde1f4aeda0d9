package org.hexproof.poc.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Every constant the PoC rules use. {@link #heliumIot2025()} is Helium's last IoT oracle exactly
 * (poc-rules.md); {@link #wifi()} adapts the geometry and frequency constants to 2.4 GHz WiFi
 * beacons.
 *
 * @param name a label for logs and outputs
 * @param entropyLifespan how long after its start an entropy is accepted, inclusive, compared in
 *     whole seconds ({@code ENTROPY_LIFESPAN}, §0/§1.5)
 * @param beaconInterval one beacon per bucket of this length aligned to the UTC epoch; whole
 *     seconds, divides 24 h (§1.7)
 * @param maxBeaconToWitnessLag largest lag of a witness after the beacon when the beacon arrived
 *     first, inclusive, millisecond precision (§2.5)
 * @param maxWitnessLag largest lag of a witness after the first witness when a witness arrived
 *     before the beacon, inclusive (§2.5)
 * @param maxFrequencyDeltaHz largest |beacon − witness| frequency difference that passes, Hz (§2.8)
 * @param minDistanceParentResolution H3 resolution at which the minimum grid distance is measured
 *     (§2.10)
 * @param minDistanceCells smallest grid distance that passes, cells (§2.10)
 * @param maxDistanceKm largest distance that passes, whole kilometres of rounded metres (§2.11)
 * @param reciprocityWindow HIP 106: the opposite report must be strictly younger than this (§1.9,
 *     §2.13)
 * @param maxWitnesses valid witnesses selected for rewards per PoC, ≥ 1 (HIP 83)
 * @param witnessRedundancy HIP 15 witness redundancy N (§6)
 * @param rewardDecayRate HIP 15 decay r, in (0, 1) (§6)
 * @param rewardUnitCap HIP 15 cap on units per participant (§6)
 * @param rewardUnitDecimals decimals reward units are rounded to, half-even (§6)
 * @param speedOfLightMps the oracle's C in the free-space path loss, m/s (§3)
 */
public record RuleProfile(
    String name,
    Duration entropyLifespan,
    Duration beaconInterval,
    Duration maxBeaconToWitnessLag,
    Duration maxWitnessLag,
    long maxFrequencyDeltaHz,
    int minDistanceParentResolution,
    int minDistanceCells,
    int maxDistanceKm,
    Duration reciprocityWindow,
    int maxWitnesses,
    int witnessRedundancy,
    BigDecimal rewardDecayRate,
    BigDecimal rewardUnitCap,
    int rewardUnitDecimals,
    double speedOfLightMps) {

  private static final Duration DAY = Duration.ofDays(1);

  /**
   * Validates ranges.
   *
   * @throws IllegalArgumentException when a constant is out of range, or the beacon interval is not
   *     a whole number of seconds dividing 24 h
   */
  public RuleProfile {
    Objects.requireNonNull(name, "name");
    positive("entropyLifespan", entropyLifespan);
    positive("beaconInterval", beaconInterval);
    positive("maxBeaconToWitnessLag", maxBeaconToWitnessLag);
    positive("maxWitnessLag", maxWitnessLag);
    positive("reciprocityWindow", reciprocityWindow);
    if (beaconInterval.getNano() != 0 || DAY.getSeconds() % beaconInterval.getSeconds() != 0) {
      throw new IllegalArgumentException(
          "beaconInterval: expected whole seconds dividing 24 h, got " + beaconInterval);
    }
    atLeast("maxFrequencyDeltaHz", maxFrequencyDeltaHz, 0);
    if (minDistanceParentResolution < 0 || minDistanceParentResolution > 15) {
      throw new IllegalArgumentException(
          "minDistanceParentResolution: expected 0..15, got " + minDistanceParentResolution);
    }
    atLeast("minDistanceCells", minDistanceCells, 0);
    atLeast("maxDistanceKm", maxDistanceKm, 0);
    atLeast("maxWitnesses", maxWitnesses, 1);
    atLeast("witnessRedundancy", witnessRedundancy, 1);
    Objects.requireNonNull(rewardDecayRate, "rewardDecayRate");
    Objects.requireNonNull(rewardUnitCap, "rewardUnitCap");
    if (rewardDecayRate.signum() <= 0 || rewardDecayRate.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "rewardDecayRate: expected in (0, 1), got " + rewardDecayRate);
    }
    if (rewardUnitCap.signum() <= 0) {
      throw new IllegalArgumentException("rewardUnitCap: expected > 0, got " + rewardUnitCap);
    }
    atLeast("rewardUnitDecimals", rewardUnitDecimals, 0);
    if (!(speedOfLightMps > 0) || Double.isInfinite(speedOfLightMps)) {
      throw new IllegalArgumentException("speedOfLightMps: expected > 0, got " + speedOfLightMps);
    }
  }

  /**
   * Helium's IoT oracle as it last ran (late 2025), constant for constant: entropy 180 s, 6 h
   * beacon buckets, 4000/1500 ms lateness, 100 kHz, 8 cells at res 11, 100 km, 48 h reciprocity, 14
   * witnesses, HIP 15 N=4 r=0.8 cap 2 at 4 decimals, C = 2.998e8 m/s.
   */
  public static RuleProfile heliumIot2025() {
    return new RuleProfile(
        "helium-iot-2025",
        Duration.ofSeconds(180),
        Duration.ofHours(6),
        Duration.ofMillis(4000),
        Duration.ofMillis(1500),
        100_000L,
        11,
        8,
        100,
        Duration.ofHours(48),
        14,
        4,
        new BigDecimal("0.8"),
        new BigDecimal("2"),
        4,
        2.998e8);
  }

  /**
   * WiFi beacons (region {@code WIFI-2G4}, channels 1–13 at 2412 + 5·(n−1) MHz). Timing, schedule,
   * reciprocity and reward constants are Helium's: they describe the network, not the radio. The
   * radio constants differ:
   *
   * <ul>
   *   <li><b>Frequency delta 0 Hz.</b> An 802.11 receiver reports the centre frequency of a channel
   *       (the beacon frame's DS Parameter Set names it), never an offset measurement as a LoRa
   *       concentrator does, so any difference means a different channel.
   *   <li><b>Maximum distance 2 km.</b> 20 dBm EIRP (ETSI EN 300 328) against a −94 dBm 1 Mbit/s
   *       sensitivity leaves 114 dB; free space at 2.44 GHz loses 100 dB at 1 km and 106 dB at 2
   *       km, so an omni antenna with ordinary obstruction and fade margin does not hear beyond
   *       about 2 km. Claims beyond that are implausible rather than merely lucky.
   *   <li><b>Minimum distance 4 cells at resolution 12</b> (about 75 m between cell centres): WiFi
   *       range is short, so Helium's 8 res-11 cells (about 400 m) would exclude most honest
   *       witnesses; 4 res-12 cells still keeps two radios in one building apart.
   *   <li>The RSSI rule is Helium's free-space formula at the witness-reported channel frequency.
   * </ul>
   */
  public static RuleProfile wifi() {
    return heliumIot2025().withWifiRadio("wifi-2g4");
  }

  /**
   * This profile's network constants (entropy, schedule, lateness, reciprocity, selection and
   * rewards) with the radio constants of {@link #wifi()}: what judges the WiFi beacons of a network
   * whose LoRa beacons this profile judges.
   *
   * @param name the new profile's label
   */
  public RuleProfile withWifiRadio(String name) {
    return copy(name, beaconInterval, new Radio(0L, 12, 4, 2), maxWitnesses);
  }

  /**
   * This profile with another beacon interval (a devnet's accelerated schedule).
   *
   * @param name the new profile's label
   * @param interval one beacon per bucket of this length; whole seconds dividing 24 h
   */
  public RuleProfile withBeaconInterval(String name, Duration interval) {
    return copy(name, interval, radio(), maxWitnesses);
  }

  /**
   * This profile with another selection cap.
   *
   * @param count valid witnesses selected per PoC, ≥ 1
   */
  public RuleProfile withMaxWitnesses(int count) {
    return copy(name, beaconInterval, radio(), count);
  }

  /** The constants that describe the radio rather than the network. */
  private record Radio(
      long maxFrequencyDeltaHz,
      int minDistanceParentResolution,
      int minDistanceCells,
      int maxDistanceKm) {}

  private Radio radio() {
    return new Radio(
        maxFrequencyDeltaHz, minDistanceParentResolution, minDistanceCells, maxDistanceKm);
  }

  private RuleProfile copy(String name, Duration interval, Radio radio, int witnesses) {
    return new RuleProfile(
        name,
        entropyLifespan,
        interval,
        maxBeaconToWitnessLag,
        maxWitnessLag,
        radio.maxFrequencyDeltaHz(),
        radio.minDistanceParentResolution(),
        radio.minDistanceCells(),
        radio.maxDistanceKm(),
        reciprocityWindow,
        witnesses,
        witnessRedundancy,
        rewardDecayRate,
        rewardUnitCap,
        rewardUnitDecimals,
        speedOfLightMps);
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + ": expected > 0, got " + value);
    }
  }

  private static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + ": expected >= " + min + ", got " + value);
    }
  }
}
