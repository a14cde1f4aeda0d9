package org.hexproof.poc.verify;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.proto.DataRate;

/**
 * A witness report as the oracle received it.
 *
 * @param hotspotId the witness's key as text
 * @param receivedAt the oracle's receive time (ingest stamp)
 * @param data the payload it heard
 * @param signalDdbm received signal strength, tenths of a dBm
 * @param snrDdb signal-to-noise ratio, tenths of a dB; not checked (§2)
 * @param frequencyHz the frequency it heard the beacon on, Hz
 * @param dataRate the datarate it heard; not checked (§2), except that a {@code WIFI_2G4} witness
 *     carries only the {@link #WIFI_SSID_PREFIX_BYTES}-byte prefix of the beacon's data (all a
 *     32-character SSID can hold) and matches a beacon whose data starts with it
 */
public record WitnessReport(
    String hotspotId,
    Instant receivedAt,
    Bytes data,
    int signalDdbm,
    int snrDdb,
    long frequencyHz,
    DataRate dataRate) {
  /** How many leading bytes of a beacon's data a WiFi beacon SSID carries. */
  public static final int WIFI_SSID_PREFIX_BYTES = 20;

  /** Validates non-null parts. */
  public WitnessReport {
    Objects.requireNonNull(hotspotId, "hotspotId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(dataRate, "dataRate");
  }

  /**
   * Whether this witness heard {@code beaconData}: identical data, or for a {@code WIFI_2G4}
   * witness exactly the first {@link #WIFI_SSID_PREFIX_BYTES} bytes of it.
   */
  public boolean heard(Bytes beaconData) {
    if (data.equals(beaconData)) {
      return true;
    }
    if (dataRate != DataRate.WIFI_2G4 || data.length() != WIFI_SSID_PREFIX_BYTES) {
      return false;
    }
    byte[] beacon = beaconData.toArray();
    return beacon.length >= WIFI_SSID_PREFIX_BYTES
        && java.util.Arrays.equals(
            beacon, 0, WIFI_SSID_PREFIX_BYTES, data.toArray(), 0, WIFI_SSID_PREFIX_BYTES);
  }
}
