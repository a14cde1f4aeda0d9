package org.hexproof.fieldtests.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.rf.LinkBudget;
import org.hexproof.fieldtests.rf.Reception;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.gateway.beacon.BeaconTransmitter;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Txpk;
import org.hexproof.gateway.server.DownlinkResult;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.server.WitnessFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three simulated forwarders in Amsterdam (EU868, urban) against a real gateway server on loopback
 * UDP: the server beacons through A; B, 2 km away, hears it over the simulated air and witnesses
 * it; C, 60 km away, does not.
 */
@Tag("fleet")
class SimulatedForwarderIT {
  private static final long SEED = 2026;
  private static final int GAIN_DDBI = 58;
  private static final HexFormat HEX = HexFormat.of();

  private final List<WitnessFields> witnesses = new CopyOnWriteArrayList<>();
  private final List<Rxpk> otherPackets = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService air;
  private LoopbackGateway gateway;
  private SimulatedMedium medium;
  private SimulatedForwarder a;
  private SimulatedForwarder b;
  private SimulatedForwarder c;

  @BeforeEach
  void given_a_gateway_server_and_three_forwarders_on_simulated_air() {
    UplinkListener listener =
        new UplinkListener() {
          @Override
          public void onBeacon(WitnessFields witness) {
            witnesses.add(witness);
          }

          @Override
          public void onPacket(Eui64 gateway, Rxpk packet) {
            otherPackets.add(packet);
          }
        };
    gateway = new LoopbackGateway(listener);

    air = Executors.newSingleThreadScheduledExecutor();
    medium = SimulatedMedium.realTime(City.AMSTERDAM.environment(SEED), air);
    LatLng dam = City.AMSTERDAM.center();
    a = start("AA555A0000000001", dam);
    b = start("AA555A0000000002", Geodesy.destination(dam, 90, 2_000));
    c = start("AA555A0000000003", Geodesy.destination(dam, 90, 60_000));
  }

  private SimulatedForwarder start(String eui, LatLng position) {
    return SimulatedForwarder.start(
        ForwarderSite.at(Eui64.parse(eui), Region.EU868, position, GAIN_DDBI),
        gateway.address(),
        medium);
  }

  @AfterEach
  void stop() {
    for (SimulatedForwarder f : new SimulatedForwarder[] {a, b, c}) {
      if (f != null) {
        f.close();
      }
    }
    gateway.close();
    air.shutdownNow();
  }

  private static Beacon heliumBeacon() {
    return BeaconGenerator.generate(
        new Entropy(
            HEX.parseHex("b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09"),
            1677163710,
            0),
        Entropy.local(HEX.parseHex("e94619b0")),
        Region.EU868.plan());
  }

  @Test
  void a_beacon_sent_through_a_is_witnessed_by_b_at_2_km_and_not_by_c_at_60_km() throws Exception {
    Beacon beacon = heliumBeacon();
    BeaconTransmitter transmitter =
        new BeaconTransmitter(gateway.server(), Clock.systemUTC(), Duration.ofHours(1));

    // when
    DownlinkResult sent =
        transmitter
            .transmit(a.site().eui(), beacon, Region.EU868, GAIN_DDBI)
            .get(2, TimeUnit.SECONDS);
    awaitWitnesses(1, Duration.ofSeconds(8)); // SF12, 52 bytes: 2.47 s on air
    Thread.sleep(500); // room for a wrong witness from C or A to arrive

    // then
    assertThat(sent).isInstanceOf(DownlinkResult.Sent.class);
    Txpk txpk = a.udp().downlinks().get(0);
    RadioSettings onAir = TxpkSettings.of(txpk, a.site()).orElseThrow();
    Reception atB = medium.predict(a, b, onAir);
    Reception atC = medium.predict(a, c, onAir);
    assertThat(a.downlinksSent()).isEqualTo(1);
    assertThat(atB.demodulated()).isTrue();
    assertThat(atC.demodulated()).isFalse();

    assertThat(witnesses).hasSize(1);
    WitnessFields witness = witnesses.get(0);
    assertThat(witness.gateway()).isEqualTo(b.site().eui());
    assertThat(witness.data()).isEqualTo(beacon.data());
    assertThat(witness.frequencyHz()).isEqualTo(txpk.frequencyHz());
    assertThat(witness.dataRate()).isEqualTo(DataRate.SF12BW125);
    assertThat(witness.signalDdbm()).isEqualTo(atB.signal().rssiDbm() * 10);
    assertThat(witness.snrDdb()).isEqualTo((int) Math.round(atB.signal().snrDb() * 10));
    assertThat(witness.tmstUs()).isPresent();

    Rxpk rxpk = b.pushed().get(0);
    assertThat(rxpk.crcOk()).isTrue();
    assertThat(rxpk.size()).isEqualTo(Beacon.FRAME_BYTES);
    assertThat(rxpk.frequencyHz()).isEqualTo(txpk.frequencyHz());
    assertThat(rxpk.rssiDbm().getAsInt()).isGreaterThanOrEqualTo(rxpk.rssisDbm().getAsInt());
    assertThat(rxpk.codr()).contains("4/5");
    assertThat(b.unackedPushes()).isZero();

    // the oracle's free-space ceiling (poc-rules.md §3) at the true distance holds
    double meters = Geodesy.distanceMeters(a.site().position(), b.site().position());
    double ceilingDbm =
        txpk.powerDbm().getAsInt()
            + GAIN_DDBI / 10
            + GAIN_DDBI / 10
            - LinkBudget.freeSpacePathLossDb(Math.round(meters), witness.frequencyHz());
    assertThat(witness.signalDdbm() / 10.0).isLessThanOrEqualTo(ceilingDbm);

    assertThat(c.pushed()).isEmpty();
    assertThat(a.pushed()).isEmpty();
    assertThat(otherPackets).isEmpty();
  }

  private void awaitWitnesses(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (witnesses.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
