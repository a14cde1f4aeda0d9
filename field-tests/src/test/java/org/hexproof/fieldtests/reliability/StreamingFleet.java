package org.hexproof.fieldtests.reliability;

import com.google.protobuf.ByteString;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.bridge.daemon.Reports;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.oracle.OracleUnavailableException;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.outbox.Delivery;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.OutboxRecord;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.Capability;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.LocationAssertion;
import org.hexproof.core.proto.Region;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.store.ReportIds;

/**
 * Onboarded hotspots with real Ed25519 keys, each with the hotspot daemon's durable {@link Outbox}
 * and {@link Sender} delivering through {@link OracleClient}, as the daemon does. Each round every
 * hotspot appends a beacon built from the oracle's latest entropy, and three others append a
 * witness of it. The fleet remembers every report appended and every one the oracle acknowledged
 * (2xx), by the oracle's report id (SHA-256 of the bytes).
 */
final class StreamingFleet implements AutoCloseable {
  private static final LatLng CENTRE = new LatLng(52.5200, 13.4050);
  private static final int WITNESSES_PER_BEACON = 3;

  private final OracleClient oracle;
  private final List<Ed25519KeyPair> keys = new ArrayList<>();
  private final List<H3Cell> cells = new ArrayList<>();
  private final List<Outbox> outboxes = new ArrayList<>();
  private final List<Sender> senders = new ArrayList<>();
  private final Set<String> appended = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
  private final AtomicInteger answersLost = new AtomicInteger();
  private final SplittableRandom random;
  private final Ed25519KeyPair owner;
  private EntropyReport entropy;
  private int round;
  private int beacons;

