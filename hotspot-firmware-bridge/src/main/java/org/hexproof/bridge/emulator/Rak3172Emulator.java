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
 * RAK3172 with RUI3 firmware (radio.md §4.1): replies {@code [value] "" STATUS}; starts in LoRaWAN
 * mode, so P2P commands answer {@code AT_MODE_NO_SUPPORT} until {@code AT+NWM=0}, which replies OK
 * and reboots; P2P setters answer {@code AT_BUSY_ERROR} while RX is on; {@code AT+PRECV=65533}
 * listens and still lets {@code AT+PSEND} through.
 */
public final class Rak3172Emulator extends LoraEmulator {
  static final String RX_ON_MESSAGE = "P2P_RX_ON already, please disable P2P RX before setting.";
  private static final Duration REBOOT = Duration.ofMillis(150);
  private static final String[] BW_INDEX = {
    "125", "250", "500", "7.8", "10.4", "15.63", "20.83", "31.25", "41.67", "62.5"
  };

  private int workMode = 1;
  private boolean rebooting;
  private boolean echo;
  private long frequencyHz = 868_000_000L;
  private int spreadingFactor = 7;
  private LoraBandwidth bandwidth = LoraBandwidth.BW125;
  private int codingRate;
  private int preamble = 8;
  private int txPowerDbm = 14;
  private int syncWord = 0x1424;
  private boolean iqInverted;
  private int rxMode;
  private int rxWindowToken;
  private boolean transmitting;

  /**
   * An emulator on a thread of its own, in real time.
   *
   * @param opener opens the emulator's end of the link
   * @param medium the air
   */
  public Rak3172Emulator(LineChannelOpener opener, RadioMedium medium) {
    this(opener, medium, EmulatorRuntime.dedicated());
  }

  /**
   * @param opener opens the emulator's end of the link
   * @param medium the air
   * @param runtime the thread and time base it runs on
   */
  public Rak3172Emulator(LineChannelOpener opener, RadioMedium medium, EmulatorRuntime runtime) {
    super("rak3172", opener, medium, runtime);
  }

  @Override
  protected void handle(String raw) {
    if (rebooting) {
      return;
    }
    String line = raw.trim();
    if (echo) {
      emit(line);
    }
    String upper = line.toUpperCase(Locale.ROOT);
    int eq = upper.indexOf('=');
    String name = eq < 0 ? upper : upper.substring(0, eq);
    String arg = eq < 0 ? null : line.substring(eq + 1);
    switch (name) {
      case "AT" -> status("OK");
      case "ATE" -> {
        echo = !echo;
        status("OK");
      }
      case "AT+NWM" -> networkMode(arg);
      case "AT+P2P" -> p2p(arg);
      case "AT+SYNCWORD" -> syncWord(arg);
      case "AT+IQINVER" -> iqInversion(arg);
      case "AT+PRECV" -> receive(arg);
      case "AT+PSEND" -> send(arg);
      default -> status("AT_COMMAND_NOT_FOUND");
    }
  }

  private void networkMode(String arg) {
    if ("?".equals(arg)) {
      value("AT+NWM=" + workMode);
      return;
    }
    Optional<Integer> mode = integer(arg, 0, 2);
    if (mode.isEmpty()) {
      status("AT_PARAM_ERROR");
      return;
    }
    status("OK");
    if (mode.get() != workMode) {
      workMode = mode.get();
      rebooting = true;
      listen(null);
      rxMode = 0;
      transmitting = false;
      later(
          REBOOT,
          () -> {
            rebooting = false;
            emit("RAKwireless RAK3172-E Example");
            emit("------------------------------------------------------");
            emit("Version: RUI_4.0.6_RAK3172-E");
            emit(workMode == 0 ? "Current Work Mode: LoRa P2P." : "Current Work Mode: LoRaWAN.");
          });
    }
  }

  private void p2p(String arg) {
    if (!p2pAllowed(arg)) {
      return;
    }
    if ("?".equals(arg)) {
      value(
          String.format(
              Locale.ROOT,
              "AT+P2P=%d:%d:%s:%d:%d:%d",
              frequencyHz,
              spreadingFactor,
              bandwidth.kilohertzLabel(),
              codingRate,
              preamble,
              txPowerDbm));
      return;
    }
    String[] f = arg.split(":", -1);
    Optional<Integer> sf = f.length >= 6 ? integer(f[1], 5, 12) : Optional.empty();
    Optional<Integer> cr = f.length >= 6 ? integer(f[3], 0, 3) : Optional.empty();
    Optional<Integer> pre = f.length >= 6 ? integer(f[4], 5, 65_535) : Optional.empty();
    Optional<Integer> power = f.length >= 6 ? integer(f[5], 5, 22) : Optional.empty();
    Optional<Long> freq =
        f.length >= 6 ? longValue(f[0], 150_000_000L, 960_000_000L) : Optional.<Long>empty();
    Optional<LoraBandwidth> bw = f.length >= 6 ? bandwidth(f[2]) : Optional.empty();
    boolean trailingOk = f.length == 6 || (f.length == 7 && f[6].equals("1"));
    if (!trailingOk
        || freq.isEmpty()
        || sf.isEmpty()
        || bw.isEmpty()
        || cr.isEmpty()
        || pre.isEmpty()
        || power.isEmpty()) {
      status("AT_PARAM_ERROR");
      return;
    }
    frequencyHz = freq.get();
    spreadingFactor = sf.get();
    bandwidth = bw.get();
    codingRate = cr.get();
    preamble = pre.get();
    txPowerDbm = power.get();
    status("OK");
  }

