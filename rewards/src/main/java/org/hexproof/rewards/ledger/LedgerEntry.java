package org.hexproof.rewards.ledger;

import java.util.List;
import java.util.Objects;

/**
 * One epoch's mint as stored: the signed manifest, the oracles' signatures over its hash, and the
 * leaves its Merkle root commits to. Construction only checks shape; whether the parts agree (root,
 * count, total, signatures, chain) is for {@link Ledger#append} and {@link Ledger#verify()}.
 *
 * @param manifest the manifest; not null
 * @param signatures oracle signatures over {@code manifest.hash()}; not null; copied, order kept
 * @param leaves the epoch's leaves, in any order; not null, one per hotspot; stored in {@link
 *     RewardLeaf#CANONICAL_ORDER}
 */
public record LedgerEntry(
    MintManifest manifest, List<OracleSignature> signatures, List<RewardLeaf> leaves) {

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if two leaves name the same hotspot
   */
  public LedgerEntry {
    Objects.requireNonNull(manifest, "manifest");
    signatures = List.copyOf(signatures);
    leaves = MerkleTree.canonicalOrder(leaves);
  }

  /**
   * The entry's position in the ledger.
   *
   * @return {@code manifest().sequence()}
   */
  public long sequence() {
    return manifest.sequence();
  }

  /**
   * The rewarded epoch.
   *
   * @return {@code manifest().epochIndex()}
   */
  public long epochIndex() {
    return manifest.epochIndex();
  }

  /**
   * The entry hash, which the next entry holds as its previous hash. Signatures are left out on
   * purpose: which k of n oracles signed differs between honest copies, the manifest does not.
   *
   * @return {@code manifest().hash()}, 32 bytes
   */
  public byte[] hash() {
    return manifest.hash();
  }
}
