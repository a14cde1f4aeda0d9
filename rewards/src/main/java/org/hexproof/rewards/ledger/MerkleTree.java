package org.hexproof.rewards.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;

/**
 * The RFC 6962 §2.1 Merkle Tree Hash over one epoch's {@link RewardLeaf}s in canonical order (by
 * hotspot key bytes, unsigned). Leaf hash = SHA-256(0x00 ‖ leaf canonical bytes), node hash =
 * SHA-256(0x01 ‖ left ‖ right), and the empty tree's root is SHA-256 of the empty string.
 *
 * <p>For n &gt; 1 leaves RFC 6962 splits at k, the largest power of two below n, so a tree is never
 * padded and no leaf is duplicated. Built bottom up, that is the same as pairing each level's nodes
 * left to right and carrying an unpaired last node up unchanged; this class builds it that way, in
 * O(n) hashes, and answers proofs in O(log n).
 *
 * <p>Immutable; {@link #of} copies its input. Trees of many leaves hash on every core.
 */
public final class MerkleTree {
  private final List<RewardLeaf> leaves;
  private final List<byte[][]> levels;

  MerkleTree(CanonicalLeaves leaves) {
    this.leaves = leaves;
    this.levels = new ArrayList<>();
    boolean parallel = leaves.size() >= CanonicalLeaves.PARALLEL_THRESHOLD;
    byte[][] level = new byte[leaves.size()][];
    byte[][] bottom = level;
    range(0, level.length, parallel).forEach(i -> bottom[i] = leafHash(leaves.get(i)));
    levels.add(level);
    while (level.length > 1) {
      byte[][] below = level;
      byte[][] up = new byte[(level.length + 1) / 2][];
      range(0, level.length / 2, parallel && up.length >= CanonicalLeaves.PARALLEL_THRESHOLD)
          .forEach(i -> up[i] = Sha256.nodeHash(below[2 * i], below[2 * i + 1]));
      if (level.length % 2 == 1) {
        up[up.length - 1] = level[level.length - 1];
      }
      levels.add(up);
      level = up;
    }
  }

  /** Hashing is the tree's cost; with many leaves it is spread over the common pool. */
  private static IntStream range(int from, int to, boolean parallel) {
    IntStream range = IntStream.range(from, to);
    return parallel ? range.parallel() : range;
  }

  /**
   * Builds the tree of an epoch's leaves, in any input order.
   *
   * @param leaves the leaves; not null, no null element, at most one per hotspot
   * @return the tree over the leaves sorted into {@link RewardLeaf#CANONICAL_ORDER}
   * @throws IllegalArgumentException if two leaves name the same hotspot
   */
  public static MerkleTree of(Collection<RewardLeaf> leaves) {
    return CanonicalLeaves.of(leaves).tree();
  }

  /**
   * Sorts leaves into {@link RewardLeaf#CANONICAL_ORDER} and checks that hotspots are unique.
   *
   * @param leaves the leaves; not null, no null element
   * @return an unmodifiable sorted copy
   * @throws IllegalArgumentException if two leaves name the same hotspot
   */
  static List<RewardLeaf> canonicalOrder(Collection<RewardLeaf> leaves) {
    return CanonicalLeaves.of(leaves);
  }

  /**
   * The RFC 6962 leaf hash of a leaf.
   *
   * @param leaf a leaf; not null
   * @return SHA-256(0x00 ‖ leaf canonical bytes), 32 bytes
   */
  public static byte[] leafHash(RewardLeaf leaf) {
    return Sha256.leafHash(leaf.canonicalBytes());
  }

  /**
   * The root of the empty tree (RFC 6962 §2.1: MTH({}) = SHA-256()).
   *
   * @return e3b0c442…b855, 32 bytes
   */
  public static byte[] emptyRoot() {
    return Sha256.digest();
  }

  /**
   * The Merkle Tree Hash.
   *
   * @return a fresh 32-byte copy of the root
   */
  public byte[] root() {
    byte[][] top = levels.get(levels.size() - 1);
    return top.length == 0 ? emptyRoot() : top[0].clone();
  }

  /**
   * The leaves in canonical order; the i-th is leaf index i of {@link MerkleProof}.
   *
   * @return an unmodifiable list
   */
  public List<RewardLeaf> leaves() {
    return leaves;
  }

  /**
   * The number of leaves.
   *
   * @return n ≥ 0
   */
  public int size() {
    return leaves.size();
  }

  /**
   * The sum of all leaves' totals: what the epoch mints.
   *
   * @return the sum
   * @throws ArithmeticException if it exceeds {@link Long#MAX_VALUE} base units
   */
  public TokenAmount total() {
    TokenAmount sum = TokenAmount.ZERO;
    for (RewardLeaf leaf : leaves) {
      sum = sum.plus(leaf.total());
    }
    return sum;
  }

  /**
   * The leaf of a hotspot.
   *
   * @param hotspot a hotspot key; not null
   * @return its leaf, or empty if the epoch does not reward it
   */
  public Optional<RewardLeaf> leaf(PublicKey hotspot) {
    int index = indexOf(hotspot);
    return index < 0 ? Optional.empty() : Optional.of(leaves.get(index));
  }

  /**
   * The RFC 6962 §2.1.1 audit path of a hotspot's leaf, to be checked offline with {@link
   * MerkleProof#verify(RewardLeaf, byte[])} against {@link #root()}.
   *
   * @param hotspot a hotspot key; not null
   * @return the proof, or empty if the epoch does not reward the hotspot
   */
  public Optional<MerkleProof> proof(PublicKey hotspot) {
    int index = indexOf(hotspot);
    if (index < 0) {
      return Optional.empty();
    }
    List<byte[]> path = new ArrayList<>();
    int at = index;
    for (int height = 0; height < levels.size() - 1; height++) {
      byte[][] level = levels.get(height);
      int sibling = at ^ 1;
      if (sibling < level.length) {
        path.add(level[sibling]);
      }
      at >>= 1;
    }
    return Optional.of(new MerkleProof(index, leaves.size(), path));
  }

  private int indexOf(PublicKey hotspot) {
    Objects.requireNonNull(hotspot, "hotspot");
    byte[] key = hotspot.toBytes();
    int low = 0;
    int high = leaves.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int order = Arrays.compareUnsigned(leaves.get(mid).hotspotKeyBytes(), key);
      if (order < 0) {
        low = mid + 1;
      } else if (order > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
