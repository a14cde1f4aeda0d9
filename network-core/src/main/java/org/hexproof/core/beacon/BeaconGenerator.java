package org.hexproof.core.beacon;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.hexproof.core.radio.ChannelPlan;

/**
 * Builds beacons bit-compatibly with Helium's {@code beacon} crate (radio.md §2.2, poc-rules.md
 * §1.8):
 *
 * <ol>
 *   <li>{@code seed = SHA-256(remote.data ‖ le_i64(remote.timestamp) ‖ local.data ‖ le_i64(0))}
 *   <li>a ChaCha12 stream keyed by the seed (64-bit block counter from 0, nonce 0, as {@code
 *       rand_chacha::ChaCha12Rng::from_seed}); byte {@code i} of the payload is the low byte of the
 *       stream's {@code i}-th little-endian 32-bit word, 51 bytes in all
 *   <li>frequency = {@code channels[le_u16(data[0..2]) % channels.len()]}
 *   <li>datarate = the first spreading-table row that carries 51 bytes, at the plan's bandwidth
 * </ol>
 */
public final class BeaconGenerator {
  private static final int CHACHA_ROUNDS = 12;

  private BeaconGenerator() {}

  /**
   * The beacon for this pair of entropies in this channel plan.
   *
   * @throws IllegalArgumentException when the remote entropy's version is not 0 or 1
   */
  public static Beacon generate(Entropy remote, Entropy local, ChannelPlan plan) {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(plan, "plan");
    if (remote.version() != 0 && remote.version() != 1) {
      throw new IllegalArgumentException(
          "remote entropy version: expected 0 or 1, got " + remote.version());
    }
    byte[] data = payload(seed(remote, local));
    int channelSeed = (data[0] & 0xFF) | (data[1] & 0xFF) << 8;
    return new Beacon(data, plan.channelFor(channelSeed), plan.dataRateFor(Beacon.PAYLOAD_BYTES));
  }

  static byte[] seed(Entropy remote, Entropy local) {
    SHA256Digest sha = new SHA256Digest();
    digest(sha, remote);
    digest(sha, local);
    byte[] seed = new byte[sha.getDigestSize()];
    sha.doFinal(seed, 0);
    return seed;
  }

  private static void digest(SHA256Digest sha, Entropy entropy) {
    byte[] data = entropy.data();
    sha.update(data, 0, data.length);
    byte[] timestamp =
        ByteBuffer.allocate(Long.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(entropy.timestampSeconds())
            .array();
    sha.update(timestamp, 0, timestamp.length);
  }

  static byte[] payload(byte[] seed) {
    ChaChaEngine chacha = new ChaChaEngine(CHACHA_ROUNDS);
    chacha.init(true, new ParametersWithIV(new KeyParameter(seed), new byte[8]));
    byte[] stream = new byte[Beacon.PAYLOAD_BYTES * Integer.BYTES];
    chacha.processBytes(new byte[stream.length], 0, stream.length, stream, 0);
    byte[] data = new byte[Beacon.PAYLOAD_BYTES];
    for (int i = 0; i < data.length; i++) {
      data[i] =
          stream[i * Integer.BYTES]; // low byte of a little-endian u32 (rand `next_u32() as u8`)
    }
    return data;
  }
}
