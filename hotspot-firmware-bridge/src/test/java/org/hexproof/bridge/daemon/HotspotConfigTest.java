package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.Test;

class HotspotConfigTest {
  private static final Path BASE = Path.of("/etc/hexproof");

  private static Properties example() throws IOException {
    Properties p = new Properties();
    try (InputStream in = HotspotConfig.class.getResourceAsStream("hotspot.example.properties")) {
      p.load(in);
    }
    return p;
  }

  @Test
  void the_documented_example_loads_with_its_values() throws IOException {
    HotspotConfig config = HotspotConfig.fromProperties(example(), BASE);
    assertThat(config.keyFile()).isEqualTo(Path.of("/var/lib/hexproof/hotspot.key"));
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/hexproof/hotspot"));
    assertThat(config.region()).isEqualTo(Region.EU868);
    assertThat(config.radioType()).isEqualTo(RadioType.RAK3172);
    assertThat(config.radioBaud()).isEqualTo(115_200);
    assertThat(config.gainDdbi()).isEqualTo(30);
    assertThat(config.location().resolution()).isEqualTo(12);
    assertThat(config.beaconWindow()).isEqualTo(Duration.ofHours(6));
    assertThat(config.backoff().max()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.batchReports()).isEqualTo(100);
  }

  @Test
  void esp_at_defaults_to_the_wifi_region_and_relative_paths_follow_the_config_file() {
    Properties p = new Properties();
    p.setProperty("key-file", "hotspot.key");
    p.setProperty("oracle.url", "http://localhost:8090");
    p.setProperty("location", "8c1f05a4e4c2bff");
    p.setProperty("radio.type", "esp-at");
    p.setProperty("radio.device", "/dev/ttyUSB1");
    HotspotConfig config = HotspotConfig.fromProperties(p, BASE);
    assertThat(config.region()).isEqualTo(Region.WIFI_2G4);
    assertThat(config.keyFile()).isEqualTo(BASE.resolve("hotspot.key"));
    assertThat(config.dataDir()).isEqualTo(BASE.resolve("data"));
  }

  @Test
  void refuses_unknown_keys_missing_keys_and_bad_values() throws IOException {
    Properties typo = example();
    typo.setProperty("beacon.windw", "6h");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(typo, BASE))
        .hasMessageContaining("beacon.windw");
    Properties missing = example();
    missing.remove("oracle.url");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(missing, BASE))
        .hasMessageContaining("oracle.url: required");
    Properties badDuration = example();
    badDuration.setProperty("beacon.window", "six hours");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(badDuration, BASE))
        .hasMessageContaining("beacon.window");
    Properties wifiInLora = example();
    wifiInLora.setProperty("radio.type", "esp-at");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(wifiInLora, BASE))
        .hasMessageContaining("WIFI-2G4");
    Properties badChannel = example();
    badChannel.setProperty("radio.listen-channel", "8");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(badChannel, BASE))
        .hasMessageContaining("0..7");
    Properties badBatch = example();
    badBatch.setProperty("outbox.batch-reports", "501");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(badBatch, BASE))
        .hasMessageContaining("outbox.batch-reports: expected 1..500, got 501");
  }

  @Test
  void the_documented_concentrator_example_loads_with_its_values() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        HotspotConfig.class.getResourceAsStream("hotspot-gateway.example.properties")) {
      p.load(in);
    }
    HotspotConfig config = HotspotConfig.fromProperties(p, BASE);
    assertThat(config.radioType()).isEqualTo(RadioType.GATEWAY);
    assertThat(config.radioDevice()).isEmpty();
    assertThat(config.concentrator().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.concentrator().port()).isEqualTo(1680);
    assertThat(config.concentrator().gatewayEui()).hasValue("AA555A0000000001");
    assertThat(
            HotspotStatus.of(
                    config, java.util.Optional.empty(), DaemonState.empty(), 0, java.util.List.of())
                .radio())
        .isEqualTo("gateway on UDP 127.0.0.1:1680 for AA555A0000000001");
  }

  @Test
  void gateway_keys_default_and_are_refused_for_serial_radios_and_bad_values() throws IOException {
    Properties gateway = example();
    gateway.setProperty("radio.type", "gateway");
    gateway.remove("radio.device");
    HotspotConfig config = HotspotConfig.fromProperties(gateway, BASE);
    assertThat(config.concentrator().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.concentrator().port()).isEqualTo(1680);
    assertThat(config.concentrator().gatewayEui()).isEmpty();

    Properties onSerial = example();
    onSerial.setProperty("gateway.port", "1700");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(onSerial, BASE))
        .hasMessageContaining(
            "[gateway.port]: only for radio.type gateway, got radio.type rak3172");
    Properties badEui = (Properties) gateway.clone();
    badEui.setProperty("gateway.eui", "AA55");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(badEui, BASE))
        .hasMessageContaining("gateway.eui: expected 16 hex digits")
        .hasMessageContaining("AA55");
    Properties badPort = (Properties) gateway.clone();
    badPort.setProperty("gateway.port", "70000");
    assertThatThrownBy(() -> HotspotConfig.fromProperties(badPort, BASE))
        .hasMessageContaining("gateway.port: expected 0..65535, got 70000");
  }

  @Test
  void durations_take_ms_s_m_h_d() {
    assertThat(HotspotConfig.parseDuration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(HotspotConfig.parseDuration("k", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(HotspotConfig.parseDuration("k", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(HotspotConfig.parseDuration("k", "6h")).isEqualTo(Duration.ofHours(6));
    assertThat(HotspotConfig.parseDuration("k", "1d")).isEqualTo(Duration.ofDays(1));
  }
}
