package org.hexproof.gateway.semtech;

import java.nio.ByteBuffer;

/** Decodes any GWMP datagram by its packet id (byte 3). Stateless and thread-safe. */
public final class GwmpCodec {
  private GwmpCodec() {}

  /**
   * Decodes one datagram.
   *
   * @param datagram the UDP payload, not null; not modified or retained
   * @return the packet of the type byte 3 names
   * @throws MalformedDatagramException for anything that is not a valid GWMP packet, never any
   *     other exception
   */
  public static GwmpPacket decode(byte[] datagram) throws MalformedDatagramException {
    PacketType type = Wire.header(datagram, null).type();
    switch (type) {
      case PUSH_DATA:
        return PushData.decode(datagram);
      case PUSH_ACK:
        return PushAck.decode(datagram);
      case PULL_DATA:
        return PullData.decode(datagram);
      case PULL_RESP:
        return PullResp.decode(datagram);
      case PULL_ACK:
        return PullAck.decode(datagram);
      case TX_ACK:
        return TxAck.decode(datagram);
      default:
        throw new AssertionError("PacketType " + type + " has no decoder");
    }
  }

  /**
   * Decodes the remaining bytes of {@code buffer}, which it consumes.
   *
   * @throws MalformedDatagramException as {@link #decode(byte[])}
   */
  public static GwmpPacket decode(ByteBuffer buffer) throws MalformedDatagramException {
    byte[] datagram = new byte[buffer.remaining()];
    buffer.get(datagram);
    return decode(datagram);
  }
}
