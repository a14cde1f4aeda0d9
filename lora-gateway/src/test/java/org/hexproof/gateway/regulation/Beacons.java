package org.hexproof.gateway.regulation;

import java.time.Duration;
import java.time.Instant;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;

/** Shared known answers for Helium beacons (52 bytes on air, LoRaWAN uplink framing). */
final class Beacons {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * SF12BW125, 52 bytes: Tsym = 4096/125 kHz = 32.768 ms; ceil((416 − 48 + 28 + 16) / (4·(12 − 2)))
   * = ceil(10.3) = 11 blocks · 5 + 8 = 63 payload symbols, plus 8 + 4.25 preamble = 75.25 symbols =
   * 2465.792 ms.
   */
  static final Duration SF12_BEACON = Duration.ofNanos(2_465_792_000L);

  /**
   * SF9BW125, 52 bytes: Tsym = 4.096 ms; ceil(424 / 36) = 12 blocks · 5 + 8 = 68, plus 12.25 =
   * 80.25 symbols = 328.704 ms.
   */
  static final Duration SF9_BEACON = Duration.ofNanos(328_704_000L);

  /**
   * SF10BW125, 52 bytes: Tsym = 8.192 ms; ceil(420 / 40) = 11 blocks · 5 + 8 = 63, plus 12.25 =
   * 75.25 symbols = 616.448 ms, over the 400 ms dwell time.
   */
  static final Duration SF10_52_BYTES = Duration.ofNanos(616_448_000L);

  private Beacons() {}

  /** A 52-byte beacon at this datarate, 14 dBm conducted into a 1.2 dBi antenna (15.2 dBm). */
  static TransmitRequest beacon(String dataRate, long frequencyHz, Instant start) {
    return TransmitRequest.lora(
        frequencyHz, LoraModulation.lorawanUplink(LoraDataRate.parse(dataRate)), 52, start, 14, 12);
  }

  static TransmitRequest sf12(long frequencyHz, Instant start) {
    return beacon("SF12BW125", frequencyHz, start);
  }
}
