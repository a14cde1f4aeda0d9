package org.hexproof.rewards.app;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.close.CloseHook;
import org.hexproof.rewards.close.CloseSettings;
import org.hexproof.rewards.close.EpochCloser;
import org.hexproof.rewards.feed.FeedClient;
import org.hexproof.rewards.feed.FeedConsumer;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.payout.EmissionSchedule;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;

/** Wires the rewards service: schema, stores, feed consumer, epoch closer and their workers. */
@Factory
@Requires(property = RewardsFactory.ENABLED, value = "true")
final class RewardsFactory {
  /**
   * Rewards beans exist only where {@code hexproof.rewards.enabled} is {@code true}, which
   * application-rewards.yml sets: launcher commands that start other services in the same jar
   * (gateway) must not start rewards by merely having it on the class path.
   */
  static final String ENABLED = "hexproof.rewards.enabled";

  @Singleton
  Sql rewardsSql(ConnectionFactory connectionFactory, RewardsConfig config) {
    return new Sql(connectionFactory, config.databaseTimeout());
  }

  /** Applied before anything reads the schema; a failure stops startup. */
  @Context
  RewardsSchema rewardsSchema(Migrations migrations) {
    migrations.apply("rewards");
    return new RewardsSchema();
  }

  @Singleton
  FeedStore feedStore(Sql sql, RewardsSchema schema) {
    return new FeedStore(sql);
  }

  @Singleton
  EpochStore epochStore(Sql sql, RewardsSchema schema) {
    return new EpochStore(sql);
  }

  @Singleton
  PostgresLedgerStore ledgerStore(Sql sql, RewardsSchema schema) {
    return new PostgresLedgerStore(sql);
  }

  @Singleton
  Ed25519KeyPair oracleKey(RewardsConfig config) {
    try {
      return KeyFileFormat.read(Files.readAllBytes(config.oracleKeyFile()), Network.MAINNET);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "hexproof.rewards.oracle-key-file: cannot read "
              + config.oracleKeyFile()
              + " (create one with: hexproof keys new --file "
              + config.oracleKeyFile()
              + ")",
          e);
    }
  }

  @Singleton
  OracleQuorum oracleQuorum(RewardsConfig config, Ed25519KeyPair key) {
    Set<PublicKey> oracles = new LinkedHashSet<>();
    if (config.oracles() == null || config.oracles().isEmpty()) {
      oracles.add(key.publicKey());
    } else {
      config.oracles().forEach(k -> oracles.add(PublicKey.fromBase58(k.strip())));
    }
    return new OracleQuorum(oracles, config.threshold());
  }

  @Singleton
  CloseSettings closeSettings(RewardsConfig config, OracleQuorum quorum, Ed25519KeyPair key) {
    return new CloseSettings(
        config.epochLength(),
        config.closeOffset(),
        Optional.ofNullable(config.firstEpoch()),
        emissionSchedule(config),
        new BigDecimal(config.priceUsd()),
        quorum,
        key);
  }

  static EmissionSchedule emissionSchedule(RewardsConfig config) {
    return new EmissionSchedule(
        TokenAmount.of(config.initialEmission()),
        config.tokenDecimals(),
        config.halvingPeriod(),
        Instant.parse(config.genesis()));
  }

  @Singleton
  EpochCloser epochCloser(Sql sql, CloseSettings settings, RewardsSchema schema) {
    return new EpochCloser(sql, settings, CloseHook.NONE);
  }

  @Singleton
  FeedConsumer feedConsumer(RewardsConfig config, FeedStore store) {
    return new FeedConsumer(
        new FeedClient(URI.create(config.oracleUrl()), config.databaseTimeout()),
        store,
        config.pageSize());
  }

  @Context
  @Bean(preDestroy = "close")
  RewardsWorkers rewardsWorkers(
      RewardsConfig config, FeedConsumer consumer, EpochCloser closer, RewardsSchema schema) {
    RewardsWorkers workers = new RewardsWorkers(config, consumer, closer);
    workers.start();
    return workers;
  }

  /** Marker bean: the {@code rewards} schema is migrated. */
  static final class RewardsSchema {}
}
