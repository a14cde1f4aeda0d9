package org.hexproof.bridge.emulator;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.LineChannelOpener;

/**
 * RAK3172 with RUI3 firmware (radio.md §4.1): replies {@code [value] "" STATUS}; starts in LoRaWAN
 * mode, so P2P commands answer {@code AT_MODE_NO_SUPPORT} until {@code AT+NWM=0}, which replies OK
 * and reboots; P2P setters answer {@code AT_BUSY_ERROR} while RX is on; {@code AT+PRECV=65533}
 * listens and still lets {@code AT+PSEND} through. The P2P parameters are in {@link
 * Rak3172P2pParameters}; this class holds the work mode, the reboot and the RX and TX states.
 */
public final class Rak3172Emulator extends LoraEmulator {
  static final String RX_ON_MESSAGE = "P2P_RX_ON already, please disable P2P RX before setting.";
  private static final Duration REBOOT = Duration.ofMillis(150);

  private final Rak3172P2pParameters p2p = new Rak3172P2pParameters();
  private int workMode = 1;
  private boolean rebooting;
  private boolean echo;
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
      case "AT+P2P" -> p2pParameter(arg, p2p::p2pLine, p2p::setP2p);
      case "AT+SYNCWORD" -> p2pParameter(arg, p2p::syncWordLine, p2p::setSyncWord);
      case "AT+IQINVER" -> p2pParameter(arg, p2p::iqInversionLine, p2p::setIqInversion);
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
    Optional<Integer> mode = Rak3172P2pParameters.integer(arg, 0, 2);
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

  /** A P2P parameter command: {@code ?} reads it back, anything else sets it. */
  private void p2pParameter(String arg, Supplier<String> query, Predicate<String> set) {
    if (!p2pAllowed(arg)) {
      return;
    }
    if ("?".equals(arg)) {
      value(query.get());
    } else {
      status(set.test(arg) ? "OK" : "AT_PARAM_ERROR");
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
    Optional<Integer> mode = Rak3172P2pParameters.integer(arg, 0, 65_535);
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
    listen(p2p.settings());
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
    RadioSettings settings = p2p.settings();
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

  private void value(String value) {
    reply(value, "", "OK");
  }

  private void status(String status) {
    reply("", status);
  }
}
