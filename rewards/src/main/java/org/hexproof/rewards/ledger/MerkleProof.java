package org.hexproof.rewards.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Merkle inclusion proof (RFC 6962 §2.1.1 audit path) of one leaf in a {@link MerkleTree}: enough
 * to check offline, with only the leaf and a trusted root (from a signed {@link MintManifest}),
 * that the leaf is in the epoch's tree at {@code leafIndex}.
 *
 * @param leafIndex the leaf's position in canonical order, in [0, treeSize)
 * @param treeSize the number of leaves in the tree, ≥ 1
 * @param path sibling hashes from the leaf level up, each 32 bytes; not null; copied in and out
 */
public record MerkleProof(int leafIndex, int treeSize, List<byte[]> path) {

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if the index is outside [0, treeSize) or a path element is not
   *     32 bytes
   */
  public MerkleProof {
    Objects.requireNonNull(path, "path");
    if (treeSize < 1 || leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "expected 0 ≤ leafIndex < treeSize, got leafIndex "
              + leafIndex
              + " and treeSize "
              + treeSize);
    }
    List<byte[]> copy = new ArrayList<>(path.size());
    for (byte[] node : path) {
      copy.add(Sha256.requireDigest(node, "path element"));
    }
    path = List.copyOf(copy);
  }

  /**
   * The sibling hashes.
   *
   * @return fresh copies of the path elements, leaf level first
   */
  @Override
  public List<byte[]> path() {
    return path.stream().map(byte[]::clone).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Checks that {@code leaf} is at {@link #leafIndex()} of a {@link #treeSize()}-leaf tree with the
   * given root, by the algorithm of RFC 9162 §2.1.3.2 (which verifies RFC 6962 audit paths).
   *
   * @param leaf the claimed leaf; not null
   * @param root the trusted root; not null; any length other than 32 bytes is simply not valid
   * @return true if the path leads from the leaf's hash to {@code root}
   */
  public boolean verify(RewardLeaf leaf, byte[] root) {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(root, "root");
    long index = leafIndex;
    long last = treeSize - 1L;
    byte[] hash = MerkleTree.leafHash(leaf);
    for (byte[] sibling : path) {
      if (last == 0) {
        return false;
      }
      if ((index & 1) == 1 || index == last) {
        hash = Sha256.nodeHash(sibling, hash);
        while ((index & 1) == 0 && index != 0) {
          index >>= 1;
          last >>= 1;
        }
      } else {
        hash = Sha256.nodeHash(hash, sibling);
      }
      index >>= 1;
      last >>= 1;
    }
    return last == 0 && Arrays.equals(hash, root);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof MerkleProof that)
        || leafIndex != that.leafIndex
        || treeSize != that.treeSize
        || path.size() != that.path.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!Arrays.equals(path.get(i), that.path.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 31 * leafIndex + treeSize;
    for (byte[] node : path) {
      hash = 31 * hash + Arrays.hashCode(node);
    }
    return hash;
  }

  @Override
  public String toString() {
    return "MerkleProof[leafIndex="
        + leafIndex
        + ", treeSize="
        + treeSize
        + ", path="
        + path.stream().map(Canonical::hex).collect(Collectors.joining(", ", "[", "]"))
        + "]";
  }
}
