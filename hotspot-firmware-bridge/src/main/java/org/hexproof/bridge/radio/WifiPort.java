package org.hexproof.bridge.radio;

import java.util.List;

/** A WiFi module that can advertise a soft access point and scan for others. */
public interface WifiPort extends AutoCloseable {

  /**
   * Starts an open soft access point (it only has to beacon its SSID).
   *
   * @param ssid 1..32 bytes of UTF-8
   * @param channel 1..14; which channels are allowed depends on the module's country setting
   * @throws RadioException when the module refuses, with its error text
   * @throws CommandTimeoutException when the module does not answer
   * @throws LinkDownException when the serial link is gone
   */
  void startSoftAp(String ssid, int channel);

  /**
   * Scans for access points; takes seconds on real modules.
   *
   * @return what the module saw, in the module's order; empty when it saw none
   * @throws RadioException, CommandTimeoutException, LinkDownException as {@link #startSoftAp}
   */
  List<AccessPoint> scan();

  /** Stops the port's threads and closes the serial line. Never throws. */
  @Override
  void close();
}
