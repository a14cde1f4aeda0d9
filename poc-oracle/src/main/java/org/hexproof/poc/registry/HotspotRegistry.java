package org.hexproof.poc.registry;

import io.r2dbc.spi.Row;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.Capability;
import org.hexproof.support.db.Sql;

/**
 * The hotspot registry in {@code poc.hotspot}: onboarding, location assertions ({@link
 * LocationAssertions} checks their values) and reads of hotspot records with their denied flag.
 * Every change runs {@code onChange} after it is committed (the hex density cache listens). The
 * denylist itself is {@link Denylist}.
 */
public final class HotspotRegistry {
  /** Resolution locations are stored at. */
  public static final int LOCATION_RESOLUTION = 12;

  static final String SELECT =
      "SELECT h.*, (d.hotspot_key IS NOT NULL) AS denied FROM poc.hotspot h"
          + " LEFT JOIN poc.denied_key d ON d.hotspot_key = h.hotspot_key";

  private final Sql sql;
  private final SignedBodies bodies;
  private final Runnable onChange;
  private final Consumer<String> onOnboarded;

  /**
   * @param sql the database
   * @param bodies the signed-body checks
   * @param onChange run after every committed change
   */
  public HotspotRegistry(Sql sql, SignedBodies bodies, Runnable onChange) {
    this(sql, bodies, onChange, key -> {});
  }

