package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import org.hexproof.coverage.feed.FeedConsumer;
import org.hexproof.coverage.feed.OracleFeedClient;
import org.hexproof.coverage.model.CoverageSettings;
import org.hexproof.coverage.store.CoverageStore;
import org.hexproof.support.db.Migrations;

/**
 * Wires the coverage service: schema, store, in-memory state rebuilt from storage, the feed
 * consumer thread and the tile cache. Every bean is guarded by {@code hexproof.coverage.enabled =
 * true} (set by {@code application-coverage.yml}): unlike the gateway's opt-out guard this one is
 * opt-in, so another service started from the same launcher jar never starts the coverage database
 * or feed thread by accident.
 */
@Factory
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class CoverageFactory {

  @Singleton
  // the devnet supplies its accelerated clock and sets this: two services' missingBeans = Clock
  // conditions in one context would otherwise recurse into each other (StackOverflowError)
  @Requires(property = "hexproof.clock.supplied", notEquals = "true")
  @Requires(missingBeans = Clock.class)
  Clock systemClock() {
    return Clock.systemUTC();
  }

  @Singleton
  CoverageSettings coverageSettings(CoverageConfig config) {
    CoverageSettings d = CoverageSettings.DEFAULT;
    return new CoverageSettings(
        d.levels(),
        d.pathLoss(),
        config.freshnessWindow(),
        d.evidenceFactor(),
        d.maxBestHotspots(),
        config.measurementMaxAge());
  }

  /** Applies the schema's migrations before anything reads it. */
  @Singleton
  CoverageStore coverageStore(
      ConnectionFactory connectionFactory, Migrations migrations, CoverageConfig config) {
    migrations.apply("coverage");
    return new CoverageStore(connectionFactory, config.databaseTimeout());
  }

  /** Eager: the model is rebuilt from storage before the HTTP server takes traffic. */
  @Context
  CoverageState coverageState(
      CoverageStore store, Clock clock, CoverageSettings settings, CoverageConfig config) {
    CoverageState state = new CoverageState(store, clock, settings, config.refreshInterval());
    state.load();
    return state;
  }

  @Context
  @Bean(preDestroy = "close")
  FeedConsumer feedConsumer(CoverageState state, CoverageConfig config, JsonMapper json) {
    FeedConsumer consumer =
        new FeedConsumer(
            new OracleFeedClient(URI.create(config.oracleUrl()), config.requestTimeout(), json),
            state,
            new FeedConsumer.Settings(
                config.pageSize(), config.pollInterval(), config.maxBackoff()));
    consumer.start();
    return consumer;
  }

  @Singleton
  TileCache tileCache(CoverageConfig config) {
    return new TileCache(config.tileCacheSize());
  }
}
