package org.hexproof.poc.worker;

import io.r2dbc.spi.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hexproof.core.proto.DataRate;
import org.hexproof.poc.registry.HotspotRecord;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.BeaconReport;
import org.hexproof.poc.verify.Bytes;
import org.hexproof.poc.verify.DeniedEdge;
import org.hexproof.poc.verify.OracleEntropy;
import org.hexproof.poc.verify.WitnessReport;
import org.hexproof.support.db.Sql;

/**
 * What one worker transaction reads, in four queries whatever the batch size: the claimed beacons,
 * all their witnesses (locked), the registry rows of every hotspot involved, and the denied edges
 * of every beaconer.
 *
 * @param beacons claimed beacons, oldest first
 * @param witnesses each beacon's witnesses in receive order, by beacon report id
 * @param records registry rows by key; unknown keys are absent
 * @param deniedEdges denied edges involving any beaconer of the batch
 */
record BatchReads(
    List<ClaimedBeacon> beacons,
    Map<String, List<ClaimedWitness>> witnesses,
    Map<String, HotspotRecord> records,
    List<DeniedEdge> deniedEdges) {

  /**
   * Claims up to {@code limit} open beacons whose entropy window ({@code entropyLifespan}) closed
   * before {@code now} ({@code FOR UPDATE SKIP LOCKED}: no two workers take one), then reads the
   * rest.
   */
  static BatchReads claim(
      Sql.Handle tx, Duration entropyLifespan, Instant now, int limit, Duration witnessWindow) {
    List<ClaimedBeacon> beacons =
        tx.query(
            "SELECT b.report_id, b.hotspot_key, b.received_at, b.local_entropy,"
                + " b.remote_entropy, b.data, b.frequency_hz, b.datarate, b.tx_power_dbm,"
                + " e.data AS entropy_data, e.timestamp_s, e.version"
                + " FROM poc.beacon_report b JOIN poc.entropy e ON e.data = b.remote_entropy"
                + " WHERE NOT b.closed AND e.timestamp_s + $1 < $2"
                // a hotspot's beacons in receive order: while an earlier one is open (maybe held
                // by another worker), a later one waits, or it would be judged against state
                // that lacks the earlier one (beacon schedule, poc-rules.md §1.7)
                + " AND NOT EXISTS (SELECT 1 FROM poc.beacon_report o"
                + " JOIN poc.entropy oe ON oe.data = o.remote_entropy"
                + " WHERE o.hotspot_key = b.hotspot_key AND NOT o.closed"
                + " AND o.received_at < b.received_at)"
                + " ORDER BY b.received_at, b.report_id LIMIT $3"
                + " FOR UPDATE OF b SKIP LOCKED",
            BatchReads::beacon,
            entropyLifespan.getSeconds(),
            now.getEpochSecond(),
            limit);
    if (beacons.isEmpty()) {
      return new BatchReads(List.of(), Map.of(), Map.of(), List.of());
    }
    Map<String, List<ClaimedWitness>> witnesses = witnesses(tx, beacons, witnessWindow);
    Set<String> keys = new LinkedHashSet<>();
    beacons.forEach(b -> keys.add(b.report().hotspotId()));
    Set<String> beaconers = Set.copyOf(keys);
    witnesses.values().forEach(list -> list.forEach(w -> keys.add(w.report().hotspotId())));
    Map<String, HotspotRecord> records = new HashMap<>();
    HotspotRegistry.findAll(tx, keys).forEach(r -> records.put(r.hotspot(), r));
    List<DeniedEdge> edges =
        tx.query(
            "SELECT key_a, key_b FROM poc.denied_edge WHERE key_a = ANY($1) OR key_b = ANY($1)",
            row ->
                DeniedEdge.of(Rows.requiredString(row, "key_a"), Rows.requiredString(row, "key_b")),
            (Object) beaconers.toArray(String[]::new));
    return new BatchReads(beacons, witnesses, records, edges);
  }

  /** The denied edges that involve this beaconer. */
  Set<DeniedEdge> edgesOf(String beaconer) {
    Set<DeniedEdge> out = new LinkedHashSet<>();
    for (DeniedEdge e : deniedEdges) {
      if (e.first().equals(beaconer) || e.second().equals(beaconer)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Locks the open witnesses of all beacons in one query: identical data, or for a {@code WIFI_2G4}
   * witness the 20-byte SSID prefix of the beacon's data, received within the window. A witness
   * that matches several beacons goes to the first in batch order, as when each beacon closed its
   * witnesses before the next one looked.
   */
  private static Map<String, List<ClaimedWitness>> witnesses(
      Sql.Handle tx, List<ClaimedBeacon> beacons, Duration window) {
    List<String> data = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<Boolean> exact = new ArrayList<>();
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (int i = 0; i < beacons.size(); i++) {
      ClaimedBeacon b = beacons.get(i);
      byte[] bytes = b.report().data().toArray();
      String lo = b.receivedAt().minus(window).toString();
      String hi = b.receivedAt().plus(window).toString();
      data.add(HexFormat.of().formatHex(bytes));
      ordinals.add(i);
      exact.add(true);
      from.add(lo);
      to.add(hi);
      if (bytes.length > WitnessReport.WIFI_SSID_PREFIX_BYTES) {
        data.add(
            HexFormat.of().formatHex(Arrays.copyOf(bytes, WitnessReport.WIFI_SSID_PREFIX_BYTES)));
        ordinals.add(i);
        exact.add(false);
        from.add(lo);
        to.add(hi);
      }
    }
    List<Object[]> rows =
        tx.query(
            "SELECT k.ord, w.report_id, w.hotspot_key, w.received_at, w.data, w.signal_ddbm,"
                + " w.snr_ddb, w.frequency_hz, w.datarate"
                + " FROM unnest($1::text[], $2::integer[], $3::boolean[], $4::text[], $5::text[])"
                + " AS k(data, ord, exact, lo, hi)"
                + " JOIN poc.witness_report w ON w.data = decode(k.data, 'hex')"
                + " AND w.received_at BETWEEN k.lo::timestamptz AND k.hi::timestamptz"
                + " WHERE NOT w.closed AND (k.exact OR w.datarate = 'WIFI_2G4')"
                + " FOR UPDATE OF w SKIP LOCKED",
            row -> new Object[] {Rows.required(row, "ord", Integer.class), witness(row)},
            data.toArray(String[]::new),
            ordinals.toArray(Integer[]::new),
            exact.toArray(Boolean[]::new),
            from.toArray(String[]::new),
            to.toArray(String[]::new));
    Map<String, Integer> firstBeacon = new HashMap<>();
    Map<String, ClaimedWitness> byId = new HashMap<>();
    for (Object[] r : rows) {
      ClaimedWitness w = (ClaimedWitness) r[1];
      byId.put(w.reportId(), w);
      firstBeacon.merge(w.reportId(), (Integer) r[0], Math::min);
    }
    Map<String, List<ClaimedWitness>> out = new LinkedHashMap<>();
    beacons.forEach(b -> out.put(b.reportId(), new ArrayList<>()));
    byId.values().stream()
        .sorted(
            Comparator.comparing((ClaimedWitness w) -> w.report().receivedAt())
                .thenComparing(ClaimedWitness::reportId))
        .forEach(w -> out.get(beacons.get(firstBeacon.get(w.reportId())).reportId()).add(w));
    return out;
  }

  private static ClaimedBeacon beacon(Row row) {
    BeaconReport report =
        new BeaconReport(
            Rows.requiredString(row, "hotspot_key"),
            Rows.receivedAt(row),
            Bytes.of(Rows.required(row, "local_entropy", byte[].class)),
            Bytes.of(Rows.required(row, "remote_entropy", byte[].class)),
            Bytes.of(Rows.required(row, "data", byte[].class)),
            Rows.required(row, "frequency_hz", Long.class),
            DataRate.valueOf(Rows.requiredString(row, "datarate")),
            Rows.required(row, "tx_power_dbm", Integer.class));
    OracleEntropy entropy =
        new OracleEntropy(
            Bytes.of(Rows.required(row, "entropy_data", byte[].class)),
            Instant.ofEpochSecond(Rows.required(row, "timestamp_s", Long.class)),
            Rows.required(row, "version", Integer.class));
    return new ClaimedBeacon(Rows.requiredString(row, "report_id"), report, entropy);
  }

  private static ClaimedWitness witness(Row row) {
    return new ClaimedWitness(
        Rows.requiredString(row, "report_id"),
        new WitnessReport(
            Rows.requiredString(row, "hotspot_key"),
            Rows.receivedAt(row),
            Bytes.of(Rows.required(row, "data", byte[].class)),
            Rows.required(row, "signal_ddbm", Integer.class),
            Rows.required(row, "snr_ddb", Integer.class),
            Rows.required(row, "frequency_hz", Long.class),
            DataRate.valueOf(Rows.requiredString(row, "datarate"))));
  }
}
