package org.hexproof.coverage.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * One answer of the oracle's {@code GET /v1/poc/feed}, as documented in {@code
 * docs/verified-poc-feed.md}. Fields coverage does not use (owner, rewards) are not read.
 *
 * @param entries in increasing id order; empty when caught up
 * @param lastId the last entry's id, or the {@code after} asked for when there are none
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record FeedPage(List<Entry> entries, long lastId) {

  /** Copies; a missing list reads as empty. */
  public FeedPage {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /**
   * One verified beacon with its witnesses.
   *
   * @param id positive, strictly increasing, never reused
   * @param beacon the beacon
   * @param witnesses its witnesses; a missing list reads as empty
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record Entry(long id, Beacon beacon, @Nullable List<Witness> witnesses) {
    /** Copies. */
    public Entry {
      witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }
  }

  /**
   * The beacon part of an entry.
   *
   * @param hotspot base58check key of the beaconer
   * @param location asserted H3 cell in decimal, or null when not asserted
   * @param datarate e.g. {@code SF12BW125}
   * @param receivedAt the oracle's receive time, ISO-8601
   * @param frequencyHz carrier frequency
   * @param verdict {@code valid} or {@code invalid}
   * @param reason the invalid reason, or null
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record Beacon(
      String hotspot,
      @Nullable String location,
      @Nullable String datarate,
      String receivedAt,
      long frequencyHz,
      String verdict,
      @Nullable String reason) {}

  /**
   * One witness of a beacon.
   *
   * @param hotspot base58check key of the witness
   * @param location its asserted H3 cell in decimal, or null
   * @param receivedAt the oracle's receive time, ISO-8601
   * @param signalDdbm RSSI in tenths of a dBm
   * @param snrDdb SNR in tenths of a dB
   * @param frequencyHz the frequency it heard
   * @param distanceM beaconer-to-witness distance in metres
   * @param verdict {@code valid} or {@code invalid}
   * @param reason the invalid reason, or null
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record Witness(
      String hotspot,
      @Nullable String location,
      String receivedAt,
      int signalDdbm,
      int snrDdb,
      long frequencyHz,
      double distanceM,
      String verdict,
      @Nullable String reason) {}
}
