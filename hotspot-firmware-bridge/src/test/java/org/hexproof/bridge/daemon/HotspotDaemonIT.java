package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.bridge.daemon.StubOracleRig.OPTIONS;
import static org.hexproof.bridge.daemon.StubOracleRig.await;
import static org.hexproof.bridge.daemon.StubOracleRig.fixedLocalEntropy;
import static org.hexproof.bridge.daemon.StubOracleRig.signer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.emulator.WifiAir;
import org.hexproof.bridge.oracle.StubOracle;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.EspAtDriver;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.core.report.SignedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole daemons against a stub oracle: each drives an emulated module over a real socat pty pair;
 * the LoRa modules share a {@link FixedSignalMedium}, the WiFi modules a {@link WifiAir}.
 */
@Timeout(60)
class HotspotDaemonIT {
  private static final byte[] LOCAL_A = {1, 2, 3, 4};
  @TempDir Path dir;
  private final FixedSignalMedium medium = new FixedSignalMedium(new Signal(-87, 6));
  private final WifiAir air = new WifiAir(-52);
  private StubOracleRig rig;
  private StubOracle oracle;
  private Beacon expected;
  private int beaconChannel;

  @BeforeEach
  void setUp() {
    rig = new StubOracleRig(dir);
    oracle = rig.oracle;
    expected = rig.beaconOf(LOCAL_A, Region.US915.plan());
    beaconChannel = Region.US915.plan().channelsHz().indexOf(expected.frequencyHz());
  }

  @AfterEach
  void closeAll() {
    rig.close();
  }

  private Properties loraConfig(String name) {
    Path moduleEnd = rig.pair(name);
    Rak3172Emulator emulator =
        new Rak3172Emulator(JsscLineChannel.opener(moduleEnd, Rak3172Driver.BAUD), medium);
    rig.keep(emulator);
    emulator.start();
    Properties p = rig.baseConfig(name);
    p.setProperty("region", "US915");
    p.setProperty("radio.type", "rak3172");
    p.setProperty("radio.device", dir.resolve(name + "-host").toString());
    p.setProperty("radio.listen-channel", Integer.toString(beaconChannel));
    return p;
  }

  private Properties wifiConfig(String name, String mac) {
    Path moduleEnd = rig.pair(name);
    EspAtEmulator emulator =
        new EspAtEmulator(JsscLineChannel.opener(moduleEnd, EspAtDriver.BAUD), air, mac);
    rig.keep(emulator);
    emulator.start();
    Properties p = rig.baseConfig(name);
    p.setProperty("radio.type", "esp-at");
    p.setProperty("radio.device", dir.resolve(name + "-host").toString());
    p.setProperty("wifi.scan-interval", "1h");
    return p;
  }

  @Test
  void a_lora_beacon_is_witnessed_once_and_both_signed_reports_reach_the_oracle() throws Exception {
    HotspotDaemon a = rig.start(loraConfig("a"), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b = rig.start(loraConfig("b"), fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    Rak3172Driver replayer = rig.replayer("r", medium, OPTIONS);

    Beacon sent = a.beaconNow();

    assertThat(sent).isEqualTo(expected);
    await(
        "beacon and witness at the oracle",
        () -> rig.beacons().size() == 1 && rig.witnesses().size() == 1);
    BeaconReport beacon = rig.beacons().get(0);
    WitnessReport witness = rig.witnesses().get(0);
    assertThat(SignedMessages.verify(beacon)).isTrue();
    assertThat(SignedMessages.verify(witness)).isTrue();
    assertThat(signer(beacon.getPubKey())).isEqualTo(a.publicKey());
    assertThat(signer(witness.getPubKey())).isEqualTo(b.publicKey());
    assertThat(beacon.getData().toByteArray()).isEqualTo(expected.data());
    assertThat(beacon.getLocalEntropy().toByteArray()).isEqualTo(LOCAL_A);
    assertThat(beacon.getRemoteEntropy()).isEqualTo(oracle.entropy.getData());
    assertThat(beacon.getTxPowerDbm()).isEqualTo(22); // (360 - 30) / 10 = 33 dBm, RAK3172 max 22
    assertThat(witness.getData()).isEqualTo(beacon.getData());
    assertThat(witness.getFrequencyHz()).isEqualTo(beacon.getFrequencyHz());
    assertThat(witness.getDatarate()).isEqualTo(DataRate.SF9BW125).isEqualTo(beacon.getDatarate());
    assertThat(witness.getSignalDdbm()).isEqualTo(-870);
    assertThat(witness.getSnrDdb()).isEqualTo(60);
    assertThat(oracle.received("/v1/hotspots")).hasSize(2);

    // A hears its own beacon and B hears a repeat: neither is reported. A fresh beacon after them
    // is, by both, which also shows the replays were processed.
    replayer.configure(
        RadioSettings.interop(expected.frequencyHz(), LoraDataRate.parse("SF9BW125"), 14));
    replayer.transmit(expected.frame());
    replayer.transmit(expected.frame());
    byte[] fresh = expected.frame();
    Arrays.fill(fresh, 1, fresh.length, (byte) 0x5A);
    replayer.transmit(fresh);
    await("fresh beacon witnessed by both", () -> rig.witnesses().size() == 3);
    assertThat(rig.witnesses())
        .extracting(w -> signer(w.getPubKey()), w -> w.getData().byteAt(0))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(b.publicKey(), witness.getData().byteAt(0)),
            org.assertj.core.groups.Tuple.tuple(a.publicKey(), (byte) 0x5A),
            org.assertj.core.groups.Tuple.tuple(b.publicKey(), (byte) 0x5A));
    assertThat(a.status().lastBeacon())
        .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(expected.id()));
    assertThat(b.status().witnessesSent()).isEqualTo(2);
  }

