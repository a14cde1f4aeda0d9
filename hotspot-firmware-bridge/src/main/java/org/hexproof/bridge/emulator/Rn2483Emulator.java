package org.hexproof.bridge.emulator;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraBandwidth;
import org.hexproof.core.radio.LoraDataRate;

/**
 * Microchip RN2483 firmware 1.0.5 (radio.md §4.2, DS40001784): lower-case commands, {@code ok} /
 * {@code invalid_param} / {@code busy}; {@code radio tx} answers {@code ok} then {@code
 * radio_tx_ok}; {@code radio rx 0} answers {@code ok} then {@code radio_rx <hex>} (two spaces) for
 * one packet, or {@code radio_err} when the watchdog ({@code radio set wdt}, default 15 s) or the
 * symbol window expires. Radio commands are {@code busy} while a TX or RX runs.
 */
public final class Rn2483Emulator extends LoraEmulator {
  static final String VERSION = "RN2483 1.0.5 Oct 31 2019 10:58:07";

  private long frequencyHz = 868_100_000L;
  private int powerDbm = 1;
  private int spreadingFactor = 12;
  private int bandwidthKhz = 125;
  private int codingRate = 1;
  private int preamble = 8;
  private int syncWord = 0x34;
  private boolean iqInverted;
  private boolean crc = true;
  private long watchdogMs = 15_000;
  private boolean transmitting;
  private int rxToken;
  private int lastSnr = -128;
  private int lastRssi = -128;

  /**
   * An emulator on a thread of its own, in real time.
   *
   * @param opener opens the emulator's end of the link
   * @param medium the air
   */
  public Rn2483Emulator(LineChannelOpener opener, RadioMedium medium) {
    this(opener, medium, EmulatorRuntime.dedicated());
  }

  /**
   * @param opener opens the emulator's end of the link
   * @param medium the air
   * @param runtime the thread and time base it runs on
   */
  public Rn2483Emulator(LineChannelOpener opener, RadioMedium medium, EmulatorRuntime runtime) {
    super("rn2483", opener, medium, runtime);
  }

  @Override
  protected void handle(String raw) {
    String[] w = raw.trim().split(" ");
    String cmd = w.length >= 2 ? w[0] + " " + w[1] : w[0];
    switch (cmd) {
      case "sys get" -> reply(w.length == 3 && w[2].equals("ver") ? VERSION : "invalid_param");
      case "mac pause" -> reply("4294967245");
      case "mac resume" -> reply("ok");
      case "radio set" -> reply(w.length == 4 ? set(w[2], w[3]) : "invalid_param");
      case "radio get" -> reply(w.length == 3 ? get(w[2]) : "invalid_param");
      case "radio tx" -> transmit(w);
      case "radio rx" -> receive(w);
      case "radio rxstop" -> {
        rxToken++;
        listen(null);
        reply("ok");
      }
      default -> reply("invalid_param");
    }
  }

  private String set(String parameter, String value) {
    if (transmitting || isListening()) {
      return "busy";
    }
    boolean ok =
        switch (parameter) {
          case "mod" -> value.equals("lora") || value.equals("fsk");
          case "freq" ->
              number(value, 433_050_000L, 434_790_000L)
                  .or(() -> number(value, 863_000_000L, 870_000_000L))
                  .map(v -> frequencyHz = v)
                  .isPresent();
          case "pwr" -> number(value, -3, 15).map(v -> powerDbm = v.intValue()).isPresent();
          case "sf" ->
              value.matches("sf(7|8|9|10|11|12)")
                  && (spreadingFactor = Integer.parseInt(value.substring(2))) > 0;
          case "bw" -> value.matches("125|250|500") && (bandwidthKhz = Integer.parseInt(value)) > 0;
          case "cr" ->
              value.matches("4/[5-8]")
                  && (codingRate = Integer.parseInt(value.substring(2)) - 4) > 0;
          case "prlen" -> number(value, 0, 65_535).map(v -> preamble = v.intValue()).isPresent();
          case "crc" -> onOff(value).map(v -> crc = v).isPresent();
          case "iqi" -> onOff(value).map(v -> iqInverted = v).isPresent();
          case "sync" ->
              value.matches("[0-9A-Fa-f]{1,2}") && (syncWord = Integer.parseInt(value, 16)) >= 0;
          case "wdt" -> number(value, 0, 4_294_967_295L).map(v -> watchdogMs = v).isPresent();
          default -> false;
        };
    return ok ? "ok" : "invalid_param";
  }

