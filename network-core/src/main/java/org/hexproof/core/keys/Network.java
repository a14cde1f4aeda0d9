package org.hexproof.core.keys;

/**
 * The network a key belongs to: the high nibble of a public key's tag byte (radio.md §2.4, as in
 * helium-crypto-rs {@code Network}). Codes are stable and never reused.
 */
public enum Network {
  /** Production network, tag high nibble {@code 0x00}. */
  MAINNET(0x00),
  /** Test network, tag high nibble {@code 0x10}. */
  TESTNET(0x10);

  private static final int MASK = 0xF0;

  private final int code;

  Network(int code) {
    this.code = code;
  }

  /**
   * The code as it appears in the tag byte, already shifted: {@code 0x00} or {@code 0x10}.
   *
   * @return the high-nibble value, in {@code 0x00..0xF0}
   */
  public int code() {
    return code;
  }

  /**
   * The network named by the high nibble of a tag byte; the low nibble is ignored.
   *
   * @param tag a public key's first byte
   * @return the network, never null
   * @throws MalformedKeyException if the high nibble names no known network
   */
  public static Network fromTag(byte tag) {
    int nibble = tag & MASK;
    for (Network network : values()) {
      if (network.code == nibble) {
        return network;
      }
    }
    throw new MalformedKeyException(
        String.format(
            "key tag byte 0x%02x: expected network 0x00 (mainnet) or 0x10 (testnet) in the high"
                + " nibble, got 0x%02x",
            tag & 0xFF, nibble));
  }
}
