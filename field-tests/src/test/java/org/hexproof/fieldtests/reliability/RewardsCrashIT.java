package org.hexproof.fieldtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.store.LedgerAudit;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewards service killed with SIGKILL at seeded random moments while it closes a backlog of
 * epochs, and started again each time: afterwards the ledger passes the audit of {@code hexproof
 * ledger verify} ({@link LedgerAudit}) and each epoch is minted exactly once, in order.
 *
 * <p>The shares of {@code EPOCHS} past days are stored as the feed consumer stores them, with the
 * watermark past their end, so the service starts closing at once. {@code
 * -Dhexproof.reliability.rewards-kills=N} and {@code -Dhexproof.reliability.seed=N} vary the run.
 */
@Tag("fleet")
class RewardsCrashIT {
  private static final int EPOCHS = 16;
  private static final int HOTSPOTS = 1_000;
  private static final Duration EPOCH = Duration.ofDays(1);
  private static final Instant FIRST_DAY = Instant.parse("2026-10-01T00:00:00Z");

  @Test
  void killed_rewards_service_mints_each_epoch_once_and_the_ledger_verifies(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("hexproof.reliability.seed", 20261125L);
    int kills = Integer.getInteger("hexproof.reliability.rewards-kills", 2);
    SplittableRandom random = new SplittableRandom(seed);
    ServiceMain.quietLogs(ch.qos.logback.classic.Level.WARN);
    Ed25519KeyPair oracleKey = key(random);
    Path keyFile = dir.resolve("oracle.key");
    Files.write(keyFile, KeyFileFormat.writePem(oracleKey));
    Path logs = Files.createDirectories(Path.of("target", "reliability"));
    try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"));
        ServiceProcess rewards =
            new ServiceProcess(
                "rewards-crash",
                "rewards",
                ServiceProcess.freePort(),
                Map.of(
                    "hexproof.database.url", postgres.urlText(),
                    "hexproof.gateway.enabled", "false",
                    // no oracle: the feed loop retries; the shares are stored below
                    "hexproof.rewards.oracle-url", "http://127.0.0.1:9",
                    "hexproof.rewards.oracle-key-file", keyFile.toString(),
                    "hexproof.rewards.close-interval", "500ms"),
                logs)) {
      Sql sql = postgres.sql();
      postgres.migrate("rewards");
      seedShares(sql, random);

      List<String> killLog = new ArrayList<>();
      long started = System.nanoTime();
      rewards.start();
      // the kill moments: seeded, spread uniformly over the closes (by epochs minted)
      int[] killAt = random.ints(kills, 0, EPOCHS - 1).sorted().toArray();
      for (int k = 0; k < kills; k++) {
        while (ledgerEntries(sql) < killAt[k]) {
          ServiceProcess.sleep(5);
        }
        ServiceProcess.sleep(random.nextInt(150));
        rewards.kill();
        killLog.add("kill " + (k + 1) + ": " + ledgerEntries(sql) + " of " + EPOCHS + " minted");
        rewards.start();
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (ledgerEntries(sql) < EPOCHS && System.nanoTime() < deadline) {
        ServiceProcess.sleep(200);
      }
      ServiceProcess.sleep(1_500); // a close after the last epoch would show now
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      rewards.kill();

      System.out.printf(
          "rewards crash: %d epochs of %d hotspots, %d kills, %d starts, %d s%n  %s%n",
          EPOCHS, HOTSPOTS, kills, rewards.starts(), seconds, String.join("\n  ", killLog));
      LedgerAudit.Result audit = LedgerAudit.run(sql, OracleQuorum.single(oracleKey.publicKey()));
      assertThat(audit.firstBad()).as("hexproof ledger verify").isEmpty();
      assertThat(audit.entries()).isEqualTo(EPOCHS);
      long first = Epoch.containing(FIRST_DAY, EPOCH).index();
      assertThat(
              sql.query(
                  "SELECT epoch FROM rewards.ledger_entries ORDER BY sequence",
                  r -> r.get(0, Long.class)))
          .as("epochs in ledger order, each once")
          .containsExactlyElementsOf(
              java.util.stream.LongStream.range(first, first + EPOCHS).boxed().toList());
      assertThat(
              OracleCrashIT.count(sql, "SELECT next_epoch FROM rewards.epoch_marker WHERE id = 1"))
          .isEqualTo(first + EPOCHS);
      assertThat(killLog)
          .as("kills that landed before the last epoch was minted")
          .anyMatch(line -> !line.endsWith(EPOCHS + " of " + EPOCHS + " minted"));
    }
  }

  private static long ledgerEntries(Sql sql) {
    return OracleCrashIT.count(sql, "SELECT count(*) FROM rewards.ledger_entries");
  }

  /** One beacon and one witness share row per hotspot and day, the watermark past the last day. */
  private static void seedShares(Sql sql, SplittableRandom random) {
    String[] hotspots = new String[HOTSPOTS];
    for (int i = 0; i < HOTSPOTS; i++) {
      hotspots[i] = key(random).publicKey().toBase58();
    }
    String owner = key(random).publicKey().toBase58();
    sql.update(
        "INSERT INTO rewards.poc_shares (entry_id, role, hotspot, owner, received_at, shares)"
            + " SELECT (e * $2 + k.i) * 2 + r.n, r.role, k.hotspot, $3,"
            + " $4 + e * interval '1 day' + k.i * interval '1 second',"
            + " 1 + ((e * 31 + k.i * 17) % 97)"
            + " FROM unnest($1::text[]) WITH ORDINALITY AS k(hotspot, i),"
            + " generate_series(0, $5 - 1) AS e, (VALUES (0, 'beacon'), (1, 'witness')) AS r(n, role)",
        hotspots, (long) HOTSPOTS, owner, FIRST_DAY, EPOCHS);
    sql.update(
        "UPDATE rewards.feed_cursor SET watermark = $1, last_id = $2 WHERE id = 1",
        FIRST_DAY.plus(EPOCH.multipliedBy(EPOCHS)).plus(Duration.ofHours(1)),
        (long) HOTSPOTS * EPOCHS * 2);
  }

  private static Ed25519KeyPair key(SplittableRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }
}
