package org.hexproof.bridge.radio;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A LoRa frame a module received.
 *
 * @param payload the PHY payload (CRC stripped); copied in and out
 * @param rssiDbm received signal strength, dBm
 * @param snrDb signal-to-noise ratio, dB (modules report whole dB; -128..127)
 * @param frequencyHz the frequency the module was listening on
 * @param receivedAt when the bridge read the module's report, from its injected clock
 */
public record ReceivedFrame(
    byte[] payload, int rssiDbm, double snrDb, long frequencyHz, Instant receivedAt) {

  /** Copies the payload and validates. */
  public ReceivedFrame {
    payload = Objects.requireNonNull(payload, "payload").clone();
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (payload.length > 255) {
      throw new IllegalArgumentException(
          "payload: expected at most 255 bytes, got " + payload.length);
    }
  }

  /** A copy of the payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReceivedFrame f
        && Arrays.equals(payload, f.payload)
        && rssiDbm == f.rssiDbm
        && Double.compare(snrDb, f.snrDb) == 0
        && frequencyHz == f.frequencyHz
        && receivedAt.equals(f.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(payload), rssiDbm, snrDb, frequencyHz, receivedAt);
  }

  @Override
  public String toString() {
    return "ReceivedFrame[payload="
        + HexFormat.of().formatHex(payload)
        + ", rssiDbm="
        + rssiDbm
        + ", snrDb="
        + snrDb
        + ", frequencyHz="
        + frequencyHz
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
