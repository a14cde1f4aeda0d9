package org.hexproof.gateway.app;

import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.server.WitnessFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default listener of a stand-alone gateway server: one log line per beacon heard. */
final class LoggingUplinkListener implements UplinkListener {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingUplinkListener.class);

  @Override
  public void onBeacon(WitnessFields witness) {
    LOG.info(
        "beacon heard by {} at {} Hz {}: {} ddBm, SNR {} ddB",
        witness.gateway(),
        witness.frequencyHz(),
        witness.dataRate(),
        witness.signalDdbm(),
        witness.snrDdb());
  }

  @Override
  public void onPacket(Eui64 gateway, Rxpk packet) {
    LOG.debug(
        "packet from {}: {} bytes at {} MHz", gateway, packet.data().length(), packet.freqMhz());
  }
}
