package org.hexproof.bridge.emulator;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraBandwidth;
import org.hexproof.core.radio.LoraDataRate;

/**
 * Seeed LoRa-E5 (Wio-E5) in test mode (radio.md §4.3): replies {@code +CMD: ...}, errors {@code
 * +CMD: ERROR(n)} (-1 bad parameter, -10 unknown command, -12 not in test mode). Starts in LWOTAA
 * mode. {@code TXLRPKT} echoes the hex (odd length gets a leading 0) and later {@code +TEST: TX
 * DONE}; the transmission ends continuous RX. Coding rate is fixed at 4/5.
 */
public final class LoraE5Emulator extends LoraEmulator {
  private static final Pattern COMMAND = Pattern.compile("AT\\+([A-Z]+)(?:=(.*))?");

  private String mode = "LWOTAA";
  private long frequencyHz = 868_000_000L;
  private int spreadingFactor = 7;
  private int bandwidthKhz = 125;
  private int txPreamble = 8;
  private int rxPreamble = 8;
  private int powerDbm = 14;
  private boolean crc = true;
  private boolean iqInverted;
  private boolean publicNetwork;
  private boolean transmitting;

  /**
   * An emulator on a thread of its own, in real time.
   *
   * @param opener opens the emulator's end of the link
   * @param medium the air
   */
  public LoraE5Emulator(LineChannelOpener opener, RadioMedium medium) {
    this(opener, medium, EmulatorRuntime.dedicated());
  }

  /**
   * @param opener opens the emulator's end of the link
   * @param medium the air
   * @param runtime the thread and time base it runs on
   */
  public LoraE5Emulator(LineChannelOpener opener, RadioMedium medium, EmulatorRuntime runtime) {
    super("lora-e5", opener, medium, runtime);
  }

  @Override
  protected void handle(String raw) {
    String line = raw.trim();
    if (line.equalsIgnoreCase("AT")) {
      reply("+AT: OK");
      return;
    }
    Matcher m = COMMAND.matcher(line.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      reply("+AT: ERROR(-10)");
      return;
    }
    String name = m.group(1);
    String arg = m.group(2) == null ? null : line.substring(line.indexOf('=') + 1).trim();
    switch (name) {
      case "MODE" -> mode(arg);
      case "TEST" -> test(arg);
      case "VER" -> reply("+VER: 4.0.11");
      default -> reply("+" + name + ": ERROR(-10)");
    }
  }

  private void mode(String arg) {
    if (arg == null || arg.equals("?")) {
      reply("+MODE: " + mode);
      return;
    }
    String wanted = arg.toUpperCase(Locale.ROOT);
    if (!wanted.matches("TEST|LWABP|LWOTAA")) {
      reply("+MODE: ERROR(-1)");
      return;
    }
    mode = wanted;
    listen(null);
    reply("+MODE: " + mode);
  }

  private void test(String arg) {
    if (!mode.equals("TEST")) {
      reply("+TEST: ERROR(-12)");
      return;
    }
    String[] parts = arg == null ? new String[] {""} : arg.split(",", -1);
    String sub = parts[0].trim().toUpperCase(Locale.ROOT);
    switch (sub) {
      case "RFCFG" -> rfConfig(parts);
      case "TXLRPKT" -> transmit(arg.substring(arg.indexOf(',') + 1).trim(), parts.length);
      case "RXLRPKT" -> {
        if (transmitting) {
          reply("+TEST: ERROR(-12)");
          return;
        }
        listen(settings());
        reply("+TEST: RXLRPKT");
      }
      case "STOP" -> {
        listen(null);
        reply("+TEST: STOP");
      }
      case "?" -> reply(rfConfigLine());
      default -> reply("+TEST: ERROR(-1)");
    }
  }

