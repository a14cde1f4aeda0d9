package org.hexproof.poc.ingest;

import com.google.protobuf.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.hexproof.core.keys.VerifyingKey;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.support.db.Sql;

/**
 * Accepts signed beacon and witness reports. After the {@link SignedBodies} checks (413, 400, 401)
 * the signer must be onboarded (else <b>403</b>: authenticated, but not a hotspot of this network);
 * then the report is stored with the oracle's receive time, keyed by {@link ReportIds its id}, and
 * only then acknowledged. Storing is idempotent: the same bytes again store nothing and return the
 * first receipt. Nothing is stored for a rejected request.
 *
 * <p>Reports of one request ({@link #storeAll}) cost one insert statement for all of them (plus one
 * read for those stored before), and each gets its own outcome. Single reports ({@link #submit})
 * are inserted together in the same way when they arrive while an earlier insert is in flight
 * ({@link GroupCommit}), so under load one statement and one commit serve many requests; each is
 * still acknowledged only after its own report is committed. {@link #submit} never blocks its
 * thread (a request handler on an event loop may call it): the checks are CPU work, the insert is
 * asynchronous, and only a key missing from the {@link OnboardedKeys} cache is looked up on the
 * lookup executor.
 */
public final class ReportIngest {
  /** Most single reports waiting for the database, unless configured. */
  static final int DEFAULT_MAX_QUEUED = 4096;

  /** Most single reports in one grouped insert. */
  static final int MAX_GROUP = 256;

  /** Most grouped inserts in flight at once: one statement runs while the next group gathers. */
  static final int GROUP_WRITERS = 1;

  private final SignedBodies bodies;
  private final OnboardedKeys onboarded;
  private final Executor lookups;
  private final ReportWrites writes;
  private final GroupCommit<ReportWrites.Accepted, Receipt> grouped;

  /** What the oracle acknowledges: the report's id and its (first) receive time. */
  public record Receipt(String reportId, Instant receivedAt, boolean duplicate) {}

  /**
   * One report's outcome in a batch: exactly one of a receipt (stored) or a rejection (nothing
   * stored for it).
   */
  public record Outcome(Receipt receipt, RequestRejected rejection) {
    /** Validates that exactly one part is set. */
    public Outcome {
      if ((receipt == null) == (rejection == null)) {
        throw new IllegalArgumentException("expected a receipt or a rejection");
      }
    }
  }

  /**
   * @param sql the database
   * @param bodies the signed-body checks
   * @param onboarded which keys are in the registry
   * @param lookups runs registry lookups of keys not in the cache (they block)
   * @param maxQueued most single reports waiting for the database; more are refused with 503
   */
  public ReportIngest(
      Sql sql, SignedBodies bodies, OnboardedKeys onboarded, Executor lookups, int maxQueued) {
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.onboarded = Objects.requireNonNull(onboarded, "onboarded");
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.writes = new ReportWrites(sql.async());
    this.grouped =
        new GroupCommit<>(
            writes::write,
            MAX_GROUP,
            GROUP_WRITERS,
            maxQueued,
            () ->
                new RequestRejected(
                    Kind.UNAVAILABLE,
                    maxQueued + " reports wait for the database already; retry later"));
  }

  /**
   * For callers on threads of their own, which may block: registry lookups run on the calling
   * thread.
   *
   * @param sql the database
   * @param bodies the signed-body checks
   * @param onboarded which keys are in the registry
   */
  public ReportIngest(Sql sql, SignedBodies bodies, OnboardedKeys onboarded) {
    this(sql, bodies, onboarded, Runnable::run, DEFAULT_MAX_QUEUED);
  }

  /**
   * Stores a beacon report.
   *
   * @param body the request body as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt
   * @throws RequestRejected 413, 400, 401 or 403
   */
  public Receipt beacon(byte[] body, Instant receivedAt) {
    return store(ReportKind.BEACON, body, receivedAt);
  }

  /**
   * Stores a witness report.
   *
   * @param body the request body as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt
   * @throws RequestRejected 413, 400, 401 or 403
   */
  public Receipt witness(byte[] body, Instant receivedAt) {
    return store(ReportKind.WITNESS, body, receivedAt);
  }

