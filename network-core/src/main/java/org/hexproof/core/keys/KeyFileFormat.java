package org.hexproof.core.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Reads and writes Ed25519 key pair files as bytes; the caller does the file I/O (and gives the
 * file owner-only permissions). Two formats are understood:
 *
 * <dl>
 *   <dt>PEM (written and read)
 *   <dd>Standard PKCS#8 (RFC 5208/5958) with the Ed25519 algorithm of RFC 8410: {@code -----BEGIN
 *       PRIVATE KEY-----}, base64 of the DER {@code PrivateKeyInfo}, {@code -----END PRIVATE
 *       KEY-----}. hexproof writes version 1 without the optional public key, 48 DER bytes, exactly
 *       as {@code openssl genpkey -algorithm ed25519} does, so {@code openssl pkey} and the JDK's
 *       {@code KeyFactory "Ed25519"} read it. Reading also accepts version 2 (OneAsymmetricKey) and
 *       then checks its public key. PEM carries no network: the reader's default network applies.
 *   <dt>Helium binary keypair (written and read)
 *   <dd>65 bytes as helium gateway-rs stores its file keypair: tag byte ({@code 0x01} mainnet or
 *       {@code 0x11} testnet Ed25519) ‖ 32-byte secret seed ‖ 32-byte public key. The network comes
 *       from the tag, and the public key must be the one the seed derives.
 * </dl>
 *
 * <p>Anything else is rejected with a {@link MalformedKeyException} naming the expected formats,
 * the length and the first {@value #SHOWN_BYTES} bytes that arrived. Messages never contain more
 * secret material than that.
 */
public final class KeyFileFormat {
  /** Length of a Helium binary Ed25519 keypair: tag, seed, public key. */
  public static final int HELIUM_BINARY_LENGTH =
      1 + Ed25519KeyPair.SEED_LENGTH + PublicKey.KEY_LENGTH;

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static final String PEM_START = "-----BEGIN ";
  private static final int PEM_LINE_LENGTH = 64;

  /** The Ed25519 algorithm identifier (RFC 8410 §3). */
  private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  /**
   * DER of a v1 PKCS#8 PrivateKeyInfo for Ed25519, up to the 32 seed bytes: SEQUENCE { INTEGER 0,
   * SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } } (RFC 8410 §7, §10.3).
   */
  private static final byte[] PKCS8_ED25519_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  /** How many leading bytes of unrecognised content an error message shows. */
  static final int SHOWN_BYTES = 4;

  private KeyFileFormat() {}

  /**
   * Writes the key pair as a PKCS#8 PEM block.
   *
   * @param key the key pair; not null
   * @return US-ASCII PEM text ending in a newline
   */
  public static byte[] writePem(Ed25519KeyPair key) {
    Objects.requireNonNull(key, "key");
    byte[] seed = key.seed();
    byte[] der = Arrays.copyOf(PKCS8_ED25519_PREFIX, PKCS8_ED25519_PREFIX.length + seed.length);
    System.arraycopy(seed, 0, der, PKCS8_ED25519_PREFIX.length, seed.length);
    Arrays.fill(seed, (byte) 0);
    String body = Base64.getMimeEncoder(PEM_LINE_LENGTH, new byte[] {'\n'}).encodeToString(der);
    Arrays.fill(der, (byte) 0);
    return (BEGIN + "\n" + body + "\n" + END + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Writes the key pair in Helium's 65-byte binary keypair format.
   *
   * @param key the key pair; not null
   * @return tag byte ‖ seed ‖ public key bytes
   */
  public static byte[] writeHeliumBinary(Ed25519KeyPair key) {
    Objects.requireNonNull(key, "key");
    PublicKey publicKey = key.publicKey();
    byte[] seed = key.seed();
    byte[] out = new byte[HELIUM_BINARY_LENGTH];
    out[0] = publicKey.tag();
    System.arraycopy(seed, 0, out, 1, seed.length);
    System.arraycopy(publicKey.keyBytes(), 0, out, 1 + seed.length, PublicKey.KEY_LENGTH);
    Arrays.fill(seed, (byte) 0);
    return out;
  }

  /**
   * Reads a key pair in either format, telling them apart by content.
   *
   * @param content the whole file; not null
   * @param defaultNetwork the network for formats that carry none (PEM); not null
   * @return the key pair
   * @throws MalformedKeyException if the content is in neither format, or is damaged, or holds a
   *     public key that does not match its secret
   */
  public static Ed25519KeyPair read(byte[] content, Network defaultNetwork) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(defaultNetwork, "defaultNetwork");
    String text = new String(content, StandardCharsets.ISO_8859_1).strip();
    if (text.startsWith(PEM_START)) {
      return readPem(text, defaultNetwork);
    }
    if (content.length == HELIUM_BINARY_LENGTH) {
      return readHeliumBinary(content);
    }
    throw new MalformedKeyException(
        "key file: expected a PKCS#8 PEM Ed25519 private key (text starting "
            + BEGIN
            + ") or a "
            + HELIUM_BINARY_LENGTH
            + "-byte Helium binary keypair (tag 0x01 or 0x11, seed, public key), got "
            + describe(content));
  }

  private static Ed25519KeyPair readPem(String text, Network network) {
    String firstLine = text.lines().findFirst().orElse("").strip();
    if (!firstLine.equals(BEGIN)) {
      throw new MalformedKeyException(
          "PEM key file: expected " + BEGIN + ", got " + abbreviate(firstLine));
    }
    if (!text.endsWith(END)) {
      throw new MalformedKeyException(
          "PEM key file: expected the last line to be "
              + END
              + ", got "
              + abbreviate(lastLine(text)));
    }
    String body = text.substring(BEGIN.length(), text.length() - END.length());
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body.replaceAll("[ \t\r\n]", ""));
    } catch (IllegalArgumentException e) {
      throw new MalformedKeyException(
          "PEM key file: expected base64 between the BEGIN and END lines, got: " + e.getMessage(),
          e);
    }
    PrivateKeyInfo info = parsePrivateKeyInfo(der);
    if (!ID_ED25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
      throw new MalformedKeyException(
          "PEM key file: expected algorithm Ed25519 (OID "
              + ID_ED25519.getId()
              + "), got OID "
              + info.getPrivateKeyAlgorithm().getAlgorithm().getId());
    }
    byte[] seed = seedOf(info);
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(network, seed);
    Arrays.fill(seed, (byte) 0);
    if (info.hasPublicKey()) {
      checkPublicHalf("PEM key file", key, info.getPublicKeyData().getOctets());
    }
    return key;
  }

  private static PrivateKeyInfo parsePrivateKeyInfo(byte[] der) {
    try {
      return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      // BouncyCastle's ASN.1 parser reports bad input as IOException or as one of several runtime
      // exceptions; all of them mean the same thing here.
    } catch (IOException | RuntimeException e) {
      throw new MalformedKeyException(
          "PEM key file: expected a DER PKCS#8 PrivateKeyInfo, got "
              + der.length
              + " bytes that do not parse: "
              + e.getMessage(),
          e);
    }
  }

  private static byte[] seedOf(PrivateKeyInfo info) {
    byte[] seed;
    try {
      seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
    } catch (IOException | RuntimeException e) {
      throw new MalformedKeyException(
          "PEM key file: expected the Ed25519 private key as an OCTET STRING (RFC 8410"
              + " CurvePrivateKey), got something else: "
              + e.getMessage(),
          e);
    }
    if (seed.length != Ed25519KeyPair.SEED_LENGTH) {
      throw new MalformedKeyException(
          String.format(
              "PEM key file: expected a %d-byte Ed25519 private key, got %d bytes",
              Ed25519KeyPair.SEED_LENGTH, seed.length));
    }
    return seed;
  }

  private static Ed25519KeyPair readHeliumBinary(byte[] content) {
    byte tag = content[0];
    if ((tag & 0x0F) != KeyType.ED25519.code()
        || ((tag & 0xF0) != Network.MAINNET.code() && (tag & 0xF0) != Network.TESTNET.code())) {
      throw new MalformedKeyException(
          String.format(
              "Helium keypair file: expected tag byte 0x01 (mainnet ed25519) or 0x11 (testnet"
                  + " ed25519), got 0x%02x",
              tag & 0xFF));
    }
    byte[] seed = Arrays.copyOfRange(content, 1, 1 + Ed25519KeyPair.SEED_LENGTH);
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(Network.fromTag(tag), seed);
    Arrays.fill(seed, (byte) 0);
    checkPublicHalf(
        "Helium keypair file",
        key,
        Arrays.copyOfRange(content, 1 + Ed25519KeyPair.SEED_LENGTH, HELIUM_BINARY_LENGTH));
    return key;
  }

  private static void checkPublicHalf(String format, Ed25519KeyPair key, byte[] stored) {
    if (!MessageDigest.isEqual(key.publicKey().keyBytes(), stored)) {
      throw new MalformedKeyException(
          format
              + ": expected the stored public key to be the one the secret derives ("
              + HexFormat.of().formatHex(key.publicKey().keyBytes())
              + "), got "
              + HexFormat.of().formatHex(stored));
    }
  }

  private static String describe(byte[] content) {
    if (content.length == 0) {
      return "0 bytes (empty file)";
    }
    int shown = Math.min(SHOWN_BYTES, content.length);
    return content.length
        + " bytes starting 0x"
        + HexFormat.of().formatHex(content, 0, shown)
        + (shown < content.length ? "…" : "");
  }

  private static String lastLine(String text) {
    int newline = text.lastIndexOf('\n');
    return newline < 0 ? text : text.substring(newline + 1);
  }

  private static String abbreviate(String line) {
    int max = 40;
    return "\"" + (line.length() <= max ? line : line.substring(0, max) + "…") + "\"";
  }
}
