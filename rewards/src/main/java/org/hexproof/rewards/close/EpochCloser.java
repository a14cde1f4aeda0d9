package org.hexproof.rewards.close;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.AppendOutcome;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.payout.EpochPayout;
import org.hexproof.rewards.payout.HotspotPayout;
import org.hexproof.rewards.payout.HotspotShares;
import org.hexproof.rewards.payout.PayoutCalculator;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.HotspotEpochShares;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.hexproof.support.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes epochs exactly once (coverage-rewards.md §2.1, adapted): for the epoch named by the {@code
 * next_epoch} marker, once the feed watermark is at or past its end plus the offset, it computes
 * the payouts from the stored shares, signs the manifest, and in <b>one</b> transaction appends the
 * ledger entry (leaves and signatures), records the epoch's shares and accounting, adds the leaves
 * to the cumulative balances and advances the marker.
 *
 * <p>Why that is exactly once: the marker row is locked ({@code SELECT … FOR UPDATE}) first, so
 * closers on one database take turns; everything is a deterministic function of the stored shares
 * and the previous entry, so a rerun builds the same bytes; a crash before commit leaves nothing,
 * and after commit the marker has moved. If the epoch already has an entry the rerun compares
 * manifests: identical is done ({@link CloseOutcome.AlreadyMinted}), different is an alarm ({@link
 * CloseOutcome.Conflict}) after which this closer refuses to close anything.
 */
public final class EpochCloser {
  private static final Logger LOG = LoggerFactory.getLogger(EpochCloser.class);

  private final Sql sql;
  private final FeedStore feed;
  private final EpochStore epochs;
  private final CloseSettings settings;
  private final CloseHook hook;
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
    this.epochs = new EpochStore(sql);
  }

  /**
   * Closes every epoch that is ready, one after another.
   *
   * @return the last outcome: {@link CloseOutcome.NotReady} or {@link CloseOutcome.Conflict}
   */
  public CloseOutcome closeReady() {
    while (true) {
      CloseOutcome outcome = closeNext();
      if (outcome instanceof CloseOutcome.NotReady || outcome instanceof CloseOutcome.Conflict) {
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
    Optional<EpochStore.Marker> marker = epochs.marker();
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
      epochs.initMarker(first.get(), settings.epochLength());
      marker = epochs.marker();
    }
    EpochStore.Marker m = marker.orElseThrow();
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
    CloseOutcome outcome = sql.inTransaction(h -> close(h, epoch));
    if (outcome instanceof CloseOutcome.Conflict conflict) {
      conflicts.incrementAndGet();
      halt = conflict;
      LOG.error(
          "epoch {}: LEDGER CONFLICT, epoch close halted until restart: {}",
          conflict.epoch(),
          conflict.detail());
      return conflict;
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

  private CloseOutcome close(Sql.Handle h, Epoch epoch) {
    long next = EpochStore.lockMarker(h);
    PostgresLedgerStore store = PostgresLedgerStore.bound(h);
    Ledger ledger = new Ledger(settings.quorum(), store);
    Computed computed = compute(h, epoch);

    Optional<LedgerEntry> existing = store.findByEpoch(epoch.index());
    if (existing.isPresent()) {
      MintManifest theirs = existing.get().manifest();
      MintManifest ours =
          MintManifest.forEpoch(
              theirs.sequence(),
              epoch,
              MerkleTree.of(computed.leaves),
              computed.payout.unallocated(),
              theirs.previousHash());
      if (!Arrays.equals(ours.canonicalBytes(), theirs.canonicalBytes())) {
        return new CloseOutcome.Conflict(
            epoch.index(), "stored manifest " + theirs + " differs from recomputed " + ours);
      }
      if (next == epoch.index()) {
        EpochStore.advanceMarker(h, epoch.index() + 1);
      }
      return new CloseOutcome.AlreadyMinted(epoch.index(), theirs.sequence());
    }
    if (next != epoch.index()) {
      return new CloseOutcome.Conflict(
          epoch.index(), "the marker is at epoch " + next + " but epoch has no ledger entry");
    }
    MintManifest manifest =
        ledger.nextManifest(epoch, computed.leaves, computed.payout.unallocated());
    LedgerEntry entry =
        new LedgerEntry(
            manifest, List.of(OracleSignature.sign(settings.signer(), manifest)), computed.leaves);
    AppendOutcome appended = ledger.append(entry);
    if (appended instanceof AppendOutcome.Rejected rejected) {
      return new CloseOutcome.Conflict(
          epoch.index(),
          "the ledger refused the entry: "
              + rejected.fault().reason()
              + ": "
              + rejected.fault().detail());
    }
    if (!(appended instanceof AppendOutcome.Appended)) {
      return new CloseOutcome.Conflict(epoch.index(), "unexpected append outcome " + appended);
    }
    EpochStore.recordClose(
        h,
        epoch.index(),
        entry.sequence(),
        new EpochStore.Accounting(
            computed.payout.pools().emission(),
            computed.payout.operations(),
            computed.payout.oracles(),
            computed.payout.pools().notHandled()),
        computed.shares,
        entry.leaves());
    hook.reached(CloseStep.AFTER_LEDGER_INSERT);
    EpochStore.advanceMarker(h, epoch.index() + 1);
    return new CloseOutcome.Minted(entry);
  }

  private record Computed(
      List<HotspotEpochShares> shares, EpochPayout payout, List<RewardLeaf> leaves) {}

  private Computed compute(Sql.Handle h, Epoch epoch) {
    List<HotspotEpochShares> shares = FeedStore.epochShares(h, epoch);
    Map<String, HotspotEpochShares> byId = new HashMap<>();
    List<HotspotShares> input = new ArrayList<>();
    for (HotspotEpochShares s : shares) {
      String id = s.hotspot().toBase58();
      byId.put(id, s);
      input.add(new HotspotShares(id, s.beaconShares(), s.witnessShares(), s.dcTransferred()));
    }
    TokenAmount emission = settings.schedule().emissionFor(epoch);
    EpochPayout payout =
        PayoutCalculator.calculate(
            emission, settings.schedule().tokenDecimals(), settings.priceUsd(), input);
    List<RewardLeaf> leaves = new ArrayList<>();
    for (HotspotPayout p : payout.hotspots()) {
      HotspotEpochShares s = byId.get(p.id());
      leaves.add(new RewardLeaf(s.hotspot(), s.owner(), p.beacon(), p.witness(), p.dataTransfer()));
    }
    return new Computed(shares, payout, leaves);
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
