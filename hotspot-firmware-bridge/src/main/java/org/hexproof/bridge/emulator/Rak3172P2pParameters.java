package org.hexproof.bridge.emulator;

import java.util.Locale;
import java.util.Optional;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraBandwidth;
import org.hexproof.core.radio.LoraDataRate;

/**
 * The LoRa P2P parameters of an emulated RAK3172 (radio.md §4.1): what {@code AT+P2P}, {@code
 * AT+SYNCWORD} and {@code AT+IQINVER} set and read back, in RUI3's argument syntax, starting at the
 * firmware defaults. Each setter takes the command's argument text and changes nothing when any
 * field is out of range. Not thread-safe: used on its emulator's thread only.
 */
final class Rak3172P2pParameters {
  private static final String[] BW_INDEX = {
    "125", "250", "500", "7.8", "10.4", "15.63", "20.83", "31.25", "41.67", "62.5"
  };

  private long frequencyHz = 868_000_000L;
  private int spreadingFactor = 7;
  private LoraBandwidth bandwidth = LoraBandwidth.BW125;
  private int codingRate;
  private int preamble = 8;
  private int txPowerDbm = 14;
  private int syncWord = 0x1424;
  private boolean iqInverted;

  /** The {@code AT+P2P=?} value line, e.g. {@code AT+P2P=868000000:7:125:0:8:14}. */
  String p2pLine() {
    return String.format(
        Locale.ROOT,
        "AT+P2P=%d:%d:%s:%d:%d:%d",
        frequencyHz,
        spreadingFactor,
        bandwidth.kilohertzLabel(),
        codingRate,
        preamble,
        txPowerDbm);
  }

  /**
   * Applies {@code <freq Hz>:<sf 5-12>:<bw>:<cr 0-3>:<preamble 5-65535>:<txp 5-22>[:1]}.
   *
   * @return false, with nothing changed, when a field is missing or out of range
   */
  boolean setP2p(String arg) {
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
      return false;
    }
    frequencyHz = freq.get();
    spreadingFactor = sf.get();
    bandwidth = bw.get();
    codingRate = cr.get();
    preamble = pre.get();
    txPowerDbm = power.get();
    return true;
  }

  /** The {@code AT+SYNCWORD=?} value line, four upper-case hex digits. */
  String syncWordLine() {
    return String.format(Locale.ROOT, "AT+SYNCWORD=%04X", syncWord);
  }

  /**
   * Applies a sync word of four hex digits.
   *
   * @return false, with nothing changed, for anything else
   */
  boolean setSyncWord(String arg) {
    if (!arg.matches("[0-9A-Fa-f]{4}")) {
      return false;
    }
    syncWord = Integer.parseInt(arg, 16);
    return true;
  }

  /** The {@code AT+IQINVER=?} value line. */
  String iqInversionLine() {
    return "AT+IQINVER=" + (iqInverted ? 1 : 0);
  }

  /**
   * Applies IQ inversion, {@code 0} or {@code 1}.
   *
   * @return false, with nothing changed, for anything else
   */
  boolean setIqInversion(String arg) {
    if (!arg.equals("0") && !arg.equals("1")) {
      return false;
    }
    iqInverted = arg.equals("1");
    return true;
  }

  /**
   * The settings the radio transmits and listens with: coding rate index 0..3 is 4/5..4/8, sync
   * word {@code 3444} is the public one, and the preamble is at least 6 symbols.
   */
  RadioSettings settings() {
    return new RadioSettings(
        frequencyHz,
        new LoraDataRate(spreadingFactor, bandwidth),
        CodingRate.ofCr(codingRate + 1),
        txPowerDbm,
        Math.max(6, preamble),
        syncWord == 0x3444,
        iqInverted);
  }

  /** A RUI3 decimal argument in {@code min..max}; empty when absent, malformed or out of range. */
  static Optional<Integer> integer(String text, int min, int max) {
    return longValue(text, min, max).map(Long::intValue);
  }

  private static Optional<Long> longValue(String text, long min, long max) {
    if (text == null || !text.matches("-?\\d{1,10}")) {
      return Optional.empty();
    }
    long v = Long.parseLong(text);
    return v < min || v > max ? Optional.empty() : Optional.of(v);
  }

  private static Optional<LoraBandwidth> bandwidth(String text) {
    for (int i = 0; i < BW_INDEX.length; i++) {
      if (text.equals(Integer.toString(i))) {
        return LoraBandwidth.fromKilohertz(BW_INDEX[i]);
      }
    }
    return text.matches("125|250|500") ? LoraBandwidth.fromKilohertz(text) : Optional.empty();
  }
}
