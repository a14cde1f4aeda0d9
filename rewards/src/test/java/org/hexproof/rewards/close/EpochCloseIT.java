package org.hexproof.rewards.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.LedgerVerification;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.store.EpochMarker;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.LedgerAudit;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Epoch close on PostgreSQL: exactly once across crashes, restarts and racing closers. */
class EpochCloseIT {
  private static List<byte[]> reference;

  /** The ledger of a crash-free run, as bytes. */
  @BeforeAll
  static void crashFreeRun() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      CloseOutcome last =
          new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeReady();
      assertThat(last).isInstanceOf(CloseOutcome.NotReady.class);
      reference = bytes(db);
    }
  }

  private static List<byte[]> bytes(RewardsDatabase db) {
    List<byte[]> out = new ArrayList<>();
    for (LedgerEntry e : new PostgresLedgerStore(db.sql()).readAll()) {
      out.add(e.manifest().canonicalBytes());
      for (OracleSignature s : e.signatures()) {
        out.add(s.signature());
      }
      for (RewardLeaf leaf : e.leaves()) {
        out.add(leaf.canonicalBytes());
      }
    }
    return out;
  }

  private static void assertSameLedgerAsCrashFree(RewardsDatabase db) {
    List<LedgerEntry> entries = new PostgresLedgerStore(db.sql()).readAll();
    assertThat(entries)
        .extracting(LedgerEntry::epochIndex)
        .containsExactly(
            Fixture.FIRST.index(), Fixture.FIRST.index() + 1, Fixture.FIRST.index() + 2);
    assertThat(bytes(db)).containsExactlyElementsOf(reference);
    Ledger ledger = new Ledger(Fixture.settings().quorum(), new PostgresLedgerStore(db.sql()));
    LedgerVerification verification = ledger.verify(new EpochStore(db.sql()).claimedBalances());
    assertThat(verification.isValid()).as("%s", verification).isTrue();
    assertThat(new EpochMarker(db.sql()).marker().orElseThrow().nextEpoch())
        .isEqualTo(Fixture.FIRST.index() + 3);
  }

  /** Throws the first time the closer reaches {@code step} on the second epoch. */
  private static CloseHook crashAt(CloseStep step) {
    AtomicInteger seen = new AtomicInteger();
    return reached -> {
      if (reached == step && seen.incrementAndGet() == 2) {
        throw new SimulatedCrash(step);
      }
    };
  }

  private static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(CloseStep step) {
      super("simulated crash at " + step);
    }
  }

  @ParameterizedTest
  @EnumSource(CloseStep.class)
  void a_crash_at_any_step_then_a_restart_gives_the_crash_free_ledger(CloseStep step) {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      EpochCloser crashing = new EpochCloser(db.sql(), Fixture.settings(), crashAt(step));

      assertThatThrownBy(crashing::closeReady).isInstanceOf(SimulatedCrash.class);
      long afterCrash = new PostgresLedgerStore(db.sql()).size();
      assertThat(afterCrash).isEqualTo(step == CloseStep.AFTER_COMMIT ? 2 : 1);

      EpochCloser restarted = new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE);
      assertThat(restarted.closeReady()).isInstanceOf(CloseOutcome.NotReady.class);

      assertSameLedgerAsCrashFree(db);
      assertThat(LedgerAudit.run(db.sql(), Fixture.settings().quorum()).sound()).isTrue();
    }
  }

  @Test
  void a_rerun_of_a_closed_epoch_with_the_same_data_is_already_minted() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeReady();
      db.sql().update("UPDATE rewards.epoch_marker SET next_epoch = $1", Fixture.FIRST.index() + 2);

      CloseOutcome outcome =
          new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeNext();

      assertThat(outcome).isEqualTo(new CloseOutcome.AlreadyMinted(Fixture.FIRST.index() + 2, 2));
      assertSameLedgerAsCrashFree(db);
    }
  }

  @Test
  void a_different_manifest_for_a_minted_epoch_is_an_alarm_and_halts_the_closer() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeReady();
      db.sql().update("UPDATE rewards.epoch_marker SET next_epoch = $1", Fixture.FIRST.index() + 2);
      db.sql()
          .update(
              "UPDATE rewards.poc_shares SET shares = shares * 2 WHERE entry_id = 9"
                  + " AND role = 'beacon'");
      EpochCloser closer = new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE);

      CloseOutcome outcome = closer.closeNext();

      assertThat(outcome).isInstanceOf(CloseOutcome.Conflict.class);
      assertThat(((CloseOutcome.Conflict) outcome).epoch()).isEqualTo(Fixture.FIRST.index() + 2);
      assertThat(closer.conflictCount()).isEqualTo(1);
      assertThat(closer.closeNext()).isSameAs(outcome);
      assertThat(new PostgresLedgerStore(db.sql()).size()).isEqualTo(3);
    }
  }

  @Test
  void two_closers_racing_on_one_database_mint_each_epoch_once() throws Exception {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<List<CloseOutcome>>> racers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        EpochCloser closer = new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE);
        racers.add(
            () -> {
              go.await();
              List<CloseOutcome> outcomes = new ArrayList<>();
              CloseOutcome o;
              do {
                o = closer.closeNext();
                outcomes.add(o);
              } while (!(o instanceof CloseOutcome.NotReady));
              return outcomes;
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<List<CloseOutcome>>> futures = new ArrayList<>();
        for (Callable<List<CloseOutcome>> racer : racers) {
          futures.add(pool.submit(racer));
        }
        go.countDown();
        List<CloseOutcome> all = new ArrayList<>();
        for (Future<List<CloseOutcome>> f : futures) {
          all.addAll(f.get());
        }
        assertThat(all).filteredOn(o -> o instanceof CloseOutcome.Minted).hasSize(3);
        assertThat(all).noneMatch(o -> o instanceof CloseOutcome.Conflict);
      } finally {
        pool.shutdownNow();
      }
      assertSameLedgerAsCrashFree(db);
    }
  }

  @Test
  void an_epoch_waits_for_the_watermark_past_its_end_plus_the_offset() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      EpochCloser closer = new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE);
      assertThat(closer.closeNext()).isInstanceOf(CloseOutcome.NotReady.class);

      Fixture.seed(db.sql());
      closer.closeReady();

      CloseOutcome next = closer.closeNext();
      assertThat(next).isInstanceOf(CloseOutcome.NotReady.class);
      CloseOutcome.NotReady waiting = (CloseOutcome.NotReady) next;
      assertThat(waiting.epoch()).isEqualTo(Fixture.FIRST.index() + 3);
      assertThat(waiting.needed())
          .isEqualTo(Fixture.FIRST.start().plus(Fixture.HOUR.multipliedBy(4)).plusSeconds(300));
    }
  }

  @Test
  void leaves_pay_the_latest_owner_and_balances_are_cumulative() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      new EpochCloser(db.sql(), Fixture.settings(), CloseHook.NONE).closeReady();

      List<LedgerEntry> entries = new PostgresLedgerStore(db.sql()).readAll();
      long minted = entries.stream().mapToLong(e -> e.manifest().totalMinted().baseUnits()).sum();
      long wallets = 0;
      for (int w = 0; w < 3; w++) {
        wallets +=
            new EpochStore(db.sql())
                .wallet(Fixture.wallet(w))
                .map(b -> b.balance().baseUnits())
                .orElse(0L);
      }
      assertThat(wallets).isEqualTo(minted);
      for (LedgerEntry e : entries) {
        // pool = 80 % of the emission = minted + unallocated
        assertThat(e.manifest().totalMinted().plus(e.manifest().unallocated()).baseUnits())
            .isEqualTo(800_000_000L);
        assertThat(MerkleTree.of(e.leaves()).root()).isEqualTo(e.manifest().merkleRoot());
      }
    }
  }
}
