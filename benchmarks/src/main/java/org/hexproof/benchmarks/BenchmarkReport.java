package org.hexproof.benchmarks;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link Ed25519VerifyBenchmark} and {@link H3Benchmark} through the JMH Runner API and prints
 * each figure beside the limit measured in the same run, as a ratio, together with the machine the
 * numbers belong to.
 *
 * <p>Settings (system properties; {@code --quick} as an argument equals {@code
 * -Dbench.quick=true}):
 *
 * <ul>
 *   <li>{@code bench.quick=true}: 1 warmup and 2 measurement iterations instead of 3 and 5
 *   <li>{@code bench.forks}, {@code bench.warmupIterations}, {@code bench.measurementIterations}:
 *       override the counts individually
 *   <li>{@code bench.jmhOutput=true}: keep JMH's own per-iteration output
 * </ul>
 *
 * <p>Each iteration lasts one second.
 */
public final class BenchmarkReport {

  private static final String ED25519 = Ed25519VerifyBenchmark.class.getName() + ".";
  private static final String H3 = H3Benchmark.class.getName() + ".";

  private BenchmarkReport() {}

  /**
   * Runs the benchmarks and prints the report to standard output.
   *
   * @param args {@code --quick} or nothing
   * @throws RunnerException if JMH fails, including a failed check in a benchmark's setup
   */
  public static void main(String[] args) throws RunnerException {
    boolean quick = Boolean.getBoolean("bench.quick") || List.of(args).contains("--quick");
    int forks = Integer.getInteger("bench.forks", 1);
    int warmups = Integer.getInteger("bench.warmupIterations", quick ? 1 : 3);
    int measurements = Integer.getInteger("bench.measurementIterations", quick ? 2 : 5);
    for (String arg : args) {
      if (!arg.equals("--quick")) {
        throw new IllegalArgumentException("expected no argument or --quick, got " + arg);
      }
    }

    Options options =
        new OptionsBuilder()
            .include(Ed25519VerifyBenchmark.class.getSimpleName() + "\\.")
            .include(H3Benchmark.class.getSimpleName() + "\\.")
            .forks(forks)
            .warmupIterations(warmups)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(measurements)
            .measurementTime(TimeValue.seconds(1))
            .threads(1)
            .shouldFailOnError(true)
            .verbosity(
                Boolean.getBoolean("bench.jmhOutput") ? VerboseMode.NORMAL : VerboseMode.SILENT)
            .build();
    Instant started = Instant.now();
    Collection<RunResult> runs = new Runner(options).run();

    Map<String, Result<?>> byName = new HashMap<>();
    for (RunResult run : runs) {
      byName.put(run.getParams().getBenchmark(), run.getPrimaryResult());
    }
    Result<?> bouncy = require(byName, ED25519 + "bouncyCastle");
    Result<?> jdk = require(byName, ED25519 + "jdk");
    Result<?> wrapper = require(byName, H3 + "h3CellFromLatLng");
    Result<?> raw = require(byName, H3 + "rawLatLngToCell");
    Result<?> floor = require(byName, H3 + "isValidCell");

    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "hexproof benchmarks, started %s%n"
            + "machine: %d available processors, java.version %s (%s), os.arch %s, os.name %s%n"
            + "settings: %d fork(s), %d warmup x 1 s, %d measurement x 1 s, 1 thread;"
            + " error = JMH 99.9%% confidence half-width%n%n",
        started,
        runtime.availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.arch"),
        System.getProperty("os.name"),
        forks,
        warmups,
        measurements);

    System.out.printf(Locale.ROOT, "%-48s %16s %14s%n", "benchmark", "ops/s", "error");
    row("Ed25519 verify, BouncyCastle Ed25519Signer", bouncy);
    row("Ed25519 verify, JDK Signature (SunEC)", jdk);
    row("H3 res 12, H3Cell.fromLatLng", wrapper);
    row("H3 res 12, raw H3Core.latLngToCell", raw);
    row("H3 isValidCell (one-JNI-call floor)", floor);

    System.out.println();
    System.out.printf(Locale.ROOT, "%-48s %16s %14s %12s%n", "ratio", "value", "error", "inverse");
    ratio("BouncyCastle / JDK verifications per second", bouncy, jdk);
    ratio("H3Cell.fromLatLng / raw latLngToCell", wrapper, raw);
    ratio("raw latLngToCell / isValidCell", raw, floor);
    System.out.println();
    System.out.println(
        "Ratio errors combine the two relative errors in quadrature; they are a guide, not a"
            + " confidence interval.");
  }

  private static Result<?> require(Map<String, Result<?>> byName, String benchmark) {
    Result<?> result = byName.get(benchmark);
    if (result == null) {
      throw new IllegalStateException("JMH returned no result for " + benchmark);
    }
    return result;
  }

  private static void row(String label, Result<?> result) {
    System.out.printf(
        Locale.ROOT,
        "%-48s %,16.0f %s%n",
        label,
        result.getScore(),
        formatError(result.getScoreError(), "%,.0f"));
  }

  private static void ratio(String label, Result<?> numerator, Result<?> denominator) {
    double value = numerator.getScore() / denominator.getScore();
    double error =
        value
            * Math.hypot(
                numerator.getScoreError() / numerator.getScore(),
                denominator.getScoreError() / denominator.getScore());
    System.out.printf(
        Locale.ROOT,
        "%-48s %16.4g %s %12.4g%n",
        label,
        value,
        formatError(error, "%.2g"),
        1.0 / value);
  }

  // With a single measurement iteration JMH reports the error as NaN.
  private static String formatError(double error, String format) {
    String text = Double.isNaN(error) ? "n/a" : "±" + String.format(Locale.ROOT, format, error);
    return String.format(Locale.ROOT, "%14s", text);
  }
}
