package org.hexproof.rewards.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.LedgerVerification;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.store.EpochMarker;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.LedgerAudit;
import org.hexproof.rewards.store.PartialSignatureStore;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.junit.jupiter.api.Test;

/** k-of-n minting on PostgreSQL: three configured oracles, k = 2, one instance per oracle key. */
class KOfNMintingIT {
  private static final Ed25519KeyPair A = Fixture.key(201);
  private static final Ed25519KeyPair B = Fixture.key(202);
  private static final Ed25519KeyPair C = Fixture.key(203);
  private static final Ed25519KeyPair OUTSIDER = Fixture.key(204);
  private static final OracleQuorum QUORUM =
      new OracleQuorum(Set.of(A.publicKey(), B.publicKey(), C.publicKey()), 2);

  private static CloseSettings settings(Ed25519KeyPair signer) {
    CloseSettings base = Fixture.settings();
    return new CloseSettings(
        base.epochLength(),
        base.closeOffset(),
        base.firstEpoch(),
        base.schedule(),
        base.priceUsd(),
        QUORUM,
        signer);
  }

  private static EpochCloser closer(RewardsDatabase db, Ed25519KeyPair signer) {
    return new EpochCloser(db.sql(), settings(signer), CloseHook.NONE);
  }

  private static long entries(RewardsDatabase db) {
    return new PostgresLedgerStore(db.sql()).size();
  }

  private static List<PartialSignatureStore.Partial> partials(RewardsDatabase db, long epoch) {
    return db.sql().inTransaction(h -> PartialSignatureStore.forEpoch(h, epoch));
  }

  private static void assertValidTwoOfThreeLedger(RewardsDatabase db, int epochs) {
    List<LedgerEntry> all = new PostgresLedgerStore(db.sql()).readAll();
    assertThat(all).hasSize(epochs);
    for (int i = 0; i < epochs; i++) {
      assertThat(all.get(i).epochIndex()).isEqualTo(Fixture.FIRST.index() + i);
      assertThat(all.get(i).signatures()).hasSize(2);
      assertThat(QUORUM.validSigners(all.get(i).manifest(), all.get(i).signatures())).hasSize(2);
    }
    Ledger ledger = new Ledger(QUORUM, new PostgresLedgerStore(db.sql()));
    LedgerVerification verification = ledger.verify(new EpochStore(db.sql()).claimedBalances());
    assertThat(verification.isValid()).as("%s", verification).isTrue();
    assertThat(LedgerAudit.run(db.sql(), QUORUM).sound()).isTrue();
    // k = 1 over the same set would accept as well; k = 3 must not: the entries carry exactly 2
    Ledger threeOfThree =
        new Ledger(new OracleQuorum(QUORUM.oracles(), 3), new PostgresLedgerStore(db.sql()));
    assertThat(threeOfThree.verify().isValid()).isFalse();
  }

  @Test
  void one_instance_alone_never_mints() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      EpochCloser alone = closer(db, A);

      for (int i = 0; i < 3; i++) {
        CloseOutcome outcome = alone.closeReady();
        assertThat(outcome).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
        CloseOutcome.AwaitingSignatures waiting = (CloseOutcome.AwaitingSignatures) outcome;
        assertThat(waiting.epoch()).isEqualTo(Fixture.FIRST.index());
        assertThat(waiting.signers()).isEqualTo(1);
        assertThat(waiting.threshold()).isEqualTo(2);
      }

