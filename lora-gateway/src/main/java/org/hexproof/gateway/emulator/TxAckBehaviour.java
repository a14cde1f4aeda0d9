package org.hexproof.gateway.emulator;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.hexproof.gateway.semtech.TxAckError;
import org.hexproof.gateway.semtech.TxpkAck;

/** How an emulated forwarder answers a PULL_RESP. */
public sealed interface TxAckBehaviour {
  /** TX_ACK with an empty body: sent as asked. */
  static TxAckBehaviour accept() {
    return new Reply(Optional.empty());
  }

  /** TX_ACK with {@code error}: refused. */
  static TxAckBehaviour fail(TxAckError error) {
    return new Reply(Optional.of(TxpkAck.of(error)));
  }

  /** TX_ACK with {@code warn:"TX_POWER"}: sent, at another power (packet forwarder ≥ 1.5). */
  static TxAckBehaviour reducePower(int actualDbm) {
    return new Reply(
        Optional.of(
            new TxpkAck(
                TxAckError.NONE,
                Optional.of(TxpkAck.WARN_TX_POWER),
                OptionalInt.of(actualDbm),
                OptionalLong.empty())));
  }

  /** No TX_ACK at all. */
  static TxAckBehaviour silent() {
    return new Silent();
  }

  /** Answers with this TX_ACK body (empty: no body). */
  record Reply(Optional<TxpkAck> body) implements TxAckBehaviour {
    /** Validates. */
    public Reply {
      Objects.requireNonNull(body, "body");
    }
  }

  /** Never answers. */
  record Silent() implements TxAckBehaviour {}
}
