package org.hexproof.coverage.store;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.coverage.feed.FeedEvent;
import org.hexproof.coverage.feed.PageUpdate;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.Measurement;
import org.hexproof.coverage.model.WitnessSample;
import org.hexproof.support.db.Sql;

/**
 * The {@code coverage} schema through blocking {@link Sql}: call it from the feed thread or a
 * blocking executor, never an event loop. Failures are the driver's exceptions, thrown unchanged.
 */
public final class CoverageStore {
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param connectionFactory the pool
   * @param timeout longest wait for one step
   */
  public CoverageStore(ConnectionFactory connectionFactory, java.time.Duration timeout) {
    this.sql = new Sql(connectionFactory, timeout);
  }

  /**
   * The stored cursor.
   *
   * @return the last feed id applied
   */
  public long cursor() {
    return sql.queryOne("SELECT last_id FROM coverage.feed_cursor", r -> r.get(0, Long.class))
        .orElseThrow(() -> new IllegalStateException("coverage.feed_cursor has no row"));
  }

  /**
   * Stores one page's events and moves the cursor from {@code update.after()} to {@code
   * update.lastId()}, in one transaction.
   *
   * @param update the page
   * @throws CursorConflictException if the stored cursor is not {@code update.after()}; nothing is
   *     written then
   */
  public void applyPage(PageUpdate update) {
    sql.runInTransaction(
        tx -> {
          long moved =
              tx.update(
                  "UPDATE coverage.feed_cursor SET last_id = $1, updated_at = now()"
                      + " WHERE last_id = $2",
                  update.lastId(),
                  update.after());
          if (moved != 1) {
            throw new CursorConflictException(update.after());
          }
          for (FeedEvent event : update.events()) {
            apply(tx, event);
          }
        });
  }

  private static void apply(Sql.Handle tx, FeedEvent event) {
    if (event instanceof FeedEvent.Registered r) {
      register(tx, r);
    } else if (event instanceof FeedEvent.Sighted s) {
      tx.update(
          "INSERT INTO coverage.hotspot (key, location) VALUES ($1, $2) ON CONFLICT (key) DO"
              + " UPDATE SET location = EXCLUDED.location WHERE coverage.hotspot.datarate IS NULL",
          s.hotspot().toBase58(),
          s.location().index());
    } else if (event instanceof FeedEvent.ValidPoc p) {
      tx.update(
          "INSERT INTO coverage.hotspot (key, last_valid_poc, valid_beacons, valid_witnesses)"
              + " VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET"
              + " last_valid_poc = GREATEST(coverage.hotspot.last_valid_poc,"
              + " EXCLUDED.last_valid_poc),"
              + " valid_beacons = coverage.hotspot.valid_beacons + EXCLUDED.valid_beacons,"
              + " valid_witnesses = coverage.hotspot.valid_witnesses + EXCLUDED.valid_witnesses",
          p.hotspot().toBase58(),
          p.at(),
          p.asBeaconer() ? 1L : 0L,
          p.asBeaconer() ? 0L : 1L);
    } else if (event instanceof FeedEvent.Witnessed w) {
      WitnessSample s = w.sample();
      tx.update(
          "INSERT INTO coverage.witness_sample (feed_id, witness, beaconer, witness_location,"
              + " distance_m, rssi_dbm, snr_db, frequency_hz, observed_at)"
              + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
          w.feedId(),
          w.witness().toBase58(),
          s.beaconer().toBase58(),
          w.witnessLocation().index(),
          s.distanceMeters(),
          s.rssiDbm(),
          s.snrDb(),
          s.frequencyHz(),
          s.observedAt());
    } else {
      throw new IllegalStateException("unhandled feed event " + event);
    }
  }

  private record Profile(Long location, String dataRate) {}

  private static void register(Sql.Handle tx, FeedEvent.Registered r) {
    String key = r.hotspot().toBase58();
    Optional<Profile> previous =
        tx.queryOne(
            "SELECT location, datarate FROM coverage.hotspot WHERE key = $1",
            row -> new Profile(row.get("location", Long.class), row.get("datarate", String.class)),
            key);
    String rate = r.radio().dataRateName(); // WIFI_2G4 for Wi-Fi: the text column holds either
    long cell = r.location().index();
    boolean same =
        previous.isPresent()
            && previous.get().location() != null
            && previous.get().location() == cell
            && rate.equals(previous.get().dataRate());
    if (same) {
      return;
    }
    if (previous.isPresent() && previous.get().dataRate() != null) {
      // the model discards a re-placed beaconer's samples; so does the replay
      tx.update("DELETE FROM coverage.witness_sample WHERE beaconer = $1", key);
    }
    tx.update(
        "INSERT INTO coverage.hotspot (key, location, datarate) VALUES ($1, $2, $3)"
            + " ON CONFLICT (key) DO UPDATE SET location = EXCLUDED.location,"
            + " datarate = EXCLUDED.datarate",
        key,
        cell,
        rate);
  }

