/**
 * The verified-PoC feed as coverage-map reads it ({@code docs/verified-poc-feed.md}).
 *
 * <ul>
 *   <li>{@link org.hexproof.coverage.feed.FeedPage}: the wire form of one {@code GET
 *       /v1/poc/feed?after=&limit=} answer (snake_case JSON).
 *   <li>{@link org.hexproof.coverage.feed.FeedTranslator}: a page to an ordered list of {@link
 *       org.hexproof.coverage.feed.FeedEvent}s, the only facts coverage needs: a valid beacon
 *       registers its beaconer (location and datarate) and is a valid PoC; a valid witness of a
 *       valid beacon is a path-loss sample of the beaconer and a valid PoC of the witness. Invalid
 *       beacons and invalid witnesses are evidence of nothing and produce no event.
 *   <li>{@link org.hexproof.coverage.feed.FeedConsumer}: the polling loop. It asks for {@code
 *       after=<cursor>}, hands each non-empty page to a {@link org.hexproof.coverage.feed.FeedSink}
 *       (which stores the events and the new cursor in one transaction), polls again at once after
 *       a full page, waits the poll interval when caught up, and backs off exponentially while the
 *       oracle (or the database) is unreachable. The cursor only moves after the sink accepted a
 *       page, so nothing is skipped or counted twice.
 * </ul>
 *
 * <p>Units: the feed's {@code signal_ddbm} and {@code snr_ddb} are tenths; events carry dBm and dB.
 * Locations are H3 cells; a hotspot's location is its cell's centre.
 */
package org.hexproof.coverage.feed;
