package org.hexproof.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The raw signature ceiling of a report pipeline: BouncyCastle's low-level {@link Ed25519Signer}
 * verifying pre-signed messages of report size in a closed loop on a given number of threads, with
 * no parsing, I/O or allocation besides the signer's own. Every verification is checked to succeed.
 */
final class Ed25519Ceiling {
  private static final int MESSAGES = 256;
  private static final int MESSAGE_BYTES = 140;

  private final byte[][] messages = new byte[MESSAGES][];
  private final byte[][] signatures = new byte[MESSAGES][];
  private final Ed25519PublicKeyParameters publicKey;

  Ed25519Ceiling(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(secret, 0);
    publicKey = privateKey.generatePublicKey();
    for (int i = 0; i < MESSAGES; i++) {
      messages[i] = new byte[MESSAGE_BYTES];
      random.nextBytes(messages[i]);
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, privateKey);
      signer.update(messages[i], 0, MESSAGE_BYTES);
      signatures[i] = signer.generateSignature();
    }
  }

  /**
   * Verifications per second on {@code threads} threads over {@code millis} ms (after a warm-up of
   * the same length on each thread).
   */
  double verifiesPerSecond(int threads, long millis) throws InterruptedException {
    run(threads, millis);
    return run(threads, millis);
  }

  private double run(int threads, long millis) throws InterruptedException {
    LongAdder done = new LongAdder();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long[] bounds = new long[2];
    for (int t = 0; t < threads; t++) {
      int offset = t * 17;
      Thread worker =
          new Thread(
              () -> {
                Ed25519Signer verifier = new Ed25519Signer();
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                long end = bounds[1];
                long n = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                  int k = i % MESSAGES;
                  verifier.init(false, publicKey);
                  verifier.update(messages[k], 0, MESSAGE_BYTES);
                  if (!verifier.verifySignature(signatures[k])) {
                    throw new IllegalStateException("a valid signature failed to verify");
                  }
                  n++;
                }
                done.add(n);
              },
              "ed25519-ceiling-" + t);
      workers.add(worker);
      worker.start();
    }
    bounds[0] = System.nanoTime();
    bounds[1] = bounds[0] + millis * 1_000_000L;
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - bounds[0]) / 1e9;
    return done.sum() / seconds;
  }
}
