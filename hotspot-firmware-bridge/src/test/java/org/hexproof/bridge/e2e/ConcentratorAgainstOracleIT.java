package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.bridge.daemon.StubOracleRig.await;
import static org.hexproof.bridge.daemon.StubOracleRig.fixedLocalEntropy;
import static org.hexproof.bridge.e2e.OracleRig.CELL_A;
import static org.hexproof.bridge.e2e.OracleRig.CELL_B;
import static org.hexproof.bridge.e2e.OracleRig.assertValidWithSelectedWitness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.emulator.EmulatedConcentrator;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.semtech.Eui64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A concentrator hotspot and a module hotspot on one radio medium against a real oracle: G's radio
 * is the packet-forwarder server, with an {@link EmulatedConcentrator} (lora-gateway's emulated
 * forwarder on real UDP) pointed at it; R drives an emulated RAK3172 over a socat pty pair. G's
 * beacon goes out as a txpk and R witnesses it; R's beacon comes in to G as an rxpk and G witnesses
 * it. Both PoCs are verified valid, each with its witness selected, in the oracle's feed.
 */
@Timeout(180)
class ConcentratorAgainstOracleIT {
  private static final Eui64 EUI = Eui64.parse("AA555A0000000001");
  private static final byte[] LOCAL_G = {1, 2, 3, 4};
  private static final byte[] LOCAL_R = {9, 9, 9, 9};

  @TempDir Path dir;
  private OracleRig rig;

  @AfterEach
  void closeAll() {
    rig.close();
  }

  private Properties concentratorConfig() {
    Properties p = rig.baseConfig("g", CELL_A);
    p.setProperty("region", "EU868");
    p.setProperty("radio.type", "gateway");
    p.setProperty("gateway.bind-address", "127.0.0.1");
    p.setProperty("gateway.port", "0");
    p.setProperty("gateway.eui", EUI.toString());
    return p;
  }

  @Test
  void a_concentrator_and_a_rak3172_witness_each_other_and_both_pocs_are_verified_valid()
      throws Exception {
    rig = new OracleRig(dir);
    RealOracle oracle = rig.oracle;
    FixedSignalMedium medium = new FixedSignalMedium(new Signal(-95, 6));
    HotspotDaemon g = rig.start(concentratorConfig(), fixedLocalEntropy(LOCAL_G));
    InetSocketAddress server = g.forwarderAddress().orElseThrow();
    rig.keep(EmulatedConcentrator.start(EUI, server, Region.EU868, medium));
    HotspotDaemon r =
        rig.start(rig.new LoraNode("r", medium).config(CELL_B, 0), fixedLocalEntropy(LOCAL_R));
    rig.awaitRegistered(2);
    oracle.seedReciprocity();
    oracle.advance(Duration.ofSeconds(20));

    // R listens on channel 0 only; the concentrator hears all eight
    Beacon expected = rig.tickUntilChannel(LOCAL_G, 0);
    assertThat(g.beaconNow()).isEqualTo(expected);
    rig.awaitReports(1, 1);
    JsonNode first = rig.verifyIntoFeed(1);
    assertValidWithSelectedWitness(first, g, r);
    assertThat(first.get("beacon").get("location").asText()).isEqualTo(CELL_A);
    assertThat(first.get("witnesses").get(0).get("location").asText()).isEqualTo(CELL_B);

    oracle.advance(Duration.ofSeconds(1));
    oracle.tickEntropy();
    Beacon fromR = r.beaconNow();
    rig.awaitReports(2, 2);
    assertThat(
            oracle.count(
                "SELECT count(*) AS n FROM poc.witness_report"
                    + " WHERE data = $1 AND frequency_hz = $2 AND signal_ddbm = -950"
                    + " AND snr_ddb = 60 AND datarate = 'SF12BW125'",
                fromR.data(),
                fromR.frequencyHz()))
        .as("G's witness carries the rxpk's RSSI, SNR, frequency and datarate")
        .isEqualTo(1);
    JsonNode second = rig.verifyIntoFeed(2);
    assertValidWithSelectedWitness(second, r, g);
    assertThat(second.get("witnesses").get(0).get("location").asText()).isEqualTo(CELL_A);
    assertThat(g.status().witnessesSent()).isEqualTo(1);
    assertThat(g.status().radio()).isEqualTo("gateway on UDP 127.0.0.1:0 for " + EUI);
    await(
        "both outboxes drained",
        Duration.ofSeconds(10),
        () -> g.status().outboxDepth() == 0 && r.status().outboxDepth() == 0);
  }
}
