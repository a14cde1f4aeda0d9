package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.bridge.daemon.StubOracleRig.OPTIONS;
import static org.hexproof.bridge.daemon.StubOracleRig.await;
import static org.hexproof.bridge.daemon.StubOracleRig.fixedLocalEntropy;
import static org.hexproof.bridge.daemon.StubOracleRig.signer;

import java.nio.file.Path;
import java.util.Properties;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle's host is down (connections refused, not 503) while two hotspots witness a beacon and
 * one of them restarts: when the oracle is back, each witness report arrives exactly once.
 */
@Timeout(60)
class OracleOutageIT {
  @TempDir Path dir;
  private final FixedSignalMedium medium = new FixedSignalMedium(new Signal(-87, 6));
  private StubOracleRig rig;

  @BeforeEach
  void setUp() {
    rig = new StubOracleRig(dir);
  }

  @AfterEach
  void closeAll() {
    rig.close();
  }

  private Properties rak3172(String name) {
    rig.keep(
            new Rak3172Emulator(JsscLineChannel.opener(rig.pair(name), Rak3172Driver.BAUD), medium))
        .start();
    Properties p = rig.baseConfig(name);
    p.setProperty("region", "US915");
    p.setProperty("radio.type", "rak3172");
    p.setProperty("radio.device", dir.resolve(name + "-host").toString());
    return p;
  }

  @Test
  void witnesses_made_while_the_oracle_is_unreachable_arrive_once_after_it_returns()
      throws Exception {
    HotspotDaemon a = rig.start(rak3172("a"), fixedLocalEntropy(new byte[] {1, 1, 1, 1}));
    Properties bConfig = rak3172("b");
    HotspotDaemon b = rig.start(bConfig, fixedLocalEntropy(new byte[] {2, 2, 2, 2}));
    Rak3172Driver replayer = rig.replayer("r", medium, OPTIONS);
    await(
        "onboarding and location delivered",
        () -> a.status().outboxDepth() == 0 && b.status().outboxDepth() == 0);

    rig.oracle.unreachable();
    Beacon other = rig.beaconOf(new byte[] {7, 7, 7, 7}, Region.US915.plan());
    long channel0 = Region.US915.plan().channelsHz().get(0);
    replayer.configure(RadioSettings.interop(channel0, LoraDataRate.parse("SF9BW125"), 14));
    replayer.transmit(new Beacon(other.data(), channel0, other.dataRate()).frame());
    await(
        "both witnessed, nothing delivered",
        () -> a.status().witnessesSent() == 1 && b.status().witnessesSent() == 1);
    await(
        "a failed delivery recorded",
        () -> b.status().lastError().filter(e -> !e.isBlank()).isPresent());
    assertThat(a.status().outboxDepth()).isEqualTo(1);
    b.close();
    HotspotDaemon restarted = rig.start(bConfig, fixedLocalEntropy(new byte[] {2, 2, 2, 2}));
    assertThat(restarted.publicKey()).as("the key file is reused").isEqualTo(b.publicKey());
    assertThat(restarted.status().outboxDepth()).isEqualTo(1);
    assertThat(rig.witnesses()).isEmpty();

    rig.oracle.reachableAgain();
    await(
        "both outboxes drained",
        () -> a.status().outboxDepth() == 0 && restarted.status().outboxDepth() == 0);
    assertThat(rig.witnesses())
        .extracting(w -> signer(w.getPubKey()))
        .containsExactlyInAnyOrder(a.publicKey(), restarted.publicKey());
    assertThat(rig.witnesses())
        .allSatisfy(w -> assertThat(w.getData().toByteArray()).isEqualTo(other.data()));
  }
}
