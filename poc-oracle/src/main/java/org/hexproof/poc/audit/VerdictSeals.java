package org.hexproof.poc.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Appends seals to {@code poc.verdict_seal}: one per committed worker transaction, over the
 * canonical bytes ({@link SealCodec}) of every verdict row and feed entry it wrote. Seals form a
 * chain: {@code digest = SHA-256(prev_digest ‖ body)}, {@code prev_digest} is the previous seal's
 * digest (32 zero bytes for the first), {@code seq} counts from 1 without gaps, and the oracle key
 * signs the digest. The caller holds the feed's advisory lock until commit, so seals of concurrent
 * workers and processes chain in commit order.
 */
public final class VerdictSeals {
  /** The {@code prev_digest} of the first seal. */
  public static final byte[] GENESIS = new byte[32];

  /** The advisory lock that orders feed ids and seals; held to commit. */
  public static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('poc.feed'))";

  private final Ed25519KeyPair key;

  /**
   * @param key the oracle key that signs every seal
   */
  public VerdictSeals(Ed25519KeyPair key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** The key that signs this process's seals. */
  public org.hexproof.core.keys.PublicKey publicKey() {
    return key.publicKey();
  }

  /** SHA-256 of a feed entry's text, as sealed. */
  public static byte[] entryDigest(String entry) {
    return ReportIds.sha256(entry.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Seals what the caller's transaction wrote. The caller must hold {@link #LOCK}.
   *
   * @param tx the transaction that wrote the rows
   * @param verdicts the verdict rows, as written
   * @param feed the feed entries, as written
   * @param now the seal's time
   */
  public void append(
      Sql.Handle tx, List<SealedVerdict> verdicts, List<SealedFeedEntry> feed, Instant now) {
    if (verdicts.isEmpty() && feed.isEmpty()) {
      return;
    }
    Object[] head =
        tx.queryOne(
                "SELECT seq, digest FROM poc.verdict_seal ORDER BY seq DESC LIMIT 1",
                row ->
                    new Object[] {
                      Rows.required(row, "seq", Long.class),
                      Rows.required(row, "digest", byte[].class)
                    })
            .orElse(new Object[] {0L, GENESIS});
    long seq = (Long) head[0] + 1;
    byte[] prev = (byte[]) head[1];
    byte[] body = SealCodec.encode(new SealCodec.Contents(verdicts, feed));
    byte[] digest = ReportIds.sha256(prev, body);
    tx.update(
        "INSERT INTO poc.verdict_seal (seq, prev_digest, body, digest, signer, signature,"
            + " sealed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        seq,
        prev,
        body,
        digest,
        key.publicKey().toBase58(),
        key.sign(digest),
        Rows.bind(now));
  }
}
