package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base58Test {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Bitcoin Core's base58_encode_decode.json cases plus edge cases; each checked by hand-rolled
   * python3 ({@code int.from_bytes} then repeated {@code divmod(n, 58)}, one '1' per leading zero).
   */
  static Stream<Arguments> knownAnswers() {
    return Stream.of(
        Arguments.of("", ""),
        Arguments.of("00", "1"),
        Arguments.of("000001", "112"),
        Arguments.of("61", "2g"),
        Arguments.of("626262", "a3gV"),
        Arguments.of("636363", "aPEr"),
        Arguments.of("68656c6c6f20776f726c64", "StV1DL6CwTryKyV"),
        Arguments.of("0000287fb4cd", "11233QC4"),
        Arguments.of("516b6fcd0f", "ABnLTmg"),
        Arguments.of("572e4794", "3EFU7m"),
        Arguments.of("ecac89cad93923c02321", "EJDM8drfXA6uyA"),
        Arguments.of("10c8511e", "Rt5zm"),
        Arguments.of("00000000000000000000", "1111111111"),
        Arguments.of("ff", "5Q"),
        Arguments.of("0100", "5R"));
  }

  @ParameterizedTest
  @MethodSource("knownAnswers")
  void encodes_known_answers(String hex, String text) {
    assertThat(Base58.encode(HEX.parseHex(hex))).isEqualTo(text);
  }

  @ParameterizedTest
  @MethodSource("knownAnswers")
  void decodes_known_answers(String hex, String text) {
    assertThat(HEX.formatHex(Base58.decode(text))).isEqualTo(hex);
  }

  @Property
  void decode_inverts_encode_including_leading_zeros(
      @ForAll @IntRange(max = 6) int leadingZeros, @ForAll @Size(max = 80) byte[] tail) {
    byte[] data = new byte[leadingZeros + tail.length];
    System.arraycopy(tail, 0, data, leadingZeros, tail.length);

    assertThat(Base58.decode(Base58.encode(data))).isEqualTo(data);
  }

  @Property
  void encode_inverts_decode_for_any_alphabet_text(
      @ForAll
          @StringLength(max = 60)
          @CharRange(from = '1', to = '9')
          @CharRange(from = 'A', to = 'H')
          @CharRange(from = 'J', to = 'N')
          @CharRange(from = 'P', to = 'Z')
          @CharRange(from = 'a', to = 'k')
          @CharRange(from = 'm', to = 'z')
          String text) {
    assertThat(Base58.encode(Base58.decode(text))).isEqualTo(text);
  }

  @Property
  void decode_check_inverts_encode_check(@ForAll @Size(max = 40) byte[] data) {
    assertThat(Base58.decodeCheck(Base58.encodeCheck(data))).isEqualTo(data);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "O", "I", "l", "+", " ", "é"})
  void rejects_characters_outside_the_bitcoin_alphabet(String bad) {
    assertThatThrownBy(() -> Base58.decode("2g" + bad + "2g"))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("expected a character of the Bitcoin alphabet")
        .hasMessageContaining("'" + bad + "'")
        .hasMessageContaining("at index 2");
  }

  @Test
  void rejects_check_text_with_bad_checksum() {
    byte[] full = Base58.decode(Base58.encodeCheck(new byte[] {1, 2, 3}));
    full[full.length - 1] ^= 0x01;

    assertThatThrownBy(() -> Base58.decodeCheck(Base58.encode(full)))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("expected checksum");
  }

  @Test
  void rejects_check_text_with_wrong_version() throws NoSuchAlgorithmException {
    byte[] versioned = {0x05, 1, 2, 3};
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] checksum = Arrays.copyOf(sha256.digest(sha256.digest(versioned)), 4);
    byte[] full = Arrays.copyOf(versioned, versioned.length + 4);
    System.arraycopy(checksum, 0, full, versioned.length, 4);

    assertThatThrownBy(() -> Base58.decodeCheck(Base58.encode(full)))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("base58check: expected version byte 0x00, got 0x05");
  }

  @Test
  void rejects_check_text_too_short_for_version_and_checksum() {
    assertThatThrownBy(() -> Base58.decodeCheck("2g"))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("base58check: expected at least 5 bytes (version and checksum), got 1");
  }
}
