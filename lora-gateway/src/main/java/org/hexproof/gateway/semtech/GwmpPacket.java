package org.hexproof.gateway.semtech;

/**
 * One GWMP datagram, decoded. Each permitted record is one packet type of radio.md §1.1 with a
 * static {@code decode(byte[])} and an {@link #encode()}.
 */
public sealed interface GwmpPacket permits PushData, PushAck, PullData, PullResp, PullAck, TxAck {
  /** Byte 0. */
  ProtocolVersion version();

  /** Bytes 1–2. */
  Token token();

  /** Byte 3. */
  PacketType type();

  /**
   * The datagram: the received bytes again for a decoded packet, the canonical form for a built one
   * (see the package documentation).
   *
   * @throws IllegalArgumentException if the datagram would exceed 65535 bytes
   */
  byte[] encode();
}
