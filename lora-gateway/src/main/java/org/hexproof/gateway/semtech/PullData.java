package org.hexproof.gateway.semtech;

import java.util.Objects;

/**
 * PULL_DATA (0x02), gateway to server, exactly 12 bytes: the keep-alive that opens the NAT path for
 * downlinks and tells the server where to send PULL_RESP.
 *
 * @param version byte 0
 * @param token bytes 1–2, to be echoed in the PULL_ACK
 * @param eui the gateway, bytes 4–11
 */
public record PullData(ProtocolVersion version, Token token, Eui64 eui) implements GwmpPacket {
  /**
   * @throws NullPointerException if a component is null
   */
  public PullData {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(eui, "eui");
  }

  /** A version 2 PULL_DATA. */
  public PullData(Token token, Eui64 eui) {
    this(ProtocolVersion.V2, token, eui);
  }

  /**
   * @throws MalformedDatagramException if {@code datagram} is not exactly a 12-byte PULL_DATA
   */
  public static PullData decode(byte[] datagram) throws MalformedDatagramException {
    Wire.Header h = Wire.header(datagram, PacketType.PULL_DATA);
    Wire.requireLength(datagram, PacketType.PULL_DATA, Wire.EUI_END);
    return new PullData(h.version(), h.token(), Wire.eui(datagram, PacketType.PULL_DATA));
  }

  /** The PULL_ACK that answers this packet: same version, same token. */
  public PullAck ack() {
    return new PullAck(version, token);
  }

  @Override
  public PacketType type() {
    return PacketType.PULL_DATA;
  }

  @Override
  public byte[] encode() {
    return Wire.write(version, token, type(), eui, new byte[0]);
  }
}
