package org.hexproof.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * CPU time of one BouncyCastle Ed25519 verification of a 140-byte message on one thread, measured
 * with the thread's CPU clock: unlike a rate per wall second it does not fall when other processes
 * share the cores, so {@code cores / cpu} is the signature ceiling of a machine left to this work.
 */
final class SignatureCpu {
  private SignatureCpu() {}

  /** Microseconds of CPU per verification, after a warm-up, over about {@code millis} of CPU. */
  static double microsPerVerify(long seed, long millis) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(secret, 0);
    Ed25519PublicKeyParameters pub = key.generatePublicKey();
    byte[][] messages = new byte[64][140];
    byte[][] signatures = new byte[64][];
    for (int i = 0; i < messages.length; i++) {
      random.nextBytes(messages[i]);
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, key);
      signer.update(messages[i], 0, messages[i].length);
      signatures[i] = signer.generateSignature();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Ed25519Signer verifier = new Ed25519Signer();
    int ok = 0;
    for (int round = 0; round < 2; round++) {
      long start = threads.getCurrentThreadCpuTime();
      long n = 0;
      while (threads.getCurrentThreadCpuTime() - start < millis * 1_000_000L) {
        for (int i = 0; i < messages.length; i++, n++) {
          verifier.init(false, pub);
          verifier.update(messages[i], 0, messages[i].length);
          ok += verifier.verifySignature(signatures[i]) ? 1 : 0;
        }
      }
      if (round == 1) {
        if (ok == 0) {
          throw new IllegalStateException("no signature verified");
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / n;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
