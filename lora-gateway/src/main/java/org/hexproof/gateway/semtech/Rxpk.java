package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One received packet, an element of PUSH_DATA's {@code rxpk} array (radio.md §1.2): the legacy
 * fields, the sx1302_hal 1.6 additions ({@code mid}, {@code foff}, {@code rssis}, {@code ftime})
 * and the multi-antenna {@code "jver":2} shape ({@code brd}, {@code aesk}, {@code delayed}, {@code
 * rsig}). Only {@code freq}, {@code modu}, {@code datr}, {@code size} and {@code data} are
 * required; the multi-antenna shape moves {@code rssi} and {@code lsnr} into {@code rsig}.
 *
 * <p>{@code size} is kept as declared. When it disagrees with the decoded {@code data} the packet
 * is still accepted (the reference servers don't compare them either) and {@link
 * #sizeMatchesData()} reports it; whoever counts bytes must use {@code data().length()}.
 *
 * @param time UTC receive time as sent, ISO 8601 compact with µs; needs GPS
 * @param tmmsMs GPS time ({@code tmms}), ms since 1980-01-06, ≥ 0
 * @param tmstUs concentrator counter at end of receive ({@code tmst}), µs, u32
 * @param ftimeNs fine timestamp ({@code ftime}), ns since the PPS
 * @param freqMhz centre frequency ({@code freq}), MHz exactly as written, in (0, 10000)
 * @param chan IF channel, ≥ 0
 * @param rfch RF chain, ≥ 0
 * @param mid modem id, ≥ 0
 * @param stat CRC status: 1 OK, -1 failed, 0 no CRC
 * @param modu modulation; {@code datr}'s kind must match it
 * @param datr data rate
 * @param codr coding rate, "4/5" to "4/8" or "OFF"
 * @param rssiDbm channel RSSI ({@code rssi}), dBm
 * @param rssisDbm signal RSSI ({@code rssis}), dBm
 * @param lsnrDb SNR ({@code lsnr}), dB, finite
 * @param foffHz frequency offset ({@code foff}), Hz
 * @param size payload length as declared, 0 to 65535
 * @param data the payload
 * @param jver JSON version, 2 for the multi-antenna shape
 * @param brd board number
 * @param aesk AES key index for {@code etime}
 * @param delayed whether the forwarder held the packet back
 * @param rsig per-antenna signal, empty for the legacy shape; an immutable copy
 */
public record Rxpk(
    Optional<String> time,
    OptionalLong tmmsMs,
    OptionalLong tmstUs,
    OptionalLong ftimeNs,
    BigDecimal freqMhz,
    OptionalInt chan,
    OptionalInt rfch,
    OptionalInt mid,
    OptionalInt stat,
    Modulation modu,
    Datr datr,
    Optional<String> codr,
    OptionalInt rssiDbm,
    OptionalInt rssisDbm,
    OptionalDouble lsnrDb,
    OptionalLong foffHz,
    int size,
    PhyPayload data,
    OptionalInt jver,
    OptionalInt brd,
    OptionalInt aesk,
    Optional<Boolean> delayed,
    List<Rsig> rsig) {
  static final BigDecimal MAX_FREQ_MHZ = new BigDecimal("10000");
  static final long U32_MAX = 0xFFFF_FFFFL;

  /**
   * Normalises {@code freqMhz} (trailing zeros dropped: 869.10 and 869.1 are one frequency).
   *
   * @throws IllegalArgumentException if a value is out of the range documented above, or {@code
   *     datr} is not of {@code modu}'s kind
   * @throws NullPointerException if any component is null
   */
  public Rxpk {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(tmmsMs, "tmmsMs");
    Objects.requireNonNull(tmstUs, "tmstUs");
    Objects.requireNonNull(ftimeNs, "ftimeNs");
    Objects.requireNonNull(freqMhz, "freqMhz");
    Objects.requireNonNull(chan, "chan");
    Objects.requireNonNull(rfch, "rfch");
    Objects.requireNonNull(mid, "mid");
    Objects.requireNonNull(stat, "stat");
    Objects.requireNonNull(modu, "modu");
    Objects.requireNonNull(datr, "datr");
    Objects.requireNonNull(codr, "codr");
    Objects.requireNonNull(rssiDbm, "rssiDbm");
    Objects.requireNonNull(rssisDbm, "rssisDbm");
    Objects.requireNonNull(lsnrDb, "lsnrDb");
    Objects.requireNonNull(foffHz, "foffHz");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(jver, "jver");
    Objects.requireNonNull(brd, "brd");
    Objects.requireNonNull(aesk, "aesk");
    Objects.requireNonNull(delayed, "delayed");
    rsig = List.copyOf(rsig);
    if (freqMhz.signum() <= 0 || freqMhz.compareTo(MAX_FREQ_MHZ) >= 0) {
      throw new IllegalArgumentException("rxpk.freq: expected (0, 10000) MHz, got " + freqMhz);
    }
    freqMhz = Json.normalize(freqMhz);
    check(tmstUs.orElse(0) >= 0 && tmstUs.orElse(0) <= U32_MAX, "tmst", "u32", tmstUs);
    check(tmmsMs.orElse(0) >= 0, "tmms", "≥ 0", tmmsMs);
    check(chan.orElse(0) >= 0, "chan", "≥ 0", chan);
    check(rfch.orElse(0) >= 0, "rfch", "≥ 0", rfch);
    check(mid.orElse(0) >= 0, "mid", "≥ 0", mid);
    check(stat.orElse(0) >= -1 && stat.orElse(0) <= 1, "stat", "-1, 0 or 1", stat);
    check(size >= 0 && size <= 0xFFFF, "size", "0..65535", size);
    check(lsnrDb.isEmpty() || Double.isFinite(lsnrDb.getAsDouble()), "lsnr", "finite", lsnrDb);
    check(modu.accepts(datr), "datr", "the kind " + modu + " uses", datr);
  }

  private static void check(boolean ok, String field, String expected, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(
          "rxpk." + field + ": expected " + expected + ", got " + got);
    }
  }

  /** {@code freq} in Hz, truncated as Helium does: {@code trunc(freqMhz × 10⁶)}. */
  public long frequencyHz() {
    return freqMhz.movePointRight(6).longValue();
  }

  /** Whether the CRC was present and correct ({@code stat} is 1). */
  public boolean crcOk() {
    return stat.orElse(0) == 1;
  }

  /** Whether the declared {@code size} equals the decoded payload length. */
  public boolean sizeMatchesData() {
    return size == data.length();
  }

  /**
   * The strongest RSSI, dBm: for the multi-antenna shape the best antenna's (its {@code rssis},
   * else {@code rssic}); otherwise {@code rssis} (v1.6, what Helium prefers), else {@code rssi}.
   * Empty when the forwarder reported none.
   */
  public OptionalInt bestRssiDbm() {
    if (!rsig.isEmpty()) {
      return rsig.stream().mapToInt(Rsig::bestRssiDbm).max();
    }
    return rssisDbm.isPresent() ? rssisDbm : rssiDbm;
  }

  /** SNR, dB: {@code lsnr}, else the best antenna's; empty for FSK and when none was reported. */
  public OptionalDouble snrDb() {
    if (lsnrDb.isPresent()) {
      return lsnrDb;
    }
    return rsig.stream()
        .map(Rsig::lsnrDb)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .max();
  }

  /**
   * A LoRa packet received with a good CRC ({@code stat} 1) on RF chain 0 in the legacy
   * single-antenna shape, as an emulated or simulated concentrator reports it.
   *
   * @param time UTC receive time, when the forwarder has GPS
   * @param tmstUs concentrator counter at end of receive, when kept
   * @param frequencyHz centre frequency, Hz
   * @param chan IF channel
   * @param datr LoRa data rate, e.g. {@code SF12BW125}
   * @param codr coding rate, e.g. {@code 4/5}
   * @param rssiDbm channel RSSI ({@code rssi})
   * @param rssisDbm signal RSSI ({@code rssis})
   * @param snrDb SNR ({@code lsnr})
   * @param frame the PHY payload
   * @return the packet, {@code size} the frame's length
   */
  public static Rxpk receivedLora(
      Optional<String> time,
      OptionalLong tmstUs,
      long frequencyHz,
      int chan,
      String datr,
      String codr,
      int rssiDbm,
      int rssisDbm,
      double snrDb,
      byte[] frame) {
    return new Rxpk(
        time,
        OptionalLong.empty(),
        tmstUs,
        OptionalLong.empty(),
        BigDecimal.valueOf(frequencyHz, 6),
        OptionalInt.of(chan),
        OptionalInt.of(0),
        OptionalInt.empty(),
        OptionalInt.of(1),
        Modulation.LORA,
        new Datr.Lora(datr),
        Optional.of(codr),
        OptionalInt.of(rssiDbm),
        OptionalInt.of(rssisDbm),
        OptionalDouble.of(snrDb),
        OptionalLong.empty(),
        frame.length,
        PhyPayload.of(frame),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        List.of());
  }

  static Rxpk fromJson(Json j) throws MalformedDatagramException {
    BigDecimal freq = j.positiveDecimal("freq", MAX_FREQ_MHZ);
    Modulation modu = j.modulation();
    List<Rsig> rsig = new ArrayList<>();
    for (Json r : j.objects("rsig")) {
      rsig.add(Rsig.fromJson(r));
    }
    return new Rxpk(
        j.optString("time"),
        j.optLong("tmms", 0, Long.MAX_VALUE),
        j.optLong("tmst", 0, U32_MAX),
        j.optLong("ftime", Long.MIN_VALUE, Long.MAX_VALUE),
        freq,
        j.optInt("chan", 0, Integer.MAX_VALUE),
        j.optInt("rfch", 0, Integer.MAX_VALUE),
        j.optInt("mid", 0, Integer.MAX_VALUE),
        j.optInt("stat", -1, 1),
        modu,
        j.datr(modu),
        j.optString("codr"),
        j.optInt("rssi", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optInt("rssis", Integer.MIN_VALUE, Integer.MAX_VALUE),
        j.optDouble("lsnr"),
        j.optLong("foff", Long.MIN_VALUE, Long.MAX_VALUE),
        j.requiredInt("size", 0, 0xFFFF),
        j.payload(),
        j.optInt("jver", 0, Integer.MAX_VALUE),
        j.optInt("brd", 0, Integer.MAX_VALUE),
        j.optInt("aesk", 0, Integer.MAX_VALUE),
        j.optBoolean("delayed"),
        rsig);
  }

  /** Canonical JSON, fields in the order lora_pkt_fwd writes them. */
  ObjectNode toJson() {
    ObjectNode o = Json.object();
    jver.ifPresent(v -> o.put("jver", v));
    time.ifPresent(v -> o.put("time", v));
    tmmsMs.ifPresent(v -> o.put("tmms", v));
    tmstUs.ifPresent(v -> o.put("tmst", v));
    ftimeNs.ifPresent(v -> o.put("ftime", v));
    chan.ifPresent(v -> o.put("chan", v));
    rfch.ifPresent(v -> o.put("rfch", v));
    o.put("freq", freqMhz);
    mid.ifPresent(v -> o.put("mid", v));
    stat.ifPresent(v -> o.put("stat", v));
    o.put("modu", modu.name());
    Json.putDatr(o, datr);
    codr.ifPresent(v -> o.put("codr", v));
    rssiDbm.ifPresent(v -> o.put("rssi", v));
    rssisDbm.ifPresent(v -> o.put("rssis", v));
    lsnrDb.ifPresent(v -> o.put("lsnr", v));
    foffHz.ifPresent(v -> o.put("foff", v));
    brd.ifPresent(v -> o.put("brd", v));
    aesk.ifPresent(v -> o.put("aesk", v));
    delayed.ifPresent(v -> o.put("delayed", v));
    if (!rsig.isEmpty()) {
      ArrayNode antennas = o.putArray("rsig");
      rsig.forEach(r -> antennas.add(r.toJson()));
    }
    o.put("size", size);
    o.put("data", data.toBase64());
    return o;
  }
}
