package org.hexproof.fieldtests.devnet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Random;
import org.hexproof.bridge.daemon.DaemonRuntime;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.emulator.LoraE5Emulator;
import org.hexproof.bridge.emulator.LoraEmulator;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Rn2483Emulator;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.rf.RadioSite;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.rf.SimulatedWifiAir;

/**
 * Starts one hotspot of a {@link Fleet} by its radio: a serial LoRa module (emulator on an {@link
 * InProcessLink} placed on the {@link SimulatedMedium}, driven by a {@link HotspotDaemon}), a
 * {@link ConcentratorHotspot}, or a WiFi module (ESP-AT emulator on a socat pseudo-terminal pair at
 * its site on the {@link SimulatedWifiAir}). Called from the fleet's start threads, several
 * hotspots at once.
 */
final class HotspotStarter {
  /** What starting one hotspot produced: its parts in start order, and how to make it beacon. */
  record Started(
      List<AutoCloseable> parts, Fleet.Member member, Beaconer beaconer, OptionalLong lastWindow) {}

  private final FleetPlan plan;
  private final SimulatedMedium medium;
  private final SimulatedWifiAir wifiAir;
  private final Fleet.Wiring wiring;
  private final DaemonRuntime runtime;
  private final ModuleThreads modules;

  HotspotStarter(
      FleetPlan plan,
      SimulatedMedium medium,
      SimulatedWifiAir wifiAir,
      Fleet.Wiring wiring,
      DaemonRuntime runtime,
      ModuleThreads modules) {
    this.plan = plan;
    this.medium = medium;
    this.wifiAir = wifiAir;
    this.wiring = wiring;
    this.runtime = runtime;
    this.modules = modules;
  }

  /**
   * Starts hotspot {@code h} (number {@code index} of the plan) with its files under {@code home};
   * null when a WiFi hotspot is left out for want of a pseudo-terminal pair (logged).
   */
  Started start(HotspotPlan h, Path home, int index) {
    return switch (h.radio()) {
      case CONCENTRATOR -> startConcentrator(h, home);
      case WIFI -> startWifi(h, home, index);
      default -> startSerial(h, home);
    };
  }

