package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkAndKeyTypeTest {

  @ParameterizedTest
  @CsvSource({
    "0x00, MAINNET, ECC_COMPACT",
    "0x01, MAINNET, ED25519",
    "0x03, MAINNET, SECP256K1",
    "0x04, MAINNET, RSA",
    "0x10, TESTNET, ECC_COMPACT",
    "0x11, TESTNET, ED25519",
    "0x13, TESTNET, SECP256K1",
    "0x14, TESTNET, RSA"
  })
  void reads_network_and_key_type_from_tag_byte(String tag, Network network, KeyType keyType) {
    byte tagByte = (byte) Integer.decode(tag).intValue();

    assertThat(Network.fromTag(tagByte)).isEqualTo(network);
    assertThat(KeyType.fromTag(tagByte)).isEqualTo(keyType);
    assertThat(network.code() | keyType.code()).isEqualTo(tagByte & 0xFF);
  }

  @Test
  void keeps_stable_codes() {
    assertThat(Network.MAINNET.code()).isEqualTo(0x00);
    assertThat(Network.TESTNET.code()).isEqualTo(0x10);
    assertThat(KeyType.ECC_COMPACT.code()).isEqualTo(0x00);
    assertThat(KeyType.ED25519.code()).isEqualTo(0x01);
    assertThat(KeyType.SECP256K1.code()).isEqualTo(0x03);
    assertThat(KeyType.RSA.code()).isEqualTo(0x04);
  }

  @Test
  void rejects_unknown_network_naming_the_byte() {
    assertThatThrownBy(() -> Network.fromTag((byte) 0xF1))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage(
            "key tag byte 0xf1: expected network 0x00 (mainnet) or 0x10 (testnet) in the high"
                + " nibble, got 0xf0");
  }

  @Test
  void rejects_unknown_key_type_naming_the_byte() {
    assertThatThrownBy(() -> KeyType.fromTag((byte) 0x02))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageStartingWith("key tag byte 0x02: expected key type")
        .hasMessageEndingWith("got 0x02");
  }
}
