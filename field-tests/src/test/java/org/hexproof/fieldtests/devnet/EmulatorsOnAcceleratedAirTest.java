package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineReceiver;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.rf.RadioSite;
import org.hexproof.fieldtests.rf.RfEnvironment;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RAK3172 emulators wired as the devnet wires them (shared module threads, in-process links, a
 * {@link SimulatedMedium} on an accelerated clock delivered every 5 ms): time on air passes on the
 * simulated clock, and the medium still judges collisions on that clock.
 */
@Tag("fleet")
@Timeout(30)
class EmulatorsOnAcceleratedAirTest {
  private static final double SPEED = 10;
  private static final LatLng ORIGIN = new LatLng(52.3731, 4.8926);
  private static final String P2P_SF12 = "AT+P2P=868100000:12:125:0:8:14";
  private static final Duration AIRTIME =
      LoraAirtime.timeOnAir(
              RadioSettings.interop(868_100_000L, LoraDataRate.parse("SF12BW125"), 14).modulation(),
              4)
          .duration();

  private final AcceleratedClock clock =
      AcceleratedClock.startingAt(Instant.parse("2026-11-25T09:00:00Z"), SPEED);
  private final SimulatedMedium medium =
      SimulatedMedium.manual(RfEnvironment.urban(1).withShadowingSigmaDb(0), clock);
  private final ModuleThreads threads = new ModuleThreads(clock);
  private final ScheduledExecutorService air = Executors.newSingleThreadScheduledExecutor();
  private final List<AutoCloseable> parts = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    air.shutdownNow();
    for (int i = parts.size() - 1; i >= 0; i--) {
      parts.get(i).close();
    }
    threads.close();
  }

  /** The host side of one module: type a command, read what the module printed. */
  private final class Host implements LineReceiver {
    final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
    LineChannel channel;

    @Override
    public void onLine(String line) {
      printed.add(line);
    }

    @Override
    public void onLinkDown(LinkDownException cause) {}

    void type(String command) {
      channel.writeLine(command);
    }

    List<String> next(int count) throws InterruptedException {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String line = printed.poll(5, TimeUnit.SECONDS);
        assertThat(line).as("line %d after %s", i + 1, lines).isNotNull();
        lines.add(line);
      }
      return lines;
    }
  }

  private Host rak(String name, double bearingDegrees, double meters) throws Exception {
    InProcessLink link = threads.link(name);
    parts.add(link);
    Rak3172Emulator module = new Rak3172Emulator(link.moduleEnd(), medium, threads.emulators());
    medium.place(
        module, RadioSite.at(name, Geodesy.destination(ORIGIN, bearingDegrees, meters), 0));
    module.start();
    parts.add(module);
    Host host = new Host();
    host.channel = link.hostEnd().open(host);
    host.type("AT+NWM=0");
    host.next(6); // "", OK, then the reboot banner
    host.type(P2P_SF12);
    assertThat(host.next(2)).containsExactly("", "OK");
    return host;
  }

  private Host listeningRak() throws Exception {
    Host receiver = rak("rx", 0, 0);
    receiver.type("AT+PRECV=65533");
    assertThat(receiver.next(2)).containsExactly("", "OK");
    air.scheduleAtFixedRate(medium::deliverDue, 5, 5, TimeUnit.MILLISECONDS);
    return receiver;
  }

  @Test
  void a_frame_is_on_the_air_for_its_time_on_air_of_simulated_time() throws Exception {
    Host receiver = listeningRak();
    Host sender = rak("north", 0, 2_000);

    Instant sentAt = clock.instant();
    long t0 = System.nanoTime();
    sender.type("AT+PSEND=0A0B0C0D");
    assertThat(sender.next(3)).containsExactly("", "OK", "+EVT:TXP2P DONE");
    Duration wall = Duration.ofNanos(System.nanoTime() - t0);
    List<String> heard = receiver.next(1);
    Instant heardAt = clock.instant();

    assertThat(heard).singleElement().asString().startsWith("+EVT:RXP2P:").endsWith(":0A0B0C0D");
    assertThat(Duration.between(sentAt, heardAt)).isGreaterThanOrEqualTo(AIRTIME);
    assertThat(wall).isLessThan(AIRTIME.dividedBy(2)); // a tenth of it, plus serial round trips
  }

  @Test
  void two_equal_frames_sent_together_collide_and_sent_one_after_the_other_are_both_heard()
      throws Exception {
    Host receiver = listeningRak();
    Host north = rak("north", 0, 2_000);
    Host south = rak("south", 180, 2_000);

    north.type("AT+PSEND=01");
    south.type("AT+PSEND=02");
    assertThat(north.next(3)).containsExactly("", "OK", "+EVT:TXP2P DONE");
    assertThat(south.next(3)).containsExactly("", "OK", "+EVT:TXP2P DONE");
    // both ended: past the next delivery rounds, neither survived the other (equal power, < 6 dB)
    assertThat(receiver.printed.poll(200, TimeUnit.MILLISECONDS)).isNull();

    north.type("AT+PSEND=03");
    assertThat(north.next(3)).containsExactly("", "OK", "+EVT:TXP2P DONE");
    south.type("AT+PSEND=04");
    assertThat(south.next(3)).containsExactly("", "OK", "+EVT:TXP2P DONE");

    List<String> heard = receiver.next(2);
    assertThat(heard.get(0)).endsWith(":03");
    assertThat(heard.get(1)).endsWith(":04");
  }
}
