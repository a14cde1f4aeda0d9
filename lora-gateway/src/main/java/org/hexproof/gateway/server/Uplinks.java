package org.hexproof.gateway.server;

import java.util.Arrays;
import java.util.Optional;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;

/** Turns received packets into witness fields (radio.md §2.3). */
final class Uplinks {
  private Uplinks() {}

  /**
   * The witness fields of a received beacon: CRC OK, LoRa, a 52-byte Proprietary frame, a datarate
   * the wire enum knows, and a signal reading. Anything else is not a beacon.
   */
  static Optional<WitnessFields> beacon(Eui64 gateway, Rxpk rxpk) {
    byte[] phy = rxpk.data().toArray();
    if (!rxpk.crcOk() || !Beacon.isBeaconFrame(phy) || !(rxpk.datr() instanceof Datr.Lora lora)) {
      return Optional.empty();
    }
    Optional<DataRate> rate;
    try {
      rate = LoraDataRate.parse(lora.text()).toProto();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (rate.isEmpty() || rxpk.bestRssiDbm().isEmpty()) {
      return Optional.empty();
    }
    int snrDdb = (int) Math.round(rxpk.snrDb().orElse(0.0) * 10);
    return Optional.of(
        new WitnessFields(
            gateway,
            Arrays.copyOfRange(phy, 1, phy.length),
            rxpk.bestRssiDbm().getAsInt() * 10,
            snrDdb,
            rxpk.frequencyHz(),
            rxpk.tmstUs(),
            rate.get()));
  }
}
