package org.hexproof.gateway.semtech;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A packet to transmit, the {@code txpk} object of PULL_RESP (radio.md §1.2). lora_pkt_fwd needs
 * {@code freq}, {@code rfch}, {@code modu}, {@code datr}, {@code size} and {@code data}, so those
 * are required here too. The boolean flags read as false when absent; the canonical encoding always
 * writes {@code imme}, writes {@code ipol} for LoRa (Helium beacons need it false and say so) and
 * {@code ncrc}/{@code nhdr} only when true.
 *
 * <p>{@code size} is kept as declared; {@link #sizeMatchesData()} reports a disagreement with
 * {@code data}. The factories always set it from {@code data}.
 *
 * @param imme send immediately, ignoring the timestamps
 * @param tmstUs send when the concentrator counter reaches this value ({@code tmst}), µs, u32
 * @param tmmsMs send at this GPS time ({@code tmms}), ms since 1980-01-06, ≥ 0
 * @param freqMhz {@code freq}, MHz exactly as written, in (0, 10000)
 * @param rfch RF chain to emit on, ≥ 0
 * @param powerDbm {@code powe}, TX power, dBm
 * @param modu modulation; {@code datr}'s kind must match it
 * @param datr data rate
 * @param codr LoRa coding rate, "4/5" to "4/8"
 * @param fdevHz FSK frequency deviation ({@code fdev}), Hz, ≥ 0
 * @param ipol invert LoRa polarity: true for LoRaWAN downlinks, false for Helium beacons
 * @param preambleSymbols {@code prea}, preamble length, symbols, ≥ 0
 * @param size payload length as declared, 0 to 65535
 * @param data the payload
 * @param ncrc no CRC
 * @param nhdr no LoRa header (implicit mode; sx1302)
 */
public record Txpk(
    boolean imme,
    OptionalLong tmstUs,
    OptionalLong tmmsMs,
    BigDecimal freqMhz,
    int rfch,
    OptionalInt powerDbm,
    Modulation modu,
    Datr datr,
    Optional<String> codr,
    OptionalInt fdevHz,
    boolean ipol,
    OptionalInt preambleSymbols,
    int size,
    PhyPayload data,
    boolean ncrc,
    boolean nhdr) {

  /**
   * Normalises {@code freqMhz} as {@link Rxpk} does.
   *
   * @throws IllegalArgumentException if a value is out of the range documented above or {@code
   *     datr} is not of {@code modu}'s kind
   * @throws NullPointerException if any component is null
   */
  public Txpk {
    Objects.requireNonNull(tmstUs, "tmstUs");
    Objects.requireNonNull(tmmsMs, "tmmsMs");
    Objects.requireNonNull(freqMhz, "freqMhz");
    Objects.requireNonNull(powerDbm, "powerDbm");
    Objects.requireNonNull(modu, "modu");
    Objects.requireNonNull(datr, "datr");
    Objects.requireNonNull(codr, "codr");
    Objects.requireNonNull(fdevHz, "fdevHz");
    Objects.requireNonNull(preambleSymbols, "preambleSymbols");
    Objects.requireNonNull(data, "data");
    if (freqMhz.signum() <= 0 || freqMhz.compareTo(Rxpk.MAX_FREQ_MHZ) >= 0) {
      throw new IllegalArgumentException("txpk.freq: expected (0, 10000) MHz, got " + freqMhz);
    }
    freqMhz = Json.normalize(freqMhz);
    long tmst = tmstUs.orElse(0);
    if (tmst < 0 || tmst > Rxpk.U32_MAX || tmmsMs.orElse(0) < 0 || rfch < 0) {
      throw new IllegalArgumentException(
          "txpk: expected tmst u32, tmms ≥ 0, rfch ≥ 0, got "
              + tmstUs
              + ", "
              + tmmsMs
              + ", "
              + rfch);
    }
    if (fdevHz.orElse(0) < 0 || preambleSymbols.orElse(0) < 0 || size < 0 || size > 0xFFFF) {
      throw new IllegalArgumentException(
          "txpk: expected fdev, prea ≥ 0 and size 0..65535, got "
              + fdevHz
              + ", "
              + preambleSymbols
              + ", "
              + size);
    }
    if (!modu.accepts(datr)) {
      throw new IllegalArgumentException(
          "txpk.datr: expected the kind " + modu + " uses, got " + datr);
    }
  }

  /**
   * A LoRa packet sent as soon as it arrives ({@code imme:true}) on RF chain 0 with the default
   * preamble, CRC and header on: the shape of a Helium beacon.
   *
   * @param frequencyHz centre frequency, Hz, > 0
   * @param datr e.g. {@code "SF12BW125"}
   * @param codr e.g. {@code "4/5"}
   * @param powerDbm TX power, dBm
   * @param ipol invert polarity (false for beacons)
   * @param data payload, copied
   * @throws IllegalArgumentException if {@code frequencyHz} is not in (0, 10 GHz) or {@code datr}
   *     is blank
   */
  public static Txpk loraImmediate(
      long frequencyHz, String datr, String codr, int powerDbm, boolean ipol, byte[] data) {
    return new Txpk(
        true,
        OptionalLong.empty(),
        OptionalLong.empty(),
        BigDecimal.valueOf(frequencyHz, 6),
        0,
        OptionalInt.of(powerDbm),
        Modulation.LORA,
        new Datr.Lora(datr),
        Optional.of(codr),
        OptionalInt.empty(),
        ipol,
        OptionalInt.empty(),
        data.length,
        PhyPayload.of(data),
        false,
        false);
  }

  /** {@code freq} in Hz, truncated: {@code trunc(freqMhz × 10⁶)}. */
  public long frequencyHz() {
    return freqMhz.movePointRight(6).longValue();
  }

  /** Whether the declared {@code size} equals the payload length. */
  public boolean sizeMatchesData() {
    return size == data.length();
  }

  static Txpk fromJson(Json j) throws MalformedDatagramException {
    BigDecimal freq = j.positiveDecimal("freq", Rxpk.MAX_FREQ_MHZ);
    Modulation modu = j.modulation();
    return new Txpk(
        j.optBoolean("imme").orElse(false),
        j.optLong("tmst", 0, Rxpk.U32_MAX),
        j.optLong("tmms", 0, Long.MAX_VALUE),
        freq,
        j.requiredInt("rfch", 0, Integer.MAX_VALUE),
        j.optInt("powe", Integer.MIN_VALUE, Integer.MAX_VALUE),
        modu,
        j.datr(modu),
        j.optString("codr"),
        j.optInt("fdev", 0, Integer.MAX_VALUE),
        j.optBoolean("ipol").orElse(false),
        j.optInt("prea", 0, Integer.MAX_VALUE),
        j.requiredInt("size", 0, 0xFFFF),
        j.payload(),
        j.optBoolean("ncrc").orElse(false),
        j.optBoolean("nhdr").orElse(false));
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("imme", imme);
    tmstUs.ifPresent(v -> o.put("tmst", v));
    tmmsMs.ifPresent(v -> o.put("tmms", v));
    o.put("freq", freqMhz);
    o.put("rfch", rfch);
    powerDbm.ifPresent(v -> o.put("powe", v));
    o.put("modu", modu.name());
    Json.putDatr(o, datr);
    codr.ifPresent(v -> o.put("codr", v));
    fdevHz.ifPresent(v -> o.put("fdev", v));
    if (ipol || modu == Modulation.LORA) {
      o.put("ipol", ipol);
    }
    preambleSymbols.ifPresent(v -> o.put("prea", v));
    o.put("size", size);
    o.put("data", data.toBase64());
    if (ncrc) {
      o.put("ncrc", true);
    }
    if (nhdr) {
      o.put("nhdr", true);
    }
    return o;
  }
}
