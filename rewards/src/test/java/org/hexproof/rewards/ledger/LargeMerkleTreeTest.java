package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hexproof.core.keys.Base58;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

/**
 * Trees large enough to be sorted and hashed on several threads give the RFC 6962 §2.1 root of a
 * plain recursive computation, and an entry's leaves build their tree once.
 */
class LargeMerkleTreeTest {
  private static final int SIZE = 3 * CanonicalLeaves.PARALLEL_THRESHOLD + 5;

  /** Leaves with random testnet Ed25519-tagged keys (the curve point is not needed to hash). */
  private static List<RewardLeaf> leaves(Random random, int size) {
    List<RewardLeaf> leaves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      byte[] tagged = new byte[33];
      random.nextBytes(tagged);
      tagged[0] = 0x11;
      leaves.add(
          RewardLeaf.ofStoredHotspot(
              Base58.encodeCheck(tagged),
              Fixtures.wallet(i % 3),
              TokenAmount.of(random.nextInt(1_000_000)),
              TokenAmount.of(1 + random.nextInt(1_000_000)),
              TokenAmount.ZERO));
    }
    return leaves;
  }

  /** MTH(D[n]) of RFC 6962 §2.1, recursively, with a fresh digest per hash. */
  private static byte[] mth(List<RewardLeaf> d) throws Exception {
    if (d.size() == 1) {
      return sha256(new byte[] {0}, d.get(0).canonicalBytes());
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  private static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  @Test
  void a_large_tree_has_the_recursive_root_whatever_the_input_order() throws Exception {
    List<RewardLeaf> leaves = leaves(new Random(7), SIZE);
    RewardLeaf some = Fixtures.leaf(1, 1, 5, 6, 0); // a key that is a curve point, for its proof
    leaves.add(some);
    List<RewardLeaf> sorted = new ArrayList<>(leaves);
    sorted.sort(RewardLeaf.CANONICAL_ORDER);
    List<RewardLeaf> shuffled = new ArrayList<>(leaves);
    Collections.shuffle(shuffled, new Random(8));

    MerkleTree tree = MerkleTree.of(shuffled);

    assertThat(tree.leaves()).isEqualTo(sorted);
    assertThat(tree.root()).isEqualTo(mth(sorted));
    assertThat(tree.proof(some.hotspot()).orElseThrow().verify(some, tree.root())).isTrue();
  }

  @Test
  void an_entry_and_its_manifest_share_one_tree_of_the_same_leaves() {
    List<RewardLeaf> leaves = leaves(new Random(9), 100);
    List<RewardLeaf> canonical = MerkleTree.canonicalOrder(leaves);

    assertThat(MerkleTree.canonicalOrder(canonical)).isSameAs(canonical);
    assertThat(MerkleTree.of(canonical)).isSameAs(MerkleTree.of(canonical));
    assertThat(MerkleTree.of(leaves)).isNotSameAs(MerkleTree.of(canonical));
    assertThat(MerkleTree.of(leaves).root()).isEqualTo(MerkleTree.of(canonical).root());
  }

  @Test
  void a_large_input_with_a_repeated_hotspot_is_refused() {
    List<RewardLeaf> leaves = leaves(new Random(10), SIZE);
    leaves.add(leaves.get(SIZE / 2));

    assertThatThrownBy(() -> MerkleTree.of(leaves))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one leaf per hotspot");
  }
}
