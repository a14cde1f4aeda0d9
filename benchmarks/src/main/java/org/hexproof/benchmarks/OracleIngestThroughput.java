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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.poc.app.OracleConfig;
import org.hexproof.poc.app.OracleMetrics;
import org.hexproof.poc.app.PocDatabase;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.RegionPlans;
import org.hexproof.poc.verify.RuleProfile;
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
 * bucket) fit into one run. Each round's reports are POSTed by several client threads
 * (java.net.http, HTTP/1.1), each posting a beacon and then its witnesses. Then the clock moves
 * past the entropy window and the worker runs until no beacon is open.
 *
 * <p>Printed: ingest requests/s and p50/p99 latency, worker verdicts/s, committed verdicts per
 * second end to end (ingest + worker wall time), CPU seconds of this JVM and of the embedded
 * PostgreSQL processes per phase, and the ratio to BouncyCastle's raw Ed25519 verify rate on 1 and
 * 2 threads measured before and after the load: every report carries exactly one signature, which
 * ingest must verify, so the 2-thread verify rate is the ceiling of reports (and so of verdicts)
 * per second on this machine.
 */
public final class OracleIngestThroughput {
  private static final Instant START = Instant.parse("2026-11-25T00:00:01Z");
  private static final Duration ROUND = Duration.ofHours(6);
  private static final String PG_DIR_MARKER = "oracle-bench-pg";

  private OracleIngestThroughput() {}

