package org.hexproof.poc.verify;

/** What a hotspot may do in PoC (Helium {@code is_full_hotspot}). */
public enum Capability {
  /** Beacons, witnesses and carries data. */
  FULL,
  /** Carries data only; its beacons and witnesses are {@code invalid_capability}. */
  DATA_ONLY
}
