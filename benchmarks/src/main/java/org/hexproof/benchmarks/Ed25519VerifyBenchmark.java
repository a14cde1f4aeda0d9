package org.hexproof.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifies one fixed Ed25519 signature over a 100-byte message, once with BouncyCastle's low-level
 * {@link Ed25519Signer} and once with the JDK's {@code Signature.getInstance("Ed25519")} (SunEC).
 * Both verifiers are built from the same 32-byte seed and check the same signature, so the only
 * difference is the implementation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519VerifyBenchmark {

  /** Bytes in the signed message: the size of a typical serialised witness report. */
  static final int MESSAGE_BYTES = 100;

  private static final long SEED = 0x6865_7870_726f_6f66L; // "hexproof"

  // DER prefixes that wrap a raw 32-byte Ed25519 key (RFC 8410 section 4 and section 7).
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

  private byte[] message;
  private byte[] signature;
  private Ed25519Signer bouncyVerifier;
  private Signature jdkVerifier;

  /**
   * Derives the key pair from {@link #SEED}, signs the message, and checks that both verifiers
   * accept the signature and reject a tampered copy, so the benchmark cannot time a failing path.
   *
   * @throws GeneralSecurityException if the JDK has no usable Ed25519 provider
   */
  @Setup
  public void setUp() throws GeneralSecurityException {
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] seed = new byte[Ed25519PrivateKeyParameters.KEY_SIZE];
    random.nextBytes(seed);
    message = new byte[MESSAGE_BYTES];
    random.nextBytes(message);

    Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    signature = signer.generateSignature();

    KeyFactory keys = KeyFactory.getInstance("Ed25519");
    PublicKey jdkPublic =
        keys.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey.getEncoded())));
    PrivateKey jdkPrivate =
        keys.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    Signature jdkSigner = Signature.getInstance("Ed25519");
    jdkSigner.initSign(jdkPrivate);
    jdkSigner.update(message);
    // Ed25519 is deterministic (RFC 8032), so equal signatures prove both sides hold the same key.
    check(Arrays.equals(signature, jdkSigner.sign()), "JDK and BouncyCastle signatures differ");

    bouncyVerifier = new Ed25519Signer();
    bouncyVerifier.init(false, publicKey);
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkVerifier.initVerify(jdkPublic);
    check(
        "SunEC".equals(jdkVerifier.getProvider().getName()),
        "expected the SunEC provider, got " + jdkVerifier.getProvider().getName());

    // Tamper with the low byte of S (bytes 32..63), not R: SunEC throws "Invalid point" when R
    // does not decode, while a changed S is well formed and must simply fail verification.
    byte[] tampered = signature.clone();
    tampered[32] ^= 0x01;
    check(bouncyVerify(signature), "BouncyCastle rejects the valid signature");
    check(jdkVerify(signature), "JDK rejects the valid signature");
    check(!bouncyVerify(tampered), "BouncyCastle accepts a tampered signature");
    check(!jdkVerify(tampered), "JDK accepts a tampered signature");
  }

  /**
   * Verifies the signature with BouncyCastle's low-level signer.
   *
   * @return {@code true}, as checked in {@link #setUp()}
   */
  @Benchmark
  public boolean bouncyCastle() {
    return bouncyVerify(signature);
  }

  /**
   * Verifies the signature with the JDK's SunEC provider.
   *
   * @return {@code true}, as checked in {@link #setUp()}
   * @throws GeneralSecurityException never for this fixed signature
   */
  @Benchmark
  public boolean jdk() throws GeneralSecurityException {
    return jdkVerify(signature);
  }

  private boolean bouncyVerify(byte[] candidate) {
    bouncyVerifier.update(message, 0, message.length);
    return bouncyVerifier.verifySignature(candidate);
  }

  private boolean jdkVerify(byte[] candidate) throws GeneralSecurityException {
    jdkVerifier.update(message);
    return jdkVerifier.verify(candidate);
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException(failure);
    }
  }

  private static byte[] concat(byte[] head, byte[] tail) {
    byte[] joined = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, joined, head.length, tail.length);
    return joined;
  }

  private static byte[] hex(String digits) {
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