  private String get(String parameter) {
    return switch (parameter) {
      case "snr" -> Integer.toString(lastSnr);
      case "rssi" -> Integer.toString(lastRssi);
      case "freq" -> Long.toString(frequencyHz);
      case "sf" -> "sf" + spreadingFactor;
      case "bw" -> Integer.toString(bandwidthKhz);
      case "pwr" -> Integer.toString(powerDbm);
      case "sync" -> String.format(Locale.ROOT, "%02x", syncWord);
      case "wdt" -> Long.toString(watchdogMs);
      case "crc" -> crc ? "on" : "off";
      default -> "invalid_param";
    };
  }

  private void transmit(String[] w) {
    if (w.length != 3 || !w[2].matches("([0-9A-Fa-f]{2}){1,255}")) {
      reply("invalid_param");
      return;
    }
    if (transmitting || isListening()) {
      reply("busy");
      return;
    }
    transmitting = true;
    reply("ok");
    sendOnAir(
        HexFormat.of().parseHex(w[2]),
        settings(),
        () -> {
          transmitting = false;
          emit("radio_tx_ok");
        });
  }

  private void receive(String[] w) {
    Optional<Long> window = w.length == 3 ? number(w[2], 0, 65_535) : Optional.empty();
    if (window.isEmpty()) {
      reply("invalid_param");
      return;
    }
    if (transmitting || isListening()) {
      reply("busy");
      return;
    }
    RadioSettings settings = settings();
    listen(settings);
    reply("ok");
    int token = ++rxToken;
    long symbolMicros = (1L << spreadingFactor) * 1000L / bandwidthKhz;
    long windowMs = window.get() == 0 ? 0 : Math.max(1, window.get() * symbolMicros / 1000);
    long timeoutMs = windowMs > 0 && watchdogMs > 0 ? Math.min(windowMs, watchdogMs) : windowMs;
    timeoutMs = timeoutMs == 0 ? watchdogMs : timeoutMs;
    if (timeoutMs > 0) {
      later(
          Duration.ofMillis(timeoutMs),
          () -> {
            if (token == rxToken && isListening()) {
              listen(null);
              emit("radio_err");
            }
          });
    }
  }

  @Override
  protected void heard(byte[] frame, Signal signal) {
    rxToken++;
    listen(null);
    lastRssi = signal.rssiDbm();
    lastSnr = (int) Math.round(signal.snrDb());
    emit("radio_rx  " + HexFormat.of().withUpperCase().formatHex(frame));
  }

  private RadioSettings settings() {
    return new RadioSettings(
        frequencyHz,
        new LoraDataRate(
            spreadingFactor,
            LoraBandwidth.fromKilohertz(Integer.toString(bandwidthKhz)).orElseThrow()),
        CodingRate.ofCr(codingRate),
        powerDbm,
        Math.max(6, preamble),
        syncWord == 0x34,
        iqInverted);
  }

  private static Optional<Boolean> onOff(String value) {
    return value.equals("on") || value.equals("off")
        ? Optional.of(value.equals("on"))
        : Optional.empty();
  }

  private static Optional<Long> number(String text, long min, long max) {
    if (!text.matches("-?\\d{1,10}")) {
      return Optional.empty();
    }
    long v = Long.parseLong(text);
    return v < min || v > max ? Optional.empty() : Optional.of(v);
  }
}
