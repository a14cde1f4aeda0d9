package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.bridge.serial.ScriptedModule.ascii;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving module on a real socat pty against the RAK3172 driver: garbage bytes, NULs, lines
 * longer than the framer keeps, malformed and unsolicited events, half a line then silence, a
 * garbage reply, no reply. The documented outcomes: a bad line is dropped (no frame is delivered
 * for it), a command that gets no final status fails with {@link CommandTimeoutException} within
 * its timeout, an error status fails with {@link RadioException} naming it, and afterwards the link
 * still works: a well-formed event is delivered once and the next command succeeds.
 */
@Timeout(30)
class MisbehavingModuleIT {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final RadioSettings SETTINGS =
      RadioSettings.interop(868_100_000L, LoraDataRate.parse("SF7BW125"), 14);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(700);
  private static final Function<String, byte[]> RUI3 =
      command -> ascii(command.equals("AT+NWM=?") ? "AT+NWM=0\r\nOK\r\n" : "OK\r\n");

  @TempDir Path dir;
  private SocatPair pair;
  private ScriptedModule module;
  private Rak3172Driver driver;
  private final BlockingQueue<ReceivedFrame> frames = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    pair = SocatPair.start(dir.resolve("host"), dir.resolve("module"));
    module = new ScriptedModule(pair.linkB(), RUI3);
    driver =
        new Rak3172Driver(
            JsscLineChannel.opener(pair.linkA(), Rak3172Driver.BAUD),
            new SerialLineOptions(
                Duration.ZERO,
                Duration.ofSeconds(1),
                Duration.ofMillis(50),
                Duration.ofMillis(400)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            COMMAND_TIMEOUT);
    driver.start();
    driver.configure(SETTINGS);
    driver.startReceiving(frames::add);
  }

  @AfterEach
  void stop() throws Exception {
    if (driver != null) {
      driver.close();
    }
    if (module != null) {
      module.close();
    }
    if (pair != null) {
      pair.close();
    }
  }

  @Test
  void garbage_and_malformed_events_deliver_nothing_and_a_good_event_still_arrives_once()
      throws Exception {
    Random random = new Random(7);
    byte[] noise = new byte[8192];
    random.nextBytes(noise);
    List<String> badEvents =
        List.of(
            "+EVT:RXP2P:-28:5:ZZ",
            "+EVT:RXP2P:99999999999:5:AB",
            "+EVT:RXP2P:-28:99999999999:AB",
            "+EVT:RXP2P:-28:5:" + "AB".repeat(256),
            "+EVT:RXP2P:-28:5:ABC",
            "+EVT:RXP2P:-28:5:",
            "+EVT:RXP2P",
            "+EVT:\0\0\0",
            "+EVT:RXP2P:-28:5:AB\0CD",
            "' OR 1=1 --");

    module.write(noise);
    module.write(ascii("\r\n\0\0\0\r\n\u00ff\u00fe\r\n"));
    module.write(ascii("+EVT:RXP2P:-40:7:" + "AB".repeat(3000) + "\r\n")); // over 4096 bytes
    for (String event : badEvents) {
      module.write(ascii(event + "\r\n"));
    }
    module.write(ascii("+EVT:RXP2P:-40:7:48656C6C6F\r\n"));

    ReceivedFrame first = frames.poll(5, TimeUnit.SECONDS);
    assertThat(first)
        .isEqualTo(
            new ReceivedFrame(
                HexFormat.of().parseHex("48656C6C6F"), -40, 7, SETTINGS.frequencyHz(), NOW));
    assertThat(frames.poll(300, TimeUnit.MILLISECONDS)).as("nothing else delivered").isNull();
    driver.configure(SETTINGS);
    assertThat(driver.isLinkUp()).isTrue();
  }

  @Test
  void half_a_line_then_silence_times_out_and_the_link_recovers() throws Exception {
    module.answer(command -> ascii("O"));

    assertConfigureTimesOut();

    module.answer(RUI3);
    driver.configure(SETTINGS); // the held "O" joins the next line, which is then no status
    assertThat(frames).isEmpty();
  }

  @Test
  void a_garbage_reply_times_out_and_an_error_status_is_named() throws Exception {
    module.answer(command -> ascii("\0\u00ffgarbage\r\n+EVT:RXP2P:1:2:ZZ\r\n"));
    assertConfigureTimesOut();

    module.answer(command -> ascii("AT_PARAM_ERROR\r\n"));
    assertThatThrownBy(() -> driver.configure(SETTINGS))
        .isInstanceOfSatisfying(
            RadioException.class, e -> assertThat(e.errorText()).isEqualTo("AT_PARAM_ERROR"));

    module.answer(RUI3);
    driver.configure(SETTINGS);
    assertThat(frames).isEmpty();
  }

  @Test
  void a_silent_module_times_out_every_command_without_hanging() throws Exception {
    module.answer(command -> new byte[0]);
    for (int i = 0; i < 3; i++) {
      assertConfigureTimesOut();
    }
    module.answer(RUI3);
    driver.configure(SETTINGS);
  }

  /** The first command gets no final status: a timeout within a few command timeouts, no hang. */
  private void assertConfigureTimesOut() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> driver.configure(SETTINGS))
        .isInstanceOf(CommandTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(COMMAND_TIMEOUT.multipliedBy(4));
  }
}
