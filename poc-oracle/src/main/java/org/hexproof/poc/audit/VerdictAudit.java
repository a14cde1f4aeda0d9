package org.hexproof.poc.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.poc.ingest.ReportKind;
import org.hexproof.support.db.Sql;

/**
 * The verdict audit ({@code hexproof oracle audit}): checks the seal chain, every verdict row and
 * feed entry against the seals, and every stored report against its own signature. Read-only.
 */
public final class VerdictAudit {
  private VerdictAudit() {}

  /**
   * What the audit saw.
   *
   * @param seals seals walked
   * @param verdicts verdict rows compared
   * @param feedEntries feed entries compared
   * @param reports beacon and witness reports re-verified
   * @param headSeq the last seal's seq (0 when none): record it to notice a later truncation
   * @param headDigest the last seal's digest, hex
   * @param findings everything wrong, empty when sound
   */
  public record Result(
      long seals,
      long verdicts,
      long feedEntries,
      long reports,
      long headSeq,
      String headDigest,
      List<AuditFinding> findings) {
    /** Copies. */
    public Result {
      findings = List.copyOf(findings);
    }

    /** Whether nothing was found. */
    public boolean sound() {
      return findings.isEmpty();
    }
  }

  /**
   * Runs the audit.
   *
   * @param sql the oracle's database (schema {@code poc})
   * @param trusted the oracle keys whose seals count
   * @return the result
   */
  public static Result run(Sql sql, Set<PublicKey> trusted) {
    List<AuditFinding> findings = new ArrayList<>();
    SealChain chain = SealChain.read(sql, Set.copyOf(trusted), findings);
    long verdicts = StoredVerdicts.check(sql, chain, findings);
    long feed = StoredFeed.check(sql, chain, findings);
    long reports =
        StoredReports.check(sql, ReportKind.BEACON, findings)
            + StoredReports.check(sql, ReportKind.WITNESS, findings);
    return new Result(
        chain.seals,
        verdicts,
        feed,
        reports,
        chain.headSeq,
        SealChain.hex(chain.headDigest),
        findings);
  }
}
