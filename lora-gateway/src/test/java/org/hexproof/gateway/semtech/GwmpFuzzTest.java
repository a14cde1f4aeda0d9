package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated datagrams to {@link GwmpCodec#decode} and checks that it either returns
 * a packet or throws {@link MalformedDatagramException}, never anything else; that an accepted
 * datagram re-encodes to the same bytes; and that its canonical encoding decodes to an equal
 * packet.
 *
 * <p>Mutations start from the valid vectors (radio.md §1.1 and §1.3): bit flips, random bytes,
 * truncations, insertions of random or JSON-syntax bytes, deletions and duplicated ranges, and
 * header rewrites. CI runs 20,000 datagrams (a couple of seconds); the benchmark profile runs a
 * million:
 *
 * <pre>./mvnw -pl lora-gateway test -Dtest=GwmpFuzzTest -Dgwmp.fuzz.count=1000000</pre>
 *
 * <p>The seed is random unless {@code -Dgwmp.fuzz.seed=N} is given, and every failure message
 * starts with it so a failing run can be replayed.
 */
class GwmpFuzzTest {

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    GwmpVectors.load("gwmp-examples.json").forEach(v -> seeds.add(GwmpVectors.datagram(v)));
    GwmpVectors.load("gwmp-frames.json").forEach(v -> seeds.add(GwmpVectors.datagram(v)));
    GwmpVectors.load("gwmp-malformed.json").forEach(v -> seeds.add(GwmpVectors.datagram(v)));
    return seeds;
  }

  @Test
  void decode_returns_a_packet_or_throws_malformed_datagram_exception_and_nothing_else() {
    int count = Integer.getInteger("gwmp.fuzz.count", 20_000);
    long seed = Long.getLong("gwmp.fuzz.seed", new Random().nextLong());
    Random r = new Random(seed);
    List<byte[]> seeds = seeds();
    int accepted = 0;
    for (int i = 0; i < count; i++) {
      byte[] input =
          r.nextInt(10) == 0
              ? DatagramMutations.random(r)
              : mutate(r, seeds.get(r.nextInt(seeds.size())), 1 + r.nextInt(4));
      if (check(seed, i, input)) {
        accepted++;
      }
    }
    System.out.printf("GwmpFuzzTest: seed %d, %d datagrams, %d accepted%n", seed, count, accepted);
    assertThat(accepted).as("seed %d: some mutants should still decode", seed).isPositive();
  }

  private static boolean check(long seed, int i, byte[] input) {
    String where = "seed " + seed + ", datagram " + i + ": " + hex(input);
    GwmpPacket packet;
    try {
      packet = GwmpCodec.decode(input);
    } catch (MalformedDatagramException e) {
      assertThat(e.getMessage()).as(where).isNotBlank();
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(where + " threw " + e, e);
    }
    assertThat(packet.encode()).as(where).isEqualTo(input);
    GwmpPacket canonical = canonical(packet);
    try {
      assertThat(GwmpCodec.decode(canonical.encode())).as(where).isEqualTo(packet);
    } catch (MalformedDatagramException e) {
      throw new AssertionError(where + ": canonical form rejected: " + e.getMessage(), e);
    }
    return true;
  }

  private static GwmpPacket canonical(GwmpPacket p) {
    if (p instanceof PushData d) {
      return new PushData(d.version(), d.token(), d.eui(), d.payload(), Optional.empty());
    } else if (p instanceof PullResp d) {
      return new PullResp(d.version(), d.token(), d.txpk(), Optional.empty());
    } else if (p instanceof TxAck d) {
      return new TxAck(d.version(), d.token(), d.eui(), d.ack(), Optional.empty());
    }
    return p;
  }

  private static byte[] mutate(Random r, byte[] seed, int rounds) {
    byte[] b = seed.clone();
    for (int k = 0; k < rounds; k++) {
      int n = b.length;
      int at = n == 0 ? 0 : r.nextInt(n);
      b = DatagramMutations.mutateOnce(r, b, at, r.nextInt(DatagramMutations.KINDS));
    }
    return b;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02X", x));
    }
    return sb.toString();
  }
}
