package org.hexproof.fieldtests.fleet;

/**
 * How a hotspot misbehaves. Each cheat changes only what the hotspot asserts, reports or transmits,
 * where it stands, or the operator's denylist; the oracle and its rules are untouched.
 */
public enum Cheat {
  /** Asserts a location far from where its antenna stands. */
  FALSE_LOCATION,
  /**
   * Reports its witnesses with the received signal raised by {@link FleetPlan#RSSI_INFLATION_DB}.
   */
  INFLATED_RSSI,
  /** Stands (and asserts) closer to a partner than the PoC minimum distance. */
  TOO_CLOSE,
  /** Its pairing with a partner is on the operator's denylist (an edge). */
  DENIED_EDGE,
  /**
   * Keeps the entropy and local bytes of its first beacon and sends that same beacon again in every
   * later window, each time with a freshly signed report.
   */
  REPLAYED_BEACONS
}
