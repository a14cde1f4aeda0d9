package org.hexproof.rewards.close;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.payout.EmissionSchedule;

/**
 * How epochs close.
 *
 * @param epochLength epoch length, whole milliseconds, &gt; 0 (a day by default)
 * @param closeOffset how far past the epoch's end the feed watermark must be, ≥ 0
 * @param firstEpoch the first epoch to close; empty: the epoch of the earliest stored share
 * @param schedule the emission schedule; not null
 * @param priceUsd price of one whole token, values data credits; &gt; 0
 * @param quorum the oracles whose signatures a mint needs; not null
 * @param signer this instance's oracle key, a member of the quorum; not null; with a threshold k
 *     &gt; 1 it is one of k instances that must each sign the identical manifest
 */
public record CloseSettings(
    Duration epochLength,
    Duration closeOffset,
    Optional<Long> firstEpoch,
    EmissionSchedule schedule,
    BigDecimal priceUsd,
    OracleQuorum quorum,
    Ed25519KeyPair signer) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a duration is out of range, the price is not positive, the
   *     signer is not in the quorum
   */
  public CloseSettings {
    Objects.requireNonNull(epochLength, "epochLength");
    Objects.requireNonNull(closeOffset, "closeOffset");
    Objects.requireNonNull(firstEpoch, "firstEpoch");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(priceUsd, "priceUsd");
    Objects.requireNonNull(quorum, "quorum");
    Objects.requireNonNull(signer, "signer");
    if (epochLength.toMillis() <= 0
        || !epochLength.equals(Duration.ofMillis(epochLength.toMillis()))) {
      throw new IllegalArgumentException(
          "epochLength: expected a positive whole number of milliseconds, got " + epochLength);
    }
    if (closeOffset.isNegative()) {
      throw new IllegalArgumentException("closeOffset: expected ≥ 0, got " + closeOffset);
    }
    if (priceUsd.signum() <= 0) {
      throw new IllegalArgumentException("priceUsd: expected > 0, got " + priceUsd);
    }
    if (!quorum.oracles().contains(signer.publicKey())) {
      throw new IllegalArgumentException(
          "signer "
              + signer.publicKey()
              + " is not one of the quorum's oracles "
              + quorum.oracles());
    }
  }
}
