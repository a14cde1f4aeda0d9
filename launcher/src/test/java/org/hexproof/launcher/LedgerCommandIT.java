package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.pool.ConnectionPool;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.app.ProofJson;
import org.hexproof.rewards.close.CloseHook;
import org.hexproof.rewards.close.CloseSettings;
import org.hexproof.rewards.close.EpochCloser;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.payout.EmissionSchedule;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.hexproof.rewards.store.ShareRow;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hexproof ledger verify} on a real rewards database (embedded PostgreSQL, passed as
 * --database-url, the same URL DATABASE_URL would hold) and {@code hexproof ledger verify-proof}.
 */
class LedgerCommandIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Epoch FIRST = Epoch.containing(Instant.parse("2026-03-01T00:00:00Z"), HOUR);
  private static final Ed25519KeyPair ORACLE = key(200);
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Offset of the Merkle root in the canonical manifest: prefix, version, 2 longs, 2 instants. */
  private static final int ROOT_OFFSET = 16 + 1 + 8 + 8 + 12 + 12;

  /** Offset of the previous hash: root, leaf count, total, unallocated. */
  private static final int PREVIOUS_OFFSET = ROOT_OFFSET + 32 + 8 + 8 + 8;

  private static EmbeddedDatabase server;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = EmbeddedDatabase.start(Optional.empty());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) n);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }

  /** A fresh database holding a three-epoch ledger; runs {@code work} on it, returns its URL. */
  private interface OnLedger {
    void run(Sql sql, DatabaseUrl url) throws Exception;
  }

  private static void withLedger(OnLedger work) throws Exception {
    String name = "ledger_cli_" + NEXT.incrementAndGet();
    ConnectionPool admin = ConnectionPools.open(server.url(), 1, TIMEOUT);
    try {
      new Sql(admin, TIMEOUT).update("CREATE DATABASE " + name);
    } finally {
      admin.dispose();
    }
    DatabaseUrl base = server.url();
    DatabaseUrl url = new DatabaseUrl(base.host(), base.port(), name, base.user(), null, Map.of());
    ConnectionPool pool = ConnectionPools.open(url, 2, TIMEOUT);
    try {
      Sql sql = new Sql(pool, TIMEOUT);
      new Migrations(pool, TIMEOUT).apply("rewards");
      seed(sql);
      new EpochCloser(sql, settings(), CloseHook.NONE).closeReady();
      assertThat(new PostgresLedgerStore(sql).size()).isEqualTo(3);
      work.run(sql, url);
    } finally {
      pool.dispose();
    }
  }

  private static CloseSettings settings() {
    return new CloseSettings(
        HOUR,
        Duration.ZERO,
        Optional.empty(),
        new EmissionSchedule(
            TokenAmount.of(1_000_000_000L),
            8,
            Duration.ofDays(730),
            Instant.parse("2026-01-01T00:00:00Z")),
        BigDecimal.ONE,
        OracleQuorum.single(ORACLE.publicKey()),
        ORACLE);
  }

  private static void seed(Sql sql) {
    List<ShareRow> rows = new ArrayList<>();
    long id = 1;
    for (int e = 0; e < 3; e++) {
      Instant at = FIRST.start().plus(HOUR.multipliedBy(e)).plusSeconds(60);
      for (int h = 1; h <= 3; h++) {
        rows.add(
            new ShareRow(
                id,
                h == 1 ? ShareRow.Role.BEACON : ShareRow.Role.WITNESS,
                key(h).publicKey(),
                key(100 + h % 2).publicKey(),
                at,
                new BigDecimal("0.5").multiply(BigDecimal.valueOf(h))));
      }
      id++;
    }
    FeedStore feed = new FeedStore(sql);
    feed.storePage(rows, id);
    feed.raiseWatermark(FIRST.start().plus(HOUR.multipliedBy(3)));
  }

  private static CliRun verify(DatabaseUrl url) {
    return CliRun.of(
        "ledger",
        "verify",
        "--database-url",
        url.redacted(),
        "--oracle",
        ORACLE.publicKey().toBase58());
  }

  @Test
  void a_sound_ledger_verifies_with_a_json_summary() throws Exception {
    withLedger(
        (sql, url) -> {
          CliRun run = verify(url);

          assertThat(run.err()).isEmpty();
          assertThat(run.exitCode()).isZero();
          var json = new ObjectMapper().readTree(run.out());
          assertThat(json.get("sound").asBoolean()).isTrue();
          assertThat(json.get("entries").asLong()).isEqualTo(3);
          assertThat(json.get("wallets").asInt()).isEqualTo(2);
          assertThat(json.get("first_bad").isNull()).isTrue();
        });
  }

  static Stream<Arguments> tampers() {
    return Stream.of(
        Arguments.of(
            "a leaf amount",
            "UPDATE rewards.ledger_leaves SET beacon = beacon + 1 WHERE sequence = 1"
                + " AND beacon > 0",
            1,
            "MERKLE_ROOT_MISMATCH"),
        Arguments.of(
            "a Merkle root byte",
            "UPDATE rewards.ledger_entries SET manifest = set_byte(manifest, "
                + ROOT_OFFSET
                + ", get_byte(manifest, "
                + ROOT_OFFSET
                + ") # 1) WHERE sequence = 1",
            1,
            "SIGNATURE_INVALID"),
        Arguments.of(
            "a previous hash byte",
            "UPDATE rewards.ledger_entries SET manifest = set_byte(manifest, "
                + PREVIOUS_OFFSET
                + ", get_byte(manifest, "
                + PREVIOUS_OFFSET
                + ") # 1) WHERE sequence = 2",
            2,
            "HASH_CHAIN_BROKEN"),
        Arguments.of(
            "a signature byte",
            "UPDATE rewards.ledger_signatures SET signature = set_byte(signature, 0,"
                + " get_byte(signature, 0) # 1) WHERE sequence = 0",
            0,
            "SIGNATURE_INVALID"),
        Arguments.of(
            "a wallet balance",
            "UPDATE rewards.wallet_balances SET amount = amount + 1"
                + " WHERE wallet = (SELECT min(wallet) FROM rewards.wallet_balances)",
            2,
            "BALANCE_MISMATCH"),
        Arguments.of(
            "the stored manifest hash column",
            "UPDATE rewards.ledger_entries SET manifest_hash = set_byte(manifest_hash, 0,"
                + " get_byte(manifest_hash, 0) # 1) WHERE sequence = 2",
            2,
            "COLUMN_MISMATCH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampers")
  void a_tampered_value_fails_verification_naming_the_entry(
      String what, String update, long sequence, String reason) throws Exception {
    withLedger(
        (sql, url) -> {
          assertThat(sql.update(update)).as(what).isPositive();

          CliRun run = verify(url);

          assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
          assertThat(run.errIsOneLine()).isTrue();
          assertThat(run.err()).contains("entry sequence " + sequence + " (epoch ");
          assertThat(run.err()).contains(reason);
          var json = new ObjectMapper().readTree(run.out());
          assertThat(json.get("sound").asBoolean()).isFalse();
          assertThat(json.get("first_bad").get("sequence").asLong()).isEqualTo(sequence);
          assertThat(json.get("first_bad").get("epoch").asLong())
              .isEqualTo(FIRST.index() + sequence);
        });
  }

  /**
   * The ledger tables whose every value {@code ledger verify} must check, and how to change a value
   * of each column type in place (and change it back). The accounting columns of ledger_entries
   * (emission, operations, oracles, not_handled) and closed_at are derived, unsigned bookkeeping
   * (V1__ledger.sql), so they are not ledger values and are left out; sequence and epoch are keys
   * other tables reference, so PostgreSQL refuses to change them alone; a signature's position only
   * orders the set of signatures, which is what is checked. Hotspot balances are a view over the
   * leaves (V3__close_throughput.sql), not stored values.
   */
  private static final Map<String, List<String>> LEDGER_COLUMNS =
      Map.of(
          "ledger_entries", List.of("manifest", "manifest_hash"),
          "ledger_signatures", List.of("oracle", "signature"),
          "ledger_leaves", List.of("hotspot", "owner", "beacon", "witness", "data_transfer"),
          "wallet_balances", List.of("wallet", "amount", "last_epoch"));

  /** Found the unchecked last_epoch column of the wallet balances (now checked by LedgerAudit). */
  @Test
  void every_stored_ledger_value_is_covered_by_verification() throws Exception {
    withLedger(
        (sql, url) -> {
          List<String> missed = new ArrayList<>();
          for (var table : LEDGER_COLUMNS.entrySet()) {
            for (String column : table.getValue()) {
              String type =
                  sql.queryOne(
                          "SELECT data_type::text AS t FROM information_schema.columns"
                              + " WHERE table_schema = 'rewards' AND table_name = $1"
                              + " AND column_name = $2",
                          row -> row.get("t", String.class),
                          table.getKey(),
                          column)
                      .orElseThrow();
              String target = "rewards." + table.getKey();
              String filter = table.getKey().startsWith("ledger_") ? "sequence = 1" : "true";
              String row =
                  sql.queryOne(
                          "UPDATE "
                              + target
                              + " SET "
                              + column
                              + " = "
                              + change(column, type, true)
                              + " WHERE ctid = (SELECT ctid FROM "
                              + target
                              + " WHERE "
                              + filter
                              + " ORDER BY 1 LIMIT 1) RETURNING ctid::text AS c",
                          r -> r.get("c", String.class))
                      .orElseThrow(() -> new AssertionError(target + " has no row to change"));
              CliRun tampered = verify(url);
              sql.update(
                  "UPDATE "
                      + target
                      + " SET "
                      + column
                      + " = "
                      + change(column, type, false)
                      + " WHERE ctid = $1::tid",
                  row);
              if (tampered.exitCode() != Hexproof.EXIT_FAILURE
                  || !tampered.err().contains("entry sequence")) {
                missed.add(target + "." + column + " (" + tampered.err().strip() + ")");
              }
            }
          }
          assertThat(missed).as("changes verify did not report").isEmpty();
          assertThat(verify(url).exitCode()).as("every change undone").isZero();
        });
  }

  /** An expression that changes {@code column} in a reversible way, or reverts the change. */
  private static String change(String column, String type, boolean forward) {
    return switch (type) {
      case "bigint", "integer" -> column + (forward ? " + 1" : " - 1");
      case "bytea" -> "set_byte(" + column + ", 0, get_byte(" + column + ", 0) # 1)";
      case "text" -> forward ? column + " || 'x'" : "left(" + column + ", -1)";
      default -> throw new AssertionError(column + ": no change for type " + type);
    };
  }

  @Test
  void an_untrusted_oracle_key_breaks_the_quorum_at_genesis() throws Exception {
    withLedger(
        (sql, url) -> {
          CliRun run =
              CliRun.of(
                  "ledger",
                  "verify",
                  "--database-url",
                  url.redacted(),
                  "--oracle",
                  key(201).publicKey().toBase58());

          assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
          assertThat(run.err()).contains("entry sequence 0").contains("QUORUM_NOT_MET");
        });
  }

  @Test
  void a_served_proof_verifies_offline_against_the_root_and_fails_against_another()
      throws Exception {
    withLedger(
        (sql, url) -> {
          LedgerEntry entry = new PostgresLedgerStore(sql).readAll().get(1);
          RewardLeaf leaf = entry.leaves().get(0);
          MerkleTree tree = MerkleTree.of(entry.leaves());
          Path file = dir.resolve("proof.json");
          Files.writeString(
              file,
              new ObjectMapper()
                  .writeValueAsString(
                      ProofJson.toJson(
                          entry.epochIndex(),
                          leaf,
                          tree.proof(leaf.hotspot()).orElseThrow(),
                          tree.root())));
          String root = HexFormat.of().formatHex(entry.manifest().merkleRoot());
          byte[] otherRoot = entry.manifest().merkleRoot();
          otherRoot[31] ^= 1;
          String other = HexFormat.of().formatHex(otherRoot);

          CliRun good =
              CliRun.of("ledger", "verify-proof", "--proof", file.toString(), "--root", root);
          CliRun bad =
              CliRun.of("ledger", "verify-proof", "--proof", file.toString(), "--root", other);
          CliRun malformed =
              CliRun.of("ledger", "verify-proof", "--proof", file.toString(), "--root", "abc");

          assertThat(good.err()).isEmpty();
          assertThat(good.exitCode()).isZero();
          assertThat(good.out()).contains("\"valid\":true");
          assertThat(bad.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
          assertThat(bad.out()).contains("\"valid\":false");
          assertThat(malformed.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
          assertThat(malformed.errIsOneLine()).isTrue();
        });
  }

  @Test
  void without_a_url_or_a_data_directory_verify_is_a_usage_error() {
    CliRun run =
        CliRun.of(
            "ledger",
            "verify",
            "--database-url",
            "",
            "--data-directory",
            dir.resolve("absent").toString(),
            "--oracle",
            ORACLE.publicKey().toBase58());

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.err()).contains("no embedded data directory");
  }
}
