package org.hexproof.poc.verify;

/**
 * The verifier cannot decide a PoC because its configuration is missing something (region
 * parameters not loaded, an entropy version no beacon can be built from, a plan that cannot carry a
 * beacon). This is an infrastructure failure, not an invalid beacon: retry once the configuration
 * is fixed (poc-rules.md §1.3, STYLE.md §4).
 */
public final class UnverifiableBeaconException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message naming what is missing. */
  public UnverifiableBeaconException(String message) {
    super(message);
  }

  /** With a message and the underlying failure. */
  public UnverifiableBeaconException(String message, Throwable cause) {
    super(message, cause);
  }
}
