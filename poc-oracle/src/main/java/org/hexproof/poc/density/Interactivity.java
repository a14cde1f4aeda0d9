package org.hexproof.poc.density;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which hotspots count towards hex density: those whose last beacon reciprocity (a valid beacon
 * that had at least one witness report) is recent (poc-rules.md §5, HIP 17).
 */
public final class Interactivity {
  /** The oracle's window, {@code HIP_17_INTERACTIVITY_LIMIT}: 60 hours. */
  public static final Duration HIP17_WINDOW = Duration.ofHours(60);

  private Interactivity() {}

  /**
   * Whether a hotspot is interactive at {@code now}: its last beacon reciprocity is at or after
   * {@code now − window} (inclusive, as the oracle's {@code timestamp >= deadline} query). A
   * reciprocity later than {@code now} also counts.
   *
   * @param lastBeaconReciprocity the hotspot's last beacon reciprocity, empty if it never had one;
   *     not null
   * @param now the time of the density computation, not null
   * @param window how far back a reciprocity counts, not null, ≥ 0 (usually {@link #HIP17_WINDOW})
   * @return true if the hotspot counts
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public static boolean isInteractive(
      Optional<Instant> lastBeaconReciprocity, Instant now, Duration window) {
    Objects.requireNonNull(lastBeaconReciprocity, "lastBeaconReciprocity");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window: expected ≥ 0, got " + window);
    }
    Instant deadline = now.minus(window);
    return lastBeaconReciprocity.map(last -> !last.isBefore(deadline)).orElse(false);
  }
}