  private void syncWord(String arg) {
    if (!p2pAllowed(arg)) {
      return;
    }
    if ("?".equals(arg)) {
      value(String.format(Locale.ROOT, "AT+SYNCWORD=%04X", syncWord));
    } else if (arg.matches("[0-9A-Fa-f]{4}")) {
      syncWord = Integer.parseInt(arg, 16);
      status("OK");
    } else {
      status("AT_PARAM_ERROR");
    }
  }

  private void iqInversion(String arg) {
    if (!p2pAllowed(arg)) {
      return;
    }
    if ("?".equals(arg)) {
      value("AT+IQINVER=" + (iqInverted ? 1 : 0));
    } else if (arg.equals("0") || arg.equals("1")) {
      iqInverted = arg.equals("1");
      status("OK");
    } else {
      status("AT_PARAM_ERROR");
    }
  }

  private void receive(String arg) {
    if (workMode != 0) {
      status("AT_MODE_NO_SUPPORT");
      return;
    }
    if ("?".equals(arg)) {
      value(isListening() ? "P2P_RX_ON" : "P2P_RX_OFF");
      return;
    }
    Optional<Integer> mode = integer(arg, 0, 65_535);
    if (mode.isEmpty()) {
      status("AT_PARAM_ERROR");
      return;
    }
    int m = mode.get();
    if (m == 0) {
      rxMode = 0;
      listen(null);
      status("OK");
      return;
    }
    boolean continuous = m == 65_533 || m == 65_534;
    if (isListening() && continuous && rxMode != m) {
      status("AT_BUSY_ERROR"); // switching between continuous modes needs AT+PRECV=0 first
      return;
    }
    rxMode = m;
    listen(settings());
    status("OK");
    if (m < 65_533) {
      int token = ++rxWindowToken;
      later(
          Duration.ofMillis(m),
          () -> {
            if (token == rxWindowToken && rxMode == m && isListening()) {
              rxMode = 0;
              listen(null);
              emit("+EVT:RXP2P RECEIVE TIMEOUT");
            }
          });
    }
  }

  private void send(String arg) {
    if (workMode != 0) {
      status("AT_MODE_NO_SUPPORT");
      return;
    }
    if (arg == null || !arg.matches("([0-9A-Fa-f]{2}){1,255}")) {
      status("AT_PARAM_ERROR");
      return;
    }
    if (transmitting || (isListening() && rxMode != 65_533)) {
      status("AT_BUSY_ERROR");
      return;
    }
    byte[] frame = HexFormat.of().parseHex(arg);
    RadioSettings settings = settings();
    transmitting = true;
    listen(null);
    status("OK");
    sendOnAir(
        frame,
        settings,
        () -> {
          transmitting = false;
          if (rxMode == 65_533) {
            listen(settings);
          }
          emit("+EVT:TXP2P DONE");
        });
  }

  @Override
  protected void heard(byte[] frame, Signal signal) {
    emit(
        String.format(
            Locale.ROOT,
            "+EVT:RXP2P:%d:%d:%s",
            signal.rssiDbm(),
            Math.round(signal.snrDb()),
            HexFormat.of().withUpperCase().formatHex(frame)));
    if (rxMode == 65_535) {
      rxMode = 0;
      listen(null);
    }
  }

  private boolean p2pAllowed(String arg) {
    if (workMode != 0) {
      status("AT_MODE_NO_SUPPORT");
      return false;
    }
    if (arg == null) {
      status("AT_PARAM_ERROR");
      return false;
    }
    if (!"?".equals(arg) && (isListening() || transmitting)) {
      reply(RX_ON_MESSAGE, "", "AT_BUSY_ERROR");
      return false;
    }
    return true;
  }

  private RadioSettings settings() {
    return new RadioSettings(
        frequencyHz,
        new LoraDataRate(spreadingFactor, bandwidth),
        CodingRate.ofCr(codingRate + 1),
        txPowerDbm,
        Math.max(6, preamble),
        syncWord == 0x3444,
        iqInverted);
  }

  private void value(String value) {
    reply(value, "", "OK");
  }

  private void status(String status) {
    reply("", status);
  }

  private static Optional<LoraBandwidth> bandwidth(String text) {
    for (int i = 0; i < BW_INDEX.length; i++) {
      if (text.equals(Integer.toString(i))) {
        return LoraBandwidth.fromKilohertz(BW_INDEX[i]);
      }
    }
    return text.matches("125|250|500") ? LoraBandwidth.fromKilohertz(text) : Optional.empty();
  }

  private static Optional<Integer> integer(String text, int min, int max) {
    return longValue(text, min, max).map(Long::intValue);
  }

  private static Optional<Long> longValue(String text, long min, long max) {
    if (text == null || !text.matches("-?\\d{1,10}")) {
      return Optional.empty();
    }
    long v = Long.parseLong(text);
    return v < min || v > max ? Optional.empty() : Optional.of(v);
  }
}
