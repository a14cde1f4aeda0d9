package org.hexproof.core.keys;

/**
 * The signature scheme of a key: the low nibble of a public key's tag byte (radio.md §2.4, as in
 * helium-crypto-rs {@code KeyType}). Codes are stable and never reused; 0x02 is unassigned there
 * too.
 */
public enum KeyType {
  /**
   * NIST P-256 ECDSA (SHA-256, DER signatures) with the key as its compact X coordinate; used by
   * hotspots whose key lives on an ECC608 secure element.
   */
  ECC_COMPACT(0x00),
  /** Ed25519 (RFC 8032); the gateway file keypair and the only type hexproof can verify. */
  ED25519(0x01),
  /** secp256k1 ECDSA. */
  SECP256K1(0x03),
  /** RSA. */
  RSA(0x04);

  private static final int MASK = 0x0F;

  private final int code;

  KeyType(int code) {
    this.code = code;
  }

  /**
   * The code as it appears in the low nibble of the tag byte.
   *
   * @return the code, in {@code 0x00..0x0F}
   */
  public int code() {
    return code;
  }

  /**
   * The key type named by the low nibble of a tag byte; the high nibble is ignored.
   *
   * @param tag a public key's first byte
   * @return the key type, never null
   * @throws MalformedKeyException if the low nibble names no known key type
   */
  public static KeyType fromTag(byte tag) {
    int nibble = tag & MASK;
    for (KeyType type : values()) {
      if (type.code == nibble) {
        return type;
      }
    }
    throw new MalformedKeyException(
        String.format(
            "key tag byte 0x%02x: expected key type 0x00 (ecc_compact), 0x01 (ed25519), 0x03"
                + " (secp256k1) or 0x04 (rsa) in the low nibble, got 0x%02x",
            tag & 0xFF, nibble));
  }
}
