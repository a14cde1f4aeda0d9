package org.hexproof.core.keys;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 {@link PublicKey} prepared for many verifications: the curve point is decoded once
 * (BouncyCastle's {@link Ed25519PublicKeyParameters} keeps it since 1.77) and the base58check text
 * is computed once. {@link PublicKey#verify} decodes the point on every call, which costs about a
 * third of a verification; a service that checks many messages of the same signers keeps these.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class VerifyingKey {
  private final PublicKey publicKey;
  private final String base58;
  private final Ed25519PublicKeyParameters parameters;

  private VerifyingKey(PublicKey publicKey) {
    this.publicKey = publicKey;
    this.base58 = publicKey.toBase58();
    this.parameters = new Ed25519PublicKeyParameters(publicKey.keyBytes());
  }

  /**
   * Prepares a key.
   *
   * @param publicKey an Ed25519 key; not null
   * @return the prepared key
   * @throws UnsupportedOperationException if the key is not Ed25519
   */
  public static VerifyingKey of(PublicKey publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.keyType() != KeyType.ED25519) {
      throw new UnsupportedOperationException(
          "signature verification is implemented for ED25519 keys only, this key is "
              + publicKey.keyType());
    }
    return new VerifyingKey(publicKey);
  }

  /** The key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The key's base58check text, as {@link PublicKey#toBase58()}. */
  public String base58() {
    return base58;
  }

  /**
   * Checks an Ed25519 signature, with the same answer as {@link PublicKey#verify}.
   *
   * @param message the signed bytes; not null
   * @param signature the signature; not null; any length other than {@value
   *     PublicKey#ED25519_SIGNATURE_LENGTH} is simply not valid
   * @return true if the signature is valid for this key and message
   */
  public boolean verify(byte[] message, byte[] signature) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    if (signature.length != PublicKey.ED25519_SIGNATURE_LENGTH) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, parameters);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public String toString() {
    return "VerifyingKey[" + base58 + "]";
  }
}
