package org.hexproof.rewards.ledger;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.PublicKey;

/**
 * The oracles allowed to attest mints and how many must agree: a manifest is attested when at least
 * {@code threshold} distinct oracles of the set have validly signed that exact manifest. Signatures
 * by keys outside the set, and repeated signatures by one oracle, add nothing. The devnet runs one
 * oracle with threshold 1.
 *
 * @param oracles the oracle keys; not null, not empty, Ed25519 only; copied into a sorted set
 * @param threshold k, in [1, number of oracles]
 */
public record OracleQuorum(Set<PublicKey> oracles, int threshold) {

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if the set is empty, a key is not Ed25519, or the threshold is
   *     outside [1, n]
   */
  public OracleQuorum {
    Objects.requireNonNull(oracles, "oracles");
    SortedSet<PublicKey> sorted = new TreeSet<>(oracles);
    for (PublicKey oracle : sorted) {
      if (oracle.keyType() != KeyType.ED25519) {
        throw new IllegalArgumentException(
            "oracles: expected Ed25519 keys, got " + oracle.keyType() + " key " + oracle);
      }
    }
    if (threshold < 1 || threshold > sorted.size()) {
      throw new IllegalArgumentException(
          "threshold: expected a value in [1, " + sorted.size() + "], got " + threshold);
    }
    oracles = Collections.unmodifiableSortedSet(sorted);
  }

  /**
   * The devnet quorum: one oracle, threshold 1.
   *
   * @param oracle the oracle's key; not null, Ed25519
   * @return the quorum
   */
  public static OracleQuorum single(PublicKey oracle) {
    return new OracleQuorum(Set.of(oracle), 1);
  }

  /**
   * The distinct oracles of this set that validly signed the manifest.
   *
   * @param manifest the manifest; not null
   * @param signatures the signatures to count; not null
   * @return an unmodifiable sorted set of signers, possibly empty
   */
  public SortedSet<PublicKey> validSigners(
      MintManifest manifest, Collection<OracleSignature> signatures) {
    Objects.requireNonNull(manifest, "manifest");
    SortedSet<PublicKey> signers = new TreeSet<>();
    for (OracleSignature signature : signatures) {
      if (oracles.contains(signature.oracle())
          && !signers.contains(signature.oracle())
          && signature.isValidFor(manifest)) {
        signers.add(signature.oracle());
      }
    }
    return Collections.unmodifiableSortedSet(signers);
  }

  /**
   * Tells whether the manifest is attested.
   *
   * @param manifest the manifest; not null
   * @param signatures the signatures to count; not null
   * @return true if at least {@link #threshold()} distinct oracles of the set validly signed it
   */
  public boolean isSatisfied(MintManifest manifest, Collection<OracleSignature> signatures) {
    return validSigners(manifest, signatures).size() >= threshold;
  }
}