  StreamingFleet(int hotspots, long seed, URI oracleUri, Path dir) {
    random = new SplittableRandom(seed);
    oracle = OracleClient.create(oracleUri, Optional.empty());
    owner = key();
    for (int i = 0; i < hotspots; i++) {
      keys.add(key());
      double north = random.nextDouble(-0.1, 0.1);
      double east = random.nextDouble(-0.15, 0.15);
      cells.add(
          H3Cell.fromLatLng(
              new LatLng(CENTRE.latDegrees() + north, CENTRE.lngDegrees() + east), 12));
      Outbox outbox = Outbox.open(dir.resolve("hotspot-" + i), Clock.systemUTC());
      outboxes.add(outbox);
      senders.add(
          new Sender(
              outbox,
              this::deliver,
              new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.2),
              Clock.systemUTC(),
              new Random(seed + i)));
    }
  }

  private Ed25519KeyPair key() {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return Ed25519KeyPair.fromSeed(Network.MAINNET, seed);
  }

  /** Onboards every hotspot and asserts its location, directly (the oracle must be up). */
  void onboard() {
    for (int i = 0; i < keys.size(); i++) {
      Ed25519KeyPair key = keys.get(i);
      OracleOutcome onboarded =
          oracle.onboard(
              SignedMessages.sign(
                      HotspotOnboarding.newBuilder()
                          .setOwnerPubKey(ByteString.copyFrom(owner.publicKey().toBytes()))
                          .setCapability(Capability.FULL)
                          .setTimestampMs(1)
                          .build(),
                      key)
                  .toByteArray());
      OracleOutcome located =
          oracle.assertLocation(
              key.publicKey(),
              SignedMessages.sign(
                      LocationAssertion.newBuilder()
                          .setH3Cell(cells.get(i).index())
                          .setGainDdbi(30)
                          .setElevationM(10)
                          .setRegion(Region.EU868)
                          .setNonce(1)
                          .build(),
                      key)
                  .toByteArray());
      if (!(onboarded instanceof OracleOutcome.Accepted)
          || !(located instanceof OracleOutcome.Accepted)) {
        throw new IllegalStateException("hotspot " + i + ": " + onboarded + ", " + located);
      }
    }
  }

  void startSenders() {
    senders.forEach(Sender::start);
  }

  /**
   * Appends one round: a beacon per hotspot, each witnessed by three others. Uses the latest
   * entropy the oracle serves, or the last one fetched while the oracle is down.
   *
   * @return the number of reports appended
   */
  int appendRound() {
    for (int attempt = 1; ; attempt++) {
      try {
        entropy = oracle.latestEntropy();
        break;
      } catch (OracleUnavailableException e) {
        // down: the last entropy will do; before the first tick: wait for it
        if (entropy != null) {
          break;
        }
        if (attempt == 150) {
          throw e;
        }
        ServiceProcess.sleep(200);
      }
    }
    int appendedNow = 0;
    for (int i = 0; i < keys.size(); i++) {
      byte[] local = ByteBuffer.allocate(4).putInt(round * 100_003 + i).array();
      Beacon beacon =
          BeaconGenerator.generate(
              Entropy.remote(entropy),
              Entropy.local(local),
              org.hexproof.core.radio.Region.EU868.plan());
      BeaconReport report =
          Reports.beacon(keys.get(i), local, entropy.getData(), beacon, 27, Instant.now());
      append(i, ReportKind.BEACON, report.toByteArray());
      beacons++;
      appendedNow++;
      for (int w = 1; w <= WITNESSES_PER_BEACON; w++) {
        int j =
            (i + w * (1 + random.nextInt(keys.size() / WITNESSES_PER_BEACON - 1))) % keys.size();
        WitnessReport witness =
            Reports.witness(
                keys.get(j),
                beacon.data(),
                -900 - random.nextInt(300),
                -50 + random.nextInt(150),
                report.getFrequencyHz(),
                report.getDatarate(),
                Instant.now());
        append(j, ReportKind.WITNESS, witness.toByteArray());
        appendedNow++;
      }
    }
    round++;
    return appendedNow;
  }

  /** A witness report of hotspot 0 that no outbox holds, e.g. to probe ingest by hand. */
  byte[] probeWitness() {
    return SignedMessages.sign(
            WitnessReport.newBuilder()
                .setData(ByteString.copyFrom(new byte[] {1, 2, 3, 4}))
                .setSignalDdbm(-1000)
                .setSnrDdb(10)
                .setFrequencyHz(867_100_000)
                .setDatarate(org.hexproof.core.proto.DataRate.SF12BW125)
                .setTimestampNs(System.nanoTime())
                .build(),
            keys.get(0))
        .toByteArray();
  }

  /** The timestamp of the entropy the oracle serves now, unix seconds. */
  long latestEntropySeconds() {
    return oracle.latestEntropy().getTimestampS();
  }

  /** Hotspot {@code i}'s public key, base58. */
  String hotspotKey(int i) {
    return keys.get(i).publicKey().toBase58();
  }

  private void append(int hotspot, ReportKind kind, byte[] bytes) {
    outboxes.get(hotspot).append(kind, bytes);
    appended.add(ReportIds.of(bytes));
    senders.get(hotspot).wake();
  }

  private Delivery deliver(OutboxRecord record) {
    OracleOutcome outcome =
        record.kind() == ReportKind.BEACON
            ? oracle.submitBeacon(record.bytes())
            : oracle.submitWitness(record.bytes());
    if (outcome instanceof OracleOutcome.Accepted) {
      acknowledged.merge(ReportIds.of(record.bytes()), 1, Integer::sum);
      return new Delivery.Delivered();
    }
    if (outcome instanceof OracleOutcome.Rejected r) {
      return new Delivery.Rejected(r.status() + " " + r.detail());
    }
    String reason = ((OracleOutcome.Unavailable) outcome).reason();
    if (!reason.contains("ConnectException")) {
      // the request went out and the answer did not come back: the oracle may have stored it
      answersLost.incrementAndGet();
    }
    return new Delivery.Retry(reason);
  }

  /** Deliveries that were sent but whose answer never came (connection cut, or a 5xx). */
  int answersLost() {
    return answersLost.get();
  }

  /** Records waiting in all outboxes. */
  int depth() {
    return outboxes.stream().mapToInt(Outbox::depth).sum();
  }

  /** Dead letters (rejected reports) in all outboxes. */
  int parked() {
    return outboxes.stream().mapToInt(o -> o.parked().size()).sum();
  }

  int beacons() {
    return beacons;
  }

  /** Report ids of every report appended. */
  Set<String> appended() {
    return Set.copyOf(appended);
  }

  /** Report id to how many times a sender saw it acknowledged. */
  Map<String, Integer> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  @Override
  public void close() {
    senders.forEach(Sender::close);
    outboxes.forEach(Outbox::close);
  }
}
