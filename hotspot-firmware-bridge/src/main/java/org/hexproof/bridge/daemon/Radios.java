package org.hexproof.bridge.daemon;

import java.nio.file.Path;
import java.time.Clock;
import org.hexproof.bridge.concentrator.ConcentratorRadio;
import org.hexproof.bridge.radio.RadioPort;
import org.hexproof.bridge.serial.EspAtDriver;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.LoraE5Driver;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.bridge.serial.Rn2483Driver;
import org.hexproof.bridge.tasks.Workers;

/** Opens the configured radio: a module's driver over its serial device, or a concentrator. */
final class Radios {
  private Radios() {}

  /** A started LoRa radio: the configured module's driver, or a concentrator's server. */
  static RadioPort openLora(
      HotspotConfig config, HotspotDaemon.Options options, Clock clock, Workers workers) {
    if (config.radioType() == RadioType.GATEWAY) {
      ConcentratorRadio radio =
          new ConcentratorRadio(
              config.concentrator(),
              config.region(),
              config.gainDdbi(),
              clock,
              ConcentratorRadio.TX_ACK_TIMEOUT,
              ConcentratorRadio.DUTY_CYCLE_WINDOW);
      radio.start();
      return radio;
    }
    return openLora(config, options, clock, opener(config), workers);
  }

  /** A started LoRa driver for {@code config}'s LoRa module over {@code opener}. */
  static RadioPort openLora(
      HotspotConfig config,
      HotspotDaemon.Options options,
      Clock clock,
      LineChannelOpener opener,
      Workers workers) {
    return switch (config.radioType()) {
      case RAK3172 -> {
        Rak3172Driver d =
            new Rak3172Driver(opener, options.serial(), clock, options.commandTimeout(), workers);
        d.start();
        yield d;
      }
      case RN2483 -> {
        Rn2483Driver d =
            new Rn2483Driver(opener, options.serial(), clock, options.commandTimeout(), workers);
        d.start();
        yield d;
      }
      case LORA_E5 -> {
        LoraE5Driver d =
            new LoraE5Driver(opener, options.serial(), clock, options.commandTimeout(), workers);
        d.start();
        yield d;
      }
      case ESP_AT, GATEWAY ->
          throw new IllegalArgumentException(
              config.radioType().configName() + " is not a serial LoRa module");
    };
  }

  /** A started ESP-AT driver. */
  static EspAtDriver openWifi(
      HotspotConfig config, HotspotDaemon.Options options, Clock clock, Workers workers) {
    EspAtDriver d =
        new EspAtDriver(
            opener(config),
            options.serial(),
            clock,
            options.commandTimeout(),
            options.scanTimeout(),
            workers);
    d.start();
    return d;
  }

  private static LineChannelOpener opener(HotspotConfig config) {
    Path device =
        config
            .radioDevice()
            .orElseThrow(() -> new IllegalArgumentException("radio.device: required"));
    return JsscLineChannel.opener(device, config.radioBaud());
  }
}
