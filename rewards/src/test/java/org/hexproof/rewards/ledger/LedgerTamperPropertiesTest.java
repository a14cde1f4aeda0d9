package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hexproof.core.token.TokenAmount;

/** A tampered ledger entry breaks verification, and verification names that entry. */
class LedgerTamperPropertiesTest {

  enum Tamper {
    LEAF_AMOUNT,
    MERKLE_ROOT,
    PREVIOUS_HASH,
    EPOCH,
    SIGNATURE_BYTE,
    TOTAL,
    LEAF_COUNT,
    UNALLOCATED
  }

  @Property(tries = 300)
  void changing_any_stored_value_of_any_entry_breaks_verification_at_that_entry(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int length,
      @ForAll @IntRange(min = 0, max = 3) int target,
      @ForAll Tamper tamper) {
    Random random = new Random(seed);
    Ledger honest = Fixtures.validLedger(random, length);
    List<LedgerEntry> entries = new ArrayList<>(honest.entries());
    int index = target % length;
    entries.set(index, tampered(entries.get(index), tamper, random));

    Ledger stored = new Ledger(Fixtures.TWO_OF_THREE, InMemoryLedgerStore.holding(entries));
    LedgerVerification result = stored.verify();

    assertThat(honest.verify().isValid()).isTrue();
    assertThat(result).isInstanceOf(LedgerVerification.Broken.class);
    assertThat(((LedgerVerification.Broken) result).sequence()).isEqualTo(index);
  }

  private static LedgerEntry tampered(LedgerEntry entry, Tamper tamper, Random random) {
    MintManifest m = entry.manifest();
    List<RewardLeaf> leaves = new ArrayList<>(entry.leaves());
    List<OracleSignature> signatures = new ArrayList<>(entry.signatures());
    byte[] root = m.merkleRoot();
    byte[] previous = m.previousHash();
    long epoch = m.epochIndex();
    long count = m.leafCount();
    TokenAmount total = m.totalMinted();
    TokenAmount unallocated = m.unallocated();
    switch (tamper) {
      case LEAF_AMOUNT -> {
        int i = random.nextInt(leaves.size());
        RewardLeaf l = leaves.get(i);
        leaves.set(
            i,
            new RewardLeaf(
                l.hotspot(),
                l.owner(),
                l.beaconRewards(),
                l.witnessRewards().plus(TokenAmount.of(1 + random.nextInt(1000))),
                l.dataTransferRewards()));
      }
      case MERKLE_ROOT -> flipBit(root, random);
      case PREVIOUS_HASH -> flipBit(previous, random);
      case EPOCH -> epoch = random.nextBoolean() ? epoch + 1 : epoch - 1;
      case SIGNATURE_BYTE -> {
        int i = random.nextInt(signatures.size());
        byte[] signature = signatures.get(i).signature();
        flipBit(signature, random);
        signatures.set(i, new OracleSignature(signatures.get(i).oracle(), signature));
      }
      case TOTAL -> total = total.plus(TokenAmount.of(1));
      case LEAF_COUNT -> count = count + 1;
      case UNALLOCATED -> unallocated = unallocated.plus(TokenAmount.of(1));
    }
    MintManifest changed =
        new MintManifest(
            m.sequence(),
            epoch,
            m.epochStart(),
            m.epochEnd(),
            root,
            count,
            total,
            unallocated,
            previous);
    return new LedgerEntry(changed, signatures, leaves);
  }

  private static void flipBit(byte[] bytes, Random random) {
    int bit = random.nextInt(bytes.length * 8);
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
  }
}
