package org.hexproof.bridge.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.hexproof.bridge.outbox.DeliveryListener;
import org.hexproof.bridge.outbox.OutboxRecord;

/**
 * How long the reports of the daemons on one {@link DaemonRuntime} took on their way, in ms of the
 * daemons' clock: for each {@link Stage}, a histogram of 1 ms buckets up to 1 s, 10 ms up to 10 s
 * and 100 ms up to 100 s (later values count in the last bucket). Thread-safe, fixed size (about 22
 * KB per stage), so a long-running daemon may keep it.
 */
public final class ReportTimes {
  /** The stages measured. */
  public enum Stage {
    /** A beacon: its start until the radio said the transmission was done. */
    BEACON_ON_AIR,
    /** A beacon: the radio's "transmission done" until its report was in the outbox. */
    BEACON_REPORT_QUEUED,
    /** A LoRa witness: the module's receive line read until its report was in the outbox. */
    WITNESS_REPORT_QUEUED,
    /** Any report: appended until its delivery attempt began (the sender's queue). */
    QUEUED_FOR_SENDING,
    /** Any report: its delivery attempt until the oracle accepted it (HTTP). */
    SENDING,
    /** Any report: appended until the oracle accepted it. */
    APPEND_TO_ACCEPTED
  }

  private static final int BUCKETS = 1_000 + 900 + 900 + 1;

  /** Distinct failure reasons kept; later new ones count under "other". */
  private static final int MAX_REASONS = 32;

  private final Map<Stage, AtomicLongArray> histograms = new EnumMap<>(Stage.class);
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  /** Empty histograms. */
  public ReportTimes() {
    for (Stage s : Stage.values()) {
      histograms.put(s, new AtomicLongArray(BUCKETS));
    }
  }

  /** Counts one time of {@code stage}; a negative one counts as zero. */
  public void record(Stage stage, Duration time) {
    long ms = Math.max(0, time.toMillis());
    histograms.get(stage).incrementAndGet(bucket(ms));
  }

  /** Records each delivered report's stages, and each failed attempt's reason. */
  public DeliveryListener listener() {
    return new DeliveryListener() {
      @Override
      public void delivered(OutboxRecord record, Instant attempt, Instant delivered) {
        record(Stage.QUEUED_FOR_SENDING, Duration.between(record.appendedAt(), attempt));
        record(Stage.SENDING, Duration.between(attempt, delivered));
        record(Stage.APPEND_TO_ACCEPTED, Duration.between(record.appendedAt(), delivered));
      }

      @Override
      public void failed(OutboxRecord record, String reason) {
        // digits stripped, so that reasons differing only in numbers count together
        String key = reason.replaceAll("[0-9]+", "#");
        key = key.length() > 100 ? key.substring(0, 100) : key;
        if (!failures.containsKey(key) && failures.size() >= MAX_REASONS) {
          key = "other";
        }
        failures.computeIfAbsent(key, k -> new LongAdder()).increment();
      }
    };
  }

  /** Failed delivery attempts (retried later) by reason, digits shown as {@code #}. */
  public Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** How many times of {@code stage} were counted. */
  public long count(Stage stage) {
    AtomicLongArray h = histograms.get(stage);
    long n = 0;
    for (int i = 0; i < BUCKETS; i++) {
      n += h.get(i);
    }
    return n;
  }

  /**
   * The {@code q} quantile of {@code stage}, ms: the upper bound of the bucket that holds it; -1
   * when nothing was counted.
   */
  public long quantileMillis(Stage stage, double q) {
    AtomicLongArray h = histograms.get(stage);
    long total = count(stage);
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += h.get(i);
      if (seen >= rank) {
        return upperBound(i);
      }
    }
    return upperBound(BUCKETS - 1);
  }

  static int bucket(long ms) {
    if (ms < 1_000) {
      return (int) ms;
    }
    if (ms < 10_000) {
      return 1_000 + (int) ((ms - 1_000) / 10);
    }
    if (ms < 100_000) {
      return 1_900 + (int) ((ms - 10_000) / 100);
    }
    return BUCKETS - 1;
  }

  static long upperBound(int bucket) {
    if (bucket < 1_000) {
      return bucket;
    }
    if (bucket < 1_900) {
      return 1_000 + (bucket - 1_000 + 1) * 10L - 1;
    }
    if (bucket < BUCKETS - 1) {
      return 10_000 + (bucket - 1_900 + 1) * 100L - 1;
    }
    return Long.MAX_VALUE;
  }
}
