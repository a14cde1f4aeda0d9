package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1 TEST 1 public key. */
  private static final byte[] RFC8032_TEST1 =
      HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

  /** RFC 8032 §7.1 TEST 2 public key. */
  private static final byte[] RFC8032_TEST2 =
      HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "112bUuQaE7j73THS9ABShHGokm46Miip9L361FSyWv7zSYn8hZWf",
        "11z69eJ3czc92k6snrfR9ek7g2uRWXosFbnG9v4bXgwhfUCivUo",
        "112bUGwooPd1dCDd3h3yZwskjxCzBsQNKeaJTuUF4hSgYedcsFa9"
      })
  void decodes_real_helium_mainnet_ecc_compact_keys(String text) {
    PublicKey key = PublicKey.fromBase58(text);

    assertThat(key.network()).isEqualTo(Network.MAINNET);
    assertThat(key.keyType()).isEqualTo(KeyType.ECC_COMPACT);
    assertThat(key.toBytes()).hasSize(33).startsWith(0x00);
    assertThat(key.toBase58()).isEqualTo(text);
    assertThat(key).hasToString(text);
  }

  @Test
  void rejects_helium_key_text_with_one_character_changed() {
    String text = "112bUuQaE7j73THS9ABShHGokm46Miip9L361FSyWv7zSYn8hZWf";
    for (int i = 0; i < text.length(); i++) {
      char replacement = text.charAt(i) == 'z' ? 'y' : 'z';
      String changed = text.substring(0, i) + replacement + text.substring(i + 1);
      assertThatThrownBy(() -> PublicKey.fromBase58(changed), "character %d changed", i)
          .isInstanceOf(MalformedKeyException.class);
    }
    String middleChanged = text.replace("Miip", "Miiq");
    assertThatThrownBy(() -> PublicKey.fromBase58(middleChanged))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("expected checksum");
  }

  /**
   * The expected texts were derived independently of this code with python3 (hashlib and a
   * hand-written base58 loop): {@code p = bytes([0x00, tag]) + pk; text = b58(p +
   * sha256(sha256(p).digest()).digest()[:4])} with tag 0x01 (mainnet ed25519) and 0x11 (testnet).
   */
  @Test
  void encodes_ed25519_key_as_independently_derived_text() {
    PublicKey mainnet = new PublicKey(Network.MAINNET, KeyType.ED25519, RFC8032_TEST1);
    PublicKey testnet = new PublicKey(Network.TESTNET, KeyType.ED25519, RFC8032_TEST1);

    assertThat(mainnet.toBase58()).isEqualTo("14ab6w719xfTgeZeaLkg4nUUuTDJBDJp4xUVzqkkYB3c5amgUz6");
    assertThat(testnet.toBase58()).isEqualTo("1bgVveHWnmV5qmrw5cgfKv4sZH4naUnpfBcDuEm6Sf9oyZE26J8");
    assertThat(PublicKey.fromBase58(testnet.toBase58())).isEqualTo(testnet);
  }

  @Test
  void round_trips_tagged_bytes() {
    byte[] tagged = new byte[33];
    tagged[0] = 0x11;
    System.arraycopy(RFC8032_TEST2, 0, tagged, 1, 32);

    PublicKey key = PublicKey.fromBytes(tagged);

    assertThat(key.network()).isEqualTo(Network.TESTNET);
    assertThat(key.keyType()).isEqualTo(KeyType.ED25519);
    assertThat(key.tag()).isEqualTo((byte) 0x11);
    assertThat(key.toBytes()).isEqualTo(tagged);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 34, 65})
  void rejects_tagged_bytes_of_wrong_length(int length) {
    assertThatThrownBy(() -> PublicKey.fromBytes(new byte[length]))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("public key: expected 33 bytes (tag byte and 32 key bytes), got %d", length);
  }

  @Test
  void rejects_unknown_network_naming_the_tag_byte() {
    byte[] tagged = new byte[33];
    tagged[0] = 0x20;

    assertThatThrownBy(() -> PublicKey.fromBytes(tagged))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("key tag byte 0x20")
        .hasMessageContaining("got 0x20");
  }

  @Test
  void rejects_unknown_key_type_naming_the_tag_byte() {
    byte[] tagged = new byte[33];
    tagged[0] = 0x12;

    assertThatThrownBy(() -> PublicKey.fromBytes(tagged))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("key tag byte 0x12")
        .hasMessageContaining("got 0x02");
  }

  @Test
  void rejects_ed25519_key_bytes_that_are_no_curve_point() {
    byte[] notAPoint = new byte[32];
    Arrays.fill(notAPoint, (byte) 0xFF);

    assertThatThrownBy(() -> new PublicKey(Network.MAINNET, KeyType.ED25519, notAPoint))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("expected an Ed25519 point encoding");
  }

  @Test
  void copies_key_bytes_in_and_out() {
    byte[] bytes = RFC8032_TEST1.clone();
    PublicKey key = new PublicKey(Network.MAINNET, KeyType.ED25519, bytes);
    bytes[0] ^= 1;
    key.keyBytes()[1] ^= 1;

    assertThat(key.keyBytes()).isEqualTo(RFC8032_TEST1);
  }

  @Test
  void orders_by_unsigned_tagged_bytes() {
    byte[] low = new byte[32];
    low[0] = 0x7F;
    byte[] high = new byte[32];
    high[0] = (byte) 0x80;
    PublicKey mainnetLow = new PublicKey(Network.MAINNET, KeyType.ECC_COMPACT, low);
    PublicKey mainnetHigh = new PublicKey(Network.MAINNET, KeyType.ECC_COMPACT, high);
    PublicKey mainnetEd = new PublicKey(Network.MAINNET, KeyType.ED25519, RFC8032_TEST2);
    PublicKey testnetLow = new PublicKey(Network.TESTNET, KeyType.ECC_COMPACT, low);
    List<PublicKey> keys = new ArrayList<>(List.of(testnetLow, mainnetEd, mainnetHigh, mainnetLow));

    keys.sort(null);

    assertThat(keys).containsExactly(mainnetLow, mainnetHigh, mainnetEd, testnetLow);
    assertThat(mainnetLow.compareTo(new PublicKey(Network.MAINNET, KeyType.ECC_COMPACT, low)))
        .isZero();
  }

  @Test
  void refuses_to_verify_with_non_ed25519_key_naming_the_type() {
    PublicKey key = new PublicKey(Network.MAINNET, KeyType.ECC_COMPACT, RFC8032_TEST1);

    assertThatThrownBy(() -> key.verify(new byte[0], new byte[64]))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("ECC_COMPACT");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 63, 65, 128})
  void returns_false_for_signature_of_wrong_length(int length) {
    PublicKey key = new PublicKey(Network.MAINNET, KeyType.ED25519, RFC8032_TEST1);

    assertThat(key.verify(new byte[0], new byte[length])).isFalse();
  }

  @Test
  void implements_value_equality() {
    EqualsVerifier.forClass(PublicKey.class)
        .withPrefabValues(byte[].class, RFC8032_TEST1.clone(), RFC8032_TEST2.clone())
        // the compact constructor rejects null parts, so no instance can have one
        .suppress(Warning.NULL_FIELDS)
        .verify();
  }
}
