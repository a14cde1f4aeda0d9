package org.hexproof.fieldtests.sites;

import java.util.List;
import java.util.Objects;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.rf.RfEnvironment;
import org.hexproof.fieldtests.rf.Terrain;

/**
 * A real city's built-up area, approximated by a disc, with its LoRa region and RF terrain. The
 * discs are chosen to stay mostly on land; the figures behind them are in each constant's comment
 * (coordinates and areas as published by the municipalities and summarised on Wikipedia, read 2025;
 * nothing is downloaded at run time).
 *
 * @param name display name
 * @param region the LoRa region its hotspots operate in
 * @param terrain the RF environment preset
 * @param center centre of the disc
 * @param radiusMeters disc radius, metres, 100..50 000
 */
public record City(
    String name, Region region, Terrain terrain, LatLng center, double radiusMeters) {

  /**
   * Malta's harbour conurbation (Birkirkara, Msida, Ħamrun, Qormi; Valletta lies 4 km east): a 3 km
   * disc (28 km²) around Birkirkara, 35.8972 N 14.4611 E, mostly land, denser than any other EU868
   * island network.
   */
  public static final City VALLETTA =
      new City(
          "Valletta / Malta", Region.EU868, Terrain.URBAN, new LatLng(35.8972, 14.4611), 3_000);

  /**
   * Amsterdam: 6 km (113 km²) around the Dam, 52.3731 N 4.8926 E; the municipality covers 219 km²
   * of which 165 km² land.
   */
  public static final City AMSTERDAM =
      new City("Amsterdam", Region.EU868, Terrain.URBAN, new LatLng(52.3731, 4.8926), 6_000);

  /**
   * Lisbon: 5 km (79 km²) around 38.7436 N 9.1602 W, the centroid of the 100 km² municipality; the
   * disc's southern edge reaches the Tagus shore.
   */
  public static final City LISBON =
      new City("Lisbon", Region.EU868, Terrain.URBAN, new LatLng(38.7436, -9.1602), 5_000);

  /**
   * Austin, Texas: 12 km (452 km²) around downtown, 30.2672 N 97.7431 W; the city covers about 830
   * km², mostly low-rise.
   */
  public static final City AUSTIN =
      new City("Austin", Region.US915, Terrain.SUBURBAN, new LatLng(30.2672, -97.7431), 12_000);

  /**
   * Melbourne: 8 km (201 km²) around 37.79 S 144.98 E, just north-east of the CBD (37.8136 S
   * 144.9631 E) so the disc stops at Port Phillip's shore near St Kilda.
   */
  public static final City MELBOURNE =
      new City("Melbourne", Region.AU915, Terrain.SUBURBAN, new LatLng(-37.79, 144.98), 8_000);

  /** Validates. */
  public City {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(terrain, "terrain");
    Objects.requireNonNull(center, "center");
    if (!(radiusMeters >= 100 && radiusMeters <= 50_000)) {
      throw new IllegalArgumentException("city radius: expected 100..50000 m, got " + radiusMeters);
    }
  }

  /** Every city above. */
  public static List<City> all() {
    return List.of(VALLETTA, AMSTERDAM, LISBON, AUSTIN, MELBOURNE);
  }

  /** The city's RF environment with {@code seed}. */
  public RfEnvironment environment(long seed) {
    return terrain.environment(seed);
  }

  /** Whether {@code point} lies in the city's disc. */
  public boolean contains(LatLng point) {
    return Geodesy.distanceMeters(center, point) <= radiusMeters;
  }

  /** Area of the disc, km². */
  public double areaSquareKilometers() {
    return Math.PI * radiusMeters * radiusMeters / 1e6;
  }
}
