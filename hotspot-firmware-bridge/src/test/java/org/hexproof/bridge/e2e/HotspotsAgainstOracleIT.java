package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.WifiBeacons;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.emulator.WifiAir;
import org.hexproof.bridge.serial.EspAtDriver;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.entropy.EntropyService;
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
  /** Malta, as OracleFlowIT: a res-12 cell and the res-12 centre child of a res-11 cell. */
  private static final String CELL_A = "631615575095659519";

  private static final String CELL_B =
      H3Cell.fromLatLng(H3Cell.fromLong(627111975465463807L).center(), 12).toDecimalString();

  private static final byte[] LOCAL_A = {1, 2, 3, 4};
  private static final HotspotDaemon.Options OPTIONS =
      new HotspotDaemon.Options(
          new SerialLineOptions(
              Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400)),
          // EU868 beacons go out at SF12 (about 2.5 s on air); the driver waits on air time plus
          // this, which needs room on a loaded 2-core machine
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          false);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private RealOracle oracle;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private RealOracle oracle(String ruleProfile) {
    oracle = new RealOracle(dir.resolve("oracle"), ruleProfile);
    open.add(oracle);
    return oracle;
  }

  /** Local entropy is fixed so the test knows the beacon in advance. */
  private static Random fixedLocalEntropy(byte[] local) {
    return new Random(7) {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(local, 0, bytes, 0, bytes.length);
      }
    };
  }

  private Properties baseConfig(String name, String cell) {
    Properties p = new Properties();
    p.setProperty("key-file", name + "/hotspot.key");
    p.setProperty("network", "testnet");
    p.setProperty("data-dir", name + "/data");
    p.setProperty("oracle.url", oracle.url().toString());
    p.setProperty("location", cell);
    p.setProperty("antenna.gain-ddbi", "30");
    p.setProperty("outbox.backoff.initial", "100ms");
    p.setProperty("outbox.backoff.max", "300ms");
    return p;
  }

  /** A LoRa node: socat pair, RAK3172 emulator on its module end, and the daemon's config. */
  private final class LoraNode {
    final String name;
    final FixedSignalMedium medium;
    SocatPair pair;
    Rak3172Emulator emulator;

    LoraNode(String name, FixedSignalMedium medium) {
      this.name = name;
      this.medium = medium;
      plugIn();
    }

    void plugIn() {
      pair = SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module"));
      open.add(pair);
      emulator =
          new Rak3172Emulator(JsscLineChannel.opener(pair.linkB(), Rak3172Driver.BAUD), medium);
      open.add(emulator);
      emulator.start();
    }

    void unplug() {
      pair.close();
      emulator.close();
    }

    Properties config(String cell, int listenChannel) {
      Properties p = baseConfig(name, cell);
      p.setProperty("region", "EU868");
      p.setProperty("radio.type", "rak3172");
      p.setProperty("radio.device", dir.resolve(name + "-host").toString());
      p.setProperty("radio.listen-channel", Integer.toString(listenChannel));
      return p;
    }
  }

  private Properties wifiConfig(String name, String cell, WifiAir air, String mac) {
    SocatPair pair = SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module"));
    open.add(pair);
    EspAtEmulator emulator =
        new EspAtEmulator(JsscLineChannel.opener(pair.linkB(), EspAtDriver.BAUD), air, mac);
    open.add(emulator);
    emulator.start();
    Properties p = baseConfig(name, cell);
    p.setProperty("region", "WIFI-2G4");
    p.setProperty("radio.type", "esp-at");
    p.setProperty("radio.device", dir.resolve(name + "-host").toString());
    p.setProperty("wifi.scan-interval", "1h");
    return p;
  }

  private HotspotDaemon start(Properties config, Random random) {
    HotspotDaemon daemon =
        new HotspotDaemon(
            HotspotConfig.fromProperties(config, dir), Clock.systemUTC(), random, OPTIONS);
    open.add(daemon);
    daemon.start();
    return daemon;
  }

  private static void await(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + limit);
      }
      Thread.sleep(25);
    }
  }

  /** The beacon A will send with its fixed local entropy on the oracle's latest entropy. */
  private Beacon expectedBeacon(org.hexproof.core.radio.ChannelPlan plan) {
    EntropyReport latest = oracle.bean(EntropyService.class).latest().orElseThrow();
    return BeaconGenerator.generate(
        new Entropy(latest.getData().toByteArray(), latest.getTimestampS(), latest.getVersion()),
        Entropy.local(LOCAL_A),
        plan);
  }

  /** Ticks entropy (one second apart) until A's next beacon falls on the EU868 channel. */
  private Beacon tickUntilChannel(int channel) {
    for (int i = 0; i < 200; i++) {
      oracle.advance(Duration.ofSeconds(1));
      oracle.tickEntropy();
      Beacon next = expectedBeacon(Region.EU868.plan());
      if (Region.EU868.plan().channelsHz().indexOf(next.frequencyHz()) == channel) {
        return next;
      }
    }
    throw new AssertionError("no entropy put the beacon on channel " + channel);
  }

  private void awaitRegistered(int hotspots) throws InterruptedException {
    await(
        "onboarding and location through the outboxes",
        Duration.ofSeconds(20),
        () ->
            oracle.count("SELECT count(*) AS n FROM poc.hotspot WHERE location IS NOT NULL")
                == hotspots);
  }

  /** Passes the entropy window, runs the worker and returns the single feed entry. */
  private JsonNode verifyIntoFeed() {
    oracle.advance(Duration.ofSeconds(181));
    assertThat(oracle.runWorker().verified()).isEqualTo(1);
    JsonNode page = oracle.getJson("/v1/poc/feed?after=0&limit=10");
    assertThat(page.get("entries")).hasSize(1);
    return page.get("entries").get(0);
  }

  private static void assertValidWithSelectedWitness(
      JsonNode entry, HotspotDaemon a, HotspotDaemon b) {
    JsonNode beacon = entry.get("beacon");
    assertThat(beacon.get("hotspot").asText()).isEqualTo(a.publicKey().toBase58());
    assertThat(beacon.get("verdict").asText()).as(entry.toString()).isEqualTo("valid");
    JsonNode witnesses = entry.get("witnesses");
    assertThat(witnesses).as(entry.toString()).hasSize(1);
    JsonNode w = witnesses.get(0);
    assertThat(w.get("hotspot").asText()).isEqualTo(b.publicKey().toBase58());
    assertThat(w.get("verdict").asText()).as(entry.toString()).isEqualTo("valid");
    assertThat(w.get("selected").asBoolean()).isTrue();
  }

  @Test
  void a_rak3172_beacon_witnessed_over_socat_is_verified_valid_by_the_real_oracle()
      throws Exception {
    oracle("helium-iot-2025");
    Beacon expected = tickUntilChannel(0);
    FixedSignalMedium medium = new FixedSignalMedium(new Signal(-95, 6));
    HotspotDaemon a =
        start(new LoraNode("a", medium).config(CELL_A, 0), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b =
        start(
            new LoraNode("b", medium).config(CELL_B, 0),
            fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    awaitRegistered(2);
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
    JsonNode entry = verifyIntoFeed();
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
    oracle("wifi");
    oracle.advance(Duration.ofSeconds(1));
    oracle.tickEntropy();
    WifiAir air = new WifiAir(-90);
    HotspotDaemon a =
        start(wifiConfig("a", CELL_A, air, "aa:bb:cc:00:00:01"), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b =
        start(
            wifiConfig("b", CELL_B, air, "aa:bb:cc:00:00:02"),
            fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    awaitRegistered(2);
    oracle.seedReciprocity();
    oracle.advance(Duration.ofSeconds(20));

    Beacon sent = a.beaconNow();
    assertThat(sent).isEqualTo(expectedBeacon(Region.WIFI_2G4.plan()));
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
    JsonNode entry = verifyIntoFeed();
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
    oracle("helium-iot-2025");
    tickUntilChannel(0);
    FixedSignalMedium medium = new FixedSignalMedium(new Signal(-95, 6));
    LoraNode nodeB = new LoraNode("b", medium);
    HotspotDaemon a =
        start(new LoraNode("a", medium).config(CELL_A, 0), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b = start(nodeB.config(CELL_B, 0), fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    awaitRegistered(2);
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
