package org.hexproof.bridge.concentrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.radio.TransmitRefusedException;
import org.hexproof.bridge.radio.TransmitResult;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.emulator.TxAckBehaviour;
import org.hexproof.gateway.regulation.RefusalReason;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Modulation;
import org.hexproof.gateway.semtech.PhyPayload;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.TxAckError;
import org.hexproof.gateway.semtech.Txpk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The concentrator radio against lora-gateway's {@link EmulatedForwarder} over real UDP on
 * 127.0.0.1: beacons out as txpk within the EU868 rules, beacons in from rxpk.
 */
@Timeout(30)
class ConcentratorRadioIT {
  private static final Eui64 EUI = Eui64.parse("AA555A0000000001");
  private static final LoraDataRate SF12 = LoraDataRate.parse("SF12BW125");
  private static final long CH0_HZ = Region.EU868.plan().channelsHz().get(0);
  private static final Duration ACK = Duration.ofSeconds(2);

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private ConcentratorRadio radio(
      Optional<String> only, int gainDdbi, Duration dutyWindow, Duration txAckTimeout) {
    ConcentratorRadio radio =
        new ConcentratorRadio(
            new ConcentratorSettings("127.0.0.1", 0, only),
            Region.EU868,
            gainDdbi,
            Clock.systemUTC(),
            txAckTimeout,
            dutyWindow);
    radio.start();
    open.add(radio);
    radio.configure(RadioSettings.interop(CH0_HZ, SF12, 13));
    return radio;
  }

  private ConcentratorRadio radio(Optional<String> only, int gainDdbi, Duration dutyWindow) {
    // room for a TX_ACK on a loaded machine; only the silence test waits for a timeout
    return radio(only, gainDdbi, dutyWindow, Duration.ofSeconds(3));
  }

  private ConcentratorRadio radio() {
    return radio(Optional.empty(), 30, ConcentratorRadio.DUTY_CYCLE_WINDOW);
  }

  private EmulatedForwarder connect(Eui64 eui, ConcentratorRadio radio) {
    EmulatedForwarder forwarder = new EmulatedForwarder(eui, radio.localAddress());
    open.add(forwarder);
    assertThat(forwarder.pullData(ACK)).as("PULL_ACK").isTrue();
    return forwarder;
  }

  private static byte[] beaconFrame(int fill) {
    byte[] data = new byte[Beacon.PAYLOAD_BYTES];
    Arrays.fill(data, (byte) fill);
    return new Beacon(data, CH0_HZ, SF12.toProto().orElseThrow()).frame();
  }

  private static Rxpk rxpk(byte[] phy, String datr, int rssisDbm, double snrDb) {
    return new Rxpk(
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.of(1_000),
        OptionalLong.empty(),
        new BigDecimal("867.3"),
        OptionalInt.of(1),
        OptionalInt.of(0),
        OptionalInt.empty(),
        OptionalInt.of(1),
        Modulation.LORA,
        new Datr.Lora(datr),
        Optional.of("4/5"),
        OptionalInt.of(rssisDbm + 2),
        OptionalInt.of(rssisDbm),
        OptionalDouble.of(snrDb),
        OptionalLong.empty(),
        phy.length,
        PhyPayload.of(phy),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        List.of());
  }

  private static void push(EmulatedForwarder forwarder, Rxpk... packets) {
    assertThat(forwarder.push(new PushPayload(List.of(packets), Optional.empty()), ACK))
        .as("PUSH_ACK")
        .isTrue();
  }

  @Test
  void sends_a_beacon_as_an_immediate_txpk_and_reports_the_power_the_tx_ack_names()
      throws Exception {
    ConcentratorRadio radio = radio();
    EmulatedForwarder forwarder = connect(EUI, radio);
    forwarder.answerDownlinksWith(TxAckBehaviour.reducePower(11));
    byte[] frame = beaconFrame(0x42);

    TransmitResult result = radio.transmit(frame);

    assertThat(result.actualPowerDbm()).hasValue(11);
    assertThat(result.payloadBytes()).isEqualTo(52);
    assertThat(result.timeOnAir()).isBetween(Duration.ofMillis(2400), Duration.ofMillis(2600));
    Txpk txpk = forwarder.awaitDownlink(ACK);
    assertThat(txpk.imme()).isTrue();
    assertThat(txpk.frequencyHz()).isEqualTo(CH0_HZ);
    assertThat(txpk.datr()).isEqualTo(new Datr.Lora("SF12BW125"));
    assertThat(txpk.codr()).hasValue("4/5");
    assertThat(txpk.ipol()).isFalse();
    // radio.md §2.2 step 7: trunc((161 - 30) / 10) = 13 dBm
    assertThat(txpk.powerDbm()).hasValue(13);
    assertThat(txpk.data().toArray()).isEqualTo(frame);
  }

