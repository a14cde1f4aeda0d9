package org.hexproof.rewards.close;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.payout.EmissionSchedule;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.ShareRow;
import org.hexproof.support.db.Sql;

/** A small deterministic network: hourly epochs, an oracle key, hotspots, share rows. */
public final class Fixture {
  /** Hourly epochs. */
  public static final Duration HOUR = Duration.ofHours(1);

  /** The first epoch with shares: 2026-03-01T00:00Z. */
  public static final Epoch FIRST = Epoch.containing(Instant.parse("2026-03-01T00:00:00Z"), HOUR);

  /** The oracle key. */
  public static final Ed25519KeyPair ORACLE = key(200);

  private Fixture() {}

  /**
   * A key from a one-byte seed pattern.
   *
   * @param n the seed byte
   * @return the key pair
   */
  public static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) n);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }

  /**
   * A hotspot's key.
   *
   * @param n its number
   * @return the key
   */
  public static PublicKey hotspot(int n) {
    return key(n).publicKey();
  }

  /**
   * An owner wallet's key.
   *
   * @param n its number
   * @return the key
   */
  public static PublicKey wallet(int n) {
    return key(100 + n).publicKey();
  }

  /**
   * Close settings for hourly epochs, an offset of 5 minutes, 1,000,000,000 base units per epoch.
   *
   * @return the settings
   */
  public static CloseSettings settings() {
    return new CloseSettings(
        HOUR,
        Duration.ofMinutes(5),
        Optional.empty(),
        new EmissionSchedule(
            TokenAmount.of(1_000_000_000L),
            8,
            Duration.ofDays(730),
            Instant.parse("2026-01-01T00:00:00Z")),
        BigDecimal.ONE,
        OracleQuorum.single(ORACLE.publicKey()),
        ORACLE);
  }

  /**
   * Stores three epochs of beacons and witnesses and a watermark past the third epoch's close.
   *
   * @param sql the database
   */
  public static void seed(Sql sql) {
    FeedStore store = new FeedStore(sql);
    List<ShareRow> rows = new ArrayList<>();
    long id = 1;
    for (int e = 0; e < 3; e++) {
      Instant start = FIRST.start().plus(HOUR.multipliedBy(e));
      for (int b = 0; b < 4; b++) {
        int beaconer = 1 + (b + e) % 5;
        Instant at = start.plusSeconds(600L * b + 7);
        rows.add(
            new ShareRow(
                id,
                ShareRow.Role.BEACON,
                hotspot(beaconer),
                wallet(beaconer % 3),
                at,
                new BigDecimal("0.5").multiply(new BigDecimal("1.2"))));
        for (int w = 1; w <= 5; w++) {
          if (w != beaconer) {
            rows.add(
                new ShareRow(
                    id,
                    ShareRow.Role.WITNESS,
                    hotspot(w),
                    wallet(w % 3),
                    at,
                    new BigDecimal("0.5")
                        .multiply(new BigDecimal("1.3333").add(BigDecimal.valueOf(w)))));
          }
        }
        id++;
      }
    }
    store.storePage(rows, id - 1);
    store.raiseWatermark(FIRST.start().plus(HOUR.multipliedBy(3)).plus(Duration.ofMinutes(10)));
  }
}
