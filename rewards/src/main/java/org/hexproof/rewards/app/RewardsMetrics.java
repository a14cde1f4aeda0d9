package org.hexproof.rewards.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.hexproof.rewards.close.EpochCloser;
import org.hexproof.rewards.feed.FeedConsumer;

/**
 * Rewards meters for /prometheus: feed entries and rows, malformed entries, epochs minted, the last
 * closed epoch, the partial-signature divergence alarm and the ledger-conflict alarm ({@code
 * hexproof_rewards_close_halted} = 1).
 */
@Singleton
@Requires(property = RewardsFactory.ENABLED, value = "true")
final class RewardsMetrics implements MeterBinder {
  private final FeedConsumer feed;
  private final EpochCloser closer;

  RewardsMetrics(FeedConsumer feed, EpochCloser closer) {
    this.feed = feed;
    this.closer = closer;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    FunctionCounter.builder("hexproof.rewards.feed.entries", feed, FeedConsumer::entriesRead)
        .description("verified-PoC feed entries read")
        .register(meters);
    FunctionCounter.builder("hexproof.rewards.feed.rows", feed, FeedConsumer::rowsStored)
        .description("reward-share rows newly stored")
        .register(meters);
    FunctionCounter.builder("hexproof.rewards.feed.malformed", feed, FeedConsumer::malformedEntries)
        .description("feed entries dropped as malformed")
        .register(meters);
    FunctionCounter.builder("hexproof.rewards.epochs.minted", closer, EpochCloser::mintedCount)
        .description("epochs this process minted")
        .register(meters);
    FunctionCounter.builder("hexproof.rewards.close.conflicts", closer, EpochCloser::conflictCount)
        .description("epochs whose stored manifest differs from the recomputed one")
        .register(meters);
    FunctionCounter.builder(
            "hexproof.rewards.close.divergent.signatures",
            closer,
            EpochCloser::divergentSignatureCount)
        .description(
            "partial signatures by an oracle over another manifest hash than this instance's"
                + " for the same epoch (alarm)")
        .register(meters);
    Gauge.builder("hexproof.rewards.epochs.last.closed", closer, EpochCloser::lastClosedEpoch)
        .description("last epoch seen closed, -1 before the first")
        .register(meters);
    Gauge.builder("hexproof.rewards.close.halted", closer, c -> c.halted().isPresent() ? 1 : 0)
        .description("1 when epoch close stopped on a ledger conflict")
        .register(meters);
  }
}
