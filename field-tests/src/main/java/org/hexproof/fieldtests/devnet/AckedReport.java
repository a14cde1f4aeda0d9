package org.hexproof.fieldtests.devnet;

import java.util.Objects;

/**
 * A report the oracle acknowledged to a hotspot (202 with a {@code report_id}), as the devnet's
 * oracle relay saw it.
 *
 * @param hotspot the hotspot's name
 * @param kind {@code beacon} or {@code witness}
 * @param reportId the oracle's id of the report
 */
public record AckedReport(String hotspot, String kind, String reportId) {
  /** Validates. */
  public AckedReport {
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reportId, "reportId");
  }
}
