package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.poc.audit.AuditFinding;
import org.hexproof.poc.audit.VerdictAudit;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verdict audit on real verdicts: beacons with valid, invalid and self witnesses and a stale
 * report are verified by the worker; untouched, the audit passes. Then each stored verdict column,
 * a report's signed body and columns, a feed entry and rows of each table are changed or deleted
 * one at a time, straight in the database, and the audit must fail naming the table, the row and
 * the field. Every case starts from a copy of the untouched tables. Feed entries stored before they
 * named their rule profile (rewritten so by {@link FeedBeforeProfiles}) still pass.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/audit/oracle.key")
class VerdictAuditIT {
  private static final List<String> TABLES =
      List.of("verdict", "feed", "verdict_seal", "beacon_report", "witness_report");

  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject HotspotRegistry registry;
  @Inject ReportIngest ingest;
  @Inject PocDatabase db;
  @Inject DensityCache density;
  @Inject PocWorker worker;
  @Inject VerdictSeals seals;

  Sql sql;
  boolean verified;

  @BeforeEach
  void verify_some_pocs_once() {
    sql = db.sql();
    if (verified) {
      return;
    }
    verified = true;
    Ed25519KeyPair a = Hotspots.key(61);
    Ed25519KeyPair b = Hotspots.key(62);
    Ed25519KeyPair c = Hotspots.key(63);
    for (Ed25519KeyPair k : List.of(a, b, c)) {
      registry.onboard(Hotspots.onboarding(k), clock.instant());
    }
    registry.assertLocation(
        a.publicKey().toBase58(),
        Hotspots.location(a, Hotspots.BEACONER_CELL, Region.EU868, 1),
        clock.instant());
    registry.assertLocation(
        b.publicKey().toBase58(),
        Hotspots.location(b, Hotspots.WITNESS_CELL, Region.EU868, 1),
        clock.instant());
    registry.assertLocation(
        c.publicKey().toBase58(),
        Hotspots.location(c, Hotspots.TOO_CLOSE_CELL, Region.EU868, 1),
        clock.instant());
    Hotspots.giveHistory(sql, density, clock.instant());
    EntropyReport served = entropy.tick();
    clock.advance(Duration.ofSeconds(10));
    BeaconReport beacon = Hotspots.beacon(a, served, 1);
    ingest.beacon(beacon.toByteArray(), clock.instant());
    clock.advance(Duration.ofMillis(300));
    ingest.witness(Hotspots.witness(b, beacon).toByteArray(), clock.instant());
    ingest.witness(Hotspots.witness(c, beacon).toByteArray(), clock.instant());
    ingest.witness(Hotspots.witness(a, beacon).toByteArray(), clock.instant());
    BeaconReport second = Hotspots.beacon(b, served, 2);
    ingest.beacon(second.toByteArray(), clock.instant());
    ingest.witness(Hotspots.witness(a, second).toByteArray(), clock.instant());
    EntropyReport unknown =
        EntropyReport.newBuilder()
            .setData(com.google.protobuf.ByteString.copyFrom(new byte[32]))
            .setTimestampS(clock.instant().getEpochSecond())
            .build();
    ingest.beacon(Hotspots.beacon(c, unknown, 3).toByteArray(), clock.instant());
    clock.advance(Duration.ofMinutes(50));
    PocWorker.RunSummary run = worker.runOnce();
    assertThat(run.verified()).isEqualTo(2);
    assertThat(run.staleBeacons()).isEqualTo(1);
    sql.withConnection(
        h -> {
          h.script("CREATE SCHEMA IF NOT EXISTS audit_copy");
          for (String t : TABLES) {
            h.script("CREATE TABLE audit_copy." + t + " AS SELECT * FROM poc." + t);
          }
          return null;
        });
  }

  @AfterEach
  void restore() {
    sql.withConnection(
        h -> {
          for (String t : TABLES) {
            h.script(
                "DELETE FROM poc."
                    + t
                    + "; INSERT INTO poc."
                    + t
                    + " SELECT * FROM audit_copy."
                    + t);
          }
          return null;
        });
  }

