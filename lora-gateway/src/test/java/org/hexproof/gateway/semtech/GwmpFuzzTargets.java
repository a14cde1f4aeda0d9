package org.hexproof.gateway.semtech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hexproof.core.testing.fuzz.FuzzTarget;

/**
 * The GWMP codec as a fuzz target: {@link GwmpCodec#decode} returns a packet or throws {@link
 * MalformedDatagramException}; an accepted datagram re-encodes to the same bytes, and its canonical
 * encoding (unknown JSON fields dropped) decodes to an equal packet. Seeds are the valid and
 * malformed vectors (radio.md §1.1 and §1.3).
 */
public final class GwmpFuzzTargets {
  private GwmpFuzzTargets() {}

  /** The codec target. */
  public static FuzzTarget codec() {
    return FuzzTarget.of(
        "gwmp", seeds(), List.of(MalformedDatagramException.class), GwmpFuzzTargets::check);
  }

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (String file : List.of("gwmp-examples.json", "gwmp-frames.json", "gwmp-malformed.json")) {
      GwmpVectors.load(file).forEach(v -> seeds.add(GwmpVectors.datagram(v)));
    }
    return seeds;
  }

  private static void check(byte[] input) throws MalformedDatagramException {
    GwmpPacket packet = GwmpCodec.decode(input);
    if (!Arrays.equals(packet.encode(), input)) {
      throw new AssertionError("accepted datagram does not re-encode to its bytes: " + packet);
    }
    GwmpPacket canonical = canonical(packet);
    GwmpPacket again;
    try {
      again = GwmpCodec.decode(canonical.encode());
    } catch (MalformedDatagramException e) {
      throw new AssertionError("canonical form rejected: " + e.getMessage(), e);
    }
    if (!again.equals(packet)) {
      throw new AssertionError("canonical form decodes to " + again + ", not " + packet);
    }
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
}
