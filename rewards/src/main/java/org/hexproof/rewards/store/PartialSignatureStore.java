package org.hexproof.rewards.store;

import java.util.List;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.support.db.Sql;

/**
 * Partial signatures for k-of-n minting ({@code rewards.partial_signatures}): one row per (epoch,
 * manifest hash, oracle key). Each rewards instance stores its own signature over the manifest it
 * computed; the closer that sees k distinct configured oracles over the identical hash mints.
 */
public final class PartialSignatureStore {
  private PartialSignatureStore() {}

  /**
   * One stored row.
   *
   * @param epoch the epoch
   * @param manifestHash the hash the oracle signed
   * @param manifest the canonical manifest bytes the oracle signed
   * @param signature the oracle's key and signature
   */
  public record Partial(
      long epoch, byte[] manifestHash, byte[] manifest, OracleSignature signature) {}

  /**
   * Stores a signature unless the same oracle already stored one for this epoch and hash.
   *
   * @param h the transaction; not null
   * @param manifest the signed manifest; not null
   * @param signature the signature over its hash; not null
   */
  public static void store(Sql.Handle h, MintManifest manifest, OracleSignature signature) {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(signature, "signature");
    h.update(
        "INSERT INTO rewards.partial_signatures (epoch, manifest_hash, oracle, manifest,"
            + " signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        manifest.epochIndex(),
        manifest.hash(),
        signature.oracle().toBase58(),
        manifest.canonicalBytes(),
        signature.signature());
  }

  /**
   * Every partial signature stored for an epoch, whatever manifest it covers.
   *
   * @param h the transaction; not null
   * @param epoch the epoch
   * @return the rows, by oracle key text; rows whose key or signature cannot be parsed are left out
   */
  public static List<Partial> forEpoch(Sql.Handle h, long epoch) {
    return h
        .query(
            "SELECT manifest_hash, oracle, manifest, signature FROM rewards.partial_signatures"
                + " WHERE epoch = $1 ORDER BY oracle, manifest_hash",
            r -> {
              try {
                return java.util.Optional.of(
                    new Partial(
                        epoch,
                        r.get("manifest_hash", byte[].class),
                        r.get("manifest", byte[].class),
                        new OracleSignature(
                            PublicKey.fromBase58(r.get("oracle", String.class)),
                            r.get("signature", byte[].class))));
              } catch (IllegalArgumentException e) {
                return java.util.Optional.<Partial>empty();
              }
            },
            epoch)
        .stream()
        .flatMap(java.util.Optional::stream)
        .toList();
  }
}
