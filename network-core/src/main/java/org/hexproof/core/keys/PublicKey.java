package org.hexproof.core.keys;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A network participant's public key in Helium's tagged form: a tag byte {@code network.code() |
 * keyType.code()} followed by 32 key bytes, 33 bytes in all (radio.md §2.4). Its text form is the
 * base58check of those 33 bytes, e.g. {@code 14ab6w719xfTgeZeaLkg4nUUuTDJBDJp4xUVzqkkYB3c5amgUz6}.
 *
 * <p>The key bytes are copied in and out, so instances are immutable. Ed25519 keys are checked to
 * decode to a curve point; the other key types are carried as opaque bytes (an ecc_compact key is
 * the X coordinate of a P-256 point and is not checked here). Keys order by the unsigned bytes of
 * {@link #toBytes()}, which gives deterministic tie-breaks.
 *
 * @param network the network of the tag's high nibble; not null
 * @param keyType the key type of the tag's low nibble; not null
 * @param keyBytes the {@value #KEY_LENGTH} key bytes after the tag; not null
 */
public record PublicKey(Network network, KeyType keyType, byte[] keyBytes)
    implements Comparable<PublicKey> {

  /** Length of the key bytes after the tag byte. */
  public static final int KEY_LENGTH = 32;

  /** Length of the tagged binary form: tag byte plus key bytes. */
  public static final int LENGTH = 1 + KEY_LENGTH;

  /** Length of an Ed25519 signature (RFC 8032 §5.1.6). */
  public static final int ED25519_SIGNATURE_LENGTH = 64;

  /**
   * Validates and copies the parts.
   *
   * @throws MalformedKeyException if {@code keyBytes} is not {@value #KEY_LENGTH} bytes, or the
   *     type is Ed25519 and the bytes are not the encoding of a curve point
   */
  public PublicKey {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(keyBytes, "keyBytes");
    if (keyBytes.length != KEY_LENGTH) {
      throw new MalformedKeyException(
          String.format(
              "public key: expected %d key bytes after the tag, got %d",
              KEY_LENGTH, keyBytes.length));
    }
    keyBytes = keyBytes.clone();
    if (keyType == KeyType.ED25519 && !Ed25519.validatePublicKeyPartial(keyBytes, 0)) {
      throw new MalformedKeyException(
          "public key: expected an Ed25519 point encoding, got bytes that decode to no point: "
              + HexFormat.of().formatHex(keyBytes));
    }
  }

  /**
   * Parses the 33-byte tagged binary form.
   *
   * @param tagged tag byte followed by 32 key bytes; not null
   * @return the key
   * @throws MalformedKeyException if the length is not {@value #LENGTH}, the tag names an unknown
   *     network or key type, or an Ed25519 key is not a curve point
   */
  public static PublicKey fromBytes(byte[] tagged) {
    Objects.requireNonNull(tagged, "tagged");
    if (tagged.length != LENGTH) {
      throw new MalformedKeyException(
          String.format(
              "public key: expected %d bytes (tag byte and %d key bytes), got %d",
              LENGTH, KEY_LENGTH, tagged.length));
    }
    byte tag = tagged[0];
    return new PublicKey(
        Network.fromTag(tag), KeyType.fromTag(tag), Arrays.copyOfRange(tagged, 1, LENGTH));
  }

  /**
   * Parses the base58check text form.
   *
   * @param text base58check of the 33 tagged bytes, version byte {@code 0x00}; not null
   * @return the key
   * @throws MalformedKeyException if the text is not valid base58check (bad character, checksum or
   *     version) or does not hold a valid tagged key
   */
  public static PublicKey fromBase58(String text) {
    return fromBytes(Base58.decodeCheck(text));
  }

  /**
   * The key bytes after the tag.
   *
   * @return a fresh copy of the {@value #KEY_LENGTH} key bytes
   */
  @Override
  public byte[] keyBytes() {
    return keyBytes.clone();
  }

  /**
   * The tag byte: network code in the high nibble, key type code in the low nibble.
   *
   * @return the tag byte
   */
  public byte tag() {
    return (byte) (network.code() | keyType.code());
  }

  /**
   * The 33-byte tagged binary form, as carried in the {@code pub_key} field of signed messages.
   *
   * @return a fresh array: tag byte followed by the key bytes
   */
  public byte[] toBytes() {
    byte[] tagged = new byte[LENGTH];
    tagged[0] = tag();
    System.arraycopy(keyBytes, 0, tagged, 1, KEY_LENGTH);
    return tagged;
  }

  /**
   * The base58check text form.
   *
   * @return the text, as Helium wallets and explorers print it
   */
  public String toBase58() {
    return Base58.encodeCheck(toBytes());
  }

  /**
   * Checks an Ed25519 signature (RFC 8032, pure Ed25519, no context) of a message by this key.
   *
   * @param message the signed bytes; not null
   * @param signature the signature; not null; any length other than {@value
   *     #ED25519_SIGNATURE_LENGTH} is simply not valid
   * @return true if the signature is valid for this key and message
   * @throws UnsupportedOperationException if this is not an Ed25519 key
   */
  public boolean verify(byte[] message, byte[] signature) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    if (keyType != KeyType.ED25519) {
      throw new UnsupportedOperationException(
          "signature verification is implemented for ED25519 keys only, this key is " + keyType);
    }
    if (signature.length != ED25519_SIGNATURE_LENGTH) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(keyBytes));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public int compareTo(PublicKey other) {
    int byTag = Integer.compare(tag() & 0xFF, other.tag() & 0xFF);
    return byTag != 0 ? byTag : Arrays.compareUnsigned(keyBytes, other.keyBytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey that
        && network == that.network
        && keyType == that.keyType
        && Arrays.equals(keyBytes, that.keyBytes);
  }

  @Override
  public int hashCode() {
    // codes rather than enum identity hashes, so the value is the same in every JVM
    return 31 * tag() + Arrays.hashCode(keyBytes);
  }

  /**
   * The base58check text form, as {@link #toBase58()}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return toBase58();
  }
}
