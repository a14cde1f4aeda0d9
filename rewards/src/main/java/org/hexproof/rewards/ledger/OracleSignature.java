package org.hexproof.rewards.ledger;

import java.util.Arrays;
import java.util.Objects;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.PublicKey;

/**
 * One oracle's Ed25519 signature (RFC 8032, pure) over a {@link MintManifest#hash()}: the 32-byte
 * SHA-256 of the manifest's canonical bytes.
 *
 * @param oracle the signer's key; not null
 * @param signature the {@value PublicKey#ED25519_SIGNATURE_LENGTH}-byte signature; copied in and
 *     out
 */
public record OracleSignature(PublicKey oracle, byte[] signature) {

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if the signature is not {@value
   *     PublicKey#ED25519_SIGNATURE_LENGTH} bytes
   */
  public OracleSignature {
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(signature, "signature");
    if (signature.length != PublicKey.ED25519_SIGNATURE_LENGTH) {
      throw new IllegalArgumentException(
          "signature: expected "
              + PublicKey.ED25519_SIGNATURE_LENGTH
              + " bytes, got "
              + signature.length);
    }
    signature = signature.clone();
  }

  /**
   * Signs a manifest's hash.
   *
   * @param oracle the oracle's key pair; not null
   * @param manifest the manifest; not null
   * @return the signature, deterministic for a given key and manifest
   */
  public static OracleSignature sign(Ed25519KeyPair oracle, MintManifest manifest) {
    return new OracleSignature(oracle.publicKey(), oracle.sign(manifest.hash()));
  }

  /**
   * Checks this signature over a manifest's hash.
   *
   * @param manifest the manifest; not null
   * @return true if the oracle key is Ed25519 and the signature verifies; false otherwise
   */
  public boolean isValidFor(MintManifest manifest) {
    return oracle.keyType() == KeyType.ED25519 && oracle.verify(manifest.hash(), signature);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OracleSignature that
        && oracle.equals(that.oracle)
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return 31 * oracle.hashCode() + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "OracleSignature[oracle=" + oracle + ", signature=" + Canonical.hex(signature) + "]";
  }
}
