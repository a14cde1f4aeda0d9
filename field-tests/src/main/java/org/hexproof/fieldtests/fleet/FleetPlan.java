package org.hexproof.fieldtests.fleet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.fieldtests.sites.SiteSampler;

/**
 * Who stands where: the hotspots of a simulated fleet in one {@link City}, with their radios and
 * cheats. Sites are drawn by {@link SiteSampler} (seeded, inside the city's documented disc, at
 * least {@link SiteSampler#POC_MIN_SEPARATION_METERS} apart) except where a cheat places a hotspot
 * next to its partner. The same city, seed and builder calls give the same plan.
 *
 * @param city where the fleet stands
 * @param hotspots every hotspot, in start order
 */
public record FleetPlan(City city, List<HotspotPlan> hotspots) {
  /**
   * How far a {@link Cheat#FALSE_LOCATION} hotspot asserts from its site: beyond 100 km (§2.11).
   */
  public static final double FALSE_LOCATION_OFFSET_METERS = 150_000;

  /** How far apart a {@link Cheat#TOO_CLOSE} pair stands: under the ~400 m minimum (§2.10). */
  public static final double TOO_CLOSE_METERS = 100;

  /** How far a {@link Cheat#DENIED_EDGE} pair stands apart: well within radio range. */
  public static final double DENIED_EDGE_METERS = 800;

  /**
   * What a {@link Cheat#INFLATED_RSSI} witness adds to the signal it received, dB: enough to lift
   * the weakest signal a concentrator demodulates (about -140 dBm) above the free-space bound at
   * the minimum witness distance (about -64 dBm at 400 m for the devnet's antennas, §3).
   */
  public static final int RSSI_INFLATION_DB = 80;

  /**
   * Distance between neighbouring WiFi hotspots, metres: a neighbourhood of street-level access
   * points. The oracle judges WiFi beacons by its WiFi rule profile (at least 4 resolution-12
   * cells, about 75 m, and at most 2 km apart), so 150 m (about 8 cells) passes with room for the
   * cell quantisation; the range of a 2.4 GHz beacon at street level (see {@code Fleet}'s WiFi
   * environment) makes neighbours hear each other and hotspots three spacings apart not.
   */
  public static final double WIFI_SPACING_METERS = 150;

  /**
   * The sites of {@code n} WiFi hotspots: the first {@code n} points of a triangular lattice with
   * {@link #WIFI_SPACING_METERS} between neighbours around {@code centre}, nearest first (three
   * make a triangle), turned by a bearing drawn from {@code seed}. Each hears its lattice
   * neighbours and, beyond about 300 m, hardly anybody.
   */
  public static List<LatLng> wifiSites(LatLng centre, int n, long seed) {
    double turn = new java.util.SplittableRandom(seed).nextDouble(60.0);
    int rings = (int) Math.ceil(Math.sqrt(n)) + 1;
    record Point(double meters, double bearing) {}
    List<Point> points = new ArrayList<>();
    for (int i = -rings; i <= rings; i++) {
      for (int j = -rings; j <= rings; j++) {
        double east = WIFI_SPACING_METERS * (i + j / 2.0);
        double north = WIFI_SPACING_METERS * j * Math.sqrt(3) / 2;
        double meters = Math.hypot(east, north);
        double bearing = (Math.toDegrees(Math.atan2(east, north)) + 360.0) % 360.0;
        points.add(
            new Point(Math.round(meters * 1000) / 1000.0, Math.round(bearing * 1000) / 1000.0));
      }
    }
    points.sort(
        java.util.Comparator.comparingDouble(Point::meters).thenComparingDouble(Point::bearing));
    return points.stream()
        .limit(n)
        .map(p -> Geodesy.destination(centre, p.bearing() + turn, p.meters()))
        .toList();
  }

  /** Validates and copies. */
  public FleetPlan {
    Objects.requireNonNull(city, "city");
    hotspots = List.copyOf(hotspots);
    Set<String> names = new HashSet<>();
    for (HotspotPlan h : hotspots) {
      if (!names.add(h.name())) {
        throw new IllegalArgumentException(
            "hotspot names: expected unique, got " + h.name() + " twice");
      }
    }
  }

  /** A builder for a fleet in {@code city}, its sites drawn with {@code seed}. */
  public static Builder in(City city, long seed) {
    return new Builder(city, seed);
  }

