package org.hexproof.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hexproof.core.proto.EntropyReport;

/**
 * End-to-end load on the PoC oracle, beside the signature ceiling measured in the same run.
 *
 * <p>Starts the oracle in a JVM of its own ({@link OracleServer}: environment {@code oracle},
 * scheduling off, embedded PostgreSQL in a temporary directory, HTTP on 127.0.0.1 at a free port),
 * so that the CPU counted is the oracle's and not the HTTP clients' of this JVM, onboards a seeded
 * fleet of hotspots with asserted locations over HTTP, and then, per 6 h beacon round, has the
 * oracle tick an entropy value, fetches it from {@code GET /v1/entropy/latest}, and builds and
 * signs one beacon per hotspot (network-core's BeaconGenerator) with 3–5 witnesses each. All
 * reports are built before any is sent. The oracle's clock is a {@link SteppedClock}: it runs at
 * wall speed but jumps 6 h between rounds, so several beacon rounds (one beacon per hotspot per 6 h
 * bucket) fit into one run. {@link OracleLoad} posts and verifies them.
 *
 * <p>Printed: ingest reports/s and per-request p50/p99 latency, worker verdicts/s, committed
 * verdicts per second end to end (ingest + worker wall time), CPU seconds of the oracle's JVM (of
 * it, its JIT compiler and GC threads) and of the embedded PostgreSQL per phase, the ratio to
 * BouncyCastle's raw Ed25519 verify rate on 2 threads measured before and after the load (every
 * report carries one signature that ingest must verify, so that rate bounds reports, and so
 * verdicts, per second), and the PostgreSQL floor ({@link PostgresFloor}) measured on the same
 * server afterwards.
 */
public final class OracleIngestThroughput {
  private static final Instant START = Instant.parse("2026-11-25T00:00:01Z");
  private static final Duration ROUND = Duration.ofHours(6);

  private OracleIngestThroughput() {}

