package org.hexproof.poc.ingest;

import com.google.protobuf.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hexproof.core.keys.VerifyingKey;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Accepts signed beacon and witness reports. After the {@link SignedBodies} checks (413, 400, 401)
 * the signer must be onboarded (else <b>403</b>: authenticated, but not a hotspot of this network);
 * then the report is stored with the oracle's receive time, keyed by {@link ReportIds its id}, and
 * only then acknowledged. Storing is idempotent: the same bytes again store nothing and return the
 * first receipt. Nothing is stored for a rejected request.
 *
 * <p>One report costs one statement ({@code INSERT … ON CONFLICT DO NOTHING RETURNING}; the first
 * receipt is read back only for a duplicate). Several reports of one request ({@link #storeAll})
 * cost one statement for all of them plus one for their duplicates, and each gets its own outcome.
 */
public final class ReportIngest {
  private final Sql sql;
  private final SignedBodies bodies;
  private final OnboardedKeys onboarded;

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
   */
  public ReportIngest(Sql sql, SignedBodies bodies, OnboardedKeys onboarded) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.onboarded = Objects.requireNonNull(onboarded, "onboarded");
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
   * Stores one report.
   *
   * @param kind beacon or witness
   * @param body the signed message as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt, the first one for a duplicate
   * @throws RequestRejected 413, 400, 401 or 403
   */
  public Receipt store(ReportKind kind, byte[] body, Instant receivedAt) {
    Opened report = open(kind, body);
    if (!onboarded.contains(report.key())) {
      throw notOnboarded(report.key());
    }
    bodies.remember(report.signer());
    List<Object> args = new ArrayList<>();
    args.add(report.id());
    args.add(report.key());
    args.add(Rows.bind(receivedAt));
    args.addAll(List.of(report.values()));
    args.add(body);
    List<Instant> inserted = sql.query(ReportSql.insertOne(kind), Rows::receivedAt, args.toArray());
    if (!inserted.isEmpty()) {
      return new Receipt(report.id(), inserted.get(0), false);
    }
    return new Receipt(report.id(), first(kind, List.of(report.id())).get(report.id()), true);
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
    for (Opened r : accepted) {
      if (!missing.contains(r.key())) {
        this.bodies.remember(r.signer());
      }
    }
    Map<String, Opened> unique = new LinkedHashMap<>();
    accepted.stream()
        .filter(r -> !missing.contains(r.key()))
        .sorted(Comparator.comparing(Opened::id)) // one lock order for concurrent batches
        .forEach(r -> unique.putIfAbsent(r.id(), r));
    Map<String, Instant> stored = new HashMap<>();
    if (!unique.isEmpty()) {
      // the stored receive time is the bound one, at the column's millisecond precision
      Instant at = Rows.bind(receivedAt).toInstant();
      sql.query(
              ReportSql.insertMany(kind),
              row -> Rows.requiredString(row, "report_id"),
              ReportSql.insertManyArgs(kind, List.copyOf(unique.values()), receivedAt))
          .forEach(id -> stored.put(id, at));
    }
    List<String> duplicates =
        unique.keySet().stream().filter(id -> !stored.containsKey(id)).toList();
    Map<String, Instant> earlier = duplicates.isEmpty() ? Map.of() : first(kind, duplicates);
    Map<String, Boolean> answered = new HashMap<>();
    int next = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) != null) {
        continue;
      }
      Opened r = accepted.get(next++);
      if (missing.contains(r.key())) {
        outcomes.set(i, new Outcome(null, notOnboarded(r.key())));
      } else if (stored.containsKey(r.id()) && answered.putIfAbsent(r.id(), true) == null) {
        outcomes.set(i, new Outcome(new Receipt(r.id(), stored.get(r.id()), false), null));
      } else {
        Instant at = stored.containsKey(r.id()) ? stored.get(r.id()) : earlier.get(r.id());
        outcomes.set(i, new Outcome(new Receipt(r.id(), at, true), null));
      }
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

  private static RequestRejected notOnboarded(String key) {
    return new RequestRejected(Kind.FORBIDDEN, "hotspot " + key + " is not onboarded");
  }

  private Map<String, Instant> first(ReportKind kind, List<String> ids) {
    Map<String, Instant> found = new HashMap<>();
    sql.query(
            "SELECT report_id, received_at FROM poc." + kind.table() + " WHERE report_id = ANY($1)",
            row -> Map.entry(Rows.requiredString(row, "report_id"), Rows.receivedAt(row)),
            (Object) ids.toArray(String[]::new))
        .forEach(e -> found.put(e.getKey(), e.getValue()));
    for (String id : ids) {
      if (!found.containsKey(id)) {
        throw new IllegalStateException(kind.table() + " lost report " + id);
      }
    }
    return found;
  }
}
