package org.hexproof.rewards.close;

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
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.store.PartialSignatureStore;
import org.hexproof.support.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The k-of-n signatures of one closer's mints. Each instance has its own oracle key and the same
 * configured oracle set and threshold k. Under the marker lock it stores its signature over the
 * manifest it computed as a partial signature row (epoch, manifest hash, oracle). When k distinct
 * configured oracles have validly signed that identical hash, the instance that sees it mints the
 * entry with the first k of them (in oracle-key order) in the same transaction as leaves, balances
 * and the marker; otherwise it commits only its partial signature ({@link
 * CloseOutcome.AwaitingSignatures}). A partial signature over a different hash for the same epoch
 * is an alarm ({@link #divergentCount()}, error log) and is never mixed in. With k = 1 the
 * instance's own signature is the quorum and it mints at once.
 */
final class SignatureCollector {
  // the alarm logs as the closer, under the logger name operators already watch
  private static final Logger LOG = LoggerFactory.getLogger(EpochCloser.class);

  private final CloseSettings settings;
  private final AtomicLong divergent = new AtomicLong();
  private final Set<String> divergentSeen = ConcurrentHashMap.newKeySet();

  SignatureCollector(CloseSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Stores this instance's partial signature over the manifest, then reads every partial signature
   * of the epoch: those over another manifest hash raise the divergence alarm and are never
   * counted; those over this hash count if their oracle is configured and the signature verifies.
   *
   * @return the first k valid signatures in oracle-key order, or empty if fewer than k
   */
  Optional<List<OracleSignature>> collect(Sql.Handle h, MintManifest manifest) {
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

  /**
   * Counts, without raising the alarm again, the distinct configured oracles whose stored partial
   * signature over {@code hash} (the manifest's) verifies.
   *
   * @return the count, ≥ 0
   */
  int validSigners(Sql.Handle h, MintManifest manifest, byte[] hash) {
    return settings.quorum().validSigners(manifest, agreeing(h, manifest, hash, false)).size();
  }

  /**
   * Partial signatures over another manifest hash than this closer computed for the same epoch;
   * each (epoch, oracle, hash) counts once.
   *
   * @return the count
   */
  long divergentCount() {
    return divergent.get();
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
}
