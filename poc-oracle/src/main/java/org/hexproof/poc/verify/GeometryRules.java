package org.hexproof.poc.verify;

import java.util.Optional;
import java.util.OptionalInt;
import org.hexproof.core.geo.H3Cell;

/** Witness rules about where the two hotspots are: §2.10–§2.12 and the free-space formula of §3. */
final class GeometryRules {
  private GeometryRules() {}

  /**
   * §2.10: the grid distance between both locations' parents at the profile's resolution is at
   * least the minimum. A location coarser than that resolution, or cells H3 cannot compare, count
   * as too close.
   */
  static Optional<Rejection> minDistance(H3Cell beaconer, H3Cell witness, RuleProfile profile) {
    int resolution = profile.minDistanceParentResolution();
    if (beaconer.resolution() < resolution || witness.resolution() < resolution) {
      return Rejection.witness(
          InvalidReason.BELOW_MIN_DISTANCE,
          "a location is coarser than resolution " + resolution + "; no parent to compare");
    }
    OptionalInt cells = beaconer.parent(resolution).gridDistance(witness.parent(resolution));
    if (cells.isEmpty()) {
      return Rejection.witness(
          InvalidReason.BELOW_MIN_DISTANCE, "H3 cannot compute the grid distance");
    }
    if (cells.getAsInt() < profile.minDistanceCells()) {
      return Rejection.witness(
          InvalidReason.BELOW_MIN_DISTANCE,
          cells.getAsInt()
              + " cells apart at resolution "
              + resolution
              + ", minimum "
              + profile.minDistanceCells());
    }
    return Rejection.PASS;
  }

  /**
   * The great-circle distance between the two cell centres, rounded to whole metres (Helium rounds
   * h3o's {@code distance_m} to a u32).
   */
  static long roundedMeters(H3Cell a, H3Cell b) {
    return Math.round(a.distanceMeters(b));
  }

  /** §2.11 on the two locations. */
  static Optional<Rejection> maxDistance(H3Cell beaconer, H3Cell witness, int maxKm) {
    return maxDistance(roundedMeters(beaconer, witness), maxKm);
  }

  /** §2.11: whole kilometres (metres / 1000, floored) must not exceed the limit. */
  static Optional<Rejection> maxDistance(long roundedMeters, int maxKm) {
    long km = roundedMeters / 1000;
    return km > maxKm
        ? Rejection.witness(
            InvalidReason.MAX_DISTANCE_EXCEEDED,
            roundedMeters + " m apart (" + km + " km), limit " + maxKm + " km")
        : Rejection.PASS;
  }

  /**
   * What the RSSI rule reads.
   *
   * @param signalDdbm witness signal, tenths of a dBm
   * @param frequencyHz witness-reported frequency, Hz
   * @param txPowerDbm the beacon report's tx power, used as dBm
   * @param beaconerGainDdbi beaconer antenna gain, tenths of a dBi
   * @param witnessGainDdbi witness antenna gain, tenths of a dBi
   * @param distanceMeters rounded metres between the cell centres
   */
  record RssiInputs(
      int signalDdbm,
      long frequencyHz,
      int txPowerDbm,
      int beaconerGainDdbi,
      int witnessGainDdbi,
      long distanceMeters) {}

  /** §2.12: the signal may not exceed what free space allows; no margin. */
  static Optional<Rejection> rssi(RssiInputs in, double speedOfLightMps) {
    double expectedMaxDbm =
        expectedMaxDbm(
            in.txPowerDbm(),
            in.frequencyHz(),
            in.distanceMeters(),
            in.beaconerGainDdbi(),
            in.witnessGainDdbi(),
            speedOfLightMps);
    double signalDbm = in.signalDdbm() / 10.0;
    return signalDbm > expectedMaxDbm
        ? Rejection.witness(
            InvalidReason.BAD_RSSI,
            "signal " + signalDbm + " dBm above the free-space maximum " + expectedMaxDbm + " dBm")
        : Rejection.PASS;
  }

  /**
   * §3: {@code tx + trunc(gB/10) − FSPL + trunc(gW/10)} in dBm, evaluated in that order in doubles
   * as Helium's {@code calc_expected_rssi} does, so results match it bit for bit.
   */
  static double expectedMaxDbm(
      int txPowerDbm,
      long frequencyHz,
      long distanceMeters,
      int beaconerGainDdbi,
      int witnessGainDdbi,
      double speedOfLightMps) {
    int beaconerGainDbi = beaconerGainDdbi / 10;
    int witnessGainDbi = witnessGainDdbi / 10;
    double fspl = freeSpacePathLossDb(distanceMeters, frequencyHz, speedOfLightMps);
    return (double) txPowerDbm + (double) beaconerGainDbi - fspl + (double) witnessGainDbi;
  }

  /** §3: {@code 20·log10(4π·d·f / C)}, dB. */
  static double freeSpacePathLossDb(long distanceMeters, long frequencyHz, double speedOfLightMps) {
    return 20.0
        * Math.log10(
            4.0 * Math.PI * (double) distanceMeters * (double) frequencyHz / speedOfLightMps);
  }
}