  /**
   * Runs the benchmark. System properties: {@code bench.oracle.hotspots} (200), {@code
   * bench.oracle.rounds} (10, measured), {@code bench.oracle.warmupRounds} (3, run first and not
   * counted), {@code bench.oracle.clients} (8), {@code bench.oracle.workers} (1), {@code
   * bench.oracle.seed}.
   *
   * @param args ignored
   * @throws Exception when the oracle misbehaves (a non-2xx reply, a beacon left without verdict)
   */
  public static void main(String[] args) throws Exception {
    int hotspots = Integer.getInteger("bench.oracle.hotspots", 200);
    int rounds = Integer.getInteger("bench.oracle.rounds", 10);
    int clients = Integer.getInteger("bench.oracle.clients", 8);
    int workers = Integer.getInteger("bench.oracle.workers", 1);
    int warmupRounds = Integer.getInteger("bench.oracle.warmupRounds", 3);
    long seed = Long.getLong("bench.oracle.seed", 0x6f72_6163_6c65L);

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
      Result r =
          run(ctx, server.getURI(), clock, hotspots, rounds, clients, workers, warmupRounds, seed);
      double sig1After = ceiling.verifiesPerSecond(1, 2_000);
      double sig2After = ceiling.verifiesPerSecond(2, 2_000);
      r.print(sig1Before, sig2Before, sig1After, sig2After, hotspots, rounds, clients, workers);
    } finally {
      server.stop();
      ctx.close();
    }
  }

  private static Result run(
      ApplicationContext ctx,
      URI base,
      SteppedClock clock,
      int hotspots,
      int rounds,
      int clients,
      int workers,
      int warmupRounds,
      long seed)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    OracleFleet fleet = new OracleFleet(hotspots, seed);
    for (int i = 0; i < hotspots; i++) {
      post(http, base, "/v1/hotspots", fleet.onboarding(i), 201);
      String key = fleet.keys.get(i).publicKey().toBase58();
      post(http, base, "/v1/hotspots/" + key + "/location", fleet.location(i), 200);
    }
    Sql sql = ctx.getBean(PocDatabase.class).sql();
    // HIP 106 needs history: every hotspot beaconed and witnessed a day before the first round
    sql.update(
        "UPDATE poc.hotspot SET last_witness_at = $1, last_beacon_reciprocity_at = $1",
        Rows.bind(START.minus(Duration.ofDays(1))));
    DensityCache density = ctx.getBean(DensityCache.class);
    density.invalidate();

    EntropyService entropy = ctx.getBean(EntropyService.class);
    List<List<OracleFleet.Poc>> pocs = new ArrayList<>();
    for (int round = 0; round < warmupRounds + rounds; round++) {
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

    List<PocWorker> pocWorkers = new ArrayList<>();
    pocWorkers.add(ctx.getBean(PocWorker.class));
    OracleConfig config = ctx.getBean(OracleConfig.class);
    for (int w = 1; w < workers; w++) {
      pocWorkers.add(
          new PocWorker(
              sql,
              clock,
              ctx.getBean(RuleProfile.class),
              RegionPlans.BUILT_IN,
              density,
              new PocWorker.Settings(
                  config.verifyBatchSize(), config.staleAfter(), config.witnessWindow()),
              ctx.getBean(OracleMetrics.class)));
    }
    // warm-up rounds: the same load, not counted, so that the measured rounds do not pay for
    // class loading and JIT compilation of the HTTP, r2dbc and verifier paths
    load(http, base, clock, sql, pocs.subList(0, warmupRounds), 0, clients, pocWorkers);
    Result result =
        load(
            http,
            base,
            clock,
            sql,
            pocs.subList(warmupRounds, pocs.size()),
            warmupRounds,
            clients,
            pocWorkers);
    result.outcomes =
        sql.query(
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
    return result;
  }

  /** Posts the given rounds (the first is round {@code firstRound}), then verifies them. */
  private static Result load(
      HttpClient http,
      URI base,
      SteppedClock clock,
      Sql sql,
      List<List<OracleFleet.Poc>> pocs,
      int firstRound,
      int clients,
      List<PocWorker> pocWorkers)
      throws Exception {
    long verdictsBefore = count(sql, "SELECT count(*) AS n FROM poc.verdict");
    long beaconVerdictsBefore =
        count(sql, "SELECT count(*) AS n FROM poc.verdict WHERE kind = 'beacon'");
    int rounds = pocs.size();
    int reports = 0;
    for (List<OracleFleet.Poc> round : pocs) {
      for (OracleFleet.Poc poc : round) {
        reports += 1 + poc.witnesses().size();
      }
    }
    Result result = new Result();
    result.beacons = pocs.stream().mapToInt(List::size).sum();
    result.reports = reports;
    long[] latencies = new long[reports];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Cpu ingestCpu = Cpu.start();
    long ingestStart = System.nanoTime();
    try {
      for (int round = 0; round < rounds; round++) {
        clock.set(START.plus(ROUND.multipliedBy(firstRound + round)).plusSeconds(2));
        List<Future<?>> futures = new ArrayList<>();
        for (OracleFleet.Poc poc : pocs.get(round)) {
          futures.add(
              pool.submit(
                  () -> {
                    latencies[next.getAndIncrement()] =
                        post(http, base, "/v1/reports/beacon", poc.beacon(), 202);
                    for (byte[] witness : poc.witnesses()) {
                      latencies[next.getAndIncrement()] =
                          post(http, base, "/v1/reports/witness", witness, 202);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    result.ingestNanos = System.nanoTime() - ingestStart;
    result.ingestCpu = ingestCpu.stop();
    Arrays.sort(latencies);
    result.p50Nanos = latencies[latencies.length / 2];
    result.p99Nanos = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];

    clock.set(START.plus(ROUND.multipliedBy(firstRound + rounds - 1)).plus(Duration.ofMinutes(5)));
    ExecutorService workerPool = Executors.newFixedThreadPool(pocWorkers.size());
    Cpu workerCpu = Cpu.start();
    long workerStart = System.nanoTime();
    try {
      while (count(sql, "SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed") > 0) {
        List<Future<PocWorker.RunSummary>> runs = new ArrayList<>();
        for (PocWorker worker : pocWorkers) {
          runs.add(workerPool.submit(worker::runOnce));
        }
        for (Future<PocWorker.RunSummary> run : runs) {
          result.failed += run.get().failed();
        }
      }
    } finally {
      workerPool.shutdownNow();
    }
    result.workerNanos = System.nanoTime() - workerStart;
    result.workerCpu = workerCpu.stop();
    result.verdicts = count(sql, "SELECT count(*) AS n FROM poc.verdict") - verdictsBefore;
    long beaconVerdicts =
        count(sql, "SELECT count(*) AS n FROM poc.verdict WHERE kind = 'beacon'")
            - beaconVerdictsBefore;
    if (beaconVerdicts != result.beacons) {
      throw new IllegalStateException(
          "expected one verdict per beacon, " + result.beacons + ", got " + beaconVerdicts);
    }
    return result;
  }

  private static long count(Sql sql, String query) {
    return sql.queryOne(query, row -> Rows.required(row, "n", Long.class)).orElseThrow();
  }

  /** POSTs a protobuf body; returns the round-trip time in ns. */
  private static long post(HttpClient http, URI base, String path, byte[] body, int expected)
      throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (reply.statusCode() != expected) {
      throw new IllegalStateException(
          "POST " + path + ": expected " + expected + ", got " + reply.statusCode() + reply.body());
    }
    return took;
  }

  /** CPU seconds of this JVM and of the embedded PostgreSQL processes over one phase. */
  record CpuUse(double jvmSeconds, double postgresSeconds, double jitSeconds) {}

  private record Cpu(long jvmNanos, long postgresNanos, long jitMillis) {
    static Cpu start() {
      return new Cpu(jvmCpuNanos(), postgresCpuNanos(), compiledMillis());
    }

    CpuUse stop() {
      return new CpuUse(
          (jvmCpuNanos() - jvmNanos) / 1e9,
          (postgresCpuNanos() - postgresNanos) / 1e9,
          (compiledMillis() - jitMillis) / 1e3);
    }

    static long compiledMillis() {
      return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    static long jvmCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    /**
     * The embedded server's postmaster (pg_ctl detaches it from this JVM, so it is found by its
     * data directory on the command line) and its backends, which are its children.
     */
    static long postgresCpuNanos() {
      return ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains(PG_DIR_MARKER)).orElse(false))
          .flatMap(
              p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
          .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
          .sum();
    }
  }

  private static final class Result {
    int beacons;
    int reports;
    long verdicts;
    int failed;
    long ingestNanos;
    long workerNanos;
    long p50Nanos;
    long p99Nanos;
    CpuUse ingestCpu;
    CpuUse workerCpu;
    List<String> outcomes;

    void print(
        double sig1Before,
        double sig2Before,
        double sig1After,
        double sig2After,
        int hotspots,
        int rounds,
        int clients,
        int workers) {
      double ingestS = ingestNanos / 1e9;
      double workerS = workerNanos / 1e9;
      double ingestRate = reports / ingestS;
      double workerRate = verdicts / workerS;
      double endToEnd = verdicts / (ingestS + workerS);
      double sig2 = Math.min(sig2Before, sig2After);
      System.out.printf(
          Locale.ROOT,
          "oracle ingest + verify: %d hotspots, %d measured rounds, %d beacons, %d reports, %d client"
              + " threads, %d worker(s); %d available processors, %s%n",
          hotspots,
          rounds,
          beacons,
          reports,
          clients,
          workers,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      System.out.printf(
          Locale.ROOT,
          "%nEd25519 verify ceiling (BouncyCastle Ed25519Signer)  before         after%n"
              + "  1 thread                              %,12.0f/s  %,12.0f/s%n"
              + "  2 threads                             %,12.0f/s  %,12.0f/s%n",
          sig1Before,
          sig1After,
          sig2Before,
          sig2After);
      System.out.printf(
          Locale.ROOT,
          "%nphase              wall s   rate              JVM CPU s   (of it JIT s)  PostgreSQL CPU s%n"
              + "ingest (HTTP)   %8.2f   %,8.0f req/s    %8.2f   %8.2f      %8.2f%n"
              + "worker          %8.2f   %,8.0f verdicts/s %7.2f   %8.2f      %8.2f%n"
              + "end to end      %8.2f   %,8.0f verdicts/s%n",
          ingestS,
          ingestRate,
          ingestCpu.jvmSeconds(),
          ingestCpu.jitSeconds(),
          ingestCpu.postgresSeconds(),
          workerS,
          workerRate,
          workerCpu.jvmSeconds(),
          workerCpu.jitSeconds(),
          workerCpu.postgresSeconds(),
          ingestS + workerS,
          endToEnd);
      System.out.printf(
          Locale.ROOT,
          "ingest latency p50 %.2f ms, p99 %.2f ms; committed verdicts %d (%d reports),"
              + " beacons failed and retried %d%n",
          p50Nanos / 1e6,
          p99Nanos / 1e6,
          verdicts,
          reports,
          failed);
      System.out.printf(
          Locale.ROOT,
          "%nratio (to the lower 2-thread ceiling, %,.0f/s)        value   inverse%n"
              + "  end-to-end verdicts/s                          %8.4f  %8.1f%n"
              + "  ingest requests/s                              %8.4f  %8.1f%n"
              + "  worker verdicts/s                              %8.4f  %8.1f%n"
              + "  target: end to end >= 0.7 of the ceiling: %s%n",
          sig2,
          endToEnd / sig2,
          sig2 / endToEnd,
          ingestRate / sig2,
          sig2 / ingestRate,
          workerRate / sig2,
          sig2 / workerRate,
          endToEnd / sig2 >= 0.7 ? "met" : "NOT met");
      System.out.printf(Locale.ROOT, "%nverdicts by outcome%n");
      outcomes.forEach(System.out::println);
    }
  }
}