  @Test
  void a_heard_beacon_arrives_with_rssi_snr_and_frequency_and_nothing_else_does() throws Exception {
    ConcentratorRadio radio = radio();
    EmulatedForwarder forwarder = connect(EUI, radio);
    BlockingQueue<ReceivedFrame> heard = new LinkedBlockingQueue<>();
    radio.startReceiving(heard::add);
    byte[] beacon = beaconFrame(0x17);
    byte[] dataUp = Arrays.copyOf(beacon, 20);
    dataUp[0] = 0x40; // an unconfirmed data uplink, no beacon

    push(forwarder, rxpk(dataUp, "SF12BW125", -90, 5), rxpk(beacon, "SF7BW125", -90, 5));
    push(forwarder, rxpk(beacon, "SF12BW125", -101, -3.5));

    ReceivedFrame frame = heard.poll(5, TimeUnit.SECONDS);
    assertThat(frame).isNotNull();
    assertThat(frame.payload()).isEqualTo(beacon);
    assertThat(frame.rssiDbm()).as("rssis, not rssi").isEqualTo(-101);
    assertThat(frame.snrDb()).isEqualTo(-3.5);
    assertThat(frame.frequencyHz()).isEqualTo(867_300_000L);
    assertThat(heard).as("the data uplink and the SF7 beacon were not delivered").isEmpty();
    assertThat(radio.framesIgnored()).as("the beacon at another datarate").isEqualTo(1);

    radio.stopReceiving();
    push(forwarder, rxpk(beaconFrame(0x18), "SF12BW125", -101, -3.5));
    assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(radio.framesIgnored()).isEqualTo(2);
  }

  @Test
  void a_duty_cycle_refusal_is_thrown_and_counted_and_nothing_is_sent() throws Exception {
    // a 5-minute window holds 3 s of airtime at 1 %: one 2.47 s SF12 beacon, not two
    ConcentratorRadio radio = radio(Optional.empty(), 30, Duration.ofMinutes(5));
    EmulatedForwarder forwarder = connect(EUI, radio);
    radio.transmit(beaconFrame(1));

    assertThatThrownBy(() -> radio.transmit(beaconFrame(2)))
        .isInstanceOfSatisfying(
            TransmitRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RefusalReason.DUTY_CYCLE_EXCEEDED.message());
              assertThat(e.earliestAllowed()).isPresent();
              assertThat(e.getMessage()).contains("duty cycle exceeded").contains("allowed again");
            });

    assertThat(radio.refusalCounts()).containsEntry(RefusalReason.DUTY_CYCLE_EXCEEDED, 1L);
    Thread.sleep(200);
    assertThat(forwarder.downlinks()).hasSize(1);
  }

  @Test
  void an_antenna_too_strong_for_the_region_eirp_is_refused_for_good() {
    // 20 dBi: trunc((161 - 200) / 10) = -3 dBm conducted, 17.0 dBm EIRP > 16.1
    ConcentratorRadio radio = radio(Optional.empty(), 200, ConcentratorRadio.DUTY_CYCLE_WINDOW);
    EmulatedForwarder forwarder = connect(EUI, radio);

    assertThatThrownBy(() -> radio.transmit(beaconFrame(1)))
        .isInstanceOfSatisfying(
            TransmitRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("EIRP exceeded");
              assertThat(e.earliestAllowed()).isEmpty();
            });
    assertThat(radio.refusalCounts()).containsEntry(RefusalReason.EIRP_EXCEEDED, 1L);
    assertThat(forwarder.downlinks()).isEmpty();
  }

  @Test
  void tx_ack_errors_silence_and_a_missing_forwarder_are_distinct_failures() {
    ConcentratorRadio radio = radio();
    assertThatThrownBy(() -> radio.transmit(beaconFrame(1)))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining(radio.localAddress().toString())
        .hasMessageContaining("server_address");

    EmulatedForwarder forwarder = connect(EUI, radio);
    forwarder.answerDownlinksWith(TxAckBehaviour.fail(TxAckError.TOO_LATE));
    assertThatThrownBy(() -> radio.transmit(beaconFrame(2)))
        .isInstanceOf(RadioException.class)
        .hasMessageContaining("TOO_LATE");

    ConcentratorRadio impatient =
        radio(Optional.empty(), 30, ConcentratorRadio.DUTY_CYCLE_WINDOW, Duration.ofMillis(300));
    connect(EUI, impatient).answerDownlinksWith(TxAckBehaviour.silent());
    assertThatThrownBy(() -> impatient.transmit(beaconFrame(3)))
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("no final reply within 300 ms");

    assertThatThrownBy(() -> radio.transmit(new byte[20]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 52 bytes starting 0xE0");
  }

  @Test
  void with_a_gateway_eui_configured_other_forwarders_are_not_heard_or_used() throws Exception {
    ConcentratorRadio radio = radio(Optional.of("aa555a0000000001"), 30, Duration.ofHours(1));
    BlockingQueue<ReceivedFrame> heard = new LinkedBlockingQueue<>();
    radio.startReceiving(heard::add);
    EmulatedForwarder stranger = connect(Eui64.parse("0102030405060708"), radio);

    push(stranger, rxpk(beaconFrame(5), "SF12BW125", -80, 2));
    assertThatThrownBy(() -> radio.transmit(beaconFrame(6)))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining("AA555A0000000001")
        .hasMessageContaining("offline");

    assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(radio.framesIgnored()).isEqualTo(1);
    assertThat(stranger.downlinks()).isEmpty();
    EmulatedForwarder own = connect(EUI, radio);
    push(own, rxpk(beaconFrame(7), "SF12BW125", -80, 2));
    assertThat(heard.poll(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(radio.localAddress()).isInstanceOf(InetSocketAddress.class);
  }
}
