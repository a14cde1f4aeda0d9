package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519KeyPairTest {
  private static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] MESSAGE =
      "beacon 0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Property
  void verifies_own_signature_of_any_message(
      @ForAll @Size(32) byte[] seed, @ForAll @Size(max = 300) byte[] message) {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, seed);

    byte[] signature = key.sign(message);

    assertThat(signature).hasSize(64);
    assertThat(key.publicKey().verify(message, signature)).isTrue();
  }

  @Test
  void rejects_signature_over_tampered_message() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, SEED);
    byte[] signature = key.sign(MESSAGE);
    for (int i = 0; i < MESSAGE.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = MESSAGE.clone();
        tampered[i] ^= (byte) (1 << bit);
        assertThat(key.publicKey().verify(tampered, signature))
            .as("bit %d of message byte %d flipped", bit, i)
            .isFalse();
      }
    }
  }

  @Test
  void rejects_tampered_signature() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, SEED);
    byte[] signature = key.sign(MESSAGE);
    for (int i = 0; i < signature.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = signature.clone();
        tampered[i] ^= (byte) (1 << bit);
        assertThat(key.publicKey().verify(MESSAGE, tampered))
            .as("bit %d of signature byte %d flipped", bit, i)
            .isFalse();
      }
    }
  }

  @Test
  void rejects_signature_checked_against_wrong_key() {
    SecureRandom random = new SecureRandom();
    Ed25519KeyPair signer = Ed25519KeyPair.generate(Network.MAINNET, random);
    Ed25519KeyPair other = Ed25519KeyPair.generate(Network.MAINNET, random);

    assertThat(other.publicKey().verify(MESSAGE, signer.sign(MESSAGE))).isFalse();
  }

  @Test
  void signs_deterministically() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, SEED);

    assertThat(key.sign(MESSAGE)).isEqualTo(key.sign(MESSAGE));
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void tags_public_key_with_network_and_ed25519(Network network) {
    Ed25519KeyPair key = Ed25519KeyPair.generate(network, new SecureRandom());

    assertThat(key.network()).isEqualTo(network);
    assertThat(key.publicKey().keyType()).isEqualTo(KeyType.ED25519);
    assertThat(key.publicKey().tag()).isEqualTo((byte) (network.code() | 0x01));
  }

  @Test
  void generated_key_is_rebuilt_from_its_seed() {
    Ed25519KeyPair key = Ed25519KeyPair.generate(Network.TESTNET, new SecureRandom());

    Ed25519KeyPair rebuilt = Ed25519KeyPair.fromSeed(Network.TESTNET, key.seed());

    assertThat(rebuilt.publicKey()).isEqualTo(key.publicKey());
  }

  @Test
  void hands_out_copies_of_the_seed() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, SEED);
    key.seed()[0] ^= 1;

    assertThat(key.seed()).isEqualTo(SEED);
  }

  @Test
  void does_not_print_the_secret() {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, SEED);

    String text = key.toString();

    assertThat(text)
        .contains(key.publicKey().toBase58())
        .doesNotContainIgnoringCase(HexFormat.of().formatHex(SEED))
        .doesNotContain(Base64.getEncoder().encodeToString(SEED))
        .doesNotContain(Base58.encode(SEED));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33, 64})
  void rejects_seed_of_wrong_length(int length) {
    assertThatThrownBy(() -> Ed25519KeyPair.fromSeed(Network.MAINNET, new byte[length]))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("Ed25519 seed: expected 32 bytes, got %d", length);
  }
}