  private void rfConfig(String[] p) {
    if (p.length != 10) {
      reply("+TEST: ERROR(-1)");
      return;
    }
    Optional<Long> freq = megahertz(p[1]);
    String sf = p[2].trim().toUpperCase(Locale.ROOT);
    Optional<Integer> bw = integer(p[3], 125, 500).filter(v -> v == 125 || v == 250 || v == 500);
    Optional<Integer> txpr = integer(p[4], 6, 65_535);
    Optional<Integer> rxpr = integer(p[5], 6, 65_535);
    Optional<Integer> pow = integer(p[6], -1, 22);
    Optional<Boolean> crcOn = onOff(p[7]);
    Optional<Boolean> iq = onOff(p[8]);
    Optional<Boolean> net = onOff(p[9]);
    if (freq.isEmpty()
        || !sf.matches("SF([7-9]|1[0-2])")
        || bw.isEmpty()
        || txpr.isEmpty()
        || rxpr.isEmpty()
        || pow.isEmpty()
        || crcOn.isEmpty()
        || iq.isEmpty()
        || net.isEmpty()) {
      reply("+TEST: ERROR(-1)");
      return;
    }
    frequencyHz = freq.get();
    spreadingFactor = Integer.parseInt(sf.substring(2));
    bandwidthKhz = bw.get();
    txPreamble = txpr.get();
    rxPreamble = rxpr.get();
    powerDbm = pow.get();
    crc = crcOn.get();
    iqInverted = iq.get();
    publicNetwork = net.get();
    if (isListening()) {
      listen(settings());
    }
    reply(rfConfigLine());
  }

  private String rfConfigLine() {
    return String.format(
        Locale.ROOT,
        "+TEST: RFCFG F:%d, SF%d, BW%dK, TXPR:%d, RXPR:%d, POW:%ddBm, CRC:%s, IQ:%s, NET:%s",
        frequencyHz,
        spreadingFactor,
        bandwidthKhz,
        txPreamble,
        rxPreamble,
        powerDbm,
        crc ? "ON" : "OFF",
        iqInverted ? "ON" : "OFF",
        publicNetwork ? "ON" : "OFF");
  }

  private void transmit(String quoted, int parts) {
    String hex =
        quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
            ? quoted.substring(1, quoted.length() - 1)
            : "";
    if (parts != 2 || !hex.matches("[0-9A-Fa-f]{1,510}")) {
      reply("+TEST: ERROR(-1)");
      return;
    }
    if (transmitting) {
      reply("+TEST: ERROR(-12)");
      return;
    }
    String even = (hex.length() % 2 == 1 ? "0" : "") + hex.toUpperCase(Locale.ROOT);
    transmitting = true;
    listen(null);
    reply("+TEST: TXLRPKT \"" + even + "\"");
    sendOnAir(
        HexFormat.of().parseHex(even),
        settings(),
        () -> {
          transmitting = false;
          emit("+TEST: TX DONE");
        });
  }

  @Override
  protected void heard(byte[] frame, Signal signal) {
    emit(
        String.format(
            Locale.ROOT,
            "+TEST: LEN:%d, RSSI:%d, SNR:%d",
            frame.length,
            signal.rssiDbm(),
            Math.round(signal.snrDb())));
    emit("+TEST: RX \"" + HexFormat.of().withUpperCase().formatHex(frame) + "\"");
  }

  private RadioSettings settings() {
    return new RadioSettings(
        frequencyHz,
        new LoraDataRate(
            spreadingFactor,
            LoraBandwidth.fromKilohertz(Integer.toString(bandwidthKhz)).orElseThrow()),
        CodingRate.CR4_5,
        powerDbm,
        txPreamble,
        publicNetwork,
        iqInverted);
  }

  private static Optional<Long> megahertz(String text) {
    try {
      BigDecimal hz = new BigDecimal(text.trim()).movePointRight(6);
      long v = hz.longValueExact();
      return v >= 150_000_000L && v <= 960_000_000L ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> integer(String text, int min, int max) {
    String t = text.trim();
    if (!t.matches("-?\\d{1,6}")) {
      return Optional.empty();
    }
    int v = Integer.parseInt(t);
    return v < min || v > max ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Boolean> onOff(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    return t.equals("ON") || t.equals("OFF") ? Optional.of(t.equals("ON")) : Optional.empty();
  }
}
