package org.hexproof.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hexproof.bridge.oracle.DelimitedReports;

/**
 * One measured load on the oracle: POSTs the given rounds of signed PoCs from several client
 * threads (in this JVM), then has the oracle ({@link OracleProcess}, its own JVM) run the worker on
 * several threads until no beacon is open, timing both phases and counting the CPU of the oracle's
 * JVM and of its PostgreSQL. With {@code batch} = 1 every report is its own request ({@code POST
 * /v1/reports/beacon}, {@code …/witness}); with more, each client task sends the beacons of {@code
 * batch} PoCs in one {@code …/beacon/batch} request and their witnesses in {@code …/witness/batch}
 * requests of at most {@code batch} reports.
 */
final class OracleLoad {
  private final HttpClient http;
  private final URI base;
  private final OracleProcess oracle;

  OracleLoad(HttpClient http, OracleProcess oracle) {
    this.http = http;
    this.base = oracle.base();
    this.oracle = oracle;
  }

  /** Posts the rounds (the first is round {@code firstRound} after start), then verifies them. */
  OracleRunReport run(
      Instant start,
      Duration round,
      List<List<OracleFleet.Poc>> pocs,
      int firstRound,
      int clients,
      int batch,
      int workerThreads)
      throws Exception {
    long[] before = counts();
    OracleRunReport result = new OracleRunReport();
    for (List<OracleFleet.Poc> r : pocs) {
      result.beacons += r.size();
      for (OracleFleet.Poc poc : r) {
        result.reports += 1 + poc.witnesses().size();
      }
    }
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    ProcessCpu ingestCpu = oracle.cpu();
    long ingestStart = System.nanoTime();
    try {
      for (int i = 0; i < pocs.size(); i++) {
        oracle.clock(start.plus(round.multipliedBy(firstRound + i)).plusSeconds(2));
        List<Future<?>> futures = new ArrayList<>();
        List<OracleFleet.Poc> list = pocs.get(i);
        for (int from = 0; from < list.size(); from += batch) {
          List<OracleFleet.Poc> part = list.subList(from, Math.min(list.size(), from + batch));
          futures.add(
              pool.submit(
                  () -> {
                    send(part, batch, latencies);
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
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    result.requests = sorted.length;
    result.p50Nanos = sorted[sorted.length / 2];
    result.p99Nanos = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];

    oracle.clock(start.plus(round.multipliedBy(firstRound + pocs.size() - 1)).plusSeconds(300));
    ProcessCpu workerCpu = oracle.cpu();
    long workerStart = System.nanoTime();
    result.failed = Integer.parseInt(oracle.call("work " + workerThreads));
    result.workerNanos = System.nanoTime() - workerStart;
    result.workerCpu = workerCpu.stop();
    long[] after = counts();
    result.verdicts = after[0] - before[0];
    long beaconVerdicts = after[1] - before[1];
    if (beaconVerdicts != result.beacons || result.verdicts != result.reports) {
      throw new IllegalStateException(
          "expected one verdict per report ("
              + result.beacons
              + " beacons, "
              + result.reports
              + " reports), got "
              + beaconVerdicts
              + " and "
              + result.verdicts);
    }
    return result;
  }

  private void send(List<OracleFleet.Poc> pocs, int batch, List<Long> latencies) throws Exception {
    if (batch == 1) {
      for (OracleFleet.Poc poc : pocs) {
        latencies.add(post("/v1/reports/beacon", poc.beacon(), 202, 1));
        for (byte[] witness : poc.witnesses()) {
          latencies.add(post("/v1/reports/witness", witness, 202, 1));
        }
      }
      return;
    }
    List<byte[]> beacons = pocs.stream().map(OracleFleet.Poc::beacon).toList();
    latencies.add(
        post("/v1/reports/beacon/batch", DelimitedReports.encode(beacons), 200, beacons.size()));
    List<byte[]> witnesses = pocs.stream().flatMap(p -> p.witnesses().stream()).toList();
    for (int from = 0; from < witnesses.size(); from += batch) {
      List<byte[]> part = witnesses.subList(from, Math.min(witnesses.size(), from + batch));
      latencies.add(
          post("/v1/reports/witness/batch", DelimitedReports.encode(part), 200, part.size()));
    }
  }

  /** POSTs a protobuf body; returns the round-trip time in ns. */
  long post(String path, byte[] body, int expected, int accepted) throws Exception {
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
    if (path.endsWith("/batch")) {
      int ok = reply.body().split("\"status\":202", -1).length - 1;
      if (ok != accepted) {
        throw new IllegalStateException(
            "POST " + path + ": expected " + accepted + " reports accepted: " + reply.body());
      }
    }
    return took;
  }

  /** Verdicts and beacon verdicts stored so far. */
  private long[] counts() {
    String[] n = oracle.call("counts").split(" ");
    return new long[] {Long.parseLong(n[0]), Long.parseLong(n[1])};
  }
}