  private Started startSerial(HotspotPlan h, Path home) {
    List<AutoCloseable> parts = new ArrayList<>();
    InProcessLink link = modules.link("devnet-" + h.name());
    parts.add(link);
    LoraEmulator module =
        switch (h.radio()) {
          case RN2483 -> new Rn2483Emulator(link.moduleEnd(), medium, modules.emulators());
          case LORA_E5 -> new LoraE5Emulator(link.moduleEnd(), medium, modules.emulators());
          default -> new Rak3172Emulator(link.moduleEnd(), medium, modules.emulators());
        };
    medium.place(module, new RadioSite(h.name(), h.site(), 30, 10.0));
    module.start();
    parts.add(module);
    Properties c = daemonConfig(h, home);
    c.setProperty("region", plan.city().region().displayName());
    c.setProperty("radio.type", h.radio().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    c.setProperty("radio.device", "in-process:" + h.name());
    c.setProperty("radio.listen-channel", Integer.toString(h.listenChannel()));
    return startDaemon(h, c, home, link.hostEnd(), parts);
  }

  private Started startWifi(HotspotPlan h, Path home, int index) {
    List<AutoCloseable> parts = new ArrayList<>();
    SocatPair pair;
    try {
      java.nio.file.Files.createDirectories(home);
      Path socat = Path.of("/usr/bin/socat");
      // socat can take seconds to make its ptys on a busy machine: wait up to 20 s, not 5
      pair =
          java.nio.file.Files.isExecutable(socat)
              ? SocatPair.start(
                  socat,
                  home.resolve("tty-host"),
                  home.resolve("tty-module"),
                  Duration.ofSeconds(20))
              : SocatPair.start(home.resolve("tty-host"), home.resolve("tty-module"));
    } catch (IllegalStateException | java.io.IOException e) {
      wiring.log().println("devnet: WiFi hotspot " + h.name() + " left out: " + e.getMessage());
      return null;
    }
    parts.add(pair);
    // from the plan index: hotspots start in parallel, so the members list is still empty here
    String mac = String.format(Locale.ROOT, "02:00:00:00:%02x:%02x", index / 256, index % 256);
    // the 3 dBi antenna and 10 m elevation of daemonConfig, so the RSSI stays under the oracle's
    // free-space bound for the tx power the daemon reports (poc-rules.md §3)
    wifiAir.place(new RadioSite(mac, h.site(), 30, 10.0));
    EspAtEmulator module =
        new EspAtEmulator(
            JsscLineChannel.opener(pair.linkB(), 115_200), wifiAir, mac, modules.emulators());
    module.start();
    parts.add(module);
    Properties c = daemonConfig(h, home);
    c.setProperty("region", Region.WIFI_2G4.displayName());
    c.setProperty("radio.type", "esp-at");
    c.setProperty("radio.device", pair.linkA().toString());
    // scans run on the wall clock: fast enough that a witness lands within the 4 s lateness bound
    c.setProperty("wifi.scan-interval", "20ms");
    c.setProperty(
        "wifi.beacon-duration",
        ms(wiring.clock().wall(Duration.ofSeconds(30), Duration.ofMillis(500))));
    return startDaemon(h, c, home, null, parts);
  }

  private Started startConcentrator(HotspotPlan h, Path home) {
    ConcentratorHotspot c =
        ConcentratorHotspot.start(
            h,
            home,
            plan.city().region(),
            runtime.oracle(wiring.oracleUrlFor().apply(h.name()), Optional.of(wiring.oracleKey())),
            wiring.transmitter(),
            wiring.gateway(),
            medium,
            backoff());
    wiring.uplinks().register(c);
    return new Started(
        List.of(c), new Fleet.Member(h, c.publicKey().toBase58()), c, OptionalLong.empty());
  }

  private Properties daemonConfig(HotspotPlan h, Path home) {
    Properties c = new Properties();
    c.setProperty("key-file", home.resolve("hotspot.key").toString());
    c.setProperty("network", "mainnet");
    c.setProperty("data-dir", home.resolve("data").toString());
    c.setProperty("oracle.url", wiring.oracleUrlFor().apply(h.name()).toString());
    c.setProperty("oracle.public-key", wiring.oracleKey().toBase58());
    LatLng asserted = h.asserted();
    c.setProperty("location", asserted.latDegrees() + "," + asserted.lngDegrees());
    c.setProperty("antenna.gain-ddbi", "30");
    c.setProperty("antenna.elevation-m", "10");
    c.setProperty("beacon.window", wiring.beaconInterval().toSeconds() + "s");
    Backoff b = backoff();
    c.setProperty("outbox.backoff.initial", ms(b.initial()));
    c.setProperty("outbox.backoff.max", ms(b.max()));
    return c;
  }

  private Started startDaemon(
      HotspotPlan h,
      Properties c,
      Path home,
      org.hexproof.bridge.serial.LineChannelOpener link,
      List<AutoCloseable> parts) {
    HotspotConfig config = HotspotConfig.fromProperties(c, home);
    Random random = Adversaries.randomFor(h);
    HotspotDaemon.Options options =
        new HotspotDaemon.Options(
            SerialLineOptions.defaults(),
            // a module answers in milliseconds, but a devnet of thousands shares two cores
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            false);
    HotspotDaemon daemon =
        new HotspotDaemon(config, wiring.clock(), random, options, link, runtime);
    try {
      daemon.start();
    } catch (RuntimeException e) {
      closeQuietly(parts);
      throw e;
    }
    parts.add(daemon);
    return new Started(
        parts,
        new Fleet.Member(h, daemon.publicKey().toBase58()),
        daemon::beaconNow,
        daemon
            .status()
            .lastBeacon()
            .map(b -> OptionalLong.of(b.window()))
            .orElse(OptionalLong.empty()));
  }

  private void closeQuietly(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        wiring.log().println("devnet: stopping " + parts.get(i) + ": " + e);
      }
    }
  }

  private Backoff backoff() {
    AcceleratedClock clock = wiring.clock();
    return new Backoff(
        clock.wall(Duration.ofSeconds(1), Duration.ofMillis(100)),
        clock.wall(Duration.ofMinutes(1), Duration.ofMillis(1000)),
        0.2);
  }

  private static String ms(Duration d) {
    return Math.max(1, d.toMillis()) + "ms";
  }
}
