package org.hexproof.bridge.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.radio.LoraBandwidth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microchip RN2483 (radio.md §4.2, 57600 8N1): pauses the LoRaWAN MAC, sets the radio with {@code
 * radio set}, turns the watchdog off, and listens with {@code radio rx 0}, which hears one packet:
 * after each {@code radio_rx} the driver reads {@code radio get snr} and {@code radio get rssi}
 * (firmware 1.0.5) and listens again. Sending while listening goes {@code radio rxstop}, {@code
 * radio tx}, {@code radio rx 0}.
 */
public final class Rn2483Driver extends LoraModuleDriver {
  private static final Logger log = LoggerFactory.getLogger(Rn2483Driver.class);

  /** The module's serial speed, baud. */
  public static final int BAUD = 57_600;

  static final Predicate<String> UNSOLICITED =
      s -> s.startsWith("radio_rx") || s.equals("radio_err") || s.equals("radio_tx_ok");
  private static final Predicate<String> STATUS =
      s -> s.equals("ok") || s.equals("invalid_param") || s.equals("busy");
  private static final Predicate<String> ANY_REPLY = UNSOLICITED.negate();
  private static final Predicate<String> TX_FINAL =
      s ->
          s.equals("radio_tx_ok")
              || s.equals("radio_err")
              || s.equals("invalid_param")
              || s.equals("busy");

  /**
   * @param opener opens the module's serial device
   * @param options ping and reopen timing
   * @param clock stamps received frames
   * @param commandTimeout how long an ordinary command may take
   */
  public Rn2483Driver(
      LineChannelOpener opener, SerialLineOptions options, Clock clock, Duration commandTimeout) {
    this(opener, options, clock, commandTimeout, null);
  }

  /**
   * As above, with the line's events and supervision on shared {@code workers}; null: threads of
   * the line's own.
   */
  public Rn2483Driver(
      LineChannelOpener opener,
      SerialLineOptions options,
      Clock clock,
      Duration commandTimeout,
      Workers workers) {
    super(
        opener,
        new LineDialect("rn2483", UNSOLICITED, "sys get ver", ANY_REPLY),
        options,
        clock,
        commandTimeout,
        workers);
  }

  @Override
  void apply(RadioSettings s) {
    LoraBandwidth bw = s.dataRate().bandwidth();
    if (bw != LoraBandwidth.BW125 && bw != LoraBandwidth.BW250 && bw != LoraBandwidth.BW500) {
      throw new IllegalArgumentException("RN2483 supports 125, 250 and 500 kHz, not " + bw);
    }
    List<String> paused = command("mac pause", ANY_REPLY);
    if (!paused.get(0).matches("\\d+")) {
      throw new RadioException("mac pause", paused);
    }
    command("radio rxstop", STATUS); // harmless when idle; older firmware says invalid_param
    ok("radio set mod lora");
    ok("radio set freq " + s.frequencyHz());
    ok("radio set pwr " + s.txPowerDbm());
    ok("radio set sf sf" + s.dataRate().spreadingFactor());
    ok("radio set bw " + bw.kilohertzLabel());
    ok("radio set cr " + s.codingRate().label());
    ok("radio set prlen " + s.preambleSymbols());
    ok("radio set crc on");
    ok("radio set iqi " + (s.iqInverted() ? "on" : "off"));
    ok("radio set sync " + (s.publicSyncWord() ? "34" : "12"));
    ok("radio set wdt 0"); // the 15 s default watchdog would end every long listen
  }

  @Override
  void send(byte[] payload, Duration timeout) {
    if (receiving) {
      ok("radio rxstop");
    }
    String cmd = "radio tx " + HEX.formatHex(payload);
    try {
      List<String> reply = line.command(cmd, TX_FINAL, timeout);
      if (!reply.get(reply.size() - 1).equals("radio_tx_ok")) {
        throw new RadioException(cmd, reply);
      }
    } finally {
      if (receiving) {
        listen();
      }
    }
  }

  @Override
  void listen() {
    String cmd = "radio rx 0";
    List<String> reply = command(cmd, STATUS);
    // busy: already listening, e.g. re-armed by a transmit that overtook a radio_rx event.
    if (!reply.get(0).equals("ok") && !reply.get(0).equals("busy")) {
      throw new RadioException(cmd, reply);
    }
  }

  @Override
  void unlisten() {
    ok("radio rxstop");
  }

  @Override
  void onEvent(LineEvent event) {
    Optional<byte[]> payload = parseReceive(event.text());
    if (!receiving || (payload.isEmpty() && !event.text().equals("radio_err"))) {
      log.debug("rn2483: {}", event.text());
      return;
    }
    try {
      synchronized (radioLock) {
        if (payload.isPresent()) {
          report(payload.get(), event.receivedAt());
        }
        if (receiving) {
          listen();
        }
      }
    } catch (RadioException
        | LinkDownException
        | org.hexproof.bridge.radio.CommandTimeoutException e) {
      log.warn("rn2483: cannot finish a reception: {}", e.getMessage());
    }
  }

  /**
   * Parses {@code radio_rx <hex>} with any run of spaces; empty for any other line, and for a
   * payload longer than 255 bytes (the LoRa maximum).
   */
  static Optional<byte[]> parseReceive(String text) {
    String[] words = text.trim().split("\\s+");
    if (words.length != 2
        || !words[0].equals("radio_rx")
        || !words[1].matches("([0-9A-Fa-f]{2}){1,255}")) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().parseHex(words[1]));
  }

  /** Parses a {@code radio get snr} or {@code radio get rssi} reply. */
  static OptionalInt parseSigned(String text) {
    return text.matches("-?\\d{1,4}")
        ? OptionalInt.of(Integer.parseInt(text))
        : OptionalInt.empty();
  }

  private void report(byte[] payload, Instant at) {
    OptionalInt snr = parseSigned(command("radio get snr", ANY_REPLY).get(0));
    OptionalInt rssi = parseSigned(command("radio get rssi", ANY_REPLY).get(0));
    if (snr.isEmpty() || rssi.isEmpty()) {
      // Firmware before 1.0.5 has no "radio get rssi"; a frame without it is no use as a witness.
      log.warn("rn2483: dropping a {}-byte frame: no SNR/RSSI from the module", payload.length);
      return;
    }
    deliver(
        new ReceivedFrame(payload, rssi.getAsInt(), snr.getAsInt(), listeningFrequencyHz(), at));
  }

  private void ok(String cmd) {
    List<String> reply = command(cmd, STATUS);
    if (!reply.get(0).equals("ok")) {
      throw new RadioException(cmd, reply);
    }
  }
}
