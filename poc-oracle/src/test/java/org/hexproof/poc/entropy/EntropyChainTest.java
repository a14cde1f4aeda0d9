package org.hexproof.poc.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EntropyChainTest {
  private static final byte[] RANDOM = filled(EntropyChain.RANDOM_BYTES, 0x5a);

  @Test
  void is_sha256_of_previous_random_and_big_endian_seconds() throws Exception {
    byte[] previous = filled(32, 0x01);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(previous);
    sha.update(RANDOM);
    sha.update(ByteBuffer.allocate(8).putLong(1_764_039_600L).array());
    assertThat(EntropyChain.next(previous, RANDOM, 1_764_039_600L)).isEqualTo(sha.digest());
  }

  @Test
  void first_value_hashes_an_empty_previous() {
    // SHA-256 of 32 zero random bytes and the 8 zero bytes of timestamp 0
    assertThat(HexFormat.of().formatHex(EntropyChain.next(new byte[0], filled(32, 0), 0)))
        .isEqualTo("2c34ce1df23b838c5abf2a7f6437cca3d3067ed509ff25f11df6b11b582b51eb");
  }

  @Test
  void changes_with_every_input() {
    byte[] previous = filled(32, 0x01);
    byte[] base = EntropyChain.next(previous, RANDOM, 100);
    assertThat(EntropyChain.next(filled(32, 0x02), RANDOM, 100)).isNotEqualTo(base);
    assertThat(EntropyChain.next(previous, filled(32, 0x5b), 100)).isNotEqualTo(base);
    assertThat(EntropyChain.next(previous, RANDOM, 101)).isNotEqualTo(base);
    assertThat(EntropyChain.next(previous, RANDOM, 100)).isEqualTo(base);
  }

  @Test
  void rejects_random_of_the_wrong_length() {
    assertThatThrownBy(() -> EntropyChain.next(new byte[0], new byte[31], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("random: expected 32 bytes, got 31");
  }

  @Test
  void rejects_a_null_previous() {
    assertThatThrownBy(() -> EntropyChain.next(null, RANDOM, 0))
        .isInstanceOf(NullPointerException.class);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
