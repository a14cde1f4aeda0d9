package org.hexproof.poc.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.hexproof.core.keys.Network;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.feed.FeedStore;
import org.hexproof.poc.feed.ReportStatuses;
import org.hexproof.poc.ingest.OnboardedKeys;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.registry.Denylist;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.verify.RegionPlans;
import org.hexproof.poc.verify.RuleProfiles;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;

/**
 * Builds the oracle's plain classes (no annotations in the domain and adapter packages). Every time
 * source is the {@link Clock} bean: the system clock here; tests and the devnet replace it.
 */
@Factory
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public class OracleFactory {
  /** Used by the bean context. */
  public OracleFactory() {}

  /**
   * The oracle's clock, UTC, unless the context already has one (the devnet's accelerated clock).
   */
  @Singleton
  // the devnet supplies its accelerated clock and sets this: two services' missingBeans = Clock
  // conditions in one context would otherwise recurse into each other (StackOverflowError)
  @Requires(property = "hexproof.clock.supplied", notEquals = "true")
  @Requires(missingBeans = Clock.class)
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The configured rule profiles (one for LoRa beacons, its WiFi counterpart for WiFi beacons),
   * unless the context already has them (the devnet registers Helium's with a shorter beacon
   * interval).
   */
  @Singleton
  @Requires(missingBeans = RuleProfiles.class)
  public RuleProfiles ruleProfiles(OracleConfig config) {
    return switch (config.ruleProfile()) {
      case "helium-iot-2025" -> RuleProfiles.helium();
      default ->
          throw new IllegalArgumentException(
              "hexproof.oracle.rule-profile: expected helium-iot-2025, got "
                  + config.ruleProfile());
    };
  }

  /** The boundary checks of signed bodies. */
  @Singleton
  public SignedBodies signedBodies(OracleConfig config) {
    return new SignedBodies(config.maxBodyBytes(), network(config));
  }

  /** The hex density cache, invalidated by registry changes. */
  @Singleton
  public DensityCache densityCache(OracleConfig config, PocDatabase db, SignedBodies bodies) {
    HotspotRegistry reader = new HotspotRegistry(db.sql(), bodies, () -> {});
    return new DensityCache(
        reader::asserted,
        DensityParameters.hip104(),
        config.interactivityWindow(),
        config.densityRefresh());
  }

  /** The registry. */
  @Singleton
  public HotspotRegistry registry(
      PocDatabase db, SignedBodies bodies, DensityCache density, OnboardedKeys onboarded) {
    return new HotspotRegistry(db.sql(), bodies, density::invalidate, onboarded::add);
  }

  /** The denylist; changes invalidate the hex density cache. */
  @Singleton
  public Denylist denylist(PocDatabase db, DensityCache density) {
    return new Denylist(db.sql(), density::invalidate);
  }

  /** The onboarded keys ingest accepts, cached; misses read the registry table. */
  @Singleton
  public OnboardedKeys onboardedKeys(PocDatabase db, SignedBodies bodies) {
    HotspotRegistry reader = new HotspotRegistry(db.sql(), bodies, () -> {});
    return new OnboardedKeys(reader::onboardedAmong);
  }

  /** The seal writer, signing with the oracle key (created on first start). */
  @Singleton
  public VerdictSeals verdictSeals(OracleConfig config) {
    return new VerdictSeals(OracleKeys.loadOrCreate(config.keyFile(), network(config)));
  }

  /** The entropy generator, signing with the oracle key (created on first start). */
  @Singleton
  public EntropyService entropy(OracleConfig config, PocDatabase db, Clock clock) {
    return new EntropyService(
        db.sql(),
        OracleKeys.loadOrCreate(config.keyFile(), network(config)),
        clock,
        new SecureRandom());
  }

  /** Report ingest; registry lookups of uncached keys run on the blocking executor. */
  @Singleton
  public ReportIngest ingest(
      OracleConfig config,
      PocDatabase db,
      SignedBodies bodies,
      OnboardedKeys onboarded,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    return new ReportIngest(db.sql(), bodies, onboarded, blocking, config.maxQueuedReports());
  }

  /** The verifier worker. */
  @Singleton
  public PocWorker worker(
      OracleConfig config,
      PocDatabase db,
      Clock clock,
      RuleProfiles profiles,
      DensityCache density,
      VerdictSeals seals,
      OracleMetrics metrics) {
    return new PocWorker(
        db.sql(),
        clock,
        profiles,
        RegionPlans.BUILT_IN,
        density,
        new PocWorker.Settings(
            config.verifyBatchSize(), config.staleAfter(), config.witnessWindow()),
        seals,
        metrics);
  }

  /** Feed reads. */
  @Singleton
  public FeedStore feed(OracleConfig config, PocDatabase db, Clock clock) {
    return new FeedStore(db.sql(), clock, config.watermarkGrace());
  }

  /** Report and verdict reads. */
  @Singleton
  public ReportStatuses reportStatuses(PocDatabase db) {
    return new ReportStatuses(db.sql());
  }

  static Network network(OracleConfig config) {
    return Network.valueOf(config.network().toUpperCase(Locale.ROOT));
  }
}
