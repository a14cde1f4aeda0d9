package org.hexproof.poc.worker;

import java.time.Duration;
import org.hexproof.poc.verify.Verdict;

/** What the worker reports to metrics, after each commit. */
public interface WorkerListener {
  /** Does nothing. */
  WorkerListener NONE =
      new WorkerListener() {
        @Override
        public void verdict(String kind, Verdict verdict, String profile) {}

        @Override
        public void verified(Duration took) {}

        @Override
        public void failed(Throwable cause) {}

        @Override
        public void openBeacons(long count) {}
      };

  /**
   * A committed verdict.
   *
   * @param kind {@code beacon} or {@code witness}
   * @param verdict the verdict ({@code stale} closures included)
   * @param profile the rule profile that judged it, {@code none} for a stale closure
   */
  void verdict(String kind, Verdict verdict, String profile);

  /** Time to gather, verify and write one beacon. */
  void verified(Duration took);

  /** A beacon that could not be verified this time and will be retried. */
  void failed(Throwable cause);

  /** Beacons received and not yet closed. */
  void openBeacons(long count);
}
