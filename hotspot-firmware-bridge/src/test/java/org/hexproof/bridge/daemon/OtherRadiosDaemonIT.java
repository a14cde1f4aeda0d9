package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.bridge.daemon.StubOracleRig.await;
import static org.hexproof.bridge.daemon.StubOracleRig.fixedLocalEntropy;
import static org.hexproof.bridge.daemon.StubOracleRig.signer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.hexproof.bridge.emulator.EmulatedConcentrator;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.LoraE5Emulator;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Rn2483Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.TransmitRefusedException;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.semtech.Eui64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The daemon's other LoRa radios against a stub oracle, in EU868: an RN2483 or a LoRa-E5 module
 * (emulated over a socat pair) beacons to and witnesses a RAK3172 hotspot; a concentrator whose
 * beacon the region's EIRP rule refuses keeps running and witnessing.
 */
@Timeout(60)
class OtherRadiosDaemonIT {
  private static final byte[] LOCAL_X = {1, 2, 3, 4};

  /**
   * EU868 beacons are SF12, about 2.5 s on air; the drivers wait on air time plus the command
   * timeout, which needs room on a loaded 2-core machine.
   */
  private static final HotspotDaemon.Options EU868_OPTIONS =
      new HotspotDaemon.Options(
          StubOracleRig.OPTIONS.serial(),
          Duration.ofSeconds(3),
          StubOracleRig.OPTIONS.scanTimeout(),
          StubOracleRig.OPTIONS.beaconRetry(),
          false);

  @TempDir Path dir;
  private final FixedSignalMedium medium = new FixedSignalMedium(new Signal(-91, 7));
  private StubOracleRig rig;

  @BeforeEach
  void setUp() {
    rig = new StubOracleRig(dir);
  }

  @AfterEach
  void closeAll() {
    rig.close();
  }

  private int channelOf(Beacon beacon) {
    return Region.EU868.plan().channelsHz().indexOf(beacon.frequencyHz());
  }

  /** Local entropy whose beacon falls on the same channel as {@code other}'s. */
  private byte[] sameChannelAs(Beacon other) {
    for (int i = 0; i < 256; i++) {
      byte[] local = {9, 9, 9, (byte) i};
      if (channelOf(rig.beaconOf(local, Region.EU868.plan())) == channelOf(other)) {
        return local;
      }
    }
    throw new AssertionError("no local entropy reaches channel " + channelOf(other));
  }

  private Properties module(String name, RadioType type, int listenChannel) {
    LineChannelOpener moduleEnd = JsscLineChannel.opener(rig.pair(name), type.defaultBaud());
    var emulator =
        switch (type) {
          case RAK3172 -> new Rak3172Emulator(moduleEnd, medium);
          case RN2483 -> new Rn2483Emulator(moduleEnd, medium);
          case LORA_E5 -> new LoraE5Emulator(moduleEnd, medium);
          default -> throw new IllegalArgumentException(type + " is no serial LoRa module");
        };
    rig.keep(emulator).start();
    Properties p = rig.baseConfig(name);
    p.setProperty("region", "EU868");
    p.setProperty("radio.type", type.configName());
    p.setProperty("radio.device", dir.resolve(name + "-host").toString());
    p.setProperty("radio.listen-channel", Integer.toString(listenChannel));
    return p;
  }

  @ParameterizedTest
  @EnumSource(
      value = RadioType.class,
      names = {"RN2483", "LORA_E5"})
  void the_module_sends_a_beacon_that_a_rak3172_witnesses_and_witnesses_one_from_it(RadioType type)
      throws Exception {
    Beacon fromX = rig.beaconOf(LOCAL_X, Region.EU868.plan());
    byte[] localRak = sameChannelAs(fromX);
    HotspotDaemon x =
        rig.start(module("x", type, channelOf(fromX)), fixedLocalEntropy(LOCAL_X), EU868_OPTIONS);
    HotspotDaemon rak =
        rig.start(
            module("rak", RadioType.RAK3172, channelOf(fromX)),
            fixedLocalEntropy(localRak),
            EU868_OPTIONS);

    assertThat(x.beaconNow()).isEqualTo(fromX);
    await("the RAK3172 hotspot witnesses it", () -> rig.witnesses().size() == 1);
    Beacon fromRak = rak.beaconNow();
    await("the " + type.configName() + " hotspot witnesses", () -> rig.witnesses().size() == 2);

    await("both beacon reports", () -> rig.beacons().size() == 2);
    assertThat(rig.beacons())
        .extracting(b -> signer(b.getPubKey()), b -> b.getData().toByteArray().length)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(x.publicKey(), 51),
            org.assertj.core.groups.Tuple.tuple(rak.publicKey(), 51));
    WitnessReport byRak = rig.witnesses().get(0);
    WitnessReport byX = rig.witnesses().get(1);
    assertThat(signer(byRak.getPubKey())).isEqualTo(rak.publicKey());
    assertThat(byRak.getData().toByteArray()).isEqualTo(fromX.data());
    assertThat(signer(byX.getPubKey())).isEqualTo(x.publicKey());
    assertThat(byX.getData().toByteArray()).isEqualTo(fromRak.data());
    assertThat(byX.getFrequencyHz()).isEqualTo(fromRak.frequencyHz());
    assertThat(byX.getSignalDdbm()).isEqualTo(-910);
    assertThat(byX.getSnrDdb()).isEqualTo(70);
  }

  @Test
  void a_concentrator_beacon_refused_for_eirp_sends_nothing_and_the_hotspot_keeps_witnessing()
      throws Exception {
    Eui64 eui = Eui64.parse("AA555A00000000C0");
    Properties config = rig.baseConfig("g");
    config.setProperty("region", "EU868");
    config.setProperty("radio.type", "gateway");
    config.setProperty("gateway.port", "0");
    // 20 dBi: trunc((161 - 200) / 10) = -3 dBm conducted, 17.0 dBm EIRP > EU868's 16.1
    config.setProperty("antenna.gain-ddbi", "200");
    HotspotDaemon g = rig.start(config, fixedLocalEntropy(LOCAL_X), EU868_OPTIONS);
    EmulatedConcentrator concentrator =
        rig.keep(
            EmulatedConcentrator.start(
                eui, g.forwarderAddress().orElseThrow(), Region.EU868, medium));

    assertThatThrownBy(g::beaconNow)
        .isInstanceOf(TransmitRefusedException.class)
        .hasMessageContaining("EIRP exceeded");

    assertThat(g.status().lastError())
        .hasValueSatisfying(e -> assertThat(e).contains("beacon failed").contains("EIRP"));
    await("onboarding and location delivered", () -> g.status().outboxDepth() == 0);
    assertThat(rig.beacons()).as("no beacon report").isEmpty();
    assertThat(concentrator.forwarder().downlinks()).isEmpty();
    Rak3172Driver replayer = rig.replayer("r", medium, EU868_OPTIONS);
    Beacon other = rig.beaconOf(new byte[] {5, 5, 5, 5}, Region.EU868.plan());
    replayer.configure(
        RadioSettings.interop(other.frequencyHz(), LoraDataRate.parse("SF12BW125"), 14));
    replayer.transmit(other.frame());
    await("the concentrator hotspot witnesses", () -> rig.witnesses().size() == 1);
    assertThat(rig.witnesses().get(0).getData().toByteArray()).isEqualTo(other.data());
    assertThat(signer(rig.witnesses().get(0).getPubKey())).isEqualTo(g.publicKey());
    assertThat(rig.beacons()).isEmpty();
    assertThat(g.status().radio()).isEqualTo("gateway on UDP 127.0.0.1:0");
  }
}