  /**
   * Runs the benchmark. System properties: {@code bench.oracle.hotspots} (200), {@code
   * bench.oracle.rounds} (10, measured), {@code bench.oracle.warmupRounds} (3, run first and not
   * counted), {@code bench.oracle.clients} (8), {@code bench.oracle.batch} (1: one report per
   * request; n: batch requests of n reports), {@code bench.oracle.workers} (2 worker threads),
   * {@code bench.oracle.seed}, {@code bench.oracle.serverJvm} (options of the oracle's JVM).
   *
   * @param args ignored
   * @throws Exception when the oracle misbehaves (a non-2xx reply, a report left without verdict)
   */
  public static void main(String[] args) throws Exception {
    int hotspots = Integer.getInteger("bench.oracle.hotspots", 200);
    int rounds = Integer.getInteger("bench.oracle.rounds", 10);
    int clients = Integer.getInteger("bench.oracle.clients", 8);
    int batch = Integer.getInteger("bench.oracle.batch", 1);
    int workers = Integer.getInteger("bench.oracle.workers", 2);
    int warmupRounds = Integer.getInteger("bench.oracle.warmupRounds", 3);
    long seed = Long.getLong("bench.oracle.seed", 0x6f72_6163_6c65L);
    int cores = Runtime.getRuntime().availableProcessors();
    String loadBefore = LoadAverage.oneMinute();

    Ed25519Ceiling ceiling = new Ed25519Ceiling(seed);
    double sig1Before = ceiling.verifiesPerSecond(1, 2_000);
    double sig2Before = ceiling.verifiesPerSecond(2, 2_000);

    Path dir = Files.createTempDirectory("oracle-bench");
    try {
      try (OracleProcess oracle = OracleProcess.start(dir)) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<List<OracleFleet.Poc>> pocs =
            prepare(oracle, http, hotspots, warmupRounds + rounds, seed);
        OracleLoad load = new OracleLoad(http, oracle);
        // warm-up rounds: the same load, not counted, so that the measured rounds do not pay for
        // class loading and JIT compilation of the HTTP, r2dbc and verifier paths
        OracleRunReport warmup =
            load.run(START, ROUND, pocs.subList(0, warmupRounds), 0, clients, batch, workers);
        if (StatementProfile.enabled()) {
          oracle.call("statements-reset");
        }
        OracleRunReport r =
            load.run(
                START,
                ROUND,
                pocs.subList(warmupRounds, pocs.size()),
                warmupRounds,
                clients,
                batch,
                workers);
        List<String> statements =
            StatementProfile.enabled()
                ? List.of(oracle.call("statements 25 " + r.verdicts).split("\t"))
                : List.of();
        r.outcomes = List.of(oracle.call("outcomes").split("\t"));
        if (r.outcomes.stream().anyMatch(line -> line.contains(" stale "))) {
          // the purger closed reports instead of the verifier: cheaper work than the figure claims
          throw new IllegalStateException("reports closed as stale, not verified: " + r.outcomes);
        }
        double sig1After = ceiling.verifiesPerSecond(1, 2_000);
        double sig2After = ceiling.verifiesPerSecond(2, 2_000);
        PostgresFloor.Floors floor = PostgresFloor.Floors.parse(oracle.call("floor 20000"));
        double signatureMicros = SignatureCpu.microsPerVerify(seed, 1_000);
        String loadAfter = LoadAverage.oneMinute();

        System.out.printf(
            Locale.ROOT,
            "oracle ingest + verify: %d hotspots, %d measured rounds (after %d warm-up rounds), %d"
                + " beacons, %d reports, %d client threads, %s, %d worker thread(s); the oracle in"
                + " its own JVM; %d available processors, %s; load average (1 min) %s at start, %s"
                + " at end%n",
            hotspots,
            rounds,
            warmupRounds,
            r.beacons,
            r.reports,
            clients,
            batch == 1 ? "one report per request" : "batches of " + batch + " reports",
            workers,
            cores,
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            loadBefore,
            loadAfter);
        System.out.printf(
            Locale.ROOT,
            "%nEd25519 verify ceiling (BouncyCastle Ed25519Signer)  before         after%n"
                + "  1 thread                              %,12.0f/s  %,12.0f/s%n"
                + "  2 threads                             %,12.0f/s  %,12.0f/s%n",
            sig1Before,
            sig1After,
            sig2Before,
            sig2After);
        double sig2 = Math.min(sig2Before, sig2After);
        System.out.printf(
            Locale.ROOT,
            "%nwarm-up (%d rounds): oracle JVM CPU %.2f s, of it JIT compiler threads %.2f s, GC"
                + " %.2f s%n",
            warmupRounds,
            warmup.ingestCpu.jvmSeconds() + warmup.workerCpu.jvmSeconds(),
            warmup.ingestCpu.jitSeconds() + warmup.workerCpu.jitSeconds(),
            warmup.ingestCpu.gcSeconds() + warmup.workerCpu.gcSeconds());
        r.printPhases(sig2);
        r.printFloor(floor, sig2, cores, signatureMicros);
        r.printOutcomes();
        if (!statements.isEmpty()) {
          System.out.printf(
              "%nPostgreSQL statements of the measured rounds (pg_stat_statements), execution time"
                  + " per committed verdict:%n");
          statements.forEach(line -> System.out.println("  " + line));
        }
      }
    } finally {
      // the oracle has stopped its PostgreSQL: its data (gigabytes after a long run) goes too
      try {
        deleteTree(dir);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        System.err.println("could not remove " + dir + ": " + e);
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Onboards the fleet over HTTP and signs every round's PoCs against the served entropy. */
  private static List<List<OracleFleet.Poc>> prepare(
      OracleProcess oracle, HttpClient http, int hotspots, int rounds, long seed) throws Exception {
    URI base = oracle.base();
    OracleFleet fleet = new OracleFleet(hotspots, seed);
    OracleLoad poster = new OracleLoad(http, oracle);
    oracle.clock(START);
    for (int i = 0; i < hotspots; i++) {
      poster.post("/v1/hotspots", fleet.onboarding(i), 201, 1);
      String key = fleet.keys.get(i).publicKey().toBase58();
      poster.post("/v1/hotspots/" + key + "/location", fleet.location(i), 200, 1);
    }
    oracle.call("history " + START.minus(Duration.ofDays(1)));

    List<List<OracleFleet.Poc>> pocs = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      oracle.clock(START.plus(ROUND.multipliedBy(round)));
      oracle.call("tick");
      HttpResponse<byte[]> served =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v1/entropy/latest")).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      EntropyReport report = EntropyReport.parseFrom(served.body());
      List<OracleFleet.Poc> list = new ArrayList<>();
      for (int i = 0; i < hotspots; i++) {
        list.add(fleet.poc(i, report, round));
      }
      pocs.add(list);
    }
    return pocs;
  }
}
