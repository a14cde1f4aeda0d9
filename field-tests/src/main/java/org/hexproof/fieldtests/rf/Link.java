package org.hexproof.fieldtests.rf;

import java.util.Objects;

/**
 * One directed radio link for a {@link LinkBudget}.
 *
 * @param txId transmitter id (shadowing key), not null
 * @param rxId receiver id (shadowing key), not null
 * @param distanceMeters slant range, metres, ≥ 0
 * @param frequencyHz carrier, Hz, &gt; 0
 * @param eirpDbm transmitter EIRP: conducted power plus antenna gain, dBm
 * @param rxGainDbi receiver antenna gain, dBi
 */
public record Link(
    String txId,
    String rxId,
    double distanceMeters,
    long frequencyHz,
    double eirpDbm,
    double rxGainDbi) {

  /** Validates the ranges. */
  public Link {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(rxId, "rxId");
    if (!(distanceMeters >= 0) || !Double.isFinite(distanceMeters)) {
      throw new IllegalArgumentException("distance: expected ≥ 0 m, got " + distanceMeters);
    }
    if (frequencyHz <= 0) {
      throw new IllegalArgumentException("frequency: expected > 0 Hz, got " + frequencyHz);
    }
    if (!Double.isFinite(eirpDbm) || !Double.isFinite(rxGainDbi)) {
      throw new IllegalArgumentException(
          "EIRP and gain: expected finite values, got " + eirpDbm + " dBm, " + rxGainDbi + " dBi");
    }
  }

  /** The link between two sites, for a transmitter with this conducted power. */
  public static Link between(RadioSite tx, RadioSite rx, long frequencyHz, int txPowerDbm) {
    return new Link(
        tx.radioId(),
        rx.radioId(),
        tx.distanceMeters(rx),
        frequencyHz,
        txPowerDbm + tx.antennaGainDbi(),
        rx.antennaGainDbi());
  }
}
