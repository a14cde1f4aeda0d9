package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hexproof.bridge.daemon.Reports;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.DataRate;
import org.hexproof.poc.store.Rows;

/**
 * Signed witness reports of hotspots onboarded at a {@link RealOracle}, queued in an outbox, and
 * what the oracle stored of them (the SHA-256 of each stored report's bytes).
 */
final class QueuedWitnesses {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RealOracle oracle;
  private final Clock clock;

  /**
   * @param oracle where hotspots are onboarded and reports looked up
   * @param clock the hotspot's clock: reports are made at its time
   */
  QueuedWitnesses(RealOracle oracle, Clock clock) {
    this.oracle = oracle;
    this.clock = clock;
  }

  /** A new hotspot key, onboarded directly at the oracle. */
  Ed25519KeyPair onboarded() {
    Ed25519KeyPair key = Ed25519KeyPair.generate(Network.TESTNET, RANDOM);
    OracleOutcome outcome =
        OracleClient.create(oracle.url(), Optional.empty())
            .onboard(Reports.onboarding(key, key.publicKey(), clock.instant()).toByteArray());
    assertThat(outcome).isInstanceOf(OracleOutcome.Accepted.class);
    return key;
  }

  /** A key the oracle has never heard of. */
  static Ed25519KeyPair stranger() {
    return Ed25519KeyPair.generate(Network.TESTNET, RANDOM);
  }

  /**
   * Appends {@code n} new witness reports of {@code key} to {@code outbox}; returns their bytes.
   */
  List<byte[]> queue(Outbox outbox, Ed25519KeyPair key, int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] report = witness(key, outbox.depth() + i);
      outbox.append(ReportKind.WITNESS, report);
      out.add(report);
    }
    return out;
  }

  /** A signed witness report of a random beacon, made {@code n} ms after the clock's time. */
  byte[] witness(Ed25519KeyPair key, int n) {
    byte[] data = new byte[51];
    RANDOM.nextBytes(data);
    return Reports.witness(
            key, data, -1080, 35, 867_100_000L, DataRate.SF12BW125, clock.instant().plusMillis(n))
        .toByteArray();
  }

  /** The digests of the witness reports of {@code key} the oracle stored. */
  Set<String> stored(Ed25519KeyPair key) {
    return oracle
        .sql()
        .query(
            "SELECT encode(sha256(signed_report), 'hex') AS h FROM poc.witness_report"
                + " WHERE hotspot_key = $1",
            row -> Rows.required(row, "h", String.class),
            key.publicKey().toBase58())
        .stream()
        .collect(Collectors.toSet());
  }

  /** The digests of {@code reports}, each different. */
  static Set<String> digests(List<byte[]> reports) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Set<String> out =
          reports.stream()
              .map(r -> HexFormat.of().formatHex(sha.digest(r)))
              .collect(Collectors.toSet());
      assertThat(out).hasSize(reports.size());
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
