package org.hexproof.rewards.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.support.db.Sql;

/**
 * The {@code next_epoch} marker ({@code rewards.epoch_marker}, one row): the next epoch to close
 * and the epoch length its index counts in. Closers lock it for the length of a close transaction,
 * so each epoch closes once.
 */
public final class EpochMarker {
  private final Sql sql;

  /**
   * Creates the store of the marker.
   *
   * @param sql the database; not null
   */
  public EpochMarker(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * The marker row.
   *
   * @param nextEpoch the next epoch to close
   * @param epochLength the epoch length the index counts in
   */
  public record Marker(long nextEpoch, Duration epochLength) {}

  /**
   * The marker, read without a lock.
   *
   * @return it, or empty before the first epoch was chosen
   */
  public Optional<Marker> marker() {
    return sql.queryOne(
        "SELECT next_epoch, epoch_length_ms FROM rewards.epoch_marker WHERE id = 1",
        r ->
            new Marker(
                r.get("next_epoch", Long.class),
                Duration.ofMillis(r.get("epoch_length_ms", Long.class))));
  }

  /**
   * Sets the first epoch to close, unless another process already did.
   *
   * @param firstEpoch the epoch index, ≥ 0
   * @param epochLength the epoch length; whole milliseconds
   */
  public void initMarker(long firstEpoch, Duration epochLength) {
    sql.update(
        "INSERT INTO rewards.epoch_marker (id, next_epoch, epoch_length_ms) VALUES (1, $1, $2)"
            + " ON CONFLICT (id) DO NOTHING",
        firstEpoch,
        epochLength.toMillis());
  }

  /**
   * Reads the marker and locks it until the transaction ends: closers on other connections wait.
   *
   * @param h the transaction; not null
   * @return the next epoch to close
   * @throws IllegalStateException if there is no marker
   */
  public static long lockMarker(Sql.Handle h) {
    return h.queryOne(
            "SELECT next_epoch FROM rewards.epoch_marker WHERE id = 1 FOR UPDATE",
            r -> r.get(0, Long.class))
        .orElseThrow(() -> new IllegalStateException("rewards.epoch_marker has no row"));
  }

  /**
   * Moves the marker.
   *
   * @param h the transaction holding the marker's lock; not null
   * @param nextEpoch the new next epoch
   */
  public static void advanceMarker(Sql.Handle h, long nextEpoch) {
    h.update("UPDATE rewards.epoch_marker SET next_epoch = $1 WHERE id = 1", nextEpoch);
  }
}
