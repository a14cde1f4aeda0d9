package org.hexproof.gateway.semtech;

import java.util.Objects;
import java.util.Optional;

/**
 * TX_ACK (0x05), gateway to server: header with the token of the PULL_RESP it answers, gateway EUI,
 * then optionally {@code {"txpk_ack":{...}}}. No body, an empty object {@code {}} or a body without
 * {@code txpk_ack} all mean "no error" and decode to an empty {@link #ack()}.
 *
 * <p>Equality and hash code ignore {@link #received()}.
 *
 * @param version byte 0
 * @param token the PULL_RESP's token
 * @param eui the gateway
 * @param ack the acknowledgement object, if sent
 * @param received the body as it arrived (possibly empty), present only for decoded packets; {@link
 *     #encode()} writes it instead of {@code ack}
 */
public record TxAck(
    ProtocolVersion version,
    Token token,
    Eui64 eui,
    Optional<TxpkAck> ack,
    Optional<RawBody> received)
    implements GwmpPacket {
  /**
   * @throws NullPointerException if a component is null
   */
  public TxAck {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(ack, "ack");
    Objects.requireNonNull(received, "received");
  }

  /** A version 2 TX_ACK built in code; an empty {@code ack} encodes as no body. */
  public TxAck(Token token, Eui64 eui, Optional<TxpkAck> ack) {
    this(ProtocolVersion.V2, token, eui, ack, Optional.empty());
  }

  /**
   * @throws MalformedDatagramException if {@code datagram} is not a TX_ACK, or its body is not
   *     empty and not a JSON object with a valid {@code txpk_ack}
   */
  public static TxAck decode(byte[] datagram) throws MalformedDatagramException {
    Wire.Header h = Wire.header(datagram, PacketType.TX_ACK);
    Eui64 eui = Wire.eui(datagram, PacketType.TX_ACK);
    Optional<Json> body = Wire.body(datagram, Wire.EUI_END, PacketType.TX_ACK, false);
    Optional<Json> ackJson = body.isPresent() ? body.get().optObject("txpk_ack") : Optional.empty();
    Optional<TxpkAck> ack =
        ackJson.isPresent() ? Optional.of(TxpkAck.fromJson(ackJson.get())) : Optional.empty();
    return new TxAck(
        h.version(),
        h.token(),
        eui,
        ack,
        Optional.of(RawBody.copyOf(datagram, Wire.EUI_END, datagram.length)));
  }

  /** Whether the gateway accepted the packet: no ack object, or one with no error. */
  public boolean isOk() {
    return ack.map(TxpkAck::isOk).orElse(true);
  }

  @Override
  public PacketType type() {
    return PacketType.TX_ACK;
  }

  @Override
  public byte[] encode() {
    byte[] body =
        received
            .map(RawBody::unsafeBytes)
            .orElseGet(
                () -> {
                  if (ack.isEmpty()) {
                    return new byte[0];
                  }
                  var envelope = Json.object();
                  envelope.set("txpk_ack", ack.get().toJson());
                  return Json.write(envelope);
                });
    return Wire.write(version, token, type(), eui, body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxAck t
        && version == t.version
        && token.equals(t.token)
        && eui.equals(t.eui)
        && ack.equals(t.ack);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, token, eui, ack);
  }
}
