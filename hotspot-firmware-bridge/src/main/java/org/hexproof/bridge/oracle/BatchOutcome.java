package org.hexproof.bridge.oracle;

import java.util.List;
import java.util.Objects;

/** How the oracle answered a batch of reports ({@link OracleClient#submitBeacons}). */
public sealed interface BatchOutcome {

  /**
   * 200: one outcome per report, in the order sent. A stored report (or a duplicate, with its first
   * receipt) is {@link OracleOutcome.Accepted} with status 202; a 4xx other than 429 is {@link
   * OracleOutcome.Rejected} (nothing stored for that report); 429, 5xx or an unknown status is
   * {@link OracleOutcome.Unavailable}.
   *
   * @param results one per report sent
   */
  record Answered(List<OracleOutcome> results) implements BatchOutcome {
    /** Validates and copies. */
    public Answered {
      results = List.copyOf(results);
    }
  }

  /**
   * 404: the oracle has no batch endpoint (it predates it); nothing was stored.
   *
   * @param detail the answer, shortened
   */
  record NotServed(String detail) implements BatchOutcome {
    /** Validates. */
    public NotServed {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * 413: more reports than the oracle's {@code max-batch-reports}; nothing was stored.
   *
   * @param detail the problem detail
   */
  record TooMany(String detail) implements BatchOutcome {
    /** Validates. */
    public TooMany {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * Anything else: no answer (connection, timeout), 5xx, 429, another status, or a 200 whose body
   * is not one result per report. Treat as nothing stored and retry.
   *
   * @param reason the request and what went wrong
   */
  record Unavailable(String reason) implements BatchOutcome {
    /** Validates. */
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
