package org.hexproof.gateway.semtech;

import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.BAD_JSON;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.BAD_VERSION;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.MISSING_JSON;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.NOT_AN_OBJECT;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.TOO_LONG;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.TOO_SHORT;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.UNEXPECTED_TYPE;
import static org.hexproof.gateway.semtech.MalformedDatagramException.Reason.UNKNOWN_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/** The datagram framing shared by every packet record: header, EUI, JSON body. */
final class Wire {
  /** Largest UDP payload; semtech-udp's receive buffer (radio.md §1.4). */
  static final int MAX_DATAGRAM = 65535;

  /** Version, token and id. */
  static final int HEADER_BYTES = 4;

  /** Header plus gateway EUI: where PUSH_DATA's and TX_ACK's JSON starts. */
  static final int EUI_END = HEADER_BYTES + Eui64.BYTES;

  private Wire() {}

  /** Bytes 0–3 of a datagram. */
  record Header(ProtocolVersion version, Token token, PacketType type) {}

  /** Checks the header; {@code expected} null accepts any known type. */
  static Header header(byte[] d, PacketType expected) throws MalformedDatagramException {
    String name = expected == null ? "GWMP" : expected.name();
    if (d.length > MAX_DATAGRAM) {
      throw new MalformedDatagramException(
          TOO_LONG, name + ": expected ≤" + MAX_DATAGRAM + " bytes, got " + d.length);
    }
    if (d.length < HEADER_BYTES) {
      throw new MalformedDatagramException(
          TOO_SHORT, name + ": expected ≥" + HEADER_BYTES + " bytes, got " + d.length);
    }
    ProtocolVersion version =
        ProtocolVersion.fromWire(d[0] & 0xFF)
            .orElseThrow(
                () ->
                    new MalformedDatagramException(
                        BAD_VERSION,
                        name + ": expected protocol version 1 or 2, got " + (d[0] & 0xFF)));
    PacketType type =
        PacketType.fromId(d[3] & 0xFF)
            .orElseThrow(
                () ->
                    new MalformedDatagramException(
                        UNKNOWN_TYPE,
                        name
                            + ": expected packet id 0x00..0x05, got "
                            + String.format("0x%02X", d[3])));
    if (expected != null && type != expected) {
      throw new MalformedDatagramException(
          UNEXPECTED_TYPE,
          name + ": expected id " + String.format("0x%02X", expected.id()) + ", got " + type);
    }
    return new Header(version, Token.of(d[1], d[2]), type);
  }

  static void requireLength(byte[] d, PacketType type, int length)
      throws MalformedDatagramException {
    if (d.length != length) {
      throw new MalformedDatagramException(
          d.length < length ? TOO_SHORT : TOO_LONG,
          type.name() + ": expected exactly " + length + " bytes, got " + d.length);
    }
  }

  /** The EUI at bytes 4–11; the datagram must be at least 12 bytes. */
  static Eui64 eui(byte[] d, PacketType type) throws MalformedDatagramException {
    if (d.length < EUI_END) {
      throw new MalformedDatagramException(
          TOO_SHORT, type.name() + ": expected ≥" + EUI_END + " bytes, got " + d.length);
    }
    return Eui64.fromBigEndian(Arrays.copyOfRange(d, HEADER_BYTES, EUI_END));
  }

  /**
   * The JSON object from {@code offset} to the end, ignoring one trailing NUL (semtech-udp
   * tolerates it, radio.md §1.4). Empty when there is no body and {@code required} is false.
   */
  static Optional<Json> body(byte[] d, int offset, PacketType type, boolean required)
      throws MalformedDatagramException {
    int end = d.length > offset && d[d.length - 1] == 0 ? d.length - 1 : d.length;
    if (end <= offset) {
      if (required) {
        throw new MalformedDatagramException(
            MISSING_JSON,
            type.name() + ": expected a JSON object from byte " + offset + ", got none");
      }
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(d, offset, end - offset);
    } catch (IOException | NumberFormatException | ArithmeticException e) {
      // Jackson reports a number it cannot represent (e.g. exponent 1E285579871592) unchecked
      String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new MalformedDatagramException(
          BAD_JSON, type.name() + ": expected a JSON object, got malformed JSON: " + detail, e);
    }
    if (root == null || !root.isObject()) {
      String got =
          root == null || root.isMissingNode() ? "only whitespace" : root.getNodeType().toString();
      throw new MalformedDatagramException(
          NOT_AN_OBJECT, type.name() + ": expected a JSON object, got " + got);
    }
    return Optional.of(new Json((ObjectNode) root, type.name()));
  }

  /** Header, optional EUI, body. */
  static byte[] write(
      ProtocolVersion version, Token token, PacketType type, Eui64 eui, byte[] body) {
    int euiBytes = eui == null ? 0 : Eui64.BYTES;
    byte[] out = new byte[HEADER_BYTES + euiBytes + body.length];
    if (out.length > MAX_DATAGRAM) {
      throw new IllegalArgumentException(
          type.name() + ": expected ≤" + MAX_DATAGRAM + " bytes encoded, got " + out.length);
    }
    out[0] = (byte) version.wire();
    out[1] = token.first();
    out[2] = token.second();
    out[3] = (byte) type.id();
    if (eui != null) {
      System.arraycopy(eui.toBigEndian(), 0, out, HEADER_BYTES, Eui64.BYTES);
    }
    System.arraycopy(body, 0, out, HEADER_BYTES + euiBytes, body.length);
    return out;
  }
}
