package org.hexproof.rewards.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 (FIPS 180-4) and the RFC 6962 §2.1 leaf and node hashes built on it. */
final class Sha256 {
  /** Length of a SHA-256 digest in bytes. */
  static final int LENGTH = 32;

  /** RFC 6962 §2.1 prefix of a leaf hash input, so that a leaf can never pass as a node. */
  static final byte LEAF_PREFIX = 0x00;

  /** RFC 6962 §2.1 prefix of an interior node hash input. */
  static final byte NODE_PREFIX = 0x01;

  private Sha256() {}

  /**
   * One digest per thread, reset by every use: a tree of a million leaves hashes 2 million times.
   */
  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::create);

  private static MessageDigest create() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-256 (MessageDigest javadoc)
      throw new IllegalStateException("this JRE has no SHA-256", e);
    }
  }

  static byte[] digest(byte[]... parts) {
    MessageDigest sha256 = DIGEST.get();
    sha256.reset();
    for (byte[] part : parts) {
      sha256.update(part);
    }
    return sha256.digest();
  }

  static byte[] leafHash(byte[] leafBytes) {
    MessageDigest sha256 = DIGEST.get();
    sha256.reset();
    sha256.update(LEAF_PREFIX);
    sha256.update(leafBytes);
    return sha256.digest();
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha256 = DIGEST.get();
    sha256.reset();
    sha256.update(NODE_PREFIX);
    sha256.update(left);
    sha256.update(right);
    return sha256.digest();
  }

  static byte[] requireDigest(byte[] bytes, String name) {
    if (bytes == null) {
      throw new NullPointerException(name);
    }
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          name + ": expected a " + LENGTH + "-byte SHA-256 digest, got " + bytes.length + " bytes");
    }
    return bytes.clone();
  }
}
