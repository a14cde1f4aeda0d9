package org.hexproof.fieldtests.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.devnet.PocFeed;
import org.hexproof.fieldtests.fleet.Cheat;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.fleet.Radio;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.store.LedgerAudit;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end scenarios on one devnet (poc-rules.md §1–§6). Given a mixed fleet in Valletta (serial
 * RAK3172, RN2483 and LoRa-E5 modules, concentrators on real UDP, WiFi modules on pseudo-terminals)
 * with one adversary per cheat; when it runs several beacon windows, the oracle restarts once and
 * an epoch with rewards is minted; then the thens below.
 */
@Tag("fleet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetScenariosIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The reason each cheat is caught with (poc-rules.md §1, §2, §4). */
  static Stream<Arguments> adversaries() {
    return Stream.of(
        Arguments.of(Cheat.FALSE_LOCATION, "liar-location", "max_distance_exceeded"),
        Arguments.of(Cheat.INFLATED_RSSI, "liar-rssi", "bad_rssi"),
        Arguments.of(Cheat.TOO_CLOSE, "close-a", "below_min_distance"),
        Arguments.of(Cheat.DENIED_EDGE, "edge-a", "denied_edge"),
        Arguments.of(Cheat.REPLAYED_BEACONS, "replayer", "entropy_expired"));
  }

  private ScenarioRun run;
  private List<PocFeed.Verdict> feed;
  private Map<String, HotspotPlan> byKey;
  private List<Long> epochs;

  @BeforeAll
  void given_a_mixed_fleet_with_adversaries_when_it_runs_and_the_oracle_restarts()
      throws Exception {
    FleetPlan plan =
        FleetPlan.in(City.VALLETTA, 7)
            .serialModules(6)
            .concentrators(3)
            .wifi(3)
            .withCheats(EnumSet.allOf(Cheat.class))
            .build();
    run = ScenarioRun.given(plan);
    assertThat(run.devnet.hotspotsLeftOut()).as("hotspots left out (see the log)").isZero();
    Set<String> reasons = adversaries().map(a -> (String) a.get()[2]).collect(Collectors.toSet());
    Set<String> seen = new java.util.HashSet<>();
    boolean done =
        run.runUntil(
            s -> {
              List<String> parts = new ArrayList<>();
              if (s.rewardedBaseUnits() > 0) {
                parts.add("rewards minted");
              }
              for (String r : reasons) {
                if (s.verdicts().keySet().stream().anyMatch(k -> k.endsWith(" " + r))) {
                  parts.add("cheat caught as " + r);
                }
              }
              parts.stream().filter(seen::add).forEach(run::log);
              return parts.size() == reasons.size() + 1;
            },
            Duration.ofMinutes(8),
            Duration.ofMinutes(4));
    assertThat(done).as("minted rewards and every cheat seen: %s", run.http.read()).isTrue();
    Instant deadline = Instant.now().plusSeconds(60);
    while (PocFeed.watermark(run.http).isBefore(run.restartedAt.plus(ScenarioRun.BEACON_WINDOW))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(1_000);
    }
    run.log("watermark past the restart");
    epochs = mintedEpochs();
    feed = PocFeed.read(run.http);
    byKey =
        run.devnet.fleet().stream()
            .collect(
                Collectors.toMap(
                    Devnet.Hotspot::key, h -> run.devnet.plan().hotspot(h.name()).orElseThrow()));
  }

  @AfterAll
  void stop() throws IOException {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void then_most_pocs_of_the_honest_fleet_are_valid_after_the_first_windows() {
    Instant warm = run.started.plus(ScenarioRun.BEACON_WINDOW.multipliedBy(2));
    List<PocFeed.Verdict> honest =
        feed.stream()
            .filter(PocFeed.Verdict::isBeacon)
            .filter(v -> byKey.get(v.hotspot()).cheat().isEmpty())
            .filter(v -> v.beaconReceivedAt().isAfter(warm))
            .toList();
    long valid = honest.stream().filter(PocFeed.Verdict::valid).count();
    assertThat(honest).isNotEmpty();
    assertThat(valid * 2)
        .as("valid honest beacons %d of %d", valid, honest.size())
        .isGreaterThan(honest.size());
  }

  @Test
  void then_every_lora_radio_takes_part_in_valid_pocs() {
    Set<Radio> seen = EnumSet.noneOf(Radio.class);
    for (PocFeed.Verdict v : feed) {
      if (v.valid() && (!v.isBeacon() || hasValidWitness(v))) {
        seen.add(byKey.get(v.hotspot()).radio());
      }
    }
    assertThat(seen).contains(Radio.RAK3172, Radio.RN2483, Radio.LORA_E5, Radio.CONCENTRATOR);
  }

  /**
   * The WiFi path from ESP-AT module to verdict both ways: SSID beacons (soft AP on a
   * pseudo-terminal module) reach the oracle and are verified, and other WiFi modules' scans see
   * them and their witnesses are verified valid (each module on the air under its own MAC).
   */
  @Test
  void then_wifi_hotspots_beacon_and_witness_each_other_validly() {
    Set<String> wifi =
        byKey.entrySet().stream()
            .filter(e -> e.getValue().radio() == Radio.WIFI)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    List<PocFeed.Verdict> beacons =
        feed.stream().filter(v -> v.isBeacon() && wifi.contains(v.hotspot())).toList();
    List<PocFeed.Verdict> witnesses =
        feed.stream().filter(v -> !v.isBeacon() && wifi.contains(v.beaconer())).toList();
    List<String> reasons = witnesses.stream().map(w -> w.reason().orElse("valid")).toList();
    assertThat(wifi).hasSize(3);
    assertThat(beacons).as("verified WiFi beacons").isNotEmpty();
    assertThat(witnesses)
        .as("witnesses of WiFi beacons: %s", reasons)
        .allMatch(w -> wifi.contains(w.hotspot()))
        .anyMatch(PocFeed.Verdict::valid);
  }

  @ParameterizedTest(name = "{0} is caught as {2}")
  @MethodSource("adversaries")
  void then_each_adversary_is_caught_with_its_own_reason(Cheat cheat, String name, String reason) {
    HotspotPlan adversary = run.devnet.plan().hotspot(name).orElseThrow();
    List<PocFeed.Verdict> cheats = cheatingReports(adversary);
    assertThat(cheats).as("reports of the cheat by %s", name).isNotEmpty();
    assertThat(cheats).allSatisfy(v -> assertThat(v.valid()).as("%s", v).isFalse());
    assertThat(cheats.stream().map(v -> v.reason().orElseThrow()))
        .as("reasons of %s's cheat", name)
        .contains(reason);
    assertThat(cheats).noneMatch(PocFeed.Verdict::rewarded);
  }

  @ParameterizedTest(name = "{0} earns nothing for it")
  @MethodSource("adversaries")
  void then_each_adversary_earns_nothing_for_the_cheat(Cheat cheat, String name, String reason)
      throws IOException {
    List<String> cheaters =
        run.devnet.plan().hotspots().stream()
            .filter(h -> h.cheats(cheat))
            .map(HotspotPlan::name)
            .toList();
    for (long epoch : epochs) {
      for (String who : cheaters) {
        String key = run.devnet.hotspot(who).orElseThrow().key();
        List<PocFeed.Verdict> mine =
            feed.stream()
                .filter(v -> v.hotspot().equals(key) && epochOf(v.beaconReceivedAt()) == epoch)
                .toList();
        long beacons = mine.stream().filter(v -> v.isBeacon() && v.rewarded()).count();
        long witnesses = mine.stream().filter(v -> !v.isBeacon() && v.rewarded()).count();
        HttpResponse<String> r = run.http.get("v1/rewards/epochs/" + epoch + "/hotspots/" + key);
        long paidBeacons = 0;
        long paidWitnesses = 0;
        if (r.statusCode() == 200) {
          JsonNode n = JSON.readTree(r.body());
          paidBeacons = n.path("beacons").asLong();
          paidWitnesses = n.path("witnesses").asLong();
        } else {
          assertThat(r.statusCode()).as("%s in epoch %d", who, epoch).isEqualTo(404);
        }
        // the rewards count exactly the valid, selected reports; the cheat's are all invalid
        assertThat(paidBeacons).as("%s rewarded beacons, epoch %d", who, epoch).isEqualTo(beacons);
        assertThat(paidWitnesses)
            .as("%s rewarded witnesses, epoch %d", who, epoch)
            .isEqualTo(witnesses);
      }
    }
  }

  @Test
  void then_each_minted_epoch_pays_its_pools_minus_the_unallocated_remainder() throws IOException {
    assertThat(epochs).isNotEmpty();
    for (long epoch : epochs) {
      JsonNode e = JSON.readTree(run.http.get("v1/rewards/epochs/" + epoch).body());
      long paid = 0;
      for (Devnet.Hotspot h : run.devnet.fleet()) {
        HttpResponse<String> r =
            run.http.get("v1/rewards/epochs/" + epoch + "/hotspots/" + h.key());
        if (r.statusCode() == 200) {
          paid += JSON.readTree(r.body()).path("total_amount").asLong();
        }
      }
      long gatewayPools = Math.floorDiv(e.path("emission").asLong() * 80, 100);
      assertThat(paid).as("epoch %d paid", epoch).isEqualTo(e.path("total_minted").asLong());
      assertThat(paid + e.path("unallocated").asLong())
          .as("epoch %d", epoch)
          .isEqualTo(gatewayPools);
    }
    assertThat(run.http.read().rewardedBaseUnits()).isPositive();
  }

  @Test
  void then_the_ledger_verifies_from_genesis() throws IOException {
    Sql sql = sql();
    OracleQuorum quorum =
        new OracleQuorum(
            Set.of(
                KeyFileFormat.read(
                        Files.readAllBytes(run.dir.resolve("oracle.key")), Network.MAINNET)
                    .publicKey()),
            1);
    LedgerAudit.Result audit = LedgerAudit.run(sql, quorum);
    assertThat(audit.firstBad()).isEmpty();
    assertThat(audit.entries()).isGreaterThanOrEqualTo(epochs.size());
  }

  /**
   * Every honest hotspot whose beacons had a valid witness is covered at its site on the map of its
   * technology: LoRa hotspots on the default (LoRa) map, WiFi hotspots on the WiFi map ({@code
   * technology=wifi}, res-12 cells covered at −85 dBm and above), where their witnesses' RSSI comes
   * from the 2.4 GHz link budget between their sites.
   */
  @Test
  void then_the_map_shows_coverage_around_hotspots_with_valid_witnesses() throws IOException {
    List<Devnet.Hotspot> heard =
        run.devnet.fleet().stream()
            .filter(h -> byKey.get(h.key()).cheat().isEmpty())
            .filter(
                h ->
                    feed.stream()
                        .anyMatch(v -> !v.isBeacon() && v.valid() && v.beaconer().equals(h.key())))
            .toList();
    assertThat(heard).isNotEmpty();
    assertThat(heard).anyMatch(h -> byKey.get(h.key()).radio() == Radio.WIFI);
    List<String> uncovered = new ArrayList<>();
    for (Devnet.Hotspot h : heard) {
      boolean wifi = byKey.get(h.key()).radio() == Radio.WIFI;
      JsonNode point =
          JSON.readTree(
              run.http
                  .get(
                      "v1/coverage/point?lat="
                          + h.site().latDegrees()
                          + "&lng="
                          + h.site().lngDegrees()
                          + (wifi ? "&technology=wifi" : ""))
                  .body());
      if (!point.path("covered").asBoolean()) {
        uncovered.add(h.name() + (wifi ? " (wifi)" : ""));
      }
    }
    JsonNode wifiMap = JSON.readTree(run.http.get("v1/coverage/summary?technology=wifi").body());
    java.util.IntSummaryStatistics rssi =
        feed.stream()
            .filter(
                v -> !v.isBeacon() && v.valid() && byKey.get(v.beaconer()).radio() == Radio.WIFI)
            .mapToInt(v -> v.signalDdbm().orElseThrow() / 10)
            .summaryStatistics();
    run.log(
        "WiFi: "
            + rssi.getCount()
            + " valid witnesses at "
            + rssi.getMin()
            + ".."
            + rssi.getMax()
            + " dBm; WiFi map "
            + wifiMap.path("total_cells").asInt()
            + " cells at resolution "
            + wifiMap.path("resolution").asInt());
    assertThat(wifiMap.path("total_cells").asInt()).as("cells on the WiFi map").isPositive();
    assertThat(uncovered)
        .as("hotspots with valid witnesses but no coverage at their site on their map")
        .isEmpty();
  }

  @Test
  void then_the_restart_lost_no_acknowledged_report() throws IOException {
    Sql sql = sql();
    // the fleet still runs: read the acknowledgements before the tables, or a report acknowledged
    // in between would look lost
    var acked = run.devnet.acknowledged();
    Map<String, String> stored = new java.util.HashMap<>();
    for (String table : List.of("beacon_report", "witness_report")) {
      for (String id :
          sql.query("SELECT report_id FROM poc." + table, r -> r.get(0, String.class))) {
        assertThat(stored.put(id, table)).as("report %s stored once", id).isNull();
      }
    }
    assertThat(acked).isNotEmpty();
    assertThat(run.restartedAt).isNotNull();
    for (var ack : acked) {
      assertThat(stored.get(ack.reportId()))
          .as("acknowledged %s report %s of %s", ack.kind(), ack.reportId(), ack.hotspot())
          .isEqualTo(ack.kind() + "_report");
    }
    Instant watermark = PocFeed.watermark(run.http);
    Map<String, Long> verdicts =
        sql
            .query(
                "SELECT b.report_id, (SELECT count(*) FROM poc.verdict v WHERE v.report_id = b.report_id)"
                    + " FROM poc.beacon_report b WHERE b.received_at < $1",
                r -> Map.entry(r.get(0, String.class), r.get(1, Long.class)),
                watermark.atOffset(java.time.ZoneOffset.UTC))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Set<String> feedBeacons =
        feed.stream()
            .filter(PocFeed.Verdict::isBeacon)
            .map(PocFeed.Verdict::reportId)
            .collect(Collectors.toSet());
    for (var ack : acked) {
      if (ack.kind().equals("beacon") && verdicts.containsKey(ack.reportId())) {
        assertThat(verdicts.get(ack.reportId()))
            .as("verdicts of beacon %s", ack.reportId())
            .isEqualTo(1L);
      }
    }
    assertThat(verdicts.values()).allMatch(n -> n == 1L);
    assertThat(feedBeacons).hasSize((int) feed.stream().filter(PocFeed.Verdict::isBeacon).count());
  }

  private List<PocFeed.Verdict> cheatingReports(HotspotPlan adversary) {
    String key = run.devnet.hotspot(adversary.name()).orElseThrow().key();
    Function<String, String> keyOf = n -> run.devnet.hotspot(n).orElseThrow().key();
    Cheat cheat = adversary.cheat().orElseThrow();
    return feed.stream()
        .filter(
            v ->
                switch (cheat) {
                  case FALSE_LOCATION ->
                      !v.isBeacon() && (v.hotspot().equals(key) || v.beaconer().equals(key));
                  case INFLATED_RSSI -> !v.isBeacon() && v.hotspot().equals(key);
                  case TOO_CLOSE, DENIED_EDGE -> {
                    String partner = keyOf.apply(adversary.partner().orElseThrow());
                    yield !v.isBeacon()
                        && ((v.hotspot().equals(key) && v.beaconer().equals(partner))
                            || (v.hotspot().equals(partner) && v.beaconer().equals(key)));
                  }
                  case REPLAYED_BEACONS -> v.isBeacon() && v.hotspot().equals(key) && !v.valid();
                })
        // a witness of an invalid beacon carries the beacon's reason, not its own
        .filter(v -> v.isBeacon() || beaconValid(v))
        .toList();
  }

  private boolean beaconValid(PocFeed.Verdict witness) {
    return feed.stream()
        .anyMatch(
            b ->
                b.isBeacon()
                    && b.valid()
                    && b.hotspot().equals(witness.beaconer())
                    && b.beaconReceivedAt().equals(witness.beaconReceivedAt()));
  }

  private boolean hasValidWitness(PocFeed.Verdict beacon) {
    return feed.stream()
        .anyMatch(
            w ->
                !w.isBeacon()
                    && w.valid()
                    && w.beaconer().equals(beacon.hotspot())
                    && w.beaconReceivedAt().equals(beacon.beaconReceivedAt()));
  }

  private long epochOf(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), ScenarioRun.EPOCH.toMillis());
  }

  private List<Long> mintedEpochs() throws IOException {
    long last = run.http.read().lastClosedEpoch().orElseThrow();
    List<Long> epochs = new ArrayList<>();
    for (long e = last; run.http.get("v1/rewards/epochs/" + e).statusCode() == 200; e--) {
      epochs.add(e);
    }
    return epochs;
  }

  private Sql sql() {
    return new Sql(
        run.devnet.context().getBean(io.r2dbc.spi.ConnectionFactory.class), Duration.ofSeconds(10));
  }
}
