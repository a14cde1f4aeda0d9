package org.hexproof.rewards.close;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.rewards.store.EpochMarker;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.support.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes epochs exactly once (coverage-rewards.md §2.1, adapted): for the epoch named by the {@code
 * next_epoch} marker, once the feed watermark is at or past its end plus the offset, it computes
 * the payouts from the stored shares, signs the manifest, and in <b>one</b> transaction appends the
 * ledger entry (leaves and signatures), records the epoch's accounting, adds the leaves to the
 * cumulative balances and advances the marker.
 *
 * <p>Why that is exactly once: the marker row is locked ({@code SELECT … FOR UPDATE}) first, so
 * closers on one database take turns; everything is a deterministic function of the stored shares
 * and the previous entry, so a rerun builds the same bytes; a crash before commit leaves nothing,
 * and after commit the marker has moved. If the epoch already has an entry the rerun compares
 * manifests: identical is done ({@link CloseOutcome.AlreadyMinted}), different is an alarm ({@link
 * CloseOutcome.Conflict}) after which this closer refuses to close anything.
 *
 * <p>k-of-n: the entry mints once k configured oracles have signed the identical manifest, each
 * instance storing its own signature under the marker lock ({@code SignatureCollector}); until then
 * the close commits only this instance's signature ({@link CloseOutcome.AwaitingSignatures}). A
 * signature over a different manifest for the same epoch is an alarm ({@link
 * #divergentSignatureCount()}) and is never mixed in. The transaction itself: {@code
 * CloseTransaction}.
 */
public final class EpochCloser {
  private static final Logger LOG = LoggerFactory.getLogger(EpochCloser.class);

  private final Sql sql;
  private final FeedStore feed;
  private final EpochMarker epochMarker;
  private final CloseSettings settings;
  private final CloseHook hook;
  private final SignatureCollector signatures;
  private final CloseTransaction transaction;
  private final AtomicLong minted = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();
  private final AtomicLong lastClosed = new AtomicLong(-1);
  private volatile CloseOutcome.Conflict halt;

  /**
   * Creates a closer.
   *
   * @param sql the rewards database; not null
   * @param settings how epochs close; not null
   * @param hook called at each {@link CloseStep}; {@link CloseHook#NONE} in production
   */
  public EpochCloser(Sql sql, CloseSettings settings, CloseHook hook) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.hook = Objects.requireNonNull(hook, "hook");
    this.feed = new FeedStore(sql);
    this.epochMarker = new EpochMarker(sql);
    this.signatures = new SignatureCollector(settings);
    this.transaction = new CloseTransaction(settings, hook, signatures);
  }

  /**
   * Closes every epoch that is ready, one after another.
   *
   * @return the last outcome: {@link CloseOutcome.NotReady}, {@link
   *     CloseOutcome.AwaitingSignatures} or {@link CloseOutcome.Conflict}
   */
  public CloseOutcome closeReady() {
    while (true) {
      CloseOutcome outcome = closeNext();
      if (outcome instanceof CloseOutcome.NotReady
          || outcome instanceof CloseOutcome.Conflict
          || outcome instanceof CloseOutcome.AwaitingSignatures) {
        return outcome;
      }
    }
  }

  /**
   * Tries to close the next epoch.
   *
   * @return what happened
   * @throws IllegalStateException if the database counts epochs in another length than configured
   */
  public CloseOutcome closeNext() {
    CloseOutcome.Conflict halted = halt;
    if (halted != null) {
      return halted;
    }
    Optional<EpochMarker.Marker> marker = epochMarker.marker();
    if (marker.isEmpty()) {
      Optional<Long> first =
          settings
              .firstEpoch()
              .or(
                  () ->
                      feed.earliestShare()
                          .map(at -> Epoch.containing(at, settings.epochLength()).index()));
      if (first.isEmpty()) {
        return new CloseOutcome.NotReady(-1, feed.watermark(), null);
      }
      epochMarker.initMarker(first.get(), settings.epochLength());
      marker = epochMarker.marker();
    }
    EpochMarker.Marker m = marker.orElseThrow();
    if (!m.epochLength().equals(settings.epochLength())) {
      throw new IllegalStateException(
          "the database counts epochs of "
              + m.epochLength()
              + ", this closer is configured for "
              + settings.epochLength()
              + "; epoch indexes would mean other time spans");
    }
    Epoch epoch = new Epoch(m.nextEpoch(), settings.epochLength());
    Instant needed = epoch.end().plus(settings.closeOffset());
    Optional<Instant> watermark = feed.watermark();
    if (watermark.isEmpty() || watermark.get().isBefore(needed)) {
      return new CloseOutcome.NotReady(epoch.index(), watermark, needed);
    }
    hook.reached(CloseStep.BEFORE_COMPUTE);
    CloseOutcome outcome = sql.inTransaction(h -> transaction.close(h, epoch));
    if (outcome instanceof CloseOutcome.Conflict conflict) {
      conflicts.incrementAndGet();
      halt = conflict;
      LOG.error(
          "epoch {}: LEDGER CONFLICT, epoch close halted until restart: {}",
          conflict.epoch(),
          conflict.detail());
      return conflict;
    }
    if (outcome instanceof CloseOutcome.AwaitingSignatures waiting) {
      LOG.info(
          "epoch {}: signed manifest {}; {} of {} oracle signatures, waiting for the others",
          waiting.epoch(),
          HexFormat.of().formatHex(waiting.manifestHash()),
          waiting.signers(),
          waiting.threshold());
      return outcome;
    }
    lastClosed.set(epoch.index());
    if (outcome instanceof CloseOutcome.Minted done) {
      minted.incrementAndGet();
      LOG.info(
          "epoch {} minted: sequence {}, {} leaves, {} base units",
          epoch.index(),
          done.entry().sequence(),
          done.entry().leaves().size(),
          done.entry().manifest().totalMinted().baseUnits());
      hook.reached(CloseStep.AFTER_COMMIT);
    } else {
      LOG.info("epoch {} was already minted with the same manifest", epoch.index());
    }
    return outcome;
  }

  /**
   * Epochs this closer minted since it started.
   *
   * @return the count
   */
  public long mintedCount() {
    return minted.get();
  }

  /**
   * Conflicts this closer found.
   *
   * @return the count, 0 or 1 (it halts on the first)
   */
  public long conflictCount() {
    return conflicts.get();
  }

  /**
   * Partial signatures by some oracle over a manifest hash other than the one this closer computed
   * for the same epoch (the alarm: operators disagree about the epoch's data or code); each (epoch,
   * oracle, hash) counts once.
   *
   * @return the count
   */
  public long divergentSignatureCount() {
    return signatures.divergentCount();
  }

  /**
   * The last epoch this closer saw closed.
   *
   * @return the index, or -1
   */
  public long lastClosedEpoch() {
    return lastClosed.get();
  }

  /**
   * The conflict that halted this closer.
   *
   * @return it, or empty while the closer runs
   */
  public Optional<CloseOutcome.Conflict> halted() {
    return Optional.ofNullable(halt);
  }
}
