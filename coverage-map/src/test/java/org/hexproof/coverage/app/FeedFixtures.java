package org.hexproof.coverage.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;

/**
 * Feed entries in the contract's format around Valletta: hotspot 1 beacons SF12 and is heard by
 * four witnesses 1–4 km east on the line RSSI = −100 − 30·log10(d / 1 km), so its model is A = −100
 * dBm, n = 3 and its coverage reaches 1.2 × 4 km = 4.8 km; hotspot 2 beacons with only invalid
 * witnesses (known, not on the map); one invalid beacon of hotspot 3 counts for nothing.
 */
final class FeedFixtures {
  static final LatLng VALLETTA = new LatLng(35.8989, 14.5146);
  static final LatLng GOZO = new LatLng(36.0443, 14.2512);

  private FeedFixtures() {}

  static PublicKey key(int n) {
    byte[] seed = new byte[Ed25519KeyPair.SEED_LENGTH];
    Arrays.fill(seed, (byte) n);
    return Ed25519KeyPair.fromSeed(Network.TESTNET, seed).publicKey();
  }

  static LatLng east(LatLng origin, double meters) {
    double dLng =
        Math.toDegrees(meters / (6_371_008.8 * Math.cos(Math.toRadians(origin.latDegrees()))));
    return new LatLng(origin.latDegrees(), origin.lngDegrees() + dLng);
  }

  static LatLng north(LatLng origin, double meters) {
    return new LatLng(
        origin.latDegrees() + Math.toDegrees(meters / 6_371_008.8), origin.lngDegrees());
  }

  static String cell(LatLng at) {
    return H3Cell.fromLatLng(at, 12).toDecimalString();
  }

  static Map<String, Object> beacon(
      long id, int hotspot, LatLng at, String verdict, Instant when, List<Map<String, Object>> ws) {
    Map<String, Object> beacon = new LinkedHashMap<>();
    beacon.put("report_id", "r" + id);
    beacon.put("hotspot", key(hotspot).toBase58());
    beacon.put("owner", key(100).toBase58());
    beacon.put("location", cell(at));
    beacon.put("region", "EU868");
    beacon.put("gain_ddbi", 12);
    beacon.put("received_at", when.toString());
    beacon.put("frequency_hz", 867_900_000L);
    beacon.put("datarate", "SF12BW125");
    beacon.put("tx_power_dbm", 14);
    beacon.put("verdict", verdict);
    beacon.put("reason", "valid".equals(verdict) ? null : "too_close");
    beacon.put("hex_scale", "1.0000");
    beacon.put("reward_unit", "1.0000");
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("verified_at", when.plusSeconds(300).toString());
    entry.put("beacon", beacon);
    entry.put("witnesses", ws);
    return entry;
  }

  static Map<String, Object> witness(
      int hotspot, LatLng at, double meters, double rssiDbm, String verdict, Instant when) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("report_id", "w" + hotspot + when);
    w.put("hotspot", key(hotspot).toBase58());
    w.put("owner", key(100).toBase58());
    w.put("location", cell(at));
    w.put("received_at", when.plusMillis(500).toString());
    w.put("signal_ddbm", (int) Math.round(rssiDbm * 10));
    w.put("snr_ddb", 35);
    w.put("frequency_hz", 867_900_032L);
    w.put("distance_m", Math.round(meters));
    w.put("verdict", verdict);
    w.put("reason", "valid".equals(verdict) ? null : "too_close");
    w.put("selected", "valid".equals(verdict));
    w.put("reward_unit", "0.5000");
    return w;
  }

  /** Wi-Fi channel 6 (2437 MHz), the frequency of the Wi-Fi entries. */
  static final long WIFI_HZ = 2_437_000_000L;

  /**
   * A valid Wi-Fi beacon (datarate WIFI_2G4) of {@code hotspot} at {@code at}, heard by Wi-Fi
   * hotspots {@code firstWitness}.. at 10, 20, 30 and 40 m east on RSSI = −40 − 30·log10(d / 1 m),
   * so its model reaches −85 dBm (Sensitivity.WIFI_DBM) at 10^(45/30) ≈ 32 m.
   */
  static Map<String, Object> wifiBeacon(
      long id, int hotspot, LatLng at, int firstWitness, Instant when) {
    List<Map<String, Object>> ws = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      double m = 10.0 * i;
      Map<String, Object> w =
          witness(firstWitness + i - 1, east(at, m), m, -40 - 30 * Math.log10(m), "valid", when);
      w.put("frequency_hz", WIFI_HZ);
      ws.add(w);
    }
    Map<String, Object> entry = beacon(id, hotspot, at, "valid", when, ws);
    @SuppressWarnings("unchecked")
    Map<String, Object> beacon = (Map<String, Object>) entry.get("beacon");
    beacon.put("region", "WIFI_2G4");
    beacon.put("frequency_hz", WIFI_HZ);
    beacon.put("datarate", "WIFI_2G4");
    // entries verified since the feed named the profile carry it; the LoRa ones above predate it
    beacon.put("rule_profile", "wifi-2g4");
    return entry;
  }

  /** The witnesses of hotspot 1 at 1..4 km east, on the n = 3 line. */
  static List<Map<String, Object>> lineOfWitnesses(Instant when) {
    List<Map<String, Object>> ws = new ArrayList<>();
    for (int km = 1; km <= 4; km++) {
      double rssi = -100 - 30 * Math.log10(km);
      ws.add(witness(10 + km, east(VALLETTA, km * 1000.0), km * 1000.0, rssi, "valid", when));
    }
    return ws;
  }

  /** Five entries: three valid beacons of hotspot 1, one of hotspot 2, one invalid of 3. */
  static List<Map<String, Object>> scenario(Instant now) {
    Instant t = now.minusSeconds(3600);
    List<Map<String, Object>> entries = new ArrayList<>();
    entries.add(beacon(3, 1, VALLETTA, "valid", t, lineOfWitnesses(t)));
    entries.add(
        beacon(
            5,
            2,
            GOZO,
            "valid",
            t.plusSeconds(60),
            List.of(witness(21, east(GOZO, 2000), 2000, -110, "invalid", t.plusSeconds(60)))));
    entries.add(beacon(6, 3, east(GOZO, 5000), "invalid", t.plusSeconds(90), List.of()));
    entries.add(
        beacon(9, 1, VALLETTA, "valid", t.plusSeconds(600), lineOfWitnesses(t.plusSeconds(600))));
    entries.add(
        beacon(
            10, 1, VALLETTA, "valid", t.plusSeconds(1200), lineOfWitnesses(t.plusSeconds(1200))));
    return entries;
  }
}