  /** The hotspot named {@code name}. */
  public Optional<HotspotPlan> hotspot(String name) {
    return hotspots.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The pairs whose edge the operator denies, as (name, name). */
  public List<List<String>> deniedEdges() {
    return hotspots.stream()
        .filter(h -> h.cheats(Cheat.DENIED_EDGE) && h.partner().isPresent())
        .filter(h -> h.name().compareTo(h.partner().get()) < 0)
        .map(h -> List.of(h.name(), h.partner().get()))
        .toList();
  }

  /** Fluent construction in given-style: what stands where, then {@link #build()}. */
  public static final class Builder {
    private final City city;
    private final long seed;
    private int serial;
    private List<Radio> moduleKinds = List.of(Radio.RAK3172, Radio.RN2483, Radio.LORA_E5);
    private int concentrators;
    private int wifi;
    private final Set<Cheat> cheats = EnumSet.noneOf(Cheat.class);

    private Builder(City city, long seed) {
      this.city = Objects.requireNonNull(city, "city");
      this.seed = seed;
    }

    /** {@code n} honest serial-module hotspots, RAK3172, RN2483 and LoRa-E5 in turn. */
    public Builder serialModules(int n) {
      serial = requireCount(n);
      return this;
    }

    /**
     * The serial modules {@link #serialModules} takes in turn (default RAK3172, RN2483, LoRa-E5).
     *
     * @throws IllegalArgumentException unless every kind is a serial LoRa module
     */
    public Builder moduleKinds(Radio... kinds) {
      if (kinds.length == 0 || !java.util.Arrays.stream(kinds).allMatch(Radio::isSerialLora)) {
        throw new IllegalArgumentException(
            "module kinds: expected serial LoRa modules, got " + java.util.Arrays.toString(kinds));
      }
      moduleKinds = List.of(kinds);
      return this;
    }

    /** {@code n} honest concentrator gateways. */
    public Builder concentrators(int n) {
      concentrators = requireCount(n);
      return this;
    }

    /** {@code n} honest WiFi hotspots on {@link #wifiSites} around the first LoRa site. */
    public Builder wifi(int n) {
      wifi = requireCount(n);
      return this;
    }

    /** One adversary (or pair) for each of {@code cheats}. */
    public Builder withCheats(Set<Cheat> cheats) {
      this.cheats.addAll(cheats);
      return this;
    }

    /**
     * The plan. Serial modules listen on the region's channels in turn; adversaries come last:
     * {@code liar-location} (RAK3172), {@code liar-rssi} (concentrator), {@code close-a} (RAK3172)
     * with {@code close-b} (concentrator) {@link #TOO_CLOSE_METERS} away, {@code edge-a} (RAK3172)
     * with {@code edge-b} (concentrator) {@link #DENIED_EDGE_METERS} away, {@code replayer}
     * (RAK3172).
     *
     * @throws IllegalArgumentException when the city cannot hold that many sites
     */
    public FleetPlan build() {
      int lora = serial + concentrators + cheats.size();
      List<LatLng> sites =
          new SiteSampler(city, seed).sample(lora, SiteSampler.POC_MIN_SEPARATION_METERS);
      int channels = city.region().plan().channelsHz().size();
      List<HotspotPlan> plan = new ArrayList<>();
      int next = 0;
      for (int i = 0; i < serial; i++) {
        Radio radio = moduleKinds.get(i % moduleKinds.size());
        plan.add(HotspotPlan.honest(name("h", i), radio, sites.get(next++), i % channels));
      }
      for (int i = 0; i < concentrators; i++) {
        plan.add(HotspotPlan.honest(name("gw", i), Radio.CONCENTRATOR, sites.get(next++), 0));
      }
      if (wifi > 0) {
        List<LatLng> wifiSites =
            wifiSites(sites.isEmpty() ? city.center() : sites.get(0), wifi, seed + 1);
        for (int i = 0; i < wifi; i++) {
          plan.add(HotspotPlan.honest(name("wifi", i), Radio.WIFI, wifiSites.get(i), 0));
        }
      }
      for (Cheat cheat : cheats) {
        LatLng site = sites.get(next++);
        int listen = next % channels;
        switch (cheat) {
          case FALSE_LOCATION ->
              plan.add(
                  new HotspotPlan(
                      "liar-location",
                      Radio.RAK3172,
                      site,
                      Geodesy.destination(site, 0, FALSE_LOCATION_OFFSET_METERS),
                      listen,
                      Optional.of(cheat),
                      Optional.empty()));
          case INFLATED_RSSI -> plan.add(cheater("liar-rssi", Radio.CONCENTRATOR, site, 0, cheat));
          case TOO_CLOSE -> pair(plan, "close", site, TOO_CLOSE_METERS, listen, cheat);
          case DENIED_EDGE -> pair(plan, "edge", site, DENIED_EDGE_METERS, listen, cheat);
          case REPLAYED_BEACONS ->
              plan.add(cheater("replayer", Radio.RAK3172, site, listen, cheat));
        }
      }
      return new FleetPlan(city, plan);
    }

    private static void pair(
        List<HotspotPlan> plan, String name, LatLng site, double apart, int listen, Cheat cheat) {
      LatLng other = Geodesy.destination(site, 90, apart);
      plan.add(
          new HotspotPlan(
              name + "-a",
              Radio.RAK3172,
              site,
              site,
              listen,
              Optional.of(cheat),
              Optional.of(name + "-b")));
      plan.add(
          new HotspotPlan(
              name + "-b",
              Radio.CONCENTRATOR,
              other,
              other,
              0,
              Optional.of(cheat),
              Optional.of(name + "-a")));
    }

    private static HotspotPlan cheater(
        String name, Radio radio, LatLng site, int listen, Cheat cheat) {
      return new HotspotPlan(name, radio, site, site, listen, Optional.of(cheat), Optional.empty());
    }

    private static String name(String prefix, int i) {
      return String.format(Locale.ROOT, "%s%02d", prefix, i + 1);
    }

    private static int requireCount(int n) {
      if (n < 0 || n > 10_000) {
        throw new IllegalArgumentException("hotspot count: expected 0..10000, got " + n);
      }
      return n;
    }
  }
}
