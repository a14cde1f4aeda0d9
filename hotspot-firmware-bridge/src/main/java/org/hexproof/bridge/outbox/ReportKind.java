package org.hexproof.bridge.outbox;

import java.util.Arrays;

/**
 * What a stored record is, which decides where the sender delivers it. Codes are written to disk:
 * they are stable and never reused.
 */
public enum ReportKind {
  /** A signed {@code HotspotOnboarding}. */
  ONBOARDING(1),
  /** A signed {@code LocationAssertion}. */
  LOCATION(2),
  /** A signed {@code BeaconReport}. */
  BEACON(3),
  /** A signed {@code WitnessReport}. */
  WITNESS(4);

  private final int code;

  ReportKind(int code) {
    this.code = code;
  }

  /** The on-disk code, 1..255. */
  public int code() {
    return code;
  }

  /**
   * The kind with this on-disk code.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static ReportKind fromCode(int code) {
    return Arrays.stream(values())
        .filter(k -> k.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("report kind: expected 1..4, got " + code));
  }
}
