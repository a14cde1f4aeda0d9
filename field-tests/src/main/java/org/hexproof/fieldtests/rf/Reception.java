package org.hexproof.fieldtests.rf;

import org.hexproof.bridge.emulator.Signal;

/**
 * What a receiver gets from one transmission, before collisions.
 *
 * @param powerDbm received signal power, dBm (never above free space, see {@link LinkBudget})
 * @param noiseFloorDbm thermal noise in the receiver's bandwidth plus its noise figure, dBm
 * @param requiredSnrDb the demodulation floor of the modulation, dB
 */
public record Reception(double powerDbm, double noiseFloorDbm, double requiredSnrDb) {

  /** Signal-to-noise ratio, dB; negative below the noise floor, as LoRa reports it. */
  public double snrDb() {
    return powerDbm - noiseFloorDbm;
  }

  /** Whether the frame is demodulated: SNR at or above the floor. */
  public boolean demodulated() {
    return snrDb() >= requiredSnrDb;
  }

  /** The sensitivity this reception was judged against: noise floor plus the SNR floor, dBm. */
  public double sensitivityDbm() {
    return noiseFloorDbm + requiredSnrDb;
  }

  /**
   * The signal as a radio reports it: RSSI of the packet rounded down to a whole dBm (rounding down
   * keeps the report at or below free space, which the oracle checks with no margin, poc-rules.md
   * §3), SNR rounded to 0.1 dB ({@code lsnr} precision). Both are clamped to what {@link Signal}
   * accepts (-200..0 dBm, -40..40 dB): a real front end saturates long before that.
   */
  public Signal signal() {
    int rssi = (int) Math.max(-200, Math.min(0, Math.floor(powerDbm)));
    double snr = Math.max(-40.0, Math.min(40.0, Math.round(snrDb() * 10.0) / 10.0));
    return new Signal(rssi, snr);
  }
}
