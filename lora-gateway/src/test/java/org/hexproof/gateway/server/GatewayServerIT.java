package org.hexproof.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.beacon.BeaconTransmitter;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.emulator.TxAckBehaviour;
import org.hexproof.gateway.regulation.RefusalReason;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.semtech.Modulation;
import org.hexproof.gateway.semtech.PhyPayload;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Stat;
import org.hexproof.gateway.semtech.TxAckError;
import org.hexproof.gateway.semtech.Txpk;
import org.hexproof.gateway.udp.UdpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GWMP server on a real loopback socket, driven by emulated packet forwarders. */
class GatewayServerIT {
  private static final Duration WAIT = Duration.ofSeconds(2);
  private static final HexFormat HEX = HexFormat.of();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
  private final List<WitnessFields> beacons = new CopyOnWriteArrayList<>();
  private final List<Rxpk> packets = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService timer;
  private GatewayRegistry registry;
  private GatewayServer server;
  private UdpTransport transport;
  private EmulatedForwarder alpha;
  private EmulatedForwarder bravo;

  @BeforeEach
  void start() {
    timer = Executors.newSingleThreadScheduledExecutor();
    registry = new GatewayRegistry(clock, Duration.ofSeconds(60));
    UplinkListener listener =
        new UplinkListener() {
          @Override
          public void onBeacon(WitnessFields witness) {
            beacons.add(witness);
          }

          @Override
          public void onPacket(Eui64 gateway, Rxpk packet) {
            packets.add(packet);
          }
        };
    UdpTransport[] holder = new UdpTransport[1];
    server =
        new GatewayServer(
            registry, (d, to) -> holder[0].send(d, to), listener, timer, Duration.ofMillis(300));
    transport =
        new UdpTransport(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server);
    holder[0] = transport;
    transport.start();
    alpha = new EmulatedForwarder(Eui64.parse("AA555A0000000001"), transport.localAddress());
    bravo = new EmulatedForwarder(Eui64.parse("AA555A0000000002"), transport.localAddress());
  }

