package org.hexproof.rewards.ledger;

/**
 * Why a ledger entry is refused on append or breaks verification. Codes are stable and never
 * reused. The order of the constants is the order in which {@link Ledger} checks them.
 */
public enum FaultReason {
  /** The entry's sequence number is not its position (previous + 1, genesis 0). */
  SEQUENCE_MISMATCH(1, "sequence number is not the entry's position"),
  /** The previous hash is not the previous entry's hash (32 zero bytes for genesis). */
  HASH_CHAIN_BROKEN(2, "previous hash does not match the previous entry"),
  /**
   * The epoch repeats or goes back, overlaps the previous epoch, or its start is not index × length
   * from the Unix epoch.
   */
  EPOCH_OUT_OF_ORDER(3, "epoch repeated, out of order or inconsistent with its bounds"),
  /** A stored signature does not verify over the manifest hash. */
  SIGNATURE_INVALID(4, "a signature does not verify over the manifest hash"),
  /** Fewer than k distinct oracles of the quorum validly signed. */
  QUORUM_NOT_MET(5, "fewer than the threshold of distinct oracles signed"),
  /** The manifest's Merkle root is not the root of the stored leaves. */
  MERKLE_ROOT_MISMATCH(6, "Merkle root does not match the leaves"),
  /** The manifest's leaf count is not the number of stored leaves. */
  LEAF_COUNT_MISMATCH(7, "leaf count does not match the leaves"),
  /** The manifest's total minted is not the sum of the leaves' totals. */
  TOTAL_MISMATCH(8, "total minted does not match the sum of the leaves"),
  /** A supplied balance table differs from the sum of the mints it claims to cover. */
  BALANCE_MISMATCH(9, "balance table differs from the sum of mints");

  private final int code;
  private final String message;

  FaultReason(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /**
   * The stable code, for storage and metrics.
   *
   * @return a positive code, never reused
   */
  public int code() {
    return code;
  }

  /**
   * A short human-readable description.
   *
   * @return the message
   */
  public String message() {
    return message;
  }
}
