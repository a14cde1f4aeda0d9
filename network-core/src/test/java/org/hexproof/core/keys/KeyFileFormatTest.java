package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyFileFormatTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SEED =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] PUBLIC =
      HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final byte[] MESSAGE = "witness".getBytes(StandardCharsets.US_ASCII);

  /**
   * What {@code openssl genpkey}-style PKCS#8 output looks like for the RFC 8032 TEST 1 seed;
   * produced by python3 cryptography 48.0.0 (OpenSSL 3 backend), {@code PrivateFormat.PKCS8}.
   */
  private static final String OPENSSL_PEM =
      "-----BEGIN PRIVATE KEY-----\n"
          + "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
          + "-----END PRIVATE KEY-----\n";

  @Test
  void writes_pem_byte_identical_to_openssl() {
    byte[] pem = KeyFileFormat.writePem(Ed25519KeyPair.fromSeed(Network.MAINNET, SEED));

    assertThat(new String(pem, StandardCharsets.US_ASCII)).isEqualTo(OPENSSL_PEM);
  }

  @ParameterizedTest
  @EnumSource(Network.class)
  void reads_back_written_pem_with_default_network(Network network) {
    Ed25519KeyPair key = Ed25519KeyPair.generate(Network.MAINNET, new SecureRandom());

    Ed25519KeyPair read = KeyFileFormat.read(KeyFileFormat.writePem(key), network);

    assertThat(read.seed()).isEqualTo(key.seed());
    assertThat(read.network()).isEqualTo(network);
    assertThat(read.publicKey().keyBytes()).isEqualTo(key.publicKey().keyBytes());
    assertThat(KeyFileFormat.writePem(read)).isEqualTo(KeyFileFormat.writePem(key));
  }

  @Test
  void written_pem_is_read_by_the_jdk_as_the_same_key() throws GeneralSecurityException {
    Ed25519KeyPair key = Ed25519KeyPair.generate(Network.MAINNET, new SecureRandom());
    PrivateKey jdkKey =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new PKCS8EncodedKeySpec(derOf(KeyFileFormat.writePem(key))));

    Signature jdkSigner = Signature.getInstance("Ed25519");
    jdkSigner.initSign(jdkKey);
    jdkSigner.update(MESSAGE);
    byte[] jdkSignature = jdkSigner.sign();

    assertThat(((EdECPrivateKey) jdkKey).getBytes()).hasValue(key.seed());
    assertThat(key.publicKey().verify(MESSAGE, jdkSignature)).isTrue();
    assertThat(jdkSignature).isEqualTo(key.sign(MESSAGE));
  }

  @Test
  void reads_pem_written_by_the_jdk() throws GeneralSecurityException {
    KeyPair jdkPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\r\n"
            + Base64.getMimeEncoder().encodeToString(jdkPair.getPrivate().getEncoded())
            + "\r\n-----END PRIVATE KEY-----\r\n";

    Ed25519KeyPair read =
        KeyFileFormat.read(pem.getBytes(StandardCharsets.US_ASCII), Network.TESTNET);

    byte[] spki = jdkPair.getPublic().getEncoded();
    assertThat(read.publicKey().keyBytes())
        .isEqualTo(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
  }

  @Test
  void reads_pkcs8_v2_pem_and_checks_its_public_key() throws IOException {
    Ed25519KeyPair read = KeyFileFormat.read(pemV2(SEED, PUBLIC), Network.MAINNET);
    assertThat(read.publicKey().keyBytes()).isEqualTo(PUBLIC);

    byte[] wrongPublic = PUBLIC.clone();
    wrongPublic[31] ^= 1;
    assertThatThrownBy(() -> KeyFileFormat.read(pemV2(SEED, wrongPublic), Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("PEM key file: expected the stored public key");
  }

  @Test
  void rejects_pem_of_another_algorithm_naming_its_oid() {
    byte[] der = derOf(OPENSSL_PEM.getBytes(StandardCharsets.US_ASCII));
    der[11] = 0x6E; // 1.3.101.112 (Ed25519) -> 1.3.101.110 (X25519)

    assertThatThrownBy(() -> KeyFileFormat.read(pem("PRIVATE KEY", der), Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage(
            "PEM key file: expected algorithm Ed25519 (OID 1.3.101.112), got OID 1.3.101.110");
  }

  @Test
  void rejects_pem_with_another_label() {
    byte[] content = pem("EC PRIVATE KEY", new byte[] {0x30, 0x00});

    assertThatThrownBy(() -> KeyFileFormat.read(content, Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage(
            "PEM key file: expected -----BEGIN PRIVATE KEY-----, got"
                + " \"-----BEGIN EC PRIVATE KEY-----\"");
  }

  @Test
  void rejects_pem_with_broken_base64_or_der() {
    byte[] badBase64 =
        "-----BEGIN PRIVATE KEY-----\nMC4*\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] badDer = pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01});

    assertThatThrownBy(() -> KeyFileFormat.read(badBase64, Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageStartingWith("PEM key file: expected base64");
    assertThatThrownBy(() -> KeyFileFormat.read(badDer, Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageStartingWith("PEM key file: expected a DER PKCS#8 PrivateKeyInfo, got 4 bytes");
  }

  @Test
  void reads_helium_binary_keypair_with_network_from_tag() {
    byte[] mainnet = heliumBinary((byte) 0x01, SEED, PUBLIC);
    byte[] testnet = heliumBinary((byte) 0x11, SEED, PUBLIC);

    Ed25519KeyPair fromMainnet = KeyFileFormat.read(mainnet, Network.TESTNET);
    Ed25519KeyPair fromTestnet = KeyFileFormat.read(testnet, Network.MAINNET);

    assertThat(fromMainnet.network()).isEqualTo(Network.MAINNET);
    assertThat(fromMainnet.publicKey().keyBytes()).isEqualTo(PUBLIC);
    assertThat(fromMainnet.seed()).isEqualTo(SEED);
    assertThat(fromTestnet.network()).isEqualTo(Network.TESTNET);
    assertThat(KeyFileFormat.writeHeliumBinary(fromMainnet)).isEqualTo(mainnet);
    assertThat(KeyFileFormat.writeHeliumBinary(fromTestnet)).isEqualTo(testnet);
  }

  @Test
  void rejects_helium_binary_keypair_with_mismatched_public_half() {
    byte[] wrongPublic = PUBLIC.clone();
    wrongPublic[0] ^= 1;

    assertThatThrownBy(
            () -> KeyFileFormat.read(heliumBinary((byte) 0x01, SEED, wrongPublic), Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage(
            "Helium keypair file: expected the stored public key to be the one the secret derives"
                + " (%s), got %s",
            HEX.formatHex(PUBLIC), HEX.formatHex(wrongPublic));
  }

  @Test
  void rejects_helium_binary_keypair_of_other_key_type() {
    assertThatThrownBy(
            () -> KeyFileFormat.read(heliumBinary((byte) 0x00, SEED, PUBLIC), Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage(
            "Helium keypair file: expected tag byte 0x01 (mainnet ed25519) or 0x11 (testnet"
                + " ed25519), got 0x00");
  }

  @Test
  void rejects_garbage_naming_expected_formats_length_and_first_bytes() {
    byte[] garbage = "hello, key".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> KeyFileFormat.read(garbage, Network.MAINNET))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage(
            "key file: expected a PKCS#8 PEM Ed25519 private key (text starting -----BEGIN"
                + " PRIVATE KEY-----) or a 65-byte Helium binary keypair (tag 0x01 or 0x11, seed,"
                + " public key), got 10 bytes starting 0x68656c6c…");
    assertThatThrownBy(() -> KeyFileFormat.read(new byte[0], Network.MAINNET))
        .hasMessageEndingWith("got 0 bytes (empty file)");
  }

  private static byte[] heliumBinary(byte tag, byte[] seed, byte[] publicKey) {
    byte[] out = new byte[65];
    out[0] = tag;
    System.arraycopy(seed, 0, out, 1, 32);
    System.arraycopy(publicKey, 0, out, 33, 32);
    return out;
  }

  private static byte[] pemV2(byte[] seed, byte[] publicKey) throws IOException {
    PrivateKeyInfo info =
        new PrivateKeyInfo(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.112")),
            new DEROctetString(seed),
            null,
            publicKey);
    return pem("PRIVATE KEY", info.getEncoded());
  }

  private static byte[] pem(String label, byte[] der) {
    return ("-----BEGIN "
            + label
            + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END "
            + label
            + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] derOf(byte[] pem) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
