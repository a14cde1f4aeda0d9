package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.hexproof.bridge.daemon.OracleSink;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.outbox.MutableClock;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the outbox-against-a-real-oracle tests share: one real oracle (embedded PostgreSQL) per
 * class, and per test an {@link OracleFront} on 127.0.0.1 before it, a hotspot onboarded there, its
 * witness reports to queue, and senders through the daemon's {@link OracleSink} to the front,
 * stepped on the test thread with a fake clock for their backoff.
 */
abstract class BehindOracleFront {
  static final Backoff EXACT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);
  static final String SINGLE = "/v1/reports/witness";
  static final String BATCH = "/v1/reports/witness/batch";

  @TempDir static Path oracleDir;
  static RealOracle oracle;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  QueuedWitnesses witnesses;
  OracleFront front;
  Ed25519KeyPair hotspot;

  @BeforeAll
  static void startOracle() {
    oracle = new RealOracle(oracleDir);
  }

  @AfterAll
  static void stopOracle() {
    oracle.close();
  }

  @BeforeEach
  void onboardAHotspot() {
    front = new OracleFront(oracle.url());
    witnesses = new QueuedWitnesses(oracle, clock);
    hotspot = witnesses.onboarded();
  }

  @AfterEach
  void closeFront() {
    front.close();
  }

  /** A sender of {@code outbox} to the front, up to 100 reports per batch. */
  Sender sender(Outbox outbox) {
    OracleClient client = OracleClient.create(front.url(), Optional.empty());
    return new Sender(outbox, new OracleSink(client), EXACT, clock, new Random(1), null, 100);
  }

  /** Steps until {@code outbox} is empty, each step without a backoff. */
  static void drain(Sender sender, Outbox outbox) {
    for (int i = 0; i < 1_000 && outbox.depth() > 0; i++) {
      assertThat(sender.step()).as("no backoff while draining").isZero();
    }
    assertThat(outbox.depth()).isZero();
  }
}
