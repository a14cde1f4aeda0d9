package org.hexproof.bridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Emulators on an accelerated time base and on a shared scheduler, over in-memory links. */
@Timeout(20)
class EmulatorRuntimeTest {
  private static final String FRAME_HEX = "00112233445566778899";

  /** What the RAK3172 below sends with: SF12BW125, CR 4/5, 8 symbols of preamble, 14 dBm. */
  private static final Duration AIRTIME =
      LoraAirtime.timeOnAir(
              RadioSettings.interop(868_100_000L, LoraDataRate.parse("SF12BW125"), 14).modulation(),
              FRAME_HEX.length() / 2)
          .duration();

  private final FixedSignalMedium medium = new FixedSignalMedium(new Signal(-80, 5));
  private final List<ModuleEmulator> started = new ArrayList<>();

  @AfterEach
  void close() {
    started.forEach(ModuleEmulator::close);
  }

  private MemoryLink rakInP2p(EmulatorRuntime runtime) {
    MemoryLink link = new MemoryLink();
    Rak3172Emulator rak = new Rak3172Emulator(link, medium, runtime);
    started.add(rak);
    rak.start();
    link.send("AT+NWM=0", 2);
    link.next(4); // the reboot banner
    assertThat(link.send("AT+P2P=868100000:12:125:0:8:14", 2)).containsExactly("", "OK");
    return link;
  }

  /** Wall time from sending the frame to the module's end-of-transmission event. */
  private static Duration transmit(MemoryLink link) {
    long t0 = System.nanoTime();
    assertThat(link.send("AT+PSEND=" + FRAME_HEX, 2)).containsExactly("", "OK");
    assertThat(link.next(1)).containsExactly("+EVT:TXP2P DONE");
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  @Test
  void at_speed_ten_a_transmission_takes_a_tenth_of_its_time_on_air_in_wall_time() {
    assertThat(AIRTIME).isGreaterThan(Duration.ofMillis(900));

    Duration wall = transmit(rakInP2p(EmulatorRuntime.dedicated(TimeBase.acceleratedBy(10))));

    assertThat(wall).isGreaterThanOrEqualTo(AIRTIME.dividedBy(10)).isLessThan(AIRTIME.dividedBy(2));
  }

  @Test
  void by_default_a_transmission_takes_its_whole_time_on_air() {
    Duration wall = transmit(rakInP2p(EmulatorRuntime.dedicated()));

    assertThat(wall).isGreaterThanOrEqualTo(AIRTIME);
  }

  @Test
  void emulators_on_a_shared_scheduler_answer_in_order_without_a_thread_each() {
    AtomicInteger threadsMade = new AtomicInteger();
    ScheduledExecutorService shared =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              threadsMade.incrementAndGet();
              Thread t = new Thread(r, "emulators");
              t.setDaemon(true);
              return t;
            });
    try {
      EmulatorRuntime runtime = EmulatorRuntime.shared(shared, TimeBase.acceleratedBy(10));
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      List<MemoryLink> links = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        links.add(rakInP2p(runtime));
      }
      int threadsAdded = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;

      for (MemoryLink link : links) { // typed ahead, answered in order
        link.send("AT+P2P=?", 0);
        link.send("AT+FOO", 0);
        link.send("AT+PRECV=?", 0);
      }
      for (MemoryLink link : links) {
        assertThat(link.next(7))
            .containsExactly(
                "AT+P2P=868100000:12:125:0:8:14",
                "",
                "OK",
                "",
                "AT_COMMAND_NOT_FOUND",
                "P2P_RX_OFF",
                "");
        assertThat(link.next(1)).containsExactly("OK");
      }
      assertThat(threadsMade.get()).isBetween(1, 2);
      assertThat(threadsAdded).isLessThan(10);
      assertThat(runtime.dedicatedThreads()).isFalse();
    } finally {
      shared.shutdownNow();
    }
  }
}
