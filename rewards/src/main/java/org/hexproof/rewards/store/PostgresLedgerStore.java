package org.hexproof.rewards.store;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.LedgerConflictException;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.LedgerStore;
import org.hexproof.rewards.ledger.MalformedLedgerBytesException;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.support.db.Sql;

/**
 * The ledger in schema {@code rewards}: {@code ledger_entries} (canonical manifest bytes, their
 * hash, sequence as primary key, epoch unique), {@code ledger_signatures} and {@code
 * ledger_leaves}. Either pooled (each call on its own connection) or {@link #bound} to one
 * transaction, so that an append commits together with the balances and the epoch marker.
 *
 * <p>Reading parses what the rows hold without judging it ({@link
 * org.hexproof.rewards.ledger.Ledger#verify()} does); rows that cannot even be parsed throw {@link
 * UnreadableEntryException} naming the entry's sequence.
 */
public final class PostgresLedgerStore implements LedgerStore {
  private final Sql sql;
  private final Sql.Handle handle;

  /**
   * A store that takes a pooled connection per call.
   *
   * @param sql the database; not null
   */
  public PostgresLedgerStore(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.handle = null;
  }

  private PostgresLedgerStore(Sql.Handle handle) {
    this.sql = null;
    this.handle = handle;
  }

  /**
   * A store whose reads and writes run on one connection, inside its current transaction.
   *
   * @param handle the transaction's handle; not null; valid only inside that transaction
   * @return the bound store
   */
  public static PostgresLedgerStore bound(Sql.Handle handle) {
    return new PostgresLedgerStore(Objects.requireNonNull(handle, "handle"));
  }

  private <T> T run(Sql.Work<T> work) {
    return handle != null ? work.run(handle) : sql.withConnection(work);
  }

  @Override
  public void append(LedgerEntry entry) {
    Objects.requireNonNull(entry, "entry");
    run(
        h -> {
          try {
            h.update(
                "INSERT INTO rewards.ledger_entries (sequence, epoch, manifest, manifest_hash,"
                    + " emission, operations, oracles, not_handled)"
                    + " VALUES ($1, $2, $3, $4, 0, 0, 0, 0)",
                entry.sequence(),
                entry.epochIndex(),
                entry.manifest().canonicalBytes(),
                entry.hash());
          } catch (R2dbcDataIntegrityViolationException e) {
            throw new LedgerConflictException(
                "sequence "
                    + entry.sequence()
                    + " or epoch "
                    + entry.epochIndex()
                    + " already has an entry: "
                    + e.getMessage());
          }
          List<OracleSignature> signatures = entry.signatures();
          for (int i = 0; i < signatures.size(); i++) {
            h.update(
                "INSERT INTO rewards.ledger_signatures (sequence, position, oracle, signature)"
                    + " VALUES ($1, $2, $3, $4)",
                entry.sequence(),
                i,
                signatures.get(i).oracle().toBase58(),
                signatures.get(i).signature());
          }
          insertLeaves(h, entry.sequence(), entry.leaves());
          return Boolean.TRUE;
        });
  }

  /**
   * Writes the leaves with one {@code COPY} on the entry's transaction (a million-hotspot epoch
   * took about 10 s as batched {@code INSERT}s). Key text is taken from the leaf where it came from
   * text, and each owner is encoded once.
   */
  private static void insertLeaves(Sql.Handle h, long sequence, List<RewardLeaf> leaves) {
    Map<PublicKey, String> owners = new HashMap<>();
    String prefix = sequence + "\t";
    CopyIn.rows(
        h,
        "COPY rewards.ledger_leaves (sequence, hotspot, owner, beacon, witness, data_transfer)"
            + " FROM STDIN",
        leaves.size(),
        (i, out) -> {
          RewardLeaf leaf = leaves.get(i);
          out.append(prefix)
              .append(leaf.hotspotBase58())
              .append('\t')
              .append(owners.computeIfAbsent(leaf.owner(), PublicKey::toBase58))
              .append('\t')
              .append(leaf.beaconRewards().baseUnits())
              .append('\t')
              .append(leaf.witnessRewards().baseUnits())
              .append('\t')
              .append(leaf.dataTransferRewards().baseUnits())
              .append('\n');
        });
  }

  @Override
  public Optional<MintManifest> latestManifest() {
    return run(
        h ->
            h.queryOne(
                    "SELECT sequence, manifest FROM rewards.ledger_entries"
                        + " ORDER BY sequence DESC LIMIT 1",
                    r ->
                        new Object[] {
                          r.get("sequence", Long.class), r.get("manifest", byte[].class)
                        })
                .map(
                    row ->
                        parse(
                            (Long) row[0],
                            () -> MintManifest.fromCanonicalBytes((byte[]) row[1]))));
  }

