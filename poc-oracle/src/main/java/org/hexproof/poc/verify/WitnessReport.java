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
 * @param dataRate the datarate it heard; not checked (§2)
 */
public record WitnessReport(
    String hotspotId,
    Instant receivedAt,
    Bytes data,
    int signalDdbm,
    int snrDdb,
    long frequencyHz,
    DataRate dataRate) {
  /** Validates non-null parts. */
  public WitnessReport {
    Objects.requireNonNull(hotspotId, "hotspotId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(dataRate, "dataRate");
  }
}