  @Test
  void passes_untouched_data() {
    VerdictAudit.Result result = audit();
    assertThat(result.findings()).isEmpty();
    assertThat(result.sound()).isTrue();
    assertThat(result.verdicts()).isEqualTo(7);
    assertThat(result.feedEntries()).isEqualTo(2);
    assertThat(result.reports()).isEqualTo(7);
    assertThat(result.seals()).isEqualTo(2);
    assertThat(result.headSeq()).isEqualTo(2);
  }

  @Test
  void fails_for_seals_of_an_untrusted_key() {
    VerdictAudit.Result result = VerdictAudit.run(sql, Set.of(Hotspots.key(99).publicKey()));
    assertThat(result.findings())
        .extracting(AuditFinding::table, AuditFinding::field)
        .contains(org.assertj.core.groups.Tuple.tuple("verdict_seal", "signer"));
  }

  @ParameterizedTest(name = "{0}.{3}: {2}")
  @MethodSource("org.hexproof.poc.app.AuditTampering#cases")
  void names_what_changed(String table, String target, String tamper, String field) {
    String id = sql.queryOne(target, row -> row.get(0, String.class)).orElseThrow();
    long changed = sql.update(tamper, id);
    assertThat(changed).as("the tampering statement changed a row").isPositive();

    VerdictAudit.Result result = audit();
    assertThat(result.sound()).isFalse();
    String expectedId = tamper.startsWith("INSERT") ? id + "x" : id;
    assertThat(result.findings())
        .extracting(AuditFinding::table, AuditFinding::id, AuditFinding::field)
        .contains(org.assertj.core.groups.Tuple.tuple(table, expectedId, field));
  }

  @ParameterizedTest(name = "verdicts without profiles too: {0}")
  @ValueSource(booleans = {false, true})
  void passes_feed_entries_written_before_they_named_the_profile(boolean beforeV3) {
    assertThat(FeedBeforeProfiles.rewrite(sql, seals, beforeV3)).isEqualTo(2);
    assertThat(sql.query("SELECT entry FROM poc.feed", row -> row.get(0, String.class)))
        .noneMatch(e -> e.contains("rule_profile"));
    assertThat(audit().findings()).isEmpty();

    // a changed field of such an entry is named alone, without a missing profile beside it
    String id =
        changeFirstEntry("replace(entry, '\"verdict\":\"valid\"', '\"verdict\":\"invalid\"')");
    List<AuditFinding> findings = audit().findings();
    assertThat(findings)
        .extracting(AuditFinding::table, AuditFinding::id, AuditFinding::field)
        .contains(org.assertj.core.groups.Tuple.tuple("feed", id, "beacon.verdict"));
    assertThat(findings).extracting(AuditFinding::field).noneMatch(f -> f.contains("profile"));
  }

  /** Only the first match is replaced: the beacon's reason, which comes before the witnesses. */
  @Test
  void names_a_profile_added_to_an_entry_sealed_without_one() {
    FeedBeforeProfiles.rewrite(sql, seals, true);
    String id =
        changeFirstEntry(
            "regexp_replace(entry, '\"reason\":null,',"
                + " '\"reason\":null,\"rule_profile\":\"wifi-2g4\",')");
    assertThat(audit().findings())
        .extracting(AuditFinding::table, AuditFinding::id, AuditFinding::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("feed", id, "beacon.rule_profile"));
  }

  /** Sets the first feed entry's text to {@code expression} (of {@code entry}); its id. */
  private String changeFirstEntry(String expression) {
    String id =
        sql.queryOne("SELECT min(id)::text FROM poc.feed", row -> row.get(0, String.class))
            .orElseThrow();
    assertThat(
            sql.update("UPDATE poc.feed SET entry = " + expression + " WHERE id = $1::bigint", id))
        .isEqualTo(1);
    return id;
  }

  private VerdictAudit.Result audit() {
    return VerdictAudit.run(sql, Set.of(seals.publicKey()));
  }
}