  @Test
  void a_wifi_beacon_ssid_is_witnessed_once_by_a_scan() throws Exception {
    HotspotDaemon a = rig.start(wifiConfig("a", "aa:bb:cc:00:00:01"), fixedLocalEntropy(LOCAL_A));
    HotspotDaemon b =
        rig.start(wifiConfig("b", "aa:bb:cc:00:00:02"), fixedLocalEntropy(new byte[] {9, 9, 9, 9}));

    Beacon sent = a.beaconNow();

    assertThat(sent.dataRate()).isEqualTo(DataRate.WIFI_2G4);
    assertThat(air.visibleFrom("aa:bb:cc:00:00:02"))
        .extracting(h -> h.ap().ssid(), h -> h.ap().channel())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                WifiBeacons.ssid(sent), WifiBeacons.channelOf(sent.frequencyHz())));
    assertThat(b.scanNow()).isEqualTo(1);
    assertThat(b.scanNow()).isZero();
    assertThat(a.scanNow()).isZero();
    await(
        "beacon and witness at the oracle",
        () -> rig.beacons().size() == 1 && rig.witnesses().size() == 1);
    WitnessReport witness = rig.witnesses().get(0);
    assertThat(SignedMessages.verify(witness)).isTrue();
    assertThat(SignedMessages.verify(rig.beacons().get(0))).isTrue();
    assertThat(signer(witness.getPubKey())).isEqualTo(b.publicKey());
    assertThat(witness.getData().toByteArray()).isEqualTo(Arrays.copyOf(sent.data(), 20));
    assertThat(rig.beacons().get(0).getData().toByteArray())
        .startsWith(witness.getData().toByteArray());
    assertThat(witness.getFrequencyHz()).isEqualTo(sent.frequencyHz());
    assertThat(witness.getDatarate()).isEqualTo(DataRate.WIFI_2G4);
    assertThat(witness.getSignalDdbm()).isEqualTo(-520);
  }

  @Test
  void reports_queued_while_the_oracle_answers_503_arrive_once_after_it_recovers_across_a_restart()
      throws Exception {
    oracle.refusePosts(true);
    HotspotDaemon a = rig.start(loraConfig("a"), fixedLocalEntropy(LOCAL_A));
    Properties bConfig = loraConfig("b");
    HotspotDaemon b = rig.start(bConfig, fixedLocalEntropy(new byte[] {9, 9, 9, 9}));

    a.beaconNow();
    HotspotDaemon witnessing = b;
    await("witness queued", () -> witnessing.status().witnessesSent() == 1);
    await("a few refused attempts", () -> oracle.attempts().size() >= 6);
    assertThat(oracle.received()).isEmpty();
    assertThat(a.status().outboxDepth()).isEqualTo(3); // onboarding, location, beacon
    assertThat(b.status().outboxDepth()).isEqualTo(3); // onboarding, location, witness
    assertThat(b.status().lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));

    b.close();
    b = rig.start(bConfig, fixedLocalEntropy(new byte[] {9, 9, 9, 9}));
    assertThat(b.status().outboxDepth()).isEqualTo(3);
    assertThat(HotspotStatus.read(HotspotConfig.fromProperties(bConfig, dir)).outboxDepth())
        .isEqualTo(3);

    oracle.refusePosts(false);
    HotspotDaemon restarted = b;
    await(
        "both outboxes drained",
        () -> a.status().outboxDepth() == 0 && restarted.status().outboxDepth() == 0);
    assertThat(oracle.received("/v1/hotspots")).hasSize(2);
    assertThat(oracle.received()).filteredOn(r -> r.path().endsWith("/location")).hasSize(2);
    assertThat(rig.beacons()).hasSize(1);
    assertThat(rig.witnesses()).hasSize(1);
    assertThat(rig.witnesses().get(0).getData()).isEqualTo(rig.beacons().get(0).getData());
  }
}
