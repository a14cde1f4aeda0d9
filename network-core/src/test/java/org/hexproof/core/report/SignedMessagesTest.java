package org.hexproof.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.keys.VerifyingKey;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.Capability;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.proto.Region;
import org.hexproof.core.proto.WitnessReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignedMessagesTest {
  private static final Ed25519KeyPair HOTSPOT =
      Ed25519KeyPair.fromSeed(
          Network.MAINNET,
          HexFormat.of()
              .parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
  private static final Ed25519KeyPair OTHER =
      Ed25519KeyPair.generate(Network.MAINNET, new SecureRandom());

  /** One message of every signed type, with every field other than the two signing ones set. */
  static Stream<Message> unsignedMessages() {
    return Stream.of(
        BeaconReport.newBuilder()
            .setLocalEntropy(bytes(4, 1))
            .setRemoteEntropy(bytes(32, 2))
            .setData(bytes(51, 3))
            .setFrequencyHz(868_100_000L)
            .setChannel(2)
            .setDatarate(DataRate.SF7BW125)
            .setTxPowerDbm(14)
            .setTimestampNs(1_700_000_000_000_000_000L)
            .setTmstUs((int) 3_512_348_611L) // uint32 travels as a Java int
            .build(),
        WitnessReport.newBuilder()
            .setData(bytes(51, 3))
            .setTimestampNs(1_700_000_000_100_000_000L)
            .setTmstUs(123_456)
            .setSignalDdbm(-1105)
            .setSnrDdb(-75)
            .setFrequencyHz(868_100_000L)
            .setDatarate(DataRate.SF12BW125)
            .build(),
        EntropyReport.newBuilder()
            .setData(bytes(32, 4))
            .setTimestampS(1_700_000_000L)
            .setVersion(1)
            .build(),
        HotspotOnboarding.newBuilder()
            .setOwnerPubKey(ByteString.copyFrom(OTHER.publicKey().toBytes()))
            .setCapability(Capability.DATA_ONLY)
            .setTimestampMs(1_700_000_000_000L)
            .build(),
        LocationAssertion.newBuilder()
            .setH3Cell(0x8c1fb46622dffffL)
            .setGainDdbi(12)
            .setElevationM(5)
            .setRegion(Region.EU868)
            .setNonce(3)
            .setTimestampMs(1_700_000_000_000L)
            .build());
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void verifies_signed_message_of_each_type(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);

    assertThat(signed).isInstanceOf(message.getClass());
    assertThat(pubKey(signed)).isEqualTo(HOTSPOT.publicKey());
    assertThat(signature(signed)).hasSize(64);
    assertThat(SignedMessages.verify(signed)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void signs_the_encoding_with_empty_signature_and_pub_key_set(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);
    byte[] expected =
        set(message, SignedMessages.PUB_KEY_FIELD, HOTSPOT.publicKey().toBytes()).toByteArray();

    assertThat(SignedMessages.signingBytes(signed)).isEqualTo(expected);
    assertThat(HOTSPOT.publicKey().verify(expected, signature(signed))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void signature_does_not_cover_itself(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);
    Message resigned = set(signed, SignedMessages.SIGNATURE_FIELD, new byte[64]);

    assertThat(SignedMessages.signingBytes(resigned))
        .isEqualTo(SignedMessages.signingBytes(signed));
    assertThat(SignedMessages.verify(resigned)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void rejects_message_with_any_field_changed_after_signing(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);
    for (FieldDescriptor field : signed.getDescriptorForType().getFields()) {
      if (field.getName().equals(SignedMessages.PUB_KEY_FIELD)
          || field.getName().equals(SignedMessages.SIGNATURE_FIELD)) {
        continue;
      }
      Message tampered = signed.toBuilder().setField(field, changed(signed, field)).build();
      assertThat(SignedMessages.verify(tampered)).as("%s changed", field.getName()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void rejects_signature_over_tampered_message(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);
    byte[] signature = signature(signed);
    IntStream.range(0, signature.length)
        .forEach(
            i -> {
              byte[] tampered = signature.clone();
              tampered[i] ^= 0x40;
              assertThat(
                      SignedMessages.verify(set(signed, SignedMessages.SIGNATURE_FIELD, tampered)))
                  .as("signature byte %d flipped", i)
                  .isFalse();
            });
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void rejects_message_claiming_another_signer(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);

    Message claimed = set(signed, SignedMessages.PUB_KEY_FIELD, OTHER.publicKey().toBytes());

    assertThat(SignedMessages.verify(claimed)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void verifies_with_a_prepared_key_as_without(Message message) {
    Message signed = SignedMessages.sign(message, HOTSPOT);
    VerifyingKey key = VerifyingKey.of(HOTSPOT.publicKey());
    byte[] flipped = signature(signed);
    flipped[5] ^= 0x01;
    Message tampered = set(signed, SignedMessages.SIGNATURE_FIELD, flipped);

    assertThat(SignedMessages.verify(signed, key)).isTrue();
    assertThat(SignedMessages.verify(tampered, key)).isFalse();
    assertThat(SignedMessages.verify(tampered)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void a_prepared_key_refuses_a_message_naming_another_key(Message message) {
    Message signedByOther = SignedMessages.sign(message, OTHER);

    // the signature is good, but for the key the message names, not for the prepared one
    assertThat(SignedMessages.verify(signedByOther)).isTrue();
    assertThat(SignedMessages.verify(signedByOther, VerifyingKey.of(HOTSPOT.publicKey())))
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void replaces_earlier_pub_key_and_signature_when_signing_again(Message message) {
    Message resigned = SignedMessages.sign(SignedMessages.sign(message, OTHER), HOTSPOT);

    assertThat(pubKey(resigned)).isEqualTo(HOTSPOT.publicKey());
    assertThat(resigned).isEqualTo(SignedMessages.sign(message, HOTSPOT));
    assertThat(SignedMessages.verify(resigned)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void rejects_message_without_signature(Message message) {
    Message unsigned = set(message, SignedMessages.PUB_KEY_FIELD, HOTSPOT.publicKey().toBytes());

    assertThat(SignedMessages.verify(unsigned)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("unsignedMessages")
  void throws_malformed_key_for_message_without_pub_key(Message message) {
    assertThatThrownBy(() -> SignedMessages.verify(message))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("public key: expected 33 bytes (tag byte and 32 key bytes), got 0");
  }

  @Test
  void refuses_to_verify_ecc_compact_signer() {
    PublicKey eccCompact =
        PublicKey.fromBase58("112bUuQaE7j73THS9ABShHGokm46Miip9L361FSyWv7zSYn8hZWf");
    BeaconReport report =
        BeaconReport.newBuilder()
            .setPubKey(ByteString.copyFrom(eccCompact.toBytes()))
            .setSignature(bytes(70, 9))
            .build();

    assertThat(eccCompact.keyType()).isEqualTo(KeyType.ECC_COMPACT);
    assertThatThrownBy(() -> SignedMessages.verify(report))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("ECC_COMPACT");
  }

  @Test
  void rejects_message_type_without_signing_fields_naming_the_type() {
    Timestamp notSigned = Timestamp.newBuilder().setSeconds(1).build();

    assertThatThrownBy(() -> SignedMessages.sign(notSigned, HOTSPOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "message type google.protobuf.Timestamp is not a signed message: expected a singular"
                + " bytes field 'pub_key', got none");
    assertThatThrownBy(() -> SignedMessages.verify(notSigned))
        .hasMessageContaining("google.protobuf.Timestamp");
    assertThatThrownBy(() -> SignedMessages.signingBytes(notSigned))
        .hasMessageContaining("google.protobuf.Timestamp");
  }

  private static ByteString bytes(int length, int fill) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) (fill + i);
    }
    return ByteString.copyFrom(out);
  }

  private static Message set(Message message, String fieldName, byte[] value) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(fieldName);
    return message.toBuilder().setField(field, ByteString.copyFrom(value)).build();
  }

  private static PublicKey pubKey(Message message) {
    FieldDescriptor field =
        message.getDescriptorForType().findFieldByName(SignedMessages.PUB_KEY_FIELD);
    return PublicKey.fromBytes(((ByteString) message.getField(field)).toByteArray());
  }

  private static byte[] signature(Message message) {
    FieldDescriptor field =
        message.getDescriptorForType().findFieldByName(SignedMessages.SIGNATURE_FIELD);
    return ((ByteString) message.getField(field)).toByteArray();
  }

  /** A different value of the field's type, so any field can be tampered with generically. */
  private static Object changed(Message message, FieldDescriptor field) {
    Object value = message.getField(field);
    switch (field.getJavaType()) {
      case BYTE_STRING:
        return ((ByteString) value).concat(ByteString.copyFrom(new byte[] {1}));
      case LONG:
        return (Long) value + 1;
      case INT:
        return (Integer) value + 1;
      case ENUM:
        return field.getEnumType().getValues().stream()
            .filter(v -> !v.equals(value))
            .findFirst()
            .map(EnumValueDescriptor.class::cast)
            .orElseThrow();
      default:
        throw new IllegalStateException("no tampering for " + field.getJavaType());
    }
  }
}
