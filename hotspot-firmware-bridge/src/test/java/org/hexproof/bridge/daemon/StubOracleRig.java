package org.hexproof.bridge.daemon;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.oracle.StubOracle;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.radio.ChannelPlan;

/**
 * What the daemon ITs share: a {@link StubOracle}, hotspot configs, socat pairs, daemons, the
 * reports the oracle received, and a bounded wait. Closes what it started in reverse order.
 */
public final class StubOracleRig implements AutoCloseable {
  static final HotspotDaemon.Options OPTIONS =
      new HotspotDaemon.Options(
          new SerialLineOptions(
              Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400)),
          Duration.ofMillis(700),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          false);
  static final String BEACON = "/v1/reports/beacon";
  static final String WITNESS = "/v1/reports/witness";

  final Path dir;
  final StubOracle oracle = new StubOracle();
  private final List<AutoCloseable> open = new ArrayList<>();

  StubOracleRig(Path dir) {
    this.dir = dir;
  }

  /** A {@link Random} whose {@code nextBytes} always gives {@code local}: a known beacon. */
  public static Random fixedLocalEntropy(byte[] local) {
    return new Random(7) {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(local, 0, bytes, 0, bytes.length);
      }
    };
  }

  <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** Closes everything, newest first, then the oracle. */
  @Override
  public void close() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + open.get(i), e);
      }
    }
    oracle.close();
  }

  /** The beacon a hotspot with {@code local} entropy sends on the stub's entropy. */
  Beacon beaconOf(byte[] local, ChannelPlan plan) {
    return BeaconGenerator.generate(Entropy.remote(oracle.entropy), Entropy.local(local), plan);
  }

  Properties baseConfig(String name) {
    Properties p = new Properties();
    p.setProperty("key-file", name + "/hotspot.key");
    p.setProperty("network", "testnet");
    p.setProperty("data-dir", name + "/data");
    p.setProperty("oracle.url", oracle.url().toString());
    p.setProperty("oracle.public-key", oracle.key.publicKey().toBase58());
    p.setProperty("location", "40.7484,-73.9857");
    p.setProperty("antenna.gain-ddbi", "30");
    p.setProperty("outbox.backoff.initial", "100ms");
    p.setProperty("outbox.backoff.max", "300ms");
    return p;
  }

  /** A socat pair {@code NAME-host} / {@code NAME-module}; returns the module end. */
  Path pair(String name) {
    SocatPair pair =
        keep(SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module")));
    return pair.linkB();
  }

  /**
   * A RAK3172 driver on its own emulator and socat pair {@code NAME-host}/{@code NAME-module}, to
   * put arbitrary frames on {@code medium}.
   */
  Rak3172Driver replayer(String name, RadioMedium medium, HotspotDaemon.Options options) {
    keep(new Rak3172Emulator(JsscLineChannel.opener(pair(name), Rak3172Driver.BAUD), medium))
        .start();
    Rak3172Driver driver =
        keep(
            new Rak3172Driver(
                JsscLineChannel.opener(dir.resolve(name + "-host"), Rak3172Driver.BAUD),
                options.serial(),
                Clock.systemUTC(),
                options.commandTimeout()));
    driver.start();
    return driver;
  }

  HotspotDaemon start(Properties config, Random random) {
    return start(config, random, OPTIONS);
  }

  HotspotDaemon start(Properties config, Random random, HotspotDaemon.Options options) {
    HotspotDaemon daemon =
        keep(
            new HotspotDaemon(
                HotspotConfig.fromProperties(config, dir), Clock.systemUTC(), random, options));
    daemon.start();
    return daemon;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, Duration.ofSeconds(10), condition);
  }

  /** Polls {@code condition} until it holds, failing with {@code what} after {@code limit}. */
  public static void await(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + limit);
      }
      Thread.sleep(20);
    }
  }

  List<BeaconReport> beacons() {
    return oracle.received(BEACON).stream()
        .map(r -> parse(() -> BeaconReport.parseFrom(r.body())))
        .toList();
  }

  List<WitnessReport> witnesses() {
    return oracle.received(WITNESS).stream()
        .map(r -> parse(() -> WitnessReport.parseFrom(r.body())))
        .toList();
  }

  private interface Parser<T> {
    T parse() throws InvalidProtocolBufferException;
  }

  private static <T> T parse(Parser<T> parser) {
    try {
      return parser.parse();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static PublicKey signer(ByteString pubKey) {
    return PublicKey.fromBytes(pubKey.toByteArray());
  }
}
