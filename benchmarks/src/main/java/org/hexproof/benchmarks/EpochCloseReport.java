package org.hexproof.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.hexproof.rewards.close.CloseStep;

/** The figures of one {@link EpochCloseThroughput} run and how they are printed. */
record EpochCloseReport(
    double closeSeconds,
    double copySeconds,
    double copyAfterSeconds,
    Map<CloseStep, Double> steps,
    double queryShares,
    double computeJava,
    long leaves,
    long seedRows,
    double seedSeconds,
    HistoryLookups lookups) {

  void print(int hotspots) {
    double copyFloor = Math.min(copySeconds, copyAfterSeconds);
    System.out.println();
    System.out.printf("%-62s %12s%n", "figure", "value");
    line(
        "epoch close, " + String.format("%,d", hotspots) + " hotspots (EpochCloser.closeNext)",
        closeSeconds);
    line(
        "  of which: marker and watermark reads (to BEFORE_COMPUTE)",
        steps.get(CloseStep.BEFORE_COMPUTE));
    line(
        "  of which: compute, sign, all writes (to AFTER_LEDGER_INSERT)",
        steps.get(CloseStep.AFTER_LEDGER_INSERT) - steps.get(CloseStep.BEFORE_COMPUTE));
    line(
        "  of which: marker + COMMIT (to AFTER_COMMIT)",
        steps.get(CloseStep.AFTER_COMMIT) - steps.get(CloseStep.AFTER_LEDGER_INSERT));
    line("  separately: epochShares query alone", queryShares);
    line("  separately: payout + leaves + Merkle tree in Java alone", computeJava);
    line(
        "COPY FROM STDIN " + String.format("%,d", hotspots) + " leaf rows (before close)",
        copySeconds);
    line(
        "COPY FROM STDIN " + String.format("%,d", hotspots) + " leaf rows (after close)",
        copyAfterSeconds);
    System.out.printf("%-62s %10.0f%n", "close: hotspots per second", hotspots / closeSeconds);
    System.out.printf("%-62s %10.0f%n", "COPY: rows per second (faster run)", hotspots / copyFloor);
    System.out.printf(
        "%-62s %10.2f%n", "ratio close / COPY (faster COPY run)", closeSeconds / copyFloor);
    System.out.printf(
        "targets: close < 30 s: %s; close within 3x of COPY: %s%n",
        closeSeconds < 30 ? "met" : "MISSED", closeSeconds <= 3 * copyFloor ? "met" : "MISSED");
    lookups.print();
    System.out.printf(
        "check: %,d ledger leaves stored; seed: %,d share rows in %.1f s (not timed)%n",
        leaves, seedRows, seedSeconds);
  }

  private static void line(String label, double seconds) {
    System.out.printf("%-62s %10.3f s%n", label, seconds);
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " available processors, max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB, "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.arch")
        + " "
        + System.getProperty("os.name")
        + ", JVM args "
        + ManagementFactory.getRuntimeMXBean().getInputArguments();
  }
}
