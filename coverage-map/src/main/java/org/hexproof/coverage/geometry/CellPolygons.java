package org.hexproof.coverage.geometry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * H3 cells as JTS polygons: coordinates built by hand as {@code (x = lng, y = lat)} in degrees
 * (WGS84, SRID 4326), rings closed and counter-clockwise, as {@code H3Cell.boundary()} returns
 * them. This module is the only place boundaries become polygons (STYLE.md §8.3).
 */
public final class CellPolygons {
  /** WGS84 longitude/latitude. */
  public static final int SRID_WGS84 = 4326;

  /** Floating precision, WGS84; shared and immutable. */
  public static final GeometryFactory FACTORY =
      new GeometryFactory(new PrecisionModel(), SRID_WGS84);

  private CellPolygons() {}

  /**
   * One cell's polygon. A cell straddling the antimeridian gets its western vertices shifted by
   * +360° so the ring stays simple (longitudes then exceed 180).
   *
   * @param cell the cell, not null
   * @return a valid polygon with a closed, counter-clockwise shell
   */
  public static Polygon polygon(H3Cell cell) {
    List<LatLng> boundary = cell.boundary();
    double minLng = Double.MAX_VALUE;
    double maxLng = -Double.MAX_VALUE;
    for (LatLng p : boundary) {
      minLng = Math.min(minLng, p.lngDegrees());
      maxLng = Math.max(maxLng, p.lngDegrees());
    }
    boolean wraps = maxLng - minLng > 180;
    Coordinate[] ring = new Coordinate[boundary.size() + 1];
    for (int i = 0; i < boundary.size(); i++) {
      LatLng p = boundary.get(i);
      double lng = wraps && p.lngDegrees() < 0 ? p.lngDegrees() + 360 : p.lngDegrees();
      ring[i] = new Coordinate(lng, p.latDegrees());
    }
    ring[boundary.size()] = ring[0].copy();
    return FACTORY.createPolygon(ring);
  }

  /**
   * Polygons of distinct cells of one resolution, ordered by cell index.
   *
   * @param cells cells, not null; duplicates are dropped
   * @return one polygon per distinct cell; each polygon's user data is its {@link H3Cell}
   * @throws IllegalArgumentException if the cells have more than one resolution
   */
  public static List<Polygon> polygons(Collection<H3Cell> cells) {
    SortedSet<H3Cell> distinct = distinctOneResolution(cells);
    List<Polygon> out = new ArrayList<>(distinct.size());
    for (H3Cell cell : distinct) {
      Polygon p = polygon(cell);
      p.setUserData(cell);
      out.add(p);
    }
    return out;
  }

  /**
   * Merges cells into (multi)polygons with JTS {@link CoverageUnion}, which is valid here because
   * H3 cells of one resolution are edge-matched, and fastest (coverage-rewards.md §3.4).
   *
   * @param cells cells, not null; duplicates are dropped
   * @return a Polygon or MultiPolygon (possibly with holes); an empty Polygon for no cells
   * @throws IllegalArgumentException if the cells have more than one resolution
   */
  public static Geometry union(Collection<H3Cell> cells) {
    List<Polygon> polygons = polygons(cells);
    if (polygons.isEmpty()) {
      return FACTORY.createPolygon();
    }
    Geometry merged = CoverageUnion.union(polygons.toArray(new Geometry[0]));
    merged.setSRID(SRID_WGS84);
    return merged;
  }

  /**
   * Checks that cells share one resolution, as polygonizing needs.
   *
   * @param cells cells, not null
   * @throws IllegalArgumentException naming the resolutions found otherwise
   */
  public static void requireOneResolution(Collection<H3Cell> cells) {
    SortedSet<Integer> resolutions = new TreeSet<>();
    for (H3Cell c : cells) {
      resolutions.add(c.resolution());
    }
    if (resolutions.size() > 1) {
      throw new IllegalArgumentException(
          "cells: expected one resolution (aggregate to a parent resolution first), got "
              + resolutions);
    }
  }

  private static SortedSet<H3Cell> distinctOneResolution(Collection<H3Cell> cells) {
    SortedSet<H3Cell> distinct = new TreeSet<>(cells);
    requireOneResolution(distinct);
    return distinct;
  }
}
