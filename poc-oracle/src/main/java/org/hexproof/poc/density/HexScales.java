package org.hexproof.poc.density;

import java.math.BigDecimal;
import org.hexproof.core.geo.H3Cell;

/**
 * Where the verifier gets a beaconer's hex scale (HIP 17 transmit scale, poc-rules.md §5): a number
 * in [0, 1] with 4 decimals, looked up by the beaconer's asserted location. Locations that are not
 * in the density map get {@link #DEFAULT_SCALE}.
 */
@FunctionalInterface
public interface HexScales {
  /** Scale of a beaconer missing from the map ({@code DEFAULT_TX_SCALE}, poc-rules.md §5). */
  BigDecimal DEFAULT_SCALE = new BigDecimal("0.2");

  /**
   * The transmit scale for a beaconer asserted at this location.
   *
   * @param assertedLocation the exact asserted cell (typically resolution 12)
   * @return the scale, 4 decimals, in [0, 1]
   */
  BigDecimal scaleOf(H3Cell assertedLocation);
}