      assertThat(entries(db)).isZero();
      assertThat(alone.mintedCount()).isZero();
      assertThat(partials(db, Fixture.FIRST.index())).hasSize(1);
      assertThat(new EpochMarker(db.sql()).marker().orElseThrow().nextEpoch())
          .isEqualTo(Fixture.FIRST.index());
    }
  }

  @Test
  void two_instances_mint_each_epoch_once_with_two_signatures() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      EpochCloser a = closer(db, A);
      EpochCloser b = closer(db, B);

      assertThat(a.closeNext()).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      CloseOutcome second = b.closeNext();
      assertThat(second).isInstanceOf(CloseOutcome.Minted.class);
      LedgerEntry first = ((CloseOutcome.Minted) second).entry();
      assertThat(first.signatures())
          .extracting(OracleSignature::oracle)
          .containsExactlyInAnyOrder(A.publicKey(), B.publicKey());
      assertThat(entries(db)).isEqualTo(1);

      // the remaining two epochs: a signs epoch 1 first, b completes it and signs epoch 2, a
      // completes that
      assertThat(a.closeReady()).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      assertThat(b.closeReady()).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      assertThat(a.closeReady()).isInstanceOf(CloseOutcome.NotReady.class);
      assertThat(b.closeReady()).isInstanceOf(CloseOutcome.NotReady.class);
      assertThat(b.mintedCount()).isEqualTo(2);
      assertThat(a.mintedCount()).isEqualTo(1);
      assertThat(a.mintedCount() + b.mintedCount()).isEqualTo(3);
      assertValidTwoOfThreeLedger(db, 3);
    }
  }

  @Test
  void two_instances_racing_mint_exactly_one_entry_per_epoch() throws Exception {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<List<CloseOutcome>>> racers = new ArrayList<>();
      for (Ed25519KeyPair key : List.of(A, C)) {
        EpochCloser closer = closer(db, key);
        racers.add(
            () -> {
              go.await();
              List<CloseOutcome> outcomes = new ArrayList<>();
              CloseOutcome o;
              do {
                o = closer.closeNext();
                outcomes.add(o);
                if (o instanceof CloseOutcome.AwaitingSignatures) {
                  Thread.sleep(5);
                }
              } while (!(o instanceof CloseOutcome.NotReady) && outcomes.size() < 10_000);
              return outcomes;
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<CloseOutcome> all = new ArrayList<>();
      try {
        List<Future<List<CloseOutcome>>> futures = new ArrayList<>();
        for (Callable<List<CloseOutcome>> racer : racers) {
          futures.add(pool.submit(racer));
        }
        go.countDown();
        for (Future<List<CloseOutcome>> f : futures) {
          all.addAll(f.get());
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(all).filteredOn(o -> o instanceof CloseOutcome.Minted).hasSize(3);
      assertThat(all).noneMatch(o -> o instanceof CloseOutcome.Conflict);
      assertValidTwoOfThreeLedger(db, 3);
    }
  }

  @Test
  void a_key_outside_the_set_cannot_contribute() {
    assertThatThrownBy(() -> settings(OUTSIDER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not one of the quorum's oracles");
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      EpochCloser a = closer(db, A);
      assertThat(a.closeNext()).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      MintManifest signed =
          MintManifest.fromCanonicalBytes(partials(db, Fixture.FIRST.index()).get(0).manifest());

      // the outsider signs the identical manifest, validly, straight into the table
      db.sql()
          .runInTransaction(
              h -> PartialSignatureStore.store(h, signed, OracleSignature.sign(OUTSIDER, signed)));

      CloseOutcome outcome = a.closeNext();
      assertThat(outcome).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      assertThat(((CloseOutcome.AwaitingSignatures) outcome).signers()).isEqualTo(1);
      assertThat(entries(db)).isZero();
      assertThat(a.divergentSignatureCount()).isZero();
    }
  }

  @Test
  void a_signature_over_a_different_manifest_is_an_alarm_and_never_mixed_in() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      Fixture.seed(db.sql());
      EpochCloser a = closer(db, A);
      assertThat(a.closeNext()).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      MintManifest ours =
          MintManifest.fromCanonicalBytes(partials(db, Fixture.FIRST.index()).get(0).manifest());
      MintManifest other =
          new MintManifest(
              ours.sequence(),
              ours.epochIndex(),
              ours.epochStart(),
              ours.epochEnd(),
              ours.merkleRoot(),
              ours.leafCount(),
              ours.totalMinted(),
              ours.unallocated().plus(TokenAmount.of(1)),
              ours.previousHash());
      db.sql()
          .runInTransaction(
              h -> PartialSignatureStore.store(h, other, OracleSignature.sign(C, other)));

      CloseOutcome outcome = a.closeNext();
      assertThat(outcome).isInstanceOf(CloseOutcome.AwaitingSignatures.class);
      assertThat(((CloseOutcome.AwaitingSignatures) outcome).signers()).isEqualTo(1);
      assertThat(a.divergentSignatureCount()).isEqualTo(1);
      assertThat(entries(db)).isZero();
      a.closeNext();
      assertThat(a.divergentSignatureCount()).as("counted once per oracle and hash").isEqualTo(1);

      EpochCloser b = closer(db, B);
      CloseOutcome minted = b.closeNext();
      assertThat(minted).isInstanceOf(CloseOutcome.Minted.class);
      assertThat(b.divergentSignatureCount()).isEqualTo(1);
      assertThat(((CloseOutcome.Minted) minted).entry().signatures())
          .extracting(OracleSignature::oracle)
          .containsExactlyInAnyOrder(A.publicKey(), B.publicKey());
    }
  }
}
