package org.hexproof.rewards.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;

/**
 * One hotspot's reward for one epoch: a leaf of the epoch's {@link MerkleTree}. The amounts are
 * what this epoch pays, by reward kind; {@link #total()} is their sum.
 *
 * <p>{@link #canonicalBytes()} is the fixed {@value #CANONICAL_LENGTH}-byte layout of {@link
 * org.hexproof.rewards.ledger}: {@code "hexproof-leaf-v1"} ‖ hotspot (33) ‖ owner (33) ‖ beacon
 * (u64 BE) ‖ witness (u64 BE) ‖ data transfer (u64 BE).
 *
 * @param hotspot the rewarded hotspot's key; not null; unique within an epoch
 * @param owner the wallet the hotspot's rewards go to in this epoch; not null
 * @param beaconRewards rewards for beacons sent; not null
 * @param witnessRewards rewards for witnesses heard; not null
 * @param dataTransferRewards rewards for data carried; not null
 */
public record RewardLeaf(
    PublicKey hotspot,
    PublicKey owner,
    TokenAmount beaconRewards,
    TokenAmount witnessRewards,
    TokenAmount dataTransferRewards) {

  /** Domain-separation prefix of the canonical bytes, 16 ASCII bytes. */
  public static final String DOMAIN = "hexproof-leaf-v1";

  /** Length of {@link #canonicalBytes()}: 16 + 33 + 33 + 3 × 8. */
  public static final int CANONICAL_LENGTH = 16 + 2 * PublicKey.LENGTH + 3 * Long.BYTES;

  /** Canonical leaf order: by the unsigned bytes of the hotspot's 33-byte tagged key. */
  public static final Comparator<RewardLeaf> CANONICAL_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.hotspot.toBytes(), b.hotspot.toBytes());

  private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);

  /**
   * Validates the parts.
   *
   * @throws NullPointerException if any part is null
   * @throws ArithmeticException if the total exceeds {@link Long#MAX_VALUE} base units
   */
  public RewardLeaf {
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(beaconRewards, "beaconRewards");
    Objects.requireNonNull(witnessRewards, "witnessRewards");
    Objects.requireNonNull(dataTransferRewards, "dataTransferRewards");
    beaconRewards.plus(witnessRewards).plus(dataTransferRewards);
  }

  /**
   * The sum of the three amounts.
   *
   * @return beacon + witness + data transfer rewards
   */
  public TokenAmount total() {
    return beaconRewards.plus(witnessRewards).plus(dataTransferRewards);
  }

  /**
   * The canonical binary form that the Merkle leaf hash covers.
   *
   * @return a fresh {@value #CANONICAL_LENGTH}-byte array
   */
  public byte[] canonicalBytes() {
    return ByteBuffer.allocate(CANONICAL_LENGTH)
        .put(DOMAIN_BYTES)
        .put(hotspot.toBytes())
        .put(owner.toBytes())
        .putLong(beaconRewards.baseUnits())
        .putLong(witnessRewards.baseUnits())
        .putLong(dataTransferRewards.baseUnits())
        .array();
  }

  /**
   * Parses the canonical binary form.
   *
   * @param bytes exactly {@value #CANONICAL_LENGTH} bytes; not null
   * @return the leaf
   * @throws MalformedLedgerBytesException if the length, prefix, a key or an amount (top bit set)
   *     is not valid
   */
  public static RewardLeaf fromCanonicalBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != CANONICAL_LENGTH) {
      throw new MalformedLedgerBytesException(
          "reward leaf: expected " + CANONICAL_LENGTH + " bytes, got " + bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Canonical.expectPrefix(in, DOMAIN_BYTES, "reward leaf");
    try {
      PublicKey hotspot = PublicKey.fromBytes(Canonical.take(in, PublicKey.LENGTH));
      PublicKey owner = PublicKey.fromBytes(Canonical.take(in, PublicKey.LENGTH));
      TokenAmount beacon = Canonical.amount(in, "reward leaf beacon");
      TokenAmount witness = Canonical.amount(in, "reward leaf witness");
      TokenAmount data = Canonical.amount(in, "reward leaf data transfer");
      return new RewardLeaf(hotspot, owner, beacon, witness, data);
    } catch (MalformedKeyException e) {
      throw new MalformedLedgerBytesException("reward leaf: " + e.getMessage());
    } catch (ArithmeticException e) {
      throw new MalformedLedgerBytesException("reward leaf: total exceeds " + Long.MAX_VALUE);
    }
  }
}