  /**
   * Stores one report, waiting for it.
   *
   * @param kind beacon or witness
   * @param body the signed message as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt, the first one for a duplicate
   * @throws RequestRejected 413, 400, 401 or 403
   */
  public Receipt store(ReportKind kind, byte[] body, Instant receivedAt) {
    return await(submit(kind, body, receivedAt));
  }

  /**
   * Checks one report now and stores it without blocking the calling thread.
   *
   * @param kind beacon or witness
   * @param body the signed message as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt once the report is committed (the first one for a duplicate); fails with
   *     {@link RequestRejected} (403) for a signer that is not onboarded, or with the database's
   *     exception
   * @throws RequestRejected 413, 400 or 401, before anything else
   */
  public CompletableFuture<Receipt> submit(ReportKind kind, byte[] body, Instant receivedAt) {
    Opened report = open(kind, body);
    ReportWrites.Accepted accepted = new ReportWrites.Accepted(kind, report, receivedAt);
    if (onboarded.known(report.key())) {
      bodies.remember(report.signer());
      return grouped.submit(accepted);
    }
    return CompletableFuture.supplyAsync(() -> onboarded.contains(report.key()), lookups)
        .thenCompose(
            known -> {
              if (!known) {
                return CompletableFuture.failedFuture(notOnboarded(report.key()));
              }
              bodies.remember(report.signer());
              return grouped.submit(accepted);
            });
  }

  /** Grouped inserts of single reports so far ({@link #store}). */
  public long groupedWrites() {
    return grouped.writes();
  }

  /** Single reports waiting now for the insert in flight to end. */
  public int queuedReports() {
    return grouped.queued();
  }

  /** Single reports written by those inserts: divided by {@link #groupedWrites}, the group size. */
  public long groupedReports() {
    return grouped.items();
  }

  /**
   * Stores several reports of one kind with one insert statement. Each body is checked on its own:
   * a rejected one stores nothing and does not affect the others.
   *
   * @param kind beacon or witness
   * @param bodies the signed messages as received, in request order
   * @param receivedAt the oracle's clock when the request arrived
   * @return one outcome per body, in the same order
   */
  public List<Outcome> storeAll(ReportKind kind, List<byte[]> bodies, Instant receivedAt) {
    List<Outcome> outcomes = new ArrayList<>(bodies.size());
    List<Opened> accepted = new ArrayList<>();
    for (byte[] body : bodies) {
      try {
        accepted.add(open(kind, body));
        outcomes.add(null);
      } catch (RequestRejected rejected) {
        outcomes.add(new Outcome(null, rejected));
      }
    }
    Set<String> missing =
        onboarded.missing(accepted.stream().map(Opened::key).collect(Collectors.toSet()));
    List<ReportWrites.Accepted> stored = new ArrayList<>();
    for (Opened r : accepted) {
      if (!missing.contains(r.key())) {
        this.bodies.remember(r.signer());
        stored.add(new ReportWrites.Accepted(kind, r, receivedAt));
      }
    }
    Iterator<Receipt> receipts = await(writes.write(stored)).iterator();
    int next = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) != null) {
        continue;
      }
      Opened r = accepted.get(next++);
      outcomes.set(
          i,
          missing.contains(r.key())
              ? new Outcome(null, notOnboarded(r.key()))
              : new Outcome(receipts.next(), null));
    }
    return outcomes;
  }

  /**
   * A body that passed the signature checks, with its id, signer (base58 and prepared) and column
   * values.
   */
  record Opened(String id, String key, VerifyingKey signer, Object[] values, byte[] body) {}

  private Opened open(ReportKind kind, byte[] body) {
    SignedBodies.Signed<? extends Message> signed =
        bodies.open(kind.messageName(), body, kind.parser());
    Object[] values = kind.values(signed.message());
    VerifyingKey signer = signed.key();
    return new Opened(ReportIds.of(body), signer.base58(), signer, values, body);
  }

  /** Waits for a write, throwing its failure unwrapped. */
  private static <T> T await(CompletableFuture<T> write) {
    try {
      return write.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static RequestRejected notOnboarded(String key) {
    return new RequestRejected(Kind.FORBIDDEN, "hotspot " + key + " is not onboarded");
  }
}
