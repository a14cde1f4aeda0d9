package org.hexproof.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.CoverageModel;
import org.hexproof.coverage.model.CoverageSettings;
import org.hexproof.coverage.model.HotspotProfile;
import org.hexproof.coverage.model.WitnessSample;
import org.hexproof.coverage.tiles.TileCoordinate;

/** The generated city: hotspots and, per hotspot, one beacon with its witnesses. */
final class CoverageCity {
  static final int HOTSPOTS = 500;
  static final double CITY_RADIUS_M = 12_000;
  static final double MAX_WITNESS_M = 6_000;
  static final int MAX_WITNESSES = 8;
  static final LatLng BERLIN = new LatLng(52.5200, 13.4050);
  static final String DATARATE = "SF9BW125";
  static final double EARTH_RADIUS_M = 6_371_008.8;
  static final long SEED = 0x636f7662656e6368L; // "covbench"

  final List<LatLng> hotspots = new ArrayList<>();
  final List<PublicKey> keys = new ArrayList<>();
  final List<List<Heard>> witnesses = new ArrayList<>();
  double south = 90;
  double north = -90;
  double west = 180;
  double east = -180;

  record Heard(int witness, double meters, double rssiDbm) {}

  static CoverageCity generate() {
    CoverageCity city = new CoverageCity();
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < HOTSPOTS; i++) {
      double r = CITY_RADIUS_M * Math.sqrt(random.nextDouble());
      double a = random.nextDouble(2 * Math.PI);
      LatLng raw = offset(BERLIN, r * Math.cos(a), r * Math.sin(a));
      // the feed carries res-12 cells; both maps use the cell centre as the location
      LatLng at = H3Cell.fromLatLng(raw, 12).center();
      city.hotspots.add(at);
      byte[] seed = new byte[Ed25519KeyPair.SEED_LENGTH];
      random.nextBytes(seed);
      city.keys.add(Ed25519KeyPair.fromSeed(Network.TESTNET, seed).publicKey());
      city.south = Math.min(city.south, at.latDegrees());
      city.north = Math.max(city.north, at.latDegrees());
      city.west = Math.min(city.west, at.lngDegrees());
      city.east = Math.max(city.east, at.lngDegrees());
    }
    for (int i = 0; i < HOTSPOTS; i++) {
      List<Heard> heard = new ArrayList<>();
      List<double[]> near = new ArrayList<>();
      for (int j = 0; j < HOTSPOTS; j++) {
        if (j != i) {
          double d = distance(city.hotspots.get(i), city.hotspots.get(j));
          if (d > 50 && d <= MAX_WITNESS_M) {
            near.add(new double[] {d, j});
          }
        }
      }
      near.sort((x, y) -> Double.compare(x[0], y[0]));
      for (int k = 0; k < Math.min(MAX_WITNESSES, near.size()); k++) {
        double d = near.get(k)[0];
        double rssi = -100 - 30 * Math.log10(d / 1000) + 4 * gaussian(random);
        heard.add(new Heard((int) near.get(k)[1], d, Math.max(-135, Math.min(-40, rssi))));
      }
      city.witnesses.add(heard);
    }
    return city;
  }

  int witnessCount() {
    return witnesses.stream().mapToInt(List::size).sum();
  }

  CoverageMap model(Instant now) {
    CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
    BeaconRadio radio = new BeaconRadio.Lora(LoraDataRate.parse(DATARATE));
    for (int i = 0; i < HOTSPOTS; i++) {
      model.registerHotspot(new HotspotProfile(keys.get(i), hotspots.get(i), radio));
    }
    for (int i = 0; i < HOTSPOTS; i++) {
      Instant at = beaconTime(now, i);
      model.recordValidPoc(keys.get(i), at);
      for (Heard h : witnesses.get(i)) {
        model.recordWitness(
            new WitnessSample(
                keys.get(i),
                hotspots.get(h.witness()),
                Math.round(h.meters()),
                Math.round(h.rssiDbm() * 10) / 10.0,
                3.5,
                867_900_032L,
                at.plusMillis(500)));
        model.recordValidPoc(keys.get(h.witness()), at.plusMillis(500));
      }
    }
    return model.snapshot(now);
  }

  static Instant beaconTime(Instant now, int i) {
    return now.minusSeconds(7200).plusSeconds(i);
  }

  /** Points uniform over the hotspots' bounding box grown by 2 km. */
  LatLng[] randomPoints(int n, long salt) {
    SplittableRandom random = new SplittableRandom(SEED ^ salt);
    double dLat = Math.toDegrees(2000 / EARTH_RADIUS_M);
    double dLng = dLat / Math.cos(Math.toRadians(BERLIN.latDegrees()));
    LatLng[] out = new LatLng[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          new LatLng(
              random.nextDouble(south - dLat, north + dLat),
              random.nextDouble(west - dLng, east + dLng));
    }
    return out;
  }

  /** Up to {@code perZoom} tiles per zoom whose area holds hotspots, in a seeded order. */
  List<TileCoordinate> tiles(int fromZoom, int toZoom, int perZoom) {
    List<TileCoordinate> out = new ArrayList<>();
    for (int z = fromZoom; z <= toZoom; z++) {
      java.util.LinkedHashSet<TileCoordinate> set = new java.util.LinkedHashSet<>();
      for (LatLng h : hotspots) {
        set.add(TileCoordinate.containing(h, z));
      }
      List<TileCoordinate> list = new ArrayList<>(set);
      java.util.Collections.shuffle(list, new java.util.Random(SEED + z));
      out.addAll(list.subList(0, Math.min(perZoom, list.size())));
    }
    return out;
  }

  static LatLng offset(LatLng origin, double northM, double eastM) {
    double lat = origin.latDegrees() + Math.toDegrees(northM / EARTH_RADIUS_M);
    double lng =
        origin.lngDegrees()
            + Math.toDegrees(
                eastM / (EARTH_RADIUS_M * Math.cos(Math.toRadians(origin.latDegrees()))));
    return new LatLng(lat, lng);
  }

  static double distance(LatLng a, LatLng b) {
    double p1 = Math.toRadians(a.latDegrees());
    double p2 = Math.toRadians(b.latDegrees());
    double dp = p2 - p1;
    double dl = Math.toRadians(b.lngDegrees() - a.lngDegrees());
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
  }

  static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The feed entries, in the contract's format (docs/verified-poc-feed.md). */
  List<String> feedEntries(Instant now) {
    List<String> out = new ArrayList<>();
    PublicKey owner = keys.get(0);
    for (int i = 0; i < HOTSPOTS; i++) {
      Instant at = beaconTime(now, i);
      StringBuilder ws = new StringBuilder();
      int j = 0;
      for (Heard h : witnesses.get(i)) {
        if (j++ > 0) {
          ws.append(',');
        }
        ws.append(
            String.format(
                Locale.ROOT,
                "{\"report_id\":\"w%d-%d\",\"hotspot\":\"%s\",\"owner\":\"%s\",\"location\":\"%s\","
                    + "\"received_at\":\"%s\",\"signal_ddbm\":%d,\"snr_ddb\":35,"
                    + "\"frequency_hz\":867900032,\"distance_m\":%d,\"verdict\":\"valid\","
                    + "\"reason\":null,\"selected\":true,\"reward_unit\":\"0.5000\"}",
                i,
                j,
                keys.get(h.witness()).toBase58(),
                owner.toBase58(),
                H3Cell.fromLatLng(hotspots.get(h.witness()), 12).toDecimalString(),
                at.plusMillis(500),
                Math.round(h.rssiDbm() * 10),
                Math.round(h.meters())));
      }
      out.add(
          String.format(
              Locale.ROOT,
              "{\"id\":%d,\"verified_at\":\"%s\",\"beacon\":{\"report_id\":\"r%d\","
                  + "\"hotspot\":\"%s\",\"owner\":\"%s\",\"location\":\"%s\",\"region\":\"EU868\","
                  + "\"gain_ddbi\":12,\"received_at\":\"%s\",\"frequency_hz\":867900000,"
                  + "\"datarate\":\"%s\",\"tx_power_dbm\":14,\"verdict\":\"valid\",\"reason\":null,"
                  + "\"hex_scale\":\"1.0000\",\"reward_unit\":\"1.0000\"},\"witnesses\":[%s]}",
              i + 1,
              at.plusSeconds(300),
              i + 1,
              keys.get(i).toBase58(),
              owner.toBase58(),
              H3Cell.fromLatLng(hotspots.get(i), 12).toDecimalString(),
              at,
              DATARATE,
              ws));
    }
    return out;
  }
}
