package org.hexproof.gateway.semtech;

import java.util.Optional;

/**
 * GWMP protocol version, datagram byte 0. Every Semtech forwarder since PROTOCOL.TXT 1.3 sends 2,
 * up to sx1302_hal's 1.6 (radio.md §1.1). Version 1 is accepted as well, as
 * chirpstack-gateway-bridge does, for forwarders older than TX_ACK: its datagrams have the same
 * layout, and in a version 1 PULL_RESP bytes 1–2 are unused (this codec still carries whatever they
 * hold as the {@link Token}). Packets keep the version they arrived with so that a reply can use
 * the peer's version and a decoded datagram re-encodes to the same bytes.
 */
public enum ProtocolVersion {
  /** Pre-1.3 forwarders: no TX_ACK, PULL_RESP token unused. */
  V1(1),
  /** Current forwarders (packet_forwarder 4.x, sx1302_hal, Helium's fork). */
  V2(2);

  private final int wire;

  ProtocolVersion(int wire) {
    this.wire = wire;
  }

  /** Datagram byte 0. */
  public int wire() {
    return wire;
  }

  /** The version with wire value {@code b}, or empty for anything but 1 and 2. */
  public static Optional<ProtocolVersion> fromWire(int b) {
    for (ProtocolVersion v : values()) {
      if (v.wire == b) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
