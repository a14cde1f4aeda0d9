package org.hexproof.bridge.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.radio.LoraBandwidth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RAK3172 with RUI3 firmware in LoRa P2P mode (radio.md §4.1, 115200 8N1). Switches the module to
 * P2P ({@code AT+NWM=0}, which reboots it) when needed, listens with {@code AT+PRECV=65533} so that
 * {@code AT+PSEND} stays allowed, and reports {@code +EVT:RXP2P} frames.
 */
public final class Rak3172Driver extends LoraModuleDriver {
  private static final Logger log = LoggerFactory.getLogger(Rak3172Driver.class);

  /** The module's serial speed, baud. */
  public static final int BAUD = 115_200;

  /** RX mode 65533: continuous, and TX stays allowed (RUI3 {@code AT+PRECV}). */
  static final int RX_CONTINUOUS_TX_ALLOWED = 65_533;

  private static final Pattern STATUS = Pattern.compile("OK|AT_[A-Z_]+");
  private static final Predicate<String> FINAL = s -> STATUS.matcher(s).matches();
  private static final String TX_DONE = "+EVT:TXP2P DONE";
  private static final Pattern RX =
      // bounded: no int overflow from a garbled line, at most 255 payload bytes (the LoRa maximum)
      Pattern.compile("\\+EVT:RXP2P:(-?\\d{1,4}):(-?\\d{1,4}):((?:[0-9A-Fa-f]{2}){0,255})");
  private static final Duration REBOOT_SETTLE = Duration.ofMillis(300);
  private static final Duration REBOOT_MAX = Duration.ofSeconds(5);

  /**
   * @param opener opens the module's serial device
   * @param options ping and reopen timing
   * @param clock stamps received frames
   * @param commandTimeout how long an ordinary command may take
   */
  public Rak3172Driver(
      LineChannelOpener opener, SerialLineOptions options, Clock clock, Duration commandTimeout) {
    this(opener, options, clock, commandTimeout, null);
  }

  /**
   * As above, with the line's events and supervision on shared {@code workers}; null: threads of
   * the line's own.
   */
  public Rak3172Driver(
      LineChannelOpener opener,
      SerialLineOptions options,
      Clock clock,
      Duration commandTimeout,
      Workers workers) {
    super(
        opener,
        new LineDialect("rak3172", s -> s.startsWith("+EVT:"), "AT", FINAL),
        options,
        clock,
        commandTimeout,
        workers);
  }

  @Override
  void apply(RadioSettings s) {
    ensureP2pMode();
    at("AT+PRECV=0"); // setters answer AT_BUSY_ERROR while RX is on
    at(p2pCommand(s));
    at("AT+SYNCWORD=" + (s.publicSyncWord() ? "3444" : "1424"));
    at("AT+IQINVER=" + (s.iqInverted() ? 1 : 0));
  }

  @Override
  void send(byte[] payload, Duration timeout) {
    String cmd = "AT+PSEND=" + HEX.formatHex(payload);
    // OK only means "accepted"; the transmission ends with the TXP2P event or an error status.
    List<String> reply =
        line.command(cmd, s -> s.equals(TX_DONE) || s.startsWith("AT_") && FINAL.test(s), timeout);
    if (!reply.get(reply.size() - 1).equals(TX_DONE)) {
      throw new RadioException(cmd, reply);
    }
  }

  @Override
  void listen() {
    at("AT+PRECV=" + RX_CONTINUOUS_TX_ALLOWED);
  }

  @Override
  void unlisten() {
    at("AT+PRECV=0");
  }

  @Override
  void onEvent(LineEvent event) {
    Optional<ReceivedFrame> frame =
        parseReceive(event.text(), listeningFrequencyHz(), event.receivedAt());
    if (frame.isPresent() && receiving) {
      deliver(frame.get());
    } else {
      log.debug("rak3172: {}", event.text());
    }
  }

  /**
   * The {@code AT+P2P} command for {@code s}: {@code freq:sf:bw:cr:preamble:power}; bandwidth in
   * kHz for 125/250/500, else RUI3's index 3..9.
   */
  static String p2pCommand(RadioSettings s) {
    return String.format(
        Locale.ROOT,
        "AT+P2P=%d:%d:%s:%d:%d:%d",
        s.frequencyHz(),
        s.dataRate().spreadingFactor(),
        bandwidthCode(s.dataRate().bandwidth()),
        s.codingRate().cr() - 1,
        s.preambleSymbols(),
        s.txPowerDbm());
  }

  /** Parses {@code +EVT:RXP2P:<rssi>:<snr>:<hex>}; empty for any other line. */
  static Optional<ReceivedFrame> parseReceive(String text, long frequencyHz, Instant at) {
    Matcher m = RX.matcher(text);
    if (!m.matches() || m.group(3).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReceivedFrame(
            HexFormat.of().parseHex(m.group(3)),
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            frequencyHz,
            at));
  }

  private static String bandwidthCode(LoraBandwidth bw) {
    return switch (bw) {
      case BW125 -> "125";
      case BW250 -> "250";
      case BW500 -> "500";
      case BW7_8 -> "3";
      case BW10_4 -> "4";
      case BW15_6 -> "5";
      case BW20_8 -> "6";
      case BW31_25 -> "7";
      case BW41_7 -> "8";
      case BW62_5 -> "9";
    };
  }

  private List<String> at(String cmd) {
    List<String> reply = command(cmd, FINAL);
    if (!reply.get(reply.size() - 1).equals("OK")) {
      throw new RadioException(cmd, reply);
    }
    return reply;
  }

  private void ensureP2pMode() {
    List<String> mode = at("AT+NWM=?");
    if (mode.contains("AT+NWM=0")) {
      return;
    }
    at("AT+NWM=0");
    awaitReboot();
  }

  /** RUI3 prints OK, then reboots into the new mode; wait until it answers AT again. */
  private void awaitReboot() {
    long deadline = System.nanoTime() + REBOOT_MAX.toNanos();
    sleep(REBOOT_SETTLE);
    while (true) {
      try {
        at("AT");
        return;
      } catch (CommandTimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new LinkDownException("rak3172: no answer within 5 s of rebooting into P2P", e);
        }
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkDownException("rak3172: interrupted waiting for reboot");
    }
  }
}
