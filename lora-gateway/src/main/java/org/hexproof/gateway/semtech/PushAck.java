package org.hexproof.gateway.semtech;

import java.util.Objects;

/**
 * PUSH_ACK (0x01), server to gateway, 4 bytes: acknowledges the PUSH_DATA with the same token.
 *
 * @param version the PUSH_DATA's version
 * @param token the PUSH_DATA's token
 */
public record PushAck(ProtocolVersion version, Token token) implements GwmpPacket {
  /**
   * @throws NullPointerException if a component is null
   */
  public PushAck {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(token, "token");
  }

  /** A version 2 PUSH_ACK. */
  public PushAck(Token token) {
    this(ProtocolVersion.V2, token);
  }

  /**
   * @throws MalformedDatagramException if {@code datagram} is not exactly a 4-byte PUSH_ACK
   */
  public static PushAck decode(byte[] datagram) throws MalformedDatagramException {
    Wire.Header h = Wire.header(datagram, PacketType.PUSH_ACK);
    Wire.requireLength(datagram, PacketType.PUSH_ACK, Wire.HEADER_BYTES);
    return new PushAck(h.version(), h.token());
  }

  @Override
  public PacketType type() {
    return PacketType.PUSH_ACK;
  }

  @Override
  public byte[] encode() {
    return Wire.write(version, token, type(), null, new byte[0]);
  }
}
