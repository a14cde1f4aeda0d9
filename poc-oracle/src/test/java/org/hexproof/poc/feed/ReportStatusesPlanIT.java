package org.hexproof.poc.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.hexproof.poc.app.PocDatabase;
import org.hexproof.poc.store.Rows;
import org.junit.jupiter.api.Test;

/**
 * A page of one hotspot's reports reads that hotspot's newest index entries of each report table;
 * it never scans the tables (every report of every hotspot).
 */
@MicronautTest(environments = "oracle", startApplication = false)
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/report-plan/oracle.key")
class ReportStatusesPlanIT {
  @Inject PocDatabase db;

  @Test
  void a_hotspots_page_walks_its_index_entries_instead_of_scanning_the_report_tables() {
    // 20,000 witness and 2,000 beacon reports of 100 hotspots, then fresh statistics
    db.sql()
        .update(
            "INSERT INTO poc.witness_report (report_id, hotspot_key, received_at, data,"
                + " signal_ddbm, snr_ddb, frequency_hz, datarate, signed_report)"
                + " SELECT 'plan-w-' || i, 'plan-hotspot-' || (i % 100),"
                + " timestamptz '2026-11-01' + i * interval '1 second', '\\x01'::bytea,"
                + " -1000, 50, 868100000, 'SF9BW125', '\\x00'::bytea"
                + " FROM generate_series(1, 20000) AS i");
    db.sql()
        .update(
            "INSERT INTO poc.beacon_report (report_id, hotspot_key, received_at, local_entropy,"
                + " remote_entropy, data, frequency_hz, channel, datarate, tx_power_dbm,"
                + " signed_report, closed)"
                + " SELECT 'plan-b-' || i, 'plan-hotspot-' || (i % 100),"
                + " timestamptz '2026-11-01' + i * interval '10 second', '\\x01'::bytea,"
                + " '\\x02'::bytea, '\\x03'::bytea, 868100000, 0, 'SF9BW125', 14, '\\x00'::bytea,"
                + " true FROM generate_series(1, 2000) AS i");
    db.sql().update("ANALYZE poc.witness_report");
    db.sql().update("ANALYZE poc.beacon_report");

    List<String> plan =
        db.sql()
            .query(
                "EXPLAIN " + ReportStatuses.HOTSPOT_PAGE,
                r -> r.get(0, String.class),
                "plan-hotspot-7",
                Rows.bind(Instant.parse("9999-12-31T23:59:59Z")),
                "",
                50);
    String text = String.join("\n", plan);

    assertThat(text).as(text).contains("witness_report_hotspot").contains("beacon_report_hotspot");
    assertThat(text)
        .as(text)
        .doesNotContain("Seq Scan on witness_report")
        .doesNotContain("Seq Scan on beacon_report");
  }
}
