package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.rewards.ledger.Fixtures.ORACLE_A;
import static org.hexproof.rewards.ledger.Fixtures.ORACLE_B;
import static org.hexproof.rewards.ledger.Fixtures.ORACLE_C;
import static org.hexproof.rewards.ledger.Fixtures.TWO_OF_THREE;
import static org.hexproof.rewards.ledger.Fixtures.leaf;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerTest {
  private static final List<RewardLeaf> DAY_ONE =
      List.of(leaf(1, 1, 100, 10, 0), leaf(2, 1, 50, 5, 1), leaf(3, 2, 0, 0, 9));
  private static final List<RewardLeaf> DAY_TWO = List.of(leaf(1, 2, 7, 0, 0), leaf(4, 3, 1, 1, 1));

  private final Ledger ledger = new Ledger(TWO_OF_THREE, new InMemoryLedgerStore());

  private LedgerEntry appendValid(List<RewardLeaf> leaves) {
    LedgerEntry entry = Fixtures.nextEntry(ledger, leaves);
    assertThat(ledger.append(entry)).isEqualTo(new AppendOutcome.Appended(entry));
    return entry;
  }

  @Test
  void appends_a_chain_of_valid_mints_and_verifies_it() {
    LedgerEntry first = appendValid(DAY_ONE);
    LedgerEntry second = appendValid(DAY_TWO);

    assertThat(first.manifest().previousHash()).isEqualTo(new byte[32]);
    assertThat(second.manifest().previousHash()).isEqualTo(first.hash());
    assertThat(ledger.entries()).containsExactly(first, second);
    assertThat(ledger.verify()).isInstanceOf(LedgerVerification.Verified.class);
  }

  @Test
  void balances_are_the_cumulative_sum_of_mints_per_wallet_and_hotspot() {
    appendValid(DAY_ONE);
    appendValid(DAY_TWO);

    Balances balances = ledger.balances();

    assertThat(balances.wallet(Fixtures.wallet(1))).isEqualTo(TokenAmount.of(110 + 56));
    assertThat(balances.wallet(Fixtures.wallet(2))).isEqualTo(TokenAmount.of(9 + 7));
    assertThat(balances.wallet(Fixtures.wallet(3))).isEqualTo(TokenAmount.of(3));
    assertThat(balances.hotspot(Fixtures.hotspot(1))).isEqualTo(TokenAmount.of(110 + 7));
    assertThat(balances.hotspot(Fixtures.hotspot(9))).isEqualTo(TokenAmount.ZERO);
    assertThat(balances.total())
        .isEqualTo(
            ledger.entries().stream()
                .map(e -> e.manifest().totalMinted())
                .reduce(TokenAmount.ZERO, TokenAmount::plus));
  }

  @Test
  void appending_the_same_mint_again_is_refused_as_already_minted_and_changes_nothing() {
    LedgerEntry first = appendValid(DAY_ONE);
    List<LedgerEntry> before = ledger.entries();

    assertThat(ledger.append(first))
        .isEqualTo(new AppendOutcome.AlreadyMinted(first.epochIndex(), 0, true));
    assertThat(ledger.entries()).isEqualTo(before);
  }

  @Test
  void a_different_second_mint_for_a_minted_epoch_is_refused_and_changes_nothing() {
    LedgerEntry first = appendValid(DAY_ONE);
    MintManifest rival =
        MintManifest.forEpoch(
            1,
            Epoch.ofDay(first.epochIndex()),
            MerkleTree.of(DAY_TWO),
            TokenAmount.ZERO,
            first.hash());
    LedgerEntry second = Fixtures.signedEntry(rival, DAY_TWO, ORACLE_A, ORACLE_C);

    assertThat(ledger.append(second))
        .isEqualTo(new AppendOutcome.AlreadyMinted(first.epochIndex(), 0, false));
    assertThat(ledger.entries()).containsExactly(first);
    assertThat(ledger.balances()).isEqualTo(Balances.of(List.of(first)));
  }

  @Test
  void a_hotspot_proof_from_the_ledger_verifies_against_the_signed_root() {
    LedgerEntry entry = appendValid(DAY_ONE);
    RewardLeaf leaf = entry.leaves().get(1);

    MerkleProof proof = ledger.proof(entry.epochIndex(), leaf.hotspot()).orElseThrow();

    assertThat(proof.verify(leaf, entry.manifest().merkleRoot())).isTrue();
    assertThat(ledger.proof(entry.epochIndex() + 1, leaf.hotspot())).isEmpty();
  }

  @Test
  void verification_accepts_a_matching_balance_table_and_names_a_wrong_one() {
    appendValid(DAY_ONE);
    appendValid(DAY_TWO);
    Balances right = ledger.balances();
    TreeMap<PublicKey, TokenAmount> wallets = new TreeMap<>(right.byWallet());
    wallets.put(Fixtures.wallet(3), TokenAmount.of(4));
    Balances wrong = new Balances(2, wallets, right.byHotspot());

    assertThat(ledger.verify(right).isValid()).isTrue();
    LedgerVerification result = ledger.verify(wrong);
    assertThat(result).isInstanceOf(LedgerVerification.Broken.class);
    LedgerVerification.Broken broken = (LedgerVerification.Broken) result;
    assertThat(broken.sequence()).isEqualTo(1);
    assertThat(broken.fault().reason()).isEqualTo(FaultReason.BALANCE_MISMATCH);
    assertThat(broken.fault().detail()).contains(Fixtures.wallet(3).toString());
  }

  @Test
  void a_balance_table_after_the_first_entry_is_checked_against_that_entry_only() {
    LedgerEntry first = appendValid(DAY_ONE);
    appendValid(DAY_TWO);

    assertThat(ledger.verify(Balances.of(List.of(first))).isValid()).isTrue();
    assertThat(ledger.verify(new Balances(3, new TreeMap<>(), new TreeMap<>())))
        .isEqualTo(
            new LedgerVerification.Broken(
                2,
                new EntryFault(
                    FaultReason.BALANCE_MISMATCH,
                    "balance table covers 3 entries, the ledger holds 2")));
  }

  @Test
  void the_store_refuses_an_entry_whose_sequence_is_taken() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    LedgerEntry first = Fixtures.nextEntry(ledger, DAY_ONE);
    store.append(first);

    assertThatThrownBy(() -> store.append(first)).isInstanceOf(LedgerConflictException.class);
  }

  /** One entry per rule, each breaking only that rule, offered after a valid first entry. */
  static Stream<Arguments> entries_breaking_one_rule() {
    return Stream.of(
        breaking(FaultReason.SEQUENCE_MISMATCH, m -> with(m, 5, m.previousHash(), m.epochIndex())),
        breaking(FaultReason.HASH_CHAIN_BROKEN, m -> with(m, 1, new byte[32], m.epochIndex())),
        breaking(FaultReason.EPOCH_OUT_OF_ORDER, m -> with(m, 1, m.previousHash(), 18_000)),
        breaking(FaultReason.SIGNATURE_INVALID, m -> m),
        breaking(FaultReason.QUORUM_NOT_MET, m -> m),
        breaking(FaultReason.MERKLE_ROOT_MISMATCH, m -> m),
        breaking(FaultReason.LEAF_COUNT_MISMATCH, m -> m),
        breaking(FaultReason.TOTAL_MISMATCH, m -> m));
  }

  private static Arguments breaking(FaultReason reason, Function<MintManifest, MintManifest> f) {
    return Arguments.of(reason, f);
  }

  private static MintManifest with(MintManifest m, long sequence, byte[] previous, long epoch) {
    Epoch e = Epoch.ofDay(epoch);
    return new MintManifest(
        sequence,
        epoch,
        e.start(),
        e.end(),
        m.merkleRoot(),
        m.leafCount(),
        m.totalMinted(),
        m.unallocated(),
        previous);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries_breaking_one_rule")
  void every_fault_reason_is_reachable_on_append(
      FaultReason reason, Function<MintManifest, MintManifest> change) {
    appendValid(DAY_ONE);
    MintManifest good = ledger.nextManifest(Epoch.ofDay(19_001), DAY_TWO, TokenAmount.ZERO);
    MintManifest manifest = change.apply(good);
    List<RewardLeaf> leaves = DAY_TWO;
    LedgerEntry entry;
    switch (reason) {
      case SIGNATURE_INVALID -> {
        byte[] bad = OracleSignature.sign(ORACLE_C, manifest).signature();
        bad[0] ^= 1;
        entry =
            new LedgerEntry(
                manifest,
                List.of(
                    OracleSignature.sign(ORACLE_A, manifest),
                    OracleSignature.sign(ORACLE_B, manifest),
                    new OracleSignature(ORACLE_C.publicKey(), bad)),
                leaves);
      }
      case QUORUM_NOT_MET -> entry = Fixtures.signedEntry(manifest, leaves, ORACLE_A);
      case MERKLE_ROOT_MISMATCH ->
          entry =
              Fixtures.signedEntry(
                  manifest, List.of(leaf(1, 2, 7, 0, 0), leaf(4, 3, 1, 1, 2)), ORACLE_A, ORACLE_B);
      case LEAF_COUNT_MISMATCH, TOTAL_MISMATCH -> {
        boolean count = reason == FaultReason.LEAF_COUNT_MISMATCH;
        MintManifest off =
            new MintManifest(
                good.sequence(),
                good.epochIndex(),
                good.epochStart(),
                good.epochEnd(),
                good.merkleRoot(),
                good.leafCount() + (count ? 1 : 0),
                good.totalMinted().plus(TokenAmount.of(count ? 0 : 1)),
                good.unallocated(),
                good.previousHash());
        entry = Fixtures.signedEntry(off, leaves, ORACLE_A, ORACLE_B);
      }
      default -> entry = Fixtures.signedEntry(manifest, leaves, ORACLE_A, ORACLE_B);
    }
    List<LedgerEntry> before = ledger.entries();

    AppendOutcome outcome = ledger.append(entry);

    assertThat(outcome).isInstanceOf(AppendOutcome.Rejected.class);
    assertThat(((AppendOutcome.Rejected) outcome).fault().reason()).isEqualTo(reason);
    assertThat(ledger.entries()).isEqualTo(before);
  }

  @Test
  void an_epoch_whose_start_is_not_index_times_length_is_out_of_order() {
    MintManifest good = ledger.nextManifest(Epoch.ofDay(19_000), DAY_ONE, TokenAmount.ZERO);
    MintManifest shifted =
        new MintManifest(
            0,
            good.epochIndex(),
            good.epochStart().plus(Duration.ofHours(1)),
            good.epochEnd().plus(Duration.ofHours(1)),
            good.merkleRoot(),
            good.leafCount(),
            good.totalMinted(),
            good.unallocated(),
            good.previousHash());

    AppendOutcome outcome =
        ledger.append(Fixtures.signedEntry(shifted, DAY_ONE, ORACLE_A, ORACLE_B));

    assertThat(((AppendOutcome.Rejected) outcome).fault().reason())
        .isEqualTo(FaultReason.EPOCH_OUT_OF_ORDER);
  }

  @Test
  void every_fault_reason_has_a_distinct_code() {
    assertThat(Stream.of(FaultReason.values()).map(FaultReason::code).distinct().count())
        .isEqualTo(FaultReason.values().length);
  }

  @Test
  void a_random_valid_chain_verifies_with_balances_equal_to_the_sum_of_mints() {
    Ledger chain = Fixtures.validLedger(new Random(7), 5);

    LedgerVerification result = chain.verify(chain.balances());

    assertThat(result).isInstanceOf(LedgerVerification.Verified.class);
    assertThat(((LedgerVerification.Verified) result).balances().total())
        .isEqualTo(
            chain.entries().stream()
                .map(e -> e.manifest().totalMinted())
                .reduce(TokenAmount.ZERO, TokenAmount::plus));
  }
}
