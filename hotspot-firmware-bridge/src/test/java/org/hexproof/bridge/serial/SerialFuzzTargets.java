package org.hexproof.bridge.serial;

import static org.hexproof.core.testing.fuzz.FuzzTarget.utf8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.core.testing.fuzz.FuzzTarget;

/**
 * Fuzz targets for what a misbehaving module can send over serial: the byte stream through {@link
 * LineFramer}, and every line through each dialect's reply and event parsing (RAK3172, RN2483,
 * LoRa-E5, ESP-AT {@link CwlapParser}). None of them documents an exception: a line that is not a
 * report is "empty", so any exception is a finding.
 */
public final class SerialFuzzTargets {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  /** A sample of each dialect's lines, CR LF separated. */
  private static final List<byte[]> SEEDS =
      List.of(
          utf8("+EVT:RXP2P:-28:5:48656C6C6F\r\n+EVT:TXP2P DONE\r\nOK\r\nAT_ERROR\r\n"),
          utf8("radio_rx 48656C6C6F\r\n-12\r\nok\r\nradio_err\r\n"),
          utf8(
              "+TEST: LEN:5, RSSI:-26, SNR:13\r\n+TEST: RX \"48656C6C6F\"\r\n+TEST: ERROR(-1)\r\n"),
          utf8("+CWLAP:(3,\"hexproof-abc\",-45,\"aa:bb:cc:dd:ee:ff\",6,0,0)\r\nOK\r\nready\r\n"),
          utf8("AT\r\r\n\r\nOK\r\n"));

  private SerialFuzzTargets() {}

  /**
   * {@link LineFramer}: the same bytes give the same lines however they are chunked; no line holds
   * a CR or LF or is longer than {@link LineFramer#MAX_LINE_BYTES}.
   */
  public static FuzzTarget lineFramer() {
    return FuzzTarget.of("at-line-framer", SEEDS, List.of(), SerialFuzzTargets::frame);
  }

  /**
   * Every framed line through each dialect's parsers, building the {@link ReceivedFrame} a driver
   * would deliver from what they return.
   */
  public static FuzzTarget moduleLines() {
    return FuzzTarget.of("at-module-lines", SEEDS, List.of(), SerialFuzzTargets::parseLines);
  }

  private static void frame(byte[] input) {
    List<String> whole = new LineFramer().accept(input);
    LineFramer chunked = new LineFramer();
    List<String> lines = new ArrayList<>();
    int step = 1 + (input.length == 0 ? 0 : (input[0] & 0x0f));
    for (int at = 0; at < input.length; at += step) {
      lines.addAll(
          chunked.accept(Arrays.copyOfRange(input, at, Math.min(input.length, at + step))));
    }
    if (!lines.equals(whole)) {
      throw new AssertionError("chunks of " + step + " give " + lines + ", whole gives " + whole);
    }
    for (String line : lines) {
      if (line.length() > LineFramer.MAX_LINE_BYTES || line.indexOf('\r') >= 0) {
        throw new AssertionError("line of " + line.length() + " chars or with a CR: " + line);
      }
    }
    if (chunked.pendingBytes() > LineFramer.MAX_LINE_BYTES) {
      throw new AssertionError("holds " + chunked.pendingBytes() + " bytes of an unended line");
    }
  }

  private static void parseLines(byte[] input) {
    for (String line : new LineFramer().accept(input)) {
      Rak3172Driver.parseReceive(line, 868_100_000L, AT);
      Rn2483Driver.parseReceive(line).ifPresent(p -> new ReceivedFrame(p, -100, 5, 1, AT));
      Rn2483Driver.parseSigned(line);
      LoraE5Driver.parseSignal(line);
      LoraE5Driver.parsePayload(line).ifPresent(p -> new ReceivedFrame(p, -100, 5, 1, AT));
      LoraE5Driver.isError(line);
      CwlapParser.parse(line);
    }
  }
}
