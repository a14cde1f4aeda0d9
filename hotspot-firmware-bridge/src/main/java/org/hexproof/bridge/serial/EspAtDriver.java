package org.hexproof.bridge.serial;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.AccessPoint;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.WifiPort;
import org.hexproof.bridge.tasks.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESP32 with ESP-AT firmware (radio.md §4.4, 115200 8N1) as a {@link WifiPort}: turns echo off and
 * error codes on ({@code AT+SYSLOG=1}), runs SoftAP+station mode ({@code AT+CWMODE=3}) so that it
 * can advertise and scan at once, and parses {@code AT+CWLAP}. A failure's {@link RadioException}
 * carries {@code ERR CODE:0x...} when the firmware printed one, and {@code busy p...} when the
 * module was still busy.
 */
public final class EspAtDriver implements WifiPort {
  private static final Logger log = LoggerFactory.getLogger(EspAtDriver.class);

  /** The module's serial speed, baud. */
  public static final int BAUD = 115_200;

  static final String BUSY = "busy p...";
  private static final Predicate<String> FINAL =
      s -> s.equals("OK") || s.equals("ERROR") || s.equals(BUSY);
  private static final Predicate<String> UNSOLICITED =
      s ->
          s.equals("ready")
              || s.startsWith("WIFI ")
              || s.startsWith("+STA_")
              || s.startsWith("+DIST_STA_IP:");

  private final SerialLine line;
  private final Duration commandTimeout;
  private final Duration scanTimeout;
  private volatile String softApCommand;
  private volatile Consumer<LineEvent> events = event -> log.debug("esp-at: {}", event.text());

  /**
   * @param opener opens the module's serial device
   * @param options ping and reopen timing
   * @param clock stamps unsolicited lines
   * @param commandTimeout how long an ordinary command may take
   * @param scanTimeout how long {@code AT+CWLAP} may take (seconds on real modules)
   */
  public EspAtDriver(
      LineChannelOpener opener,
      SerialLineOptions options,
      Clock clock,
      Duration commandTimeout,
      Duration scanTimeout) {
    this(opener, options, clock, commandTimeout, scanTimeout, null);
  }

  /**
   * As above, with the line's events and supervision on shared {@code workers}; null: threads of
   * the line's own.
   */
  public EspAtDriver(
      LineChannelOpener opener,
      SerialLineOptions options,
      Clock clock,
      Duration commandTimeout,
      Duration scanTimeout,
      Workers workers) {
    this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    this.scanTimeout = Objects.requireNonNull(scanTimeout, "scanTimeout");
    LineDialect dialect = new LineDialect("esp-at", UNSOLICITED, "AT", FINAL);
    this.line =
        workers == null
            ? new SerialLine(opener, dialect, options, clock)
            : new SerialLine(opener, dialect, options, clock, workers);
    line.setListener(event -> events.accept(event));
    line.setReconnectHook(this::restore);
  }

  /**
   * Opens the line, turns echo off, asks for error codes and selects SoftAP+station mode.
   *
   * @throws org.hexproof.bridge.radio.LinkDownException when the device cannot be opened
   * @throws RadioException when the module refuses
   */
  public void start() {
    line.start();
    initialise();
  }

  /**
   * Receives unsolicited lines ({@code ready}, {@code WIFI CONNECTED}, {@code +STA_CONNECTED:...})
   * on the line's event thread.
   */
  public void setEventListener(Consumer<LineEvent> listener) {
    this.events = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void startSoftAp(String ssid, int channel) {
    Objects.requireNonNull(ssid, "ssid");
    int bytes = ssid.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < 1 || bytes > 32) {
      throw new IllegalArgumentException("ssid: expected 1..32 bytes, got " + bytes);
    }
    if (channel < 1 || channel > 14) {
      throw new IllegalArgumentException("channel: expected 1..14, got " + channel);
    }
    String cmd = String.format(Locale.ROOT, "AT+CWSAP=\"%s\",\"\",%d,0", escape(ssid), channel);
    at(cmd, commandTimeout);
    softApCommand = cmd;
  }

  /** Whether the serial link is open now (false while reopening). */
  public boolean isLinkUp() {
    return line.isUp();
  }

  @Override
  public List<AccessPoint> scan() {
    return CwlapParser.parseAll(at("AT+CWLAP", scanTimeout));
  }

  @Override
  public void close() {
    line.close();
  }

  /** Escapes {@code \}, {@code "} and {@code ,} in an AT string argument. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace(",", "\\,");
  }

  private void initialise() {
    at("ATE0", commandTimeout);
    List<String> syslog = line.command("AT+SYSLOG=1", FINAL, commandTimeout);
    if (!syslog.get(syslog.size() - 1).equals("OK")) {
      log.info("esp-at: no AT+SYSLOG on this firmware; errors come without codes");
    }
    at("AT+CWMODE=3", commandTimeout);
  }

  private void restore() {
    initialise();
    String cmd = softApCommand;
    if (cmd != null) {
      at(cmd, commandTimeout);
    }
  }

  private List<String> at(String cmd, Duration timeout) {
    List<String> reply = line.command(cmd, FINAL, timeout);
    if (!reply.get(reply.size() - 1).equals("OK")) {
      throw new RadioException(cmd, reply);
    }
    return reply;
  }
}
