package org.hexproof.core.report;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Objects;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.keys.VerifyingKey;

/**
 * Applies the signing rule of {@link org.hexproof.core.report} to any protobuf message that has
 * {@code bytes pub_key} and {@code bytes signature} fields, such as {@code BeaconReport}, {@code
 * WitnessReport}, {@code EntropyReport}, {@code HotspotOnboarding} and {@code LocationAssertion}.
 */
public final class SignedMessages {
  /** Name of the field holding the signer's 33-byte tagged public key. */
  public static final String PUB_KEY_FIELD = "pub_key";

  /** Name of the field holding the Ed25519 signature. */
  public static final String SIGNATURE_FIELD = "signature";

  private SignedMessages() {}

  /**
   * Signs a message: returns a copy with {@code pub_key} set to the key's public key and {@code
   * signature} set to the Ed25519 signature of the {@linkplain #signingBytes signing bytes}. Any
   * {@code pub_key} or {@code signature} already present is replaced.
   *
   * @param <M> the message type
   * @param message the message to sign; not null
   * @param key the signer; not null
   * @return the signed copy, of the same type
   * @throws IllegalArgumentException if the message type has no {@code bytes pub_key} or {@code
   *     bytes signature} field
   */
  public static <M extends Message> M sign(M message, Ed25519KeyPair key) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(key, "key");
    Descriptor type = message.getDescriptorForType();
    FieldDescriptor pubKeyField = bytesField(type, PUB_KEY_FIELD);
    FieldDescriptor signatureField = bytesField(type, SIGNATURE_FIELD);
    Message unsigned =
        message.toBuilder()
            .setField(pubKeyField, ByteString.copyFrom(key.publicKey().toBytes()))
            .clearField(signatureField)
            .build();
    byte[] signature = key.sign(unsigned.toByteArray());
    Message signed =
        unsigned.toBuilder().setField(signatureField, ByteString.copyFrom(signature)).build();
    return sameType(message, signed);
  }

  /**
   * Checks a message's signature against the public key in its {@code pub_key} field.
   *
   * @param message a signed message; not null
   * @return true if {@code signature} is a valid Ed25519 signature of the signing bytes by the key
   *     in {@code pub_key}; false if not, including when {@code signature} is empty or of the wrong
   *     length
   * @throws MalformedKeyException if {@code pub_key} is not a valid 33-byte tagged public key (for
   *     example empty), so that ingest can report why
   * @throws UnsupportedOperationException if {@code pub_key} is a valid key of a type other than
   *     Ed25519, which hexproof cannot verify
   * @throws IllegalArgumentException if the message type has no {@code bytes pub_key} or {@code
   *     bytes signature} field
   */
  public static boolean verify(Message message) {
    Objects.requireNonNull(message, "message");
    Descriptor type = message.getDescriptorForType();
    FieldDescriptor pubKeyField = bytesField(type, PUB_KEY_FIELD);
    FieldDescriptor signatureField = bytesField(type, SIGNATURE_FIELD);
    PublicKey signer =
        PublicKey.fromBytes(((ByteString) message.getField(pubKeyField)).toByteArray());
    byte[] signature = ((ByteString) message.getField(signatureField)).toByteArray();
    byte[] signed = message.toBuilder().clearField(signatureField).build().toByteArray();
    return signer.verify(signed, signature);
  }

  /**
   * Checks a message's signature against a prepared key, with the same answer as {@link
   * #verify(Message)} when {@code pub_key} holds that key.
   *
   * @param message a signed message; not null
   * @param key the key, decoded once; not null
   * @return true if {@code pub_key} holds exactly {@code key} and {@code signature} is a valid
   *     Ed25519 signature of the signing bytes by it; false otherwise
   * @throws IllegalArgumentException if the message type has no {@code bytes pub_key} or {@code
   *     bytes signature} field
   */
  public static boolean verify(Message message, VerifyingKey key) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(key, "key");
    Descriptor type = message.getDescriptorForType();
    FieldDescriptor pubKeyField = bytesField(type, PUB_KEY_FIELD);
    FieldDescriptor signatureField = bytesField(type, SIGNATURE_FIELD);
    ByteString named = (ByteString) message.getField(pubKeyField);
    if (!named.equals(ByteString.copyFrom(key.publicKey().toBytes()))) {
      return false;
    }
    byte[] signature = ((ByteString) message.getField(signatureField)).toByteArray();
    byte[] signed = message.toBuilder().clearField(signatureField).build().toByteArray();
    return key.verify(signed, signature);
  }

  /**
   * The bytes the signature covers: the message encoded with {@code signature} empty and every
   * other field, including {@code pub_key}, as it is.
   *
   * @param message a message of a signed type; not null
   * @return the protobuf encoding without the signature
   * @throws IllegalArgumentException if the message type has no {@code bytes pub_key} or {@code
   *     bytes signature} field
   */
  public static byte[] signingBytes(Message message) {
    Objects.requireNonNull(message, "message");
    Descriptor type = message.getDescriptorForType();
    bytesField(type, PUB_KEY_FIELD);
    FieldDescriptor signatureField = bytesField(type, SIGNATURE_FIELD);
    return message.toBuilder().clearField(signatureField).build().toByteArray();
  }

  private static FieldDescriptor bytesField(Descriptor type, String name) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field == null || field.isRepeated() || field.getType() != FieldDescriptor.Type.BYTES) {
      throw new IllegalArgumentException(
          "message type "
              + type.getFullName()
              + " is not a signed message: expected a singular bytes field '"
              + name
              + "', got "
              + (field == null
                  ? "none"
                  : field.getType() + (field.isRepeated() ? " repeated" : "")));
    }
    return field;
  }

  // Message.Builder.build() is typed Message; toBuilder() of an M builds an M by protobuf's
  // contract.
  @SuppressWarnings("unchecked")
  private static <M extends Message> M sameType(M original, Message copy) {
    return (M) original.getClass().cast(copy);
  }
}
