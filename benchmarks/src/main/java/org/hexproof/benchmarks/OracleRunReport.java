package org.hexproof.benchmarks;

import java.util.List;
import java.util.Locale;

/** The figures of one measured oracle load and how they are printed. */
final class OracleRunReport {
  int beacons;
  int reports;
  int requests;
  long verdicts;
  int failed;
  long ingestNanos;
  long workerNanos;
  long p50Nanos;
  long p99Nanos;
  ProcessCpu.Use ingestCpu;
  ProcessCpu.Use workerCpu;
  List<String> outcomes = List.of();

  double ingestSeconds() {
    return ingestNanos / 1e9;
  }

  double workerSeconds() {
    return workerNanos / 1e9;
  }

  /** Committed verdicts per second over ingest and worker wall time together. */
  double endToEnd() {
    return verdicts / (ingestSeconds() + workerSeconds());
  }

  /** PostgreSQL CPU seconds per report over both phases. */
  double postgresSecondsPerReport() {
    return (ingestCpu.postgresSeconds() + workerCpu.postgresSeconds()) / reports;
  }

  void printPhases(double sig2) {
    double ingestRate = reports / ingestSeconds();
    double workerRate = verdicts / workerSeconds();
    System.out.printf(
        Locale.ROOT,
        "%nphase              wall s   rate               oracle JVM CPU s  (of it JIT, GC s)"
            + "  PostgreSQL CPU s%n"
            + "ingest (HTTP)   %8.2f   %,8.0f reports/s %8.2f          %6.2f %6.2f   %8.2f%n"
            + "worker          %8.2f   %,8.0f verdicts/s%8.2f          %6.2f %6.2f   %8.2f%n"
            + "end to end      %8.2f   %,8.0f verdicts/s%n",
        ingestSeconds(),
        ingestRate,
        ingestCpu.jvmSeconds(),
        ingestCpu.jitSeconds(),
        ingestCpu.gcSeconds(),
        ingestCpu.postgresSeconds(),
        workerSeconds(),
        workerRate,
        workerCpu.jvmSeconds(),
        workerCpu.jitSeconds(),
        workerCpu.gcSeconds(),
        workerCpu.postgresSeconds(),
        ingestSeconds() + workerSeconds(),
        endToEnd());
    System.out.printf(
        Locale.ROOT,
        "%d requests, latency p50 %.2f ms, p99 %.2f ms; committed verdicts %d (%d reports),"
            + " beacons failed and retried %d%n",
        requests,
        p50Nanos / 1e6,
        p99Nanos / 1e6,
        verdicts,
        reports,
        failed);
    System.out.printf(
        Locale.ROOT,
        "%nratio (to the lower 2-thread ceiling, %,.0f/s)        value   inverse%n"
            + "  end-to-end verdicts/s                          %8.4f  %8.1f%n"
            + "  ingest reports/s                               %8.4f  %8.1f%n"
            + "  worker verdicts/s                              %8.4f  %8.1f%n"
            + "  (wall-clock ceilings move with other processes' load: the target is judged on CPU"
            + " time below)%n",
        sig2,
        endToEnd() / sig2,
        sig2 / endToEnd(),
        ingestRate / sig2,
        sig2 / ingestRate,
        workerRate / sig2,
        sig2 / workerRate);
  }

  void printFloor(PostgresFloor.Floors floors, double sig2, int cores, double signatureMicros) {
    double pipelineBound = cores / postgresSecondsPerReport();
    PostgresFloor.Floor floor = floors.least();
    System.out.printf(
        Locale.ROOT,
        "%nPostgreSQL floor (same server, after the load)   PG µs/report  bound reports/s  ratio to"
            + " ceiling%n"
            + "  this run's pipeline (PG CPU of both phases)   %8.1f      %,10.0f       %.4f%n",
        postgresSecondsPerReport() * 1e6,
        pipelineBound,
        pipelineBound / sig2);
    for (var way :
        java.util.Map.of("INSERT … unnest", floors.insert(), "COPY FROM STDIN", floors.copy())
            .entrySet()
            .stream()
            .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
            .toList()) {
      PostgresFloor.Floor f = way.getValue();
      System.out.printf(
          Locale.ROOT,
          "  least work, %-16s%s   %8.1f      %,10.0f       %.4f%n",
          way.getKey(),
          f == floor ? " (floor)" : "        ",
          f.postgresMicrosPerReport(),
          f.boundPerSecond(cores),
          f.boundPerSecond(cores) / sig2);
    }
    System.out.printf(
        Locale.ROOT,
        "  (insert report + verdict, close, 1/5 feed entry; %,d reports in chunks of %d)%n",
        floor.reports(),
        PostgresFloor.CHUNK);
    // CPU time, unlike rates per wall second, does not fall when other processes share the cores
    double cpuCeiling = cores / (signatureMicros / 1e6);
    double leastCpu = floor.cpu().postgresSeconds() / floor.reports();
    double combined = cores / (signatureMicros / 1e6 + leastCpu);
    double ingestJvm = ingestCpu.jvmSeconds() / reports * 1e6;
    double ingestPg = ingestCpu.postgresSeconds() / reports * 1e6;
    double workerJvm = workerCpu.jvmSeconds() / verdicts * 1e6;
    double workerPg = workerCpu.postgresSeconds() / verdicts * 1e6;
    double runMicros = ingestJvm + ingestPg + workerJvm + workerPg;
    double runRatio = cores / (runMicros / 1e6) / cpuCeiling;
    System.out.printf(
        Locale.ROOT,
        "%nCPU time per report (thread CPU clocks, /proc; independent of other processes' load)"
            + "     µs     bound/s   ratio to %d-core signature ceiling%n"
            + "  Ed25519 verify (1 thread, thread CPU clock)                 %8.1f  %,10.0f   1%n"
            + "  + least-work PostgreSQL                                     %8.1f  %,10.0f   %.4f%n"
            + "  this run: oracle JVM + PostgreSQL, both phases              %8.1f  %,10.0f   %.4f%n"
            + "    ingest: oracle JVM %.1f (of it JIT %.1f, GC %.1f), PostgreSQL %.1f%n"
            + "    worker: oracle JVM %.1f (of it JIT %.1f, GC %.1f), PostgreSQL %.1f%n"
            + "  target: end to end >= 0.7 of the signature ceiling (CPU time): %s%n",
        cores,
        signatureMicros,
        cpuCeiling,
        signatureMicros + leastCpu * 1e6,
        combined,
        combined / cpuCeiling,
        runMicros,
        cores / (runMicros / 1e6),
        runRatio,
        ingestJvm,
        ingestCpu.jitSeconds() / reports * 1e6,
        ingestCpu.gcSeconds() / reports * 1e6,
        ingestPg,
        workerJvm,
        workerCpu.jitSeconds() / verdicts * 1e6,
        workerCpu.gcSeconds() / verdicts * 1e6,
        workerPg,
        runRatio >= 0.7 ? "met" : "NOT met");
  }

  void printOutcomes() {
    System.out.printf(Locale.ROOT, "%nverdicts by outcome (all rounds, warm-up included)%n");
    outcomes.forEach(System.out::println);
  }
}
