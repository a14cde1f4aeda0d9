package org.hexproof.gateway.server;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;

/** Turns received packets into witness fields (radio.md §2.3). */
final class Uplinks {
  /** Bound on the cache: forwarders send a handful of datr strings; hostile input sends many. */
  private static final int MAX_CACHED_DATA_RATES = 256;

  /** Parsed {@code datr} strings: a handful of distinct values, parsed once each. */
  private static final Map<String, Optional<DataRate>> DATA_RATES = new ConcurrentHashMap<>();

  /** Weakest signal a concentrator reports, dBm (SX130x sensitivity is about −140 dBm). */
  static final int MIN_RSSI_DBM = -200;

  /** Strongest signal a receiver survives, dBm (SX130x maximum input is about +10 dBm). */
  static final int MAX_RSSI_DBM = 30;

  /** Largest |SNR| a LoRa demodulator reports, dB (SX130x reports −20..+20 and a margin). */
  static final double MAX_ABS_SNR_DB = 50;

  private Uplinks() {}

  private static Optional<DataRate> wireDataRate(String datr) {
    try {
      return LoraDataRate.parse(datr).toProto();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The witness fields of a received beacon: CRC OK, LoRa, a 52-byte Proprietary frame, a datarate
   * the wire enum knows, and a signal reading. Anything else is not a beacon.
   */
  static Optional<WitnessFields> beacon(Eui64 gateway, Rxpk rxpk) {
    byte[] phy = rxpk.data().toArray();
    if (!rxpk.crcOk() || !Beacon.isBeaconFrame(phy) || !(rxpk.datr() instanceof Datr.Lora lora)) {
      return Optional.empty();
    }
    Optional<DataRate> rate = DATA_RATES.get(lora.text());
    if (rate == null) {
      rate = wireDataRate(lora.text());
      if (DATA_RATES.size() < MAX_CACHED_DATA_RATES) {
        DATA_RATES.put(lora.text(), rate);
      }
    }
    if (rate.isEmpty() || rxpk.bestRssiDbm().isEmpty()) {
      return Optional.empty();
    }
    int rssiDbm = rxpk.bestRssiDbm().getAsInt();
    double snrDb = rxpk.snrDb().orElse(0.0);
    // A reading no radio can produce is not evidence of coverage; it would also overflow tenths.
    if (rssiDbm < MIN_RSSI_DBM || rssiDbm > MAX_RSSI_DBM || Math.abs(snrDb) > MAX_ABS_SNR_DB) {
      return Optional.empty();
    }
    int snrDdb = (int) Math.round(snrDb * 10);
    return Optional.of(
        new WitnessFields(
            gateway,
            Arrays.copyOfRange(phy, 1, phy.length),
            rssiDbm * 10,
            snrDdb,
            rxpk.frequencyHz(),
            rxpk.tmstUs(),
            rate.get()));
  }
}
