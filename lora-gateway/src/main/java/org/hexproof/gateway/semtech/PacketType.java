package org.hexproof.gateway.semtech;

import java.util.Optional;

/** GWMP packet identifiers, datagram byte 3 (Semtech PROTOCOL.TXT §3–§6; radio.md §1.1). */
public enum PacketType {
  /** Gateway to server: received packets and/or status, JSON from offset 12. */
  PUSH_DATA(0x00),
  /** Server to gateway: acknowledges a PUSH_DATA, 4 bytes. */
  PUSH_ACK(0x01),
  /** Gateway to server: keep-alive that opens the downlink path, 12 bytes. */
  PULL_DATA(0x02),
  /** Server to gateway: a packet to transmit, JSON from offset 4. */
  PULL_RESP(0x03),
  /** Server to gateway: acknowledges a PULL_DATA, 4 bytes. */
  PULL_ACK(0x04),
  /** Gateway to server: outcome of a PULL_RESP, optional JSON from offset 12. */
  TX_ACK(0x05);

  private final int id;

  PacketType(int id) {
    this.id = id;
  }

  /** The wire id, 0 to 5. */
  public int id() {
    return id;
  }

  /** The type with wire id {@code id}, or empty for any other value. */
  public static Optional<PacketType> fromId(int id) {
    for (PacketType t : values()) {
      if (t.id == id) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
