package org.hexproof.poc.verify;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.proto.DataRate;

/**
 * A beacon report as the oracle received it.
 *
 * @param hotspotId the beaconer's key as text
 * @param receivedAt the oracle's receive time (ingest stamp); every time rule uses it
 * @param localEntropy the hotspot's local entropy (4 bytes when well-formed)
 * @param remoteEntropy the oracle entropy the hotspot says it used
 * @param data the 51-byte payload it transmitted
 * @param frequencyHz the frequency it transmitted on, Hz
 * @param dataRate the datarate it transmitted at
 * @param txPowerDbm its reported transmit power; the RSSI rule uses it as dBm (§3)
 */
public record BeaconReport(
    String hotspotId,
    Instant receivedAt,
    Bytes localEntropy,
    Bytes remoteEntropy,
    Bytes data,
    long frequencyHz,
    DataRate dataRate,
    int txPowerDbm) {
  /** Validates non-null parts. */
  public BeaconReport {
    Objects.requireNonNull(hotspotId, "hotspotId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(localEntropy, "localEntropy");
    Objects.requireNonNull(remoteEntropy, "remoteEntropy");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(dataRate, "dataRate");
  }
}
