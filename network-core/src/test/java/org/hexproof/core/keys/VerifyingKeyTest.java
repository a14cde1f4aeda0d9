package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerifyingKeyTest {
  private static final Ed25519KeyPair SIGNER =
      Ed25519KeyPair.fromSeed(
          Network.MAINNET,
          HexFormat.of()
              .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

  /** Messages, signatures and tampered variants: the prepared key answers as PublicKey does. */
  static Stream<byte[][]> cases() {
    SplittableRandom random = new SplittableRandom(7);
    return IntStream.range(0, 40)
        .mapToObj(
            i -> {
              byte[] message = new byte[i * 7];
              random.nextBytes(message);
              byte[] signature = SIGNER.sign(message);
              switch (i % 4) {
                case 1 -> signature[i % signature.length] ^= 1;
                case 2 -> {
                  if (message.length > 0) {
                    message[i % message.length] ^= (byte) 0x80;
                  }
                }
                case 3 -> signature = java.util.Arrays.copyOf(signature, 63);
                default -> {}
              }
              return new byte[][] {message, signature};
            });
  }

  @ParameterizedTest
  @MethodSource("cases")
  void answers_as_the_public_key_does(byte[][] c) {
    VerifyingKey key = VerifyingKey.of(SIGNER.publicKey());
    assertThat(key.verify(c[0], c[1])).isEqualTo(SIGNER.publicKey().verify(c[0], c[1]));
    assertThat(key.base58()).isEqualTo(SIGNER.publicKey().toBase58());
    assertThat(key.publicKey()).isEqualTo(SIGNER.publicKey());
  }

  @org.junit.jupiter.api.Test
  void accepts_a_good_signature_and_rejects_another_signers() {
    byte[] message = "beacon".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    VerifyingKey key = VerifyingKey.of(SIGNER.publicKey());
    assertThat(key.verify(message, SIGNER.sign(message))).isTrue();
    Ed25519KeyPair other = Ed25519KeyPair.fromSeed(Network.MAINNET, new byte[32]);
    assertThat(key.verify(message, other.sign(message))).isFalse();
  }

  @org.junit.jupiter.api.Test
  void refuses_a_key_of_another_type() {
    PublicKey ecc = new PublicKey(Network.MAINNET, KeyType.ECC_COMPACT, new byte[32]);
    assertThatThrownBy(() -> VerifyingKey.of(ecc))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("ED25519 keys only");
  }
}
