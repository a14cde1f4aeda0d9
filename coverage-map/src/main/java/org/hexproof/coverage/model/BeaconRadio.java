package org.hexproof.coverage.model;

import java.util.Objects;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.RadioTechnology;

/**
 * The radio a hotspot beacons with, which fixes the receiver sensitivity at the coverage edge and
 * the H3 resolution its coverage is mapped at.
 */
public sealed interface BeaconRadio {

  /** H3 resolution of LoRa coverage cells: community mappers mapped LoRa at res 9 (≈ 0.1 km²). */
  int LORA_RESOLUTION = 9;

  /** H3 resolution of Wi-Fi coverage cells: HIP 74/93 count coverage in res-12 hexes. */
  int WIFI_RESOLUTION = 12;

  /** The technology, for thresholds and for keeping LoRa and Wi-Fi maps apart. */
  RadioTechnology technology();

  /** The weakest RSSI still counted as coverage, in dBm. */
  double sensitivityDbm();

  /** The H3 resolution the coverage is mapped at. */
  int cellResolution();

  /**
   * Resolution used for a technology.
   *
   * @param technology not null
   * @return {@link #LORA_RESOLUTION} or {@link #WIFI_RESOLUTION}
   */
  static int resolutionOf(RadioTechnology technology) {
    return technology == RadioTechnology.WIFI ? WIFI_RESOLUTION : LORA_RESOLUTION;
  }

  /**
   * A LoRa beacon at a datarate.
   *
   * @param dataRate the beacon's spreading factor and bandwidth, not null
   */
  record Lora(LoraDataRate dataRate) implements BeaconRadio {
    /** Validates. */
    public Lora {
      Objects.requireNonNull(dataRate, "dataRate");
    }

    @Override
    public RadioTechnology technology() {
      return RadioTechnology.LORA;
    }

    @Override
    public double sensitivityDbm() {
      return Sensitivity.loraDbm(dataRate);
    }

    @Override
    public int cellResolution() {
      return LORA_RESOLUTION;
    }
  }

  /** A Wi-Fi beacon (SoftAP beacon frames). */
  record Wifi() implements BeaconRadio {
    @Override
    public RadioTechnology technology() {
      return RadioTechnology.WIFI;
    }

    @Override
    public double sensitivityDbm() {
      return Sensitivity.WIFI_DBM;
    }

    @Override
    public int cellResolution() {
      return WIFI_RESOLUTION;
    }
  }
}
