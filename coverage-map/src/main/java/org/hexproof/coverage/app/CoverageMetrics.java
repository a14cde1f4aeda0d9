package org.hexproof.coverage.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.hexproof.coverage.feed.FeedConsumer;

/**
 * Coverage gauges and counters for /prometheus. Depends on the state, the feed consumer and the
 * tile cache only (never on an executor bean, see lora-gateway's DownlinkTimer).
 */
@Singleton
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class CoverageMetrics implements MeterBinder {
  private final CoverageState state;
  private final FeedConsumer feed;
  private final TileCache tiles;

  CoverageMetrics(CoverageState state, FeedConsumer feed, TileCache tiles) {
    this.state = state;
    this.feed = feed;
    this.tiles = tiles;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    Gauge.builder("hexproof.coverage.feed.cursor", state, s -> s.current().cursor())
        .description("last verified-PoC feed id applied")
        .register(meters);
    Gauge.builder("hexproof.coverage.feed.failures.in.a.row", feed, f -> f.failuresInARow())
        .description("failed feed polls since the last success; > 0 while backing off")
        .register(meters);
    FunctionCounter.builder("hexproof.coverage.feed.entries", feed, f -> f.entriesRead())
        .register(meters);
    FunctionCounter.builder("hexproof.coverage.feed.skipped", feed, f -> f.skippedEntries())
        .description("feed entries or witnesses dropped as malformed")
        .register(meters);
    FunctionCounter.builder("hexproof.coverage.feed.poll.failures", feed, f -> f.failures())
        .register(meters);
    Gauge.builder("hexproof.coverage.cells", state, s -> s.current().map().cells().size())
        .register(meters);
    Gauge.builder(
            "hexproof.coverage.hotspots.counted", state, s -> s.current().map().hotspots().size())
        .register(meters);
    Gauge.builder("hexproof.coverage.map.version", state, s -> s.current().version())
        .register(meters);
    FunctionCounter.builder("hexproof.coverage.tiles.cache.hits", tiles, t -> t.hits())
        .register(meters);
    FunctionCounter.builder("hexproof.coverage.tiles.cache.misses", tiles, t -> t.misses())
        .register(meters);
  }
}
