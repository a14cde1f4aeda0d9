package org.hexproof.bridge.serial;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraBandwidth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeed LoRa-E5 / Wio-E5 in test mode (radio.md §4.3, 9600 8N1 by default): {@code AT+MODE=TEST},
 * {@code AT+TEST=RFCFG,...} with NET ON for the public sync word, {@code TXLRPKT} / {@code
 * RXLRPKT}. A frame is reported in two lines, {@code +TEST: LEN:n, RSSI:x, SNR:y} then {@code
 * +TEST: RX "hex"}. Test mode sends with coding rate 4/5 only. A transmission ends continuous RX,
 * so the driver listens again after it.
 */
public final class LoraE5Driver extends LoraModuleDriver {
  private static final Logger log = LoggerFactory.getLogger(LoraE5Driver.class);

  /** The module's factory serial speed, baud. */
  public static final int BAUD = 9_600;

  private static final Pattern ERROR = Pattern.compile("\\+\\w+: ERROR\\(-?\\d+\\)");
  // Digit counts are bounded so that a garbled line cannot overflow an int, and the payload to
  // 255 bytes (the LoRa maximum), so that a line that is not a report parses as empty.
  private static final Pattern SIGNAL =
      Pattern.compile(
          "\\+TEST: LEN:\\s*(\\d{1,3}),\\s*RSSI:\\s*(-?\\d{1,4}),"
              + "\\s*SNR:\\s*(-?\\d{1,4}(?:\\.\\d{1,4})?)");
  private static final Pattern PAYLOAD = Pattern.compile("\\+TEST: RX \"([0-9A-Fa-f]{0,510})\"");
  private static final Predicate<String> UNSOLICITED =
      s -> s.startsWith("+TEST: RX \"") || s.startsWith("+TEST: LEN:") || s.startsWith("+INFO:");

  private volatile RxSignal lastSignal;

  /** The signal line that precedes a frame's payload line. */
  record RxSignal(int length, int rssiDbm, double snrDb) {}

  /**
   * @param opener opens the module's serial device
   * @param options ping and reopen timing
   * @param clock stamps received frames
   * @param commandTimeout how long an ordinary command may take
   */
  public LoraE5Driver(
      LineChannelOpener opener, SerialLineOptions options, Clock clock, Duration commandTimeout) {
    this(opener, options, clock, commandTimeout, null);
  }

  /**
   * As above, with the line's events and supervision on shared {@code workers}; null: threads of
   * the line's own.
   */
  public LoraE5Driver(
      LineChannelOpener opener,
      SerialLineOptions options,
      Clock clock,
      Duration commandTimeout,
      Workers workers) {
    super(
        opener,
        new LineDialect("lora-e5", UNSOLICITED, "AT", s -> s.startsWith("+AT:")),
        options,
        clock,
        commandTimeout,
        workers);
  }

  @Override
  void apply(RadioSettings s) {
    LoraBandwidth bw = s.dataRate().bandwidth();
    if (bw != LoraBandwidth.BW125 && bw != LoraBandwidth.BW250 && bw != LoraBandwidth.BW500) {
      throw new IllegalArgumentException("LoRa-E5 test mode supports 125/250/500 kHz, not " + bw);
    }
    if (s.codingRate() != CodingRate.CR4_5) {
      throw new IllegalArgumentException(
          "LoRa-E5 test mode sends with 4/5 only, not " + s.codingRate().label());
    }
    expect("AT+MODE=TEST", "+MODE: TEST");
    expect(rfConfigCommand(s), "+TEST: RFCFG");
  }

  @Override
  void send(byte[] payload, Duration timeout) {
    String cmd = "AT+TEST=TXLRPKT,\"" + HEX.formatHex(payload) + "\"";
    try {
      List<String> reply = line.command(cmd, finalFor("+TEST: TX DONE"), timeout);
      failOnError(cmd, reply);
    } finally {
      if (receiving) {
        listen();
      }
    }
  }

  @Override
  void listen() {
    expect("AT+TEST=RXLRPKT", "+TEST: RXLRPKT");
  }

  @Override
  void unlisten() {
    expect("AT+TEST=STOP", "+TEST: STOP");
  }

  @Override
  void onEvent(LineEvent event) {
    Optional<RxSignal> signal = parseSignal(event.text());
    if (signal.isPresent()) {
      lastSignal = signal.get();
      return;
    }
    Optional<byte[]> payload = parsePayload(event.text());
    RxSignal before = lastSignal;
    lastSignal = null;
    if (payload.isEmpty() || !receiving) {
      log.debug("lora-e5: {}", event.text());
    } else if (before == null || before.length() != payload.get().length) {
      log.warn("lora-e5: dropping a frame without its LEN/RSSI/SNR line: {}", event.text());
    } else {
      deliver(
          new ReceivedFrame(
              payload.get(),
              before.rssiDbm(),
              before.snrDb(),
              listeningFrequencyHz(),
              event.receivedAt()));
    }
  }

  /** {@code AT+TEST=RFCFG,<MHz>,SF<n>,<kHz>,<txpr>,<rxpr>,<dBm>,ON,<iq>,<net>}. */
  static String rfConfigCommand(RadioSettings s) {
    return String.format(
        Locale.ROOT,
        "AT+TEST=RFCFG,%s,SF%d,%s,%d,%d,%d,ON,%s,%s",
        BigDecimal.valueOf(s.frequencyHz()).movePointLeft(6).stripTrailingZeros().toPlainString(),
        s.dataRate().spreadingFactor(),
        s.dataRate().bandwidth().kilohertzLabel(),
        s.preambleSymbols(),
        s.preambleSymbols(),
        s.txPowerDbm(),
        s.iqInverted() ? "ON" : "OFF",
        s.publicSyncWord() ? "ON" : "OFF");
  }

  /** Parses {@code +TEST: LEN:9, RSSI:-26, SNR:13}, lenient about spaces. */
  static Optional<RxSignal> parseSignal(String text) {
    Matcher m = SIGNAL.matcher(text.trim());
    return m.matches()
        ? Optional.of(
            new RxSignal(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Double.parseDouble(m.group(3))))
        : Optional.empty();
  }

  /** Parses {@code +TEST: RX "hex"}; an odd-length hex string gets a leading 0. */
  static Optional<byte[]> parsePayload(String text) {
    Matcher m = PAYLOAD.matcher(text.trim());
    if (!m.matches() || m.group(1).isEmpty()) {
      return Optional.empty();
    }
    String hex = m.group(1).length() % 2 == 1 ? "0" + m.group(1) : m.group(1);
    return Optional.of(HexFormat.of().parseHex(hex));
  }

  /** Whether {@code text} is an E5 error reply such as {@code +TEST: ERROR(-1)}. */
  static boolean isError(String text) {
    return ERROR.matcher(text).matches();
  }

  private static Predicate<String> finalFor(String prefix) {
    return s -> s.startsWith(prefix) || isError(s);
  }

  private void expect(String cmd, String prefix) {
    failOnError(cmd, command(cmd, finalFor(prefix)));
  }

  private static void failOnError(String cmd, List<String> reply) {
    if (isError(reply.get(reply.size() - 1))) {
      throw new RadioException(cmd, reply);
    }
  }
}
