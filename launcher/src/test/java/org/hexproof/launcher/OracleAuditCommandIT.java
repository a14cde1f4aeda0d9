package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.r2dbc.pool.ConnectionPool;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.ingest.OnboardedKeys;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.ingest.ReportKind;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hexproof oracle audit} on a real oracle schema (embedded PostgreSQL, migrations applied):
 * one stored report with a sealed verdict passes; a changed verdict column fails with exit 1 and a
 * one-line error naming table, report and column; seals by an untrusted key fail; a bad key option
 * is a usage error.
 */
class OracleAuditCommandIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ed25519KeyPair ORACLE = key(1);
  private static final Ed25519KeyPair HOTSPOT = key(2);
  private static final Instant AT = Instant.parse("2026-11-25T03:00:00.123Z");

  private static EmbeddedDatabase server;
  private static ConnectionPool pool;
  private static Sql sql;
  private static String reportId;

  @BeforeAll
  static void start() {
    server = EmbeddedDatabase.start(Optional.empty());
    pool = ConnectionPools.open(server.url(), 2, TIMEOUT);
    sql = new Sql(pool, TIMEOUT);
    new Migrations(pool, TIMEOUT).apply("poc");
    sql.update(
        "INSERT INTO poc.hotspot (hotspot_key, owner_key, capability, onboarded_at)"
            + " VALUES ($1, $1, 'full', $2)",
        HOTSPOT.publicKey().toBase58(),
        Rows.bind(AT));
    BeaconReport beacon =
        SignedMessages.sign(
            BeaconReport.newBuilder()
                .setLocalEntropy(ByteString.copyFrom(new byte[4]))
                .setRemoteEntropy(ByteString.copyFrom(new byte[32]))
                .setData(ByteString.copyFrom(new byte[51]))
                .setFrequencyHz(867_100_000)
                .setDatarate(DataRate.SF12BW125)
                .setTxPowerDbm(14)
                .build(),
            HOTSPOT);
    ReportIngest ingest =
        new ReportIngest(
            sql, new SignedBodies(4096, Network.MAINNET), new OnboardedKeys(Set::copyOf));
    reportId = ingest.store(ReportKind.BEACON, beacon.toByteArray(), AT).reportId();
    sql.runInTransaction(
        tx -> {
          tx.update(
              "INSERT INTO poc.verdict (report_id, kind, verdict, reason, side, detail,"
                  + " verified_at) VALUES ($1, 'beacon', 'invalid', 'stale', 'none', 'late', $2)",
              reportId,
              Rows.bind(AT));
          tx.update(VerdictSeals.LOCK);
          new VerdictSeals(ORACLE)
              .append(
                  tx,
                  List.of(
                      new SealedVerdict(
                          reportId,
                          "beacon",
                          HOTSPOT.publicKey().toBase58(),
                          AT,
                          Optional.empty(),
                          "invalid",
                          Optional.of("stale"),
                          Optional.of("none"),
                          "late",
                          false,
                          BigDecimal.ZERO,
                          Optional.empty(),
                          Optional.empty(),
                          AT,
                          Optional.empty(),
                          Optional.empty())),
                  List.of(),
                  AT);
        });
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.dispose();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void passes_then_names_a_changed_verdict_column() throws Exception {
    CliRun good = audit(ORACLE);
    assertThat(good.exitCode()).as(good.err()).isZero();
    JsonNode doc = JSON.readTree(good.out());
    assertThat(doc.get("sound").asBoolean()).isTrue();
    assertThat(doc.get("verdicts").asLong()).isEqualTo(1);
    assertThat(doc.get("reports").asLong()).isEqualTo(1);
    assertThat(doc.get("head").get("seq").asLong()).isEqualTo(1);

    sql.update("UPDATE poc.verdict SET detail = 'on time' WHERE report_id = $1", reportId);
    try {
      CliRun bad = audit(ORACLE);
      assertThat(bad.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
      assertThat(bad.errIsOneLine()).isTrue();
      assertThat(bad.err()).contains("verdict " + reportId + " detail");
      JsonNode finding = JSON.readTree(bad.out()).get("findings").get(0);
      assertThat(finding.get("field").asText()).isEqualTo("detail");
      assertThat(finding.get("detail").asText()).isEqualTo("sealed late, stored on time");
    } finally {
      sql.update("UPDATE poc.verdict SET detail = 'late' WHERE report_id = $1", reportId);
    }
  }

  @Test
  void fails_when_the_seal_key_is_not_trusted() {
    CliRun run = audit(key(3));
    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
    assertThat(run.err()).contains("verdict_seal 1 signer");
  }

  @Test
  void rejects_a_key_that_is_not_a_key() {
    CliRun run =
        CliRun.of("oracle", "audit", "--database-url", server.url().redacted(), "--oracle", "nope");
    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.err()).contains("--oracle");
  }

  private static CliRun audit(Ed25519KeyPair trusted) {
    return CliRun.of(
        "oracle",
        "audit",
        "--database-url",
        server.url().redacted(),
        "--oracle",
        trusted.publicKey().toBase58());
  }

  private static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[31] = 0x41;
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }
}
