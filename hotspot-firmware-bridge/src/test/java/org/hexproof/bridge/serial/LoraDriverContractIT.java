package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.LoraEmulator;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.radio.TransmitResult;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every LoRa driver must do against its emulator over real socat pseudo-terminals: two nodes
 * (driver ↔ pty pair ↔ emulator) share one {@link FixedSignalMedium}.
 */
@Timeout(15)
abstract class LoraDriverContractIT {
  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  static final Signal SIGNAL = new Signal(-87, 6);
  static final RadioSettings SETTINGS =
      RadioSettings.interop(868_100_000L, LoraDataRate.parse("SF7BW125"), 14);
  static final SerialLineOptions OPTIONS =
      new SerialLineOptions(
          Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400));
  static final Duration COMMAND_TIMEOUT = Duration.ofMillis(700);

  @TempDir Path dir;
  final RadioMedium medium = new FixedSignalMedium(SIGNAL);
  private final List<AutoCloseable> open = new java.util.ArrayList<>();

  abstract LoraEmulator emulator(LineChannelOpener opener, RadioMedium medium);

  abstract LoraModuleDriver driver(LineChannelOpener opener);

  abstract int baud();

  /** Settings the module refuses, and the error text it answers with. */
  abstract RadioSettings rejectedSettings();

  abstract String rejectionText();

  /** The lines the module prints when it receives {@code hex}. */
  abstract List<String> receiveReport(String hex);

  final class Node {
    final String name;
    SocatPair pair;
    LoraEmulator emulator;
    final LoraModuleDriver driver;

    Node(String name) {
      this.name = name;
      plugIn();
      driver = driver(JsscLineChannel.opener(pair.linkA(), baud()));
      open.add(driver);
      driver.start();
    }

    /** A fresh pty pair at the same link paths and a freshly booted module on it. */
    void plugIn() {
      pair = SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module"));
      open.add(pair);
      emulator = emulator(JsscLineChannel.opener(pair.linkB(), baud()), medium);
      open.add(emulator);
      emulator.start();
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Test
  void transmits_a_frame_the_other_module_receives_with_the_medium_signal()
      throws InterruptedException {
    Node a = new Node("a");
    Node b = new Node("b");
    a.driver.configure(SETTINGS);
    b.driver.configure(SETTINGS);
    BlockingQueue<ReceivedFrame> heard = new LinkedBlockingQueue<>();
    b.driver.startReceiving(heard::add);
    byte[] beacon = HexFormat.of().parseHex("E0" + "5A".repeat(51));

    TransmitResult sent = a.driver.transmit(beacon);

    assertThat(sent.payloadBytes()).isEqualTo(52);
    assertThat(sent.timeOnAir()).isPositive();
    ReceivedFrame frame = heard.poll(3, TimeUnit.SECONDS);
    assertThat(frame).isEqualTo(new ReceivedFrame(beacon, -87, 6, SETTINGS.frequencyHz(), NOW));
  }

  @Test
  void a_module_on_another_frequency_hears_nothing() throws InterruptedException {
    Node a = new Node("a");
    Node b = new Node("b");
    a.driver.configure(SETTINGS);
    b.driver.configure(RadioSettings.interop(868_300_000L, SETTINGS.dataRate(), 14));
    BlockingQueue<ReceivedFrame> heard = new LinkedBlockingQueue<>();
    b.driver.startReceiving(heard::add);
    a.driver.transmit(new byte[] {1, 2, 3});
    assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void surfaces_the_module_error_text_for_a_rejected_setting() {
    Node a = new Node("a");
    assertThatThrownBy(() -> a.driver.configure(rejectedSettings()))
        .isInstanceOfSatisfying(
            RadioException.class, e -> assertThat(e.errorText()).isEqualTo(rejectionText()))
        .hasMessageContaining(rejectionText());
  }

  @Test
  void times_out_when_the_module_stays_silent() {
    Node a = new Node("a");
    a.driver.configure(SETTINGS);
    a.emulator.setSilent(true);
    assertThatThrownBy(() -> a.driver.startReceiving(frame -> {}))
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining(COMMAND_TIMEOUT.toMillis() + " ms");
  }

  @Test
  void routes_a_receive_report_in_the_middle_of_a_command_to_the_listener()
      throws InterruptedException {
    Node b = new Node("b");
    b.driver.configure(SETTINGS);
    BlockingQueue<ReceivedFrame> heard = new LinkedBlockingQueue<>();
    b.driver.startReceiving(heard::add);
    receiveReport("CAFE01").forEach(b.emulator::interleaveInNextReply);

    b.driver.configure(SETTINGS);

    ReceivedFrame frame = heard.poll(3, TimeUnit.SECONDS);
    assertThat(frame).isNotNull();
    assertThat(frame.payload()).isEqualTo(new byte[] {(byte) 0xCA, (byte) 0xFE, 0x01});
  }

  @Test
  void reports_link_down_when_socat_dies_and_recovers_on_a_new_pair_at_the_same_paths()
      throws InterruptedException {
    Node a = new Node("a");
    Node b = new Node("b");
    a.driver.configure(SETTINGS);
    b.driver.configure(SETTINGS);
    BlockingQueue<ReceivedFrame> heard = new LinkedBlockingQueue<>();
    b.driver.startReceiving(heard::add);

    b.pair.close();
    b.emulator.close();
    Await.until("link seen down", Duration.ofSeconds(2), () -> !b.driver.isLinkUp());
    assertThatThrownBy(() -> b.driver.transmit(new byte[] {1}))
        .isInstanceOf(LinkDownException.class);

    b.plugIn();
    Await.until("link reopened", Duration.ofSeconds(5), b.driver::isLinkUp);
    Await.until(
        "receiver restored", Duration.ofSeconds(8), () -> b.emulator.listening().isPresent());
    a.driver.transmit(new byte[] {7, 7, 7});
    ReceivedFrame frame = heard.poll(3, TimeUnit.SECONDS);
    assertThat(frame).isNotNull();
    assertThat(frame.payload()).isEqualTo(new byte[] {7, 7, 7});
  }
}
