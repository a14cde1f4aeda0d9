package org.hexproof.poc.registry;

import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.InvalidCellException;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.RequestRejected.Kind;

/**
 * The value checks of a signed {@code LocationAssertion}, before anything is stored: the cell (an
 * H3 cell at resolution 12 or finer, stored as its resolution-12 parent), the region (declared, or
 * {@link RegionDerivation derived} from the cell when unspecified), the gain range and a nonce that
 * fits a signed 64-bit column. Each failure is a 400 naming the field, what was expected and what
 * arrived.
 */
final class LocationAssertions {
  /** Accepted antenna gain, tenths of a dBi. */
  static final int MIN_GAIN_DDBI = -100;

  static final int MAX_GAIN_DDBI = 500;

  /** The checked values of one assertion. */
  record Checked(H3Cell cell, Region region, int gainDdbi, int elevationMeters, long nonce) {}

  private LocationAssertions() {}

  /**
   * Checks an assertion's values.
   *
   * @param message a signature-checked assertion
   * @return its values, the cell at resolution {@value HotspotRegistry#LOCATION_RESOLUTION}
   * @throws RequestRejected 400 for a bad cell, region, gain or nonce
   */
  static Checked check(LocationAssertion message) {
    H3Cell cell = location(message.getH3Cell());
    Region region = region(message, cell);
    if (message.getGainDdbi() < MIN_GAIN_DDBI || message.getGainDdbi() > MAX_GAIN_DDBI) {
      throw new RequestRejected(
          Kind.MALFORMED,
          "LocationAssertion.gain_ddbi: expected "
              + MIN_GAIN_DDBI
              + ".."
              + MAX_GAIN_DDBI
              + ", got "
              + message.getGainDdbi());
    }
    long nonce = message.getNonce();
    if (nonce < 0) {
      throw new RequestRejected(
          Kind.MALFORMED,
          "LocationAssertion.nonce: expected at most "
              + Long.MAX_VALUE
              + ", got "
              + Long.toUnsignedString(nonce));
    }
    return new Checked(cell, region, message.getGainDdbi(), message.getElevationM(), nonce);
  }

  private static H3Cell location(long index) {
    H3Cell cell;
    try {
      cell = H3Cell.fromLong(index);
    } catch (InvalidCellException e) {
      throw new RequestRejected(
          Kind.MALFORMED, "LocationAssertion.h3_cell: expected an H3 cell, got " + index);
    }
    if (cell.resolution() < HotspotRegistry.LOCATION_RESOLUTION) {
      throw new RequestRejected(
          Kind.MALFORMED,
          "LocationAssertion.h3_cell: expected resolution >= "
              + HotspotRegistry.LOCATION_RESOLUTION
              + ", got "
              + cell.resolution());
    }
    return cell.parent(HotspotRegistry.LOCATION_RESOLUTION);
  }

  private static Region region(LocationAssertion message, H3Cell cell) {
    if (message.getRegion() == org.hexproof.core.proto.Region.REGION_UNSPECIFIED) {
      return RegionDerivation.of(cell)
          .orElseThrow(
              () ->
                  new RequestRejected(
                      Kind.MALFORMED,
                      "LocationAssertion.region: not declared, and "
                          + cell.toDecimalString()
                          + " is outside the derivation table; declare it"));
    }
    return Region.fromProto(message.getRegion())
        .orElseThrow(
            () ->
                new RequestRejected(
                    Kind.MALFORMED,
                    "LocationAssertion.region: unknown code " + message.getRegionValue()));
  }
}
