package org.hexproof.bridge.emulator;

/**
 * How strongly a receiver hears a transmission.
 *
 * @param rssiDbm received signal strength, dBm (-200..0)
 * @param snrDb signal-to-noise ratio, dB (-40..40)
 */
public record Signal(int rssiDbm, double snrDb) {
  /** Validates the ranges. */
  public Signal {
    if (rssiDbm < -200 || rssiDbm > 0) {
      throw new IllegalArgumentException("rssi: expected -200..0 dBm, got " + rssiDbm);
    }
    if (snrDb < -40 || snrDb > 40) {
      throw new IllegalArgumentException("snr: expected -40..40 dB, got " + snrDb);
    }
  }
}
