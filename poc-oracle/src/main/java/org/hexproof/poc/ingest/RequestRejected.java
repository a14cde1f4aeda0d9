package org.hexproof.poc.ingest;

import java.util.Objects;

/**
 * A request the oracle refuses before storing anything (STYLE.md §4, malformed input). The HTTP
 * adapter answers {@link Kind#status()} with problem JSON carrying {@link #detail()}.
 */
public final class RequestRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, with the HTTP status that says it. */
  public enum Kind {
    /** Not parseable, a field out of range, a key that is not a key: 400. */
    MALFORMED(400),
    /** The signature does not verify against the claimed key, or no/invalid bearer token: 401. */
    UNAUTHENTICATED(401),
    /** Authenticated but not allowed: a key that is not onboarded, a wrong operator token: 403. */
    FORBIDDEN(403),
    /** The addressed resource does not exist: 404. */
    NOT_FOUND(404),
    /** Conflicts with stored state (a nonce that does not increase, another owner): 409. */
    CONFLICT(409),
    /** Body larger than the configured maximum: 413. */
    TOO_LARGE(413),
    /** Not ready to answer yet (no entropy generated yet): 503. */
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String detail;

  /**
   * @param kind the category
   * @param detail what was expected and what arrived; shown to the client, never a secret
   */
  public RequestRejected(Kind kind, String detail) {
    super(detail, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** The category. */
  public Kind kind() {
    return kind;
  }

  /** The client-facing explanation. */
  public String detail() {
    return detail;
  }
}