  @AfterEach
  void stop() {
    alpha.close();
    bravo.close();
    transport.close();
    timer.shutdownNow();
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

  private static Rxpk rxpk(byte[] phy, int stat, OptionalInt rssis) {
    return new Rxpk(
        Optional.of("2026-11-25T03:00:00.000000Z"),
        OptionalLong.empty(),
        OptionalLong.of(3512348611L),
        OptionalLong.empty(),
        new BigDecimal("867.900032"),
        OptionalInt.of(2),
        OptionalInt.of(0),
        OptionalInt.empty(),
        OptionalInt.of(stat),
        Modulation.LORA,
        new Datr.Lora("SF12BW125"),
        Optional.of("4/5"),
        OptionalInt.of(-110),
        rssis,
        OptionalDouble.of(3.5),
        OptionalLong.empty(),
        phy.length,
        PhyPayload.of(phy),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        List.of());
  }

  @Test
  void pull_and_push_are_acknowledged_and_counted_per_gateway() {
    assertThat(alpha.pullData(WAIT)).isTrue();
    Stat stat =
        new Stat(
            Optional.of("2026-11-25 03:00:00 GMT"),
            OptionalDouble.of(35.9),
            OptionalDouble.of(14.5),
            OptionalInt.of(40),
            OptionalLong.of(2),
            OptionalLong.of(2),
            OptionalLong.of(2),
            OptionalDouble.of(100.0),
            OptionalLong.of(0),
            OptionalLong.of(0),
            OptionalDouble.empty());
    byte[] uplink = HEX.parseHex("40aabbccdd00010001deadbeef");
    assertThat(
            alpha.push(
                new PushPayload(
                    List.of(
                        rxpk(uplink, 1, OptionalInt.empty()),
                        rxpk(uplink, -1, OptionalInt.empty())),
                    Optional.of(stat)),
                WAIT))
        .isTrue();

    GatewayStatus status = registry.status(alpha.eui()).orElseThrow();
    assertThat(status.online()).isTrue();
    assertThat(status.pullData()).isEqualTo(1);
    assertThat(status.pushData()).isEqualTo(1);
    assertThat(status.rxPackets()).isEqualTo(2);
    assertThat(status.crcFailures()).isEqualTo(1);
    assertThat(status.location()).contains(new GatewayLocation(35.9, 14.5, 40));
    assertThat(packets).hasSize(1);
    assertThat(registry.status(bravo.eui())).isEmpty();
  }

  @Test
  void a_received_beacon_becomes_witness_fields_preferring_the_signal_rssi() {
    Beacon beacon = heliumBeacon();

    assertThat(
            alpha.push(
                new PushPayload(
                    List.of(rxpk(beacon.frame(), 1, OptionalInt.of(-108))), Optional.empty()),
                WAIT))
        .isTrue();

    assertThat(beacons).hasSize(1);
    WitnessFields witness = beacons.get(0);
    assertThat(witness.data()).isEqualTo(beacon.data());
    assertThat(witness.signalDdbm()).isEqualTo(-1080);
    assertThat(witness.snrDdb()).isEqualTo(35);
    assertThat(witness.frequencyHz()).isEqualTo(867_900_032L);
    assertThat(witness.tmstUs()).hasValue(3512348611L);
    assertThat(witness.dataRate()).isEqualTo(DataRate.SF12BW125);
    assertThat(registry.status(alpha.eui()).orElseThrow().beaconsHeard()).isEqualTo(1);
  }

  @Test
  void a_beacon_with_a_failed_crc_is_not_witnessed() {
    alpha.push(
        new PushPayload(
            List.of(rxpk(heliumBeacon().frame(), -1, OptionalInt.empty())), Optional.empty()),
        WAIT);
    assertThat(beacons).isEmpty();
  }

  @Test
  void beacon_goes_out_as_the_txpk_gateway_rs_sends_and_its_tx_ack_completes_it() throws Exception {
    alpha.pullData(WAIT);
    BeaconTransmitter transmitter = new BeaconTransmitter(server, clock, Duration.ofHours(1));
    Beacon beacon = heliumBeacon();

    DownlinkResult result =
        transmitter.transmit(alpha.eui(), beacon, Region.EU868, 12).get(2, TimeUnit.SECONDS);
    Txpk txpk = alpha.downlinks().get(0);

    assertThat(result).isEqualTo(new DownlinkResult.Sent(OptionalInt.empty()));
    assertThat(txpk.imme()).isTrue();
    assertThat(txpk.frequencyHz()).isEqualTo(867_900_000L);
    assertThat(txpk.datr()).isEqualTo(new Datr.Lora("SF12BW125"));
    assertThat(txpk.codr()).contains("4/5");
    assertThat(txpk.ipol()).isFalse();
    assertThat(txpk.powerDbm()).hasValue(14); // trunc((161 - 12) / 10)
    assertThat(txpk.data().toArray()).isEqualTo(beacon.frame());
  }

  @Test
  void each_tx_ack_outcome_is_a_distinct_result() throws Exception {
    alpha.pullData(WAIT);
    Txpk txpk = Txpk.loraImmediate(868_100_000L, "SF7BW125", "4/5", 14, true, new byte[] {1, 2});

    alpha.answerDownlinksWith(TxAckBehaviour.fail(TxAckError.COLLISION_BEACON));
    assertThat(server.send(alpha.eui(), txpk).get(2, TimeUnit.SECONDS))
        .isEqualTo(new DownlinkResult.Failed(TxAckError.COLLISION_BEACON));

    alpha.answerDownlinksWith(TxAckBehaviour.fail(TxAckError.TOO_LATE));
    assertThat(server.send(alpha.eui(), txpk).get(2, TimeUnit.SECONDS))
        .isEqualTo(new DownlinkResult.Failed(TxAckError.TOO_LATE));

    alpha.answerDownlinksWith(TxAckBehaviour.reducePower(12));
    assertThat(server.send(alpha.eui(), txpk).get(2, TimeUnit.SECONDS))
        .isEqualTo(new DownlinkResult.Sent(OptionalInt.of(12)));

    alpha.answerDownlinksWith(TxAckBehaviour.silent());
    assertThat(server.send(alpha.eui(), txpk).get(2, TimeUnit.SECONDS))
        .isEqualTo(new DownlinkResult.TimedOut());
    assertThat(server.downlinksInFlight()).isZero();
    assertThat(registry.status(alpha.eui()).orElseThrow().downlinkErrors()).isEqualTo(3);
  }

  @Test
  void a_gateway_without_pull_data_for_60_s_is_offline_until_the_next_one() throws Exception {
    alpha.pullData(WAIT);
    Txpk txpk = Txpk.loraImmediate(868_100_000L, "SF7BW125", "4/5", 14, true, new byte[] {1});

    clock.advance(Duration.ofSeconds(60));
    assertThat(registry.status(alpha.eui()).orElseThrow().online()).isFalse();
    assertThat(server.send(alpha.eui(), txpk).get(2, TimeUnit.SECONDS))
        .isEqualTo(new DownlinkResult.GatewayOffline());
    assertThat(alpha.downlinks()).isEmpty();

    alpha.pullData(WAIT);
    assertThat(server.send(alpha.eui(), txpk).get(2, TimeUnit.SECONDS))
        .isInstanceOf(DownlinkResult.Sent.class);
  }

  @Test
  void the_fifteenth_sf12_beacon_in_an_hour_is_refused_by_the_duty_cycle_before_sending()
      throws Exception {
    alpha.pullData(WAIT);
    BeaconTransmitter transmitter = new BeaconTransmitter(server, clock, Duration.ofHours(1));
    Beacon beacon = heliumBeacon();
    for (int i = 0; i < 14; i++) {
      assertThat(
              transmitter.transmit(alpha.eui(), beacon, Region.EU868, 12).get(2, TimeUnit.SECONDS))
          .isInstanceOf(DownlinkResult.Sent.class);
      clock.advance(Duration.ofSeconds(3));
    }

    DownlinkResult fifteenth =
        transmitter.transmit(alpha.eui(), beacon, Region.EU868, 12).get(2, TimeUnit.SECONDS);

    assertThat(fifteenth).isInstanceOf(DownlinkResult.Refused.class);
    assertThat(((DownlinkResult.Refused) fifteenth).refusal().reason())
        .isEqualTo(RefusalReason.DUTY_CYCLE_EXCEEDED);
    assertThat(alpha.downlinks()).hasSize(14);
  }

  @Test
  void malformed_datagrams_get_no_reply_are_counted_and_other_gateways_carry_on() {
    bravo.sendRaw(new byte[] {2, 1});
    bravo.sendRaw(new byte[] {9, 1, 2, 2, 1, 2, 3, 4, 5, 6, 7, 8});
    bravo.sendRaw(HEX.parseHex("0201020000000000000000017b"));

    assertThat(alpha.pullData(WAIT)).isTrue();
    assertThat(server.malformedCounts().get(MalformedDatagramException.Reason.TOO_SHORT))
        .isEqualTo(1);
    assertThat(server.malformedCounts().get(MalformedDatagramException.Reason.BAD_VERSION))
        .isEqualTo(1);
    assertThat(server.malformedCounts().get(MalformedDatagramException.Reason.BAD_JSON))
        .isEqualTo(1);
    assertThat(registry.status(bravo.eui())).isEmpty();
    assertThat(transport.handlerFailures()).isZero();
  }
}
