package org.hexproof.fieldtests.fleet;

/** The radio a simulated hotspot beacons and listens with. */
public enum Radio {
  /** RAK3172 on a serial line (RUI3 LoRa P2P), one listen channel. */
  RAK3172,
  /** Microchip RN2483 on a serial line, one listen channel. */
  RN2483,
  /** Seeed LoRa-E5 on a serial line, one listen channel. */
  LORA_E5,
  /** A concentrator gateway: Semtech UDP packet forwarder, all eight beacon channels. */
  CONCENTRATOR,
  /** An ESP32 with ESP-AT on a pseudo-terminal: 2.4 GHz soft-AP beacons and scans. */
  WIFI;

  /** Whether this is a single-channel LoRa module on a serial line. */
  public boolean isSerialLora() {
    return this == RAK3172 || this == RN2483 || this == LORA_E5;
  }
}
