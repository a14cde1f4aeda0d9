package org.hexproof.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import reactor.core.publisher.Flux;

/**
 * The synthetic data of {@link EpochCloseThroughput}: seeded random hotspot and owner keys, their
 * share rows for {@code rewards.poc_shares} and leaf-shaped rows for the COPY floor, as COPY text,
 * and the COPY itself through r2dbc-postgresql's {@code copyIn}.
 */
final class EpochCloseData {
  private EpochCloseData() {}

  /** Keys for {@code hotspots} hotspots and one owner per 100 of them. */
  record Keys(String[] hotspots, String[] owners) {
    static Keys draw(int hotspots, SplittableRandom random) {
      String[] hotspotKeys = new String[hotspots];
      String[] ownerKeys = new String[Math.max(1, hotspots / 100)];
      for (int i = 0; i < hotspotKeys.length; i++) {
        hotspotKeys[i] = randomKey(random);
      }
      for (int i = 0; i < ownerKeys.length; i++) {
        ownerKeys[i] = randomKey(random);
      }
      return new Keys(hotspotKeys, ownerKeys);
    }
  }

  private static String randomKey(SplittableRandom random) {
    // about half of all 32-byte strings decode to a curve point; PublicKey accepts only those
    byte[] key = new byte[PublicKey.KEY_LENGTH];
    while (true) {
      random.nextBytes(key);
      try {
        return new PublicKey(Network.MAINNET, KeyType.ED25519, key).toBase58();
      } catch (IllegalArgumentException e) {
        // not a point: draw again
      }
    }
  }

  /**
   * One beacon row per hotspot and one witness row (hotspot i witnesses hotspot i + 1's beacon).
   */
  static byte[] shareRows(Keys keys, Epoch epoch, SplittableRandom random) {
    String[] hotspots = keys.hotspots();
    String[] owners = keys.owners();
    ByteArrayOutputStream out = new ByteArrayOutputStream(hotspots.length * 220);
    for (int i = 0; i < hotspots.length; i++) {
      String owner = owners[i % owners.length];
      String at = epoch.start().plusSeconds(i % 3500).plusMillis(i % 1000).toString();
      String beacon = "0." + (1 + random.nextInt(999_999));
      String witness = (1 + random.nextInt(5)) + "." + random.nextInt(1_000_000);
      String row =
          shareRow(i + 1, "beacon", hotspots[i], owner, at, beacon)
              + shareRow((i + 1) % hotspots.length + 1, "witness", hotspots[i], owner, at, witness);
      out.writeBytes(row.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private static String shareRow(
      int entryId, String role, String hotspot, String owner, String at, String shares) {
    return entryId + "\t" + role + "\t" + hotspot + "\t" + owner + "\t" + at + "\t" + shares + "\n";
  }

  /** Rows shaped like ledger_leaves: sequence, hotspot, owner, three amounts. */
  static byte[] leafRows(Keys keys, SplittableRandom random) {
    String[] hotspots = keys.hotspots();
    String[] owners = keys.owners();
    ByteArrayOutputStream out = new ByteArrayOutputStream(hotspots.length * 130);
    for (int i = 0; i < hotspots.length; i++) {
      String row =
          "0\t"
              + hotspots[i]
              + "\t"
              + owners[i % owners.length]
              + "\t"
              + random.nextLong(1L << 40)
              + "\t"
              + random.nextLong(1L << 40)
              + "\t0\n";
      out.writeBytes(row.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** Times one COPY of {@code rows} into {@code table}, in seconds. */
  static double timedCopy(PostgresqlConnection copy, String table, byte[] rows, Duration timeout) {
    long t = System.nanoTime();
    copyIn(copy, "COPY " + table + " FROM STDIN", rows, timeout);
    return (System.nanoTime() - t) / 1e9;
  }

  static long copyIn(PostgresqlConnection connection, String sql, byte[] rows, Duration timeout) {
    int chunk = 1 << 16;
    Flux<ByteBuf> chunks =
        Flux.range(0, (rows.length + chunk - 1) / chunk)
            .map(
                i ->
                    Unpooled.wrappedBuffer(
                        rows, i * chunk, Math.min(chunk, rows.length - i * chunk)));
    Long count = connection.copyIn(sql, chunks).block(timeout);
    return count == null ? 0 : count;
  }
}
