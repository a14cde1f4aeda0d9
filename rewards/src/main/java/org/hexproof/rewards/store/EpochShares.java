package org.hexproof.rewards.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.support.db.Sql;

/**
 * Every hotspot's shares in one epoch, summed from the {@code poc_shares} rows whose beacon was
 * received in [start, end), one row per hotspot with at least one share row, ordered by the hotspot
 * key's base58 text ({@link String#compareTo}). Held column by column, as the store keeps it:
 * hotspot keys stay the base58check text they were stored as (validated when the feed row was
 * stored), owners are decoded once per distinct owner. {@link #row} gives a validated {@link
 * HotspotEpochShares}.
 *
 * <p>The owner of a hotspot in an epoch is the owner of its latest row (by receive time, then feed
 * id). Owners almost never change within an epoch, so the sums are grouped with {@code min(owner)}
 * and {@code max(owner)}, and only hotspots where the two differ are looked up again.
 */
public final class EpochShares {
  private final String[] hotspots;
  private final String[] ownerTexts;
  private final PublicKey[] owners;
  private final BigDecimal[] beaconShares;
  private final BigDecimal[] witnessShares;
  private final int[] beacons;
  private final int[] witnesses;

  private EpochShares(List<Row> rows, Map<String, PublicKey> ownerKeys) {
    int n = rows.size();
    hotspots = new String[n];
    ownerTexts = new String[n];
    owners = new PublicKey[n];
    beaconShares = new BigDecimal[n];
    witnessShares = new BigDecimal[n];
    beacons = new int[n];
    witnesses = new int[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      hotspots[i] = r.hotspot;
      ownerTexts[i] = r.owner;
      owners[i] = ownerKeys.computeIfAbsent(r.owner, PublicKey::fromBase58);
      beaconShares[i] = r.beaconShares;
      witnessShares[i] = r.witnessShares;
      beacons[i] = r.beacons;
      witnesses[i] = r.witnesses;
    }
  }

  private static final class Row {
    final String hotspot;
    String owner;
    final boolean ownerChanged;
    final BigDecimal beaconShares;
    final BigDecimal witnessShares;
    final int beacons;
    final int witnesses;

    Row(io.r2dbc.spi.Row r) {
      hotspot = r.get(0, String.class);
      owner = r.get(1, String.class);
      ownerChanged = r.get(2, Boolean.class);
      beaconShares = r.get(3, BigDecimal.class);
      witnessShares = r.get(4, BigDecimal.class);
      beacons = Math.toIntExact(r.get(5, Long.class));
      witnesses = Math.toIntExact(r.get(6, Long.class));
    }
  }

  /**
   * Reads an epoch's shares.
   *
   * @param h the transaction to read in; not null
   * @param epoch the epoch; not null
   * @return one row per hotspot with at least one share row in the epoch
   * @throws org.hexproof.core.keys.MalformedKeyException if a stored owner key is not valid
   */
  public static EpochShares read(Sql.Handle h, Epoch epoch) {
    Objects.requireNonNull(epoch, "epoch");
    List<Row> rows =
        new ArrayList<>(
            h.query(
                "SELECT hotspot, min(owner), min(owner) <> max(owner),"
                    + " COALESCE(sum(shares) FILTER (WHERE role = 'beacon'), 0),"
                    + " COALESCE(sum(shares) FILTER (WHERE role = 'witness'), 0),"
                    + " count(*) FILTER (WHERE role = 'beacon'),"
                    + " count(*) FILTER (WHERE role = 'witness')"
                    + " FROM rewards.poc_shares WHERE received_at >= $1 AND received_at < $2"
                    + " GROUP BY hotspot ORDER BY hotspot",
                Row::new,
                epoch.start(),
                epoch.end()));
    // the column collates as "C", which is String order for base58; a database that sorts
    // otherwise must not change which order the payouts are computed in
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i - 1).hotspot.compareTo(rows.get(i).hotspot) > 0) {
        rows.sort(Comparator.comparing(r -> r.hotspot));
        break;
      }
    }
    latestOwners(h, epoch, rows);
    return new EpochShares(rows, new HashMap<>());
  }

  private static void latestOwners(Sql.Handle h, Epoch epoch, List<Row> rows) {
    Map<String, Row> changed = new HashMap<>();
    for (Row r : rows) {
      if (r.ownerChanged) {
        changed.put(r.hotspot, r);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    // base58 text holds no comma
    h.query(
        "SELECT DISTINCT ON (hotspot) hotspot, owner FROM rewards.poc_shares"
            + " WHERE received_at >= $1 AND received_at < $2"
            + " AND hotspot = ANY (string_to_array($3, ','))"
            + " ORDER BY hotspot, received_at DESC, entry_id DESC",
        r -> changed.get(r.get(0, String.class)).owner = r.get(1, String.class),
        epoch.start(),
        epoch.end(),
        String.join(",", changed.keySet()));
  }

  /**
   * The number of hotspots.
   *
   * @return n ≥ 0
   */
  public int size() {
    return hotspots.length;
  }

  /**
   * A hotspot's key as stored.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return the base58check text
   */
  public String hotspot(int i) {
    return hotspots[i];
  }

  /**
   * A hotspot's owner in the epoch.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return the owner key
   */
  public PublicKey owner(int i) {
    return owners[i];
  }

  /**
   * A hotspot's owner as stored.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return the owner key's base58check text
   */
  public String ownerText(int i) {
    return ownerTexts[i];
  }

  /**
   * A hotspot's beacon shares.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return Σ hex_scale × unit over its beacons, ≥ 0
   */
  public BigDecimal beaconShares(int i) {
    return beaconShares[i];
  }

  /**
   * A hotspot's witness shares.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return Σ beaconer hex_scale × unit over its selected witnesses, ≥ 0
   */
  public BigDecimal witnessShares(int i) {
    return witnessShares[i];
  }

  /**
   * DC of packets the hotspot carried.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return 0 until packet routing exists
   */
  public long dcTransferred(int i) {
    Objects.checkIndex(i, hotspots.length);
    return 0;
  }

  /**
   * A hotspot's rewarded beacons.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return the count
   */
  public int beacons(int i) {
    return beacons[i];
  }

  /**
   * A hotspot's rewarded witnesses.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return the count
   */
  public int witnesses(int i) {
    return witnesses[i];
  }

  /**
   * One hotspot's row with its key decoded and validated.
   *
   * @param i 0 ≤ i &lt; {@link #size()}
   * @return the row
   * @throws org.hexproof.core.keys.MalformedKeyException if the stored key is not valid
   */
  public HotspotEpochShares row(int i) {
    return new HotspotEpochShares(
        PublicKey.fromBase58(hotspots[i]),
        owners[i],
        beaconShares[i],
        witnessShares[i],
        dcTransferred(i),
        beacons[i],
        witnesses[i]);
  }
}
