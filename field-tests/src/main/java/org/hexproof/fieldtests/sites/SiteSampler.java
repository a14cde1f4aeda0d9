package org.hexproof.fieldtests.sites;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hexproof.core.geo.LatLng;
import org.hexproof.fieldtests.rf.Geodesy;

/**
 * Draws hotspot sites uniformly over a {@link City}'s disc, reproducibly: the same city, seed and
 * arguments always give the same sites, in the same order.
 *
 * <p>A point is drawn at distance {@code R·√u} and bearing {@code 360°·v} from the centre (u, v
 * uniform on [0, 1), SplitMix64 via {@link SplittableRandom}), which is uniform over the disc's
 * area. With a minimum separation, points closer than it to an accepted one are redrawn.
 */
public final class SiteSampler {
  /**
   * About the PoC minimum witness distance: 8 res-11 cells at 28.7 m a side is roughly 400 m
   * (poc-rules.md §2 item 10). Metres only approximate the grid rule: use the H3 check when exact.
   */
  public static final double POC_MIN_SEPARATION_METERS = 400.0;

  /** Draws allowed per requested site before giving up. */
  static final int ATTEMPTS_PER_SITE = 1_000;

  private final City city;
  private final long seed;

  /** A sampler over {@code city} seeded with {@code seed}. */
  public SiteSampler(City city, long seed) {
    this.city = Objects.requireNonNull(city, "city");
    this.seed = seed;
  }

  /** {@code count} sites with no separation constraint. */
  public List<LatLng> sample(int count) {
    return sample(count, 0.0);
  }

  /**
   * {@code count} sites, every two at least {@code minSeparationMeters} apart.
   *
   * @param count 0..100 000
   * @param minSeparationMeters ≥ 0
   * @throws IllegalArgumentException on bad arguments, or when the disc cannot hold that many sites
   *     that far apart within {@code count × 1000} draws
   */
  public List<LatLng> sample(int count, double minSeparationMeters) {
    if (count < 0 || count > 100_000) {
      throw new IllegalArgumentException("count: expected 0..100000, got " + count);
    }
    if (!(minSeparationMeters >= 0) || !Double.isFinite(minSeparationMeters)) {
      throw new IllegalArgumentException(
          "min separation: expected ≥ 0 m, got " + minSeparationMeters);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<LatLng> sites = new ArrayList<>(count);
    long attempts = 0;
    long budget = (long) Math.max(count, 1) * ATTEMPTS_PER_SITE;
    while (sites.size() < count) {
      if (attempts++ >= budget) {
        throw new IllegalArgumentException(
            "cannot place "
                + count
                + " sites "
                + minSeparationMeters
                + " m apart in "
                + city.name()
                + " ("
                + city.radiusMeters()
                + " m radius): placed "
                + sites.size()
                + " in "
                + budget
                + " draws");
      }
      double r = city.radiusMeters() * Math.sqrt(random.nextDouble());
      double bearing = 360.0 * random.nextDouble();
      LatLng candidate = Geodesy.destination(city.center(), bearing, r);
      if (farFromAll(candidate, sites, minSeparationMeters)) {
        sites.add(candidate);
      }
    }
    return List.copyOf(sites);
  }

  private static boolean farFromAll(LatLng candidate, List<LatLng> sites, double min) {
    if (min == 0) {
      return true;
    }
    for (LatLng s : sites) {
      if (Geodesy.distanceMeters(candidate, s) < min) {
        return false;
      }
    }
    return true;
  }
}
