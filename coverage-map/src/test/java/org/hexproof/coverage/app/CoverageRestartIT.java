package org.hexproof.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.coverage.app.FeedFixtures.VALLETTA;
import static org.hexproof.coverage.app.FeedFixtures.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash-safety of the feed cursor: an unreachable oracle, then a restart on the same database; and
 * a Wi-Fi beaconer rebuilt from storage.
 */
class CoverageRestartIT {
  @TempDir Path dir;

  private static JsonNode hotspot(RunningService s, int n) {
    for (JsonNode h : s.json("/v1/coverage/hotspots")) {
      if (h.get("key").asText().equals(key(n).toBase58())) {
        return h;
      }
    }
    throw new AssertionError("hotspot " + n + " not listed");
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void restart_resumes_from_the_stored_cursor_without_double_counting() throws Exception {
    Instant now = Instant.now();
    try (StubOracle oracle = new StubOracle()) {
      FeedFixtures.scenario(now).forEach(oracle::add);
      oracle.down(true);
      JsonNode before;
      try (RunningService first = new RunningService(oracle.url(), dir.resolve("db"))) {
        await(() -> oracle.requests() >= 3);
        assertThat(first.json("/v1/coverage/summary").get("feed_cursor").asLong()).isZero();
        assertThat(first.get("/prometheus").body())
            .containsPattern("hexproof_coverage_feed_failures_in_a_row [1-9]");

        oracle.down(false);
        first.awaitCursor(10);
        before = hotspot(first, 1);
        assertThat(before.get("valid_beacons").asLong()).isEqualTo(3);
        assertThat(before.get("witness_samples").asInt()).isEqualTo(12);
      }

      int requestsBefore = oracle.afters().size();
      try (RunningService second = new RunningService(oracle.url(), dir.resolve("db"))) {
        // rebuilt from storage before serving: same counts, same coverage
        JsonNode after = hotspot(second, 1);
        assertThat(second.json("/v1/coverage/summary").get("feed_cursor").asLong()).isEqualTo(10);
        assertThat(after.get("valid_beacons").asLong()).isEqualTo(3);
        assertThat(after.get("witness_samples").asInt()).isEqualTo(12);
        assertThat(after.get("covered_cells")).isEqualTo(before.get("covered_cells"));
        assertThat(hotspot(second, 11).get("valid_witnesses").asLong()).isEqualTo(3);

        Instant later = now.minusSeconds(60);
        oracle.add(
            FeedFixtures.beacon(
                12, 1, VALLETTA, "valid", later, FeedFixtures.lineOfWitnesses(later)));
        second.awaitCursor(12);

        assertThat(oracle.afters().subList(requestsBefore, oracle.afters().size()))
            .first()
            .isEqualTo(10L);
        JsonNode resumed = hotspot(second, 1);
        assertThat(resumed.get("valid_beacons").asLong()).isEqualTo(4);
        assertThat(resumed.get("witness_samples").asInt()).isEqualTo(16);
      }
    }
  }

  @Test
  void a_wifi_beaconer_keeps_its_radio_and_wifi_coverage_across_a_restart() throws Exception {
    Instant now = Instant.now();
    LatLng wifiAt = FeedFixtures.north(VALLETTA, 8000);
    String near =
        "/v1/coverage/point?technology=wifi&lat="
            + wifiAt.latDegrees()
            + "&lng="
            + FeedFixtures.east(wifiAt, 15).lngDegrees();
    try (StubOracle oracle = new StubOracle()) {
      oracle.add(FeedFixtures.wifiBeacon(1, 40, wifiAt, 41, now.minusSeconds(600)));
      JsonNode before;
      try (RunningService first = new RunningService(oracle.url(), dir.resolve("wifi-db"))) {
        first.awaitCursor(1);
        before = first.json(near);
        assertThat(before.get("covered").asBoolean()).isTrue();
      }
      try (RunningService second = new RunningService(oracle.url(), dir.resolve("wifi-db"))) {
        // rebuilt from the datarate column (WIFI_2G4) and the stored samples
        JsonNode h = hotspot(second, 40);
        assertThat(h.get("radio").asText()).isEqualTo("wifi");
        assertThat(h.get("datarate").asText()).isEqualTo("WIFI_2G4");
        assertThat(h.get("witness_samples").asInt()).isEqualTo(4);
        JsonNode after = second.json(near);
        assertThat(after.get("covered").asBoolean()).isTrue();
        assertThat(after.get("rssi_dbm")).isEqualTo(before.get("rssi_dbm"));
        assertThat(h.get("covered_cells").asInt()).isPositive();
        assertThat(second.json("/v1/coverage/summary?technology=wifi").get("total_cells").asInt())
            .isEqualTo(h.get("covered_cells").asInt());
      }
    }
  }
}
