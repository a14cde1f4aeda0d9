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
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.StubOracleRig;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.entropy.EntropyService;

/**
 * What the end-to-end ITs share: a {@link RealOracle}, hotspot configs, daemons and RAK3172 nodes
 * on socat pairs, the waits, and reading verdicts from the feed. Closes what it started in reverse
 * order.
 */
final class OracleRig implements AutoCloseable {
  /** Malta, as OracleFlowIT: a res-12 cell and the res-12 centre child of a res-11 cell. */
  static final String CELL_A = "631615575095659519";

  static final String CELL_B =
      H3Cell.fromLatLng(H3Cell.fromLong(627111975465463807L).center(), 12).toDecimalString();

  static final HotspotDaemon.Options OPTIONS =
      new HotspotDaemon.Options(
          new SerialLineOptions(
              Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400)),
          // EU868 beacons go out at SF12 (about 2.5 s on air); the driver waits on air time plus
          // this, which needs room on a loaded 2-core machine
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          false);

  final Path dir;
  final RealOracle oracle;
  private final List<AutoCloseable> open = new ArrayList<>();

  /** A real oracle on an embedded PostgreSQL, its key under {@code dir}. */
  OracleRig(Path dir) {
    this.dir = dir;
    this.oracle = keep(new RealOracle(dir.resolve("oracle")));
  }

  <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** Closes everything, newest first; the first failure is rethrown after all were tried. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing " + open.get(i), e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  Properties baseConfig(String name, String cell) {
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
  final class LoraNode {
    final String name;
    final RadioMedium medium;
    SocatPair pair;
    Rak3172Emulator emulator;

    LoraNode(String name, RadioMedium medium) {
      this.name = name;
      this.medium = medium;
      plugIn();
    }

    void plugIn() {
      pair = keep(SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module")));
      emulator =
          keep(
              new Rak3172Emulator(
                  JsscLineChannel.opener(pair.linkB(), Rak3172Driver.BAUD), medium));
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

  HotspotDaemon start(Properties config, Random random) {
    HotspotDaemon daemon =
        keep(
            new HotspotDaemon(
                HotspotConfig.fromProperties(config, dir), Clock.systemUTC(), random, OPTIONS));
    daemon.start();
    return daemon;
  }

  /** The beacon a hotspot with {@code local} entropy sends on the oracle's latest entropy. */
  Beacon expectedBeacon(ChannelPlan plan, byte[] local) {
    EntropyReport latest = oracle.bean(EntropyService.class).latest().orElseThrow();
    return BeaconGenerator.generate(Entropy.remote(latest), Entropy.local(local), plan);
  }

  /** Ticks entropy (one second apart) until that beacon falls on the EU868 channel. */
  Beacon tickUntilChannel(byte[] local, int channel) {
    for (int i = 0; i < 200; i++) {
      oracle.advance(Duration.ofSeconds(1));
      oracle.tickEntropy();
      Beacon next = expectedBeacon(Region.EU868.plan(), local);
      if (Region.EU868.plan().channelsHz().indexOf(next.frequencyHz()) == channel) {
        return next;
      }
    }
    throw new AssertionError("no entropy put the beacon on channel " + channel);
  }

  void awaitRegistered(int hotspots) throws InterruptedException {
    StubOracleRig.await(
        "onboarding and location through the outboxes",
        Duration.ofSeconds(20),
        () ->
            oracle.count("SELECT count(*) AS n FROM poc.hotspot WHERE location IS NOT NULL")
                == hotspots);
  }

  void awaitReports(long beacons, long witnesses) throws InterruptedException {
    StubOracleRig.await(
        beacons + " beacon and " + witnesses + " witness reports stored by the oracle",
        Duration.ofSeconds(15),
        () ->
            oracle.count("SELECT count(*) AS n FROM poc.beacon_report") == beacons
                && oracle.count("SELECT count(*) AS n FROM poc.witness_report") == witnesses);
  }

  /**
   * Passes the entropy window, runs the worker (one beacon to verify) and returns the newest feed
   * entry, which must be the {@code entries}th.
   */
  JsonNode verifyIntoFeed(int entries) {
    oracle.advance(Duration.ofSeconds(181));
    assertThat(oracle.runWorker().verified()).isEqualTo(1);
    JsonNode page = oracle.getJson("/v1/poc/feed?after=0&limit=10");
    assertThat(page.get("entries")).hasSize(entries);
    return page.get("entries").get(entries - 1);
  }

  static void assertValidWithSelectedWitness(
      JsonNode entry, HotspotDaemon beaconer, HotspotDaemon witness) {
    JsonNode beacon = entry.get("beacon");
    assertThat(beacon.get("hotspot").asText()).isEqualTo(beaconer.publicKey().toBase58());
    assertThat(beacon.get("verdict").asText()).as(entry.toString()).isEqualTo("valid");
    JsonNode witnesses = entry.get("witnesses");
    assertThat(witnesses).as(entry.toString()).hasSize(1);
    JsonNode w = witnesses.get(0);
    assertThat(w.get("hotspot").asText()).isEqualTo(witness.publicKey().toBase58());
    assertThat(w.get("verdict").asText()).as(entry.toString()).isEqualTo("valid");
    assertThat(w.get("selected").asBoolean()).isTrue();
  }
}
