package org.hexproof.rewards.ledger;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hexproof.core.token.TokenAmount;

/**
 * The checks an entry must pass against its predecessor, in {@link FaultReason} order; the first
 * fault wins. {@link Ledger} runs them on append and again, from genesis, on verify.
 */
final class EntryRules {
  private EntryRules() {}

  static Optional<EntryFault> check(
      Optional<MintManifest> previous, LedgerEntry entry, OracleQuorum quorum) {
    MintManifest manifest = entry.manifest();
    long expectedSequence = previous.map(p -> p.sequence() + 1).orElse(0L);
    if (manifest.sequence() != expectedSequence) {
      return fault(
          FaultReason.SEQUENCE_MISMATCH,
          "expected sequence " + expectedSequence + ", got " + manifest.sequence());
    }
    byte[] expectedPrevious = previous.map(MintManifest::hash).orElse(new byte[Sha256.LENGTH]);
    if (!Arrays.equals(manifest.previousHash(), expectedPrevious)) {
      return fault(
          FaultReason.HASH_CHAIN_BROKEN,
          "expected previous hash "
              + Canonical.hex(expectedPrevious)
              + ", got "
              + Canonical.hex(manifest.previousHash()));
    }
    Optional<EntryFault> epochFault = checkEpoch(previous, manifest);
    if (epochFault.isPresent()) {
      return epochFault;
    }
    List<OracleSignature> signatures = entry.signatures();
    for (int i = 0; i < signatures.size(); i++) {
      if (!signatures.get(i).isValidFor(manifest)) {
        return fault(
            FaultReason.SIGNATURE_INVALID,
            "signature "
                + i
                + " by "
                + signatures.get(i).oracle()
                + " does not verify over manifest hash "
                + Canonical.hex(manifest.hash()));
      }
    }
    int signers = quorum.validSigners(manifest, signatures).size();
    if (signers < quorum.threshold()) {
      return fault(
          FaultReason.QUORUM_NOT_MET,
          "expected " + quorum.threshold() + " distinct oracle signers, got " + signers);
    }
    byte[] root = MerkleTree.of(entry.leaves()).root();
    if (!Arrays.equals(root, manifest.merkleRoot())) {
      return fault(
          FaultReason.MERKLE_ROOT_MISMATCH,
          "leaves have root "
              + Canonical.hex(root)
              + ", manifest says "
              + Canonical.hex(manifest.merkleRoot()));
    }
    if (manifest.leafCount() != entry.leaves().size()) {
      return fault(
          FaultReason.LEAF_COUNT_MISMATCH,
          entry.leaves().size() + " leaves stored, manifest says " + manifest.leafCount());
    }
    Optional<TokenAmount> sum = sumOfLeaves(entry);
    if (sum.isEmpty() || !sum.get().equals(manifest.totalMinted())) {
      return fault(
          FaultReason.TOTAL_MISMATCH,
          "leaves sum to "
              + sum.map(s -> Long.toString(s.baseUnits())).orElse("more than 2^63 - 1")
              + " base units, manifest says "
              + manifest.totalMinted().baseUnits());
    }
    return Optional.empty();
  }

  private static Optional<EntryFault> checkEpoch(
      Optional<MintManifest> previous, MintManifest manifest) {
    if (!startIsIndexTimesLength(manifest)) {
      return fault(
          FaultReason.EPOCH_OUT_OF_ORDER,
          "epoch "
              + manifest.epochIndex()
              + " of length "
              + Duration.between(manifest.epochStart(), manifest.epochEnd())
              + " does not start at "
              + manifest.epochStart());
    }
    if (previous.isPresent()
        && (manifest.epochIndex() <= previous.get().epochIndex()
            || manifest.epochStart().isBefore(previous.get().epochEnd()))) {
      return fault(
          FaultReason.EPOCH_OUT_OF_ORDER,
          "expected an epoch after "
              + previous.get().epochIndex()
              + " starting at or after "
              + previous.get().epochEnd()
              + ", got epoch "
              + manifest.epochIndex()
              + " starting "
              + manifest.epochStart());
    }
    return Optional.empty();
  }

  private static boolean startIsIndexTimesLength(MintManifest manifest) {
    Duration length = Duration.between(manifest.epochStart(), manifest.epochEnd());
    try {
      return Instant.EPOCH
          .plus(length.multipliedBy(manifest.epochIndex()))
          .equals(manifest.epochStart());
    } catch (ArithmeticException | DateTimeException e) {
      return false; // index × length is beyond Instant's range, so it cannot be the start
    }
  }

  private static Optional<TokenAmount> sumOfLeaves(LedgerEntry entry) {
    long sum = 0;
    for (RewardLeaf leaf : entry.leaves()) {
      long total = leaf.total().baseUnits();
      if (Long.MAX_VALUE - sum < total) {
        return Optional.empty();
      }
      sum += total;
    }
    return Optional.of(TokenAmount.of(sum));
  }

  private static Optional<EntryFault> fault(FaultReason reason, String detail) {
    return Optional.of(new EntryFault(reason, detail));
  }
}
