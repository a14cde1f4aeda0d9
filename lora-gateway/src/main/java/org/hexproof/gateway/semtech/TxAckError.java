package org.hexproof.gateway.semtech;

import java.util.Objects;
import java.util.Set;

/**
 * The {@code error} of a {@code txpk_ack}, an open type (STYLE §3): the codes lora_pkt_fwd sends
 * (radio.md §1.2), {@code SEND_LBT} and {@code SEND_FAIL} that semtech-udp accepts, and any other
 * code kept as sent so a newer forwarder's errors reach the logs instead of failing the datagram.
 *
 * @param code the code as sent, upper case by convention; not null or empty (an empty {@code
 *     "error":""} means {@link #NONE} and is read as such)
 */
public record TxAckError(String code) {
  /** Packet scheduled or sent. */
  public static final TxAckError NONE = new TxAckError("NONE");

  /** Rejected because it was already too late to program it for its timestamp. */
  public static final TxAckError TOO_LATE = new TxAckError("TOO_LATE");

  /** Rejected because its timestamp is too far in the future. */
  public static final TxAckError TOO_EARLY = new TxAckError("TOO_EARLY");

  /** Rejected because it collides with another packet already queued. */
  public static final TxAckError COLLISION_PACKET = new TxAckError("COLLISION_PACKET");

  /** Rejected because it collides with a class B beacon. */
  public static final TxAckError COLLISION_BEACON = new TxAckError("COLLISION_BEACON");

  /** Rejected because the frequency is not allowed by the TX configuration. */
  public static final TxAckError TX_FREQ = new TxAckError("TX_FREQ");

  /** Rejected because the power is not supported (forwarders up to PROTOCOL 1.4). */
  public static final TxAckError TX_POWER = new TxAckError("TX_POWER");

  /** Rejected because GPS time is needed and not locked. */
  public static final TxAckError GPS_UNLOCKED = new TxAckError("GPS_UNLOCKED");

  /** Listen-before-talk found the channel busy (semtech-udp). */
  public static final TxAckError SEND_LBT = new TxAckError("SEND_LBT");

  /** The concentrator failed to send (semtech-udp). */
  public static final TxAckError SEND_FAIL = new TxAckError("SEND_FAIL");

  private static final Set<String> KNOWN =
      Set.of(
          "NONE",
          "TOO_LATE",
          "TOO_EARLY",
          "COLLISION_PACKET",
          "COLLISION_BEACON",
          "TX_FREQ",
          "TX_POWER",
          "GPS_UNLOCKED",
          "SEND_LBT",
          "SEND_FAIL");

  /**
   * @throws IllegalArgumentException if {@code code} is empty
   */
  public TxAckError {
    Objects.requireNonNull(code, "code");
    if (code.isEmpty()) {
      throw new IllegalArgumentException("txpk_ack.error: expected a code, got \"\"");
    }
  }

  /** Whether this is {@link #NONE}, the only code that means the packet was accepted. */
  public boolean isOk() {
    return equals(NONE);
  }

  /** Whether this is one of the constants of this class rather than a code it doesn't know. */
  public boolean isKnown() {
    return KNOWN.contains(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
