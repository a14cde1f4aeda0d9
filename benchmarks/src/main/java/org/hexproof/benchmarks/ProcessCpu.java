package org.hexproof.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU seconds of a JVM (and of it, its JIT compiler threads' and garbage collector threads') and of
 * an embedded PostgreSQL server over one phase, read from {@code /proc/<pid>/stat} and {@code
 * /proc/<pid>/task/<tid>/stat}. The JVM is this one or the oracle's own ({@link OracleProcess}).
 * The server is found by a marker in its data directory's path: pg_ctl detaches the postmaster from
 * the JVM that started it, and its backends are the postmaster's children. Backends that exit
 * during a phase are counted too: their CPU moves into the postmaster's {@code cutime}/{@code
 * cstime} when it reaps them (proc(5)).
 */
record ProcessCpu(long[] jvmNanos, long postgresNanos, long pid, String postgresMarker) {

  /** Nanoseconds per clock tick of {@code /proc/<pid>/stat}: USER_HZ is 100 on Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /**
   * CPU seconds used over one phase: the JVM's in all (its JIT compiler threads and its garbage
   * collector threads included, as also given apart) and PostgreSQL's.
   */
  record Use(double jvmSeconds, double postgresSeconds, double jitSeconds, double gcSeconds) {}

  /** Starts measuring this JVM. */
  static ProcessCpu start(String postgresMarker) {
    return start(ProcessHandle.current().pid(), postgresMarker);
  }

  /**
   * Starts measuring a JVM, by its process id, and a PostgreSQL server.
   *
   * @param pid the JVM's process
   * @param postgresMarker a part of the PostgreSQL data directory's path
   */
  static ProcessCpu start(long pid, String postgresMarker) {
    return new ProcessCpu(jvmNanos(pid), postgresCpuNanos(postgresMarker), pid, postgresMarker);
  }

  /** The CPU used since {@link #start}. */
  Use stop() {
    long[] now = jvmNanos(pid);
    return new Use(
        (now[0] - jvmNanos[0]) / 1e9,
        (postgresCpuNanos(postgresMarker) - postgresNanos) / 1e9,
        (now[1] - jvmNanos[1]) / 1e9,
        (now[2] - jvmNanos[2]) / 1e9);
  }

  /**
   * The JVM's CPU so far: in all, of its JIT compiler threads ({@code C1/C2 CompilerThread}), and
   * of its garbage collector threads ({@code GC Thread#n}, {@code G1 …}). Compiler threads that
   * HotSpot stopped meanwhile are not counted apart (their CPU stays in the total).
   */
  private static long[] jvmNanos(long pid) {
    long[] out = {processNanos(pid), 0, 0};
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (var list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        String text = read(task.resolve("stat"));
        if (text == null) {
          continue;
        }
        String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
        long[] f = fields(text);
        long nanos = (f[0] + f[1]) * NANOS_PER_TICK;
        if (name.startsWith("C1 Compi") || name.startsWith("C2 Compi")) {
          out[1] += nanos;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
          out[2] += nanos;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** User + system CPU of a live process, in nanoseconds (proc(5) fields 14 and 15). */
  static long processNanos(long pid) {
    String text = read(Path.of("/proc", Long.toString(pid), "stat"));
    if (text == null) {
      return 0;
    }
    long[] f = fields(text);
    return (f[0] + f[1]) * NANOS_PER_TICK;
  }

  private static long postgresCpuNanos(String marker) {
    long total = 0;
    List<ProcessHandle> postmasters =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
            .toList();
    for (ProcessHandle postmaster : postmasters) {
      String text = read(Path.of("/proc", Long.toString(postmaster.pid()), "stat"));
      if (text != null) {
        long[] own = fields(text);
        total += (own[0] + own[1] + own[2] + own[3]) * NANOS_PER_TICK;
      }
      total += postmaster.descendants().mapToLong(p -> processNanos(p.pid())).sum();
    }
    return total;
  }

  /** utime, stime, cutime, cstime in ticks. */
  private static long[] fields(String stat) {
    // the command name (field 2) may hold spaces: fields after it start behind the last ')'
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {
      Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
    };
  }

  /** The file's text, or null when the process or thread is gone. */
  private static String read(Path stat) {
    try {
      return Files.readString(stat);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProcessCpu that
        && java.util.Arrays.equals(jvmNanos, that.jvmNanos)
        && postgresNanos == that.postgresNanos
        && pid == that.pid
        && postgresMarker.equals(that.postgresMarker);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(java.util.Arrays.hashCode(jvmNanos), postgresNanos, pid);
  }

  @Override
  public String toString() {
    return "ProcessCpu[pid=" + pid + "]";
  }
}
