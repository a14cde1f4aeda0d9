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

  /** The datarate as the verified-PoC feed writes it: "SF12BW125", or {@link #WIFI_DATARATE}. */
  String dataRateName();

  /** The datarate of Wi-Fi beacons and witnesses in the verified-PoC feed (DESIGN.md, feed). */
  String WIFI_DATARATE = "WIFI_2G4";

  /**
   * The radio a feed datarate names: {@link #WIFI_DATARATE} is a Wi-Fi beacon, anything else must
   * be a LoRa datarate.
   *
   * @param dataRate the datarate text, may be null
   * @return the radio
   * @throws IllegalArgumentException naming both accepted forms, when it is neither
   */
  static BeaconRadio parse(String dataRate) {
    if (dataRate != null && WIFI_DATARATE.equalsIgnoreCase(dataRate.trim())) {
      return new Wifi();
    }
    try {
      return new Lora(LoraDataRate.parse(dataRate));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "datarate: expected a LoRa datarate SF<5..12>BW<kHz> such as SF12BW125, or "
              + WIFI_DATARATE
              + ", got "
              + (dataRate == null ? "null" : "\"" + dataRate + "\""),
          e);
    }
  }

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

    @Override
    public String dataRateName() {
      return dataRate.name();
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

    @Override
    public String dataRateName() {
      return WIFI_DATARATE;
    }
  }
}
