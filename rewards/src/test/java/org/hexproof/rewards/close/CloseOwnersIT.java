package org.hexproof.rewards.close;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.Balances;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.store.EpochShares;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.HotspotEpochShares;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.hexproof.rewards.store.ShareRow;
import org.junit.jupiter.api.Test;

/**
 * Which owner an epoch pays when a hotspot changed hands during it, and the balances derived from
 * the leaves (wallets upserted at close, hotspots a view).
 */
class CloseOwnersIT {
  private static final BigDecimal ONE = BigDecimal.ONE;

  @Test
  void a_hotspot_that_changed_hands_pays_the_owner_of_its_latest_row() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Instant start = Fixture.FIRST.start();
      PublicKey moved = Fixture.hotspot(1);
      PublicKey tied = Fixture.hotspot(2);
      PublicKey kept = Fixture.hotspot(3);
      FeedStore feed = new FeedStore(db.sql());
      feed.storePage(
          List.of(
              // hotspot 1: wallet 0, then wallet 1 later in the epoch, stored out of time order
              row(4, ShareRow.Role.WITNESS, moved, Fixture.wallet(1), start.plusSeconds(900)),
              row(1, ShareRow.Role.BEACON, moved, Fixture.wallet(0), start.plusSeconds(60)),
              // hotspot 2: two owners at the same instant; the later feed entry wins
              row(3, ShareRow.Role.BEACON, tied, Fixture.wallet(2), start.plusSeconds(300)),
              row(2, ShareRow.Role.WITNESS, tied, Fixture.wallet(0), start.plusSeconds(300)),
              row(3, ShareRow.Role.WITNESS, kept, Fixture.wallet(2), start.plusSeconds(300)),
              // the next epoch: hotspot 1 back to wallet 0, not part of the first epoch
              row(5, ShareRow.Role.BEACON, moved, Fixture.wallet(0), Fixture.FIRST.end())),
          5);
      feed.raiseWatermark(Fixture.FIRST.end().plus(Fixture.HOUR));

      CloseOutcome outcome =
          new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeNext();

      assertThat(outcome).isInstanceOf(CloseOutcome.Minted.class);
      LedgerEntry entry = ((CloseOutcome.Minted) outcome).entry();
      assertThat(ownerOf(entry, moved)).isEqualTo(Fixture.wallet(1));
      assertThat(ownerOf(entry, tied)).isEqualTo(Fixture.wallet(2));
      assertThat(ownerOf(entry, kept)).isEqualTo(Fixture.wallet(2));
      EpochStore epochs = new EpochStore(db.sql());
      HotspotEpochShares shares = epochs.hotspotShares(Fixture.FIRST.index(), moved).orElseThrow();
      assertThat(shares.owner()).isEqualTo(Fixture.wallet(1));
      assertThat(shares.beacons()).isEqualTo(1);
      assertThat(shares.witnesses()).isEqualTo(1);
      assertThat(shares.beaconShares()).isEqualByComparingTo("1");
      assertThat(shares.witnessShares()).isEqualByComparingTo("1");
      // derived from poc_shares (V4): only for a closed epoch, only the hotspot's own rows
      assertThat(epochs.hotspotShares(Fixture.FIRST.index() + 1, moved)).isEmpty();
      assertThat(epochs.hotspotShares(Fixture.FIRST.index(), Fixture.hotspot(4))).isEmpty();
      EpochShares summed = db.sql().inTransaction(h -> EpochShares.read(h, Fixture.FIRST));
      assertThat(summed.size()).isEqualTo(3);
      for (int i = 0; i < summed.size(); i++) {
        assertThat(epochs.hotspotShares(Fixture.FIRST.index(), summed.row(i).hotspot()))
            .contains(summed.row(i));
      }
      // the stored entry reads back with the same leaves
      assertThat(new PostgresLedgerStore(db.sql()).readAll()).containsExactly(entry);
    }
  }

  @Test
  void claimed_wallet_and_hotspot_balances_equal_the_sum_of_the_mints() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeReady();

      Ledger ledger =
          new Ledger(
              OracleQuorum.single(Fixture.ORACLE.publicKey()), new PostgresLedgerStore(db.sql()));
      Balances claimed = new EpochStore(db.sql()).claimedBalances();
      Balances summed = ledger.balances();

      assertThat(claimed.entryCount()).isEqualTo(3);
      assertThat(claimed.byWallet()).isEqualTo(summed.byWallet()).isNotEmpty();
      assertThat(claimed.byHotspot()).isEqualTo(summed.byHotspot()).hasSize(5);
      long lastEpoch =
          db.sql()
              .queryOne(
                  "SELECT max(last_epoch) FROM rewards.hotspot_balances", r -> r.get(0, Long.class))
              .orElseThrow();
      assertThat(lastEpoch).isEqualTo(Fixture.FIRST.index() + 2);
      assertThat(summed.total()).isNotEqualTo(TokenAmount.ZERO);
    }
  }

  private static ShareRow row(
      long id, ShareRow.Role role, PublicKey hotspot, PublicKey owner, Instant at) {
    return new ShareRow(id, role, hotspot, owner, at, ONE);
  }

  private static PublicKey ownerOf(LedgerEntry entry, PublicKey hotspot) {
    return entry.leaves().stream()
        .filter(l -> l.hotspot().equals(hotspot))
        .map(RewardLeaf::owner)
        .findFirst()
        .orElseThrow();
  }
}
