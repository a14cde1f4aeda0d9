package org.hexproof.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why witnesses of the verified-PoC feed were judged {@code too_late} (poc-rules §2.5: the lag is
 * counted from the beacon report's receive time, limit 4000 ms, when the beacon report arrived no
 * later than the first witness; otherwise from the first witness, limit 1500 ms): how many beacons
 * arrived before and after their first witness, by how much, and the witnesses' lags in each case,
 * all in simulated ms of the oracle's receive times.
 */
final class LatenessBreakdown {
  private int entries;
  private int entriesWithWitnesses;
  private int beaconFirst;
  private int beaconAfter;
  private long witnessesBeaconFirst;
  private long tooLateBeaconFirst;
  private long witnessesBeaconAfter;
  private long tooLateBeaconAfter;
  private final List<Long> beaconBehindFirst = new ArrayList<>();
  private final List<Long> lagBeaconFirst = new ArrayList<>();
  private final List<Long> lagBeaconAfter = new ArrayList<>();
  private final List<Long> witnessMinusBeacon = new ArrayList<>();
  private final Map<String, Long> reasons = new TreeMap<>();

  /** Counts one feed entry. */
  void add(JsonNode entry) {
    entries++;
    JsonNode ws = entry.path("witnesses");
    if (ws.isEmpty()) {
      return;
    }
    entriesWithWitnesses++;
    Instant beacon = Instant.parse(entry.path("beacon").path("received_at").asText());
    Instant first = Instant.MAX;
    for (JsonNode w : ws) {
      Instant at = Instant.parse(w.path("received_at").asText());
      first = at.isBefore(first) ? at : first;
    }
    boolean fromBeacon = !beacon.isAfter(first);
    Instant reference = fromBeacon ? beacon : first;
    if (fromBeacon) {
      beaconFirst++;
    } else {
      beaconAfter++;
      beaconBehindFirst.add(Duration.between(first, beacon).toMillis());
    }
    for (JsonNode w : ws) {
      Instant at = Instant.parse(w.path("received_at").asText());
      long lag = Duration.between(reference, at).toMillis();
      boolean late = "too_late".equals(w.path("reason").asText());
      String reason = w.path("reason").isNull() ? "valid" : w.path("reason").asText();
      reasons.merge(reason, 1L, Long::sum);
      witnessMinusBeacon.add(Duration.between(beacon, at).toMillis());
      if (fromBeacon) {
        witnessesBeaconFirst++;
        tooLateBeaconFirst += late ? 1 : 0;
        lagBeaconFirst.add(lag);
      } else {
        witnessesBeaconAfter++;
        tooLateBeaconAfter += late ? 1 : 0;
        lagBeaconAfter.add(lag);
      }
    }
  }

  long witnesses() {
    return witnessesBeaconFirst + witnessesBeaconAfter;
  }

  long tooLate() {
    return tooLateBeaconFirst + tooLateBeaconAfter;
  }

  /** The share of judged witnesses that were too late; NaN when no witness was judged. */
  double tooLateShare() {
    return witnesses() == 0 ? Double.NaN : (double) tooLate() / witnesses();
  }

  void print() {
    System.out.printf(
        Locale.ROOT,
        "  feed entries in the window %,d, with witnesses %,d; witnesses judged %,d, too_late %,d%n"
            + "  beacon report received <= first witness: %,d beacons, %,d witnesses, too_late %,d"
            + " (lag from beacon p50/p99/max %s ms, limit 4000)%n"
            + "  beacon report received  > first witness: %,d beacons, %,d witnesses, too_late %,d"
            + " (lag from first witness p50/p99/max %s ms, limit 1500)%n"
            + "  beacon report behind its first witness p50/p90/max %s ms%n"
            + "  witness minus beacon receive time p1/p50/p99 %s ms%n"
            + "  witness verdicts %s%n",
        entries,
        entriesWithWitnesses,
        witnesses(),
        tooLate(),
        beaconFirst,
        witnessesBeaconFirst,
        tooLateBeaconFirst,
        quantiles(lagBeaconFirst, 0.5, 0.99, 1.0),
        beaconAfter,
        witnessesBeaconAfter,
        tooLateBeaconAfter,
        quantiles(lagBeaconAfter, 0.5, 0.99, 1.0),
        quantiles(beaconBehindFirst, 0.5, 0.9, 1.0),
        quantiles(witnessMinusBeacon, 0.01, 0.5, 0.99),
        reasons);
  }

  private static String quantiles(List<Long> values, double... qs) {
    if (values.isEmpty()) {
      return "-";
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    StringBuilder out = new StringBuilder();
    for (double q : qs) {
      int i = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
      out.append(out.length() == 0 ? "" : " / ")
          .append(String.format(Locale.ROOT, "%,d", sorted.get(i)));
    }
    return out.toString();
  }
}
