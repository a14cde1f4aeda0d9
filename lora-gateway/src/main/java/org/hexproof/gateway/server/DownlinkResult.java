package org.hexproof.gateway.server;

import java.util.Objects;
import java.util.OptionalInt;
import org.hexproof.gateway.regulation.TransmitDecision;
import org.hexproof.gateway.semtech.TxAckError;

/** How one downlink ended; every case is distinct so callers can act on each. */
public sealed interface DownlinkResult {

  /**
   * The forwarder accepted the packet.
   *
   * @param actualPowerDbm the power it really used, when it answered {@code warn:"TX_POWER"}
   */
  record Sent(OptionalInt actualPowerDbm) implements DownlinkResult {
    /** Validates. */
    public Sent {
      Objects.requireNonNull(actualPowerDbm, "actualPowerDbm");
    }
  }

  /**
   * The forwarder refused the packet with a TX_ACK error (TOO_LATE, COLLISION_BEACON, …).
   *
   * @param error the code as sent, known or not
   */
  record Failed(TxAckError error) implements DownlinkResult {
    /** Validates. */
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  /** No TX_ACK arrived within the timeout (radio.md §1.4: gateway-rs waits 5 s). */
  record TimedOut() implements DownlinkResult {}

  /** The gateway has sent no PULL_DATA within the offline timeout, so nothing was sent. */
  record GatewayOffline() implements DownlinkResult {}

  /**
   * Regulation forbade the transmission, so nothing was sent.
   *
   * @param refusal the duty-cycle, dwell-time, band or EIRP reason
   */
  record Refused(TransmitDecision.Refused refusal) implements DownlinkResult {
    /** Validates. */
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
