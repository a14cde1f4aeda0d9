package org.hexproof.core.keys;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 key pair (RFC 8032) of a given network: the 32-byte secret seed and the public key
 * derived from it. Hotspot gateway keys and the oracle key are of this kind.
 *
 * <p>Not a record, because it holds a secret: {@link #toString()} prints only the public key, and
 * equality is identity. Instances are immutable and safe to share between threads.
 */
public final class Ed25519KeyPair {
  /** Length of the secret seed (RFC 8032 §5.1.5). */
  public static final int SEED_LENGTH = 32;

  private final Ed25519PrivateKeyParameters privateKey;
  private final PublicKey publicKey;

  private Ed25519KeyPair(Network network, Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey =
        new PublicKey(network, KeyType.ED25519, privateKey.generatePublicKey().getEncoded());
  }

  /**
   * Generates a fresh key pair.
   *
   * @param network the network the public key is tagged with; not null
   * @param random source of the 32-byte seed; not null
   * @return the key pair
   */
  public static Ed25519KeyPair generate(Network network, SecureRandom random) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(random, "random");
    return new Ed25519KeyPair(network, new Ed25519PrivateKeyParameters(random));
  }

  /**
   * Rebuilds the key pair of a secret seed.
   *
   * @param network the network the public key is tagged with; not null
   * @param seed the {@value #SEED_LENGTH}-byte secret (RFC 8032 "private key"); not null, copied
   * @return the key pair
   * @throws MalformedKeyException if the seed is not {@value #SEED_LENGTH} bytes
   */
  public static Ed25519KeyPair fromSeed(Network network, byte[] seed) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(seed, "seed");
    if (seed.length != SEED_LENGTH) {
      throw new MalformedKeyException(
          String.format("Ed25519 seed: expected %d bytes, got %d", SEED_LENGTH, seed.length));
    }
    return new Ed25519KeyPair(network, new Ed25519PrivateKeyParameters(seed, 0));
  }

  /**
   * The public half, tagged with this pair's network and {@link KeyType#ED25519}.
   *
   * @return the public key
   */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * The network the public key is tagged with.
   *
   * @return the network
   */
  public Network network() {
    return publicKey.network();
  }

  /**
   * Signs a message with pure Ed25519 (no pre-hash, no context). Signatures are deterministic.
   *
   * @param message the bytes to sign; not null
   * @return the {@value PublicKey#ED25519_SIGNATURE_LENGTH}-byte signature
   */
  public byte[] sign(byte[] message) {
    Objects.requireNonNull(message, "message");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * The secret seed, for writing a key file. Handle with care.
   *
   * @return a fresh copy of the {@value #SEED_LENGTH}-byte seed
   */
  public byte[] seed() {
    return privateKey.getEncoded();
  }

  /**
   * Names the public key only; the secret is never printed.
   *
   * @return {@code Ed25519KeyPair[publicKey=<base58check>]}
   */
  @Override
  public String toString() {
    return "Ed25519KeyPair[publicKey=" + publicKey + "]";
  }
}
