package org.hexproof.poc.registry;

import java.util.List;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;

/**
 * The region of a location assertion that does not declare one ({@code REGION_UNSPECIFIED}): the
 * first of these latitude/longitude boxes (degrees, inclusive) that holds the cell's centre. The
 * table is deliberately coarse — it covers the common LoRa plans only; anywhere else, and for WiFi,
 * the assertion must declare its region (400 otherwise).
 *
 * <table>
 *   <caption>boxes, in match order</caption>
 *   <tr><th>region</th><th>latitude</th><th>longitude</th><th>roughly</th></tr>
 *   <tr><td>EU868</td><td>27 .. 72</td><td>−32 .. 45</td><td>Europe, Canaries, Azores</td></tr>
 *   <tr><td>US915</td><td>7 .. 72</td><td>−170 .. −50</td><td>North and Central America</td></tr>
 *   <tr><td>AU915</td><td>−48 .. −9</td><td>110 .. 180</td><td>Australia, New Zealand</td></tr>
 *   <tr><td>AS923-1</td><td>−11 .. 46</td><td>95 .. 150</td><td>South-East and East Asia</td></tr>
 * </table>
 */
public final class RegionDerivation {
  private record Box(Region region, double minLat, double maxLat, double minLng, double maxLng) {
    boolean contains(LatLng p) {
      return p.latDegrees() >= minLat
          && p.latDegrees() <= maxLat
          && p.lngDegrees() >= minLng
          && p.lngDegrees() <= maxLng;
    }
  }

  private static final List<Box> BOXES =
      List.of(
          new Box(Region.EU868, 27, 72, -32, 45),
          new Box(Region.US915, 7, 72, -170, -50),
          new Box(Region.AU915, -48, -9, 110, 180),
          new Box(Region.AS923_1, -11, 46, 95, 150));

  private RegionDerivation() {}

  /**
   * The region for a location.
   *
   * @param location an asserted cell
   * @return the region of the first box holding its centre, or empty
   */
  public static Optional<Region> of(H3Cell location) {
    LatLng centre = location.center();
    return BOXES.stream().filter(b -> b.contains(centre)).map(Box::region).findFirst();
  }
}
