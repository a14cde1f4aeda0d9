package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.bridge.daemon.StubOracleRig.await;
import static org.hexproof.bridge.daemon.StubOracleRig.signer;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.HotspotOnboarding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 RAK3172 daemons in one JVM on one shared {@link DaemonRuntime}, against a real HTTP oracle on
 * loopback: the daemons add almost no threads and at most 3 open files each, and every report they
 * queue (onboarding, location, one beacon each) reaches the oracle exactly once. The module
 * emulators (one thread each) stand for hardware and are left out of the thread count.
 */
@Timeout(180)
class SharedRuntimeIT {
  private static final int DAEMONS = 200;
  private static final int POOL = 16;
  private static final HotspotDaemon.Options OPTIONS =
      new HotspotDaemon.Options(
          SerialLineOptions.defaults(), // pings and reopens are scheduled on the shared timer
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          false);

  @TempDir Path dir;

  @Test
  void two_hundred_daemons_share_few_threads_and_deliver_every_report_once() throws Exception {
    ThreadPoolExecutor helpers =
        // starts wait for the module's reboot and beacons for their airtime: many, mostly asleep
        new ThreadPoolExecutor(32, 32, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    helpers.prestartAllCoreThreads();
    FixedSignalMedium medium = new FixedSignalMedium(new Signal(-90, 5));
    try (StubOracleRig rig = new StubOracleRig(dir)) {
      List<DirectLink> links = new ArrayList<>();
      for (int i = 0; i < DAEMONS; i++) {
        DirectLink link = new DirectLink();
        rig.keep(new Rak3172Emulator(link.moduleEnd(), medium)).start();
        links.add(link);
      }
      Usage before = Usage.now();
      long startNanos = System.nanoTime();
      DaemonRuntime runtime = DaemonRuntime.shared("fleet", POOL);
      List<HotspotDaemon> daemons = new CopyOnWriteArrayList<>();
      try {
        all(
            helpers,
            DAEMONS,
            i -> {
              HotspotDaemon d =
                  new HotspotDaemon(
                      config(rig, i),
                      Clock.systemUTC(),
                      new Random(i),
                      OPTIONS,
                      links.get(i).hostEnd(),
                      runtime);
              d.start();
              daemons.add(d);
            });
        await(
            "registrations delivered",
            Duration.ofSeconds(90),
            () -> daemons.stream().allMatch(d -> d.status().outboxDepth() == 0));
        Usage registered = Usage.now();
        long registeredNanos = System.nanoTime();
        all(helpers, DAEMONS, i -> daemons.get(i).beaconNow());
        await(
            "beacons delivered",
            Duration.ofSeconds(90),
            () -> daemons.stream().allMatch(d -> d.status().outboxDepth() == 0));
        Usage after = Usage.now();
        System.out.printf(
            "shared runtime, %d daemons: threads %d -> %d -> %d (%.3f per daemon), "
                + "open files %d -> %d -> %d (%.2f per daemon); started and registered in %d ms,"
                + " beaconed in %d ms%n",
            DAEMONS,
            before.threads(),
            registered.threads(),
            after.threads(),
            (after.threads() - before.threads()) / (double) DAEMONS,
            before.files(),
            registered.files(),
            after.files(),
            (after.files() - before.files()) / (double) DAEMONS,
            TimeUnit.NANOSECONDS.toMillis(registeredNanos - startNanos),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - registeredNanos));

        assertThat(after.threads() - before.threads())
            .as("threads added by %d daemons: %s", DAEMONS, after.names())
            .isLessThan(DAEMONS / 5);
        assertThat(after.names())
            .noneMatch(n -> n.startsWith("outbox-sender") || n.startsWith("serial-"))
            .noneMatch(n -> n.startsWith("hotspot-"));
        assertThat(selectors(after) - selectors(before))
            .as("HTTP clients made")
            .isLessThanOrEqualTo(1);
        assertThat(after.files() - before.files()).isLessThanOrEqualTo(3 * DAEMONS);

        List<PublicKey> keys = daemons.stream().map(HotspotDaemon::publicKey).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(rig.oracle.received("/v1/hotspots"))
            .extracting(r -> onboarded(r.body()))
            .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(rig.oracle.received().stream().filter(r -> r.path().endsWith("/location")))
            .extracting(r -> r.path())
            .containsExactlyInAnyOrderElementsOf(
                keys.stream().map(k -> "/v1/hotspots/" + k.toBase58() + "/location").toList());
        assertThat(rig.beacons())
            .extracting(b -> signer(b.getPubKey()))
            .containsExactlyInAnyOrderElementsOf(keys);
      } finally {
        all(helpers, daemons.size(), i -> daemons.get(i).close());
        runtime.close();
        helpers.shutdownNow();
      }
      await(
          "the owner's close ends the runtime's threads",
          () -> Usage.now().names().stream().noneMatch(n -> n.startsWith("fleet-")));
    }
  }

  private HotspotConfig config(StubOracleRig rig, int i) {
    Properties p = rig.baseConfig("h" + i);
    p.setProperty("region", "US915");
    p.setProperty("radio.type", "rak3172");
    p.setProperty("radio.device", "direct:h" + i);
    return HotspotConfig.fromProperties(p, dir);
  }

  private static long selectors(Usage usage) {
    return usage.names().stream().filter(n -> n.endsWith("-SelectorManager")).count();
  }

  private static PublicKey onboarded(byte[] body) {
    try {
      return signer(HotspotOnboarding.parseFrom(body).getPubKey());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private interface Indexed {
    void run(int i) throws Exception;
  }

  /** Runs {@code task} for 0..n-1 on {@code helpers} and rethrows the first failure. */
  private static void all(ThreadPoolExecutor helpers, int n, Indexed task) throws Exception {
    List<Future<Void>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      Callable<Void> call =
          () -> {
            task.run(index);
            return null;
          };
      futures.add(helpers.submit(call));
    }
    for (Future<Void> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
  }

  /** Live threads other than the emulators', and this process's open file descriptors. */
  private record Usage(int threads, List<String> names, long files) {
    static Usage now() {
      List<String> names =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(n -> !n.startsWith("emulator "))
              .sorted()
              .toList();
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        return new Usage(names.size(), names, fds.count());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
