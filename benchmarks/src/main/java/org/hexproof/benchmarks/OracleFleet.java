package org.hexproof.benchmarks;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.hexproof.bridge.daemon.Reports;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.Capability;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.proto.Region;
import org.hexproof.core.report.SignedMessages;

/**
 * A seeded fleet of EU868 hotspots in and around Berlin and the signed messages they send: the
 * onboarding and location bodies, and per round one beacon per hotspot (built with {@link
 * BeaconGenerator} from the served entropy) heard by 3–5 of its neighbours.
 */
final class OracleFleet {
  /** Berlin Alexanderplatz: the centre of the fleet. */
  private static final LatLng CENTRE = new LatLng(52.5219, 13.4132);

  private static final double METRES_PER_DEGREE_LAT = 111_320.0;

  /** Witnesses are drawn from neighbours at least this far (Helium: 8 res-11 cells, ~400 m). */
  private static final double MIN_WITNESS_METRES = 1_500;

  private static final double MAX_WITNESS_METRES = 40_000;
  private static final int TX_POWER_DBM = 27;

  final List<Ed25519KeyPair> keys = new ArrayList<>();
  final List<H3Cell> cells = new ArrayList<>();
  final Ed25519KeyPair owner;
  private final List<int[]> neighbours = new ArrayList<>();
  private final SplittableRandom random;

  /** One signed PoC: the beacon body and its witnesses' bodies. */
  record Poc(byte[] beacon, List<byte[]> witnesses) {}

  OracleFleet(int hotspots, long seed) {
    random = new SplittableRandom(seed);
    owner = key();
    for (int i = 0; i < hotspots; i++) {
      keys.add(key());
      // clustered: a few dense districts plus a sparse scatter, as real deployments are
      double spreadMetres = random.nextInt(4) == 0 ? 12_000 : 3_000;
      double cx = (random.nextInt(5) - 2) * 6_000.0;
      double cy = (random.nextInt(5) - 2) * 6_000.0;
      double dx = cx + random.nextGaussian() * spreadMetres;
      double dy = cy + random.nextGaussian() * spreadMetres;
      cells.add(H3Cell.fromLatLng(offset(CENTRE, dx, dy), 12));
    }
    for (int i = 0; i < hotspots; i++) {
      H3Cell from = cells.get(i);
      List<Integer> near = new ArrayList<>();
      for (int j = 0; j < hotspots; j++) {
        double d = from.distanceMeters(cells.get(j));
        if (j != i && d >= MIN_WITNESS_METRES && d <= MAX_WITNESS_METRES) {
          near.add(j);
        }
      }
      near.sort(Comparator.comparingDouble(j -> from.distanceMeters(cells.get(j))));
      neighbours.add(near.stream().limit(12).mapToInt(Integer::intValue).toArray());
    }
  }

  static LatLng offset(LatLng centre, double eastMetres, double northMetres) {
    double lat = centre.latDegrees() + northMetres / METRES_PER_DEGREE_LAT;
    double lng =
        centre.lngDegrees()
            + eastMetres / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(centre.latDegrees())));
    return new LatLng(lat, lng);
  }

  private Ed25519KeyPair key() {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }

  byte[] onboarding(int i) {
    return SignedMessages.sign(
            HotspotOnboarding.newBuilder()
                .setOwnerPubKey(ByteString.copyFrom(owner.publicKey().toBytes()))
                .setCapability(Capability.FULL)
                .setTimestampMs(1)
                .build(),
            keys.get(i))
        .toByteArray();
  }

  byte[] location(int i) {
    return SignedMessages.sign(
            LocationAssertion.newBuilder()
                .setH3Cell(cells.get(i).index())
                .setGainDdbi(30)
                .setElevationM(10)
                .setRegion(Region.EU868)
                .setNonce(1)
                .build(),
            keys.get(i))
        .toByteArray();
  }

  /** Hotspot {@code i}'s beacon of this round and 3–5 witnesses from its nearest neighbours. */
  Poc poc(int i, EntropyReport entropy, int round) {
    byte[] local = ByteBuffer.allocate(4).putInt(round * 1_000_003 + i).array();
    Beacon beacon =
        BeaconGenerator.generate(
            Entropy.remote(entropy),
            Entropy.local(local),
            org.hexproof.core.radio.Region.EU868.plan());
    BeaconReport report =
        Reports.beacon(keys.get(i), local, entropy.getData(), beacon, TX_POWER_DBM, Instant.now());
    int[] near = neighbours.get(i).clone();
    int count = Math.min(near.length, 3 + random.nextInt(3));
    List<byte[]> witnesses = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      int pick = w + random.nextInt(near.length - w);
      int j = near[pick];
      near[pick] = near[w];
      near[w] = j;
      double km = cells.get(i).distanceMeters(cells.get(j)) / 1000;
      // free space at 868 MHz plus 10–30 dB of clutter, in deci-dBm
      double fspl = 20 * Math.log10(km) + 20 * Math.log10(868) + 32.44;
      int signalDdbm = (int) Math.round((TX_POWER_DBM - fspl - 10 - random.nextInt(20)) * 10);
      witnesses.add(
          Reports.witness(
                  keys.get(j),
                  beacon.data(),
                  signalDdbm,
                  -50 + random.nextInt(150),
                  report.getFrequencyHz() + random.nextInt(2_000) - 1_000,
                  report.getDatarate(),
                  Instant.now())
              .toByteArray());
    }
    return new Poc(report.toByteArray(), witnesses);
  }
}
