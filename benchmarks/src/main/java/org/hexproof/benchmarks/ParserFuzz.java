package org.hexproof.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hexproof.bridge.daemon.DaemonFuzzTargets;
import org.hexproof.bridge.serial.SerialFuzzTargets;
import org.hexproof.core.keys.KeyFuzzTargets;
import org.hexproof.core.testing.fuzz.FuzzReport;
import org.hexproof.core.testing.fuzz.FuzzTarget;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.hexproof.coverage.app.CoverageFuzzTargets;
import org.hexproof.gateway.semtech.GwmpFuzzTargets;
import org.hexproof.poc.app.OracleFuzzTargets;
import org.hexproof.rewards.ledger.LedgerFuzzTargets;

/**
 * The benchmark-profile fuzz run: every parser's fuzz target (the ones the modules' {@code
 * *FuzzTest} run 20,000 inputs of in CI) for a million inputs each, with the shared engine's
 * per-input time limit. Prints, per parser, inputs per second, accepted and rejected counts, the
 * slowest input, and beside it the physical limit measured in the same run: the rate at which the
 * mutation engine alone draws that target's inputs (the ceiling a fuzz run can approach), as a
 * ratio. Exits non-zero on the first finding (an undocumented exception, a rejection without a
 * message, or an input over the limit), naming the seed and the input.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hexproof.benchmarks.ParserFuzz [count] [seed]
 * </pre>
 */
public final class ParserFuzz {
  private ParserFuzz() {}

  static List<FuzzTarget> targets() {
    return List.of(
        KeyFuzzTargets.base58Key(),
        KeyFuzzTargets.keyFile(),
        KeyFuzzTargets.h3Cell(),
        GwmpFuzzTargets.codec(),
        SerialFuzzTargets.lineFramer(),
        SerialFuzzTargets.moduleLines(),
        DaemonFuzzTargets.hotspotConfig(),
        OracleFuzzTargets.signedBody(),
        OracleFuzzTargets.scenario(),
        LedgerFuzzTargets.mintManifest(),
        LedgerFuzzTargets.rewardLeaf(),
        CoverageFuzzTargets.params());
  }

  /**
   * Runs every target.
   *
   * @param args optional input count per target (1,000,000) and seed (random)
   */
  public static void main(String[] args) {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : new Random().nextLong();
    System.out.printf(Locale.ROOT, "parser fuzz: %,d inputs per parser, seed %d%n", count, seed);
    System.out.println("load average at start: " + LoadAverage.proc());
    long total = 0;
    long start = System.nanoTime();
    for (FuzzTarget target : targets()) {
      long sample = Math.max(1, count / 10);
      double ceiling = sample / (Fuzzer.generationNanos(target, sample, seed) / 1e9);
      FuzzReport report = Fuzzer.run(target, count, seed, Fuzzer.PER_INPUT_LIMIT);
      total += report.inputs();
      System.out.printf(
          Locale.ROOT,
          "%s  | engine alone %,.0f inputs/s, ratio %.3f%n",
          report.line(),
          ceiling,
          report.inputsPerSecond() / ceiling);
    }
    System.out.printf(
        Locale.ROOT,
        "all parsers: %,d inputs in %.1f s, no finding%n",
        total,
        (System.nanoTime() - start) / 1e9);
    System.out.println("load average at end: " + LoadAverage.proc());
  }
}
