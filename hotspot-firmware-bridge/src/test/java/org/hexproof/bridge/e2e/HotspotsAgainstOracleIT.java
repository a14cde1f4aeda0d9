package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.bridge.daemon.StubOracleRig.await;
import static org.hexproof.bridge.daemon.StubOracleRig.fixedLocalEntropy;
import static org.hexproof.bridge.e2e.OracleRig.CELL_A;
import static org.hexproof.bridge.e2e.OracleRig.CELL_B;
import static org.hexproof.bridge.e2e.OracleRig.assertValidWithSelectedWitness;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.WifiBeacons;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.emulator.WifiAir;
import org.hexproof.bridge.serial.EspAtDriver;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end test: two hotspot daemons, each driving an emulated module over a real
 * socat pty pair, against a real oracle (environment {@code oracle}, embedded PostgreSQL, HTTP on a
 * local port). Onboarding and location assertions go through the daemons' outboxes; A beacons, B
 * witnesses; the test passes the entropy window on the oracle's clock, runs the verifier worker and
 * reads the verdicts from the feed.
 */
@Timeout(180)
class HotspotsAgainstOracleIT {
  private static final byte[] LOCAL_A = {1, 2, 3, 4};

  @TempDir Path dir;
  private OracleRig rig;
  private RealOracle oracle;

  @AfterEach
  void closeAll() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  private RealOracle oracle() {
    rig = new OracleRig(dir);
    oracle = rig.oracle;
    return oracle;
  }

  private HotspotDaemon start(Properties config, Random random) {
    return rig.start(config, random);
  }

  private Beacon tickUntilChannel(int channel) {
    return rig.tickUntilChannel(LOCAL_A, channel);
  }

