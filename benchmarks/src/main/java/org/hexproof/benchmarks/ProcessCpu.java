package org.hexproof.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU seconds of this JVM (and of it, the JIT compiler's) and of an embedded PostgreSQL server over
 * one phase. The server is found by a marker in its data directory's path: pg_ctl detaches the
 * postmaster from this JVM, and its backends are the postmaster's children.
 */
record ProcessCpu(long jvmNanos, long postgresNanos, long jitMillis, String postgresMarker) {

  /** CPU seconds used over one phase. */
  record Use(double jvmSeconds, double postgresSeconds, double jitSeconds) {}

  /** Starts measuring. */
  static ProcessCpu start(String postgresMarker) {
    return new ProcessCpu(
        jvmCpuNanos(), postgresCpuNanos(postgresMarker), compiledMillis(), postgresMarker);
  }

  /** The CPU used since {@link #start}. */
  Use stop() {
    return new Use(
        (jvmCpuNanos() - jvmNanos) / 1e9,
        (postgresCpuNanos(postgresMarker) - postgresNanos) / 1e9,
        (compiledMillis() - jitMillis) / 1e3);
  }

  private static long compiledMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long postgresCpuNanos(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }
}
