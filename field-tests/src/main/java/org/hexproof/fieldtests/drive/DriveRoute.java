package org.hexproof.fieldtests.drive;

import java.util.ArrayList;
import java.util.List;
import org.hexproof.core.geo.LatLng;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.sites.City;

/**
 * A mapper's route through a city: from the centre to the nearest unvisited hotspot site, again and
 * again until every site is visited, then out to twice the city's radius and once round the city
 * there, so the drive passes close to every hotspot and also through the fringe where coverage
 * fades (urban hotspots of the simulator reach about 4 km at SF12). Points are {@code stepMeters}
 * apart along straight legs (linear in degrees: at city scale that differs from the great circle by
 * centimetres) and rounded to 10⁻⁶° (0.11 m), the precision a drive-test file keeps.
 */
public final class DriveRoute {
  /** The outer ring's radius, in city radii. */
  static final double RING_RADII = 2.0;

  private DriveRoute() {}

  /**
   * The route's points.
   *
   * @param city the city, not null
   * @param sites the hotspot sites to pass, in any order; may be empty
   * @param stepMeters spacing of points, 10..5000 m
   * @return the points in driving order, at least two
   */
  public static List<LatLng> through(City city, List<LatLng> sites, double stepMeters) {
    if (!(stepMeters >= 10 && stepMeters <= 5_000)) {
      throw new IllegalArgumentException("step: expected 10..5000 m, got " + stepMeters);
    }
    List<LatLng> waypoints = new ArrayList<>();
    waypoints.add(city.center());
    List<LatLng> left = new ArrayList<>(sites);
    LatLng at = city.center();
    while (!left.isEmpty()) {
      LatLng here = at;
      LatLng next =
          left.stream().min((a, b) -> Double.compare(dist(here, a), dist(here, b))).orElseThrow();
      left.remove(next);
      waypoints.add(next);
      at = next;
    }
    double radius = RING_RADII * city.radiusMeters();
    int ringSteps = Math.max(8, (int) Math.ceil(2 * Math.PI * radius / stepMeters));
    for (int i = 0; i <= ringSteps; i++) {
      waypoints.add(Geodesy.destination(city.center(), 360.0 * i / ringSteps, radius));
    }
    List<LatLng> points = new ArrayList<>();
    for (int i = 0; i + 1 < waypoints.size(); i++) {
      leg(waypoints.get(i), waypoints.get(i + 1), stepMeters, points);
    }
    points.add(rounded(waypoints.get(waypoints.size() - 1)));
    return List.copyOf(points);
  }

  /** Points from {@code a} (included) towards {@code b} (excluded), {@code step} apart. */
  private static void leg(LatLng a, LatLng b, double step, List<LatLng> into) {
    double d = dist(a, b);
    int n = Math.max(1, (int) Math.ceil(d / step));
    for (int k = 0; k < n; k++) {
      double t = (double) k / n;
      into.add(
          rounded(
              new LatLng(
                  a.latDegrees() + t * (b.latDegrees() - a.latDegrees()),
                  a.lngDegrees() + t * (b.lngDegrees() - a.lngDegrees()))));
    }
  }

  private static double dist(LatLng a, LatLng b) {
    return Geodesy.distanceMeters(a, b);
  }

  static LatLng rounded(LatLng p) {
    return new LatLng(round6(p.latDegrees()), round6(p.lngDegrees()));
  }

  private static double round6(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }
}
