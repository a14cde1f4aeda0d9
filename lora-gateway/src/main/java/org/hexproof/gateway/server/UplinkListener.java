package org.hexproof.gateway.server;

import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;

/** Receives what forwarders hear; called on the UDP receive thread, so it must not block. */
public interface UplinkListener {
  /** A beacon was heard: the fields of a witness report. */
  void onBeacon(WitnessFields witness);

  /** Any other packet with a good CRC (future packet routing). */
  void onPacket(Eui64 gateway, Rxpk packet);

  /** A listener that drops everything. */
  static UplinkListener ignoring() {
    return new UplinkListener() {
      @Override
      public void onBeacon(WitnessFields witness) {}

      @Override
      public void onPacket(Eui64 gateway, Rxpk packet) {}
    };
  }
}
