package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code txpk_ack} object of TX_ACK (radio.md §1.2). An absent or empty {@code error} reads as
 * {@link TxAckError#NONE}, as semtech-udp treats {@code {}} and {@code "error":""}. From PROTOCOL
 * 1.5 a power the gateway could not use is a warning, {@code "warn":"TX_POWER"} with the power
 * actually used in {@code value}, not an error.
 *
 * @param error the outcome, never null
 * @param warn warning code as sent, e.g. {@link #WARN_TX_POWER}
 * @param valueDbm {@code value}: with {@code warn:"TX_POWER"}, the power used, dBm
 * @param tmstUs counter value of the emission (Helium's forwarder fork), µs
 */
public record TxpkAck(
    TxAckError error, Optional<String> warn, OptionalInt valueDbm, OptionalLong tmstUs) {
  /** The one warning code lora_pkt_fwd sends. */
  public static final String WARN_TX_POWER = "TX_POWER";

  /**
   * @throws NullPointerException if any component is null
   */
  public TxpkAck {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(warn, "warn");
    Objects.requireNonNull(valueDbm, "valueDbm");
    Objects.requireNonNull(tmstUs, "tmstUs");
  }

  /** An acknowledgement with only {@code error}. */
  public static TxpkAck of(TxAckError error) {
    return new TxpkAck(error, Optional.empty(), OptionalInt.empty(), OptionalLong.empty());
  }

  /** Whether the packet was accepted (possibly with a warning). */
  public boolean isOk() {
    return error.isOk();
  }

  static TxpkAck fromJson(Json j) throws MalformedDatagramException {
    String code = j.optString("error").orElse("");
    return new TxpkAck(
        code.isEmpty() ? TxAckError.NONE : new TxAckError(code),
        j.optString("warn"),
        j.optInt("value", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optLong("tmst", 0, Rxpk.U32_MAX));
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("error", error.code());
    warn.ifPresent(v -> o.put("warn", v));
    valueDbm.ifPresent(v -> o.put("value", v));
    tmstUs.ifPresent(v -> o.put("tmst", v));
    return o;
  }
}
