package org.hexproof.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The codec accepts any 32-bit {@code rssi}/{@code rssis} and any finite {@code lsnr}; a beacon
 * reported with a reading no radio can produce must not become witness fields with a wrapped-around
 * value (rssis 214748365 dBm would give −2147483646 ddBm in plain int tenths): such beacons are not
 * witnessed at all.
 */
class WitnessFieldsOverflowTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final InetSocketAddress FROM =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 1700);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<WitnessFields> witnessed = new ArrayList<>();
  private final GatewayServer server =
      new GatewayServer(
          new GatewayRegistry(
              new MutableClock(Instant.parse("2026-11-25T03:00:00Z")), Duration.ofSeconds(60)),
          (d, to) -> {},
          new UplinkListener() {
            @Override
            public void onBeacon(WitnessFields witness) {
              witnessed.add(witness);
            }

            @Override
            public void onPacket(Eui64 gateway, Rxpk packet) {}
          },
          timer,
          Duration.ofSeconds(1));

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void a_beacon_with_an_impossible_rssi_is_not_witnessed() {
    server.onDatagram(beaconPushData("\"rssis\":214748365,\"lsnr\":3.5"), FROM);

    assertThat(witnessed).isEmpty();
  }

  @Test
  void a_beacon_with_an_impossible_snr_is_not_witnessed() {
    server.onDatagram(beaconPushData("\"rssi\":-100,\"lsnr\":1e300"), FROM);

    assertThat(witnessed).isEmpty();
  }

  @Test
  void a_beacon_with_a_plausible_reading_is_witnessed_in_tenths() {
    server.onDatagram(beaconPushData("\"rssis\":-120,\"lsnr\":-7.5"), FROM);

    assertThat(witnessed)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.signalDdbm()).isEqualTo(-1200);
              assertThat(w.snrDdb()).isEqualTo(-75);
            });
  }

  private static byte[] beaconPushData(String signal) {
    Beacon beacon =
        BeaconGenerator.generate(
            new Entropy(
                HEX.parseHex("b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09"),
                1677163710,
                0),
            Entropy.local(HEX.parseHex("e94619b0")),
            Region.EU868.plan());
    String body =
        "{\"rxpk\":[{\"tmst\":1000,\"freq\":"
            + new BigDecimal("867.9")
            + ",\"stat\":1,\"modu\":\"LORA\",\"datr\":\"SF12BW125\",\"codr\":\"4/5\","
            + signal
            + ",\"size\":52,\"data\":\""
            + Base64.getEncoder().encodeToString(beacon.frame())
            + "\"}]}";
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    byte[] header = HEX.parseHex("02abcd00aa555a0000000001");
    byte[] datagram = new byte[header.length + json.length];
    System.arraycopy(header, 0, datagram, 0, header.length);
    System.arraycopy(json, 0, datagram, header.length, json.length);
    return datagram;
  }
}
