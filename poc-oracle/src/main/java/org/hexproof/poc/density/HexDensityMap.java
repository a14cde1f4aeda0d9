package org.hexproof.poc.density;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;

/**
 * The result of {@link HexDensity#compute}: the transmit scale of every asserted location that was
 * counted, keyed by the exact asserted cell (typically res 12). Immutable.
 */
public final class HexDensityMap implements HexScales {
  private final Map<H3Cell, BigDecimal> scales;

  HexDensityMap(Map<H3Cell, BigDecimal> scales) {
    this.scales = Collections.unmodifiableMap(scales);
  }

  /**
   * The scale for a beaconer asserted here, or {@link #DEFAULT_SCALE} (0.2) if no interactive
   * hotspot was counted at exactly this cell.
   *
   * @param assertedLocation the exact asserted cell, not null
   * @return the scale, 4 decimals, in (0, 1]
   * @throws NullPointerException if {@code assertedLocation} is null
   */
  @Override
  public BigDecimal scaleOf(H3Cell assertedLocation) {
    return find(assertedLocation).orElse(DEFAULT_SCALE);
  }

  /**
   * The computed scale of a location, without the default.
   *
   * @param assertedLocation the exact asserted cell, not null
   * @return the scale, or empty if the location was not counted
   * @throws NullPointerException if {@code assertedLocation} is null
   */
  public Optional<BigDecimal> find(H3Cell assertedLocation) {
    return Optional.ofNullable(scales.get(Objects.requireNonNull(assertedLocation, "location")));
  }

  /**
   * Every counted location and its scale.
   *
   * @return an unmodifiable map; iteration order is unspecified
   */
  public Map<H3Cell, BigDecimal> scales() {
    return scales;
  }
}
