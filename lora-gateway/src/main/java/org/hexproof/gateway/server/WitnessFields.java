package org.hexproof.gateway.server;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.hexproof.gateway.semtech.Eui64;

/**
 * What a witness report needs from a received beacon (radio.md §2.3): the 51-byte payload without
 * its 0xE0 header, signal and SNR in tenths, frequency, counter and datarate.
 *
 * @param gateway the forwarder that heard it
 * @param data the 51 beacon bytes
 * @param signalDdbm RSSI in tenths of a dBm, from {@code rssis} when the forwarder sends it
 * @param snrDdb SNR in tenths of a dB
 * @param frequencyHz {@code trunc(freq MHz × 10⁶)}
 * @param tmstUs the forwarder's microsecond counter, if sent
 * @param dataRate the datarate it was received at
 */
public record WitnessFields(
    Eui64 gateway,
    byte[] data,
    int signalDdbm,
    int snrDdb,
    long frequencyHz,
    OptionalLong tmstUs,
    DataRate dataRate) {

  /** Validates and copies. */
  public WitnessFields {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(tmstUs, "tmstUs");
    Objects.requireNonNull(dataRate, "dataRate");
    if (data.length != Beacon.PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "beacon payload: expected " + Beacon.PAYLOAD_BYTES + " bytes, got " + data.length);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessFields w
        && gateway.equals(w.gateway)
        && Arrays.equals(data, w.data)
        && signalDdbm == w.signalDdbm
        && snrDdb == w.snrDdb
        && frequencyHz == w.frequencyHz
        && tmstUs.equals(w.tmstUs)
        && dataRate == w.dataRate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        gateway, Arrays.hashCode(data), signalDdbm, snrDdb, frequencyHz, tmstUs, dataRate);
  }

  @Override
  public String toString() {
    return "WitnessFields["
        + gateway
        + ", "
        + HexFormat.of().formatHex(data)
        + ", "
        + signalDdbm
        + " ddBm, "
        + snrDdb
        + " ddB, "
        + frequencyHz
        + " Hz, "
        + dataRate
        + "]";
  }
}
