package org.hexproof.gateway.semtech;

import java.util.Objects;

/**
 * PULL_ACK (0x04), server to gateway, 4 bytes: acknowledges the PULL_DATA with the same token.
 *
 * @param version the PULL_DATA's version
 * @param token the PULL_DATA's token
 */
public record PullAck(ProtocolVersion version, Token token) implements GwmpPacket {
  /**
   * @throws NullPointerException if a component is null
   */
  public PullAck {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(token, "token");
  }

  /** A version 2 PULL_ACK. */
  public PullAck(Token token) {
    this(ProtocolVersion.V2, token);
  }

  /**
   * @throws MalformedDatagramException if {@code datagram} is not exactly a 4-byte PULL_ACK
   */
  public static PullAck decode(byte[] datagram) throws MalformedDatagramException {
    Wire.Header h = Wire.header(datagram, PacketType.PULL_ACK);
    Wire.requireLength(datagram, PacketType.PULL_ACK, Wire.HEADER_BYTES);
    return new PullAck(h.version(), h.token());
  }

  @Override
  public PacketType type() {
    return PacketType.PULL_ACK;
  }

  @Override
  public byte[] encode() {
    return Wire.write(version, token, type(), null, new byte[0]);
  }
}
