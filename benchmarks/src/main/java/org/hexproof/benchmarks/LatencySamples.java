package org.hexproof.benchmarks;

import java.util.Arrays;

/**
 * One load thread's latency samples in nanoseconds, growing as needed; written by that thread only
 * and read after it has been joined.
 */
final class LatencySamples {
  private long[] samples = new long[1 << 16];
  private int count;

  void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  /** All samples of all threads, in thread order. */
  static long[] merged(LatencySamples[] threads) {
    long[] all = new long[Arrays.stream(threads).mapToInt(t -> t.count).sum()];
    int at = 0;
    for (LatencySamples t : threads) {
      System.arraycopy(t.samples, 0, all, at, t.count);
      at += t.count;
    }
    return all;
  }
}
