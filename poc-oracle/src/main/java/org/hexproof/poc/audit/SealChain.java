package org.hexproof.poc.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Walks {@code poc.verdict_seal} in order and checks the chain: seq counts from 1 without gaps,
 * each {@code prev_digest} is the previous digest, {@code digest} = SHA-256(prev_digest ‖ body),
 * and the signature verifies under a trusted oracle key. Collects what the seals cover.
 */
final class SealChain {
  final Map<String, SealedVerdict> verdicts = new HashMap<>();
  final Map<String, Long> verdictSeal = new HashMap<>();
  final Map<Long, SealedFeedEntry> feed = new HashMap<>();
  final Map<Long, Long> feedSeal = new HashMap<>();
  long seals;
  long headSeq;
  byte[] headDigest = VerdictSeals.GENESIS;

  private record Row(
      long seq, byte[] prev, byte[] body, byte[] digest, String signer, byte[] signature) {}

  static SealChain read(Sql sql, Set<PublicKey> trusted, List<AuditFinding> findings) {
    SealChain chain = new SealChain();
    Pages.each(
        sql,
        "SELECT seq, prev_digest, body, digest, signer, signature FROM poc.verdict_seal"
            + " WHERE seq > $1 ORDER BY seq LIMIT $2",
        0L,
        r ->
            new Row(
                Rows.required(r, "seq", Long.class),
                Rows.required(r, "prev_digest", byte[].class),
                Rows.required(r, "body", byte[].class),
                Rows.required(r, "digest", byte[].class),
                Rows.requiredString(r, "signer"),
                Rows.required(r, "signature", byte[].class)),
        Row::seq,
        row -> chain.check(row, trusted, findings));
    return chain;
  }

  private void check(Row row, Set<PublicKey> trusted, List<AuditFinding> findings) {
    String id = String.valueOf(row.seq());
    seals++;
    if (row.seq() != headSeq + 1) {
      findings.add(
          new AuditFinding(
              "verdict_seal",
              String.valueOf(headSeq + 1),
              "seq",
              "seal(s) "
                  + (headSeq + 1)
                  + ".."
                  + (row.seq() - 1)
                  + " deleted: the next stored seal is "
                  + row.seq()));
    } else if (!Arrays.equals(row.prev(), headDigest)) {
      findings.add(
          new AuditFinding(
              "verdict_seal",
              id,
              "prev_digest",
              "expected the digest of seal "
                  + headSeq
                  + " ("
                  + hex(headDigest)
                  + "), got "
                  + hex(row.prev())));
    }
    byte[] digest = ReportIds.sha256(row.prev(), row.body());
    if (!Arrays.equals(digest, row.digest())) {
      findings.add(
          new AuditFinding(
              "verdict_seal", id, "body", "SHA-256(prev_digest || body) is not the stored digest"));
    }
    PublicKey signer = null;
    try {
      signer = PublicKey.fromBase58(row.signer());
    } catch (MalformedKeyException e) {
      findings.add(new AuditFinding("verdict_seal", id, "signer", "not a key: " + row.signer()));
    }
    if (signer != null && !trusted.contains(signer)) {
      findings.add(
          new AuditFinding(
              "verdict_seal", id, "signer", row.signer() + " is not a trusted oracle key"));
    } else if (signer != null && !signer.verify(row.digest(), row.signature())) {
      findings.add(
          new AuditFinding(
              "verdict_seal",
              id,
              "signature",
              "not a valid signature of the digest by the signer"));
    }
    headSeq = row.seq();
    headDigest = row.digest();
    SealCodec.Contents contents;
    try {
      contents = SealCodec.decode(row.body());
    } catch (IllegalArgumentException e) {
      findings.add(new AuditFinding("verdict_seal", id, "body", e.getMessage()));
      return;
    }
    for (SealedVerdict v : contents.verdicts()) {
      if (verdicts.put(v.reportId(), v) != null) {
        findings.add(
            new AuditFinding(
                "verdict_seal", id, "body", "report " + v.reportId() + " sealed a second time"));
      }
      verdictSeal.put(v.reportId(), row.seq());
    }
    for (SealedFeedEntry f : contents.feed()) {
      feed.put(f.id(), f);
      feedSeal.put(f.id(), row.seq());
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
