package org.hexproof.poc.registry;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.DeniedEdge;
import org.hexproof.support.db.Sql;

/**
 * The denylist in {@code poc.denied_key} and {@code poc.denied_edge}: denied hotspots and denied
 * unordered pairs (stored with the smaller key first). Changes are idempotent; each one that
 * changes a row runs {@code onChange} after it is committed (the hex density cache listens).
 */
public final class Denylist {
  private final Sql sql;
  private final Runnable onChange;

  /**
   * @param sql the database
   * @param onChange run after every committed change
   */
  public Denylist(Sql sql, Runnable onChange) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /** Puts a key on the denylist; true if it was not there. */
  public boolean denyKey(PublicKey key, Instant now) {
    return changed(
        sql.update(
            "INSERT INTO poc.denied_key (hotspot_key, denied_at) VALUES ($1, $2)"
                + " ON CONFLICT DO NOTHING",
            key.toBase58(),
            Rows.bind(now)));
  }

  /** Takes a key off the denylist; true if it was there. */
  public boolean allowKey(PublicKey key) {
    return changed(sql.update("DELETE FROM poc.denied_key WHERE hotspot_key = $1", key.toBase58()));
  }

  /** Denies an unordered pair; true if it was not denied. */
  public boolean denyEdge(PublicKey a, PublicKey b, Instant now) {
    DeniedEdge edge = edge(a, b);
    return changed(
        sql.update(
            "INSERT INTO poc.denied_edge (key_a, key_b, denied_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT DO NOTHING",
            edge.first(),
            edge.second(),
            Rows.bind(now)));
  }

  /** Allows an unordered pair again; true if it was denied. */
  public boolean allowEdge(PublicKey a, PublicKey b) {
    DeniedEdge edge = edge(a, b);
    return changed(
        sql.update(
            "DELETE FROM poc.denied_edge WHERE key_a = $1 AND key_b = $2",
            edge.first(),
            edge.second()));
  }

  private static DeniedEdge edge(PublicKey a, PublicKey b) {
    if (a.equals(b)) {
      throw new RequestRejected(Kind.MALFORMED, "edge: expected two different keys, got " + a);
    }
    return DeniedEdge.of(a.toBase58(), b.toBase58());
  }

  private boolean changed(long rows) {
    if (rows > 0) {
      onChange.run();
      return true;
    }
    return false;
  }
}
