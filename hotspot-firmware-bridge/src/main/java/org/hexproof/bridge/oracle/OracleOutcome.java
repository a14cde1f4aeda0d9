package org.hexproof.bridge.oracle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How the oracle answered a submission. */
public sealed interface OracleOutcome {

  /**
   * The oracle has it (200, 201, 202; and 409 for an onboarding that already happened).
   *
   * @param status the HTTP status
   * @param reportId the {@code report_id} of a 202 answer, when the body had one
   */
  record Accepted(int status, Optional<String> reportId) implements OracleOutcome {
    /** Validates. */
    public Accepted {
      Objects.requireNonNull(reportId, "reportId");
    }
  }

  /**
   * The oracle refused it for good (4xx other than 429): sending the same bytes again cannot
   * succeed.
   *
   * @param status the HTTP status, 400..499
   * @param detail the problem JSON's {@code detail} (else {@code title}, else the body, shortened)
   */
  record Rejected(int status, String detail) implements OracleOutcome {
    /** Validates. */
    public Rejected {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The oracle could not take it now (429 Too Many Requests, 5xx, an unexpected status, connection
   * or timeout): retry.
   *
   * @param reason what happened, e.g. {@code 503 Service Unavailable} or {@code connection refused}
   * @param retryAfter how long the answer's {@code Retry-After} asked to wait (0..1 day), if it had
   *     a usable one
   */
  record Unavailable(String reason, Optional<Duration> retryAfter) implements OracleOutcome {
    /** Validates. */
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Without a {@code Retry-After}. */
    public Unavailable(String reason) {
      this(reason, Optional.empty());
    }
  }
}
