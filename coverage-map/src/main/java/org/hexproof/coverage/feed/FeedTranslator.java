package org.hexproof.coverage.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.WitnessSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed page into {@link FeedEvent}s. Pure apart from logging.
 *
 * <p>Per entry, for a valid beacon: {@link FeedEvent.Registered} (when it has a location and a
 * datarate: a LoRa one, or WIFI_2G4 for a Wi-Fi beacon), {@link FeedEvent.ValidPoc} of the
 * beaconer, then per valid witness {@link FeedEvent.Sighted}, {@link FeedEvent.ValidPoc} and {@link
 * FeedEvent.Witnessed}. An entry whose beacon cannot be read (bad key, cell, datarate or time) is
 * skipped whole; a witness that cannot be read (or has no location, or a distance of 0) is skipped
 * alone. Skips are logged at warn and counted in {@link PageUpdate#skipped()}: the oracle published
 * them, so retrying would not help.
 */
public final class FeedTranslator {
  private static final Logger LOG = LoggerFactory.getLogger(FeedTranslator.class);
  private static final String VALID = "valid";

  private FeedTranslator() {}

  /**
   * Translates a page.
   *
   * @param after the cursor the page was asked for, ≥ 0
   * @param page the page, not null
   * @return the events and the new cursor
   * @throws MalformedFeedException if ids are not strictly increasing and after {@code after}
   */
  public static PageUpdate translate(long after, FeedPage page) {
    List<FeedEvent> events = new ArrayList<>();
    long previous = after;
    int skipped = 0;
    for (FeedPage.Entry entry : page.entries()) {
      if (entry.id() <= previous) {
        throw new MalformedFeedException(
            "feed ids: expected strictly increasing ids after " + previous + ", got " + entry.id());
      }
      previous = entry.id();
      try {
        skipped += translate(entry, events);
      } catch (IllegalArgumentException | NullPointerException e) {
        // parse failures of the oracle's data (bad key, cell, datarate, time, range)
        LOG.warn("feed entry {} skipped: {}", entry.id(), e.getMessage());
        skipped++;
      }
    }
    return new PageUpdate(after, previous, page.entries().size(), skipped, events);
  }

  /** Appends one entry's events; returns how many witnesses were skipped. */
  private static int translate(FeedPage.Entry entry, List<FeedEvent> events) {
    FeedPage.Beacon beacon = entry.beacon();
    if (beacon == null) {
      throw new IllegalArgumentException("beacon: expected an object, got null");
    }
    if (!VALID.equals(beacon.verdict())) {
      return 0;
    }
    PublicKey beaconer = PublicKey.fromBase58(beacon.hotspot());
    Instant beaconAt = instant("beacon.received_at", beacon.receivedAt());
    Optional<H3Cell> beaconCell = cell(beacon.location());
    List<FeedEvent> entryEvents = new ArrayList<>();
    if (beaconCell.isPresent() && beacon.datarate() != null) {
      entryEvents.add(
          new FeedEvent.Registered(
              beaconer, beaconCell.get(), BeaconRadio.parse(beacon.datarate())));
    }
    entryEvents.add(new FeedEvent.ValidPoc(beaconer, beaconAt, true));
    int skipped = 0;
    Set<String> seen = new HashSet<>();
    for (FeedPage.Witness w : entry.witnesses()) {
      if (!VALID.equals(w.verdict())) {
        continue;
      }
      if (!seen.add(String.valueOf(w.hotspot()))) {
        LOG.warn("feed entry {}: duplicate witness {} skipped", entry.id(), w.hotspot());
        skipped++;
        continue;
      }
      try {
        entryEvents.addAll(witness(entry.id(), beaconer, beacon, w));
      } catch (IllegalArgumentException | NullPointerException e) {
        LOG.warn("feed entry {}: witness {} skipped: {}", entry.id(), w.hotspot(), e.getMessage());
        skipped++;
      }
    }
    events.addAll(entryEvents);
    return skipped;
  }

  private static List<FeedEvent> witness(
      long feedId, PublicKey beaconer, FeedPage.Beacon beacon, FeedPage.Witness w) {
    PublicKey witness = PublicKey.fromBase58(w.hotspot());
    H3Cell location =
        cell(w.location())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("location: expected an asserted cell, got null"));
    Instant at = instant("witness.received_at", w.receivedAt());
    long frequencyHz = w.frequencyHz() > 0 ? w.frequencyHz() : beacon.frequencyHz();
    WitnessSample sample =
        new WitnessSample(
            beaconer,
            location.center(),
            w.distanceM(),
            w.signalDdbm() / 10.0,
            w.snrDdb() / 10.0,
            frequencyHz,
            at);
    return List.of(
        new FeedEvent.Sighted(witness, location),
        new FeedEvent.ValidPoc(witness, at, false),
        new FeedEvent.Witnessed(feedId, witness, location, sample));
  }

  private static Optional<H3Cell> cell(String decimal) {
    return decimal == null ? Optional.empty() : Optional.of(H3Cell.parse(decimal));
  }

  private static Instant instant(String field, String text) {
    if (text == null) {
      throw new IllegalArgumentException(field + ": expected an ISO-8601 instant, got null");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + ": expected an ISO-8601 instant, got \"" + text + "\"", e);
    }
  }
}
