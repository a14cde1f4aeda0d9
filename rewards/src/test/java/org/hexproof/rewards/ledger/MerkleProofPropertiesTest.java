package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hexproof.core.keys.PublicKey;
import org.junit.jupiter.api.Test;

class MerkleProofPropertiesTest {

  private static MerkleTree tree(int size) {
    List<RewardLeaf> leaves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      leaves.add(Fixtures.leaf(i, i % 3, 100 + i, 7 * i, i % 2));
    }
    return MerkleTree.of(leaves);
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  @Test
  void every_leaf_of_trees_of_1_to_17_leaves_has_a_verifying_proof() {
    for (int size = 1; size <= 17; size++) {
      MerkleTree tree = tree(size);
      for (RewardLeaf leaf : tree.leaves()) {
        assertThat(tree.proof(leaf.hotspot()).orElseThrow().verify(leaf, tree.root()))
            .as("leaf %s of %d", leaf.hotspot(), size)
            .isTrue();
      }
    }
  }

  @Test
  void a_hotspot_outside_the_tree_has_no_proof() {
    assertThat(tree(5).proof(Fixtures.hotspot(99))).isEmpty();
  }

  @Test
  void the_empty_tree_root_is_sha256_of_nothing() {
    assertThat(MerkleTree.of(List.of()).root())
        .isEqualTo(
            java.util.HexFormat.of()
                .parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Property
  void a_flipped_bit_in_the_leaf_fails(
      @ForAll @IntRange(min = 1, max = 17) int size,
      @ForAll @IntRange(min = 0, max = 16) int which,
      @ForAll @IntRange(min = 16 * 8, max = RewardLeaf.CANONICAL_LENGTH * 8 - 1) int bit) {
    MerkleTree tree = tree(size);
    RewardLeaf leaf = tree.leaves().get(which % size);
    MerkleProof proof = tree.proof(leaf.hotspot()).orElseThrow();
    RewardLeaf tampered;
    try {
      tampered = RewardLeaf.fromCanonicalBytes(flip(leaf.canonicalBytes(), bit));
    } catch (MalformedLedgerBytesException unreadable) {
      return; // a flip that makes the leaf unreadable cannot be presented at all
    }

    assertThat(proof.verify(tampered, tree.root())).isFalse();
  }

  @Property
  void a_flipped_bit_in_the_path_fails(
      @ForAll @IntRange(min = 2, max = 17) int size,
      @ForAll @IntRange(min = 0, max = 16) int which,
      @ForAll @IntRange(min = 0, max = 4) int element,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    MerkleTree tree = tree(size);
    RewardLeaf leaf = tree.leaves().get(which % size);
    MerkleProof proof = tree.proof(leaf.hotspot()).orElseThrow();
    Assume.that(element < proof.path().size());
    List<byte[]> path = new ArrayList<>(proof.path());
    path.set(element, flip(path.get(element), bit));

    MerkleProof tampered = new MerkleProof(proof.leafIndex(), proof.treeSize(), path);

    assertThat(tampered.verify(leaf, tree.root())).isFalse();
  }

  @Property
  void a_flipped_bit_in_the_root_fails(
      @ForAll @IntRange(min = 1, max = 17) int size,
      @ForAll @IntRange(min = 0, max = 16) int which,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    MerkleTree tree = tree(size);
    RewardLeaf leaf = tree.leaves().get(which % size);

    assertThat(tree.proof(leaf.hotspot()).orElseThrow().verify(leaf, flip(tree.root(), bit)))
        .isFalse();
  }

  @Property
  void a_proof_claiming_another_index_or_size_fails(
      @ForAll @IntRange(min = 2, max = 17) int size,
      @ForAll @IntRange(min = 0, max = 16) int which,
      @ForAll @IntRange(min = 0, max = 16) int otherIndex,
      @ForAll @IntRange(min = 1, max = 40) int otherSize) {
    MerkleTree tree = tree(size);
    RewardLeaf leaf = tree.leaves().get(which % size);
    MerkleProof proof = tree.proof(leaf.hotspot()).orElseThrow();
    Assume.that(otherIndex < otherSize);
    Assume.that(otherIndex != proof.leafIndex() || otherSize != size);
    // Some (index, size) pairs share an audit path shape with the true one; those are not lies.
    Assume.that(!sameShape(proof.leafIndex(), size, otherIndex, otherSize));

    MerkleProof lie = new MerkleProof(otherIndex, otherSize, proof.path());

    assertThat(lie.verify(leaf, tree.root())).isFalse();
  }

  @Test
  void a_leaf_of_another_hotspot_does_not_pass_with_this_proof() {
    MerkleTree tree = tree(9);
    PublicKey first = tree.leaves().get(0).hotspot();

    assertThat(tree.proof(first).orElseThrow().verify(tree.leaves().get(1), tree.root())).isFalse();
  }

  /** True if the RFC 9162 verifier would combine the path the same way for both claims. */
  private static boolean sameShape(long index, long size, long otherIndex, long otherSize) {
    return shape(index, size - 1).equals(shape(otherIndex, otherSize - 1));
  }

  private static List<Boolean> shape(long index, long last) {
    List<Boolean> leftSibling = new ArrayList<>();
    while (last > 0) {
      if ((index & 1) == 1) {
        leftSibling.add(true);
      } else if (index < last) {
        leftSibling.add(false);
      }
      index >>= 1;
      last >>= 1;
    }
    return leftSibling;
  }
}
