package org.hexproof.core.radio;

/** The kind of radio a channel plan is for. */
public enum RadioTechnology {
  /** LoRa chirp spread spectrum in a sub-GHz ISM band. */
  LORA,
  /** IEEE 802.11 in the 2.4 GHz band; beacons ride in SoftAP beacon frames. */
  WIFI
}
