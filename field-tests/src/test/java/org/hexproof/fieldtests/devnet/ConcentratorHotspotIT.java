package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.StubOracle;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.fleet.Radio;
import org.hexproof.fieldtests.forwarder.LoopbackGateway;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.server.WitnessFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet concentrator hotspot (its forwarder on real UDP to a real gateway server on 127.0.0.1)
 * delivers through the hotspot daemon's oracle sink: reports that piled up while the oracle refused
 * them reach an HTTP server speaking the oracle's contract (bridge's {@link StubOracle}) in one
 * batch request, in order, once the oracle takes them again.
 */
@Tag("fleet")
@Timeout(30)
class ConcentratorHotspotIT {
  private static final String WITNESS = "/v1/reports/witness";

  @TempDir Path home;
  private final StubOracle oracle = new StubOracle();
  private final LoopbackGateway gateway = new LoopbackGateway(UplinkListener.ignoring());
  private ConcentratorHotspot hotspot;

  @AfterEach
  void stop() {
    if (hotspot != null) {
      hotspot.close();
    }
    gateway.close();
    oracle.close();
  }

  @Test
  void a_backlog_of_witnesses_goes_to_the_oracle_in_one_batch_request() throws Exception {
    oracle.refusePosts(true); // 503: onboarding stays at the head, the witnesses queue behind it
    hotspot = start();
    List<byte[]> heard = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 3; i++) {
      byte[] data = new byte[Beacon.PAYLOAD_BYTES];
      random.nextBytes(data);
      heard.add(data);
      hotspot.witness(
          new WitnessFields(
              hotspot.eui(),
              data,
              -1100,
              55,
              868_100_000L,
              OptionalLong.empty(),
              DataRate.SF12BW125));
    }
    oracle.refusePosts(false);

    Instant deadline = Instant.now().plusSeconds(10);
    while (oracle.received(WITNESS).size() < heard.size() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }

    assertThat(oracle.attempts())
        .filteredOn(a -> a.startsWith("POST /v1/reports/"))
        .containsExactly("POST " + WITNESS + "/batch");
    List<byte[]> reported = new ArrayList<>();
    for (StubOracle.Received r : oracle.received(WITNESS)) {
      reported.add(data(r.body()));
    }
    assertThat(reported).containsExactlyElementsOf(heard);
    assertThat(oracle.received("/v1/hotspots")).hasSize(1);
  }

  private ConcentratorHotspot start() {
    City city = City.VALLETTA;
    return ConcentratorHotspot.start(
        HotspotPlan.honest("gw", Radio.CONCENTRATOR, city.center(), 0),
        home,
        Region.EU868,
        OracleClient.create(oracle.url(), Optional.empty()),
        () -> {
          throw new AssertionError("no beacon in this test");
        },
        gateway.address(),
        SimulatedMedium.manual(city.environment(1), Clock.systemUTC()),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 0));
  }

  private static byte[] data(byte[] signedWitness) throws InvalidProtocolBufferException {
    return WitnessReport.parseFrom(signedWitness).getData().toByteArray();
  }
}
