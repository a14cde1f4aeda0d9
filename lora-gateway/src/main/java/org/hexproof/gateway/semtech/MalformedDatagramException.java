package org.hexproof.gateway.semtech;

import java.util.Objects;

/**
 * A datagram that is not a valid GWMP packet (STYLE §4, category 1). The message says what was
 * expected and what arrived, e.g. {@code "PUSH_DATA: expected ≥13 bytes, got 7"}; {@link #reason()}
 * is a closed set the UDP server counts by. The forwarder and the reference servers drop such
 * datagrams with a log line and no reply (radio.md §1.4), and so should callers.
 *
 * <p>Checked on purpose: every caller of {@link GwmpCodec#decode} is a network boundary that must
 * count and drop, never let it escape as a crash of the receive loop.
 */
public final class MalformedDatagramException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a datagram was rejected. Codes are stable metric labels; never reuse or renumber them. */
  public enum Reason {
    /** Fewer bytes than the packet type's fixed part. */
    TOO_SHORT("too_short"),
    /** More than 65535 bytes, or a fixed-size packet with extra bytes. */
    TOO_LONG("too_long"),
    /** Byte 0 is neither 1 nor 2. */
    BAD_VERSION("bad_version"),
    /** Byte 3 is not a known packet id. */
    UNKNOWN_TYPE("unknown_type"),
    /** Byte 3 is a known id but not the one the caller decodes ({@code PushData.decode}, …). */
    UNEXPECTED_TYPE("unexpected_type"),
    /** A packet that must carry JSON carries none. */
    MISSING_JSON("missing_json"),
    /** The body is not well-formed JSON (syntax, encoding, trailing bytes, duplicate keys). */
    BAD_JSON("bad_json"),
    /** The body is JSON but not an object. */
    NOT_AN_OBJECT("not_an_object"),
    /** A JSON field is missing, of the wrong type, or out of range. */
    BAD_FIELD("bad_field"),
    /** A {@code data} field is not base64, even by the lenient rules of {@link PhyPayload}. */
    BAD_BASE64("bad_base64");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Stable lower-case code for metrics and logs. */
    public String code() {
      return code;
    }
  }

  private final Reason reason;

  /**
   * @param reason why, not null
   * @param message what was expected and what arrived, not null
   */
  public MalformedDatagramException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param reason why, not null
   * @param message what was expected and what arrived, not null
   * @param cause the parser's own exception, kept for debug logs
   */
  public MalformedDatagramException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the datagram was rejected; never null. */
  public Reason reason() {
    return reason;
  }
}
