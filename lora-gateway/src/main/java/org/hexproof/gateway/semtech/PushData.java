package org.hexproof.gateway.semtech;

import java.util.Objects;
import java.util.Optional;

/**
 * PUSH_DATA (0x00), gateway to server: header, gateway EUI (bytes 4–11), then a JSON object with
 * {@code rxpk} and/or {@code stat} (at least 13 bytes, as chirpstack-gateway-bridge requires).
 *
 * <p>Equality and hash code ignore {@link #received()}: a packet built in code equals the one
 * decoded from its encoding.
 *
 * @param version byte 0
 * @param token bytes 1–2, to be echoed in the PUSH_ACK
 * @param eui the gateway
 * @param payload the JSON body
 * @param received the body as it arrived, present only for decoded packets; {@link #encode()}
 *     writes it instead of {@code payload}
 */
public record PushData(
    ProtocolVersion version,
    Token token,
    Eui64 eui,
    PushPayload payload,
    Optional<RawBody> received)
    implements GwmpPacket {
  /**
   * @throws NullPointerException if a component is null
   */
  public PushData {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(received, "received");
  }

  /** A version 2 PUSH_DATA built in code, encoded canonically. */
  public PushData(Token token, Eui64 eui, PushPayload payload) {
    this(ProtocolVersion.V2, token, eui, payload, Optional.empty());
  }

  /**
   * @throws MalformedDatagramException if {@code datagram} is not a PUSH_DATA with a valid body
   */
  public static PushData decode(byte[] datagram) throws MalformedDatagramException {
    Wire.Header h = Wire.header(datagram, PacketType.PUSH_DATA);
    Eui64 eui = Wire.eui(datagram, PacketType.PUSH_DATA);
    Json body = Wire.body(datagram, Wire.EUI_END, PacketType.PUSH_DATA, true).orElseThrow();
    return new PushData(
        h.version(),
        h.token(),
        eui,
        PushPayload.fromJson(body),
        Optional.of(RawBody.copyOf(datagram, Wire.EUI_END, datagram.length)));
  }

  /** The PUSH_ACK that answers this packet: same version, same token. */
  public PushAck ack() {
    return new PushAck(version, token);
  }

  @Override
  public PacketType type() {
    return PacketType.PUSH_DATA;
  }

  @Override
  public byte[] encode() {
    byte[] body = received.map(RawBody::unsafeBytes).orElseGet(() -> Json.write(payload.toJson()));
    return Wire.write(version, token, type(), eui, body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PushData p
        && version == p.version
        && token.equals(p.token)
        && eui.equals(p.eui)
        && payload.equals(p.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, token, eui, payload);
  }
}