  private Properties wifiConfig(String name, String cell, WifiAir air, String mac) {
    SocatPair pair =
        rig.keep(SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module")));
    EspAtEmulator emulator =
        rig.keep(
            new EspAtEmulator(JsscLineChannel.opener(pair.linkB(), EspAtDriver.BAUD), air, mac));
    emulator.start();
    Properties p = rig.baseConfig(name, cell);
    p.setProperty("region", "WIFI-2G4");
    p.setProperty("radio.type", "esp-at");
    p.setProperty("radio.device", dir.resolve(name + "-host").toString());
    p.setProperty("wifi.scan-interval", "1h");
    return p;
  }

  @Test
  void a_rak3172_beacon_witnessed_over_socat_is_verified_valid_by_the_real_oracle()
      throws Exception {
    oracle();
    Beacon expected = tickUntilChannel(0);
    FixedSignalMedium medium = new FixedSignalMedium(new Signal(-95, 6));
    HotspotDaemon a =
        start(rig.new LoraNode("a", medium).config(CELL_A, 0), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b =
        start(
            rig.new LoraNode("b", medium).config(CELL_B, 0),
            fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    rig.awaitRegistered(2);
    oracle.seedReciprocity();
    oracle.advance(Duration.ofSeconds(20));

    Beacon sent = a.beaconNow();

    assertThat(sent).isEqualTo(expected);
    await(
        "beacon and witness stored by the oracle",
        Duration.ofSeconds(15),
        () ->
            oracle.count("SELECT count(*) AS n FROM poc.beacon_report") == 1
                && oracle.count("SELECT count(*) AS n FROM poc.witness_report") == 1);
    JsonNode entry = rig.verifyIntoFeed(1);
    assertValidWithSelectedWitness(entry, a, b);
    assertThat(entry.get("beacon").get("region").asText()).isEqualTo("EU868");
    assertThat(entry.get("beacon").get("location").asText()).isEqualTo(CELL_A);
    assertThat(entry.get("witnesses").get(0).get("location").asText()).isEqualTo(CELL_B);
    assertThat(a.status().outboxDepth()).isZero();
    assertThat(b.status().outboxDepth()).isZero();
  }

  @Test
  void an_esp_at_beacon_ssid_witnessed_by_a_scan_is_verified_valid_by_the_real_oracle()
      throws Exception {
    oracle();
    oracle.advance(Duration.ofSeconds(1));
    oracle.tickEntropy();
    WifiAir air = new WifiAir(-90);
    HotspotDaemon a =
        start(wifiConfig("a", CELL_A, air, "aa:bb:cc:00:00:01"), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b =
        start(
            wifiConfig("b", CELL_B, air, "aa:bb:cc:00:00:02"),
            fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    rig.awaitRegistered(2);
    oracle.seedReciprocity();
    oracle.advance(Duration.ofSeconds(20));

    Beacon sent = a.beaconNow();
    assertThat(sent).isEqualTo(rig.expectedBeacon(Region.WIFI_2G4.plan(), LOCAL_A));
    assertThat(b.scanNow()).isEqualTo(1);

    await(
        "beacon and witness stored by the oracle",
        Duration.ofSeconds(15),
        () ->
            oracle.count("SELECT count(*) AS n FROM poc.beacon_report") == 1
                && oracle.count("SELECT count(*) AS n FROM poc.witness_report") == 1);
    assertThat(
            oracle.count(
                "SELECT count(*) AS n FROM poc.witness_report"
                    + " WHERE length(data) = 20 AND datarate = 'WIFI_2G4'"))
        .as("the witness carries the SSID's 20-byte prefix")
        .isEqualTo(1);
    JsonNode entry = rig.verifyIntoFeed(1);
    assertValidWithSelectedWitness(entry, a, b);
    assertThat(entry.get("beacon").get("datarate").asText()).isEqualTo("WIFI_2G4");
    assertThat(WifiBeacons.ssid(sent)).isNotEmpty();
  }

  private double ingestCount(String outcome) {
    return oracle
        .bean(io.micrometer.core.instrument.MeterRegistry.class)
        .find("hexproof.oracle.ingest")
        .tag("outcome", outcome)
        .counters()
        .stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count)
        .sum();
  }

  private long witnessesSent(HotspotDaemon daemon) {
    return daemon.status().witnessesSent();
  }

  @Test
  void b_reconnects_after_its_socat_pair_is_killed_and_every_report_arrives_exactly_once()
      throws Exception {
    oracle();
    tickUntilChannel(0);
    FixedSignalMedium medium = new FixedSignalMedium(new Signal(-95, 6));
    OracleRig.LoraNode nodeB = rig.new LoraNode("b", medium);
    HotspotDaemon a =
        start(rig.new LoraNode("a", medium).config(CELL_A, 0), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b = start(nodeB.config(CELL_B, 0), fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    rig.awaitRegistered(2);
    List<Beacon> heardByB = new ArrayList<>();
    List<Beacon> all = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      tickUntilChannel(0);
      Beacon sent = a.beaconNow();
      all.add(sent);
      heardByB.add(sent);
      int expected = heardByB.size();
      await(
          "B witnesses beacon " + expected,
          Duration.ofSeconds(10),
          () -> witnessesSent(b) == expected);
    }
    // the last witness may still be in B's outbox when its module goes away
    nodeB.unplug();
    tickUntilChannel(0);
    all.add(a.beaconNow()); // B has no radio: it cannot hear this one
    nodeB.plugIn();
    await(
        "B's daemon reopened the new pty and listens again",
        Duration.ofSeconds(20),
        () -> nodeB.emulator.listening().isPresent());
    for (int i = 0; i < 2; i++) {
      tickUntilChannel(0);
      Beacon sent = a.beaconNow();
      all.add(sent);
      heardByB.add(sent);
      int expected = heardByB.size();
      await(
          "B witnesses beacon " + expected,
          Duration.ofSeconds(10),
          () -> witnessesSent(b) == expected);
    }
    await(
        "both outboxes drained",
        Duration.ofSeconds(20),
        () -> a.status().outboxDepth() == 0 && b.status().outboxDepth() == 0);

    assertThat(oracle.count("SELECT count(*) AS n FROM poc.beacon_report")).isEqualTo(all.size());
    assertThat(oracle.count("SELECT count(*) AS n FROM poc.witness_report"))
        .isEqualTo(heardByB.size());
    assertThat(
            oracle.count(
                "SELECT count(*) AS n FROM (SELECT report_id FROM"
                    + " (SELECT report_id FROM poc.beacon_report"
                    + " UNION ALL SELECT report_id FROM poc.witness_report) r"
                    + " GROUP BY report_id HAVING count(*) > 1) twice"))
        .as("no report id stored twice")
        .isZero();
    for (Beacon beacon : all) {
      assertThat(
              oracle.count(
                  "SELECT count(*) AS n FROM poc.beacon_report WHERE data = $1", beacon.data()))
          .isEqualTo(1);
      assertThat(
              oracle.count(
                  "SELECT count(*) AS n FROM poc.witness_report WHERE data = $1", beacon.data()))
          .as("witnesses of beacon %s", beacon.id())
          .isEqualTo(heardByB.contains(beacon) ? 1 : 0);
    }
    assertThat(ingestCount("duplicate")).as("no report was posted twice").isZero();
    assertThat(ingestCount("accepted"))
        .as("each beacon and witness report accepted once")
        .isEqualTo((double) all.size() + heardByB.size());
  }
}