  @Override
  public List<LedgerEntry> readAll() {
    return run(h -> read(h, "", new Object[0]));
  }

  @Override
  public Optional<LedgerEntry> latest() {
    return run(
        h ->
            read(
                    h,
                    " WHERE sequence = (SELECT max(sequence) FROM rewards.ledger_entries)",
                    new Object[0])
                .stream()
                .findFirst());
  }

  @Override
  public Optional<LedgerEntry> findByEpoch(long epochIndex) {
    return run(h -> read(h, " WHERE epoch = $1", new Object[] {epochIndex}).stream().findFirst());
  }

  @Override
  public long size() {
    return run(
        h ->
            h.queryOne("SELECT count(*) FROM rewards.ledger_entries", row -> row.get(0, Long.class))
                .orElse(0L));
  }

  /**
   * The stored copies next to the manifest bytes, for the audit that they agree.
   *
   * @return per sequence, in sequence order
   */
  public List<StoredColumns> storedColumns() {
    return run(
        h ->
            h.query(
                "SELECT sequence, epoch, manifest_hash FROM rewards.ledger_entries"
                    + " ORDER BY sequence",
                row ->
                    new StoredColumns(
                        row.get("sequence", Long.class),
                        row.get("epoch", Long.class),
                        row.get("manifest_hash", byte[].class))));
  }

  /**
   * The key columns of one {@code ledger_entries} row.
   *
   * @param sequence the sequence column
   * @param epoch the epoch column
   * @param manifestHash the manifest_hash column
   */
  public record StoredColumns(long sequence, long epoch, byte[] manifestHash) {}

  private static List<LedgerEntry> read(Sql.Handle h, String where, Object[] args) {
    List<Long> sequences = new ArrayList<>();
    Map<Long, byte[]> manifests = new TreeMap<>();
    for (Object[] row :
        h.query(
            "SELECT sequence, manifest FROM rewards.ledger_entries" + where + " ORDER BY sequence",
            r -> new Object[] {r.get("sequence", Long.class), r.get("manifest", byte[].class)},
            args)) {
      sequences.add((Long) row[0]);
      manifests.put((Long) row[0], (byte[]) row[1]);
    }
    if (sequences.isEmpty()) {
      return List.of();
    }
    String range = " WHERE sequence BETWEEN $1 AND $2";
    Object[] bounds = {sequences.get(0), sequences.get(sequences.size() - 1)};
    Map<Long, List<OracleSignature>> signatures = new TreeMap<>();
    h.query(
        "SELECT sequence, oracle, signature FROM rewards.ledger_signatures"
            + range
            + " ORDER BY sequence, position",
        r -> {
          long sequence = r.get("sequence", Long.class);
          signatures
              .computeIfAbsent(sequence, s -> new ArrayList<>())
              .add(parse(sequence, () -> signature(r)));
          return Boolean.TRUE;
        },
        bounds);
    Map<Long, List<RewardLeaf>> leaves = new TreeMap<>();
    h.query(
        "SELECT sequence, hotspot, owner, beacon, witness, data_transfer"
            + " FROM rewards.ledger_leaves"
            + range
            + " ORDER BY sequence, hotspot",
        r -> {
          long sequence = r.get("sequence", Long.class);
          leaves
              .computeIfAbsent(sequence, s -> new ArrayList<>())
              .add(parse(sequence, () -> leaf(r)));
          return Boolean.TRUE;
        },
        bounds);
    List<LedgerEntry> entries = new ArrayList<>();
    for (long sequence : sequences) {
      MintManifest manifest =
          parse(sequence, () -> MintManifest.fromCanonicalBytes(manifests.get(sequence)));
      List<RewardLeaf> entryLeaves = leaves.getOrDefault(sequence, List.of());
      entries.add(
          parse(
              sequence,
              () ->
                  new LedgerEntry(
                      manifest, signatures.getOrDefault(sequence, List.of()), entryLeaves)));
    }
    return List.copyOf(entries);
  }

  private static OracleSignature signature(Row r) {
    return new OracleSignature(
        PublicKey.fromBase58(r.get("oracle", String.class)), r.get("signature", byte[].class));
  }

  private static RewardLeaf leaf(Row r) {
    return new RewardLeaf(
        PublicKey.fromBase58(r.get("hotspot", String.class)),
        PublicKey.fromBase58(r.get("owner", String.class)),
        TokenAmount.of(r.get("beacon", Long.class)),
        TokenAmount.of(r.get("witness", Long.class)),
        TokenAmount.of(r.get("data_transfer", Long.class)));
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(long sequence, Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException | ArithmeticException | MalformedLedgerBytesException e) {
      throw new UnreadableEntryException(sequence, e.getMessage());
    }
  }
}
