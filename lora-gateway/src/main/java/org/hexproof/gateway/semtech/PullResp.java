package org.hexproof.gateway.semtech;

import java.util.Objects;
import java.util.Optional;

/**
 * PULL_RESP (0x03), server to gateway: header, then {@code {"txpk":{...}}} from byte 4 (no EUI).
 * The token is chosen by the server and comes back in the TX_ACK. The {@code {"txpk":…}} envelope
 * has no other field, so this record holds the {@link Txpk} directly.
 *
 * <p>Equality and hash code ignore {@link #received()}.
 *
 * @param version byte 0 (in version 1 bytes 1–2 are unused)
 * @param token bytes 1–2
 * @param txpk the packet to transmit
 * @param received the body as it arrived, present only for decoded packets; {@link #encode()}
 *     writes it instead of {@code txpk}
 */
public record PullResp(ProtocolVersion version, Token token, Txpk txpk, Optional<RawBody> received)
    implements GwmpPacket {
  /**
   * @throws NullPointerException if a component is null
   */
  public PullResp {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(txpk, "txpk");
    Objects.requireNonNull(received, "received");
  }

  /** A version 2 PULL_RESP built in code, encoded canonically. */
  public PullResp(Token token, Txpk txpk) {
    this(ProtocolVersion.V2, token, txpk, Optional.empty());
  }

  /**
   * @throws MalformedDatagramException if {@code datagram} is not a PULL_RESP with a valid txpk
   */
  public static PullResp decode(byte[] datagram) throws MalformedDatagramException {
    Wire.Header h = Wire.header(datagram, PacketType.PULL_RESP);
    Json body = Wire.body(datagram, Wire.HEADER_BYTES, PacketType.PULL_RESP, true).orElseThrow();
    Json txpk = body.optObject("txpk").orElseThrow(() -> body.badField("txpk", "an object"));
    return new PullResp(
        h.version(),
        h.token(),
        Txpk.fromJson(txpk),
        Optional.of(RawBody.copyOf(datagram, Wire.HEADER_BYTES, datagram.length)));
  }

  @Override
  public PacketType type() {
    return PacketType.PULL_RESP;
  }

  @Override
  public byte[] encode() {
    byte[] body =
        received
            .map(RawBody::unsafeBytes)
            .orElseGet(
                () -> {
                  var envelope = Json.object();
                  envelope.set("txpk", txpk.toJson());
                  return Json.write(envelope);
                });
    return Wire.write(version, token, type(), null, body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PullResp p
        && version == p.version
        && token.equals(p.token)
        && txpk.equals(p.txpk);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, token, txpk);
  }
}
