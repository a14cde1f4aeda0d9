package org.hexproof.poc.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.verify.Verdict;
import org.hexproof.poc.worker.WorkerListener;

/**
 * The oracle's meters, served at {@code /prometheus}:
 *
 * <ul>
 *   <li>{@code hexproof_oracle_verdicts_total{kind, verdict, reason, profile}}: committed verdicts,
 *       with the rule profile that judged them ({@code none} for stale closures);
 *   <li>{@code hexproof_oracle_ingest_total{kind, outcome}}: ingest requests by status ({@code
 *       accepted}, {@code duplicate}, {@code malformed}, {@code unauthenticated}, ...);
 *   <li>{@code hexproof_oracle_ingest_group_writes_total} and {@code
 *       hexproof_oracle_ingest_grouped_reports_total}: inserts of single-report requests and the
 *       reports they stored; their quotient is the mean group size (1 when requests come one at a
 *       time, larger under load); {@code hexproof_oracle_ingest_queued_reports}: single reports
 *       waiting now for the insert in flight to end;
 *   <li>{@code hexproof_oracle_open_beacons}: beacons received and not yet closed (queue depth);
 *   <li>{@code hexproof_oracle_verify_seconds}: time to verify and write one beacon;
 *   <li>{@code hexproof_oracle_verify_failures_total}: beacons left for a retry.
 * </ul>
 */
@Singleton
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class OracleMetrics implements WorkerListener {
  private final MeterRegistry registry;
  private final AtomicLong openBeacons = new AtomicLong();
  private final Timer verifyTimer;
  private final Counter failures;

  /**
   * @param registry the meter registry
   * @param ingest report ingest, whose grouped inserts are counted
   */
  public OracleMetrics(MeterRegistry registry, ReportIngest ingest) {
    this.registry = registry;
    FunctionCounter.builder(
            "hexproof.oracle.ingest.group.writes", ingest, ReportIngest::groupedWrites)
        .description("inserts of single-report requests, each storing one group")
        .register(registry);
    FunctionCounter.builder(
            "hexproof.oracle.ingest.grouped.reports", ingest, ReportIngest::groupedReports)
        .description("single reports stored by those inserts")
        .register(registry);
    registry.gauge("hexproof.oracle.ingest.queued.reports", ingest, ReportIngest::queuedReports);
    registry.gauge("hexproof.oracle.open.beacons", openBeacons);
    this.verifyTimer =
        Timer.builder("hexproof.oracle.verify")
            .description("time to gather, verify and write one beacon")
            .register(registry);
    this.failures = registry.counter("hexproof.oracle.verify.failures");
  }

  /** Counts an ingest outcome. */
  public void ingest(String kind, String outcome) {
    registry.counter("hexproof.oracle.ingest", "kind", kind, "outcome", outcome).increment();
  }

  @Override
  public void verdict(String kind, Verdict verdict, String profile) {
    String reason = verdict instanceof Verdict.Invalid i ? i.reason().reasonName() : "none";
    registry
        .counter(
            "hexproof.oracle.verdicts",
            "kind",
            kind,
            "verdict",
            verdict.isValid() ? "valid" : "invalid",
            "reason",
            reason,
            "profile",
            profile)
        .increment();
  }

  @Override
  public void verified(Duration took) {
    verifyTimer.record(took);
  }

  @Override
  public void failed(Throwable cause) {
    failures.increment();
  }

  @Override
  public void openBeacons(long count) {
    openBeacons.set(count);
  }
}
