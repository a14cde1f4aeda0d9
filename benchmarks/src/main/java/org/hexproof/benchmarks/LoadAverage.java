package org.hexproof.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine's load average, printed beside every figure a benchmark reports. */
final class LoadAverage {
  private LoadAverage() {}

  /** The 1-minute load average, two decimals. */
  static String oneMinute() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** {@code /proc/loadavg} as it reads: the 1, 5 and 15-minute averages and the task counts. */
  static String proc() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
