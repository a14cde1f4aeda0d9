package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 §7.1 known answers, from {@code vectors/ed25519-rfc8032.json}. */
class Ed25519Rfc8032Test {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> vectors() {
    try (InputStream in =
        Ed25519Rfc8032Test.class.getResourceAsStream("/vectors/ed25519-rfc8032.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      return StreamSupport.stream(root.get("vectors").spliterator(), false)
          .map(
              v ->
                  Arguments.of(
                      v.get("description").asText(),
                      HEX.parseHex(v.get("secretKey").asText()),
                      HEX.parseHex(v.get("publicKey").asText()),
                      HEX.parseHex(v.get("message").asText()),
                      HEX.parseHex(v.get("signature").asText())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void derives_known_public_key_from_seed(
      String description, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.MAINNET, seed);

    assertThat(key.publicKey().keyBytes()).isEqualTo(publicKey);
    assertThat(key.seed()).isEqualTo(seed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signs_message_to_known_signature(
      String description, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
    assertThat(Ed25519KeyPair.fromSeed(Network.MAINNET, seed).sign(message)).isEqualTo(signature);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void verifies_known_signature(
      String description, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
    PublicKey key = new PublicKey(Network.MAINNET, KeyType.ED25519, publicKey);

    assertThat(key.verify(message, signature)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejects_known_signature_with_one_bit_flipped(
      String description, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
    PublicKey key = new PublicKey(Network.MAINNET, KeyType.ED25519, publicKey);
    for (int i = 0; i < signature.length; i++) {
      byte[] tampered = signature.clone();
      tampered[i] ^= 0x01;
      assertThat(key.verify(message, tampered)).as("bit 0 of byte %d flipped", i).isFalse();
    }
  }
}
