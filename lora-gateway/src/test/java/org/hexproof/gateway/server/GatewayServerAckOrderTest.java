package org.hexproof.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Modulation;
import org.hexproof.gateway.semtech.PhyPayload;
import org.hexproof.gateway.semtech.PushData;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A forwarder that received its PUSH_ACK finds its PUSH_DATA already recorded: the registry and the
 * listener are updated before the ACK is sent.
 */
class GatewayServerAckOrderTest {
  private static final Eui64 EUI = Eui64.parse("AA555A0000000001");
  private static final InetSocketAddress FROM =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 1700);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final GatewayRegistry registry =
      new GatewayRegistry(
          new MutableClock(Instant.parse("2026-11-25T03:00:00Z")), Duration.ofSeconds(60));

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void when_the_push_ack_is_sent_the_push_data_is_already_counted() {
    List<Long> countedAtAck = new ArrayList<>();
    GatewayServer server =
        new GatewayServer(
            registry,
            (d, to) ->
                countedAtAck.add(registry.status(EUI).map(GatewayStatus::pushData).orElse(0L)),
            UplinkListener.ignoring(),
            timer,
            Duration.ofSeconds(1));

    server.onDatagram(pushData(), FROM);

    assertThat(countedAtAck).containsExactly(1L);
  }

  @Test
  void when_the_push_ack_is_sent_the_listener_already_has_the_packet() {
    List<Rxpk> heard = new ArrayList<>();
    List<Integer> heardAtAck = new ArrayList<>();
    UplinkListener listener =
        new UplinkListener() {
          @Override
          public void onBeacon(WitnessFields witness) {}

          @Override
          public void onPacket(Eui64 gateway, Rxpk packet) {
            heard.add(packet);
          }
        };
    GatewayServer server =
        new GatewayServer(
            registry,
            (d, to) -> heardAtAck.add(heard.size()),
            listener,
            timer,
            Duration.ofSeconds(1));

    server.onDatagram(pushData(), FROM);

    assertThat(heardAtAck).containsExactly(1);
  }

  private static byte[] pushData() {
    byte[] phy = {0x40, 0x11, 0x22, 0x33, 0x44, 0x00, 0x01, 0x00, 0x01, 0x0a};
    Rxpk rxpk =
        new Rxpk(
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.of(1_000L),
            OptionalLong.empty(),
            new BigDecimal("868.1"),
            OptionalInt.of(0),
            OptionalInt.of(0),
            OptionalInt.empty(),
            OptionalInt.of(1),
            Modulation.LORA,
            new Datr.Lora("SF7BW125"),
            Optional.of("4/5"),
            OptionalInt.of(-50),
            OptionalInt.empty(),
            OptionalDouble.of(9.0),
            OptionalLong.empty(),
            phy.length,
            PhyPayload.of(phy),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            Optional.empty(),
            List.of());
    return new PushData(
            Token.of((byte) 0x12, (byte) 0x34),
            EUI,
            new PushPayload(List.of(rxpk), Optional.empty()))
        .encode();
  }
}
