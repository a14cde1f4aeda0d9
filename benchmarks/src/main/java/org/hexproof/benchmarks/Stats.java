package org.hexproof.benchmarks;

import java.util.Arrays;

/** Percentiles of nanosecond samples. */
record Stats(int n, long min, long p50, long p95, long p99, long p999, long max) {
  static Stats of(long[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("expected at least one sample, got none");
    }
    long[] s = samples.clone();
    Arrays.sort(s);
    return new Stats(
        s.length, s[0], at(s, 0.50), at(s, 0.95), at(s, 0.99), at(s, 0.999), s[s.length - 1]);
  }

  private static long at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
