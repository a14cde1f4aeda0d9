package org.hexproof.rewards.ledger;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An epoch's leaves in {@link RewardLeaf#CANONICAL_ORDER}, one per hotspot: an unmodifiable list
 * that builds its {@link MerkleTree} once. An entry's leaves are sorted when it is made and hashed
 * when its manifest is made and again when it is appended; with this list the sort of sorted leaves
 * and the second tree are not paid for again. The list is immutable, so its tree cannot go stale.
 */
final class CanonicalLeaves extends AbstractList<RewardLeaf> implements RandomAccess {
  /** Below this many leaves sorting and hashing stay on the calling thread. */
  static final int PARALLEL_THRESHOLD = 1 << 14;

  private final RewardLeaf[] leaves;
  private MerkleTree tree;

  private CanonicalLeaves(RewardLeaf[] leaves) {
    this.leaves = leaves;
  }

  /**
   * Sorts leaves into canonical order and checks that hotspots are unique.
   *
   * @param leaves the leaves; not null, no null element; a {@code CanonicalLeaves} is returned as
   *     it is
   * @return the sorted leaves
   * @throws IllegalArgumentException if two leaves name the same hotspot
   */
  static CanonicalLeaves of(Collection<RewardLeaf> leaves) {
    if (leaves instanceof CanonicalLeaves canonical) {
      return canonical;
    }
    RewardLeaf[] sorted = leaves.toArray(new RewardLeaf[0]);
    boolean inOrder = true;
    for (int i = 0; i < sorted.length; i++) {
      Objects.requireNonNull(sorted[i], "leaf");
      if (i > 0 && RewardLeaf.CANONICAL_ORDER.compare(sorted[i - 1], sorted[i]) >= 0) {
        inOrder = false;
      }
    }
    if (!inOrder) {
      if (sorted.length >= PARALLEL_THRESHOLD) {
        Arrays.parallelSort(sorted, RewardLeaf.CANONICAL_ORDER);
      } else {
        Arrays.sort(sorted, RewardLeaf.CANONICAL_ORDER);
      }
      for (int i = 1; i < sorted.length; i++) {
        if (RewardLeaf.CANONICAL_ORDER.compare(sorted[i - 1], sorted[i]) == 0) {
          throw new IllegalArgumentException(
              "leaves: expected one leaf per hotspot, got two for " + sorted[i].hotspotBase58());
        }
      }
    }
    return new CanonicalLeaves(sorted);
  }

  /** The tree over these leaves, built on first use. */
  synchronized MerkleTree tree() {
    if (tree == null) {
      tree = new MerkleTree(this);
    }
    return tree;
  }

  @Override
  public RewardLeaf get(int index) {
    return leaves[index];
  }

  @Override
  public int size() {
    return leaves.length;
  }
}
