package org.hexproof.fieldtests.devnet;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hexproof.bridge.daemon.KeyFiles;
import org.hexproof.bridge.daemon.OracleSink;
import org.hexproof.bridge.daemon.Reports;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.fleet.Cheat;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.forwarder.ForwarderSite;
import org.hexproof.fieldtests.forwarder.SimulatedForwarder;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.gateway.beacon.BeaconTransmitter;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.server.DownlinkResult;
import org.hexproof.gateway.server.WitnessFields;

/**
 * A concentrator hotspot: a {@link SimulatedForwarder} on real UDP to the devnet's gateway server
 * is its radio. It beacons through the server's {@link BeaconTransmitter} (duty cycle and dwell
 * time checked there) and turns every beacon the server hears through its forwarder into a signed
 * witness report. Reports go through a durable {@link Outbox} to the daemon's {@link OracleSink},
 * as a serial hotspot's do (a backlog in batches). Its EUI is the first 8 bytes of its Ed25519
 * public key.
 *
 * <p>A {@link Cheat#INFLATED_RSSI} concentrator adds {@link FleetPlan#RSSI_INFLATION_DB} to the
 * signal of every witness it reports.
 */
final class ConcentratorHotspot implements Beaconer, AutoCloseable {
  static final int GAIN_DDBI = 30;
  private static final double ELEVATION_METERS = 15;
  private static final Duration DOWNLINK_WAIT = Duration.ofSeconds(10);
  private static final int SEEN_BEACONS = 256;

  private final HotspotPlan plan;
  private final Ed25519KeyPair key;
  private final Eui64 eui;
  private final Region region;
  private final Clock clock;
  private final Random random;
  private final OracleClient oracle;
  private final Supplier<BeaconTransmitter> transmitter;
  private final Outbox outbox;
  private final Sender sender;
  private final Set<ByteBuffer> seen =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                  return size() > SEEN_BEACONS;
                }
              }));
  private SimulatedForwarder forwarder;

  private ConcentratorHotspot(
      HotspotPlan plan,
      Ed25519KeyPair key,
      Region region,
      Clock clock,
      OracleClient oracle,
      Supplier<BeaconTransmitter> transmitter,
      Outbox outbox,
      Backoff backoff) {
    this.plan = plan;
    this.key = key;
    this.eui = Eui64.fromBigEndian(Arrays.copyOfRange(key.publicKey().toBytes(), 1, 9));
    this.region = region;
    this.clock = clock;
    this.random = new Random();
    this.oracle = oracle;
    this.transmitter = transmitter;
    this.outbox = outbox;
    // the daemon's sink: a backlog (e.g. after an oracle outage) goes out in batch requests
    this.sender = new Sender(outbox, new OracleSink(oracle), backoff, clock, random);
  }

  /**
   * Loads or creates the key in {@code home}, queues onboarding and the location assertion, starts
   * delivering, and connects the forwarder to the gateway server.
   *
   * @throws IllegalStateException when the gateway server does not answer the forwarder
   */
  static ConcentratorHotspot start(
      HotspotPlan plan,
      Path home,
      Region region,
      OracleClient oracle,
      Supplier<BeaconTransmitter> transmitter,
      InetSocketAddress gateway,
      SimulatedMedium medium,
      Backoff backoff) {
    Ed25519KeyPair key = KeyFiles.loadOrCreate(home.resolve("hotspot.key"), Network.MAINNET);
    Clock clock = medium.clock();
    Outbox outbox = Outbox.open(home.resolve("outbox"), clock);
    ConcentratorHotspot h =
        new ConcentratorHotspot(plan, key, region, clock, oracle, transmitter, outbox, backoff);
    try {
      h.register();
      h.sender.start();
      h.forwarder =
          SimulatedForwarder.start(
              new ForwarderSite(h.eui, region, plan.site(), GAIN_DDBI, ELEVATION_METERS),
              gateway,
              medium);
      return h;
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }

  /** Its public key. */
  PublicKey publicKey() {
    return key.publicKey();
  }

  /** The EUI its forwarder announces. */
  Eui64 eui() {
    return eui;
  }

  /**
   * Fetches entropy, builds the beacon, has the gateway server send it through this forwarder and,
   * once the forwarder acknowledged it, queues the signed beacon report.
   *
   * @throws IllegalStateException when the downlink is refused, fails or times out
   */
  @Override
  public void beaconNow() {
    EntropyReport remote = oracle.latestEntropy();
    byte[] local = new byte[Entropy.LOCAL_ENTROPY_BYTES];
    random.nextBytes(local);
    Beacon beacon =
        BeaconGenerator.generate(Entropy.remote(remote), Entropy.local(local), region.plan());
    seen.add(ByteBuffer.wrap(beacon.data()));
    DownlinkResult result;
    try {
      result =
          transmitter
              .get()
              .transmit(eui, beacon, region, GAIN_DDBI)
              .get(DOWNLINK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("beacon through " + eui + ": interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("beacon through " + eui + ": " + e, e);
    }
    if (!(result instanceof DownlinkResult.Sent)) {
      throw new IllegalStateException("beacon through " + eui + ": " + result);
    }
    BeaconReport report =
        Reports.beacon(
            key,
            local,
            remote.getData(),
            beacon,
            region.plan().conductedPowerDbm(GAIN_DDBI),
            clock.instant());
    outbox.append(ReportKind.BEACON, report.toByteArray());
    sender.wake();
  }

  /** A beacon its forwarder heard: a witness report, unless it is its own or a repeat. */
  void witness(WitnessFields heard) {
    if (!seen.add(ByteBuffer.wrap(heard.data()))) {
      return;
    }
    int signal = heard.signalDdbm();
    if (plan.cheats(Cheat.INFLATED_RSSI)) {
      signal += FleetPlan.RSSI_INFLATION_DB * 10;
    }
    WitnessReport report =
        Reports.witness(
            key,
            heard.data(),
            signal,
            heard.snrDdb(),
            heard.frequencyHz(),
            heard.dataRate(),
            clock.instant());
    outbox.append(ReportKind.WITNESS, report.toByteArray());
    sender.wake();
  }

  private void register() {
    Instant now = clock.instant();
    HotspotOnboarding onboarding = Reports.onboarding(key, key.publicKey(), now);
    LocationAssertion location =
        Reports.location(
            key,
            H3Cell.fromLatLng(plan.asserted(), 12),
            GAIN_DDBI,
            (int) ELEVATION_METERS,
            region,
            now);
    outbox.append(ReportKind.ONBOARDING, onboarding.toByteArray());
    outbox.append(ReportKind.LOCATION, location.toByteArray());
  }

  /** Stops the forwarder, the sender and the outbox. Never throws. */
  @Override
  public void close() {
    if (forwarder != null) {
      forwarder.close();
    }
    sender.close();
    outbox.close();
  }

  @Override
  public String toString() {
    return "concentrator " + plan.name() + " " + eui;
  }
}
