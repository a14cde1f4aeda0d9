package org.hexproof.rewards.close;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.ledger.AppendOutcome;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.payout.EpochPayout;
import org.hexproof.rewards.store.EpochShares;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.PartialSignatureStore;
import org.hexproof.rewards.store.PostgresLedgerStore;
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
 * <p>k-of-n: each instance has its own oracle key and the same configured oracle set and threshold
 * k. Under the marker lock it stores its signature over the manifest it computed as a partial
 * signature row (epoch, manifest hash, oracle). When k distinct configured oracles have validly
 * signed that identical hash, the instance that sees it mints the entry with the first k of them
 * (in oracle-key order) in the same transaction as leaves, balances and the marker; otherwise it
 * commits only its partial signature ({@link CloseOutcome.AwaitingSignatures}). A partial signature
 * over a different hash for the same epoch is an alarm ({@link #divergentSignatureCount()}, error
 * log) and is never mixed in. With k = 1 the instance's own signature is the quorum and it mints at
 * once.
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
  private final AtomicLong divergent = new AtomicLong();
  private final Set<String> divergentSeen = ConcurrentHashMap.newKeySet();
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
    Optional<List<OracleSignature>> quorate = collectSignatures(h, manifest);
    if (quorate.isEmpty()) {
      byte[] hash = manifest.hash();
      int signers =
          settings.quorum().validSigners(manifest, agreeing(h, manifest, hash, false)).size();
      return new CloseOutcome.AwaitingSignatures(
          epoch.index(), hash, signers, settings.quorum().threshold());
    }
    LedgerEntry entry = new LedgerEntry(manifest, quorate.get(), computed.leaves);
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
            computed.payout.pools().notHandled()));
    hook.reached(CloseStep.AFTER_LEDGER_INSERT);
    EpochStore.advanceMarker(h, epoch.index() + 1);
    return new CloseOutcome.Minted(entry);
  }

  /**
   * Stores this instance's partial signature over the manifest, then reads every partial signature
   * of the epoch: those over another manifest hash raise the divergence alarm and are never
   * counted; those over this hash count if their oracle is configured and the signature verifies.
   *
   * @return the first k valid signatures in oracle-key order, or empty if fewer than k
   */
  private Optional<List<OracleSignature>> collectSignatures(Sql.Handle h, MintManifest manifest) {
    PartialSignatureStore.store(h, manifest, OracleSignature.sign(settings.signer(), manifest));
    byte[] hash = manifest.hash();
    List<OracleSignature> agreeing = agreeing(h, manifest, hash, true);
    SortedSet<PublicKey> signers = settings.quorum().validSigners(manifest, agreeing);
    int k = settings.quorum().threshold();
    if (signers.size() < k) {
      return Optional.empty();
    }
    Map<PublicKey, OracleSignature> byOracle = new HashMap<>();
    for (OracleSignature signature : agreeing) {
      if (signers.contains(signature.oracle())) {
        byOracle.putIfAbsent(signature.oracle(), signature);
      }
    }
    List<OracleSignature> chosen = new ArrayList<>();
    for (PublicKey oracle : signers) {
      if (chosen.size() == k) {
        break;
      }
      chosen.add(byOracle.get(oracle));
    }
    return Optional.of(List.copyOf(chosen));
  }

  private List<OracleSignature> agreeing(
      Sql.Handle h, MintManifest manifest, byte[] hash, boolean alarm) {
    List<OracleSignature> agreeing = new ArrayList<>();
    for (PartialSignatureStore.Partial p :
        PartialSignatureStore.forEpoch(h, manifest.epochIndex())) {
      if (Arrays.equals(p.manifestHash(), hash)) {
        agreeing.add(p.signature());
      } else if (alarm) {
        String key =
            p.epoch()
                + "/"
                + p.signature().oracle()
                + "/"
                + HexFormat.of().formatHex(p.manifestHash());
        if (divergentSeen.add(key)) {
          divergent.incrementAndGet();
          LOG.error(
              "epoch {}: PARTIAL SIGNATURE DIVERGENCE: oracle {} signed manifest hash {}, this"
                  + " instance computed {}; that signature is not counted",
              p.epoch(),
              p.signature().oracle(),
              HexFormat.of().formatHex(p.manifestHash()),
              HexFormat.of().formatHex(hash));
        }
      }
    }
    return agreeing;
  }

  private record Computed(EpochPayout payout, List<RewardLeaf> leaves) {}

  private Computed compute(Sql.Handle h, Epoch epoch) {
    EpochShares shares = FeedStore.epochShares(h, epoch);
    EpochLeaves computed = EpochLeaves.compute(shares, epoch, settings);
    return new Computed(computed.payout(), computed.leaves());
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
    return divergent.get();
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
