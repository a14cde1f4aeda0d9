package org.hexproof.core.beacon;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.hexproof.core.proto.DataRate;

/**
 * A proof-of-coverage beacon: 51 pseudo-random bytes and the channel and datarate they select.
 *
 * @param data the 51-byte payload (without the 0xE0 header byte)
 * @param frequencyHz carrier frequency in hertz
 * @param dataRate the datarate (a LoRa SF/BW, or {@link DataRate#WIFI_2G4})
 */
public record Beacon(byte[] data, long frequencyHz, DataRate dataRate) {
  /** Payload size of every beacon, bytes ({@code BEACON_PAYLOAD_SIZE}, radio.md §2.2). */
  public static final int PAYLOAD_BYTES = 51;

  /** LoRaWAN MHDR of a Proprietary frame, major 0: the beacon's first byte on air. */
  public static final byte PROPRIETARY_MHDR = (byte) 0xE0;

  /** Bytes on air: header plus payload. */
  public static final int FRAME_BYTES = PAYLOAD_BYTES + 1;

  /** Validates and copies. */
  public Beacon {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(dataRate, "dataRate");
    if (data.length != PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "beacon payload: expected " + PAYLOAD_BYTES + " bytes, got " + data.length);
    }
    if (frequencyHz <= 0) {
      throw new IllegalArgumentException("beacon frequency: expected > 0 Hz, got " + frequencyHz);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The frame as transmitted: {@code 0xE0 ‖ data}, 52 bytes (radio.md §2.2 step 8). */
  public byte[] frame() {
    byte[] frame = new byte[FRAME_BYTES];
    frame[0] = PROPRIETARY_MHDR;
    System.arraycopy(data, 0, frame, 1, PAYLOAD_BYTES);
    return frame;
  }

  /** Helium's {@code beacon_id}: standard padded base64 of the 51 payload bytes. */
  public String id() {
    return Base64.getEncoder().encodeToString(data);
  }

  /**
   * Whether a received LoRa PHY payload looks like a beacon: 52 bytes whose MHDR message type is
   * Proprietary (top three bits 111), radio.md §2.3.
   */
  public static boolean isBeaconFrame(byte[] phyPayload) {
    return phyPayload != null
        && phyPayload.length == FRAME_BYTES
        && (phyPayload[0] & 0xE0) == (PROPRIETARY_MHDR & 0xE0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Beacon other
        && frequencyHz == other.frequencyHz
        && dataRate == other.dataRate
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(data), frequencyHz, dataRate);
  }

  @Override
  public String toString() {
    return "Beacon["
        + HexFormat.of().formatHex(data)
        + ", "
        + frequencyHz
        + " Hz, "
        + dataRate
        + "]";
  }
}
