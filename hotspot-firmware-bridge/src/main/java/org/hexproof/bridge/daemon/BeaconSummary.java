package org.hexproof.bridge.daemon;

import java.time.Instant;
import java.util.Objects;

/**
 * The last beacon a hotspot sent, for {@code status}.
 *
 * @param window the epoch-aligned window index it was sent in
 * @param sentAt when it went out
 * @param id Helium's beacon id: standard base64 of the 51 payload bytes
 * @param frequencyHz where it went out
 * @param dataRate the datarate name, e.g. {@code SF9BW125} or {@code WIFI_2G4}
 * @param txPowerDbm conducted power, dBm
 */
public record BeaconSummary(
    long window, Instant sentAt, String id, long frequencyHz, String dataRate, int txPowerDbm) {
  /** Validates. */
  public BeaconSummary {
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataRate, "dataRate");
  }
}
