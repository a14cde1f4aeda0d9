/**
 * Tamper evidence for verdicts. A <em>seal</em> ({@link org.hexproof.poc.audit.VerdictSeals}) is
 * one row of {@code poc.verdict_seal} per worker transaction: the canonical bytes ({@link
 * org.hexproof.poc.audit.SealCodec}) of every verdict row ({@link
 * org.hexproof.poc.audit.SealedVerdict}) and feed entry ({@link
 * org.hexproof.poc.audit.SealedFeedEntry}) it wrote, chained to the previous seal by digest and
 * signed with the oracle key. The audit ({@link org.hexproof.poc.audit.VerdictAudit}) re-checks the
 * chain, compares every stored row with its seal and every stored report with its own signature,
 * and names each difference ({@link org.hexproof.poc.audit.AuditFinding}).
 */
package org.hexproof.poc.audit;
