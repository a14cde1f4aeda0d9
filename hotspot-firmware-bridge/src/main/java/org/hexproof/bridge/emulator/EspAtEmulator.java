package org.hexproof.bridge.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hexproof.bridge.serial.LineChannelOpener;

/**
 * ESP32 with ESP-AT (radio.md §4.4): echo on by default, {@code OK} / {@code ERROR}, {@code ERR
 * CODE:0x01XX0000} before {@code ERROR} once {@code AT+SYSLOG=1}, {@code busy p...} for commands
 * arriving during a scan. Starts in station mode (1); {@code AT+CWSAP} needs mode 2 or 3 and {@code
 * AT+CWLAP} mode 1 or 3. Soft APs go on a shared {@link WifiMedium}, and a scan reports each access
 * point it sees at the RSSI the medium gives.
 */
public final class EspAtEmulator extends ModuleEmulator {
  private static final Duration SCAN = Duration.ofMillis(150);
  private static final int PARAM_COUNT = 0x06;
  private static final int PARAM_INVALID = 0x07;
  private static final int UNSUPPORTED = 0x09;
  private static final int EXEC_FAILED = 0x0A;

  private final WifiMedium air;
  private final String mac;
  private boolean echo = true;
  private boolean syslog;
  private int wifiMode = 1;
  private boolean scanning;
  private WifiMedium.SoftAp softAp;

  /**
   * @param opener opens the emulator's end of the link
   * @param air shared with the other WiFi emulators
   * @param mac this module's soft AP BSSID, {@code aa:bb:cc:dd:ee:ff}
   */
  public EspAtEmulator(LineChannelOpener opener, WifiMedium air, String mac) {
    this(opener, air, mac, EmulatorRuntime.dedicated());
  }

  /**
   * @param opener opens the emulator's end of the link
   * @param air shared with the other WiFi emulators
   * @param mac this module's soft AP BSSID, {@code aa:bb:cc:dd:ee:ff}
   * @param runtime the thread and time base it runs on
   */
  public EspAtEmulator(
      LineChannelOpener opener, WifiMedium air, String mac, EmulatorRuntime runtime) {
    super("esp-at " + mac, opener, runtime);
    this.air = Objects.requireNonNull(air, "air");
    this.mac = mac.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    air.withdraw(mac);
    super.close();
  }

  @Override
  protected void handle(String raw) {
    String line = raw.trim();
    if (echo) {
      emit(line);
    }
    if (scanning) {
      emit("busy p...");
      return;
    }
    String upper = line.toUpperCase(Locale.ROOT);
    int eq = line.indexOf('=');
    String name = eq < 0 ? upper : upper.substring(0, eq);
    List<String> args = eq < 0 ? List.of() : splitArgs(line.substring(eq + 1));
    switch (name) {
      case "AT" -> reply("OK");
      case "ATE0", "ATE1" -> {
        echo = name.equals("ATE1");
        reply("OK");
      }
      case "AT+RST" -> {
        reply("OK");
        wifiMode = 1;
        air.withdraw(mac);
        softAp = null;
        later(Duration.ofMillis(50), () -> emit("ready"));
      }
      case "AT+SYSLOG" -> intArg(args, 0, 1, v -> syslog = v == 1);
      case "AT+SYSLOG?" -> reply("+SYSLOG:" + (syslog ? 1 : 0), "OK");
      case "AT+CWMODE" -> intArg(args.isEmpty() ? args : args.subList(0, 1), 0, 3, this::mode);
      case "AT+CWMODE?" -> reply("+CWMODE:" + wifiMode, "OK");
      case "AT+CWSAP" -> softAp(args);
      case "AT+CWSAP?" -> querySoftAp();
      case "AT+CWLAP" -> scan();
      default -> fail(UNSUPPORTED);
    }
  }

  private void mode(int mode) {
    wifiMode = mode;
    if (mode != 2 && mode != 3) {
      air.withdraw(mac);
    } else if (softAp != null) {
      air.advertise(softAp);
    }
  }

  private void softAp(List<String> args) {
    if (args.size() < 4 || args.size() > 6) {
      fail(PARAM_COUNT);
      return;
    }
    String ssid = args.get(0);
    String password = args.get(1);
    int channel = parse(args.get(2), 1, 13);
    int ecn = parse(args.get(3), 0, 4);
    int ssidBytes = ssid.getBytes(StandardCharsets.UTF_8).length;
    boolean passwordOk = ecn == 0 || (password.length() >= 8 && password.length() <= 64);
    if (ssidBytes < 1 || ssidBytes > 32 || channel < 0 || ecn < 0 || ecn == 1 || !passwordOk) {
      fail(PARAM_INVALID);
      return;
    }
    if (wifiMode != 2 && wifiMode != 3) {
      fail(EXEC_FAILED);
      return;
    }
    softAp = new WifiMedium.SoftAp(mac, ssid, channel, ecn);
    air.advertise(softAp);
    reply("OK");
  }

  private void querySoftAp() {
    if (softAp == null || (wifiMode != 2 && wifiMode != 3)) {
      fail(EXEC_FAILED);
      return;
    }
    reply(
        String.format(
            Locale.ROOT,
            "+CWSAP:\"%s\",\"\",%d,%d,10,0",
            escape(softAp.ssid()),
            softAp.channel(),
            softAp.encryption()),
        "OK");
  }

  private void scan() {
    if (wifiMode != 1 && wifiMode != 3) {
      fail(EXEC_FAILED);
      return;
    }
    scanning = true;
    later(
        SCAN,
        () -> {
          scanning = false;
          List<String> lines = new ArrayList<>();
          for (WifiMedium.HeardAp heard : air.visibleFrom(mac)) {
            WifiMedium.SoftAp ap = heard.ap();
            lines.add(
                String.format(
                    Locale.ROOT,
                    "+CWLAP:(%d,\"%s\",%d,\"%s\",%d,-1,-1,4,4,7,0)",
                    ap.encryption(),
                    escape(ap.ssid()),
                    heard.rssiDbm(),
                    ap.mac(),
                    ap.channel()));
          }
          lines.add("OK");
          reply(lines.toArray(String[]::new));
        });
  }

  private void intArg(List<String> args, int min, int max, java.util.function.IntConsumer apply) {
    if (args.size() != 1) {
      fail(PARAM_COUNT);
      return;
    }
    int v = parse(args.get(0), min, max);
    if (v < 0) {
      fail(PARAM_INVALID);
      return;
    }
    apply.accept(v);
    reply("OK");
  }

  private void fail(int kind) {
    if (syslog) {
      reply(String.format(Locale.ROOT, "ERR CODE:0x01%02X0000", kind), "ERROR");
    } else {
      reply("ERROR");
    }
  }

  /** Parses a non-negative integer in range; -1 when it is not one. */
  private static int parse(String text, int min, int max) {
    if (!text.matches("\\d{1,5}")) {
      return -1;
    }
    int v = Integer.parseInt(text);
    return v < min || v > max ? -1 : v;
  }

  /** Splits AT arguments on commas outside quotes, unquoting and resolving backslash escapes. */
  static List<String> splitArgs(String text) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\' && i + 1 < text.length()) {
        current.append(text.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        args.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    args.add(current.toString());
    return args;
  }

  private static String escape(String ssid) {
    return ssid.replace("\\", "\\\\").replace("\"", "\\\"").replace(",", "\\,");
  }
}
