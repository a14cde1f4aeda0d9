package org.hexproof.benchmarks;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.poc.entropy.EntropyService;

/**
 * Sustained HTTP load for two minutes per service, each beside the limit measured in the same run.
 *
 * <ol>
 *   <li>Ingest: the oracle in-process (environment {@code oracle}, embedded PostgreSQL, schedulers
 *       off), a seeded fleet of onboarded hotspots ({@link OracleFleet}); {@code
 *       bench.load.clients} keep-alive clients POST pre-signed beacon and witness reports back to
 *       back (closed loop: the rate they reach is the highest the oracle sustains on this machine)
 *       for {@code bench.load.seconds}. Every answer must be 202. Limit: BouncyCastle's Ed25519
 *       verify rate on 2 threads, before and after (each report carries one signature ingest must
 *       verify).
 *   <li>Lookups: coverage-map in-process on embedded PostgreSQL with {@link CoverageBenchmarks}'
 *       city, {@code GET /v1/coverage/point} by the same number of keep-alive clients for the same
 *       time; every answer must be 200. Limit: {@link CoverageMap#lookup} in process on 2 threads
 *       over the same points, no HTTP.
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.hexproof.benchmarks.SustainedLoad}
 * (properties {@code bench.load.seconds} 120, {@code bench.load.clients} 8, {@code
 * bench.load.hotspots} 200, {@code bench.load.reports} 400000 pre-signed). Client and server share
 * the machine's cores, as they would on one host.
 */
public final class SustainedLoad {
  private SustainedLoad() {}

