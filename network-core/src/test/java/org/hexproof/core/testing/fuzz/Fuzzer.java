package org.hexproof.core.testing.fuzz;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Runs a {@link FuzzTarget} over random and mutated inputs and fails on the first finding: an
 * exception the parser does not document, a documented one without a message, or an input that runs
 * longer than the per-input limit (a hang). The parser runs on its own daemon thread that a
 * watchdog (the calling thread) checks every 20 ms, so a parser stuck in a loop fails the run
 * instead of blocking it.
 *
 * <p>Inputs: one in ten random bytes, one in twenty a seed as it is, the rest a seed with one to
 * four {@link Mutations#mutate mutations}. Every failure names the target, the seed, the input's
 * number and the input, so {@code -Dhexproof.fuzz.seed=N} replays it.
 */
public final class Fuzzer {
  /** System property with the number of inputs per target; CI uses {@link #CI_COUNT}. */
  public static final String COUNT_PROPERTY = "hexproof.fuzz.count";

  /** System property fixing the seed; a random seed otherwise. */
  public static final String SEED_PROPERTY = "hexproof.fuzz.seed";

  /** Inputs per target in CI. */
  public static final int CI_COUNT = 20_000;

  /**
   * Longest one input may take. Every parser here answers in microseconds; the limit is wide so a
   * garbage-collection pause or a busy shared machine cannot fail a run.
   */
  public static final Duration PER_INPUT_LIMIT = Duration.ofSeconds(5);

  private static final long WATCH_MILLIS = 20;

  private Fuzzer() {}

  /** Runs {@code target} with the count and seed of the system properties and prints the report. */
  public static FuzzReport run(FuzzTarget target) {
    Long fixed = Long.getLong(SEED_PROPERTY);
    long seed = fixed != null ? fixed : new Random().nextLong();
    FuzzReport report = run(target, Long.getLong(COUNT_PROPERTY, CI_COUNT), seed, PER_INPUT_LIMIT);
    System.out.println("fuzz " + report.line());
    return report;
  }

  /**
   * Feeds {@code count} inputs to {@code target}.
   *
   * @throws AssertionError on the first finding, naming the input
   */
  public static FuzzReport run(FuzzTarget target, long count, long seed, Duration perInputLimit) {
    Run run = new Run(target, count, seed);
    Thread worker = new Thread(run, "fuzz-" + target.name());
    worker.setDaemon(true);
    long limit = perInputLimit.toNanos();
    worker.start();
    try {
      while (worker.isAlive()) {
        worker.join(WATCH_MILLIS);
        long started = run.startedNanos;
        if (started != 0 && System.nanoTime() - started > limit) {
          worker.interrupt();
          throw new AssertionError(
              run.where(run.index, run.current)
                  + " still running after "
                  + perInputLimit.toMillis()
                  + " ms (hang)");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(target.name() + ": interrupted", e);
    }
    if (run.failure != null) {
      throw run.failure;
    }
    return run.report;
  }

  /**
   * Nanoseconds to draw {@code count} inputs without parsing them: the cost of the mutation engine
   * alone, the ceiling a fuzz run of the same target can approach.
   */
  public static long generationNanos(FuzzTarget target, long count, long seed) {
    Inputs inputs = new Inputs(target, seed);
    long sink = 0;
    long start = System.nanoTime();
    for (long i = 0; i < count; i++) {
      sink += inputs.next().length;
    }
    long nanos = System.nanoTime() - start;
    return sink < 0 ? -nanos : nanos;
  }

  /**
   * An input for a failure message: as escaped text when it is mostly printable, else as hex; cut
   * at 2,000 characters.
   */
  static String describe(byte[] input) {
    int printable = 0;
    for (byte b : input) {
      if (b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t') {
        printable++;
      }
    }
    StringBuilder sb = new StringBuilder();
    if (printable * 10 >= input.length * 9) {
      sb.append("text \"");
      for (byte b : input) {
        if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
          sb.append((char) b);
        } else {
          sb.append(String.format("\\x%02x", b & 0xff));
        }
      }
      sb.append('"');
    } else {
      sb.append("hex ").append(HexFormat.of().formatHex(input));
    }
    return sb.length() > 2000 ? sb.substring(0, 2000) + "..." : sb.toString();
  }

  /** The input stream of one target and seed. */
  private static final class Inputs {
    private final Random r;
    private final List<byte[]> seeds;
    private final byte[] alphabet;
    private final List<byte[]> tokens;

    Inputs(FuzzTarget target, long seed) {
      this.r = new Random(seed);
      this.seeds = target.seeds();
      this.alphabet = target.alphabet();
      this.tokens = target.tokens();
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException(target.name() + ": no seeds");
      }
    }

    byte[] next() {
      int pick = r.nextInt(20);
      if (pick < 2) {
        return Mutations.random(r);
      }
      byte[] seed = seeds.get(r.nextInt(seeds.size()));
      return pick == 2
          ? seed.clone()
          : Mutations.mutate(r, seed, 1 + r.nextInt(4), alphabet, tokens);
    }
  }

  private static final class Run implements Runnable {
    private final FuzzTarget target;
    private final long count;
    private final long seed;
    volatile long startedNanos;
    volatile long index;
    volatile byte[] current;
    volatile FuzzReport report;
    volatile AssertionError failure;

    Run(FuzzTarget target, long count, long seed) {
      this.target = target;
      this.count = count;
      this.seed = seed;
    }

    @Override
    public void run() {
      Inputs inputs = new Inputs(target, seed);
      List<Class<? extends Exception>> documented = target.rejections();
      long accepted = 0;
      long rejected = 0;
      long slowest = 0;
      long start = System.nanoTime();
      for (long i = 0; i < count; i++) {
        byte[] input = inputs.next();
        index = i;
        current = input;
        long began = System.nanoTime();
        startedNanos = began;
        try {
          target.parse(input.clone());
          accepted++;
        } catch (Exception e) {
          if (!isDocumented(documented, e)) {
            failure = new AssertionError(where(i, input) + " threw " + e, e);
            return;
          }
          if (e.getMessage() == null || e.getMessage().isBlank()) {
            failure = new AssertionError(where(i, input) + ": rejection without a message " + e);
            return;
          }
          rejected++;
        } catch (Throwable e) {
          failure = new AssertionError(where(i, input) + " threw " + e, e);
          return;
        } finally {
          startedNanos = 0;
        }
        slowest = Math.max(slowest, System.nanoTime() - began);
      }
      report =
          new FuzzReport(
              target.name(), seed, count, accepted, rejected, System.nanoTime() - start, slowest);
    }

    String where(long i, byte[] input) {
      return target.name() + ": seed " + seed + ", input " + i + " " + describe(input);
    }

    private static boolean isDocumented(List<Class<? extends Exception>> documented, Exception e) {
      for (Class<? extends Exception> type : documented) {
        if (type.isInstance(e)) {
          return true;
        }
      }
      return false;
    }
  }
}