  /**
   * Stores field measurements in one transaction. A measurement with the same time, place and
   * hearers as a stored one (or as an earlier one of the same batch) is the same measurement and is
   * not stored again.
   *
   * @param measurements the measurements
   * @return the measurements that were new, in the given order
   * @throws MeasurementConflictException if one has the identity of a stored measurement but other
   *     RSSI or SNR; nothing is stored then
   */
  public List<Measurement> addMeasurements(List<Measurement> measurements) {
    return sql.inTransaction(
        tx -> {
          List<Measurement> stored = new ArrayList<>();
          for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            String[] heardBy =
                m.heardBy().stream().map(PublicKey::toBase58).sorted().toArray(String[]::new);
            long inserted =
                tx.update(
                    "INSERT INTO coverage.measurement (lat, lng, observed_at, rssi_dbm, snr_db,"
                        + " heard_by) VALUES ($1, $2, $3, $4, $5, $6)"
                        + " ON CONFLICT (observed_at, lat, lng, heard_by) DO NOTHING",
                    m.location().latDegrees(),
                    m.location().lngDegrees(),
                    m.observedAt(),
                    nullable(m.rssiDbm()),
                    nullable(m.snrDb()),
                    heardBy);
            if (inserted == 1) {
              stored.add(m);
            } else {
              sameSignal(tx, i, m, heardBy);
            }
          }
          return stored;
        });
  }

  private record Signal(Double rssi, Double snr) {}

  private static void sameSignal(Sql.Handle tx, int index, Measurement m, String[] heardBy) {
    Signal stored =
        tx.queryOne(
                "SELECT rssi_dbm, snr_db FROM coverage.measurement WHERE observed_at = $1"
                    + " AND lat = $2 AND lng = $3 AND heard_by = $4",
                row ->
                    new Signal(row.get("rssi_dbm", Double.class), row.get("snr_db", Double.class)),
                m.observedAt(),
                m.location().latDegrees(),
                m.location().lngDegrees(),
                heardBy)
            .orElseThrow(() -> new IllegalStateException("conflicting row vanished"));
    Signal given =
        new Signal(
            m.rssiDbm().isPresent() ? m.rssiDbm().getAsDouble() : null,
            m.snrDb().isPresent() ? m.snrDb().getAsDouble() : null);
    if (!stored.equals(given)) {
      throw new MeasurementConflictException(
          index,
          "expected the signal already stored for this time, place and hearers (rssi="
              + stored.rssi()
              + ", snr="
              + stored.snr()
              + "), got rssi="
              + given.rssi()
              + ", snr="
              + given.snr());
    }
  }

  /**
   * Reads everything needed to rebuild the model, in one transaction (one consistent view).
   *
   * @param measuredSince measurements older than this are left out
   * @return the inputs
   */
  public StoredInputs load(Instant measuredSince) {
    return sql.inTransaction(
        tx -> {
          long cursor =
              tx.queryOne("SELECT last_id FROM coverage.feed_cursor", r -> r.get(0, Long.class))
                  .orElseThrow(() -> new IllegalStateException("coverage.feed_cursor has no row"));
          List<StoredHotspot> hotspots =
              tx.query(
                  "SELECT key, location, datarate, last_valid_poc, valid_beacons,"
                      + " valid_witnesses FROM coverage.hotspot ORDER BY key",
                  CoverageStore::hotspot);
          List<WitnessSample> samples =
              tx.query(
                  "SELECT beaconer, witness_location, distance_m, rssi_dbm, snr_db, frequency_hz,"
                      + " observed_at FROM coverage.witness_sample ORDER BY feed_id, witness",
                  CoverageStore::sample);
          List<Measurement> measurements =
              tx.query(
                  "SELECT lat, lng, observed_at, rssi_dbm, snr_db, heard_by"
                      + " FROM coverage.measurement WHERE observed_at >= $1 ORDER BY id",
                  CoverageStore::measurement,
                  measuredSince);
          return new StoredInputs(cursor, hotspots, samples, measurements);
        });
  }

  private static StoredHotspot hotspot(Row row) {
    Long location = row.get("location", Long.class);
    String rate = row.get("datarate", String.class);
    Instant poc = row.get("last_valid_poc", Instant.class);
    return new StoredHotspot(
        PublicKey.fromBase58(row.get("key", String.class)),
        Optional.ofNullable(location).map(H3Cell::fromLong),
        Optional.ofNullable(rate).map(BeaconRadio::parse),
        Optional.ofNullable(poc),
        row.get("valid_beacons", Long.class),
        row.get("valid_witnesses", Long.class));
  }

  private static WitnessSample sample(Row row) {
    return new WitnessSample(
        PublicKey.fromBase58(row.get("beaconer", String.class)),
        H3Cell.fromLong(row.get("witness_location", Long.class)).center(),
        row.get("distance_m", Double.class),
        row.get("rssi_dbm", Double.class),
        row.get("snr_db", Double.class),
        row.get("frequency_hz", Long.class),
        row.get("observed_at", Instant.class));
  }

  private static Measurement measurement(Row row) {
    Double rssi = row.get("rssi_dbm", Double.class);
    Double snr = row.get("snr_db", Double.class);
    String[] heardBy = row.get("heard_by", String[].class);
    Set<PublicKey> keys = new HashSet<>();
    for (String k : heardBy == null ? new String[0] : heardBy) {
      keys.add(PublicKey.fromBase58(k));
    }
    return new Measurement(
        new LatLng(row.get("lat", Double.class), row.get("lng", Double.class)),
        row.get("observed_at", Instant.class),
        rssi == null ? OptionalDouble.empty() : OptionalDouble.of(rssi),
        snr == null ? OptionalDouble.empty() : OptionalDouble.of(snr),
        keys);
  }

  private static Object nullable(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : Parameters.in(Double.class);
  }
}
