package org.hexproof.benchmarks;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.poc.app.PocDatabase;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.Sql;

/**
 * End-to-end load on the PoC oracle, beside the signature ceiling measured in the same run.
 *
 * <p>Starts the oracle's Micronaut context in-process (environment {@code oracle}, scheduling off,
 * embedded PostgreSQL in a temporary directory, HTTP on 127.0.0.1 at a free port), onboards a
 * seeded fleet of hotspots with asserted locations over HTTP, and then, per 6 h beacon round, has
 * the oracle tick an entropy value, fetches it from {@code GET /v1/entropy/latest}, and builds and
 * signs one beacon per hotspot (network-core's BeaconGenerator) with 3–5 witnesses each. All
 * reports are built before any is sent. The oracle's clock is a {@link SteppedClock}: it runs at
 * wall speed but jumps 6 h between rounds, so several beacon rounds (one beacon per hotspot per 6 h
 * bucket) fit into one run. {@link OracleLoad} posts and verifies them.
 *
 * <p>Printed: ingest reports/s and per-request p50/p99 latency, worker verdicts/s, committed
 * verdicts per second end to end (ingest + worker wall time), CPU seconds of this JVM and of the
 * embedded PostgreSQL per phase, the ratio to BouncyCastle's raw Ed25519 verify rate on 2 threads
 * measured before and after the load (every report carries one signature that ingest must verify,
 * so that rate bounds reports, and so verdicts, per second), and the PostgreSQL floor ({@link
 * PostgresFloor}) measured on the same server afterwards.
 */
public final class OracleIngestThroughput {
  private static final Instant START = Instant.parse("2026-11-25T00:00:01Z");
  private static final Duration ROUND = Duration.ofHours(6);
  private static final String PG_DIR_MARKER = "oracle-bench-pg";

  private OracleIngestThroughput() {}

  /**
   * Runs the benchmark. System properties: {@code bench.oracle.hotspots} (200), {@code
   * bench.oracle.rounds} (10, measured), {@code bench.oracle.warmupRounds} (3, run first and not
   * counted), {@code bench.oracle.clients} (8), {@code bench.oracle.batch} (1: one report per
   * request; n: batch requests of n reports), {@code bench.oracle.workers} (2 worker threads),
   * {@code bench.oracle.seed}.
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
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    Ed25519Ceiling ceiling = new Ed25519Ceiling(seed);
    double sig1Before = ceiling.verifiesPerSecond(1, 2_000);
    double sig2Before = ceiling.verifiesPerSecond(2, 2_000);

    Path dir = Files.createTempDirectory("oracle-bench");
    SteppedClock clock = new SteppedClock(START);
    ApplicationContext ctx =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(
                Map.of(
                    "micronaut.server.host", "127.0.0.1",
                    "micronaut.server.port", "-1",
                    "hexproof.oracle.scheduling", "false",
                    "hexproof.oracle.key-file", dir.resolve("oracle.key").toString(),
                    "hexproof.database.data-directory", dir.resolve(PG_DIR_MARKER).toString()))
            .build();
    ctx.registerBeanDefinition(
        RuntimeBeanDefinition.builder(Clock.class, () -> clock).replaces(Clock.class).build());
    ctx.start();
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
    try {
      if (ctx.getBean(Clock.class) != clock) {
        throw new IllegalStateException("the oracle did not take the benchmark's clock");
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = server.getURI();
      Sql sql = ctx.getBean(PocDatabase.class).sql();
      List<List<OracleFleet.Poc>> pocs =
          prepare(ctx, http, base, clock, sql, hotspots, warmupRounds + rounds, seed);
      OracleLoad load = new OracleLoad(http, base, clock, sql, PG_DIR_MARKER);
      PocWorker worker = ctx.getBean(PocWorker.class);
      // warm-up rounds: the same load, not counted, so that the measured rounds do not pay for
      // class loading and JIT compilation of the HTTP, r2dbc and verifier paths
      load.run(START, ROUND, pocs.subList(0, warmupRounds), 0, clients, batch, worker, workers);
      OracleRunReport r =
          load.run(
              START,
              ROUND,
              pocs.subList(warmupRounds, pocs.size()),
              warmupRounds,
              clients,
              batch,
              worker,
              workers);
      r.outcomes = outcomes(sql);
      double sig1After = ceiling.verifiesPerSecond(1, 2_000);
      double sig2After = ceiling.verifiesPerSecond(2, 2_000);
      PostgresFloor.Floor floor = PostgresFloor.measure(sql, PG_DIR_MARKER, 20_000);
      double signatureMicros = SignatureCpu.microsPerVerify(seed, 1_000);
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

      System.out.printf(
          Locale.ROOT,
          "oracle ingest + verify: %d hotspots, %d measured rounds, %d beacons, %d reports, %d client"
              + " threads, %s, %d worker thread(s); %d available processors, %s;"
              + " load average (1 min) %.2f at start, %.2f at end%n",
          hotspots,
          rounds,
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
      r.printPhases(sig2);
      r.printFloor(floor, sig2, cores, signatureMicros);
      r.printOutcomes();
    } finally {
      server.stop();
      ctx.close();
    }
  }

  /** Onboards the fleet over HTTP and signs every round's PoCs against the served entropy. */
  private static List<List<OracleFleet.Poc>> prepare(
      ApplicationContext ctx,
      HttpClient http,
      URI base,
      SteppedClock clock,
      Sql sql,
      int hotspots,
      int rounds,
      long seed)
      throws Exception {
    OracleFleet fleet = new OracleFleet(hotspots, seed);
    OracleLoad poster = new OracleLoad(http, base, clock, sql, PG_DIR_MARKER);
    for (int i = 0; i < hotspots; i++) {
      poster.post("/v1/hotspots", fleet.onboarding(i), 201, 1);
      String key = fleet.keys.get(i).publicKey().toBase58();
      poster.post("/v1/hotspots/" + key + "/location", fleet.location(i), 200, 1);
    }
    // HIP 106 needs history: every hotspot beaconed and witnessed a day before the first round
    sql.update(
        "UPDATE poc.hotspot SET last_witness_at = $1, last_beacon_reciprocity_at = $1",
        Rows.bind(START.minus(Duration.ofDays(1))));
    ctx.getBean(DensityCache.class).invalidate();

    EntropyService entropy = ctx.getBean(EntropyService.class);
    List<List<OracleFleet.Poc>> pocs = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      clock.set(START.plus(ROUND.multipliedBy(round)));
      entropy.tick();
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

  private static List<String> outcomes(Sql sql) {
    return sql.query(
        "SELECT kind, verdict, coalesce(reason, '-') AS reason, count(*) AS n FROM poc.verdict"
            + " GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC",
        row ->
            String.format(
                Locale.ROOT,
                "  %-8s %-8s %-28s %,8d",
                row.get("kind", String.class),
                row.get("verdict", String.class),
                row.get("reason", String.class),
                row.get("n", Long.class)));
  }
}