  /**
   * @param sql the database
   * @param bodies the signed-body checks
   * @param onChange run after every committed change
   * @param onOnboarded given the key of every hotspot found onboarded by {@link #onboard}, after
   *     commit (ingest's set of onboarded keys listens)
   */
  public HotspotRegistry(
      Sql sql, SignedBodies bodies, Runnable onChange, Consumer<String> onOnboarded) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.onOnboarded = Objects.requireNonNull(onOnboarded, "onOnboarded");
  }

  /** The outcome of an onboarding: the record, and whether this request created it. */
  public record Onboarded(HotspotRecord record, boolean created) {}

  /**
   * Onboards a hotspot from a signed {@code HotspotOnboarding}. Onboarding again with the same
   * owner is a no-op; with another owner it is a conflict.
   *
   * @throws RequestRejected 413/400/401 from the body checks, 400 for a bad owner key or
   *     capability, 409 for another owner
   */
  public Onboarded onboard(byte[] body, Instant now) {
    HotspotOnboarding message =
        bodies.open("HotspotOnboarding", body, HotspotOnboarding.parser()).message();
    PublicKey hotspot = PublicKey.fromBytes(message.getPubKey().toByteArray());
    PublicKey owner;
    try {
      owner = PublicKey.fromBytes(message.getOwnerPubKey().toByteArray());
    } catch (MalformedKeyException e) {
      throw new RequestRejected(
          Kind.MALFORMED, "HotspotOnboarding.owner_pub_key: " + e.getMessage());
    }
    Capability capability =
        switch (message.getCapability()) {
          case FULL -> Capability.FULL;
          case DATA_ONLY -> Capability.DATA_ONLY;
          default ->
              throw new RequestRejected(
                  Kind.MALFORMED,
                  "HotspotOnboarding.capability: expected FULL or DATA_ONLY, got "
                      + message.getCapabilityValue());
        };
    long inserted =
        sql.update(
            "INSERT INTO poc.hotspot (hotspot_key, owner_key, capability, onboarded_at)"
                + " VALUES ($1, $2, $3, $4) ON CONFLICT (hotspot_key) DO NOTHING",
            hotspot.toBase58(),
            owner.toBase58(),
            capability.name().toLowerCase(Locale.ROOT),
            Rows.bind(now));
    HotspotRecord record = find(hotspot.toBase58()).orElseThrow();
    if (inserted == 0 && !record.owner().equals(owner.toBase58())) {
      throw new RequestRejected(
          Kind.CONFLICT,
          "hotspot " + hotspot.toBase58() + " is already onboarded with another owner");
    }
    onOnboarded.accept(record.hotspot());
    if (inserted > 0) {
      onChange.run();
    }
    return new Onboarded(record, inserted > 0);
  }

  /**
   * Records a signed {@code LocationAssertion} of the hotspot named in the path. The cell is stored
   * at resolution 12: a finer cell becomes its res-12 parent, a coarser one is refused. The region
   * is the declared one, or {@link RegionDerivation derived} when unspecified. The nonce must be
   * greater than the last accepted one.
   *
   * @throws RequestRejected 413/400/401 from the body checks; 400 for a path/key mismatch, a bad
   *     cell, region or gain; 404 when not onboarded; 409 for a nonce that does not increase
   */
  public HotspotRecord assertLocation(String pathKey, byte[] body, Instant now) {
    PublicKey path = bodies.parseKey("key", pathKey);
    LocationAssertion message =
        bodies.open("LocationAssertion", body, LocationAssertion.parser()).message();
    String key = PublicKey.fromBytes(message.getPubKey().toByteArray()).toBase58();
    if (!key.equals(path.toBase58())) {
      throw new RequestRejected(
          Kind.MALFORMED,
          "LocationAssertion.pub_key: expected the path's key " + path + ", got " + key);
    }
    LocationAssertions.Checked checked = LocationAssertions.check(message);
    long nonce = checked.nonce();
    sql.runInTransaction(
        tx -> {
          Optional<Long> stored =
              tx.queryOne(
                  "SELECT coalesce(location_nonce, -1) AS nonce FROM poc.hotspot"
                      + " WHERE hotspot_key = $1 FOR UPDATE",
                  row -> Rows.required(row, "nonce", Long.class),
                  key);
          if (stored.isEmpty()) {
            throw new RequestRejected(Kind.NOT_FOUND, "hotspot " + key + " is not onboarded");
          }
          if (stored.get() >= 0 && nonce <= stored.get()) {
            throw new RequestRejected(
                Kind.CONFLICT,
                "LocationAssertion.nonce: expected more than " + stored.get() + ", got " + nonce);
          }
          tx.update(
              "UPDATE poc.hotspot SET location = $2, region = $3, gain_ddbi = $4,"
                  + " elevation_m = $5, location_nonce = $6, asserted_at = $7"
                  + " WHERE hotspot_key = $1",
              key,
              checked.cell().index(),
              checked.region().displayName(),
              checked.gainDdbi(),
              checked.elevationMeters(),
              nonce,
              Rows.bind(now));
        });
    onChange.run();
    return find(key).orElseThrow();
  }

  /** The record of a hotspot. */
  public Optional<HotspotRecord> find(String key) {
    return sql.queryOne(SELECT + " WHERE h.hotspot_key = $1", HotspotRegistry::record, key);
  }

  /** The records of these hotspots, inside a caller's transaction; unknown keys are left out. */
  public static List<HotspotRecord> findAll(Sql.Handle tx, Collection<String> keys) {
    return tx.query(
        SELECT + " WHERE h.hotspot_key = ANY($1)",
        HotspotRegistry::record,
        (Object) keys.toArray(new String[0]));
  }

  /** Whether the key is onboarded. */
  public boolean isOnboarded(String key) {
    return sql.queryOne(
            "SELECT 1 AS one FROM poc.hotspot WHERE hotspot_key = $1", row -> Boolean.TRUE, key)
        .isPresent();
  }

  /** The keys among {@code keys} that are onboarded, with one query. */
  public Set<String> onboardedAmong(Collection<String> keys) {
    return new HashSet<>(
        sql.query(
            "SELECT hotspot_key FROM poc.hotspot WHERE hotspot_key = ANY($1)",
            row -> Rows.requiredString(row, "hotspot_key"),
            (Object) keys.toArray(new String[0])));
  }

  /** Every hotspot with an asserted location, for hex density. */
  public List<HotspotRecord> asserted() {
    return sql.query(SELECT + " WHERE h.location IS NOT NULL", HotspotRegistry::record);
  }

  static HotspotRecord record(Row row) {
    Long location = row.get("location", Long.class);
    String region = row.get("region", String.class);
    Long nonce = row.get("location_nonce", Long.class);
    Integer gain = row.get("gain_ddbi", Integer.class);
    Integer elevation = row.get("elevation_m", Integer.class);
    return new HotspotRecord(
        Rows.required(row, "hotspot_key", String.class),
        Rows.required(row, "owner_key", String.class),
        Capability.valueOf(Rows.required(row, "capability", String.class).toUpperCase(Locale.ROOT)),
        Rows.requiredInstant(row, "onboarded_at"),
        Optional.ofNullable(location).map(H3Cell::fromLong),
        Optional.ofNullable(region).map(Region::parse),
        gain == null ? 0 : gain,
        elevation == null ? 0 : elevation,
        nonce == null ? OptionalLong.empty() : OptionalLong.of(nonce),
        Boolean.TRUE.equals(row.get("denied", Boolean.class)),
        Rows.instant(row, "last_beacon_at"),
        Rows.instant(row, "last_witness_at"),
        Rows.instant(row, "last_beacon_reciprocity_at"));
  }
}
