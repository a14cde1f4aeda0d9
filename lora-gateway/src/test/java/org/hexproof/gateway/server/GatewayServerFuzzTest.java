package org.hexproof.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.semtech.DatagramMutations;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.GwmpCodec;
import org.hexproof.gateway.semtech.GwmpPacket;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.semtech.Modulation;
import org.hexproof.gateway.semtech.PhyPayload;
import org.hexproof.gateway.semtech.PullData;
import org.hexproof.gateway.semtech.PushData;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Stat;
import org.hexproof.gateway.semtech.Token;
import org.hexproof.gateway.semtech.TxAck;
import org.hexproof.gateway.semtech.TxAckError;
import org.hexproof.gateway.semtech.Txpk;
import org.hexproof.gateway.semtech.TxpkAck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated datagrams straight to {@link GatewayServer#onDatagram} (no sockets) with
 * a sender that records every reply, and checks the server's contract per datagram:
 *
 * <ul>
 *   <li>no exception escapes;
 *   <li>a datagram the codec rejects gets no reply and adds exactly one to the malformed counters;
 *   <li>a valid PUSH_DATA or PULL_DATA gets exactly one reply, to its sender: a 4-byte PUSH_ACK or
 *       PULL_ACK with the request's version and token;
 *   <li>anything else (TX_ACK, or a valid packet a server never receives) gets no reply;
 * </ul>
 *
 * and at the end that the counters add up: PUSH_DATA + PULL_DATA + matched and unmatched TX_ACK +
 * malformed = datagrams fed, replies = PUSH_DATA + PULL_DATA, and the listener saw exactly the
 * beacons and packets the registry counted.
 *
 * <p>Seeds: valid PUSH_DATA (a received Helium beacon, a plain uplink with a stat, the protocol
 * examples of {@code src/test/resources/vectors}), PULL_DATA (versions 1 and 2), TX_ACK (empty,
 * success, error, and ones answering a downlink really in flight), and the malformed vectors.
 * Mutations: bit flips, random or JSON-syntax bytes, truncations, insertions, deletions, duplicated
 * ranges, and rewrites of the version and type bytes. CI runs 20,000 datagrams; the benchmark
 * profile runs a million:
 *
 * <pre>./mvnw -pl lora-gateway test -Dtest=GatewayServerFuzzTest -Dgwmp.server.fuzz.count=1000000
 * </pre>
 *
 * <p>The seed is random unless {@code -Dgwmp.server.fuzz.seed=N} is given; every failure message
 * starts with it and names the datagram in hex. (The tokens of the downlinks in flight are the
 * server's own random choice, so a replay reproduces every mutation but TX_ACK seeds carry other
 * token bytes; the failing datagram in the message is exact.)
 */
class GatewayServerFuzzTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Eui64 DOWNLINK_GATEWAY = Eui64.parse("AA555A0000000001");
  private static final InetSocketAddress FROM =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 1700);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** A reply the server sent. */
  private record Sent(byte[] datagram, InetSocketAddress to) {}

  @Test
  void every_datagram_gets_the_reply_its_type_calls_for_and_the_counters_add_up() {
    int count = Integer.getInteger("gwmp.server.fuzz.count", 20_000);
    long seed = Long.getLong("gwmp.server.fuzz.seed", new Random().nextLong());
    Random r = new Random(seed);

    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    GatewayRegistry registry = new GatewayRegistry(clock, Duration.ofSeconds(60));
    List<Sent> sent = new ArrayList<>();
    AtomicLong beacons = new AtomicLong();
    AtomicLong packets = new AtomicLong();
    UplinkListener listener =
        new UplinkListener() {
          @Override
          public void onBeacon(WitnessFields witness) {
            beacons.incrementAndGet();
          }

          @Override
          public void onPacket(Eui64 gateway, Rxpk packet) {
            packets.incrementAndGet();
          }
        };
    // Downlinks never time out during the run, so every TX_ACK is either matched or unmatched.
    GatewayServer server =
        new GatewayServer(
            registry, (d, to) -> sent.add(new Sent(d, to)), listener, timer, Duration.ofHours(1));

    List<byte[]> seeds = seeds();
    long fed = 0;
    long downlinksSent = 0;
    byte[] pull = new PullData(Token.of((byte) 0, (byte) 1), DOWNLINK_GATEWAY).encode();
    server.onDatagram(pull, FROM);
    fed++;
    int txAckSeed = -1;
    for (int i = 0; i < count; i++) {
      if (i % 500 == 0) {
        // a downlink in flight, and its TX_ACK as a seed, so that mutants can match it
        sent.clear();
        server.send(
            DOWNLINK_GATEWAY,
            Txpk.loraImmediate(869_525_000L, "SF9BW125", "4/5", 27, true, new byte[] {1, 2, 3}));
        downlinksSent++;
        assertThat(sent).as("seed %d: one PULL_RESP per downlink", seed).hasSize(1);
        byte[] resp = sent.get(0).datagram();
        byte[] ack =
            new TxAck(
                    Token.of(resp[1], resp[2]),
                    DOWNLINK_GATEWAY,
                    r.nextBoolean()
                        ? Optional.empty()
                        : Optional.of(
                            TxpkAck.of(r.nextBoolean() ? TxAckError.NONE : TxAckError.TOO_LATE)))
                .encode();
        if (txAckSeed < 0) {
          txAckSeed = seeds.size();
          seeds.add(ack);
        } else {
          seeds.set(txAckSeed, ack);
        }
      }
      byte[] input =
          r.nextInt(10) == 0
              ? DatagramMutations.random(r)
              : mutate(r, seeds.get(r.nextInt(seeds.size())), r.nextInt(5));
      check(server, sent, seed, i, input);
      fed++;
    }

    long pushData = 0;
    long pullData = 0;
    long txAcksMatched = 0;
    long rxPackets = 0;
    long crcFailures = 0;
    long beaconsHeard = 0;
    for (GatewayStatus s : registry.all()) {
      pushData += s.pushData();
      pullData += s.pullData();
      txAcksMatched += s.downlinks();
      rxPackets += s.rxPackets();
      crcFailures += s.crcFailures();
      beaconsHeard += s.beaconsHeard();
    }
    long malformed = server.malformedCounts().values().stream().mapToLong(Long::longValue).sum();
    String where = "seed " + seed;
    assertThat(pushData + pullData + txAcksMatched + server.unmatchedTxAcks() + malformed)
        .as("%s: accepted + malformed = datagrams fed", where)
        .isEqualTo(fed);
    assertThat(txAcksMatched + server.downlinksInFlight())
        .as("%s: every downlink is matched or still in flight", where)
        .isEqualTo(downlinksSent);
    assertThat(beacons.get()).as("%s: beacons the listener saw", where).isEqualTo(beaconsHeard);
    assertThat(packets.get())
        .as("%s: other packets the listener saw", where)
        .isEqualTo(rxPackets - crcFailures - beaconsHeard);
    assertThat(pushData).as("%s: some mutants should still be PUSH_DATA", where).isPositive();
    assertThat(txAcksMatched).as("%s: some TX_ACKs should match a downlink", where).isPositive();
    assertThat(malformed).as("%s: most mutants should be malformed", where).isPositive();
  }

  private static void check(GatewayServer server, List<Sent> sent, long seed, int i, byte[] input) {
    GwmpPacket expected;
    try {
      expected = GwmpCodec.decode(input);
    } catch (MalformedDatagramException e) {
      expected = null;
    }
    long malformedBefore = malformedTotal(server);
    sent.clear();
    try {
      server.onDatagram(input, FROM);
    } catch (RuntimeException | Error e) {
      throw new AssertionError(where(seed, i, input) + " threw " + e, e);
    }
    long malformedAdded = malformedTotal(server) - malformedBefore;

    boolean acknowledged = expected instanceof PushData || expected instanceof PullData;
    if (!acknowledged) {
      if (!sent.isEmpty()) {
        throw new AssertionError(
            where(seed, i, input)
                + ": expected no reply, got "
                + HEX.formatHex(sent.get(0).datagram()));
      }
      // malformed, or a packet only servers send (counted as an unexpected type); TX_ACK is not
      long expectedAdded = expected instanceof TxAck ? 0 : 1;
      if (malformedAdded != expectedAdded) {
        throw new AssertionError(
            where(seed, i, input)
                + ": expected the malformed counters to grow by "
                + expectedAdded
                + ", got "
                + malformedAdded);
      }
      return;
    }
    if (sent.size() != 1) {
      throw new AssertionError(
          where(seed, i, input) + ": expected exactly one reply, got " + sent.size());
    }
    if (malformedAdded != 0) {
      throw new AssertionError(where(seed, i, input) + ": valid, but counted malformed");
    }
    byte[] reply = sent.get(0).datagram();
    byte ackType = (byte) (expected instanceof PushData ? 0x01 : 0x04);
    if (reply.length != 4
        || reply[0] != input[0]
        || reply[1] != input[1]
        || reply[2] != input[2]
        || reply[3] != ackType
        || !FROM.equals(sent.get(0).to())) {
      throw new AssertionError(
          where(seed, i, input)
              + ": expected the 4-byte ACK "
              + HEX.formatHex(new byte[] {input[0], input[1], input[2], ackType})
              + " to "
              + FROM
              + ", got "
              + HEX.formatHex(reply)
              + " to "
              + sent.get(0).to());
    }
  }

  private static long malformedTotal(GatewayServer server) {
    return server.malformedCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  private static String where(long seed, int i, byte[] input) {
    return "seed " + seed + ", datagram " + i + ": " + HEX.formatHex(input);
  }

  // seeds

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    Eui64 eui = Eui64.parse("AA555A0000000002");
    Token token = Token.of((byte) 0x12, (byte) 0x34);
    seeds.add(
        new PushData(token, eui, new PushPayload(List.of(beaconRxpk()), Optional.empty()))
            .encode());
    seeds.add(
        new PushData(
                token,
                DOWNLINK_GATEWAY,
                new PushPayload(
                    List.of(rxpk(HEX.parseHex("40aabbccdd00010001deadbeef"), 1)),
                    Optional.of(stat())))
            .encode());
    seeds.add(
        new PushData(
                token,
                eui,
                new PushPayload(
                    List.of(beaconRxpk(), rxpk(HEX.parseHex("40aabbccdd00010001"), -1)),
                    Optional.empty()))
            .encode());
    seeds.add(new PullData(token, eui).encode());
    seeds.add(HEX.parseHex("01abcd02aa555a0000000003"));
    seeds.add(new TxAck(token, eui, Optional.empty()).encode());
    seeds.add(new TxAck(token, eui, Optional.of(TxpkAck.of(TxAckError.COLLISION_BEACON))).encode());
    for (String file : List.of("gwmp-examples.json", "gwmp-frames.json", "gwmp-malformed.json")) {
      seeds.addAll(vectors(file));
    }
    return seeds;
  }

  private static Rxpk beaconRxpk() {
    Beacon beacon =
        BeaconGenerator.generate(
            new Entropy(
                HEX.parseHex("b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09"),
                1677163710,
                0),
            Entropy.local(HEX.parseHex("e94619b0")),
            Region.EU868.plan());
    return rxpk(beacon.frame(), 1);
  }

  private static Rxpk rxpk(byte[] phy, int stat) {
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
        OptionalInt.of(-108),
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

  private static Stat stat() {
    return new Stat(
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
  }

  /** The datagrams of one vector file: {@code hex} or {@code header_hex}, then {@code body}. */
  private static List<byte[]> vectors(String file) {
    String path = "/vectors/" + file;
    try (InputStream in = GatewayServerFuzzTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      List<byte[]> out = new ArrayList<>();
      for (JsonNode v : new ObjectMapper().readTree(in).get("vectors")) {
        String head = v.has("hex") ? v.get("hex").asText() : v.get("header_hex").asText();
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.writeBytes(HEX.parseHex(head.replace(" ", "")));
        if (v.has("body")) {
          datagram.writeBytes(v.get("body").asText().getBytes(StandardCharsets.UTF_8));
        }
        out.add(datagram.toByteArray());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  // mutations

  private static byte[] mutate(Random r, byte[] seed, int rounds) {
    byte[] b = seed.clone();
    for (int k = 0; k < rounds; k++) {
      int n = b.length;
      int at = n == 0 ? 0 : r.nextInt(n);
      int kind = r.nextInt(DatagramMutations.KINDS + 2);
      if (kind < DatagramMutations.KINDS) {
        b = DatagramMutations.mutateOnce(r, b, at, kind);
      } else if (kind == DatagramMutations.KINDS) {
        // wrong or other version: mostly 0..3, sometimes any byte
        if (n > 0) {
          b[0] = (byte) (r.nextBoolean() ? r.nextInt(4) : r.nextInt(256));
        }
      } else if (n > 3) {
        // wrong or other type: mostly the six known ids, sometimes any byte
        b[3] = (byte) (r.nextBoolean() ? r.nextInt(6) : r.nextInt(256));
      }
    }
    return b;
  }
}