  /**
   * Runs both loads.
   *
   * @param args ignored
   * @throws Exception when a service fails to start
   */
  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.load.seconds", 120);
    int clients = Integer.getInteger("bench.load.clients", 8);
    System.out.printf(
        Locale.ROOT,
        "sustained load, %s; %d processors, %s %s; %d s per service, %d clients; load average %s%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        seconds,
        clients,
        LoadAverage.oneMinute());
    ingest(seconds, clients);
    lookups(seconds, clients);
    System.out.printf(Locale.ROOT, "%nload average at end: %s%n", LoadAverage.oneMinute());
    System.exit(0);
  }

  private static void ingest(int seconds, int clients) throws Exception {
    int hotspots = Integer.getInteger("bench.load.hotspots", 200);
    int budget = Integer.getInteger("bench.load.reports", 400_000);
    Ed25519Ceiling ceiling = new Ed25519Ceiling(7);
    double sigBefore = ceiling.verifiesPerSecond(2, 2_000);
    Path dir = Files.createTempDirectory("sustained-load");
    ApplicationContext ctx =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(OracleServer.loadProperties(dir))
            .start();
    try {
      EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
      URI base = server.getURI();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      OracleFleet fleet = new OracleFleet(hotspots, 11);
      for (int i = 0; i < hotspots; i++) {
        send(http, base.resolve("/v1/hotspots"), fleet.onboarding(i), 201);
        String key = fleet.keys.get(i).publicKey().toBase58();
        send(http, base.resolve("/v1/hotspots/" + key + "/location"), fleet.location(i), 200);
      }
      ctx.getBean(EntropyService.class).tick();
      EntropyReport entropy =
          EntropyReport.parseFrom(
              http.send(
                      HttpRequest.newBuilder(base.resolve("/v1/entropy/latest")).build(),
                      HttpResponse.BodyHandlers.ofByteArray())
                  .body());
      long t0 = System.nanoTime();
      List<byte[]> bodies = new ArrayList<>(budget + 8);
      List<URI> targets = new ArrayList<>(budget + 8);
      URI beaconUri = base.resolve("/v1/reports/beacon");
      URI witnessUri = base.resolve("/v1/reports/witness");
      for (int round = 0; bodies.size() < budget; round++) {
        for (int i = 0; i < hotspots && bodies.size() < budget; i++) {
          OracleFleet.Poc poc = fleet.poc(i, entropy, round);
          bodies.add(poc.beacon());
          targets.add(beaconUri);
          for (byte[] w : poc.witnesses()) {
            bodies.add(w);
            targets.add(witnessUri);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%n== ingest: %d hotspots onboarded, %,d reports signed in %.1f s%n",
          hotspots,
          bodies.size(),
          (System.nanoTime() - t0) / 1e9);
      HttpClosedLoop run = HttpClosedLoop.run(http, targets, bodies, 202, clients, 10, seconds);
      double sigAfter = ceiling.verifiesPerSecond(2, 2_000);
      double limit = Math.min(sigBefore, sigAfter);
      print("POST /v1/reports/{beacon,witness}", run, clients);
      System.out.printf(
          Locale.ROOT,
          "limit: Ed25519 verify, 2 threads: %,.0f/s before, %,.0f/s after%n"
              + "ratio ingest / verify ceiling (lower): %.3f (%.1fx below)%n",
          sigBefore,
          sigAfter,
          run.perSecond() / limit,
          limit / run.perSecond());
    } finally {
      ctx.close();
    }
  }

  private static void lookups(int seconds, int clients) throws Exception {
    CoverageCity city = CoverageCity.generate();
    Instant now = Instant.now();
    CoverageMap map = city.model(now);
    LatLng[] points = city.randomPoints(4096, 3);
    List<URI> targets = new ArrayList<>();
    try (CoverageService service = CoverageService.start(city, now)) {
      for (LatLng p : points) {
        targets.add(
            URI.create(
                String.format(
                    Locale.ROOT,
                    "http://127.0.0.1:%d/v1/coverage/point?lat=%.6f&lng=%.6f",
                    service.port,
                    p.latDegrees(),
                    p.lngDegrees())));
      }
      System.out.printf(
          Locale.ROOT,
          "%n== coverage lookups: %d hotspots, %d cells%n",
          city.hotspots.size(),
          map.cells().size());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpClosedLoop run = HttpClosedLoop.run(http, targets, null, 200, clients, 10, seconds);
      double inProcess = inProcessLookups(map, points, 2, 5);
      print("GET /v1/coverage/point", run, clients);
      System.out.printf(
          Locale.ROOT,
          "limit: CoverageMap.lookup in process, 2 threads, no HTTP: %,.0f/s%n"
              + "ratio HTTP lookups / in-process lookups: %.4f (%.0fx below)%n",
          inProcess,
          run.perSecond() / inProcess,
          inProcess / run.perSecond());
    }
  }

  /** In-process lookups per second over {@code threads} threads for {@code seconds}. */
  private static double inProcessLookups(CoverageMap map, LatLng[] points, int threads, int seconds)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicLong sink = new AtomicLong();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] =
          new Thread(
              () -> {
                long n = 0;
                long s = 0;
                int i = id * 1031;
                while (!stop.get()) {
                  s += map.lookup(points[i++ & 4095]).covered() ? 1 : 0;
                  n++;
                }
                done.addAndGet(n);
                sink.addAndGet(s);
              });
    }
    // warm-up on the caller's thread first
    for (int i = 0; i < 500_000; i++) {
      sink.addAndGet(map.lookup(points[i & 4095]).covered() ? 1 : 0);
    }
    long t0 = System.nanoTime();
    for (Thread w : workers) {
      w.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    double rate = done.get() / ((System.nanoTime() - t0) / 1e9);
    if (sink.get() < 0) {
      throw new IllegalStateException("unreachable");
    }
    return rate;
  }

  private static void print(String name, HttpClosedLoop run, int clients) {
    System.out.printf(
        Locale.ROOT,
        "%s: %,d requests in %.1f s = %,.0f/s, %d clients; latency p50 %.2f ms, p99 %.2f ms;"
            + " errors %d%s; load average %s%n",
        name,
        run.requests(),
        run.seconds(),
        run.perSecond(),
        clients,
        run.p50Nanos() / 1e6,
        run.p99Nanos() / 1e6,
        run.errors(),
        run.firstError() == null ? "" : " (first: " + run.firstError() + ")",
        LoadAverage.oneMinute());
  }

  private static void send(HttpClient http, URI uri, byte[] body, int expected) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(uri + ": expected " + expected + ", got " + r.statusCode());
    }
  }
}
